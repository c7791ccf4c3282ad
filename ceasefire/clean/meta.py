"""Header metadata: publication dates, bylines, author names, publisher names.

Only what a page states is read: a date line is parsed into ``YYYY-MM-DD`` when
it names a day, a month and a year; nothing is resolved relative to "today".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from .lines import fold, strip_edge_punct

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_DATE_PATTERNS = (
    re.compile(
        r"\b(?P<year>(?:19|20)\d{2})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
    ),  # also 2016-06-04T10:00Z
    re.compile(r"\b(?P<year>(?:19|20)\d{2})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})\b"),
    re.compile(r"\b" + _DAY + r"(?:\s*|-)(?:of\s+)?" + _MONTH + r"(?:,?\s+|-)" + _YEAR + r"\b"),
    re.compile(r"\b" + _MONTH + r"(?:\s+|-)" + _DAY + r"(?:,?\s+|-|,)" + _YEAR + r"\b"),
    # Day-first or month-first numeric dates are accepted only when unambiguous (a part > 12).
    re.compile(r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./]" + _YEAR + r"\b"),
)

# Words that may surround a date on a date line without making it prose.
_DATE_FILLER = frozenset(
    """published on posted updated last modified date at am pm a.m. p.m. gmt utc
edt est cet cest msk bst ist pst pdt et by | - mon tue wed thu fri sat sun monday tuesday wednesday
thursday friday saturday sunday""".split()
)
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.I)

# A date line is short; longer lines are prose that happens to contain a date.
# 100 chars: the seeds' date lines are <= 20 chars; a dateline with an outlet and a time
# ("Reuters, Updated 4 June, 2016 10:32 GMT") stays well under it.
MAX_DATE_LINE = 100
# Leftover words allowed on a date line besides the date and filler (an outlet: "RT,").
MAX_DATE_LEFTOVER_WORDS = 4


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first stated calendar day in a short text, as (ISO date, start, end)."""
    if len(text) > 400:
        return None
    low = text.casefold()
    best: tuple[str, int, int] | None = None
    for pat in _DATE_PATTERNS:
        m = pat.search(low)
        if not m:
            continue
        g = m.groupdict()
        year = int(g["year"])
        if g.get("month"):
            month = MONTHS[g["month"]]
            day = int(g["day"])
        elif g.get("mnum"):
            month, day = int(g["mnum"]), int(g["day"])
        else:
            a, b = int(g["a"]), int(g["b"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            else:
                continue  # 04/06/2016: June 4 or April 6? Not stated unambiguously.
        iso = _valid(year, month, day)
        if iso and (best is None or m.start() < best[1]):
            best = (iso, m.start(), m.end())
    return best


@dataclass
class DateLine:
    date: str
    leftover: str  # what remains besides date and filler words, e.g. an outlet name


def parse_date_line(text: str) -> DateLine | None:
    """A line that is (essentially) only a date: "4 June, 2016", "Published on June 4, 2016",
    "RT, 4 June, 2016", "Sat, 04 Jun 2016 10:32 GMT"."""
    if len(text) > MAX_DATE_LINE or "@" in text:
        return None  # "— Jane Roe (@janeroe) June 4, 2016" credits an embedded tweet
    found = find_date(text)
    if not found:
        return None
    iso, s, e = found
    rest = _TIME.sub(" ", text[:s] + " " + text[e:])
    words = [w for w in (strip_edge_punct(x) for x in rest.split()) if w]
    kept = [w for w in words if w.casefold() not in _DATE_FILLER]
    if len(kept) > MAX_DATE_LEFTOVER_WORDS:
        return None
    # The outlet, if any, usually stands before the date ("RT, 4 June, 2016"), else after it.
    for part in (text[:s], text[e:]):
        side = [w for w in strip_edge_punct(_TIME.sub(" ", part)).split() if w.casefold() not in _DATE_FILLER]
        if side:
            return DateLine(iso, " ".join(side).strip(" ,|-–—[]()"))
    return DateLine(iso, "")


# ------------------------------------------------------------------ names and bylines

_PARTICLES = frozenset("de da del della der den van von al al- el bin ibn bint la le du di dos das y".split())
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.\-]*$|^[A-Z]\.$|^(?:al|el)-[A-Z][\w'’\-]*$")
_OUTLET_TOKEN = re.compile(r"^[A-Z0-9][\w'’.\-]*$")
# English function words and header words: a line containing one is a phrase, not a name
# ("Talks Collapse Before They Begin" is title-case but not a byline).
_NOT_NAME_WORDS = frozenset(
    """
published posted updated by on via and or but the a an of in into for with without from to at as is are
was were be been will would can could should may might must has have had do does did not no after before
over under about against between during since until while than then that this these those it its they
them their he she his her we our you your who whom which what when where why how all any some more most
says said say new news video watch live breaking latest analysis opinion editorial episode report
staff writer writers reporter reporters correspondent correspondents editor editors contributor
contributors columnist producer bureau desk team agencies
""".split()
)
# A person's name has at most 4 tokens besides particles ("Abu Mohammad al-Julani" has 3).
MAX_NAME_CORE_TOKENS = 4
# A person's or outlet's name on a byline: at most 5 tokens and 50 characters
# (longest name on the seeds: "Federico Pieraccini", 19 chars; outlets "The Strategic Culture Foundation").
MAX_NAME_TOKENS = 5
MAX_NAME_LEN = 50
_DIGIT = re.compile(r"\d")


def is_name_like(text: str, *, outlet: bool = False) -> bool:
    """Could this short line be an author (or outlet) name? "Alexander Mercouris", "ANATOLY KARLIN",
    "RT", "The Duran", "Afra'a Dagher". ``outlet=True`` also accepts digits ("France 24")."""
    t = text.strip()
    if not t or len(t) > MAX_NAME_LEN or (not outlet and _DIGIT.search(t)):
        return False
    if t[-1] in ".!?:;" and not re.search(r"\b[A-Z]\.$", t):
        return False
    t = t.rstrip(",")
    toks = t.split()
    if not 1 <= len(toks) <= MAX_NAME_TOKENS:
        return False
    token_re = _OUTLET_TOKEN if outlet else _NAME_TOKEN
    if len(toks) == 1:
        # A one-word byline is an outlet or agency ("RT", "Reuters", "AFP").
        return (
            bool(token_re.match(toks[0]))
            and toks[0].casefold() not in _NOT_NAME_WORDS
            and 2 <= len(toks[0]) <= 15
        )
    caps = 0
    for i, tok in enumerate(toks):
        low = tok.casefold()
        if low in _PARTICLES:
            continue
        if low == "the" and i == 0:
            continue
        if low in _NOT_NAME_WORDS or not token_re.match(tok):
            return False
        caps += 1
    return 1 <= caps <= MAX_NAME_CORE_TOKENS


def tidy_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;:|-–—….")
    if name.isupper() and len(name) > 3:
        name = " ".join(p.capitalize() if p.isalpha() else p for p in name.split())
    return name


_BYLINE = re.compile(
    r"^(?:(?:written|authored|posted|reported|words|story|text|report)\s+)?by[:\s]\s*"
    r"(?P<names>.+)$",
    re.I,
)
_VIA = re.compile(r"^(?:via|source|sources|originally published (?:by|at|in)|republished from)\b[:\s]", re.I)
_NAME_CUT = re.compile(r"\s+(?:via|for|from|at|on|in|with|\||—|–)\s+|\s*[|•·]\s*|\s+-\s+", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")


# Degrees and suffixes that follow a name after a comma on bylines ("Carl Greer, PhD, PsyD").
_POST_NOMINALS = frozenset("phd psyd md mph msc ma ba bsc mba jd dphil frcpc rn jr sr ii iii esq".split())


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    is_via: bool = False  # "Via RT": a source credit, no author


def parse_byline(text: str) -> Byline | None:
    """ "By A and B", "Authored by A via Outlet:", "Via Zerohedge…"; None if not a byline."""
    t = text.strip()
    if not t or len(t) > 160:
        return None
    if _VIA.match(t) and len(t.split()) <= 8:
        return Byline(is_via=True)
    m = _BYLINE.match(t)
    if not m:
        return None
    names = m.group("names")
    date = None
    found = find_date(names)
    if found:
        date = found[0]
        names = names[: found[1]]
    names = _NAME_CUT.split(names, maxsplit=1)[0]
    out = []
    for part in _NAME_SPLIT.split(names):
        part = tidy_name(part)
        if part and fold(part).replace(".", "") not in _POST_NOMINALS and is_name_like(part):
            out.append(part)
    if not out and not date:
        return None
    return Byline(authors=out, date=date)


# ------------------------------------------------------------------ publisher

# Where a page names its own outlet: pleas and widgets that say "support X", "subscribe to X's
# YouTube channel", "the X newsletter", a copyright line. Each pattern captures X.
_PUBLISHER_PATTERNS = (
    re.compile(r"\bsupport (?P<p>[^.!?]{2,40}?) on patreon\b", re.I),
    re.compile(
        r"\bsubscribe to (?P<p>[^.!?]{2,40}?)(?:'s|’s)? (?:youtube|newsletter|channel|podcast|"
        r"telegram|for free)",
        re.I,
    ),
    re.compile(
        r"\bfollow (?P<p>[^.!?]{2,40}?)(?:'s|’s)? (?:audio podcast|podcast|on twitter|on facebook|"
        r"on telegram|on soundcloud|on youtube)",
        re.I,
    ),
    re.compile(r"^(?P<p>[^.!?]{2,40}?) newsletter$", re.I),
    # A copyright line: "© 2016 X", "Copyright © X. All rights reserved" (a bare "© X" is a photo credit).
    re.compile(
        r"^(?:copyright\s*(?:©|\(c\))?|(?:©|\(c\))\s*(?=\d{4}))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?"
        r"\s*,?\s*(?P<p>[^.,|©]{2,40}?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:[.,|]|all rights reserved|$)",
        re.I,
    ),
)


def publisher_votes(lines: list[str]) -> Counter[str]:
    """Outlet names a page states about itself, with how often."""
    votes: Counter[str] = Counter()
    for line in lines:
        s = line.strip()
        if not s or len(s) > 300:
            continue
        for pat in _PUBLISHER_PATTERNS:
            m = pat.search(s)
            if not m:
                continue
            name = tidy_name(m.group("p"))
            name = re.sub(r"(?:'s|’s)$", "", name).strip()
            if name and is_name_like(name, outlet=True) and fold(name) not in ("us", "our", "me", "the"):
                votes[name] += 1
    return votes


def best_publisher(votes: Counter[str]) -> str | None:
    if not votes:
        return None
    # Merge case variants ("THE DURAN" / "The Duran"): count by folded key, show the commonest form.
    by_key: Counter[str] = Counter()
    shown: dict[str, Counter[str]] = {}
    for name, n in votes.items():
        k = fold(name)
        by_key[k] += n
        shown.setdefault(k, Counter())[name] += n
    key, _ = by_key.most_common(1)[0]
    return shown[key].most_common(1)[0][0]
