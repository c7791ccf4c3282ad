"""Real scraped and clean news text from ../shared/external (skipped when absent).

- Guardian SDF sample (clean articles, one paragraph per document): nothing may be lost or split.
- FakeNewsCorpus sample (scraped with residual boilerplate): widget lines must go, text must stay.
Measured 2026-11-22 (after the text-dump rules of benchmarks/text_dump_extraction.py): Guardian
0.0% of words lost, 0 splits; FakeNewsCorpus 2.8% of words removed (324 lines; 2.9% and 326
before those rules), no widget line left in any body.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile

import pytest

from ceasefire.clean import split_text
from tests.support import shared_path

csv.field_size_limit(sys.maxsize)


@pytest.fixture(scope="module")
def guardian_rows() -> list[dict[str, str]]:
    path = shared_path("external", "ngec_guardian_sdf", "Guardian_SDF_sample.csv.zip")
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        with z.open(name) as fh:
            return list(csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")))


@pytest.fixture(scope="module")
def fakenews_rows() -> list[dict[str, str]]:
    path = shared_path("external", "fakenewscorpus", "news_sample.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.shared
def test_clean_articles_survive(guardian_rows: list[dict[str, str]]) -> None:
    words = kept = 0
    for row in guardian_rows:
        arts = split_text(row["text"])
        assert len(arts) == 1, row["text"][:80]
        words += len(row["text"].split())
        kept += sum(len(a.text.split()) for a in arts)
    assert kept >= 0.99 * words


# Widget lines seen in the sample; none may survive in a body.
_WIDGET = re.compile(
    r"^(?:advertisements?|share this:?.*|subscribe to .* for free|read more great articles here.*|"
    r"related posts:?|read more|featured image via .*|photo credit:.*|filed under:.*|tags:.*)$",
    re.I,
)


@pytest.mark.shared
def test_scraped_pages_lose_widgets_not_text(fakenews_rows: list[dict[str, str]]) -> None:
    words = kept = removed = 0
    for row in fakenews_rows:
        arts = split_text(row["content"], hints={"title": row["title"], "site": row["domain"]})
        words += len(row["content"].split())
        kept += sum(len(a.text.split()) for a in arts)
        removed += sum(len(a.removed) for a in arts)
        for a in arts:
            left = [p for p in a.text.split("\n\n") if _WIDGET.match(p.strip())]
            assert not left, (row["domain"], left)
    assert kept >= 0.95 * words
    assert removed >= 250  # measured 324 on the 250 rows on 2026-11-22
