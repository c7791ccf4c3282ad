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

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..models import ActorRef, Casualty
from .groups import group_of
from .numbers import SEVERAL, Figure, figure_at, word_value
from .predicates import (
    COLLECTIVE,
    DEATH_NOUNS,
    OTHERS,
    SUBJ,
    _asserted,
    _conjuncts,
    _is_number,
    _number_head,
    _of_object,
    _paired,
    harm_kind,
    victims_of,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..nlp.context import ArticleContext


@dataclass
class _Part:
    """One victim conjunct: its figure, group, actor and span."""

    figure: Figure | None  # None: counts as one only beside a counted conjunct ("him and 10 others")
    group: str
    actor: ActorRef | None
    start: int
    end: int


def _span(tokens: list[Token]) -> tuple[int, int]:
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return start, end


def part_of(noun: Token, ctx: ArticleContext) -> _Part | None:
    """The figure and group of one victim noun phrase; None when it names no people count."""
    if any(c.dep_ == "det" and c.lower_ in ("no",) for c in noun.children) or noun.lower_ in (
        "none",
        "nobody",
    ):
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


def _claimant(pred: Token, ctx: ArticleContext) -> ActorRef | None:
    """Who reports the count: the events' own claimant rule over the predicate's frame
    ("according to X", a reporting verb's subject, the speaker of an enclosing quote)."""
    from ..events.frames import frame_of
    from ..events.rules.one_trigger import claimant_of

    return claimant_of(frame_of(pred), pred, ctx)


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
            if claimant is not None and _overlaps(claimant, part):
                claimant = None  # the victims do not report their own count (a misparse)
            out.append(_casualty(kind, part, pred, claimant))
    return out


def _overlaps(actor: ActorRef, part: _Part) -> bool:
    return (
        actor.start is not None
        and actor.end is not None
        and actor.start < part.end
        and part.start < actor.end
    )


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
    """ "15 deaths", "the deaths of 1,000 people", "claimed 200,000 lives", "a death toll of 10",
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
    for sent in doc.sents:
        before: Casualty | None = None
        for tok in sent:
            kind = harm_kind(tok)
            if kind is None and tok.lemma_.lower() in DEATH_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
                kind = "killed"
            if kind is None:
                continue
            for c in counts_at(tok, kind, ctx):
                key = (c.kind, c.start or 0)
                if key in seen:
                    continue
                seen.add(key)
                if before is not None and c.group == "unknown" and _elliptic(c):
                    # "one soldier was killed and two wounded", "... and 90 others injured"
                    c = replace(c, group=before.group, actor=c.actor or before.actor)
                before = c
                yield c


def _elliptic(c: Casualty) -> bool:
    """A count that names no people of its own: "two", "90 others", "dozens more"."""
    words = (c.mention or "").lower().split()
    return bool(words) and (
        words[-1] in OTHERS
        or words[-1] in ("another",)
        or words[-1][:1].isdigit()
        or words[-1] in _NUMBER_WORDS
    )


_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozen dozens scores hundreds thousands".split()
)
