"""Proposer: a demand reported with a modal ("Lavrov said the groups should leave") is a REQUEST."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Event
from ..candidates import Proposal, SentenceState, proposer
from ..frames import (
    report_subject,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from ...nlp.context import ArticleContext

from .actors import resolve_actor
from .one_trigger import _date, _place
from .settings import DEFAULT_SETTINGS
from .subjects import _subjects
from .words import CONF_REPORTED_DEMAND, DEMAND_AUX, SPEECH_VERBS


def _reported_demand(tok: Token, sent: Span, ctx: ArticleContext) -> list[Event]:
    """'Lavrov said the groups should leave': the reporter asks the groups to leave."""
    if not any(c.dep_ == "aux" and c.lower_ in DEMAND_AUX for c in tok.children):
        return []
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in SPEECH_VERBS:
        return []
    src = resolve_actor(report_subject(tok.head), ctx)
    subj = _subjects(tok)
    tgt = resolve_actor(subj[0], ctx) if subj else None
    if src is None and tgt is None:
        return []
    date, precision = _date(sent, tok.head, ctx, DEFAULT_SETTINGS)
    return [
        Event(
            type="REQUEST",
            mode=None,
            sentence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            source=src,
            target=tgt,
            location=_place(tok, sent, ctx),
            date=date,
            date_precision=precision,
            status="asserted",
            trigger=tok.head.text,
            confidence=CONF_REPORTED_DEMAND,
        )
    ]


@proposer("speech", order=10)
def propose_reported_demand(tok: Token, state: SentenceState) -> list[Proposal]:
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    return [
        Proposal("speech.reported_demand", tok.head, e) for e in _reported_demand(tok, state.sent, state.ctx)
    ]
