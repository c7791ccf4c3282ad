"""Plain-text cleaner and splitter: a scraped page in, its articles out.

Steps (each a single pass over the page's paragraphs):

1. :func:`~ceasefire.clean.wrap.build_blocks` re-joins hard-wrapped lines into paragraphs.
2. Every paragraph is classified: content, boilerplate (with a reason) or header residue
   ("Published" / "on" left without their values).
3. Article headers are found: a headline-shaped paragraph followed by an optional
   subtitle and at least one byline, date, source credit or header residue.
   Each header starts an article; a page without any header is one article whose
   title is its first headline-shaped paragraph. A title is never a date, byline,
   credit or link line, a link-box heading or the last entry of a menu; content
   before the first header is an article only when it holds prose (menus do not).
4. Each article's body is its content paragraphs up to the next header, less
   boilerplate, less lines that recur across the site's pages (with stats), less
   readers' comments after a comment form, less link boxes ("More in World" and the
   list under it: everything after it late in the body, the box alone earlier), less
   a trailing list of headlines after the last widget. Related "articles" without a
   body (link widgets) are dropped; a later article that dwarfs the first becomes
   the primary.
5. The publisher is the outlet the page names itself after ("support X on Patreon",
   "X Newsletter", a copyright line), or an outlet standing before a dateline ("RT, 4 June, 2016").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..models import Article
from .boilerplate import BoilerplateStats
from .lines import (
    boiler_reason,
    ends_sentence,
    fold,
    is_comment_marker,
    is_end_marker,
    is_residue,
    is_title_like,
    strip_breadcrumb,
    strip_inline_script,
    word_count,
)
from .meta import (
    MAX_NAME_LEN,
    MONTHS,
    best_publisher,
    is_name_like,
    parse_byline,
    parse_date_line,
    publisher_votes,
    tidy_name,
)
from .wrap import Block, build_blocks

# Content before the first article header is a teaser or a widget when it is this short
# (seed 001 opens with 32 words of teaser); longer, it is an article of its own. Only prose
# counts (see _prose_words): a site menu of 200 one-word lines above the headline is not an
# article (browser dumps of the Zyte benchmark pages open with 30-250 words of menus).
PRE_HEADER_MIN_WORDS = 60
# A paragraph counts as prose when it ends like a sentence and has at least this many words, or
# is this long without ending like one (a paragraph cut by the scraper). Menus, section names,
# teaser headlines and bylines are shorter or unterminated; 8 words keeps a short news paragraph.
PROSE_MIN_WORDS = 8
PROSE_UNTERMINATED_MIN_WORDS = 40
# A header may have a subtitle of at most this many words (seed 004's is 55 words).
MAX_SUBTITLE_WORDS = 90
# How many blocks after a title may still be header (subtitle, bylines, dates, residue, widgets).
MAX_HEADER_BLOCKS = 12
# A header whose only metadata is a bare name ("ANATOLY KARLIN") must be followed by a
# paragraph of at least this many words, so that a subheading followed by a short name line
# inside a body does not start an article. Seed 001's shortest such first paragraph: 16 words.
NAME_ONLY_MIN_NEXT_WORDS = 12
# A header whose only metadata is names takes at most this many (a list of companies or
# of credits under a subheading is not a byline; the seeds' bylines have one name).
MAX_BARE_NAMES = 3
# A header holds at most this many bare-name lines' names (bylines name a few authors).
MAX_HEADER_NAMES = 4
# A one-word bare byline must be an upper-case agency acronym this short (RT, AP, AFP, TASS, IRNA).
MAX_AGENCY_LEN = 6
# Words of a role/desk line tolerated between two header lines ("Middle East correspondent").
MAX_HEADER_EXTRA_WORDS = 8
# Menu entries are short ("Science & Technology", "US & Canada"); headlines under 4 words are rare
# (the seeds' shortest has 6; the Zyte dumps' menus end with 1-3 word entries above the headline).
MENU_ENTRY_MAX_WORDS = 3
# A year-less date line is short: the two read on the tune dumps have 47 and 57 characters.
MAX_DATEISH_LEN = 80
# A later article becomes the primary when it is at least PRIMARY_RATIO times as long as the
# first and at least PRIMARY_MIN_WORDS long. Calibrated on the tune half of the text-dump
# benchmark: the false primaries there are 56-159 words above 900-2,800-word articles, while
# real first articles followed by a longer related one differ by less than 3x (299 vs 444).
PRIMARY_RATIO = 4.0
PRIMARY_MIN_WORDS = 300
# On a page without a header, the headline is looked for among this many content lines above
# the first prose paragraph (headline, dek, a "Browse all posts" link).
TITLE_ABOVE_PROSE = 3
# A guessed headline (no header confirms it) has at most this many words: the seeds' longest is 15;
# a longer unterminated line above a body is more often a site's tagline or a teaser.
TITLE_GUESS_MAX_WORDS = 20
# A related article needs a body of at least this many words; a title with a byline and no
# text is a "latest articles" widget. Shortest gold body on the seeds: ~90 words.
MIN_RELATED_WORDS = 25
# A comment-section marker ends the article body only when at least this share of the
# segment's words come before it (seed pages: the comment forms follow the whole body).
COMMENTS_AFTER_SHARE = 0.5
# A link-box heading ("More in World", "Most Popular") ends the body when it comes after this share
# of the segment's words (as for comment forms) and what follows reads as a list: at least
# LIST_SHORT_SHARE of the following content blocks are headline-length (<= LIST_ITEM_MAX_WORDS
# words) or unterminated. Teaser boxes alternate a headline, a one-line teaser and a timestamp
# (2 in 3 short); a body after a mid-article "Related" link is mostly long sentences.
# Calibrated on the tune half of benchmarks/text_dump_extraction.py.
LIST_SHORT_SHARE = 0.5
LIST_ITEM_MAX_WORDS = 15
# Link-box headings handled per article, at most (a page has a few dozen at most: 22 on the
# busiest tune dump); bounds the cost on pathological pages of 100k "Related" lines.
MAX_BOX_MARKERS = 60
# A box inside the body is its heading and the run of headline-length lines under it, at least
# this many (two links under "Related" in a body; a single line may be the body's next subheading).
MIN_BOX_ITEMS = 2
# The container's title is looked for among this many first blocks of a page without header.
HINT_TITLE_WINDOW = 8
# Trailing headline lists: blocks after the last real paragraph that are at most this long.
TAIL_HEADLINE_MAX_WORDS = 20

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Word endings that are common in English phrases and rare in personal names.
_PHRASE_SUFFIX = re.compile(r"\w{3,}(?:ted|ized|ised|tion|sion|ness|ment|ments|ally|ings)$", re.I)
_NUMERIC_DATE_LINE = re.compile(
    r"^(?:[A-Za-z]+:?\s+)?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:\s+\d{1,2}:\d{2}.{0,12})?$"
)
# "Published 22 hours ago", "Updated: 5 mins ago", "3 days ago": a date line relative to when the
# page was saved, so which day it means is not stated.
_RELATIVE_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|last updated|modified)\s*:?\s*)?(?:about\s+)?"
    r"(?:\d{1,3}|an?|one)\s+(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)"
    r"\s+ago\.?$",
    re.I,
)
# A date line that states no year ("Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM",
# "Wed, Nov 20 2019 4:29 AM EST Updated an hour ago"): only months, weekdays, numbers, times,
# time-zone and header words. Which day it is cannot be told, but it is header metadata.
_DATEISH_WORD = re.compile(
    r"^(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|published|posted|updated|last|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|et|est|edt|pt|pst|pdt|"
    r"ct|cst|cdt|bst|cet|cest|ist|msk|an?|hours?|minutes?|mins?|ago|today|yesterday|"
    r"\d{1,2}(?:st|nd|rd|th)?|[\d:]+(?:am|pm)?)$"
)
# Links and handles: an embedded post ("... pic.twitter.com/x — Jane Roe (@janeroe)"), never a headline.
_LINK_IN_LINE = re.compile(r"https?://|www\.|pic\.twitter\.com/|(?:^|\s)@\w{2,}")
_HANDLE_AFTER_NAME = re.compile(r"^(.{3,50}?)\s+@\w{2,30}$")
_DAY_ONLY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?,?$")


@dataclass
class Header:
    title: int
    subtitle: int | None = None
    body_start: int = 0
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    meta_blocks: list[int] = field(default_factory=list)
    extra_blocks: list[int] = field(default_factory=list)  # header lines that are neither (roles, desks)


@dataclass
class _Meta:
    kind: str  # "date" | "byline" | "via" | "name"
    consumed: int
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    outlet: str | None = None


def _is_dateish(text: str) -> bool:
    """A short line of date and time words only, with a month or a clock time in it."""
    if len(text) > MAX_DATEISH_LEN:
        return False
    words = [w.strip(".,;|()[]-") for w in text.casefold().split()]
    words = [w for w in words if w]
    has_anchor = any(w.rstrip(".") in MONTHS or (":" in w and any(c.isdigit() for c in w)) for w in words)
    return has_anchor and len(words) >= 2 and all(_DATEISH_WORD.match(w) for w in words)


def _person_or_agency(name: str) -> bool:
    """'Anatoly Karlin', 'The Duran', 'RT', 'AFP' - not 'Servers' or 'A-Hmm'."""
    toks = name.split()
    if len(toks) == 1:
        return toks[0].isupper() and toks[0].isalpha() and len(toks[0]) <= MAX_AGENCY_LEN
    if any(_PHRASE_SUFFIX.search(t) for t in toks):
        return False  # "Depleted Soil", "Breaking Developments": words, not names
    return all(len(t.strip(".")) >= 2 or t.endswith(".") for t in toks)


def _looks_like_a_name(text: str) -> bool:
    """A headline candidate that is rather a name ("RYAN PEREZ-DAPLE" in a credits list):
    name-shaped and either two words at most or all capitals. "Convoy Reaches Besieged Town"
    is name-shaped too, but four title-case words make a headline."""
    return is_name_like(text) and (word_count(text) <= 2 or text.isupper())


def classify(blocks: list[Block]) -> None:
    """Mark boilerplate and header residue among the content blocks, in place."""
    for b in blocks:
        if b.kind != "content":
            continue
        b.text = strip_inline_script(b.text)
        if not b.text:
            b.kind, b.reason = "boiler", "script"
            continue
        if is_residue(b.text):
            b.kind, b.reason = "residue", "residue"
            continue
        reason = boiler_reason(b.text)
        if reason:
            b.kind, b.reason = "boiler", reason


def _names(text: str) -> list[str] | None:
    """'Alexander Mercouris' / 'A and B' / 'A, B' as a list of names, or None."""
    if len(text) > 3 * MAX_NAME_LEN or text.rstrip()[-1:] in ":;!?":
        return None  # "Nigel Farage:" introduces a quotation
    parts = [tidy_name(p) for p in re.split(r"\s*(?:,|&|\band\b)\s*", text) if p.strip()]
    if parts and all(is_name_like(p) for p in parts):
        return parts
    return None


def _meta_at(
    blocks: list[Block],
    i: int,
    *,
    allow_name: bool,
    cache: dict[tuple[int, bool], _Meta | None] | None = None,
) -> _Meta | None:
    if cache is None:
        return _read_meta(blocks, i, allow_name=allow_name)
    key = (i, allow_name)
    if key not in cache:
        cache[key] = _read_meta(blocks, i, allow_name=allow_name)
    return cache[key]


def _read_meta(blocks: list[Block], i: int, *, allow_name: bool) -> _Meta | None:
    b = blocks[i]
    if b.kind != "content":
        return None
    t = b.text
    byline = parse_byline(t)
    if byline:
        if byline.is_via:
            return _Meta("via", 1)
        return _Meta("byline", 1, authors=byline.authors, date=byline.date)
    if _DAY_ONLY.match(t) and i + 1 < len(blocks) and blocks[i + 1].kind == "content":
        nxt = blocks[i + 1].text
        if nxt.split() and nxt.split()[0].casefold().strip(".,") in MONTHS:
            dl = parse_date_line(t + " " + nxt)
            if dl:
                return _Meta("date", 2, date=dl.date)
    if _NUMERIC_DATE_LINE.match(t) or _RELATIVE_DATE_LINE.match(t):
        return _Meta("date", 1)  # "04/06/2016": a date line, but which day is not stated
    dl = parse_date_line(t)
    if dl:
        outlet = dl.leftover if dl.leftover and is_name_like(dl.leftover, outlet=True) else None
        return _Meta("date", 1, date=dl.date, outlet=outlet)
    if _is_dateish(t):
        return _Meta("date", 1)  # "Updated Nov 19, 6:55 AM": a date line without its year
    handle = _HANDLE_AFTER_NAME.match(t)
    if handle and is_name_like(handle.group(1)):
        # "Jane Roe @janeroe": a byline with the author's social-media handle
        return _Meta("name", 1, authors=[tidy_name(handle.group(1))])
    names = _names(t)
    # Right after the title any name-shaped line is a byline; further down the header (after a
    # date or "By"), only a person's name of two or more words ("BEIRUT" may be a dateline).
    if names and (allow_name or all(len(x.split()) >= 2 and _person_or_agency(x) for x in names)):
        return _Meta("name", 1, authors=names)
    return None


def _next_content(blocks: list[Block], start: int, limit: int) -> int | None:
    return next((j for j in range(start, limit) if blocks[j].kind == "content"), None)


def parse_header(
    blocks: list[Block], t: int, cache: dict[tuple[int, bool], _Meta | None] | None = None
) -> Header | None:
    """Read a header starting at title block ``t``; None if no byline/date/residue follows."""
    n = len(blocks)
    h = Header(title=t)
    metas: list[_Meta] = []
    residue = False
    skipped_boiler = False  # a widget or menu line stood between the title and this block
    i = t + 1
    limit = min(n, t + 1 + MAX_HEADER_BLOCKS)
    while i < limit:
        b = blocks[i]
        if b.kind == "residue":
            residue = True
            h.meta_blocks.append(i)
            i += 1
            continue
        if b.kind == "boiler":
            skipped_boiler = True
            i += 1
            continue
        if fold(b.text) == fold(blocks[t].text):  # the headline repeated (breadcrumb, then H1)
            h.extra_blocks.append(i)
            i += 1
            continue
        # Names are accepted right after the title/subtitle, before any date or residue.
        m = _meta_at(
            blocks, i, allow_name=not residue and not any(x.kind != "name" for x in metas), cache=cache
        )
        if m:
            metas.append(m)
            h.meta_blocks.extend(range(i, i + m.consumed))
            i += m.consumed
            continue
        if metas or residue:
            # A short line between two header lines is part of the header: an author's role or
            # desk ("BBC News, Beirut", "Middle East correspondent") between a byline and a date.
            j = _next_content(blocks, i + 1, limit)
            if (
                word_count(b.text) <= MAX_HEADER_EXTRA_WORDS
                and not ends_sentence(b.text)
                and j is not None
                and _meta_at(blocks, j, allow_name=False, cache=cache)
            ):
                h.extra_blocks.append(i)
                i += 1
                continue
            break
        # A bare name right after the title is a byline (handled above), never a subtitle.
        # A subtitle stands right under its title: a line after a menu or widget line is the
        # next thing on the page (a promo line, then "Home / News", then the real headline).
        if (
            h.subtitle is None
            and not skipped_boiler
            and word_count(b.text) <= MAX_SUBTITLE_WORDS
            and not is_name_like(b.text)
        ):
            h.subtitle = i
            i += 1
            continue
        break
    h.body_start = i
    if not metas and not residue:
        return None
    if sum(len(m.authors) for m in metas if m.kind == "name") > MAX_HEADER_NAMES:
        return None  # a list of names (credits, signatories), not a byline
    if metas and all(m.kind == "name" for m in metas) and not residue:
        # A bare name is the weakest header signal (a subheading followed by a one-line
        # paragraph looks the same): accept it only for a person-shaped name or an agency acronym.
        names = [a for m in metas for a in m.authors]
        if len(names) > MAX_BARE_NAMES or not all(_person_or_agency(a) for a in names):
            return None
        nxt = next((b for b in blocks[i : limit + 1] if b.kind == "content"), None)
        if nxt is None or word_count(nxt.text) < NAME_ONLY_MIN_NEXT_WORDS:
            return None
    for m in metas:
        for a in m.authors:
            if fold(a) not in {fold(x) for x in h.authors}:
                h.authors.append(a)
        if m.date and not h.published:
            h.published = m.date
        if m.outlet and not h.publisher:
            h.publisher = m.outlet
    return h


def _in_menu_run(blocks: list[Block], i: int) -> bool:
    """Is block ``i`` a short entry of a menu (it and the two content lines before it are at most
    MENU_ENTRY_MAX_WORDS words and none is a sentence)? A headline that short right under menu
    entries is more likely the menu's last entry, with the real headline after it."""
    if word_count(blocks[i].text) > MENU_ENTRY_MAX_WORDS:
        return False
    before = [b for b in blocks[max(0, i - 6) : i] if b.kind == "content"][-2:]
    return len(before) == 2 and all(
        word_count(b.text) <= MENU_ENTRY_MAX_WORDS and not ends_sentence(b.text) for b in before
    )


# Credit lines of a header or a footer ("Edited by: Jane Roe", "Researchers: Jane Roe, John Doe"):
# never a headline.
_CREDIT_LINE = re.compile(
    r"^(?:(?:edited|produced|compiled|fact-checked|researched|illustrated|photographed|designed|"
    r"additional reporting)\s+by\b|(?:editors?|researchers?|reporters?|producers?|writers?|"
    r"illustrations?|graphics|design|photos?|contributors?)\s*:\s*\S"
    # a byline whose name the scraper glued to a role ("By Jane RoeBusiness Columnist")
    r"|by\s+(?!the\b|a\b|an\b)[A-Z][\w'’.-]+(?:\s+\S+){0,5}$)",
    re.I,
)


def _is_dated_or_byline(blocks: list[Block], i: int, cache: dict[tuple[int, bool], _Meta | None]) -> bool:
    if _CREDIT_LINE.match(blocks[i].text):
        return True
    m = _meta_at(blocks, i, allow_name=False, cache=cache)
    return m is not None and m.kind != "name"


def find_headers(blocks: list[Block]) -> list[Header]:
    """Article headers in reading order; a header's own blocks are never searched for another."""
    headers: list[Header] = []
    cache: dict[tuple[int, bool], _Meta | None] = {}
    i = 0
    n = len(blocks)
    while i < n:
        b = blocks[i]
        if (
            b.kind == "content"
            and is_title_like(b.text)
            and not _looks_like_a_name(b.text)
            # A date or byline line is the header's metadata, never its title (a title-case
            # headline may be name-shaped, so a bare name does not count here).
            and not _is_dated_or_byline(blocks, i, cache)
            and not _in_menu_run(blocks, i)
            # "MOST WATCHED", "More articles": the heading of a link box, its items follow
            and not is_end_marker(b.text)
            and not _LINK_IN_LINE.search(b.text)
        ):
            h = parse_header(blocks, i, cache)
            if h:
                headers.append(h)
                i = max(h.body_start, i + 1)
                continue
        i += 1
    return headers


def _prose_words(blocks: list[Block], start: int, end: int) -> int:
    """Words of the content blocks in [start, end) that read as running text (not menus or links)."""
    total = 0
    for b in blocks[start:end]:
        if b.kind != "content":
            continue
        n = word_count(b.text)
        if (n >= PROSE_MIN_WORDS and ends_sentence(b.text)) or n >= PROSE_UNTERMINATED_MIN_WORDS:
            total += n
    return total


def _first_title(blocks: list[Block], start: int, end: int) -> int | None:
    """Position-based title of a page without header: its first content block, when headline-shaped
    and followed by more content."""
    first = next((j for j in range(start, end) if blocks[j].kind == "content"), None)
    if first is None or not is_title_like(blocks[first].text) or _looks_like_a_name(blocks[first].text):
        return None
    rest = sum(word_count(blocks[j].text) for j in range(first + 1, end) if blocks[j].kind == "content")
    return first if rest >= MIN_RELATED_WORDS else None


_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def _is_hint_title(text: str, hint_title: str | None) -> bool:
    """Is this block the container's title, possibly without the site name the container
    appends ("Talks collapse | The Ledger")?"""
    if not hint_title:
        return False
    key = fold(text)
    if key == fold(hint_title):
        return True
    short = _TITLE_SUFFIX.sub("", hint_title)
    return short != hint_title and key == fold(short)


def _lead_title(blocks: list[Block], first: int, hint_title: str | None) -> int | None:
    """Title block of the content before the first header (``first``)."""
    if hint_title:
        return next(
            (
                j
                for j in range(min(first, HINT_TITLE_WINDOW))
                if blocks[j].kind == "content" and _is_hint_title(blocks[j].text, hint_title)
            ),
            None,
        )
    # Only a guess, so only without a container title (the first headline-shaped line may be
    # a promotion or a subheading).
    return _first_title(blocks, 0, first)


def _title_above_prose(blocks: list[Block], end: int) -> int | None:
    """The headline of a page that starts with menus and has no header: the headline-shaped line
    closest above its first prose paragraph, at most TITLE_ABOVE_PROSE content lines above it
    (a dek or a "Browse all posts" link may stand between)."""
    first_prose = next(
        (
            j
            for j in range(end)
            if blocks[j].kind == "content"
            and word_count(blocks[j].text) >= PROSE_MIN_WORDS
            and ends_sentence(blocks[j].text)
        ),
        None,
    )
    if first_prose is None:
        return None
    above = [j for j in range(first_prose) if blocks[j].kind == "content"][-TITLE_ABOVE_PROSE:]
    fits = [j for j in above if _guessable_title(blocks[j].text)]
    if not fits:
        return None
    t = fits[-1]
    # Headline then dek: two headline-shaped lines in a row, the upper one no longer, is the
    # headline with its standfirst under it.
    if (
        len(fits) > 1
        and fits[-2] == above[above.index(t) - 1]
        and word_count(blocks[fits[-2]].text) <= word_count(blocks[t].text)
    ):
        t = fits[-2]
    return t if _prose_words(blocks, t + 1, end) >= MIN_RELATED_WORDS else None


def _guessable_title(text: str) -> bool:
    return (
        is_title_like(text)
        and MENU_ENTRY_MAX_WORDS < word_count(text) <= TITLE_GUESS_MAX_WORDS
        and not _looks_like_a_name(text)
        and not is_end_marker(text)
        and not _LINK_IN_LINE.search(text)
        and not _CREDIT_LINE.match(text)
    )


def _short_lead_article(blocks: list[Block], first: int, hint_title: str | None) -> bool:
    """Is the short content before the first header a titled article of its own (a brief)
    rather than a teaser? It is when it has a title and some body after it."""
    t = _lead_title(blocks, first, hint_title)
    if t is None:
        return False
    # Prose only: a menu under a headline-shaped line is not a brief.
    return _prose_words(blocks, t + 1, first) >= MIN_RELATED_WORDS


def _promo_header(blocks: list[Block], headers: list[Header], hint_title: str | None) -> int | None:
    """Index of the container's title when it stands above a first header with another title."""
    if not hint_title or not headers:
        return None
    first = headers[0].title
    if _is_hint_title(blocks[first].text, hint_title):
        return None
    t = next(
        (
            j
            for j in range(min(first, HINT_TITLE_WINDOW))
            if blocks[j].kind == "content" and _is_hint_title(blocks[j].text, hint_title)
        ),
        None,
    )
    if t is None:
        return None
    between = sum(word_count(blocks[j].text) for j in range(t + 1, first) if blocks[j].kind == "content")
    return t if between < PRE_HEADER_MIN_WORDS else None


def _trim_tail(blocks: list[Block], segment: list[int]) -> None:
    """Mark a trailing run of headline-shaped lines mixed with widgets (a related-links box) as
    boilerplate, in place. The run ends, walking back, at the first real paragraph."""
    k = len(segment) - 1
    saw_widget = False
    while k >= 0:
        b = blocks[segment[k]]
        if b.kind != "content":
            saw_widget = True
        elif ends_sentence(b.text) or word_count(b.text) > TAIL_HEADLINE_MAX_WORDS:
            break
        k -= 1
    if saw_widget:
        for j in segment[k + 1 :]:
            if blocks[j].kind == "content":
                blocks[j].kind, blocks[j].reason = "boiler", "headline-list"


def _drop_comment_section(blocks: list[Block], segment: list[int]) -> None:
    """Mark readers' comments (content after a comment-section marker such as "Leave a Reply")
    as boilerplate, in place. Only a marker in the second half of the article counts, so a
    comment link in a share bar above the body cannot swallow the article."""
    total = sum(word_count(blocks[j].text) for j in segment if blocks[j].kind == "content")
    seen = 0
    for k, j in enumerate(segment):
        b = blocks[j]
        if b.kind == "content":
            seen += word_count(b.text)
        elif is_comment_marker(b.text) and seen >= COMMENTS_AFTER_SHARE * total:
            for m in segment[k + 1 :]:
                if blocks[m].kind == "content":
                    blocks[m].kind, blocks[m].reason = "boiler", "comments"
            return


def _drop_link_boxes(blocks: list[Block], segment: list[int]) -> None:
    """Mark the link boxes in and after an article as boilerplate, in place.

    A link-box heading ("More in World", "Most Popular") after half the segment's words, with a
    list after it (see LIST_SHORT_SHARE), ends the body: all that follows goes. A heading earlier
    on (a box inside the body, or under a short article that the boxes outweigh) takes only its
    own list: the run of headline-length lines right under it."""
    total = sum(word_count(blocks[j].text) for j in segment if blocks[j].kind == "content")
    seen = 0
    markers = 0
    for k, j in enumerate(segment):
        b = blocks[j]
        if b.kind == "content":
            seen += word_count(b.text)
        if not is_end_marker(b.text):
            continue
        markers += 1
        if markers > MAX_BOX_MARKERS:
            return  # each heading costs a pass over the rest of the segment
        after = [m for m in segment[k + 1 :] if blocks[m].kind == "content"]
        if seen >= COMMENTS_AFTER_SHARE * total:
            short = sum(_is_list_item(blocks[m].text) for m in after)
            # Two paragraphs of prose in a row are a body going on (a box inside the article
            # of a site that writes one-sentence paragraphs); teaser boxes never have them.
            running = any(
                not _is_list_item(blocks[x].text) and not _is_list_item(blocks[y].text)
                for x, y in zip(after, after[1:], strict=False)
                if y == x + 1
            )
            if short >= LIST_SHORT_SHARE * len(after) and not running:
                if b.kind == "content":
                    b.kind, b.reason = "boiler", "link-box"
                for m in after:
                    blocks[m].kind, blocks[m].reason = "boiler", "link-box"
                return
        run = []
        for m in segment[k + 1 :]:
            if (blocks[m].kind == "content" and not _is_list_item(blocks[m].text)) or is_end_marker(
                blocks[m].text
            ):
                break  # the body goes on, or the next box starts (it is handled on its own)
            run.append(m)
        if sum(blocks[m].kind == "content" for m in run) >= MIN_BOX_ITEMS:
            if b.kind == "content":
                b.kind, b.reason = "boiler", "link-box"
            for m in run:
                if blocks[m].kind == "content":
                    blocks[m].kind, blocks[m].reason = "boiler", "link-box"


def _is_list_item(text: str) -> bool:
    return word_count(text) <= LIST_ITEM_MAX_WORDS or not ends_sentence(text)


def _hint_str(hints: dict[str, Any], *keys: str) -> str | None:
    for k in keys:
        v = hints.get(k)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def _hint_date(hints: dict[str, Any]) -> str | None:
    v = hints.get("published")
    if v is None:
        return None
    s = v.isoformat() if hasattr(v, "isoformat") else str(v)
    return s[:10] if _ISO.match(s) else None


def _hint_authors(hints: dict[str, Any]) -> list[str]:
    v = hints.get("authors")
    if isinstance(v, str):
        return [a for a in (tidy_name(x) for x in re.split(r"\s*(?:,|;|\band\b)\s*", v)) if a]
    if isinstance(v, list | tuple):
        return [tidy_name(str(x)) for x in v if str(x).strip()]
    return []


@dataclass
class _Segment:
    header: Header | None
    start: int  # first body block
    end: int  # one past the last block


def _segments(
    blocks: list[Block], headers: list[Header], hint_title: str | None
) -> tuple[list[_Segment], list[str]]:
    """The page's article segments in order, and the blocks before the first (removed)."""
    n = len(blocks)
    first = headers[0].title if headers else n
    pre_words = _prose_words(blocks, 0, first)
    promo = _promo_header(blocks, headers, hint_title)
    segments: list[_Segment] = []
    pre_removed: list[str] = []
    if promo is not None:
        # The container's title stands at the top and a different header follows it with
        # little between: that header is a promotion inserted above the body.
        h0 = Header(title=promo, body_start=headers[0].body_start)
        pre_removed = [b.text for b in blocks[:promo]]
        headers = headers[1:]
        segments.append(_Segment(h0, h0.body_start, headers[0].title if headers else n))
    elif (
        not headers
        or pre_words >= PRE_HEADER_MIN_WORDS
        or (
            not _is_hint_title(blocks[first].text, hint_title)
            and _short_lead_article(blocks, first, hint_title)
        )
    ):
        # Content before the first header (or a page without one) is an article: titled by the
        # container's title where the page repeats it near the top, else by its first
        # headline-shaped paragraph.
        t = _lead_title(blocks, first, hint_title)
        if t is None and not hint_title:
            t = _title_above_prose(blocks, first)
        if t is not None:
            h0 = Header(title=t, body_start=t + 1)
            before = [j for j in range(t) if blocks[j].kind == "content"]
            # One short paragraph above the headline is a kicker/dek (a subtitle), not body.
            if len(before) == 1 and word_count(blocks[before[0]].text) <= MAX_SUBTITLE_WORDS:
                h0.subtitle = before[0]
            pre_removed = [b.text for j, b in enumerate(blocks[:t]) if j != h0.subtitle]
            segments.append(_Segment(h0, t + 1, first))
        else:
            segments.append(_Segment(None, 0, first))
    else:
        pre_removed = [b.text for b in blocks[:first]]
    for k, h in enumerate(headers):
        segments.append(_Segment(h, h.body_start, headers[k + 1].title if k + 1 < len(headers) else n))
    return segments, pre_removed


def _article(
    blocks: list[Block],
    seg: _Segment,
    *,
    publisher: str | None,
    stats: BoilerplateStats | None,
    site: str | None,
) -> Article:
    """One article from its segment: header fields, clean body, removed lines."""
    h = seg.header
    idx = list(range(seg.start, seg.end))
    _drop_comment_section(blocks, idx)
    _drop_link_boxes(blocks, idx)
    _trim_tail(blocks, idx)
    removed: list[str] = []
    if h is not None:
        # Header lines that are neither subtitle nor metadata (widgets, roles, residue) are shown as removed.
        for j in range(h.title + 1, seg.start):
            if j == h.subtitle:
                continue
            if j not in h.meta_blocks or blocks[j].kind == "residue":
                removed.append(blocks[j].text)
    paras: list[str] = []
    for j in idx:
        b = blocks[j]
        if b.kind == "content" and stats is not None and stats.is_recurring(b.text, site):
            b.kind, b.reason = "boiler", "recurring"
        (paras if b.kind == "content" else removed).append(b.text)
    if h is None:
        return Article(
            index=0, role="related", title=None, text="\n\n".join(paras), publisher=publisher, removed=removed
        )
    return Article(
        index=0,
        role="related",
        title=blocks[h.title].text,
        text="\n\n".join(paras),
        subtitle=blocks[h.subtitle].text if h.subtitle is not None else None,
        authors=list(h.authors),
        publisher=h.publisher or publisher,
        published=h.published,
        removed=removed,
    )


def split_text(
    text: str,
    *,
    hints: dict[str, Any] | None = None,
    stats: BoilerplateStats | None = None,
    site: str | None = None,
) -> list[Article]:
    """Split a plain-text page into its articles: primary first, related after.

    ``hints`` carries what the container knows (``title``, ``published``, ``authors``,
    ``url``, ``site``, ``publisher``); it fills the primary article's fields that the text
    does not state. ``stats`` (filled by a first pass over the run) removes lines that
    recur across the site's pages.
    """
    hints = hints or {}
    site = site or _hint_str(hints, "site")
    blocks, _wrapped = build_blocks(text or "")
    classify(blocks)

    publisher = best_publisher(publisher_votes([b.text for b in blocks]))
    if not publisher and stats is not None:
        publisher = stats.publisher(site)
    if not publisher:
        publisher = _hint_str(hints, "publisher", "site_name")

    segments, pre_removed = _segments(blocks, find_headers(blocks), _hint_str(hints, "title"))
    articles = [_article(blocks, seg, publisher=publisher, stats=stats, site=site) for seg in segments]

    # Related articles without a body are widgets ("latest articles" boxes), not articles.
    kept: list[Article] = []
    for i, (a, seg) in enumerate(zip(articles, segments, strict=True)):
        if i == 0 or word_count(a.text) >= MIN_RELATED_WORDS:
            kept.append(a)
        elif kept:  # all its lines are shown as removed under the article it followed
            first = seg.header.title if seg.header is not None else seg.start
            kept[-1].removed += [b.text for b in blocks[first : seg.end]]
    # A first "article" without a body (a titled menu, a teaser left empty once its widget lines
    # are removed) gives way to the next one.
    if (
        len(kept) > 1
        and word_count(kept[0].text) < MIN_RELATED_WORDS
        and (kept[0].title is None or not kept[0].text.strip())
    ):
        if kept[0].title:
            pre_removed.append(kept[0].title)
        pre_removed += [kept[0].text] if kept[0].text else []
        kept = kept[1:]
    kept[0].removed = pre_removed + kept[0].removed
    # The page's own article is the first one, unless a later one dwarfs it: then the first is a
    # promotion or a teaser above the article (a product box, a "featured" story), and the long
    # one is what the page is about.
    longest = max(range(len(kept)), key=lambda k: word_count(kept[k].text))
    n_first, n_long = word_count(kept[0].text), word_count(kept[longest].text)
    if longest > 0 and n_long >= PRIMARY_RATIO * n_first and n_long >= PRIMARY_MIN_WORDS:
        kept.insert(0, kept.pop(longest))
    for i, a in enumerate(kept):
        a.index = i
        a.role = "primary" if i == 0 else "related"

    primary = kept[0]
    for a in kept:
        if a.title:
            a.title = strip_breadcrumb(a.title)
    primary.title = primary.title or _hint_str(hints, "title")
    primary.published = primary.published or _hint_date(hints)
    primary.authors = primary.authors or _hint_authors(hints)
    primary.publisher = primary.publisher or _hint_str(hints, "publisher", "site_name")
    primary.url = _hint_str(hints, "url")
    return kept
