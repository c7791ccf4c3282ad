"""JSON Lines and CSV/TSV inputs: one document per row, errors per row or per file."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json

import pytest

from ceasefire.ingest import ReadOptions
from ceasefire.ingest.meta import normalise_date, site_of_url

ROWS = [
    {
        "text": "Government forces shelled Daraa on Monday.",
        "title": "Daraa shelled",
        "date": "2016-06-06T09:15:00+03:00",
        "url": "https://www.example.com/a",
    },
    {"text": "Talks resumed in Geneva.", "title": "Talks", "date": "June 7, 2016", "url": ""},
    {"text": "A third report.", "date": "not a date"},
]


def _jsonl(rows) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)


def _csv(rows, delimiter=",", encoding="utf-8") -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(
        buf, fieldnames=["title", "date", "url", "text"], delimiter=delimiter, lineterminator="\n"
    )
    writer.writeheader()
    for r in rows:
        writer.writerow({k: r.get(k, "") for k in ("title", "date", "url", "text")})
    return buf.getvalue().encode(encoding)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("rows.jsonl", _jsonl(ROWS)),
        ("rows.ndjson", _jsonl(ROWS)),
        ("rows.jsonl.gz", gzip.compress(_jsonl(ROWS))),
        ("rows.csv", _csv(ROWS)),
        ("rows.csv.gz", gzip.compress(_csv(ROWS))),
        ("semicolon.csv", _csv(ROWS, delimiter=";")),
        ("bom.csv", codecs.BOM_UTF8 + _csv(ROWS)),
        ("utf16.csv", _csv(ROWS, encoding="utf-16")),
        ("rows.tsv", _csv(ROWS, delimiter="\t")),
    ],
)
def test_rows_are_documents(tmp_path, read, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = read([str(path)])
    assert result.errors == []
    assert [d.source for d in result.docs] == [f"{path}#row{n}" for n in (1, 2, 3)]
    assert [d.text for d in result.docs] == [r["text"] for r in ROWS]
    first, second, third = result.docs
    assert first.meta["title"] == "Daraa shelled"
    assert first.meta["published"] == "2016-06-06"
    assert first.meta["url"] == "https://www.example.com/a"
    assert first.meta["site"] == "example.com"
    assert second.meta["published"] == "2016-06-07"
    assert second.meta["site"] == tmp_path.name and "url" not in second.meta
    assert "published" not in third.meta and third.meta["date"] == "not a date"


def test_row_ids_are_stable_and_content_based(tmp_path, read):
    a = tmp_path / "a" / "x.jsonl"
    b = tmp_path / "b" / "y.csv"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_bytes(_jsonl(ROWS))
    b.write_bytes(_csv(ROWS))
    ids_a = [d.doc_id for d in read([str(a)]).docs]
    ids_b = [d.doc_id for d in read([str(b)]).docs]
    assert ids_a == [d.doc_id for d in read([str(a)]).docs]
    assert len(set(ids_a)) == 3
    # rows 1 and 2 have the same fields in both files; row 3 has no title/url in JSON but
    # empty ones in CSV, which are the same absent metadata
    assert ids_a == ids_b


def test_jsonl_bad_lines_are_reported_one_by_one(tmp_path, read):
    lines = [
        json.dumps({"text": "Good one."}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"body": "wrong field"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Good two."}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n\xff\xfe{}\n")
    result = read([str(path)])
    assert [d.text for d in result.docs] == ["Good one.", "Good two."]
    assert [d.source for d in result.docs] == [f"{path}#row1", f"{path}#row8"]
    reasons = {e.source.rsplit("#", 1)[1]: e.reason for e in result.errors}
    assert reasons == {
        "row2": "malformed JSON: Expecting property name enclosed in double quotes at column 2",
        "row4": "not a JSON object but a list",
        "row5": "no 'text' field (fields: body)",
        "row6": "'text' is a int, not a string",
        "row7": "empty 'text' field",
        "row9": "line is not UTF-8 (invalid byte at column 1)",
    }


def test_jsonl_whose_first_record_lacks_the_field_is_one_error(tmp_path, read):
    path = tmp_path / "other.jsonl"
    path.write_bytes(_jsonl([{"content": "x", "headline": "y"}] * 100))
    [error] = read([str(path)]).errors
    assert error.source == str(path)
    assert error.reason == "no 'text' field in the first record (line 1; fields: content, headline)"
    docs = read([str(path)], ReadOptions(text_field="content", title_field="headline")).docs
    assert len(docs) == 100 and docs[0].meta["title"] == "y"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("nocol.csv", b"id,body,title\n1,Some text,T\n"),
        ("nocol.tsv", b"id\tbody\n1\tSome text\n"),
    ],
)
def test_csv_without_the_column_is_one_error_naming_the_columns(tmp_path, read, name, data):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("Next input.")
    result = read([str(bad), str(good)])
    [error] = result.errors
    assert error.source == str(bad)
    assert error.reason.startswith("no column 'text' (columns: id, body")
    assert len(result.docs) == 1


def test_csv_text_column_by_option_and_case(tmp_path, read):
    path = tmp_path / "news.csv"
    path.write_bytes(b"ID,Content,Headline,Published\n7,Strikes hit Idlib.,Idlib,04/06/2016\n")
    [doc] = read(
        [str(path)], ReadOptions(text_field="content", title_field="headline", date_field="published")
    ).docs
    assert doc.text == "Strikes hit Idlib." and doc.meta["title"] == "Idlib"
    assert doc.meta["published"] == "2016-04-06"  # month first, as dateparser reads US dates


def test_csv_huge_field_and_quoted_newlines(tmp_path, read):
    body = ("Paragraph one, with a comma.\n\n" + "word " * 60_000).strip()  # > csv's 128 KiB default
    path = tmp_path / "big.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["text", "title"])
        writer.writerow([body, "Big"])
        writer.writerow(["", "empty row text"])
        writer.writerow(["Small.", "Small"])
    result = read([str(path)])
    assert [d.text for d in result.docs] == [body, "Small."]
    assert [d.source.rsplit("#", 1)[1] for d in result.docs] == ["row1", "row3"]
    [error] = result.errors
    assert error.source == f"{path}#row2" and error.reason == "empty 'text' field"


def test_csv_row_over_limit(tmp_path, read):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"text\n" + b"a" * 3000 + b"\nshort\n")
    result = read([str(path)], ReadOptions(max_bytes=1000))
    assert [d.text for d in result.docs] == ["short"]
    assert result.errors[0].source == f"{path}#row1" and result.errors[0].reason.startswith("file too large")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.csv", b"", "empty file"),
        ("empty.jsonl", b"", "empty file"),
        ("binary.csv", b"text\n\x00\x01\x02\x00", "binary file (contains NUL bytes)"),
        (
            "cut.csv.gz",
            gzip.compress(b"text\n" + b"".join(b"row %d %d\n" % (i, i * 7919 % 10007) for i in range(5000)))[
                :20000
            ],
            "truncated gzip (compressed data ends early) after row",
        ),
        (
            "cut.jsonl.gz",
            gzip.compress(_jsonl([{"text": f"row {i}"} for i in range(3000)]))[:5000],
            "truncated gzip (compressed data ends early) after row",
        ),
        ("latin.csv", "text\nTrêve violée à Alep\n".encode("cp1252"), None),
    ],
)
def test_bad_tables(tmp_path, read, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    result = read([str(path)])
    if reason is None:
        assert result.errors == []
        if result.docs:
            assert result.docs[0].text == "Trêve violée à Alep"
    else:
        assert result.errors[-1].source == str(path)
        assert result.errors[-1].reason.startswith(reason)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("header.csv", b"title,date,text\n", "CSV has a header but no rows"),
        ("header-blank-rows.csv", b"title,date,text\n\n,,\n\n", "CSV has a header but no rows"),
        ("header.tsv", b"title\ttext\r\n", "TSV has a header but no rows"),
        ("header.csv.gz", gzip.compress(b"text\n"), "CSV has a header but no rows"),
        ("blank.jsonl", b"\n  \n\t\n\n", "JSON Lines file has only blank lines"),
        ("blank.ndjson.gz", gzip.compress(b"\n\n"), "JSON Lines file has only blank lines"),
    ],
)
def test_table_without_rows_is_reported(tmp_path, read, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    after = tmp_path / "after.txt"
    after.write_text("Next input.")
    result = read([str(path), str(after)])
    assert [(e.source, e.reason) for e in result.errors] == [(str(path), f"no documents found ({reason})")]
    assert [d.source for d in result.docs] == [str(after)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-06-04", "2016-06-04"),
        ("2016-06-04T23:30:00-05:00", "2016-06-04"),
        ("2016-06-04T12:00:00Z", "2016-06-04"),
        ("20160604123000", "2016-06-04"),
        ("20160604", "2016-06-04"),
        (1465034400, "2016-06-04"),
        ("1465034400000", "2016-06-04"),
        ("4 June 2016", "2016-06-04"),
        ("June 4, 2016 10:00 EDT", "2016-06-04"),
        ("Sat, 04 Jun 2016 12:00:00 GMT", "2016-06-04"),
        ("Monday", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        ("20161399", None),
        ("not a date", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.Example.com/path?q=1", "example.com"),
        ("http://news.bbc.co.uk:8080/x", "news.bbc.co.uk"),
        ("not a url", None),
        ("", None),
        (None, None),
    ],
)
def test_site_of_url(url, site):
    assert site_of_url(url) == site
