"""ceasefire.quotes: direct and indirect speech, attributed to a speaker.

Public surface: :func:`find_quotes` (doc, ctx) -> list[Quote], and
:func:`quote_spans` (text) -> the stretches inside speech marks.
"""

from .extract import MIN_DIRECT_WORDS, find_quotes
from .marks import QuoteSpan, quote_spans

__all__ = ["MIN_DIRECT_WORDS", "QuoteSpan", "find_quotes", "quote_spans"]
