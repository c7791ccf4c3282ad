"""The lexicon proposer: every token the trigger lexicon matches, with the event the rules code for it.

A nominal mention of an act the article already coded ("the raid", "this attack", with no actors,
place or date of its own) is proposed as ``repeated``: the rules drop it, the model may keep it.
An announced violent act ("Russia prepares to resume bombing") also yields the inferred THREATEN,
proposed under ``frame.imminent_threat``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..candidates import Proposal, SentenceState, proposer
from .merge import _anaphoric, _demonstrative, _inherit_consequence_source
from .one_trigger import _code_trigger
from .triggers import _trigger

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


@proposer("lexicon", order=30)
def propose_lexical(tok: Token, state: SentenceState) -> list[Proposal]:
    art = state.article
    trig = _trigger(tok, art.lex)
    if trig is None:
        return []
    coded = _code_trigger(tok, trig, state.sent, art.ctx, art.settings, art.lex)
    key = (trig.type, tok.lemma_.lower())
    repeated = (
        art.settings.skip_repeated_mentions
        and trig.pos == "NOUN"
        and _anaphoric(tok, coded)
        and (key in art.seen or _demonstrative(tok))
    )
    if trig.pos == "NOUN" and not repeated:
        art.seen.add(key)
    if not repeated:
        coded = _inherit_consequence_source(tok, trig, coded, state.earlier)
    rule = f"lexicon.{trig.pos.lower()}"
    out = []
    for e in coded:
        out.append(
            Proposal(rule if e.type == trig.type else "frame.imminent_threat", tok, e, repeated=repeated)
        )
        if not repeated:
            state.earlier.append((e, tok))
    return out
