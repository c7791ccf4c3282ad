"""Quotation-mark spans in raw text: which stretches are inside speech marks.

Pure string work, no spaCy.  Handles curly and straight double quotes,
guillemets, curly single quotes when they are used as speech marks (not
as apostrophes), straight single quotes only in a sure pair ('We stay,' he
said), quotations that run over several paragraphs (news style leaves the
closing mark off every paragraph but the last and opens each new one), and
unbalanced marks (an opener without a closer in its paragraph is dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opener -> closers that end it
PAIRS: dict[str, str] = {
    "\u201c": '\u201d\u201c"',  # “ ... ” (a second “ is a common typo for ”)
    "\u201e": "\u201c\u201d",  # „ ... “ (German-style low opener)
    "\u00ab": "\u00bb",  # « ... »
    "\u2018": "\u2019",  # ‘ ... ’
    '"': '"\u201d',
}
DOUBLE_OPENERS = '\u201c\u201e\u00ab"'


@dataclass(frozen=True)
class QuoteSpan:
    """The text between a pair of speech marks; offsets exclude the marks."""

    start: int
    end: int
    opener: str

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _is_apostrophe(text: str, i: int) -> bool:
    """’ or ‘ between letters (Russia’s, don’t) or after a plural s (rebels’) is an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return False


def _plural_possessive(text: str, i: int) -> bool:
    """’ after a plural s and before a lower-case word ("the rebels’ positions"), when
    the paragraph has a likelier closer later: a ’ right after punctuation (“...,’ he
    said”).  British-style single speech marks make the two easy to confuse."""
    if text[i - 1 : i] != "s" or not re.match(r" [a-z]", text[i + 1 : i + 3]):
        return False
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    return re.search(r"[.,!?;:]\u2019(?![\w])", text[i + 1 : end]) is not None


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{-\u2013\u2014:;,/" or i == 0) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    before = text[i - 1] if i > 0 else " "
    return not before.isspace() and not after.isalnum()


def _straight_can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _straight_single_close(text: str, i: int) -> int | None:
    """Closer of a straight single speech mark at i ('We will stay,' he said), or None.

    Straight ' is mostly an apostrophe, so only a sure pair counts: the opener starts
    a word that begins with a capital after a space or a paragraph start, and the closer
    comes right after sentence punctuation, in the same paragraph.
    """
    before = text[i - 1] if i > 0 else " "
    if not (before.isspace() or before in "([\u2013\u2014:") or not text[i + 1 : i + 2].isupper():
        return None
    j = i + 1
    n = len(text)
    while j < n and text[j] != "\n":
        if text[j] == "'" and text[j - 1] in ",.!?" and not text[j + 1 : j + 2].isalnum():
            return j
        j += 1
    return None


def quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch, outermost only, in text order."""
    spans: list[QuoteSpan] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "'":
            close = _straight_single_close(text, i)
            if close is not None:
                spans.append(QuoteSpan(i + 1, close, ch))
                i = close + 1
                continue
        if ch not in PAIRS:
            i += 1
            continue
        if ch == "\u2018" and (_is_apostrophe(text, i) or not _can_open(text, i)):
            i += 1
            continue
        if ch == '"' and not _straight_can_open(text, i):
            i += 1
            continue
        if ch != '"' and ch != "\u2018" and not _can_open(text, i) and text[i - 1 : i].isalnum():
            i += 1
            continue
        close = _find_close(text, i + 1, ch)
        if close is None and ch in DOUBLE_OPENERS and _starts_paragraph(text, i):
            # A block quotation: the paragraph opens with a mark that is never closed.
            close = _paragraph_end(text, i)
            if text[i + 1 : close].count(ch) or close - i < 2:
                close = None
        if close is None:
            i += 1
            continue
        spans.append(QuoteSpan(i + 1, close, ch))
        i = close + 1
    return spans


def _starts_paragraph(text: str, i: int) -> bool:
    k = i - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] == "\n"


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    j = len(text) if j < 0 else j
    while j > i and text[j - 1].isspace():
        j -= 1
    return j


def _find_close(text: str, j: int, opener: str) -> int | None:
    """Index of the closing mark for an opener just before j, or None."""
    closers = PAIRS[opener]
    n = len(text)
    while j < n:
        ch = text[j]
        if ch in closers:
            if opener == "\u2018" and (
                _is_apostrophe(text, j) or not _can_close(text, j) or _plural_possessive(text, j)
            ):
                j += 1
                continue
            if opener == '"' and ch == '"' and not _can_close(text, j):
                # a straight mark that cannot close here opens a nested quote; treat it as text
                j += 1
                continue
            if opener == "\u201c" and ch == "\u201c" and not _can_close(text, j):
                j += 1
                continue
            return j
        if ch == "\n":
            # A paragraph ends inside the quotation: it goes on only if the next
            # paragraph opens with the same kind of mark (multi-paragraph quote).
            k = j
            while k < n and text[k].isspace():
                k += 1
            # (British single marks too: ‘... \n\n‘...’ reopens the same way.)
            if k < n and text[k] == opener and (opener in DOUBLE_OPENERS or opener == "\u2018"):
                j = k + 1
                continue
            return None
        j += 1
    return None
