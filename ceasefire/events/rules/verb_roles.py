"""Role proposer for verbal triggers: source and target from the verb's arguments."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import Trigger, objects_of
from ..location import PLACE_PREPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


from .actors import GENERIC_ACTORS, _actor_like
from .subjects import _subjects
from .tree import _children, _infinitival, _is_passive, _pobjs, _with_conjuncts
from .words import CAPTURE_LEMMAS, CONTENT_PARTY_TYPES, LIGHT_VERBS, TARGET_PREPS

CONTENT_PARTY_PREPS = ("with", "against", "on", "upon", "to")


# "with the support of X": backing that comes with an act, not a party it is done to ("attacked the town
# with the backing of Russian jets"). Lemmas of the AID/SUPPORT/COOPERATE nouns in triggers.tsv.
BACKING_NOUNS = frozenset(
    {"support", "backing", "help", "assistance", "aid", "cooperation", "coordination", "cover"}
)


# Verbs whose object is a party one deals with ("refused to meet X", "refused to recognise X").
PARTY_VERBS = frozenset(
    {
        "meet",
        "recognise",
        "recognize",
        "receive",
        "see",
        "join",
        "help",
        "support",
        "obey",
        "back",
        "accept",
        "engage",
        "host",
        "invite",
        "consult",
    }
)


# Verbs of what a protest is staged for ("rallies to demand X", "a strike calling for X").
PROTEST_AIMS = frozenset(
    {
        "demand",
        "protest",
        "press",
        "call",
        "urge",
        "oppose",
        "denounce",
        "condemn",
        "demonstrate",
        "seek",
        "push",
    }
)


@dataclass
class _Args:
    sources: list[Token]
    targets: list[Token]
    via_syntax: bool
    fallback: list[Token] = field(default_factory=list)  # targets to use when none of ``targets`` resolves


def _not_backing(toks: list[Token]) -> list[Token]:
    """Drop "with the support of X" from candidate targets: X backs the act, it does not suffer it."""
    return [t for t in toks if not (t.head.lower_ == "with" and t.lemma_.lower() in BACKING_NOUNS)]


def _verb_args(verb: Token, trig: Trigger) -> _Args:
    content = {w for c in trig.constraints if c.kind == "obj" for w in c.words}
    passive = _is_passive(verb)
    sources = _subjects(verb)
    via = bool(sources)
    targets: list[Token] = []
    fallback: list[Token] = []
    if passive:
        targets = [t for t in objects_of(verb) if t.dep_ != "dobj"]
    else:
        targets = [
            o
            for o in _children(verb, ("dobj", "dative"))
            if o.lemma_.lower() not in content or o.lemma_.lower() in GENERIC_ACTORS
        ]
        if verb.dep_ == "relcl" and verb.tag_ != "VBN":
            rel = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP")]
            targets = [verb.head if r in rel else r for r in targets]
    # what is given, signed or declared is not a party ("the deadline given to the militants")
    targets = [t for t in targets if t.lemma_.lower() not in content or t.lemma_.lower() in GENERIC_ACTORS]
    if trig.type == "ASSAULT" and verb.lemma_.lower() in CAPTURE_LEMMAS:
        # "captured more territory from Daesh": ground is taken from someone
        targets = [
            t for t in targets if t.pos_ in ("PROPN", "PRON") or t.lemma_.lower() in GENERIC_ACTORS
        ] or _pobjs(verb, ("from",))
    if (
        not sources
        and passive
        and (trig.type == "MOBILIZE" or (trig.type == "RETREAT" and trig.mode == "withdraw"))
    ):
        # "Russian troops were deployed", "3,000 volunteers dispatched to the region": forces that are
        # moved with no mover named stand for their own side
        sources = _children(verb, ("nsubjpass",)) or (
            [verb.head] if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") else []
        )
    if trig.type == "MOBILIZE" or (trig.type == "RETREAT" and trig.mode not in ("release", "access")):
        targets = []  # "withdrew its troops", "deployed soldiers": the actor's own forces
    elif not any(_actor_like(t) for t in targets):
        # an object that names no party ("accepted a truce with Israel") leaves room for a PP; it is
        # kept first, as the actor recogniser may still know it
        targets = _more_targets(verb, trig, targets)
    else:
        # an object that looks like a party but that the recogniser may not resolve ("donated USD1
        # million to the WFP"): the PP parties stand by, used only if no object resolves
        fallback = _more_targets(verb, trig, [])
    if trig.type in ("ASSAULT", "COERCE") and targets and not any(_actor_like(t) for t in targets):
        # "stormed the town held by the rebels", "besieged the districts the rebels control": whoever
        # holds the ground attacked suffers the attack
        targets = targets + _holders(targets)
    if trig.type == "ASSAULT" and not targets:
        targets = _displaced_against([verb])  # "fought in Aleppo against X"
    return _Args(_with_conjuncts(sources), _with_conjuncts(targets), via, _with_conjuncts(fallback))


def _more_targets(verb: Token, trig: Trigger, targets: list[Token]) -> list[Token]:
    """``targets`` with the parties a verb names outside its object: its PPs ("against X", "to X"),
    the parties inside what it is about, the one asked to act, the party of a promised act."""
    rally = ("around", "behind") if trig.type in ("SUPPORT", "COOPERATE") else ()  # "rallied behind X"
    benefit = ("for",) if trig.type == "AID" else ()  # "provided air support for the army"
    # ("complained to Lavrov about the strikes": the one complained to is the target, as the
    # project's annotation guideline codes it, unlike CAMEO's)
    asked = ("from",) if trig.type == "REQUEST" else ()  # "demanded autonomy from the authorities"
    if trig.type in (
        "ASSAULT",
        "COERCE",
        "REQUEST",
        "ACCUSE",
        "THREATEN",
        "SANCTION",
        "AID",
        "CONSULT",
        "COOPERATE",
        "AGREE",
        "SUPPORT",
        "REJECT",
        "PROTEST",
    ):
        targets = targets + _not_backing(_pobjs(verb, TARGET_PREPS + rally + benefit + asked))
    if trig.type in CONTENT_PARTY_TYPES | {"REQUEST"} and not any(_actor_like(t) for t in targets):
        # the parser hangs "for X to leave" on the verb as often as on its object
        targets = targets + _content_parties(_children(verb, ("dobj",)), trig.type) + _for_to(verb)
    if trig.type == "REQUEST" and not any(_actor_like(t) for t in targets):
        # "demanded that the US cancel the sale": the one who is to act is asked
        targets = targets + [
            sb
            for c in verb.children
            if c.dep_ == "ccomp"
            and not any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
            for sb in c.children
            if sb.dep_ in ("nsubj", "nsubjpass")
        ]
    if trig.type in ("AGREE", "THREATEN", "REJECT") and not any(_actor_like(t) for t in targets):
        # "offered to negotiate with X", "promised to continue military aid to X", "refused to meet
        # X", "refused to respond to a demand from X": the party to the promised or refused act
        for x in _children(verb, ("xcomp",)):
            pps = _pobjs(x, CONTENT_PARTY_PREPS + ("for",))
            # what one refuses to release or attack is not the one refused; whom one refuses to meet is
            objs = (
                [o for o in _children(x, ("dobj", "dative")) if _actor_like(o)]
                if (trig.type != "REJECT" or x.lemma_.lower() in PARTY_VERBS)
                else []
            )
            targets = targets + objs + pps + (_content_parties(_children(x, ("dobj",)) + pps, trig.type))
    return targets


def _holders(places: list[Token]) -> list[Token]:
    """X in "the town held by X", "the districts (that) X controls"."""
    out: list[Token] = []
    for p in places:
        for a in p.children:
            if a.dep_ not in ("acl", "relcl") or a.lemma_.lower() not in HOLDING_VERBS:
                continue
            out += [o for ag in a.children if ag.dep_ == "agent" for o in ag.children if o.dep_ == "pobj"]
            if a.dep_ == "relcl":
                out += [sb for sb in _children(a, ("nsubj",)) if sb.tag_ not in ("WDT", "WP")]
    return out


def _purpose_targets(tok: Token) -> list[Token]:
    """Whom a protest is aimed at, from what it is staged to demand or protest: "staged rallies to
    demand reforms by the government", "a hunger strike to protest against Sweden's decision",
    "demonstrations calling for the removal of the president"."""
    anchors = [tok]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
        anchors.append(tok.head)  # "staged demonstrations to demand ..."
    out: list[Token] = []
    for a in anchors:
        for v in a.children:
            if v.dep_ not in ("xcomp", "advcl", "relcl", "acl") or v.lemma_.lower() not in PROTEST_AIMS:
                continue
            against = _pobjs(v, ("against", "at", "over", "from", "by"))
            out += against + _content_parties(against + _children(v, ("dobj",)), "REQUEST")
            out += [sb for c in v.children if c.dep_ == "ccomp" for sb in c.children if sb.dep_ == "nsubj"]
            out += _pobjs(v, ("for",)) and _content_parties(_pobjs(v, ("for",)), "REQUEST")
    return out


def _content_parties(contents: list[Token], typ: str = "") -> list[Token]:
    """The other party named inside what is threatened, refused, agreed, set or asked for: "(a deadline)
    for X to leave", "(coordination) with X", "(sanctions) against X", "X's (proposal)", "(an offer)
    from X", "(a ban) by X"; for a request also "(the withdrawal) of X"."""
    out: list[Token] = []
    for c in contents:
        out += _children(c, ("poss",)) + [
            m
            for m in c.children
            if m.dep_ in ("compound", "nmod") and m.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
        ]
        out += _pobjs(c, ("by", "from") + (("of",) if typ == "REQUEST" else ()))
        out += _for_to(c) + _pobjs(c, CONTENT_PARTY_PREPS)
    return out


def _for_to(tok: Token) -> list[Token]:
    """X in "(a deadline) for X to leave": the one who is to do the infinitive."""
    as_pp = [
        o
        for o in _pobjs(tok, ("for",))
        if any(a.dep_ in ("acl", "relcl") and _infinitival(a) for a in o.children)
    ]
    as_clause = [
        s
        for c in tok.children
        if c.dep_ in ("advcl", "ccomp", "acl")
        and _infinitival(c)
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for s in c.children
        if s.dep_ == "nsubj"
    ]
    return as_pp + as_clause


def _displaced_against(hosts: list[Token]) -> list[Token]:
    """X in "continued its offensive in the north against X", "fighting near Aleppo against X": the
    parser hangs "against X" on the place or time of the act rather than on the act."""
    for h in hosts:
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in PLACE_PREPS | {"during", "after", "since"}:
                continue
            for o in p.children:
                if o.dep_ == "pobj":
                    found = _pobjs(o, ("against",))
                    if found:
                        return found
    return []


# verbs of holding ground ("the town held by X"); written for this rule, not tuned
HOLDING_VERBS = frozenset({"hold", "control", "occupy", "defend", "garrison", "man"})
