"""From raw text lines to paragraphs ("blocks"), re-joining hard-wrapped lines.

Scraped text comes in two shapes:

- one paragraph per line (blank lines or not between them): each line is a block;
- hard-wrapped: paragraphs broken into lines of similar width, often with the
  first word of each paragraph alone on its own line ("The" / "minister also
  stressed that ..."). Such lines are re-joined: a line continues the previous
  one unless a sentence ended and a capitalised line follows, a lone capitalised
  word starts a new paragraph, a blank line intervenes, or one of the two is an
  unwrapped long line.

Everything here is a single pass over the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import boiler_reason, ends_sentence, starts_upper

# Hard-wrap detection: share of adjacent line pairs where a line without final punctuation
# is followed by a line starting in lower case. Seed 001 (wrapped) has ~0.5; the four
# one-paragraph-per-line seeds have 0. 0.12 leaves room for wrapped pages with many short
# headings and for the odd mid-sentence break in unwrapped text.
WRAP_MIN_SHARE = 0.12
WRAP_MIN_PAIRS = 3
# "Lone word" paragraph starts: a style is assumed when at least this many / this share of
# the non-empty lines are single capitalised words (seed 001: 95 of 420 lines).
LONE_MIN_COUNT = 5
LONE_MIN_SHARE = 0.08
# Wrapped text whose blank-line gaps number at least this share of its lines separates its
# paragraphs by blank lines (a 72-column text with 4-6 line paragraphs has ~0.2; seed 001 has 0).
BLANK_SEPARATED_SHARE = 0.08
BLANK_MIN_GAPS = 2
# Lines shorter than this share of the typical width end a paragraph in plain wrapped text
# (a wrapped paragraph's inner lines fill 85-100% of the width).
SHORT_FACTOR = 0.6
# A stand-alone headline line in lone-word text has at least this many words (shorter lines
# such as "June, 2016" continue a lone word: "4" / "June, 2016").
HEADING_MIN_WORDS = 4
# A line this much longer than the typical wrapped width was not wrapped: it is its own paragraph.
UNWRAPPED_FACTOR = 1.5

_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass
class Block:
    """A paragraph (or a boilerplate line) of the page, in reading order."""

    text: str
    kind: str = "content"  # "content" | "boiler" | "residue"
    reason: str | None = None
    lines: list[str] = field(default_factory=list)


def normalise_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\ufeff", "").replace("\u200b", "")
    return [_WS.sub(" ", line).strip() for line in text.split("\n")]


def _is_lone(line: str) -> bool:
    """A single capitalised token with no sentence end: "The", "“They", "1%", "RT,"."""
    if " " in line or len(line) > 25 or ends_sentence(line):
        return False
    return starts_upper(line)


def detect_wrap(lines: list[str]) -> tuple[bool, bool, int]:
    """(is hard-wrapped, uses lone-word paragraph starts, typical line width)."""
    nonempty = [ln for ln in lines if ln]
    if len(nonempty) < WRAP_MIN_PAIRS + 1:
        return False, False, 0
    pairs = cont = 0
    for a, b in zip(lines, lines[1:], strict=False):
        if a and b:
            pairs += 1
            if not ends_sentence(a) and b[0].islower():
                cont += 1
    wrapped = cont >= WRAP_MIN_PAIRS and cont >= WRAP_MIN_SHARE * len(nonempty)
    if not wrapped:
        return False, False, 0
    lone = sum(_is_lone(ln) for ln in nonempty)
    lone_style = lone >= LONE_MIN_COUNT and lone >= LONE_MIN_SHARE * len(nonempty)
    widths = sorted(len(ln) for ln in nonempty if ln.count(" ") >= 2)
    # The wrap width: inner lines of paragraphs are the long ones, so take the upper quartile.
    width = widths[(len(widths) * 3) // 4] if widths else 0
    return True, lone_style, width


def _standalone_heading(line: str, lines: list[str], k: int) -> bool:
    """In lone-word style, a capitalised line without final punctuation followed by a lone
    word (the next paragraph's start) is a headline of its own, even when the paragraph
    before it ended without punctuation."""
    nxt = lines[k + 1] if k + 1 < len(lines) else ""
    return (
        bool(nxt)
        and _is_lone(nxt)
        and starts_upper(line)
        and not ends_sentence(line)
        and len(line.split()) >= HEADING_MIN_WORDS
    )


def _blank_gaps(lines: list[str]) -> int:
    """Number of runs of blank lines between non-empty lines."""
    gaps, prev_blank, seen = 0, False, False
    for ln in lines:
        if ln:
            if prev_blank and seen:
                gaps += 1
            seen, prev_blank = True, False
        else:
            prev_blank = True
    return gaps


def build_blocks(text: str) -> tuple[list[Block], bool]:
    """Blocks of a page, boilerplate lines marked; and whether the text was hard-wrapped."""
    lines = normalise_lines(text)
    wrapped, lone_style, width = detect_wrap(lines)
    blocks: list[Block] = []
    if not wrapped:
        prev = None
        for line in lines:
            if not line:
                prev = None
                continue
            if line == prev:  # the same line twice in a row: a duplicated widget or teaser
                blocks.append(Block(line, "boiler", "duplicate", [line]))
                continue
            prev = line
            blocks.append(Block(line, lines=[line]))
        return blocks, False

    long_limit = int(width * UNWRAPPED_FACTOR) if width else 10**9
    # A line well short of the width ended its paragraph (a heading, a byline, a last line),
    # when the next line starts a new one with a capital.
    short_limit = int(width * SHORT_FACTOR)
    # Paragraphs separated by blank lines: then a blank line is the only paragraph break
    # (a sentence that ends at a line end does not end its paragraph).
    n_lines = sum(1 for ln in lines if ln)
    gaps = _blank_gaps(lines)
    blank_separated = not lone_style and gaps >= BLANK_MIN_GAPS and gaps >= BLANK_SEPARATED_SHARE * n_lines
    cur: list[str] = []
    consume_next = False

    def close() -> None:
        nonlocal cur
        if cur:
            blocks.append(Block(" ".join(cur), lines=cur))
        cur = []

    prev_line = None
    for k, line in enumerate(lines):
        if not line:
            close()
            consume_next = False
            prev_line = None
            continue
        if line == prev_line:
            blocks.append(Block(line, "boiler", "duplicate", [line]))
            continue
        prev_line = line
        # Multi-word boilerplate is its own block even in wrapped text.
        # A long line starting in lower case continues a sentence; widgets start upper-case.
        reason = None if (line[0].islower() and len(line) > 20) else boiler_reason(line, single_words=False)
        if reason:
            close()
            consume_next = False
            blocks.append(Block(line, "boiler", reason, [line]))
            continue
        lone = lone_style and _is_lone(line)
        if not cur:
            cur = [line]
            consume_next = lone
            continue
        if consume_next:
            cur.append(line)
            consume_next = False
            continue
        last = cur[-1]
        if lone:
            close()
            cur = [line]
            consume_next = True
        elif (
            (not blank_separated and ends_sentence(last) and starts_upper(line))
            or (not lone_style and len(last) < short_limit and starts_upper(line))
            or (lone_style and _standalone_heading(line, lines, k))
            or len(line) > long_limit
            or len(last) > long_limit
        ):
            close()
            cur = [line]
        else:
            cur.append(line)
    close()
    return blocks, True
