"""The PLOVER trigger lexicon: which words (and in which constructions) signal which event.

The lexicon is the data file ``data/triggers.tsv`` next to this module; its header
documents the format. It is read once per process, on first use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

LEXICON_PATH = Path(__file__).parent / "data" / "triggers.tsv"

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

CONSTRAINT_KINDS = (
    "obj",
    "notobj",
    "notpobj",
    "subj",
    "head",
    "prep",
    "pobj",
    "prt",
    "mod",
    "xcomp",
    "ccomp",
    "comp",
    "active",
)

# In an obj: list, this word matches an object the tagger names as a person ("released Alan
# Johnston"), so release/free need not list every title a freed captive may carry.
PERSON_WORD = "@person"

# Heads that stand for their "of" complement ("thousands of protesters", "a total of 21 suspects").
QUANTITY_HEADS = frozenset(
    {
        "thousand",
        "hundred",
        "dozen",
        "million",
        "some",
        "many",
        "most",
        "member",
        "group",
        "number",
        "scores",
        "score",
        "couple",
        "handful",
        "majority",
        "part",
        "total",
        "dozens",
        "hundreds",
        "thousands",
        "body",
        "team",
        "unit",
        "series",
        "wave",
        "spate",
        "string",
        "flurry",
        "barrage",
        "round",
        # amounts of goods ("700 kg of medicine", "a shipment of arms")
        "kg",
        "kilogram",
        "kilo",
        "ton",
        "tonne",
        "litre",
        "liter",
        "gallon",
        "barrel",
        "truckload",
        "shipment",
        "consignment",
        "crate",
        "batch",
    }
)

OBJ_DEPS = ("dobj", "obj", "nsubjpass", "attr", "oprd")
MOD_DEPS = ("compound", "amod", "nmod", "npadvmod")


class LexiconError(ValueError):
    """A malformed line in the trigger lexicon."""


@dataclass(frozen=True)
class Constraint:
    kind: str
    words: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma with its part of speech, type, mode and constraints."""

    type: str
    mode: str | None
    pos: str  # "VERB" | "NOUN"
    lemma: str
    constraints: tuple[Constraint, ...] = ()

    @property
    def specificity(self) -> int:
        return len(self.constraints)


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Trigger, ...]

    @functools.cached_property
    def by_lemma(self) -> dict[tuple[str, str], tuple[Trigger, ...]]:
        out: dict[tuple[str, str], list[Trigger]] = {}
        for e in self.entries:
            out.setdefault((e.pos, e.lemma), []).append(e)
        # most specific first, so the first satisfied entry is the best one
        return {k: tuple(sorted(v, key=lambda t: -t.specificity)) for k, v in out.items()}

    def match(self, token: Token) -> Trigger | None:
        """The most specific entry whose lemma, part of speech and constraints fit ``token``."""
        pos = token_pos(token)
        keys = lemma_keys(token)
        prefixed = _prefixed(token)
        if prefixed:
            # "re-equip", "re-arming": the tokenizer splits the prefix off and the tagger guesses
            pos = "VERB" if any(("VERB", k) in self.by_lemma for k in prefixed) else pos
            keys = prefixed + keys
        if pos is None:
            return None
        for lemma in keys:
            for entry in self.by_lemma.get((pos, lemma), ()):
                if all(satisfied(c, token) for c in entry.constraints):
                    return entry
        if (
            pos == "NOUN"
            and token.dep_ in ("conj", "xcomp", "ccomp", "advcl")
            and (token.tag_.startswith("VB") or token.lower_ == token.lemma_.lower())
        ):  # base form, not "allies"
            # a verb the tagger took for a noun ("to re-equip and redeploy"): bare verb entries only
            for lemma in keys:
                if ("NOUN", lemma) in self.by_lemma:
                    return None
                for entry in self.by_lemma.get(("VERB", lemma), ()):
                    if not entry.constraints:
                        return entry
        return None


def token_pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.dep_ in ("dobj", "nsubj", "pobj")):
        return "NOUN"
    return None


PREFIXES = ("re", "counter", "co")


def _prefixed(token: Token) -> tuple[str, ...]:
    """Lemma keys with a hyphenated prefix split off by the tokenizer ("re" "-" "arm")."""
    i = token.i
    doc = token.doc
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in PREFIXES:
        p = doc[i - 2].lower_
        lemma = token.lemma_.lower()
        return (f"{p}-{lemma}", f"{p}{lemma}")
    return ()


def lemma_keys(token: Token) -> tuple[str, ...]:
    """The lemma and, for nouns, the lowercased surface (the small model's lemmas are noisy)."""
    lemma = token.lemma_.lower()
    lower = token.lower_
    if lower != lemma:
        return (lemma, lower)
    return (lemma,)


def _child_lemmas(token: Token, deps: tuple[str, ...]) -> set[str]:
    return {c.lemma_.lower() for c in token.children if c.dep_ in deps} | {
        c.lower_ for c in token.children if c.dep_ in deps
    }


def objects_of(token: Token) -> list[Token]:
    """Direct objects, passive subjects, or the noun a participle/relative clause modifies."""
    objs = [c for c in token.children if c.dep_ in OBJ_DEPS]
    if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
        objs.append(token.head)
    if token.dep_ == "relcl":
        # "an agreement which was concluded": the relative pronoun stands for the head noun
        objs = [token.head if c.tag_ in ("WDT", "WP") else c for c in objs]
    out: list[Token] = []
    for o in objs:
        if o.lemma_.lower() in QUANTITY_HEADS or o.pos_ == "NUM":
            # "a total of 21 suspects", "dozens of prisoners"
            o = next(
                (
                    g
                    for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children
                    if g.dep_ == "pobj"
                ),
                o,
            )
        out.append(o)
        out.extend(o.conjuncts)
    return out


def _word_in(o: Token, words: frozenset[str]) -> bool:
    if o.lemma_.lower() in words or o.lower_ in words:
        return True
    return PERSON_WORD in words and o.ent_type_ == "PERSON"


def satisfied(c: Constraint, token: Token) -> bool:
    if c.kind == "obj":
        return any(_word_in(o, c.words) for o in objects_of(token))
    if c.kind == "notobj":
        # "met the demand", "meet the deadline": the entry holds unless an object is one of these
        return not any(_word_in(o, c.words) for o in objects_of(token))
    if c.kind == "prep":
        return bool(_child_lemmas(token, ("prep", "agent", "dative")) & c.words)
    if c.kind == "pobj":
        return any(
            g.dep_ == "pobj" and (g.lemma_.lower() in c.words or g.lower_ in c.words)
            for p in token.children
            if p.dep_ in ("prep", "dative")
            for g in p.children
        )
    if c.kind == "notpobj":
        # "warned of famine": the entry holds unless a prepositional object is one of these
        return not satisfied(Constraint("pobj", c.words), token)
    if c.kind == "prt":
        return bool(_child_lemmas(token, ("prt", "advmod", "prep")) & c.words)
    if c.kind == "mod":
        mods = _child_lemmas(token, MOD_DEPS)
        # hyphenated compounds ("video-conference", "US-led") split into several tokens
        before = token.doc[max(token.i - 3, 0) : token.i]
        mods |= {t.lower_ for t in before}
        # and the modifier itself may be hyphenated: "an open-ended strike", "a 24-hour strike"
        mods |= {
            a.lower_ + "-" + b.lower_
            for a, h, b in zip(before, before[1:], before[2:], strict=False)
            if h.text == "-"
        }
        return bool(mods & c.words)
    if c.kind == "subj":
        subs = [ch for ch in token.children if ch.dep_ in ("nsubj", "nsubjpass")]
        subs += [x for s in subs for x in s.conjuncts]
        return any(s.lemma_.lower() in c.words or s.lower_ in c.words for s in subs)
    if c.kind == "head":
        gov = token.head.head if token.dep_ == "pobj" else token.head
        return gov != token and (gov.lemma_.lower() in c.words or gov.lower_ in c.words)
    if c.kind == "ccomp":
        return any(ch.dep_ == "ccomp" for ch in token.children)
    if c.kind == "xcomp":
        return any(ch.dep_ == "xcomp" for ch in token.children)
    if c.kind == "comp":
        # an object, an infinitive, or a "for/on" complement: "asked Moscow", "asked to", "asked for"
        return any(
            ch.dep_ in ("dobj", "xcomp", "dative")
            or (ch.dep_ == "prep" and ch.lower_ in ("for", "on", "upon"))
            for ch in token.children
        )
    if c.kind == "active":
        return not any(ch.dep_ in ("nsubjpass", "auxpass") for ch in token.children) and not (
            token.dep_ in ("acl", "amod") and token.tag_ == "VBN"
        )
    raise LexiconError(f"unknown constraint kind {c.kind!r}")


def parse_constraints(text: str, where: str) -> tuple[Constraint, ...]:
    if text in ("", "-"):
        return ()
    out = []
    for part in text.split(";"):
        kind, _, words = part.strip().partition(":")
        if kind not in CONSTRAINT_KINDS:
            raise LexiconError(f"{where}: unknown constraint {kind!r} (one of {', '.join(CONSTRAINT_KINDS)})")
        if kind not in ("xcomp", "ccomp", "comp", "active") and not words:
            raise LexiconError(f"{where}: constraint {kind!r} needs words, e.g. {kind}:a|b")
        out.append(Constraint(kind, frozenset(w.strip().lower() for w in words.split("|") if w.strip())))
    return tuple(out)


def parse_lexicon(text: str, source: str = "<string>") -> Lexicon:
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        where = f"{source}:{n}"
        if len(cols) < 4:
            raise LexiconError(f"{where}: expected type, mode, pos, lemma[, requires] separated by tabs")
        typ, mode, pos, lemma = (c.strip() for c in cols[:4])
        if typ not in PLOVER_TYPES:
            raise LexiconError(f"{where}: {typ!r} is not a PLOVER type")
        if pos not in ("VERB", "NOUN"):
            raise LexiconError(f"{where}: pos must be VERB or NOUN, not {pos!r}")
        cons = parse_constraints(cols[4].strip() if len(cols) > 4 else "-", where)
        entries.append(Trigger(typ, None if mode == "-" else mode, pos, lemma.lower(), cons))
    return Lexicon(tuple(entries))


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """The trigger lexicon, read once per process."""
    return parse_lexicon(path.read_text(encoding="utf-8"), str(path))
