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

PAGE = (b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Shelling near Aleppo</title></head>"
        b"<body><article><p>Shelling hit the northern districts of Aleppo on Monday, residents said."
        b"</p></article></body></html>")
LATIN_TEXT = "Le cessez-le-feu a été violé près de Hama, selon l'Observatoire.".encode("latin-1")
SLOW_SECONDS = 3.0


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
        self.wfile.write(body)

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
