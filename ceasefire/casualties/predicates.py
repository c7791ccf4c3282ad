"""Harm predicates and their victims in the dependency parse (see :mod:`.extract`).

A harm predicate is a word stating that people died or were hurt; its victims are
the head nouns of the people it names, found from the parse: the passive subject,
the object of an active verb, the subject of "die" or of "dead", and a few repairs
for misparses common in wire copy (an object hung on a later verb, an elided
"were" in "... were killed and six wounded").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .numbers import VAGUE, word_value

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

KILL_VERBS = frozenset({"kill", "slay", "massacre", "murder", "assassinate", "execute", "behead"})
DIE_VERBS = frozenset({"die", "perish"})
WOUND_VERBS = frozenset({"wound", "injure", "hurt", "maim"})
# Verbs that kill with a result phrase: "shot dead", "stabbed to death", "beaten to death".
MANNER_VERBS = frozenset(
    {"shoot", "stab", "beat", "club", "burn", "hack", "stone", "bludgeon", "gun", "crush"}
)
STATE_WORDS = {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded"}
DEATH_NOUNS = frozenset({"death", "toll", "life", "killing", "fatality"})
# Nouns that stand for the people they count ("others", "more", "another 22").
OTHERS = frozenset({"other", "others", "more"})
# Nouns whose "of" phrase holds the count: "a family of seven", "a total of 100,000 people".
COLLECTIVE = frozenset({"family", "group", "total", "number", "death", "life", "killing", "toll"})
NEAR_MISS = frozenset({"nearly", "almost", "narrowly"})
SUBJ = ("nsubj", "nsubjpass")
BOUND_PREPS = frozenset({"between", "over", "around", "about", "upwards", "from"})


def harm_kind(tok: Token) -> str | None:
    """ "killed" or "wounded" when ``tok`` is a harm predicate (see the module doc)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if lemma in KILL_VERBS or lemma in DIE_VERBS:
            return "killed"
        if lemma in WOUND_VERBS:
            return "wounded"
        if lemma in MANNER_VERBS and _dead_result(tok):
            return "killed"
    if tok.lower_ in STATE_WORDS and (
        tok.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "conj", "amod", "advcl", "acl") or _counted(tok)
    ):
        return STATE_WORDS[tok.lower_]
    return None


def _dead_result(verb: Token) -> bool:
    for c in verb.children:
        if c.lower_ == "dead":
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children):
            return True
    return False


def _children(tok: Token, deps: Iterable[str]) -> list[Token]:
    deps = tuple(deps)
    return [c for c in tok.children if c.dep_ in deps]


def victims_of(pred: Token) -> list[Token]:
    """The head nouns of the people ``pred`` says were killed or hurt."""
    if (
        pred.lower_ in STATE_WORDS
        and pred.lemma_.lower() not in KILL_VERBS | WOUND_VERBS | DIE_VERBS | MANNER_VERBS
    ):
        return _state_victims(pred)
    if pred.lower_ in STATE_WORDS and pred.dep_ in ("amod", "acl", "oprd", "acomp"):
        return _state_victims(pred)
    if _counted(pred):
        return [pred]  # "the 16 killed", "four injured" taken for nouns
    passive = _children(pred, ("nsubjpass",))
    if passive:
        return passive
    if pred.lemma_.lower() in DIE_VERBS:
        return _children(pred, ("nsubj",))
    objects = _children(pred, ("dobj",))
    if objects:
        return objects
    for c in pred.children:
        # "killed between 10 and 15 people", "killed over 140,000": a bound the parser took for a preposition
        if c.dep_ == "prep" and c.lower_ in BOUND_PREPS:
            found = [o for o in c.children if o.dep_ == "pobj" and (_counted(o) or _is_number(o))]
            if found:
                return found
    subjects = _children(pred, ("nsubj",))
    if pred.tag_ in ("VBN", "VBD") and pred.dep_ == "conj" and subjects and not _children(pred, ("aux",)):
        return subjects  # "... were killed and six wounded": the elided "were"
    if pred.dep_ == "conj" and not subjects and pred.tag_ == "VBN":
        head = pred.head
        if harm_kind(head) is None or harm_kind(head) == harm_kind(pred):
            inherited = _children(head, ("nsubjpass",))
            if inherited:
                return inherited  # "was hit by a car and killed", "were shot and wounded"
    if not subjects and pred.tag_ in ("VBG", "VBD", "VBZ", "VBP") and _no_object_expected(pred):
        right = _count_right_after(pred)
        if right is not None:
            return [right]
    if not subjects:
        # "have killed, raped and enslaved thousands": the object of the last verb of the series
        for c in pred.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and harm_kind(c) is None and not _children(c, SUBJ):
                found = _children(c, ("dobj",))
                if found:
                    return found
    return []


# Words that may stand between a verb and the number of its object ("killing at least 12").
_BOUND_WORDS = frozenset(
    "at least more than up to as many over about around some nearly almost an estimated".split()
)


def _no_object_expected(pred: Token) -> bool:
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in pred.children)


def _count_right_after(pred: Token) -> Token | None:
    """The counted noun right after an active verb whose object the parser hung elsewhere
    ("killing at least 12 civilians, including ..., the Observatory said", where "civilians"
    became the subject of "said"): the number's head noun, or the number itself."""
    doc = pred.doc
    for k in range(pred.i + 1, min(pred.i + 5, pred.sent.end)):
        t = doc[k]
        if _is_number(t):
            head = t.head if t.dep_ == "nummod" and t.head.i > t.i else t
            return head if head.pos_ in ("NOUN", "PROPN", "NUM") else None
        if t.lower_ not in _BOUND_WORDS:
            return None
    return None


def _counted(tok: Token) -> bool:
    return any(c.dep_ == "nummod" and _is_number(c) for c in tok.children)


def _state_victims(pred: Token) -> list[Token]:
    """Victims of "dead" / "wounded" / "injured" used as predicates of people."""
    if _counted(pred):
        return [pred]  # "one Iraqi dead", "More than 100 dead"
    if pred.dep_ in ("amod", "acl"):
        if pred.i < pred.head.i:
            return []  # "one wounded boy", "dead civilians": a description, not a report
        return [pred.head]  # "two minors dead", "the 16 killed"
    head = pred.head
    if head.lemma_.lower() in MANNER_VERBS:
        return []  # "shot dead": the verb states it
    own = _children(pred, SUBJ)
    if own:
        return own
    if pred.dep_ in ("oprd", "ccomp", "xcomp", "advcl") and head.lemma_.lower() == "leave":
        return _children(head, ("dobj",))  # "left 43 people dead"
    if pred.dep_ in ("acomp", "oprd", "xcomp", "advcl"):
        return _children(head, SUBJ)  # "a man is dead", "hundreds lie injured"
    # "left one person dead and over a dozen injured": the count the parser hung on the word
    return [
        c for c in pred.children if c.i < pred.i and c.dep_ in ("npadvmod", "dep", "nmod") and _is_number(c)
    ]


def _number_head(noun: Token) -> Token | None:
    """The token carrying the number of the phrase headed by ``noun``, if any."""
    if _is_number(noun):
        return noun
    for c in noun.children:
        if c.dep_ in ("nummod",) and _is_number(c):
            return c
    return None


def _is_number(tok: Token) -> bool:
    return word_value(tok) is not None or tok.lower_ in VAGUE or (tok.like_num and tok.pos_ == "NUM")


def _of_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _conjuncts(noun: Token, pred: Token) -> list[Token]:
    """``noun`` and the nouns coordinated after it that share ``pred``: a conjunct followed by a
    predicate of its own ("two minors dead and four injured", "... and eight people were
    wounded") belongs to that predicate."""
    out = []
    for c in [noun, *[c for c in noun.conjuncts if c.i > noun.i]]:
        follows = _next_predicate(c)
        if follows is None or follows == pred:
            if pred.dep_ in ("amod", "acl") and c != noun and follows != pred:
                continue  # "dead" after the first noun is that noun's only
            out.append(c)
    return out


def _phrase_end(noun: Token) -> int:
    """The last token of the noun's own phrase: without its conjuncts and the harm words after it."""
    end = noun.i
    for c in noun.children:
        if c.i > noun.i and c.dep_ not in ("conj", "cc", "punct", "appos") and c.lower_ not in STATE_WORDS:
            end = max(end, c.right_edge.i)
    return end


def _next_predicate(noun: Token) -> Token | None:
    """A harm predicate right after the noun phrase (auxiliaries skipped)."""
    doc = noun.doc
    k = _phrase_end(noun) + 1
    while k < noun.sent.end and doc[k].dep_ in ("aux", "auxpass", "advmod") and k - noun.right_edge.i <= 3:
        k += 1
    if k < noun.sent.end and harm_kind(doc[k]) is not None:
        return doc[k]
    return None


def _asserted(pred: Token) -> bool:
    from ..events.frames import frame_of

    if any(c.lower_ in NEAR_MISS and c.dep_ == "advmod" for c in pred.children):
        return False
    aux = [c.lower_ for c in pred.children if c.dep_ in ("aux", "auxpass")]
    if "to" in aux and "have" not in aux:
        return False  # "enough to kill an adult": no report of a death
    target = pred
    if pred.lower_ in STATE_WORDS and pred.dep_ in ("acomp", "oprd") and pred.head.pos_ in ("VERB", "AUX"):
        target = pred.head
    return frame_of(target).status == "asserted"


def _paired(pred: Token) -> bool:
    """ "killing and wounding more than 30": one figure for two kinds, so neither."""
    kind = harm_kind(pred)
    for other in (
        *[c for c in pred.children if c.dep_ == "conj"],
        pred.head if pred.dep_ == "conj" else None,
    ):
        if other is None or other == pred:
            continue
        k = harm_kind(other)
        if k is not None and k != kind and abs(other.i - pred.i) == 2:
            mine, theirs = victims_of(pred), victims_of(other)
            if not mine or not theirs:
                return True
    return False
