"""Proposer: "a joint US-Russian centre": the two states named between "joint" and its noun COOPERATE."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import ActorRef, Event
from ..candidates import Proposal, SentenceState, proposer
from ..frames import (
    frame_of,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from ...nlp.context import ArticleContext

from .one_trigger import _date, _place
from .settings import DEFAULT_SETTINGS
from .words import CONF_BASE, CONF_SOURCE, CONF_TARGET


def _joint_act(tok: Token, sent: Span, ctx: ArticleContext) -> list[Event]:
    """ "a joint US-Russian centre", "joint Turkish-Russian patrols": the states named between "joint"
    and its noun work together (COOPERATE, one the source and the other the target)."""
    if tok.lower_ != "joint" or tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return []
    noun = tok.head
    parties: list[ActorRef] = []
    for t in tok.doc[tok.i + 1 : noun.i]:
        a = ctx.actor_at(t.idx, t.idx + len(t)) if t.pos_ != "PUNCT" else None
        if (
            a is not None
            and a.kind in ("state", "government", "military")
            and all(a.id != p.id for p in parties)
        ):
            parties.append(a)
    if len(parties) != 2:
        return []
    status = frame_of(noun).status
    date, precision = _date(sent, noun, ctx, DEFAULT_SETTINGS)
    return [
        Event(
            type="COOPERATE",
            mode=None,
            sentence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            source=parties[0],
            target=parties[1],
            location=_place(noun, sent, ctx),
            date=date,
            date_precision=precision,
            status=status,
            trigger=tok.text,
            confidence=CONF_BASE["NOUN"] + CONF_SOURCE + CONF_TARGET,
        )
    ]


@proposer("joint", order=20)
def propose_joint_act(tok: Token, state: SentenceState) -> list[Proposal]:
    return [Proposal("joint.modifier", tok, e) for e in _joint_act(tok, state.sent, state.ctx)]
