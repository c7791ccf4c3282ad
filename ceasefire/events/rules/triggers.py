"""The lexicon proposer's trigger test: which tokens the trigger lexicon matches, idioms aside."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import Lexicon, Trigger

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


from .actors import _actor_like
from .tree import _children, _infinitival
from .words import CAPTURE_LEMMAS, HOSTILE_TYPES

# Objects that make "strike"/"hit" figurative ("struck a balance", "hit a record").
IDIOM_OBJECTS = frozenset(
    {
        "balance",
        "chord",
        "tone",
        "note",
        "record",
        "high",
        "low",
        "snag",
        "wall",
        "jackpot",
        "pose",
        "market",
        "headline",
        "button",
    }
)


# Objects that make taking figurative ("seized the opportunity", "retake the initiative").
FIGURATIVE_SPOILS = frozenset(
    {
        "initiative",
        "opportunity",
        "chance",
        "moment",
        "momentum",
        "lead",
        "advantage",
        "imagination",
        "attention",
        "headline",
        "spotlight",
        "limelight",
        "stage",
    }
)


# Promises whose content decides between AGREE and THREATEN.
PROMISE_VERBS = frozenset({"vow", "swear", "pledge", "promise"})


def _trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    trig = _lexical_trigger(tok, lex)
    if trig is not None and trig.type == "AGREE" and tok.lemma_.lower() in PROMISE_VERBS:
        # "vowed to fight", "pledged to impose sanctions": a promise of harm is a threat
        for c in tok.children:
            # "have sworn to fight": the parser may hang the infinitive as an adverbial clause
            if c.dep_ == "xcomp" or (c.dep_ == "advcl" and _infinitival(c)):
                inner = _lexical_trigger(c, lex)
                if inner is not None and inner.type in HOSTILE_TYPES:
                    return replace(trig, type="THREATEN", mode=None)
    return trig


def _idiom(tok: Token) -> bool:
    """Non-event uses of trigger words: "charged with protecting" (tasked), "strike a balance",
    "agree that" (an opinion)."""
    lem = tok.lemma_.lower()
    if lem == "charge" and any(
        p.lower_ == "with" and any(c.dep_ == "pcomp" for c in p.children) for p in tok.children
    ):
        return True
    if (
        lem in ("agree", "accept")
        and any(c.dep_ == "ccomp" for c in tok.children)
        and not any(
            c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"))
            for c in tok.children
        )
    ):
        return True  # "analysts agree that the war is lost": an opinion, not an agreement
    if lem in ("strike", "hit") and any(
        o.dep_ == "dobj"
        and o.lemma_.lower() in IDIOM_OBJECTS
        and not (o.lemma_.lower() == "market" and _attacked_market(tok, o))
        for o in tok.children
    ):
        return True
    if lem in CAPTURE_LEMMAS | {"regain"} and any(
        o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in FIGURATIVE_SPOILS for o in tok.children
    ):
        return True  # "retake the initiative", "seized the opportunity"
    return False


def _attacked_market(verb: Token, market: Token) -> bool:
    """ "Israeli jets struck a market", "the shell hit a crowded market in Idlib": a place attacked, not
    a product launched ("the phone will hit the market")."""
    if verb.lemma_.lower() == "strike" or any(
        c.dep_ in ("amod", "compound", "prep") for c in market.children
    ):
        return True
    return any(_actor_like(s) for s in _children(verb, ("nsubj",)))


def _lexical_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    if _idiom(tok):
        return None
    if tok.dep_ in ("compound", "amod") and tok.pos_ != "VERB":
        return None  # "attack helicopter", "strike force": a modifier, not an event
    if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound"):
        return None  # "US-backed rebels"
    if tok.pos_ == "PROPN" and tok.ent_type_ in (
        "ORG",
        "PERSON",
        "WORK_OF_ART",
        "LAW",
        "FAC",
        "GPE",
        "NORP",
        "PRODUCT",
    ):
        return None  # part of a name ("Russian Center for Reconciliation")
    return lex.match(tok)
