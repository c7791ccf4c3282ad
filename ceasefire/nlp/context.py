"""What the extraction stages share about one article.

The NLP runner (``ceasefire.nlp.runner``) parses an article once with spaCy and
then runs the stages in order, each adding to this context:

1. ``ceasefire.actors.find_mentions(doc, ctx)``  -> ``ctx.actors``
2. ``ceasefire.places.find_places(doc, ctx)``    -> ``ctx.places``
3. ``ctx.dates`` is a ``ceasefire.dates.DateResolver`` anchored on the publication date
4. ``ceasefire.quotes.find_quotes(doc, ctx)``    -> ``ctx.quotes``
5. ``ceasefire.events.code_events(doc, ctx)``    -> events
6. ``ceasefire.casualties.find_casualties(doc, ctx)`` -> killed / wounded counts, put on the
   events of their sentences by ``ceasefire.casualties.attach``

All offsets are character offsets into the article text (== ``doc.text``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import ActorRef, Place, Quote

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span


@dataclass
class ArticleContext:
    doc: Doc
    published: dt.date | None = None
    publisher: str | None = None
    actors: list[ActorRef] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # speakers can be claimants of events
    dates: Any = None  # ceasefire.dates.DateResolver
    # "the two ministers", "their" for two persons: the mention's ActorRef holds one of the pair; the
    # other is kept here by the mention's (start, end)
    partners: dict[tuple[int, int], ActorRef] = field(default_factory=dict)

    def actor_at(self, start_char: int, end_char: int) -> ActorRef | None:
        """The actor mention overlapping the character range, longest first."""
        best: ActorRef | None = None
        for a in self.actors:
            if a.start is None or a.end is None:
                continue
            if a.start < end_char and start_char < a.end:
                if best is None or (a.end - a.start) > (best.end - best.start):  # type: ignore[operator]
                    best = a
        return best

    def partner_of(self, actor: ActorRef) -> ActorRef | None:
        """The other actor of a mention that stands for a pair, or None."""
        if actor.start is None or actor.end is None:
            return None
        return self.partners.get((actor.start, actor.end))

    def actor_for(self, span: Span) -> ActorRef | None:
        return self.actor_at(span.start_char, span.end_char)

    def places_in(self, start_char: int, end_char: int) -> list[Place]:
        return [
            p
            for p in self.places
            if p.start is not None and p.end is not None and start_char <= p.start and p.end <= end_char
        ]


_TEXT = "ceasefire.text"
_ENTS = "ceasefire.ents"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per parse: spaCy joins every token anew on each access,
    so a stage that reads it per candidate is quadratic in the article's length."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, made once per parse (spaCy makes new spans on each access)."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents
