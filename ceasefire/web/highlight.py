"""Split untrusted article text into segments to highlight.

The templates escape every segment (Jinja autoescape); nothing here produces
markup, so article text can never inject HTML however it is highlighted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # css class: "sentence", "actor", "place", "date", "event"
    title: str = ""
    href: str = ""


@dataclass(frozen=True)
class Segment:
    text: str
    kind: str = ""  # "" is plain text
    title: str = ""
    href: str = ""


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """``text`` cut at the given spans. Spans out of range or empty are dropped;
    where spans overlap, the one starting first wins (the longer one on a tie)
    and the other is dropped, so every character is in exactly one segment."""
    n = len(text)
    usable = sorted(
        (s for s in spans if 0 <= s.start < s.end <= n),
        key=lambda s: (s.start, -(s.end - s.start)),
    )
    out: list[Segment] = []
    pos = 0
    for s in usable:
        if s.start < pos:
            continue
        if s.start > pos:
            out.append(Segment(text[pos : s.start]))
        out.append(Segment(text[s.start : s.end], s.kind, s.title, s.href))
        pos = s.end
    if pos < n or not out:
        out.append(Segment(text[pos:]))
    return out


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern[str]:
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    parts = [
        rf"(?:{day}\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?)",  # 17th September 2016
        rf"(?:(?:{_MONTHS})\.?\s+{day}(?:,?\s+\d{{4}})?)",  # September 17, 2016
        rf"(?:(?:early|late|mid-?|last|next|this)\s*(?:{_MONTHS}))",  # last February
        rf"(?:(?:{_MONTHS})\s+\d{{4}})",  # September 2016
        r"(?:\d{4}-\d{2}-\d{2})",
        rf"(?:(?:on|last|next|this|since|by|until)\s+(?:{_WEEKDAYS}))",  # on Monday
        rf"(?:{_WEEKDAYS})",
        r"(?:(?:yesterday|today|tonight|the day before|earlier the same day|last (?:week|month|year|night)))",
    ]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b")


def date_spans(text: str) -> list[Span]:
    """Date expressions in ``text`` (for display only: absolute dates, month
    names, weekdays and the common relative expressions)."""
    return [Span(m.start(), m.end(), "date", "date") for m in _date_re().finditer(text)]
