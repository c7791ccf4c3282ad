"""Pathological inputs finish quickly: no catastrophic regexes, no quadratic passes."""

from __future__ import annotations

import time

import pytest

from ceasefire.clean import split_text

# Seconds allowed per input; measured 0.02-0.2 s for the 1 MB single lines and 2-7 s for
# 200k lines on the shared 2-core machine, so the bound catches hangs, not noise.
LIMIT_1MB = 5.0
LIMIT_MANY_LINES = 30.0


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200_000,  # 1 MB of words, no newline
        "a" * 1_000_000,  # 1 MB, one token
        "(" * 500_000 + ")" * 500_000,  # punctuation only
        "“" * 1_000_000,  # quote characters (title/quote checks)
        "1 June, 2016 " * 80_000,  # dates everywhere
        "Subscribe to The Daily Widget " * 35_000,  # widget phrases, one line
    ],
    ids=["words", "one-token", "parens", "quotes", "dates", "phrases"],
)
def test_one_megabyte_single_line(text: str) -> None:
    t0 = time.perf_counter()
    arts = split_text(text)
    assert time.perf_counter() - t0 < LIMIT_1MB
    assert len(arts) == 1 and len(arts[0].text) > 0


@pytest.mark.parametrize(
    "make",
    [
        lambda i: "The" if i % 5 == 0 else "lowercase continuation of a wrapped line here",
        lambda i: f"Headline Number {i} Of A Very Long List",
        lambda i: ("Published", "on", "By", "4", "June, 2016", "Advertisement")[i % 6],
        # link-box headings over short lists, after a body (each heading scans what follows it)
        lambda i: (
            "Government forces said on Tuesday they had repelled an attack on the city outskirts."
            if i < 200
            else ("Related", "Short link one", "Short link two")[i % 3]
        ),
    ],
    ids=["wrapped", "headlines", "header-residue", "link-boxes"],
)
def test_many_short_lines(make) -> None:
    # 100k lines: the whole-area test budget is 2 minutes; the timing is linear in the line count
    # (measured 4.5 s / 8.4 s / 18 s for 50k / 100k / 200k headline lines under load).
    text = "\n".join(make(i) for i in range(100_000))
    t0 = time.perf_counter()
    arts = split_text(text)
    assert time.perf_counter() - t0 < LIMIT_MANY_LINES
    assert arts and arts[0].role == "primary"
