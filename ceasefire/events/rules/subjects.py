"""Who does a verb: its subject, a passive's agent, the controller of an infinitive or a participle."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..frames import (
    REQUEST_VERBS,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


from .actors import _actor_like
from .tree import _children, _infinitival, _is_passive, _pobjs

# Verbs whose subject has or gets what their object gives ("had the backing of X").
# Participles of hyphenated modifiers ("London-based", "Iran-backed", "US-led") that the parser
# reads as verbs when the hyphen is missing.
MODIFIER_PARTICIPLES = frozenset(
    {"base", "back", "lead", "fund", "sponsor", "arm", "ally", "link", "affiliate", "align", "run", "support"}
)


# Verbs whose object, not subject, does the complement ("urged Russia to withdraw").
OBJECT_CONTROL = REQUEST_VERBS | frozenset(
    {
        "allow",
        "help",
        "force",
        "permit",
        "enable",
        "lead",
        "dissuade",
        "prevent",
        "stop",
        "warn",
        "accuse",
        "blame",
    }
)


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Who does ``verb``: its subject, the agent of a passive, or the controller of an infinitive."""
    subj = _children(verb, ("nsubj", "csubj", "expl"))
    subj = [s for s in subj if s.dep_ != "expl"]
    # "The London based Observatory said", "Iran backed rebels attacked": without its hyphen the
    # compound modifier is parsed as a clause that is the subject; the noun after it is the subject
    subj = [
        next((o for o in s.children if o.dep_ == "dobj"), s)
        if s.dep_ == "csubj" and s.lemma_.lower() in MODIFIER_PARTICIPLES
        else s
        for s in subj
    ]
    if subj:
        return subj
    agent = (
        _pobjs(verb, ("by",))
        if any(c.dep_ == "auxpass" or c.dep_ == "nsubjpass" for c in verb.children) or verb.tag_ == "VBN"
        else []
    )
    if agent:
        return agent
    if depth > 4 or _is_passive(verb):
        return []  # a passive verb without "by X" has no stated actor
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ == "conj":
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj", "attr"):
            # "offered them training and organized their operations": the parser coordinated the verb
            # with the object noun; the subject is the verb's that governs that noun
            gov = head.head
            while (
                gov.pos_ not in ("VERB", "AUX") and gov.head != gov and gov.dep_ in ("prep", "pobj", "dobj")
            ):
                gov = gov.head
            return _subjects(gov, depth + 1) if gov.pos_ in ("VERB", "AUX") else []
        inner = _children(head, ("nsubj",))
        if (
            head.dep_ == "ccomp"
            and head.head.pos_ in ("VERB", "AUX")
            and inner
            and not any(_actor_like(s) for s in inner)
        ):
            # "X confirmed that the raid took place, but declined to give details": the parser
            # coordinated the verb inside the reported clause, whose subject (a thing or an event)
            # cannot act; the reporting clause's subject does
            return _subjects(head.head, depth + 1)
        return _subjects(head, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return _subjects(head.head, depth + 1)  # "Russia will be able to enhance its group"
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in OBJECT_CONTROL:
            # "urged Russia to withdraw"; "called on Russia to withdraw", "appealed to the rebels to"
            objs = _children(head, ("dobj",)) or _pobjs(head, ("on", "upon", "to"))
            if objs:
                return objs
            if head.lemma_.lower() in REQUEST_VERBS:
                return []
        return _subjects(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        gov = head.head
        if gov.lemma_.lower() in OBJECT_CONTROL:
            objs = _children(gov, ("dobj",))
            if objs:
                return objs
        if gov.pos_ in ("VERB", "AUX"):
            return _subjects(gov, depth + 1)
    if verb.dep_ == "advcl" and (
        verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return _subjects(head, depth + 1)  # "..., killing 20"; "cranking up to resume bombing"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and depth > 0:
        # a participle between the trigger and the clause ("an operation, aimed at capturing X";
        # "..., designed to weaken X"): the clause's subject. Not for the trigger itself: in
        # "hit by shelling, the town burned" the town is the victim.
        return _subjects(head, depth + 1)
    if verb.dep_ in ("acl",) and verb.tag_ == "VBG":
        return [head]
    if (
        verb.dep_ == "acl"
        and head.dep_ == "pobj"
        and head.head.lower_ == "for"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return [head]  # "a deadline for the opposition to leave"
    if head.pos_ == "NOUN" and (verb.dep_ == "acl" or (verb.dep_ == "relcl" and _infinitival(verb))):
        # "Turkey's decision to withdraw": the possessor acts; "Moscow has not abandoned its decision
        # to attack", "ordered a mission to kidnap X" (the parser often makes the infinitive a
        # relative clause), "exploited the truce and the pullout to launch attacks" (an object's
        # conjunct): the governing verb's subject; "gave the militants a deadline to leave": its
        # recipient
        poss = _children(head, ("poss",))
        if poss and poss[0].pos_ != "PRON":
            return poss  # a pronoun possessor ("its decision") is better read from the governing verb
        obj = head
        while obj.dep_ == "conj" and obj.head.pos_ in ("NOUN", "PROPN"):
            obj = obj.head
        if obj.dep_ == "dobj" and obj.head.pos_ in ("VERB", "AUX"):
            recipient = _children(obj.head, ("dative",)) if _infinitival(verb) else []
            recipient = [r for r in recipient if r.dep_ == "dative" and r.pos_ != "ADP"] or [
                o for p in recipient if p.pos_ == "ADP" for o in p.children if o.dep_ == "pobj"
            ]
            subj = recipient or _subjects(obj.head, depth + 1)
            if subj:
                return subj
        return poss
    return []
