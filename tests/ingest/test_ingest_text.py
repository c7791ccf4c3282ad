"""Plain-text and HTML files: encodings, sniffing, and the bad inputs reported as InputError."""

from __future__ import annotations

import codecs
import gzip
import os

import pytest

from ceasefire.ingest import ReadOptions, iter_documents
from ceasefire.models import Document, InputError

TEXT = "Russian jets struck Idlib on Monday, the Observatory said. “It was heavy,” a resident said — €5."
LATIN = "Le cessez-le-feu a été violé près de Hama, selon l'Observatoire syrien."
CP1252 = "The ministry said the strike was “unacceptable” – and denied any involvement…"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("utf8.txt", TEXT.encode("utf-8"), TEXT),
        ("utf8bom.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT),
        ("utf16le.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT),
        ("utf16be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT),
        ("latin1.txt", (LATIN + " " + LATIN).encode("latin-1"), LATIN + " " + LATIN),
        ("cp1252.txt", (CP1252 + "\n" + CP1252).encode("cp1252"), CP1252 + "\n" + CP1252),
        ("crlf.txt", b"First line.\r\nSecond line.\r\n", "First line.\nSecond line.\n"),
        ("noext", TEXT.encode("utf-8"), TEXT),
    ],
)
def test_text_encodings(tmp_path, read, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    result = read([str(path)])
    assert result.errors == []
    [doc] = result.docs
    assert doc.text == expected
    assert doc.media_type == "text"
    assert doc.source == str(path)
    assert doc.meta["site"] == tmp_path.name
    assert doc.data == data  # the id hashes the input bytes
    assert doc.doc_id == Document(source="x", data=data, media_type="text").doc_id


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n  ", "empty file"),
        ("blank16.txt", codecs.BOM_UTF16_LE + "   \n ".encode("utf-16-le"), "empty file"),
        ("nul.txt", b"some text\x00\x00\x00 more text", "binary file (contains NUL bytes)"),
        ("ctrl.txt", bytes(range(1, 9)) * 20 + b"text", "binary file (contains control bytes)"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + b"IHDR" + b"\x10" * 30, "binary file (PNG image)"),
        ("doc.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (PDF document)"),
        ("archive.txt", b"PK\x03\x04\x14\x00" + b"\x00" * 40, "binary file (zip archive)"),
        (
            "badbom8.txt",
            codecs.BOM_UTF8 + b"Strike on Homs \xff\xfe killed 3",
            "mis-encoded text: starts with a utf-8 byte-order mark but has invalid utf-8 byte 0xff",
        ),
        (
            "badbom16.txt",
            codecs.BOM_UTF16_LE + "odd".encode("utf-16-le") + b"\x41",
            "mis-encoded text: starts with a utf-16-le byte-order mark",
        ),
    ],
)
def test_bad_text_files(tmp_path, read, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "zz_good.txt"
    good.write_text(TEXT, encoding="utf-8")
    result = read([str(bad), str(good)])
    [error] = result.errors
    assert isinstance(error, InputError)
    assert error.source == str(bad)
    assert error.reason.startswith(reason)
    assert "\n" not in str(error) and str(bad) in str(error)
    # iteration goes on with the next input
    assert [d.source for d in result.docs] == [str(good)]


def test_huge_file_refused_without_reading(tmp_path, read):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written
    small = tmp_path / "small.txt"
    small.write_text(TEXT)
    result = read([str(huge), str(small)])
    [error] = result.errors
    assert error.source == str(huge)
    assert error.reason == "file too large (50 MB >= 50 MB limit)"
    assert len(result.docs) == 1


def test_limit_is_an_option(tmp_path, read):
    path = tmp_path / "a.txt"
    path.write_text("x" * 2000)
    assert read([str(path)], ReadOptions(max_bytes=2000)).errors[0].reason.startswith("file too large")
    assert read([str(path)], ReadOptions(max_bytes=2001)).docs


@pytest.mark.parametrize(
    ("name", "data", "media", "expected_in_text"),
    [
        (
            "page.html",
            b"<html><head><title>T</title></head><body><p>Body</p></body></html>",
            "html",
            "<p>Body</p>",
        ),
        ("page.htm", b"<p>para</p>", "html", "<p>para</p>"),
        (
            "page.xhtml",
            b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body/></html>",
            "html",
            "<body/>",
        ),
        # sniffed from the content whatever the name says
        ("saved.txt", b"<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>", "html", "Hello"),
        (
            "fragment",
            b"<div><p>a</p><p>b</p><p>c</p><a href='x'>d</a><span>e</span></div>",
            "html",
            "<span>e",
        ),
        # plain text mentioning a tag stays text; an .html file holding plain text is text
        ("note.txt", b"Use the <b> tag for bold. That is all.", "text", "<b> tag"),
        ("plain.html", b"Just a plain sentence about Aleppo.", "text", "Aleppo"),
    ],
)
def test_html_detection(tmp_path, read, name, data, media, expected_in_text):
    path = tmp_path / name
    path.write_bytes(data)
    [doc] = read([str(path)]).docs
    assert doc.media_type == media
    assert expected_in_text in doc.text


@pytest.mark.parametrize(
    ("head", "body_encoding", "expected"),
    [
        ('<meta charset="windows-1251">', "cp1251", "Обстрел Алеппо"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
            "cp1252",
            "Alep: trêve “violée”",
        ),
        ("<meta charset='koi8-r'>", "koi8-r", "Перемирие"),
        ('<meta charset="utf-8">', "utf-8", "Перемирие “Алеппо”"),
    ],
)
def test_html_meta_charset(tmp_path, read, head, body_encoding, expected):
    html = f"<html><head>{head}<title>x</title></head><body><p>{expected}</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(body_encoding))
    [doc] = read([str(path)]).docs
    assert doc.media_type == "html"
    assert expected in doc.text


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("story.txt.gz", TEXT.encode("utf-8")),
        ("page.html.gz", b"<html><body><p>" + TEXT.encode() + b"</p></body></html>"),
        ("unnamed.gz", TEXT.encode("utf-16")),
    ],
)
def test_gzip_is_transparent(tmp_path, read, name, payload):
    path = tmp_path / name
    path.write_bytes(gzip.compress(payload))
    [doc] = read([str(path)]).docs
    assert TEXT in doc.text
    assert doc.media_type == ("html" if ".html" in name else "text")
    assert doc.data == payload  # same id as the uncompressed file


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (gzip.compress(TEXT.encode() * 50)[:-30], "truncated gzip"),
        (b"\x1f\x8b\x08\x00garbage-not-deflate-data" * 3, "corrupt gzip"),
        (b"plain bytes named .gz", "corrupt gzip (not a gzip file)"),
    ],
)
def test_bad_gzip(tmp_path, read, data, reason):
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(TEXT)
    result = read([str(bad), str(good)])
    [error] = result.errors
    assert error.source == str(bad) and error.reason.startswith(reason)
    assert len(result.docs) == 1


def test_gzip_bomb_is_refused(tmp_path, read):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 100_000))
    [error] = read([str(path)], ReadOptions(max_bytes=10_000)).errors
    assert "too large" in error.reason and "decompressed" in error.reason


def test_missing_path_and_unreadable(tmp_path, read):
    locked = tmp_path / "locked.txt"
    locked.write_text(TEXT)
    os.chmod(locked, 0)
    try:
        result = read([str(tmp_path / "nope.txt"), str(locked)])
    finally:
        os.chmod(locked, 0o644)
    assert result.errors[0].reason == "no such file or directory"
    if os.geteuid() != 0:  # root reads anything
        assert result.errors[1].source == str(locked)
        assert "ermission" in result.errors[1].reason


def test_stream_is_lazy(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Document number {i}.")
    it = iter_documents([str(tmp_path)])
    first = next(it)
    assert isinstance(first, Document) and first.text == "Document number 0."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Der Waffenstillstand wurde gebrochen, sagte ein Sprecher über die Lage.", "latin-1"),
        ("El alto el fuego se rompió en Alepo, según el Observatorio. Año difícil.", "cp1252"),
        ("Обстрел Алеппо продолжался всю ночь, сообщили военные. Перемирие нарушено.", "cp1251"),
        ("Обстрел Алеппо продолжался всю ночь, сообщили военные. Перемирие нарушено.", "koi8-r"),
    ],
)
def test_single_byte_encodings_detected(tmp_path, read, text, encoding):
    path = tmp_path / "doc.txt"
    path.write_bytes((text + "\n" + text).encode(encoding))
    [doc] = read([str(path)]).docs
    assert doc.text == text + "\n" + text
