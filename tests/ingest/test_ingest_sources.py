"""Standard input, directories with globs, and http URLs against a real local server."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import time

import pytest

from ceasefire.ingest import ReadOptions, iter_documents
from ceasefire.models import Document, InputError

from .conftest import SLOW_SECONDS

STDIN_SCRIPT = """
import sys
from ceasefire.ingest import iter_documents
for item in iter_documents(["-"]):
    if hasattr(item, "doc_id"):
        print("DOC", item.source, item.media_type, repr(item.text))
    else:
        print("ERR", item)
"""


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "Airstrikes hit Raqqa overnight.\n".encode("utf-16"),
            "DOC <stdin> text 'Airstrikes hit Raqqa overnight.\\n'",
        ),
        (
            b"<html><body><p>Hello</p></body></html>",
            "DOC <stdin> html '<html><body><p>Hello</p></body></html>'",
        ),
        (gzip.compress(b"Compressed on stdin."), "DOC <stdin> text 'Compressed on stdin.'"),
        (b"", "ERR <stdin>: empty file"),
    ],
)
def test_stdin_subprocess(data, expected):
    out = subprocess.run(
        [sys.executable, "-c", STDIN_SCRIPT], input=data, capture_output=True, timeout=60, check=True
    )
    assert out.stdout.decode().strip() == expected


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def test_stdin_jsonl_is_sniffed(monkeypatch):
    data = b"".join(json.dumps({"text": t}).encode() + b"\n" for t in ("One.", "Two."))
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    docs = list(iter_documents(["-"]))
    assert [(d.source, d.text) for d in docs] == [("<stdin>#row1", "One."), ("<stdin>#row2", "Two.")]


@pytest.mark.parametrize(
    ("cut", "count", "error"), [(False, 3, None), (True, 2, "truncated or corrupt archive")]
)
def test_stdin_archive_is_streamed(monkeypatch, cut, count, error):
    """A .warc.gz piped in: every record, though the archive is larger than max_bytes."""
    from .conftest import ARCHIVE, ARCHIVE_CUT, ARCHIVE_URIS

    monkeypatch.setattr(sys, "stdin", _Stdin(ARCHIVE[:ARCHIVE_CUT] if cut else ARCHIVE))
    out = list(iter_documents(["-"], ReadOptions(max_bytes=8000)))
    docs = [d for d in out if isinstance(d, Document)]
    assert [d.source for d in docs] == [f"<stdin>#{u}" for u in ARCHIVE_URIS[:count]]
    assert [e.reason.split(" after")[0] for e in out if isinstance(e, InputError)] == (
        [error] if error else []
    )


def test_stdin_over_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _Stdin(b"x" * 5000))
    [error] = list(iter_documents(["-"], ReadOptions(max_bytes=4096)))
    assert isinstance(error, InputError) and error.source == "<stdin>"
    assert error.reason.startswith("file too large")


@pytest.fixture
def tree(tmp_path):
    files = {
        "b.txt": "B text.",
        "a.txt": "A text.",
        "page.html": "<html><body><p>Page</p></body></html>",
        "notes.md": "Markdown notes.",
        "README": "About this folder.",
        "scrape.py": "print('scraper')",
        "config.json": '{"text": "not JSON Lines"}',
        "photo.jpg": "not really a photo",
        "sub/e.html.gz": "gzipped page",
        "sub/rows.csv.gz": "gzipped table",
        "sub/c.txt": "C text.",
        "sub/deeper/d.txt": "D text.",
        "sub/skip.txt": "Skipped text.",
        ".hidden/e.txt": "Hidden.",
        ".dotfile.txt": "Hidden too.",
    }
    for rel, text in files.items():
        path = tmp_path / "pages" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path / "pages"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        # without include globs: only document suffixes (notes, README, code, .json, images skipped)
        (ReadOptions(), ["a.txt", "b.txt", "page.html", "sub/c.txt", "sub/deeper/d.txt", "sub/skip.txt"]),
        # with include globs, the globs decide
        (
            ReadOptions(include=("*",), recursive=False),
            ["README", "a.txt", "b.txt", "config.json", "notes.md", "page.html", "photo.jpg", "scrape.py"],
        ),
        (ReadOptions(include=("*.md",)), ["notes.md"]),
        (
            ReadOptions(include=("*.txt",)),
            ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "sub/skip.txt"],
        ),
        (
            ReadOptions(include=("*.txt", "*.html"), exclude=("skip*", "deeper")),
            ["a.txt", "b.txt", "page.html", "sub/c.txt"],
        ),
        (ReadOptions(exclude=("sub/*",)), ["a.txt", "b.txt", "page.html"]),
        (ReadOptions(include=("sub/*.txt",)), ["sub/c.txt", "sub/skip.txt"]),
        (ReadOptions(include=("sub/**",)), ["sub/c.txt", "sub/deeper/d.txt", "sub/skip.txt"]),
        (ReadOptions(include=("**/d.txt",)), ["sub/deeper/d.txt"]),
        (ReadOptions(recursive=False), ["a.txt", "b.txt", "page.html"]),
    ],
)
def test_directory_walk(tree, read, options, expected):
    result = read([str(tree)], options)
    assert [d.source[len(str(tree)) + 1 :] for d in result.docs] == expected
    # site is the parent directory's name
    assert {d.meta["site"] for d in result.docs} <= {"pages", "sub", "deeper"}


def test_directory_symlink_loop(tree, read):
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    result = read([str(tree)], ReadOptions(include=("*.txt",)))
    assert [d.source[len(str(tree)) + 1 :] for d in result.docs] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
        "sub/deeper/d.txt",
        "sub/skip.txt",
    ]


def test_directory_walk_reads_gzipped_documents(tree, read):
    """Files with a gzipped document suffix are walked into (and fail here as not gzip)."""
    result = read([str(tree / "sub")], ReadOptions(recursive=False))
    assert [e.source[len(str(tree)) + 1 :] for e in result.errors] == ["sub/e.html.gz", "sub/rows.csv.gz"]
    assert [d.source[len(str(tree)) + 1 :] for d in result.docs] == ["sub/c.txt", "sub/skip.txt"]


@pytest.mark.parametrize("name", ["notes.md", "README", "config.json"])
def test_file_named_explicitly_is_read_whatever_its_suffix(tree, read, name):
    [doc] = read([str(tree / name)]).docs
    assert doc.source == str(tree / name)


@pytest.mark.parametrize(
    ("files", "options", "reason"),
    [
        ([], ReadOptions(), "no files with a document suffix (.txt, .html, .warc, .jsonl, .csv...)"),
        (
            ["notes.md", "README", "photo.png"],
            ReadOptions(),
            "no files with a document suffix (.txt, .html, .warc, .jsonl, .csv...)",
        ),
        (["a.txt", "b.html"], ReadOptions(include=("*.warc",)), "no files matching the include patterns"),
        (
            ["a.txt"],
            ReadOptions(exclude=("*.txt",)),
            "no files with a document suffix (.txt, .html, .warc, .jsonl, .csv...) outside the exclude patterns",
        ),
    ],
)
def test_directory_without_documents(tmp_path, read, files, options, reason):
    folder = tmp_path / "folder"
    folder.mkdir()
    for name in files:
        (folder / name).write_text("Some text.")
    [error] = read([str(folder)], options).errors
    assert error.source == str(folder) and error.reason == f"no documents found ({reason})"


def test_mixed_inputs_keep_order(tree, tmp_path, read):
    (tmp_path / "empty.txt").write_bytes(b"")
    inputs = [str(tree / "b.txt"), str(tmp_path / "empty.txt"), str(tree / "a.txt")]
    out = list(iter_documents(inputs))
    assert [type(x) for x in out] == [Document, InputError, Document]
    assert [x.source for x in out] == inputs


def test_url_archive_is_streamed(http_base, read):
    """A .warc.gz over HTTP: every record, even when the archive is larger than max_bytes."""
    from .conftest import ARCHIVE_URIS

    result = read([f"{http_base}/crawl.warc.gz"], ReadOptions(max_bytes=8000))
    assert result.errors == []
    assert [d.meta["url"] for d in result.docs] == ARCHIVE_URIS
    assert [d.source for d in result.docs] == [f"{http_base}/crawl.warc.gz#{u}" for u in ARCHIVE_URIS]


@pytest.mark.parametrize("path", ["/cut.warc.gz", "/cut-archive"])
def test_url_archive_cut_short(http_base, read, path):
    """A truncated archive over HTTP yields its complete records, then one error, like a file."""
    from .conftest import ARCHIVE_URIS

    result = read([f"{http_base}{path}"])
    assert [d.meta["url"] for d in result.docs] == ARCHIVE_URIS[:2]
    [error] = result.errors
    assert error.source == f"{http_base}{path}"
    assert error.reason.startswith("truncated or corrupt archive after 2 documents:")


def test_url_html(http_base, read):
    [doc] = read([f"{http_base}/page.html"]).docs
    assert doc.source == f"{http_base}/page.html"
    assert doc.media_type == "html" and "Shelling hit the northern districts" in doc.text
    assert doc.meta["url"] == f"{http_base}/page.html"
    assert doc.meta["site"] == "127.0.0.1"


def test_url_redirect_and_charset(http_base, read):
    [doc] = read([f"{http_base}/redirect"]).docs
    assert doc.source == f"{http_base}/redirect"
    assert doc.meta["url"] == f"{http_base}/page.html"
    [latin] = read([f"{http_base}/latin.txt"]).docs
    assert latin.media_type == "text" and "été violé près de Hama" in latin.text


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/image.png", "unsupported content type image/png"),
        ("/empty.txt", "empty file"),
    ],
)
def test_url_errors(http_base, read, path, reason):
    result = read([f"{http_base}{path}", f"{http_base}/page.html"])
    [error] = result.errors
    assert error.source == f"{http_base}{path}" and error.reason == reason
    assert len(result.docs) == 1


def test_url_timeout(http_base, read):
    start = time.monotonic()
    result = read([f"{http_base}/slow", f"{http_base}/page.html"], ReadOptions(timeout=0.5))
    assert time.monotonic() - start < SLOW_SECONDS
    [error] = result.errors
    assert error.reason == "timed out after 0.5 s"
    assert len(result.docs) == 1


def test_url_connection_refused(read):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    [error] = read([f"http://127.0.0.1:{port}/x"]).errors
    assert error.reason == "connection refused"


def test_url_unknown_host(read):
    [error] = read(["http://no-such-host.invalid/page"], ReadOptions(timeout=5)).errors
    assert error.source == "http://no-such-host.invalid/page"
    assert error.reason in ("cannot resolve host 'no-such-host.invalid'", "timed out after 5 s")


def test_url_over_a_small_cap_says_its_size(http_base, read):
    """A cap under 1 MB is said in bytes or kB (it read "0 MB >= 0 MB limit")."""
    from .conftest import PAGE

    [error] = read([f"{http_base}/page.html"], ReadOptions(max_bytes=100)).errors
    assert error.reason == f"file too large ({len(PAGE)} bytes >= 100 bytes limit)"


def test_url_archive_cut_by_the_cap_still_reports_its_records(http_base, read):
    """An archive cut by the download cap: its records' own errors (here: each over max_bytes)
    are reported, then the cut; only the archive's end, cut by the cap, is not."""
    from .conftest import ARCHIVE_URIS

    url = f"{http_base}/crawl.warc.gz"
    result = read([url], ReadOptions(max_bytes=3000, max_download_bytes=5000))
    assert result.docs == []
    assert [e.source for e in result.errors] == [f"{url}#{u}" for u in ARCHIVE_URIS[:2]] + [url]
    assert all(e.reason == "file too large (2.9 kB >= 2.9 kB limit)" for e in result.errors[:2])
    assert result.errors[2].reason == (
        "download stopped at the 4.9 kB limit for a web archive; 0 complete documents read before it"
    )
