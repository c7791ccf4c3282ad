"""The rules' merging: linked triggers of one act are one event; repeated mentions; a consequence inherits its source."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...models import ActorRef, Event
from ..lexicon import Trigger
from ..location import PLACE_PREPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


from .tree import _children, _infinitival, _is_passive
from .words import CONSEQUENCE_LEMMAS, LIGHT_VERBS


def _linked(a: Token, b: Token) -> bool:
    """Whether two triggers describe one act: the same token, or one a direct argument of the
    other ("launched attacks", "carried out strikes", "bombing campaign")."""
    if a == b:
        return True
    if (a.head == b and a.dep_ != "conj") or (b.head == a and b.dep_ != "conj"):
        return True  # "launched attacks", "bombing campaign"; not "dismissed X and arrested Y"
    return a.head == b.head and a.head.lemma_.lower() in LIGHT_VERBS and a.dep_ == b.dep_ != "conj"


def _purpose_of(tok: Token, main: Token) -> bool:
    """Whether ``tok`` heads what ``main`` (or the verb carrying it) is done for: an infinitive
    ("launched an offensive to retake X") or a participle's complement ("a raid, aimed at capturing X")."""
    anchors = {main.i}
    if main.dep_ in ("dobj", "nsubjpass") and main.head.lemma_.lower() in LIGHT_VERBS:
        anchors.add(main.head.i)
    t, purposeful = tok, False
    for _ in range(4):
        if t.dep_ in ("xcomp", "advcl", "acl", "relcl") and (_infinitival(t) or t.tag_ == "VBN"):
            purposeful = True
        elif t.dep_ not in ("pcomp", "prep"):
            return False
        t = t.head
        if t.i in anchors:
            return purposeful
    return False


# pronoun subjects that point back at an act, not at a party ("this might hit civilians")
_ACT_PRONOUNS = frozenset({"this", "that", "it"})


def _inherit_consequence_source(
    tok: Token, trig: Trigger, coded: list[Event], earlier: list[tuple[Event, Token]]
) -> list[Event]:
    """ "X stopped bombing Y for fear that civilians could be hit", "... on the grounds that this might
    hit Z": an attack verb with no agent, or with an act pronoun as subject, is done by whoever did the
    attack just coded before it in the sentence."""
    if trig.type != "ASSAULT" or trig.pos != "VERB" or tok.pos_ != "VERB":
        return coded
    subjects = _children(tok, ("nsubj",))
    agentless = _is_passive(tok) and not _children(tok, ("agent",))
    if not (agentless or (subjects and all(t.lower_ in _ACT_PRONOUNS for t in subjects))):
        return coded
    prior = [e for e, t in earlier if e.type == trig.type and e.source is not None and t.i < tok.i]
    if not prior:
        return coded
    return [replace(e, source=prior[-1].source) if e.source is None else e for e in coded]


def _same_actor(x: ActorRef | None, y: ActorRef | None) -> bool:
    return x is None or y is None or x.id == y.id


def _demonstrative(tok: Token) -> bool:
    """ "this raid", "that demand", "these attacks": pointing back, not reporting anew."""
    return any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in tok.children)


def _anaphoric(tok: Token, coded: list[Event]) -> bool:
    """A definite or demonstrative nominal trigger with no actors, place or date of its own."""
    if any(e.source or e.target or e.date for e in coded):
        return False
    if any(e.status != "asserted" for e in coded):
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if not dets & {"the", "this", "that", "these", "those", "such"}:
        return False
    # its own place ("the bombing in Aleppo") makes it a report, not a back-reference
    return not any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS for c in tok.children)


def _dedupe(found: list[tuple[Event, Token]]) -> list[Event]:
    """The events of :func:`dedupe_pairs`."""
    return [e for e, _tok in dedupe_pairs(found)]


def dedupe_pairs(found: list[tuple[Event, Token]]) -> list[tuple[Event, Token]]:
    """Merge events of one type and status whose triggers are linked and whose actors agree,
    keeping the most confident (and filling in the actors the other one found). The toll of an
    attack ("killing 20", "injured dozens", "destroyed vehicles") is part of that attack."""
    kept: list[tuple[Event, Token]] = []
    for e, tok in found:
        purpose = next(
            (
                i
                for i, (k, ktok) in enumerate(kept)
                if k.type == e.type == "ASSAULT"
                and k.source is not None
                and _same_actor(k.source, e.source)
                and _purpose_of(tok, ktok)
            ),
            None,
        )
        if purpose is not None:
            # "launched an offensive to retake the town from X", "a raid aimed at capturing X": what
            # an attack is for is that attack; it keeps the attack's status and gains the target
            k, ktok = kept[purpose]
            kept[purpose] = (
                replace(
                    k,
                    target=k.target or e.target,
                    mode=k.mode or e.mode,
                    confidence=max(k.confidence, e.confidence),
                ),
                ktok,
            )
            continue
        for i, (k, ktok) in enumerate(kept):
            consequence = (
                k.type == e.type == "ASSAULT"
                and k.status == e.status
                and CONSEQUENCE_LEMMAS & {tok.lemma_.lower(), ktok.lemma_.lower()}
                and _same_actor(k.source, e.source)
            )
            if consequence or (
                k.type == e.type
                and k.status == e.status
                and _linked(tok, ktok)
                and _same_actor(k.source, e.source)
                and _same_actor(k.target, e.target)
            ):
                best = e if e.confidence > k.confidence else k
                mode = best.mode or k.mode or e.mode
                if consequence:
                    # the attack's own trigger says how ("air strike"), its toll only what it did
                    k_toll = ktok.lemma_.lower() in CONSEQUENCE_LEMMAS
                    e_toll = tok.lemma_.lower() in CONSEQUENCE_LEMMAS
                    if k_toll != e_toll:
                        mode = (e.mode if k_toll else k.mode) or mode
                kept[i] = (
                    replace(
                        best,
                        source=k.source or e.source,
                        target=k.target or e.target,
                        mode=mode,
                        confidence=max(k.confidence, e.confidence),
                    ),
                    ktok,
                )
                break
        else:
            kept.append((e, tok))
    return kept
