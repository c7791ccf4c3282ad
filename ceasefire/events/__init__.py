"""ceasefire.events: PLOVER event coding over the dependency parse.

Public surface::

    code_events(doc, ctx, settings=CoderSettings(), lexicon=None) -> list[Event]
    load_lexicon(path=LEXICON_PATH) -> Lexicon
"""

from .coder import CoderSettings, code_events, resolve_actor
from .lexicon import PLOVER_TYPES, Lexicon, LexiconError, Trigger, load_lexicon, parse_lexicon

__all__ = [
    "PLOVER_TYPES",
    "CoderSettings",
    "Lexicon",
    "LexiconError",
    "Trigger",
    "code_events",
    "load_lexicon",
    "parse_lexicon",
    "resolve_actor",
]
