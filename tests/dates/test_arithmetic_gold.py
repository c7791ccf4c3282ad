"""Date arithmetic on this project's own gold (tests/dates/data/arithmetic.tsv): right or null."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ceasefire.dates import DateResolver

GOLD = Path(__file__).parent / "data" / "arithmetic.tsv"


def _rows() -> list[tuple[str, str, str, str | None, str]]:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        published, text, expr, value, precision = line.split("\t")
        rows.append((published, text, expr, None if value == "-" else value, precision))
    return rows


ROWS = _rows()


def test_gold_is_not_empty() -> None:
    assert len(ROWS) >= 15


@pytest.mark.parametrize("published,text,expr,value,precision", ROWS, ids=[r[2] for r in ROWS])
def test_arithmetic(nlp, published, text, expr, value, precision) -> None:
    doc = nlp(text)
    resolver = DateResolver(None if published == "-" else dt.date.fromisoformat(published))
    found = [d for d in resolver.resolved(doc) if d.text == expr]
    assert found, f"{expr!r} not found among {[d.text for d in resolver.resolved(doc)]}"
    assert (found[-1].value, found[-1].precision) == (value, precision)
