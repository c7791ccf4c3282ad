"""One actor per name: the refs other stages make for speakers, sources, targets and claimants.

The quotes stage and the event coder sometimes name an actor from a spaCy entity
the actors stage did not report at that place: the person inside "the regime of
Bashar al-Assad" (one mention, of the Syrian government), or a speaker the quote
finder read from its own parse.  They then made a generated id of their own
("PER:bashar-al-assad") beside the dictionary's ``ASSAD``, and the store held the
same person twice.  :func:`unify_refs` runs after them and gives each such ref
the actor the actors stage found on the same characters, else the dictionary
actor of the same name at the publication date.  Refs with a dictionary id, and
names the dictionary does not know, are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..models import ActorRef
from .dictionary import ActorDictionary, get_dictionary

if TYPE_CHECKING:  # pragma: no cover
    from ..nlp.context import ArticleContext

# The roles of an event that hold an actor.
EVENT_ROLES = ("source", "target", "claimant")
CASUALTY_ROLES = ("actor", "claimant")


def generated(ref: ActorRef, d: ActorDictionary) -> bool:
    """Is the id one a stage made up from a name ("PER:afraa-dagher"), not a dictionary id?"""
    return d.get(ref.id) is None and ":" in ref.id


def canonical(ref: ActorRef, ctx: ArticleContext, d: ActorDictionary | None = None) -> ActorRef:
    """The ref with the article's or the dictionary's actor for its name, mention and offsets kept."""
    d = d or get_dictionary()
    if not generated(ref, d):
        return ref
    if ref.start is not None and ref.end is not None:
        for a in ctx.actors:
            if a.start == ref.start and a.end == ref.end and a.id != ref.id:
                return replace(a, mention=ref.mention, start=ref.start, end=ref.end)
    actor = d.lookup(ref.name, ctx.published)
    if actor is None:
        return ref
    actor = d.current(actor, ctx.published)
    return actor.ref(ref.mention, ref.start, ref.end, ctx.published)


def unify_refs(ctx: ArticleContext, quotes: Iterable[Any], events: Iterable[Any]) -> None:
    """Replace, in place, every generated speaker, source, target and claimant ref (also of casualty counts) by the
    canonical actor of its name (see the module's docstring)."""
    d = get_dictionary()
    for q in quotes:
        if q.speaker is not None:
            q.speaker = canonical(q.speaker, ctx, d)
    for e in events:
        for holder, roles in ((e, EVENT_ROLES), *((c, CASUALTY_ROLES) for c in e.casualties)):
            for role in roles:
                ref = getattr(holder, role)
                if ref is not None:
                    setattr(holder, role, canonical(ref, ctx, d))
