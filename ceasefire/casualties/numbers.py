"""The figure a count phrase states: low / best / high, from the parse of its number.

A figure is read from the number's tokens ("1,000", "25 million", "twenty-one",
"a dozen") and the words before it that bound it ("at least", "more than",
"up to", "about"). The conventions (also in ``corpus/casualties/README.md``):

- an exact number N: low = best = high = N;
- a lower bound ("at least N", "more than N", "over N"): low = best = N, high unknown;
- an upper bound ("up to N", "as many as N"): best = high = N, low unknown;
- an approximation ("about N", "some N", "nearly N", "an estimated N"): best = N only;
- a range ("between N and M", "from N to M", "N-M"): low = best = N, high = M;
- a vague plural stands for the least it can mean, as a lower bound: "dozens" 24,
  "scores" 40, "hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000,
  "hundreds of thousands" 200,000; "several" 3, "several hundred" 300.

Number words are parsed here rather than with a package (number-parser,
word2number): those rewrite whole strings, while this reads the few tokens the
parse has already marked as one number, digits, scales and vague plurals
included, and needs the token positions to find the bounding words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
WORDS = {w: i for i, w in enumerate(_UNITS)}
WORDS.update(
    {
        w: 10 * i
        for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
        if i > 1
    }
)
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12}
# Plural quantity nouns: the least each can mean.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "tens": 20}
SEVERAL = 3  # "several", "several others"; "several hundred" = 3 x 100
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")

# Words before a number that bound it, longest first (lower-cased token sequences).
LOWER = ("at least", "more than", "no fewer than", "no less than", "in excess of", "upwards of", "over")
UPPER = ("up to", "as many as", "at most", "no more than", "fewer than", "less than", "under")
APPROX = (
    "an estimated",
    "estimated",
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "close to",
    "some",
)


@dataclass(frozen=True)
class Figure:
    low: int | None
    best: int
    high: int | None

    @classmethod
    def exact(cls, n: int) -> Figure:
        return cls(n, n, n)


def word_value(tok: Token) -> int | None:
    """The value of one number token: digits ("1,000", "25"), a number word, a scale word."""
    text = tok.lower_
    if _DIGITS.match(text):
        value = float(text.replace(",", ""))
        return int(value) if value == int(value) else None
    if text in WORDS:
        return WORDS[text]
    if "-" in text:  # "twenty-one" as one token
        parts = text.split("-")
        if len(parts) == 2 and parts[0] in WORDS and parts[1] in WORDS:
            return WORDS[parts[0]] + WORDS[parts[1]]
    return SCALES.get(text)


def _decimal(tok: Token) -> float | None:
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def number_tokens(head: Token) -> list[Token]:
    """The tokens of the number ``head`` belongs to, in order: "25 million", "twenty - one",
    "two hundred", "a dozen" (the run of number tokens around it in the text)."""
    doc = head.doc
    sent_start, sent_end = head.sent.start, head.sent.end

    def numeric(t: Token) -> bool:
        return word_value(t) is not None or t.lower_ in VAGUE or _decimal(t) is not None and t.like_num

    lo = hi = head.i
    while lo - 1 >= sent_start and (
        numeric(doc[lo - 1]) or doc[lo - 1].text == "-" and lo - 2 >= sent_start and numeric(doc[lo - 2])
    ):
        lo -= 1
    while hi + 1 < sent_end and (
        numeric(doc[hi + 1])
        and (doc[hi + 1].lower_ in SCALES or doc[hi + 1].lower_ in VAGUE or doc[hi].text == "-")
        or doc[hi + 1].text == "-"
        and hi + 2 < sent_end
        and numeric(doc[hi + 2])
    ):
        hi += 1
    toks = [t for t in doc[lo : hi + 1] if t.text != "-"]
    # "a dozen", "a hundred"
    if toks and toks[0].lower_ in SCALES and lo - 1 >= sent_start and doc[lo - 1].lower_ in ("a", "one"):
        toks.insert(0, doc[lo - 1])
    return toks


def value_of(toks: list[Token]) -> tuple[int, bool] | None:
    """(value, vague) of number tokens, or None when they are not one number.

    "tens of thousands" and "hundreds of thousands" are read by :func:`figure_at`."""
    total, current, vague = 0, 0, False
    seen = False
    for t in toks:
        word = t.lower_
        if word in ("a", "one") and not seen:
            current, seen = 1, True
            continue
        if word in VAGUE:
            # "dozens" alone is 24; "two dozens" is 2 x 12
            current = current * SCALES.get(word[:-1], 1) if current else VAGUE[word]
            vague = seen = True
            continue
        if word in SCALES:
            scale = SCALES[word]
            if scale >= 1000:
                total += (current or 1) * scale
                current = 0
            else:
                current = (current or 1) * scale
            seen = True
            continue
        v = word_value(t)
        if v is None:
            d = _decimal(t)
            if d is None:
                return None
            current += d  # type: ignore[assignment]  # "1.5 million"
        else:
            current += v
        seen = True
    if not seen:
        return None
    value = total + current
    return int(value), vague


def bound_before(toks: list[Token]) -> str | None:
    """ "lower", "upper" or "approx" when the words just before ``toks`` bound the number."""
    if not toks:
        return None
    doc, first = toks[0].doc, toks[0].i
    start = toks[0].sent.start
    words = [t.lower_ for t in doc[max(start, first - 4) : first]]
    while words and words[-1] in ('"', "“", "(", ","):  # wounding "more than 35"
        words.pop()
    tail = " ".join(words)
    for kind, phrases in (("lower", LOWER), ("upper", UPPER), ("approx", APPROX)):
        for p in phrases:
            if tail == p or tail.endswith(" " + p):
                return kind
    return None


def _range_end(toks: list[Token]) -> int | None:
    """M of "N to M", "N and M" after "between", "N-M"."""
    doc, last = toks[-1].doc, toks[-1].i
    end = toks[-1].sent.end
    if last + 2 < end + 1 and last + 1 < end and doc[last + 1].lower_ in ("to", "-", "and"):
        if doc[last + 1].lower_ == "and":
            before = doc[max(toks[0].sent.start, toks[0].i - 1)]
            if before.lower_ != "between":
                return None
        if last + 2 < end:
            nxt = number_tokens(doc[last + 2]) if word_value(doc[last + 2]) is not None else []
            parsed = value_of(nxt) if nxt else None
            if parsed and not parsed[1]:
                return parsed[0]
    return None


def figure_at(head: Token) -> tuple[Figure, list[Token]] | None:
    """The figure of the number whose head token is ``head``, with the tokens it spans
    (the bounding words included)."""
    toks = number_tokens(head)
    parsed = value_of(toks)
    if parsed is None:
        return None
    value, vague = parsed
    doc = head.doc
    last = toks[-1].i
    first = toks[0].i
    if toks[0].lower_ in SCALES and first > head.sent.start and doc[first - 1].lower_ == "several":
        value, vague = SEVERAL * value, True  # "several hundred"
        toks = [doc[first - 1], *toks]
    # "tens of thousands", "hundreds of thousands"
    if (
        vague
        and last + 2 < head.sent.end
        and doc[last + 1].lower_ == "of"
        and doc[last + 2].lower_ in VAGUE
        and doc[last + 2].lower_ != doc[last].lower_
    ):
        value = VAGUE[doc[last].lower_] * SCALES.get(doc[last + 2].lower_[:-1], 1)
        toks = [*toks, doc[last + 1], doc[last + 2]]
    if value <= 0:
        return None
    bound = bound_before(toks)
    span = toks
    if bound is not None:
        first = toks[0].i
        k = first - 1
        while k >= head.sent.start and doc[k].lower_ not in (
            "at",
            "more",
            "up",
            "as",
            "about",
            "around",
            "over",
        ):
            k -= 1
        span = [t for t in doc[max(k, first - 4) : first] if not t.is_punct] + toks
    high = _range_end(toks)
    if high is not None and high > value:
        return Figure(value, value, high), span
    if vague or bound == "lower":
        return Figure(value, value, None), span
    if bound == "upper":
        return Figure(None, value, value), span
    if bound == "approx":
        return Figure(None, value, None), span
    return Figure.exact(value), span
