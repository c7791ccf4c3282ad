"""Where an event happened: the place among the article's places that an event's trigger is about.

The places stage (``ceasefire.places``) finds and geocodes every toponym; this module picks the one
an event happened at: a place in a locative phrase on the trigger (or on the predicate governing a
nominal trigger), else in its object, else the first place of its sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Place
from .frames import governing_predicate

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from ..nlp.context import ArticleContext

# Prepositions that introduce the place of a trigger.
PLACE_PREPS = frozenset(
    {
        "in",
        "near",
        "around",
        "at",
        "outside",
        "inside",
        "across",
        "into",
        "on",
        "from",
        "throughout",
        "within",
        "towards",
        "toward",
        "over",
        "of",
        "to",
    }
)


def event_place(tok: Token, sent: Span, ctx: ArticleContext) -> Place | None:
    """The place where the event whose trigger is ``tok`` (in ``sent``) happened, or None."""
    if not ctx.places:
        return None
    anchors = [tok]
    if tok.pos_ != "VERB":
        gov = governing_predicate(tok)
        if gov != tok:
            anchors.append(gov)
    for a in anchors:
        for p in a.children:
            if p.dep_ == "prep" and p.lower_ in PLACE_PREPS:
                found = ctx.places_in(p.idx, p.right_edge.idx + len(p.right_edge))
                if found:
                    return found[0]
        for o in a.children:
            if o.dep_ in ("dobj", "nsubjpass", "npadvmod"):
                found = ctx.places_in(o.left_edge.idx, o.right_edge.idx + len(o.right_edge))
                if found:
                    return found[0]
    found = ctx.places_in(sent.start_char, sent.end_char)
    return found[0] if found else None
