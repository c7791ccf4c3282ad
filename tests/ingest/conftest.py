"""Fixtures of the ingest tests: a real HTTP server on 127.0.0.1 and small helpers."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from ceasefire.ingest import ReadOptions, iter_documents
from ceasefire.models import Document, InputError

PAGE = (
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Shelling near Aleppo</title></head>"
    b"<body><article><p>Shelling hit the northern districts of Aleppo on Monday, residents said."
    b"</p></article></body></html>"
)
LATIN_TEXT = "Le cessez-le-feu a été violé près de Hama, selon l'Observatoire.".encode("latin-1")
SLOW_SECONDS = 3.0
ARCHIVE_URIS = [f"https://news.example.org/story/{i}" for i in range(1, 4)]


def _archive() -> tuple[bytes, int]:
    """A .warc.gz of three ~5 KB HTML responses (one gzip member per record), and the
    offset of a cut inside the last response's member."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    start_of_last = 0
    for i, uri in enumerate(ARCHIVE_URIS):
        start_of_last = buf.tell()
        payload = (
            f"<html><body><p>Story {i}: " + " ".join(f"w{i}x{j}" for j in range(900)) + "</p></body></html>"
        ).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
        )
    data = buf.getvalue()
    return data, start_of_last + (len(data) - start_of_last) // 2


ARCHIVE, ARCHIVE_CUT = _archive()


@dataclass
class Read:
    docs: list[Document]
    errors: list[InputError]


def read(inputs: list[str], options: ReadOptions | None = None) -> Read:
    docs: list[Document] = []
    errors: list[InputError] = []
    for item in iter_documents(inputs, options):
        (docs if isinstance(item, Document) else errors).append(item)  # type: ignore[arg-type]
    return Read(docs, errors)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {
        "/page.html": (200, "text/html; charset=utf-8", PAGE),
        "/latin.txt": (200, "text/plain; charset=iso-8859-1", LATIN_TEXT),
        "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        "/empty.txt": (200, "text/plain", b""),
        "/crawl.warc.gz": (200, "application/gzip", ARCHIVE),
        "/cut.warc.gz": (200, "application/warc", ARCHIVE[:ARCHIVE_CUT]),
        "/cut-archive": (200, "application/octet-stream", ARCHIVE[:ARCHIVE_CUT]),
    }

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page.html")
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        if self.path == "/slow" or self.path not in self.routes:
            status, ctype, body = 404, "text/plain", b"not found"
        else:
            status, ctype, body = self.routes[self.path]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (the timeout test)
            return

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return


@pytest.fixture(scope="session")
def http_base() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(name="read")
def read_fixture():
    """``read(inputs, options)`` -> documents and errors, iterated to the end."""
    return read
