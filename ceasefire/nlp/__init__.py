"""NLP: one spaCy parse per article, then the extraction stages over it.

Public surface: :class:`Annotator`, :func:`load_model`, :class:`ArticleContext`.
"""

from .context import ArticleContext
from .runner import DEFAULT_MODEL, Annotator, load_model

__all__ = ["Annotator", "ArticleContext", "DEFAULT_MODEL", "load_model"]
