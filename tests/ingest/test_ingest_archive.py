"""WARC (written with warcio here) and ARC (hand-written) archives, whole and cut."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ceasefire.ingest import ReadOptions

BODY = (
    "<html><head><title>Truce</title></head><body><p>The truce held in Daraa, officials said.</p>"
    "<p>{filler}</p></body></html>"
)


def _warc(records: list[tuple[str, str, str, bytes]], *, gz: bool) -> bytes:
    """records: (uri, status line, content type, payload) as HTTP responses, plus one request."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "ceasefire tests"}))
    for uri, status, ctype, payload in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2016-06-04T12:30:00Z"},
        )
        writer.write_record(record)
        request = writer.create_warc_record(
            uri,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(f"GET {uri} HTTP/1.1", [], is_http_request=True),
        )
        writer.write_record(request)
    return buf.getvalue()


RECORDS = [
    (
        "http://www.example.org/news/1",
        "200 OK",
        "text/html; charset=utf-8",
        BODY.format(filler="word " * 3000).encode(),
    ),
    ("http://example.org/img.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50),
    ("http://example.org/moved", "301 Moved Permanently", "text/html", b"<html>moved</html>"),
    ("http://example.org/missing", "404 Not Found", "text/html", b"<html>missing</html>"),
    (
        "https://news.example.com/2",
        "200 OK",
        "text/plain; charset=windows-1252",
        "Ceasefire “violations” reported – again.".encode("cp1252"),
    ),
    ("https://news.example.com/3", "200 OK", "text/html", BODY.format(filler="more " * 3000).encode()),
]
EXPECTED_URIS = ["http://www.example.org/news/1", "https://news.example.com/2", "https://news.example.com/3"]


@pytest.mark.parametrize(
    ("name", "gz"),
    [
        ("crawl.warc", False),
        ("crawl.warc.gz", True),
        ("crawl-no-extension", False),
        ("crawl-gz-no-ext", True),
    ],
)
def test_warc_html_and_text_responses(tmp_path, read, name, gz):
    path = tmp_path / name
    path.write_bytes(_warc(RECORDS, gz=gz))
    result = read([str(path)])
    assert result.errors == []
    assert [d.source for d in result.docs] == [f"{path}#{u}" for u in EXPECTED_URIS]
    first, second, third = result.docs
    assert first.media_type == "html" and "truce held in Daraa" in first.text
    assert first.meta["url"] == "http://www.example.org/news/1"
    assert first.meta["site"] == "example.org"
    assert first.meta["captured"] == "2016-06-04"
    assert second.media_type == "text" and second.text == "Ceasefire “violations” reported – again."
    assert third.meta["site"] == "news.example.com"


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("cut_at", [0.35, 0.7, 0.995])
def test_truncated_warc_yields_records_so_far_then_one_error(tmp_path, read, gz, cut_at):
    full = _warc(RECORDS, gz=gz)
    whole = read([str(_write(tmp_path / "whole.warc", full))]).docs
    path = _write(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), full[: int(len(full) * cut_at)])
    after = _write(tmp_path / "after.txt", b"Next input.")
    result = read([str(path), str(after)])
    [error] = result.errors
    assert error.source == str(path)
    assert error.reason.startswith("truncated or corrupt archive after ")
    got = [d for d in result.docs if d.source.startswith(str(path))]
    # the documents before the cut are intact, in order
    assert [d.text for d in got] == [d.text for d in whole[: len(got)]]
    assert len(got) <= len(whole) and (len(got) < len(whole) or cut_at > 0.99)
    assert result.docs[-1].source == str(after)


def _member_archive(n: int) -> tuple[bytes, list[int]]:
    """A .warc.gz of n HTML responses (one gzip member each) and the end offset of each member."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    ends = []
    for i in range(n):
        payload = (
            f"<html><body><p>Report {i}: "
            + " ".join(f"t{i * 7 + j * 13 % 101}" for j in range(600))
            + "</p></body></html>"
        ).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"http://example.org/r/{i}", "response", payload=io.BytesIO(payload), http_headers=headers
            )
        )
        ends.append(buf.tell())
    return buf.getvalue(), ends


@pytest.mark.parametrize(
    ("records", "cut_share"),
    [
        (40, 0.5),
        (40, 0.25),
        (40, 0.9),
        (3, 2 / 3),
        (3, 0.5),
        (3, 0.2),
        (1, 0.5),
    ],
)
def test_truncated_warc_gz_yields_every_complete_record(tmp_path, read, records, cut_share):
    data, ends = _member_archive(records)
    cut = int(len(data) * cut_share)
    complete = sum(end <= cut for end in ends)
    path = _write(tmp_path / "cut.warc.gz", data[:cut])
    result = read([str(path)])
    assert [d.meta["url"] for d in result.docs] == [f"http://example.org/r/{i}" for i in range(complete)]
    [error] = result.errors
    plural = "" if complete == 1 else "s"
    assert error.reason.startswith(f"truncated or corrupt archive after {complete} document{plural}:")


@pytest.mark.parametrize("gz", [False, True])
def test_archive_without_html_responses_is_reported(tmp_path, read, gz):
    records = [r for r in RECORDS if not r[1].startswith("200") or "image" in r[2]]
    path = _write(tmp_path / ("other.warc.gz" if gz else "other.warc"), _warc(records, gz=gz))
    [error] = read([str(path)]).errors
    assert error.source == str(path)
    assert error.reason == "no documents found (no HTML or text responses with status 200 in the archive)"


def test_garbage_named_warc(tmp_path, read):
    path = _write(tmp_path / "junk.warc", b"this is not an archive at all\n" * 5)
    [error] = read([str(path)]).errors
    assert error.source == str(path) and error.reason.startswith("not a WARC or ARC archive")


def test_empty_warc(tmp_path, read):
    path = _write(tmp_path / "empty.warc", b"")
    [error] = read([str(path)]).errors
    assert error.reason == "empty file"


def test_warc_record_over_limit(tmp_path, read):
    path = _write(tmp_path / "big.warc", _warc(RECORDS, gz=False))
    result = read([str(path)], ReadOptions(max_bytes=5000))
    assert [d.source.split("#")[1] for d in result.docs] == ["https://news.example.com/2"]
    assert {e.source.split("#")[1] for e in result.errors} == {EXPECTED_URIS[0], EXPECTED_URIS[2]}
    assert all(e.reason.startswith("file too large") for e in result.errors)


def _arc(records: list[tuple[str, str, bytes]]) -> bytes:
    """A version-1 ARC file: a filedesc record, then one record per (uri, date, HTTP response)."""
    desc = b"1 0 ceasefire-tests\nURL IP-address Archive-date Content-type Archive-length\n"
    out = b"filedesc://test.arc 0.0.0.0 20160604000000 text/plain %d\n%s\n" % (len(desc), desc)
    for uri, date, response in records:
        out += b"%s 127.0.0.1 %s text/html %d\n%s\n" % (uri.encode(), date.encode(), len(response), response)
    return out


def _http(status: str, ctype: str, body: bytes) -> bytes:
    return (
        f"HTTP/1.0 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
    )


ARC_RECORDS = [
    (
        "http://example.net/a.html",
        "20160604123000",
        _http("200 OK", "text/html", b"<html><body><p>Shelling in Hama.</p></body></html>"),
    ),
    (
        "http://example.net/b.html",
        "20160605080000",
        _http("404 Not Found", "text/html", b"<html><body>gone</body></html>"),
    ),
    (
        "http://example.net/c.txt",
        "20160606080000",
        _http("200 OK", "text/plain", b"Talks resumed in Geneva."),
    ),
]


@pytest.mark.parametrize("name", ["old.arc", "old.arc.gz"])
def test_arc(tmp_path, read, name):
    import gzip

    data = _arc(ARC_RECORDS)
    if name.endswith(".gz"):
        data = gzip.compress(data)
    path = _write(tmp_path / name, data)
    result = read([str(path)])
    assert result.errors == []
    assert [d.meta["url"] for d in result.docs] == ["http://example.net/a.html", "http://example.net/c.txt"]
    assert [d.meta["captured"] for d in result.docs] == ["2016-06-04", "2016-06-06"]
    assert result.docs[0].media_type == "html" and "Shelling in Hama." in result.docs[0].text
    assert result.docs[1].text == "Talks resumed in Geneva."


def test_truncated_arc(tmp_path, read):
    data = _arc(ARC_RECORDS)
    path = _write(tmp_path / "cut.arc", data[: len(data) - 10])
    result = read([str(path)])
    assert [d.meta["url"] for d in result.docs] == ["http://example.net/a.html"]
    [error] = result.errors
    assert error.source == str(path) and error.reason.startswith(
        "truncated or corrupt archive after 1 document:"
    )


def _write(path, data: bytes):
    path.write_bytes(data)
    return path
