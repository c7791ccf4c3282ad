"""Find date expressions in an article and resolve them with a running context.

:class:`DateResolver` is anchored on the publication date.  On the first call
for a document it reads every sentence in order, finds the date expressions
(spaCy DATE entities plus patterns for what the small model misses: "on
Monday", "4 June, 2016", "in 2001", "last February", "earlier the same day",
...) and resolves each against the publication date and the last date
resolved before it.  Results are kept, so asking twice, or out of order, gives
the same answer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..nlp.context import doc_ents, doc_text
from .resolve import (
    DEICTIC_PRESENT_RE,
    NAMED_DATES,
    NONE,
    UNANCHORED,
    ResolvedDate,
    _Anchors,
    _cap,
    _iso,
    _norm,
    _resolve,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_M = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_MF = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept\.|sep\.|oct\.|nov\.|dec\.)"
)  # unambiguous month words
# Abbreviations without a dot count only before a day number ("Jan 21, 2019").
_MABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:1[89]|20)\d\d"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|some|a few|several|a couple of)"
)

# Each pattern's group "x" (or the whole match) is the expression.
_PATTERNS = [
    # Weekday, optionally with a date: "on Monday", "last Tuesday", "Monday December 3", "Friday's".
    rf"\b(?:(?:last|this|next|past|coming)\s+)?{_WD}(?:'s|’s)?{_PART}"
    rf"(?:,?\s+(?:the\s+)?{_D}(?:\s+of)?\s+{_M}|,?\s+{_M}\s+{_D}\b)?(?:,?\s+{_Y})?",
    # Day month [year] and month day [year].
    rf"\b{_D}(?:\s+of)?\s+{_MF}(?:,?\s+{_Y})?\b",
    rf"\b(?:{_MF}|{_MABBR})\s+{_D}\b(?:,?\s+{_Y}\b)?",
    rf"\b(?:(?:early|late|mid|the end of|the beginning of)[- ])?{_MF}(?:,|\s+of)?\s+{_Y}\b",
    # A month with a modifier: "last February", "in June", "mid-June", "since May".
    rf"\b(?P<x>(?:(?:last|this|next|this past|this coming)\s+|(?:early|late|mid|the end of|the beginning of)[- ])"
    rf"{_M})(?!\s*\d)",
    rf"\b(?:in|since|until|till|by|from|during|through|of|before|after)\s+{_M}(?![\w-]|\s*\d|\s+{_Y})",
    # A year after a preposition or modifier: "in 2001", "since 2011", "mid-2016".
    rf"\b(?:in|since|until|till|by|from|during|through|before|after|of|early|late|mid|around)[\s-]+"
    rf"(?P<x>(?:the\s+year\s+)?{_Y})\b(?![-–]\d|\s*(?:people|troops|soldiers|fighters|civilians|km|kilometres|"
    rf"kilometers|miles|metres|meters|tons|tonnes|\$|dollars|%|percent|per cent))",
    rf"\b(?P<x>(?:early|late|mid)[\s-]+{_Y})\b",
    # Numeric ISO dates and named dates.
    rf"\b{_Y}-[01]\d(?:-[0-3]\d)?\b",
    r"(?<![\d/])(?:9/11|7/7)(?![\d/])",
    # Holidays.
    rf"\b(?:easter(?:\s+sunday)?|christmas(?:\s+day|\s+eve)?|new\s+year'?s(?:\s+day|\s+eve))(?:\s+{_Y})?\b",
    # The publication day and its neighbours.
    r"\b(?:(?:earlier|later)\s+)?(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|"
    r"last\s+night|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    # Weeks, months and years around publication: "this week", "earlier this month", "last year".
    r"\b(?:(?:earlier|later)\s+)?(?:this|last|next|the\s+past|the\s+coming)\s+(?:week|weekend|month|year)\b",
    # Around the running context: "the same day", "that week", "the next day", "the day before".
    r"\b(?:(?:earlier|later)\s+)?(?:on\s+|in\s+|during\s+)?(?:the\s+)?(?:(?:very\s+)?same|next|following|previous|"
    r"prior|preceding)\s+(?:day|week|month|year)\b",
    r"\b(?:(?:earlier|later)\s+)?(?:on\s+|in\s+|during\s+)?that\s+(?:day|week|month|year)\b",
    r"\bthe\s+(?:day|week|month|year)\s+(?:before|after|earlier|later)\b",
    r"\b(?:(?:by|at|until|before|toward|towards)\s+)?(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of\s+"
    r"(?:the|this)\s+(?:week|month|year)\b",
    r"\b(?:over|at|during)\s+the\s+weekend\b",
    r"\b(?:earlier|later)\s+in\s+the\s+day\b",
    rf"\b[0-3]?\d[/.][0-3]?\d[/.]{_Y}\b",
    # Counted offsets: "two days ago", "a week later", "some days after".
    rf"\b(?:{_NUM}\s+)?(?:day|week|month|year)s?\s+(?:ago|later|earlier|afterwards)\b",
    rf"\b{_NUM}\s+(?:day|week|month|year)s?\s+(?:after|before)\b",
    # Counted from a stated date: "21 years after 1997", "two days before 12 May 2016".
    rf"\b{_NUM}\s+(?:day|week|month|year)s?\s+(?:after|before)\s+(?:(?:the\s+)?{_D}(?:\s+of)?\s+{_MF}(?:,?\s+{_Y})?"
    rf"|{_MF}\s+{_D}(?:,?\s+{_Y})?|{_MF},?\s+{_Y}|(?:the\s+year\s+)?{_Y})\b",
    # The present of the report: "in recent days", "over the past few weeks", "the latest attack".
    r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|last\s+few|past\s+few|last|past)\s+(?:days|weeks|months)\b",
    r"\b(?:currently|the\s+current|the\s+latest)\b",
    # Seasons.
    r"\b(?P<x>(?:(?:last|this|next|this\s+past|coming)\s+)(?:spring|summer|fall|autumn|winter))\b",
    rf"\b(?:spring|summer|fall|autumn|winter)(?:\s+of)?\s+{_Y}\b",
]
_PATTERN_RES = [re.compile(p, re.IGNORECASE) for p in _PATTERNS]
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_HEADS = {"plan", "schedule", "expect", "due", "set", "intend"}
_PRESENT_BE = {"is", "are", "am", "'s", "'re"}


def _is_future(doc: Doc, start: int, end: int) -> bool:
    """Whether the clause that holds the expression speaks of the future."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok: Token = span.root
    for _ in range(4):  # climb to the governing verb
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    for _ in range(2):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in tok.children):
            return True
        # "is scheduled for Monday", "is expected to take place on 14 December".
        if (
            tok.lemma_ in _FUTURE_HEADS
            and tok.tag_ in ("VBN", "JJ")
            and any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PRESENT_BE for c in tok.children)
        ):
            return True
        if tok.dep_ != "xcomp":
            break
        tok = tok.head
    return False


def candidate_spans(text: str, doc: Doc | None = None, offset: int = 0) -> list[tuple[int, int]]:
    """Character ranges (relative to ``text``) that may be date expressions."""
    cands: list[tuple[int, int]] = []
    for rx in _PATTERN_RES:
        for m in rx.finditer(text):
            g = "x" if "x" in rx.groupindex and m.group("x") else 0
            cands.append((m.start(g), m.end(g)))
    if doc is not None:
        end_off = offset + len(text)
        for ent in doc_ents(doc):
            if ent.label_ == "DATE" and ent.start_char >= offset and ent.end_char <= end_off:
                cands.append((ent.start_char - offset, ent.end_char - offset))
    return cands


def _choose(text: str, cands: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping date expressions among candidate ranges, longest first, in text order."""
    chosen: list[tuple[int, int]] = []
    probe = _Anchors(dt.date(2000, 1, 1), None, NONE, False)
    for c in sorted(set(cands), key=lambda c: (-(c[1] - c[0]), c[0])):
        if any(c[0] < o[1] and o[0] < c[1] for o in chosen):
            continue
        expr = text[c[0] : c[1]]
        # Month names are capitalised in news text; "may", "march" in lower case are verbs.
        if any(w.islower() for w in _MONTH_WORD.findall(expr)):
            continue
        if _resolve(expr, probe) is None:
            continue
        chosen.append(c)
    return sorted(chosen)


def _to_resolved(r: object, expr: str, start: int, end: int) -> ResolvedDate:
    if r is None or r is UNANCHORED:
        return ResolvedDate(None, NONE, expr, start, end)
    d, p = r  # type: ignore[misc]
    value = _iso(d, p) if d is not None else None
    first = last = None
    if d is not None:
        t = _norm(expr)
        if _WEEKEND.search(t) and d.weekday() == 5:
            first, last = d, d + dt.timedelta(days=1)
        elif _WEEK.search(t) and d.weekday() == 0:
            first, last = d, d + dt.timedelta(days=6)
    return ResolvedDate(value, p if value else NONE, expr, start, end, first, last)


# Expressions that resolve to a week (its Monday) or a weekend (its Saturday): their window is those days.
_WEEK = re.compile(r"\bweek\b|\bweeks (?:ago|later|earlier|before|after|afterwards)\b")
_WEEKEND = re.compile(r"\bweekend\b")


_MONTH_WORD = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b",
    re.IGNORECASE,
)


@dataclass
class _DocDates:
    doc: Doc
    dates: list[ResolvedDate]


class DateResolver:
    """Date resolution for one article, anchored on its publication date."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self._state: _DocDates | None = None

    # ------------------------------------------------------------ reading
    def _sentences(self, doc: Doc) -> list[tuple[int, int]]:
        if doc.has_annotation("SENT_START"):
            return [(s.start_char, s.end_char) for s in doc.sents]
        return [(0, len(doc_text(doc)))]

    def _read(self, doc: Doc) -> list[ResolvedDate]:
        if self._state is not None and self._state.doc is doc:
            return self._state.dates
        text = doc_text(doc)
        out: list[ResolvedDate] = []
        prev: ResolvedDate | None = None  # last resolved date (the running context)
        absolute: ResolvedDate | None = None  # last date stated with its year
        for s_start, s_end in self._sentences(doc):
            sent_text = text[s_start:s_end]
            for c0, c1 in _choose(sent_text, candidate_spans(sent_text, doc, s_start)):
                expr = sent_text[c0:c1]
                start, end = s_start + c0, s_start + c1
                anchors = _Anchors(
                    self.published,
                    prev.date if prev else None,
                    prev.precision if prev else NONE,
                    _is_future(doc, start, end),
                    absolute.date if absolute else None,
                    absolute.precision if absolute else NONE,
                )
                rd = _to_resolved(_resolve(expr, anchors), expr, start, end)
                out.append(rd)
                if rd.value is None or expr.strip() in NAMED_DATES or _deictic(expr):
                    # A named historical date ("9/11") is a reference, not the story's time; "the
                    # latest" says nothing the following sentences could count from.
                    continue
                is_absolute = _resolve(expr, _Anchors(None, None, NONE, False)) not in (None, UNANCHORED)
                if is_absolute:
                    absolute = rd
                    prev = rd
                elif self.published is not None:
                    prev = rd
                else:
                    # Without a publication date, only expressions resolved from the running
                    # context ("the next day") move it; a weekday guessed from the last
                    # absolute date does not.
                    no_ctx = _resolve(expr, replace(anchors, previous=None, previous_precision=NONE))
                    if _to_resolved(no_ctx, expr, start, end) != rd:
                        prev = rd
        self._state = _DocDates(doc, out)
        return out

    # ------------------------------------------------------------ public
    def resolved(self, doc: Doc) -> list[ResolvedDate]:
        """Every date expression of the article, resolved, in text order."""
        return list(self._read(doc))

    def dates_in(self, sentence: Span) -> list[ResolvedDate]:
        """Every date expression inside the span, resolved, in text order."""
        return [
            d
            for d in self._read(sentence.doc)
            if sentence.start_char <= d.start and d.end <= sentence.end_char
        ]

    def context_before(self, doc: Doc, char: int) -> ResolvedDate | None:
        """The last date resolved before a character offset (the running context)."""
        last = None
        for d in self._read(doc):
            if d.end <= char and d.value is not None:
                last = d
        return last

    def date_for(self, sentence: Span, near: int | None = None, *, inherit: bool = False) -> ResolvedDate:
        """The date of a sentence (or clause).

        Among the resolved expressions in the span, the most precise one (the
        first on ties), or with ``near`` (a character offset, e.g. an event
        trigger) the one closest to it.  Without any expression: value None,
        precision "none", empty text at the span start; with ``inherit=True``
        instead the running context date, or the publication date, at no more
        than month precision unless the context date is in the same paragraph
        (an undated sentence right after "on 17th September 2016" usually tells
        of that day; pages later, only of the same weeks).  An expression after
        "since"/"until" ranks last: it bounds a period rather than dating the
        event.
        """
        every = self.dates_in(sentence)
        found = [d for d in every if d.value is not None]
        if any(not _deictic(d.text) for d in found):
            # "the latest offensive, launched on 12 May": the calendar date wins
            found = [d for d in found if not _deictic(d.text)]
        if found:
            text, base = doc_text(sentence.doc), 0  # built once per parse

            def bounds(d: ResolvedDate) -> bool:
                """ "since 2014", "until May": the edge of a period, not the time of the event."""
                before = text[max(0, d.start - base - 12) : max(0, d.start - base)].split()
                return bool(before) and before[-1].lower() in _BOUNDARY_WORDS

            if inherit and all(bounds(d) for d in found):
                found = []  # only period edges: the running context dates the event better
        if found:
            if near is None:
                return max(found, key=lambda d: (not bounds(d), _RANK[d.precision], -d.start))

            def dist(d: ResolvedDate) -> int:
                return 0 if d.start <= near < d.end else min(abs(d.start - near), abs(d.end - near))

            return min(found, key=lambda d: (dist(d), -_RANK[d.precision]))
        at = sentence.start_char
        if inherit:
            ctx = self.context_before(sentence.doc, sentence.start_char)
            if ctx is not None and ctx.date is not None:
                # In the same paragraph the story usually goes on about the same day;
                # further on only the month is a fair guess.
                same_para = "\n" not in doc_text(sentence.doc)[ctx.end : sentence.start_char]
                p = ctx.precision if same_para else _cap(ctx.precision, "month")
                return ResolvedDate(_iso(ctx.date, p), p, "", at, at)
            if self.published is not None:
                return ResolvedDate(_iso(self.published, "month"), "month", "", at, at)
        if every:
            return every[0]  # a date expression nothing anchors
        return ResolvedDate(None, NONE, "", at, at)


_RANK = {"day": 3, "month": 2, "year": 1, "none": 0}


def _deictic(expr: str) -> bool:
    """An expression that only says "around the time of the report" ("the latest", "in recent days")."""
    return DEICTIC_PRESENT_RE.match(_norm(expr)) is not None


_BOUNDARY_WORDS = frozenset({"since", "until", "till", "through"})
