"""Tables' metadata columns: named by option or found by their common names, said in the run summary,
and an untitled row named readably (never by a hash)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ceasefire.ingest import ReadOptions
from ceasefire.ingest.tabular import readable_name

TEXT = "Government forces shelled Daraa on Monday, officials said."


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_common_names_are_found(tmp_path, read) -> None:
    path = _write_csv(
        tmp_path / "feed.csv",
        ["Headline", "Outlet", "Link", "ID", "date", "text"],
        [["Daraa shelled", "Example Wire", "https://news.example/a", "A-17", "2016-06-06", TEXT]],
    )
    [doc] = read([str(path)]).docs
    assert doc.meta["title"] == "Daraa shelled" and doc.meta["publisher"] == "Example Wire"
    assert doc.meta["url"] == "https://news.example/a" and doc.meta["row_id"] == "A-17"
    assert doc.meta["published"] == "2016-06-06"
    assert doc.meta["columns"] == (
        "columns used: text='text', title='Headline', date='date', url='Link', source='Outlet', id='ID'"
    )


def test_pandas_index_column_is_the_row_id_and_names_untitled_rows(tmp_path, read) -> None:
    path = _write_csv(
        tmp_path / "g.csv", ["", "date", "text", "source"], [["132", "2018-12-30", TEXT, "Guardian"]]
    )
    [doc] = read([str(path)]).docs
    assert doc.meta["row_id"] == "132" and doc.meta["name"] == "Guardian article 132, 2018-12-30"
    assert doc.meta["columns"].endswith("id=unnamed column 1 (none for title, url)")


def test_options_name_columns_and_a_missing_one_is_one_error(tmp_path, read) -> None:
    path = _write_csv(
        tmp_path / "f.csv",
        ["body", "site", "key", "headline"],
        [[TEXT, "Wire A", "k1", "Not this"]],
    )
    opts = ReadOptions(text_field="body", source_field="site", id_field="key", title_field="")
    [doc] = read([str(path)], opts).docs
    assert doc.meta["publisher"] == "Wire A" and doc.meta["row_id"] == "k1" and "title" not in doc.meta
    assert doc.meta["name"] == "Wire A article k1"
    [err] = read([str(path)], ReadOptions(text_field="body", source_field="outlet_name")).errors
    assert err.source == str(path)
    assert err.reason == "no column 'outlet_name' for --source-field (columns: body, site, key, headline)"


def test_jsonl_fields_by_common_name(tmp_path, read) -> None:
    path = tmp_path / "f.jsonl"
    path.write_text(json.dumps({"text": TEXT, "publisher": "Wire B", "link": "https://b.example/1"}) + "\n")
    [doc] = read([str(path)]).docs
    assert doc.meta["publisher"] == "Wire B" and doc.meta["url"] == "https://b.example/1"
    assert (
        doc.meta["columns"]
        == "fields used: text='text', url='link', source='publisher' (none for title, date, id)"
    )


def test_readable_names_never_hash() -> None:
    assert readable_name("/data/feed.csv", 7, {}) == "feed.csv row 7"
    assert readable_name("/data/feed.csv", 7, {"row_id": "x9"}) == "feed.csv #x9"
    assert readable_name("/data/feed.csv", 7, {"publisher": "W", "published": "2016-01-02"}) == (
        "W article, feed.csv row 7, 2016-01-02"
    )


@pytest.mark.slow
def test_run_names_the_columns_and_every_article_gets_outlet_and_name(tmp_path) -> None:
    path = _write_csv(
        tmp_path / "g.csv",
        ["", "date", "text", "source"],
        [
            ["5", "2018-12-30", TEXT, "Guardian"],
            ["9", "2018-12-29", "Rebels attacked a checkpoint near Homs.", "Guardian"],
        ],
    )
    out = tmp_path / "out.jsonl"
    cli = [sys.executable, "-c", "from ceasefire.cli import main; main()"]
    done = subprocess.run(
        [*cli, "extract", str(path), "-o", str(out)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert (
        f"{path}: columns used: text='text', date='date', source='source', id=unnamed column 1" in done.stderr
    )
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["article"]["publisher"], r["article"]["title"]) for r in recs] == [
        ("Guardian", "Guardian article 5, 2018-12-30"),
        ("Guardian", "Guardian article 9, 2018-12-29"),
    ]
