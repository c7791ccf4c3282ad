"""ceasefire: source-attributed conflict event data from raw news pages."""

__version__ = "0.1.0"
