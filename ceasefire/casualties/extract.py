"""Killed and wounded counts from the dependency parse.

A *harm predicate* is a token that says people died or were hurt:

- the verbs kill, slay, massacre, murder, die, perish (killed) and wound,
  injure, hurt, maim (wounded); "shot dead", "stabbed to death" (killed);
- "dead", "wounded", "injured" as predicates of people ("left 43 people dead",
  "one Iraqi dead and two others wounded", "a man is dead");
- the nouns death(s), toll, lives and killing ("15 deaths", "a death toll of
  10", "claimed 200,000 lives", "the killing of six Arabs").

Its *victims* come from the parse, not from word order: the passive subject
("46 civilians were killed"), the object of an active verb ("killing 12
people"), the subject of die / dead. Each victim noun phrase gives a figure
(:mod:`.numbers`) from its number ("at least 12", "dozens of", "two of its
employees", "a woman"); coordinated victims add up within one group ("two
children and their mother" is 3 civilians) and stay apart across groups ("a
soldier and a civilian"). Counts under "including" are parts of the total
before them and are not counted again.

Only asserted statements count ("could kill thousands", "nearly killed" and
"no one was hurt" give none); the claimant is who the sentence says reports
it ("according to X", "X said") or the speaker of the quote it stands in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import ActorRef, Casualty
from .groups import group_of
from .numbers import SEVERAL, Figure, figure_at, word_value

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..nlp.context import ArticleContext

KILL_VERBS = frozenset({"kill", "slay", "massacre", "murder", "assassinate", "execute", "behead"})
DIE_VERBS = frozenset({"die", "perish"})
WOUND_VERBS = frozenset({"wound", "injure", "hurt", "maim"})
# Verbs that kill with a result phrase: "shot dead", "stabbed to death", "beaten to death".
MANNER_VERBS = frozenset({"shoot", "stab", "beat", "club", "burn", "hack", "stone", "bludgeon", "gun", "crush"})
STATE_WORDS = {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded"}
DEATH_NOUNS = frozenset({"death", "toll", "life", "killing", "fatality"})
# Nouns that stand for the people they count ("others", "more", "another 22").
OTHERS = frozenset({"other", "others", "more"})
# Nouns whose "of" phrase holds the count: "a family of seven", "a total of 100,000 people".
COLLECTIVE = frozenset({"family", "group", "total", "number", "death", "life", "killing", "toll"})
NEAR_MISS = frozenset({"nearly", "almost", "narrowly"})
SUBJ = ("nsubj", "nsubjpass")


@dataclass
class _Part:
    """One victim conjunct: its figure, group, actor and span."""

    figure: Figure | None  # None: counts as one only beside a counted conjunct ("him and 10 others")
    group: str
    actor: ActorRef | None
    start: int
    end: int


def harm_kind(tok: Token) -> str | None:
    """"killed" or "wounded" when ``tok`` is a harm predicate (see the module doc)."""
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
    if pred.lower_ in STATE_WORDS and pred.lemma_.lower() not in KILL_VERBS | WOUND_VERBS | DIE_VERBS | MANNER_VERBS:
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
    subjects = _children(pred, ("nsubj",))
    if pred.tag_ in ("VBN", "VBD") and pred.dep_ == "conj" and subjects and not _children(pred, ("aux",)):
        return subjects  # "... were killed and six wounded": the elided "were"
    if pred.dep_ == "conj" and not subjects and pred.tag_ == "VBN":
        head = pred.head
        if harm_kind(head) is None or harm_kind(head) == harm_kind(pred):
            inherited = _children(head, ("nsubjpass",))
            if inherited:
                return inherited  # "was hit by a car and killed", "were shot and wounded"
    if not subjects:
        # "have killed, raped and enslaved thousands": the object of the last verb of the series
        for c in pred.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and harm_kind(c) is None and not _children(c, SUBJ):
                found = _children(c, ("dobj",))
                if found:
                    return found
    return []


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
    return [c for c in pred.children if c.i < pred.i and c.dep_ in ("npadvmod", "dep", "nmod") and _is_number(c)]


def _number_head(noun: Token) -> Token | None:
    """The token carrying the number of the phrase headed by ``noun``, if any."""
    if _is_number(noun):
        return noun
    for c in noun.children:
        if c.dep_ in ("nummod",) and _is_number(c):
            return c
    return None


def _is_number(tok: Token) -> bool:
    from .numbers import VAGUE

    return word_value(tok) is not None or tok.lower_ in VAGUE or (tok.like_num and tok.pos_ == "NUM")


def _span(tokens: list[Token]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return start, end


def _of_object(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def part_of(noun: Token, ctx: ArticleContext) -> _Part | None:
    """The figure and group of one victim noun phrase; None when it names no people count."""
    if any(c.dep_ == "det" and c.lower_ in ("no",) for c in noun.children) or noun.lower_ in ("none", "nobody"):
        return None
    of = _of_object(noun)
    people = noun
    head = _number_head(noun)
    if head is None and of is not None and noun.lemma_.lower() in COLLECTIVE:
        # "a family of seven civilians", "the deaths of 1,000 people", "a total of 100,000 people"
        inner = _number_head(of)
        if inner is None:
            return None  # "a number of fighters", "the death of a star"
        head, people, noun = inner, of, of
    if head is not None and head is noun and of is not None:
        people = of  # "dozens of people", "two of its employees", "hundreds of thousands"
        if _is_number(of):
            people = _of_object(of) or noun
    figure: Figure | None = None
    tokens = [noun]
    if head is not None:
        found = figure_at(head)
        if found is None:
            return None
        figure, tokens = found[0], [*found[1], noun]
    elif any(c.lower_ == "several" for c in noun.children):
        figure = Figure(SEVERAL, SEVERAL, None)
    elif noun.tag_ in ("NN", "NNP") and any(
        c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in noun.children
    ):
        figure = Figure.exact(1)
    elif noun.lower_ == "another":
        figure = Figure.exact(1)
    elif noun.pos_ == "PRON" or noun.tag_ in ("NN", "NNP"):
        if noun.lower_ in ("who", "which", "that", "they", "them", "those"):
            return None
        if noun.tag_ == "NNP" and noun.ent_type_ != "PERSON":
            return None  # a place or an organisation beside the victims, not one of them
        figure = None  # a single person, counted only beside a counted conjunct
    else:
        return None
    group, actor = group_of(people, ctx)
    start, end = _span([*tokens, people])
    return _Part(figure, group, actor, start, end)


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


def _merge(parts: list[_Part]) -> list[_Part]:
    """Sum coordinated parts: one total when they name one group (or unknown beside one
    group), else one total per group."""
    counted = [p for p in parts if p.figure is not None]
    if not counted:
        return []
    for p in parts:
        if p.figure is None:
            p.figure = Figure.exact(1)
    groups = {p.group for p in parts} - {"unknown"}
    if len(groups) <= 1:
        return [_sum(parts, next(iter(groups), "unknown"))]
    return [_sum([p for p in parts if p.group == g], g) for g in sorted({p.group for p in parts})]


def _sum(parts: list[_Part], group: str) -> _Part:
    def add(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    figs = [p.figure for p in parts if p.figure is not None]
    fig = Figure(add([f.low for f in figs]), sum(f.best for f in figs), add([f.high for f in figs]))
    actors = {p.actor.id: p.actor for p in parts if p.actor is not None}
    actor = next(iter(actors.values())) if len(actors) == 1 else None
    return _Part(fig, group, actor, min(p.start for p in parts), max(p.end for p in parts))


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


def _claimant(pred: Token, ctx: ArticleContext) -> ActorRef | None:
    from ..events import resolve_actor
    from ..events.frames import frame_of, report_subject

    frame = frame_of(pred)
    if frame.according_to is not None:
        who = resolve_actor(frame.according_to, ctx)
        if who is not None:
            return who
    if frame.report_verb is not None:
        who = resolve_actor(report_subject(frame.report_verb), ctx)
        if who is not None:
            return who
    for q in ctx.quotes:
        if q.speaker is not None and q.start <= pred.idx < q.end:
            return q.speaker
    return None


def _paired(pred: Token) -> bool:
    """"killing and wounding more than 30": one figure for two kinds, so neither."""
    kind = harm_kind(pred)
    for other in (*[c for c in pred.children if c.dep_ == "conj"], pred.head if pred.dep_ == "conj" else None):
        if other is None or other == pred:
            continue
        k = harm_kind(other)
        if k is not None and k != kind and abs(other.i - pred.i) == 2:
            mine, theirs = victims_of(pred), victims_of(other)
            if not mine or not theirs:
                return True
    return False


def counts_at(pred: Token, kind: str, ctx: ArticleContext) -> list[Casualty]:
    """The counts a harm predicate states."""
    if pred.lemma_.lower() in DEATH_NOUNS:
        return _noun_counts(pred, ctx)
    if _paired(pred) or not _asserted(pred):
        return []
    out = []
    claimant = None
    for victim in victims_of(pred):
        parts = [p for p in (part_of(v, ctx) for v in _conjuncts(victim, pred)) if p is not None]
        for part in _merge(parts):
            claimant = claimant or _claimant(pred, ctx)
            out.append(_casualty(kind, part, pred, claimant))
    return out


def _casualty(kind: str, part: _Part, pred: Token, claimant: ActorRef | None) -> Casualty:
    fig = part.figure or Figure.exact(1)
    text = pred.doc.text
    return Casualty(
        kind=kind,
        low=fig.low,
        best=fig.best,
        high=fig.high,
        group=part.group,
        actor=part.actor,
        claimant=claimant,
        mention=text[part.start : part.end],
        start=part.start,
        end=part.end,
        trigger_start=pred.idx,
    )


def _noun_counts(noun: Token, ctx: ArticleContext) -> list[Casualty]:
    """"15 deaths", "the deaths of 1,000 people", "claimed 200,000 lives", "a death toll of 10",
    "the toll rose to 46", "the killing of six Arabs"."""
    lemma = noun.lemma_.lower()
    if lemma == "life":
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in ("claim", "take", "cost", "lose"):
            if not (noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in ("claim", "take", "cost")):
                return []
            verb = noun.head.head
        if not _asserted(verb):
            return []
    elif not _asserted(noun):
        return []
    candidates: list[Token] = []
    if lemma == "toll":
        of = _of_object(noun)
        if of is not None:
            candidates.append(of)
        pred = noun.head if noun.dep_ in SUBJ else None
        if pred is not None:
            for c in pred.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                    candidates += [o for o in c.children if o.dep_ == "pobj"]
                if c.dep_ in ("attr", "dobj") and c != noun:
                    candidates.append(c)
    elif lemma in ("killing", "death") and _number_head(noun) is None:
        of = _of_object(noun)
        if of is not None:
            candidates.append(of)
    else:
        candidates.append(noun)
    out = []
    for cand in candidates:
        parts = [p for p in (part_of(v, ctx) for v in _conjuncts(cand, noun)) if p is not None]
        for part in _merge(parts):
            if lemma == "toll" and part.figure is not None and _is_year(cand):
                continue
            out.append(_casualty("killed", part, noun, _claimant(noun, ctx)))
    return out


def _is_year(tok: Token) -> bool:
    v = word_value(tok)
    return v is not None and 1900 <= v <= 2100 and tok.text.isdigit() and len(tok.text) == 4


def find_casualties(doc: Doc, ctx: ArticleContext) -> Iterator[Casualty]:
    """Every killed and wounded count stated in a parsed article, in text order; a victim
    phrase reached by two predicates ("shot dead") is counted once."""
    seen: set[tuple[str, int]] = set()
    for tok in doc:
        kind = harm_kind(tok)
        if kind is None and tok.lemma_.lower() in DEATH_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            kind = "killed"
        if kind is None:
            continue
        for c in counts_at(tok, kind, ctx):
            key = (c.kind, c.start)
            if key in seen:
                continue
            seen.add(key)
            yield c
