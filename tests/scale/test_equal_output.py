"""A LocalCluster of 2 workers gives the same records as the single process."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasefire.ingest import ReadOptions
from ceasefire.pipeline import DocumentResult, ExtractOptions, process
from ceasefire.scale import ScaleOptions
from ceasefire.scale import process as scaled

from .support import outcome

EXAMPLES = Path(__file__).resolve().parents[2] / "ceasefire" / "examples"


def _order(items: list) -> list[str]:
    return [i.document.doc_id if isinstance(i, DocumentResult) else i.source for i in items]


def _both(inputs: list[str], options: ExtractOptions, cluster, tmp_path: Path, size: int):
    single = list(process(inputs, options))
    scale = ScaleOptions(scheduler=cluster.scheduler_address, partition_size=size, run_dir=tmp_path / "run")
    spread = list(scaled(inputs, options, scale))
    return single, spread


@pytest.mark.slow
def test_bundled_examples(cluster, tmp_path: Path) -> None:
    single, spread = _both([str(EXAMPLES)], ExtractOptions(), cluster, tmp_path, size=2)
    records, errors = outcome(single)
    assert len(records) >= 7 and not errors
    assert outcome(spread) == (records, errors)
    assert _order(spread) == _order(single)  # handed on in input order, too
    n_docs = sum(isinstance(i, DocumentResult) for i in single)
    found = sorted((tmp_path / "run" / "parts").glob("part-*.parquet"))
    assert len(found) == (n_docs + 1) // 2  # two documents a partition

    # A rerun with the same run folder reads the partitions back instead of computing them.
    stamps = [p.stat().st_mtime_ns for p in found]
    scale = ScaleOptions(scheduler=cluster.scheduler_address, partition_size=2, run_dir=tmp_path / "run")
    again = list(scaled([str(EXAMPLES)], ExtractOptions(), scale))
    assert outcome(again) == (records, errors)
    assert [p.stat().st_mtime_ns for p in found] == stamps


@pytest.mark.slow
@pytest.mark.shared
def test_200_shared_articles(cluster, tmp_path: Path) -> None:
    from ceasefire.scale import sample

    why = sample.available()
    if why:
        pytest.skip(why)
    src = tmp_path / "articles.jsonl"
    sample.write_jsonl(src, 200)
    options = ExtractOptions(read=ReadOptions(text_field="text"))
    single, spread = _both([str(src)], options, cluster, tmp_path, size=16)
    records, errors = outcome(single)
    assert len(records) >= 200
    assert sum(r.count('"type":') for r in records) > 200  # events were coded: the comparison means something
    assert outcome(spread) == (records, errors)
    assert _order(spread) == _order(single)
