"""Body-text quality of the HTML path against bare trafilatura, side by side.

Data: the 181 gzipped news pages of scrapinghub's article-extraction-benchmark
(``../shared/external/article_extraction_benchmark``) with the human-checked
``articleBody`` of ``ground-truth.json``.

ceasefire's figure is for the primary article (the page's own); every page
here holds one article, so the count of pages split into several articles
shows how often the multi-article detection fires where it should not.

Metric: token-level bag-of-words precision/recall/F1 of the extracted body vs
the gold body, tokenised as ``../shared/eval/score.py`` does (NFKC, quotes and
dashes folded, casefold, ``\\w+``), averaged over pages. A page where an
extractor finds nothing scores 0.

A second table uses the 42 English news pages of trafilatura's own evaluation
set (``../shared/external/trafilatura_eval``): the share of must-keep snippets
("with") found in the body, of must-drop snippets ("without") absent from it,
and of publication dates right on the 24 pages that state one.

Run from the repository root::

    .venv/bin/python benchmarks/html_extraction.py [--limit N] [--show-worst K] [--min-margin X]

Exit status 1 when ceasefire's mean F1 falls below bare trafilatura's by more
than ``--min-margin`` (default 0: ceasefire must be at least as good).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "external" / "article_extraction_benchmark"
TRAF_EVAL = ROOT.parent / "shared" / "external" / "trafilatura_eval"

_FOLD = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)


def tokens(text: str | None) -> list[str]:
    """The scorer's tokenisation (../shared/eval/score.py: norm + \\w+)."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return re.findall(r"\w+", text)


def prf(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    if not pred and not gold:
        return 1.0, 1.0, 1.0
    common = sum((collections.Counter(pred) & collections.Counter(gold)).values())
    p = common / len(pred) if pred else 0.0
    r = common / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class PageScore:
    page: str
    ours: tuple[float, float, float]
    bare: tuple[float, float, float]
    articles: int = 1  # how many articles ceasefire found on the page (each page holds one)


def run(limit: int | None = None) -> list[PageScore]:
    import trafilatura

    from ceasefire.clean.html import articles_from_html

    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    scores = []
    for page in sorted(truth)[:limit]:
        item = truth[page]
        raw = gzip.decompress((DATA / "html" / f"{page}.html.gz").read_bytes())
        html = raw.decode("utf-8", "replace")
        gold = tokens(item.get("articleBody"))
        articles = articles_from_html(html, url=item.get("url"))
        ours = articles[0].text if articles else ""
        bare = trafilatura.extract(html, url=item.get("url")) or ""
        scores.append(PageScore(page, prf(tokens(ours), gold), prf(tokens(bare), gold), len(articles)))
    return scores


@dataclass
class SnippetScore:
    kept: int = 0
    kept_of: int = 0
    dropped: int = 0
    dropped_of: int = 0
    dates: int = 0
    dates_of: int = 0

    def add(self, text: str, date: str | None, item: dict) -> None:
        folded = " ".join(unicodedata.normalize("NFKC", text).split())
        for snippet in item.get("with", []):
            self.kept_of += 1
            self.kept += " ".join(unicodedata.normalize("NFKC", snippet).split()) in folded
        for snippet in item.get("without", []):
            self.dropped_of += 1
            self.dropped += " ".join(unicodedata.normalize("NFKC", snippet).split()) not in folded
        if item.get("date"):
            self.dates_of += 1
            self.dates += date == item["date"]

    def row(self, name: str) -> str:
        def share(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "-"

        return (
            f"{name:<22}{share(self.kept, self.kept_of):>8}{share(self.dropped, self.dropped_of):>8}"
            f"{share(self.dates, self.dates_of):>8}"
        )


def run_snippets() -> tuple[SnippetScore, SnippetScore]:
    import trafilatura

    from ceasefire.clean.html import articles_from_html

    spec = json.loads((TRAF_EVAL / "evaldata_subset_en_news.json").read_text(encoding="utf-8"))
    ours, bare = SnippetScore(), SnippetScore()
    for url, item in sorted(spec.items()):
        html = (TRAF_EVAL / "html" / item["file"]).read_bytes().decode("utf-8", "replace")
        articles = articles_from_html(html, url=url)
        primary = articles[0] if articles else None
        ours.add(primary.text if primary else "", primary.published if primary else None, item)
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
        bare.add((doc.text if doc else "") or "", doc.date if doc else None, item)
    return ours, bare


def mean(values: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    n = len(values) or 1
    return tuple(sum(v[i] for v in values) / n for i in range(3))  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument(
        "--show-worst", type=int, default=0, help="list the K pages where ceasefire loses most"
    )
    parser.add_argument(
        "--min-margin", type=float, default=0.0, help="fail when ceasefire F1 < trafilatura F1 - margin"
    )
    args = parser.parse_args(argv)
    if not (DATA / "ground-truth.json").exists():
        print(f"benchmark data not found at {DATA}", file=sys.stderr)
        return 2
    t0 = time.time()
    scores = run(args.limit)
    ours = mean([s.ours for s in scores])
    bare = mean([s.bare for s in scores])
    print(f"pages: {len(scores)}  ({time.time() - t0:.0f} s)")
    print(f"{'extractor':<22}{'P':>8}{'R':>8}{'F1':>8}")
    print(f"{'ceasefire':<22}{ours[0]:>8.4f}{ours[1]:>8.4f}{ours[2]:>8.4f}")
    print(f"{'trafilatura (bare)':<22}{bare[0]:>8.4f}{bare[1]:>8.4f}{bare[2]:>8.4f}")
    split = [s for s in scores if s.articles > 1]
    print(f"pages split into several articles: {len(split)} of {len(scores)} (each holds one)")
    if (TRAF_EVAL / "evaldata_subset_en_news.json").exists():
        s_ours, s_bare = run_snippets()
        print(
            f"\ntrafilatura_eval ({s_ours.kept_of} keep / {s_ours.dropped_of} drop snippets, "
            f"{s_ours.dates_of} dates)"
        )
        print(f"{'extractor':<22}{'kept':>8}{'dropped':>8}{'date':>8}")
        print(s_ours.row("ceasefire"))
        print(s_bare.row("trafilatura (bare)"))
    if args.show_worst:
        for s in sorted(scores, key=lambda s: s.ours[2] - s.bare[2])[: args.show_worst]:
            print(f"  {s.page}  ceasefire F1 {s.ours[2]:.3f}  bare {s.bare[2]:.3f}")
    return 0 if ours[2] >= bare[2] - args.min_margin else 1


if __name__ == "__main__":
    sys.exit(main())
