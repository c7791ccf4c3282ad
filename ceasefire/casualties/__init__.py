"""ceasefire.casualties: killed and wounded counts over the dependency parse."""
