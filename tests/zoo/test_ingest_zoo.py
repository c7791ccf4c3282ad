"""Bad-input zoo, reading side: issue 13's findings 1, 2, 3 and 7 reproduced with the real
`ceasefire ingest` (subprocesses) on real servers, files and folders.

Each case asserts the lines printed, the exit code and what the store holds afterwards.
"""

from __future__ import annotations

import http.server
import json
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Raced, Summary, run_cli, snapshot, story, summary, unreadable_runner

PAGE = b"The truce around Hama held on Sunday, monitors said, for the first time in a week.\n"
TRICKLE_EVERY_S = 0.5
DEADLINE_S = 3


class _Trickle(http.server.BaseHTTPRequestHandler):
    """/body: headers, then 3 bytes every half second, forever; /headers: the status line,
    then a header 3 bytes at a time; /story.txt: a plain page, sent at once."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        try:
            if self.path == "/story.txt":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)
                return
            if self.path == "/headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                drip = b"X-Slow: " + b"z" * 10_000
            else:
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.end_headers()
                drip = b"ab " * 100_000
            for i in range(0, len(drip), 3):
                self.wfile.write(drip[i : i + 3])
                self.wfile.flush()
                time.sleep(TRICKLE_EVERY_S)
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up: what the deadline is for

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def trickle() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# -- finding 1: a slow URL no longer hangs the run -------------------------------------------


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_finding1_trickling_url_is_skipped_within_its_deadline(
    trickle: str, tmp_path: Path, path: str
) -> None:
    before, after = tmp_path / "before.txt", tmp_path / "after.txt"
    before.write_text(story(0), encoding="utf-8")
    after.write_text(story(1), encoding="utf-8")
    db = tmp_path / "t.db"
    slow = trickle + path
    ran = run_cli(
        "ingest", before, slow, after, f"{trickle}/story.txt", "--db", db, "--no-nlp",
        "--deadline", DEADLINE_S, "--timeout", 2, timeout=60,
    )  # fmt: skip
    assert ran.seconds < DEADLINE_S + 2, f"took {ran.seconds:.1f} s with a {DEADLINE_S} s deadline"
    assert ran.code == 1, ran.err
    [error] = ran.errors()
    assert error.startswith(f"error: {slow}: download not finished within the {DEADLINE_S} s deadline (")
    assert "3 documents ok, 1 failed" in ran.err
    got = snapshot(db)
    assert (got["documents"], got["articles"], got["errors"]) == (3, 3, 1)


class _Counting(http.server.BaseHTTPRequestHandler):
    """Each page takes SLOW_PAGE_S to answer; the most requests ever in progress at once is kept."""

    lock = threading.Lock()
    now = 0
    most = 0

    def do_GET(self) -> None:  # noqa: N802
        cls = type(self)
        with cls.lock:
            cls.now += 1
            cls.most = max(cls.most, cls.now)
        try:
            time.sleep(SLOW_PAGE_S)
            body = story(int(self.path.rsplit("/", 1)[-1])).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            with cls.lock:
                cls.now -= 1

    def log_message(self, format: str, *args: object) -> None:
        return


SLOW_PAGE_S = 0.6


def test_finding1_per_host_limit_holds_and_every_page_is_stored(tmp_path: Path) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        db = tmp_path / "h.db"
        ran = run_cli("ingest", *(f"{base}/{i}" for i in range(6)), "--db", db, "--no-nlp", "--per-host", 2)
    finally:
        server.shutdown()
        server.server_close()
    assert ran.code == 0, ran.err
    assert _Counting.most == 2, f"{_Counting.most} downloads at once from one host with --per-host 2"
    assert snapshot(db)["documents"] == 6


# -- finding 2: decoding never guesses silently ------------------------------------------------

FRENCH = (
    "Le cessez-le-feu a été violé près de Hama, selon l'Observatoire syrien des droits de l'homme. "
    "« Nous avons entendu des explosions toute la nuit », a déclaré un habitant de Mhardé. "
    "Les forces gouvernementales ont bombardé Kafr Nabouda et Lataminé, d'après les secouristes.\n"
)
RUSSIAN = (
    "Прекращение огня было нарушено в районе Хамы, сообщила обсерватория. "
    "Правительственные войска обстреляли несколько деревень на севере провинции.\n"
)
WESTERN = (
    "Le cessez-le-feu a été violé près de Hama, selon l’Observatoire. « Nous avons entendu », a-t-il dit.\n"
)


def _with_stray_bytes(text: str, n: int) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for i in range(n):  # a stray byte before a space, spread over the text
        pos = data.index(b" ", 20 + i * (len(data) - 40) // n)
        data[pos:pos] = bytes([0x80 + 7 * i])
    return bytes(data)


def _stored(db: Path) -> dict[str, tuple[dict[str, object], str]]:
    """source file name -> (document meta, article text)."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT d.source, d.meta, a.text FROM documents d JOIN articles a ON a.doc_id = d.doc_id"
    ).fetchall()
    con.close()
    return {Path(s).name: (json.loads(m), t) for s, m, t in rows}


def test_finding2_decoding_says_what_it_chose_and_stores_it(tmp_path: Path) -> None:
    damaged = _with_stray_bytes(FRENCH * 2, 8)
    (tmp_path / "stray.txt").write_bytes(damaged)
    (tmp_path / "russian.txt").write_bytes((RUSSIAN * 3).encode("cp1251"))
    (tmp_path / "western.txt").write_bytes((WESTERN * 3).encode("cp1252"))
    (tmp_path / "clean.txt").write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "d.db"
    ran = run_cli("ingest", tmp_path, "--db", db, "--no-nlp")
    assert ran.code == 0, ran.err
    notes = ran.notes()
    assert len(notes) == 3, notes  # one line per file whose reading had to decide something
    stray = tmp_path / "stray.txt"
    assert [n for n in notes if str(stray) in n] == [
        f"note: {stray}: 8 invalid UTF-8 bytes replaced by U+FFFD "
        f"(first: invalid utf-8 byte 0x80 at offset {damaged.index(0x80)})"
    ]
    assert any(
        n.startswith(f"note: {tmp_path / 'russian.txt'}: not UTF-8; read as cp1251 (detected") for n in notes
    )
    assert f"note: {tmp_path / 'western.txt'}: not UTF-8; read as cp1252 (Western European)" in notes
    stored = _stored(db)
    meta, text = stored["stray.txt"]
    assert (meta["encoding"], meta["encoding_from"], meta["replaced_bytes"]) == ("utf-8", "utf-8", 8)
    assert text.count("\ufffd") == 8
    assert "été violé près de Hama" in text and "Lataminé" in text, "the other accents survive"
    meta, text = stored["russian.txt"]
    assert (meta["encoding"], meta["encoding_from"]) == ("cp1251", "detected")
    assert "Прекращение огня было нарушено" in text
    meta, text = stored["western.txt"]
    assert (meta["encoding"], meta["encoding_from"]) == ("cp1252", "detected")
    assert "selon l’Observatoire" in text
    meta, _ = stored["clean.txt"]
    assert (meta["encoding"], meta["encoding_from"]) == ("utf-8", "utf-8") and "notes" not in meta


# -- finding 3: no silent skips in a folder walk -----------------------------------------------


def test_finding3_looping_symlinks_in_a_folder_are_reported(tmp_path: Path) -> None:
    tree = tmp_path / "news"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_text(story(2), encoding="utf-8")
    (tree / "sub" / "b.txt").write_text(story(3), encoding="utf-8")
    (tree / "loop1.txt").symlink_to("loop2.txt")
    (tree / "loop2.txt").symlink_to("loop1.txt")
    (tree / "sub" / "up").symlink_to("..")
    db = tmp_path / "w.db"
    ran = run_cli("ingest", tree, "--db", db, "--no-nlp")
    assert ran.code == 1, ran.err
    assert sorted(ran.errors()) == [
        f"error: {tree / 'loop1.txt'}: symbolic link loop (the link leads back to itself)",
        f"error: {tree / 'loop2.txt'}: symbolic link loop (the link leads back to itself)",
        f"error: {tree / 'sub' / 'up'}: symbolic link loop (leads back to {tree}); not followed",
    ]
    assert "2 documents ok, 3 failed" in ran.err
    assert snapshot(db)["documents"] == 2


def test_finding3_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    tree = tmp_path / "news"
    (tree / "locked").mkdir(parents=True)
    (tree / "a.txt").write_text(story(4), encoding="utf-8")
    (tree / "locked" / "b.txt").write_text(story(5), encoding="utf-8")
    try:
        runner = unreadable_runner(tree / "locked")
        db = tmp_path / "u.db"
        ran = run_cli("ingest", tree, "--db", db, "--no-nlp", preexec_fn=runner)
    finally:
        (tree / "locked").chmod(0o755)
    assert ran.code == 1, ran.err
    assert ran.errors() == [f"error: {tree / 'locked'}: cannot read folder: Permission denied"]
    assert "1 documents ok, 1 failed" in ran.err
    assert snapshot(db)["documents"] == 1


def test_finding3_looping_symlink_given_directly(tmp_path: Path) -> None:
    (tmp_path / "self.txt").symlink_to("self.txt")
    db = tmp_path / "l.db"
    ran = run_cli("ingest", tmp_path / "self.txt", "--db", db, "--no-nlp")
    assert ran.code == 3, ran.err  # nothing could be read
    assert ran.errors() == [
        f"error: {tmp_path / 'self.txt'}: symbolic link loop (the link leads back to itself)"
    ]
    assert "no such file" not in ran.err.lower()


# -- finding 7: the run summary counts what was committed ------------------------------------


def test_finding7_summaries_count_only_what_each_run_committed(raced: Raced) -> None:
    """Two runs at once over one folder that holds a duplicate: each counts as stored only
    what it committed; together they count every distinct document once."""
    a, b = raced.summaries
    got = snapshot(raced.db)
    distinct = raced.files - 1
    assert got["documents"] == distinct
    assert a.ok + b.ok == distinct, (a, b)
    assert a.ok + a.already == b.ok + b.already == raced.files  # the copy is "already stored"
    assert a.failed == b.failed == 0
    assert (a.articles + b.articles, a.events + b.events, a.quotes + b.quotes) == (
        got["articles"],
        got["events"],
        got["quotes"],
    )
    assert got["events"] > 0, "the stories are coded as events (else this proves nothing)"


def test_finding7_rerun_stores_and_counts_nothing(raced: Raced, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(raced.db, db)
    before = snapshot(db)
    ran = run_cli("ingest", raced.folder, "--db", db)
    assert ran.code == 0, ran.err
    assert summary(ran.err) == Summary(0, 0, raced.files, 0, 0, 0)
    assert snapshot(db) == before
