"""Shared browser fixtures of the web tests: Debian's headless Chromium driven by
Playwright, and a real `ceasefire serve` on loopback over the examples store.

They are registered in ``conftest.py`` so that every browser test module can use
them; a test module must never import fixtures from another test module (that
started a second Playwright loop: "Sync API inside the asyncio loop").
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import ROOT as REPO

CHROMIUM = "/usr/bin/chromium"
# The screenshots shown in the README are refreshed with CEASEFIRE_SCREENSHOTS=1;
# otherwise they go to a temporary folder so a test run leaves the tree clean.
SHOTS = (
    REPO / "docs" / "screenshots"
    if os.environ.get("CEASEFIRE_SCREENSHOTS")
    else Path(tempfile.mkdtemp(prefix="ceasefire-shots-"))
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Seconds to wait for the server to answer and for the map to draw its markers:
# both take well under 5 s on the 2-core CI machine; 30 s leaves room for load.
STARTUP_S = 30
TIMEOUT_MS = 30_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture(scope="session")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        proc = subprocess.run(
            ["bash", str(REPO / "scripts" / "install-browser.sh")],
            capture_output=True,
            text=True,
            timeout=900,
        )
        if proc.returncode != 0 or not Path(CHROMIUM).exists():
            pytest.skip(f"Debian chromium could not be installed: {proc.stderr[-500:]}")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(examples_db: Path) -> Iterator[str]:
    from ceasefire.web.app import node_modules

    if not (node_modules() / "leaflet" / "dist" / "leaflet.js").is_file():
        pytest.skip("map assets not installed: run `npm ci` in the project folder")
    yield from serve(examples_db)


def serve(db: Path) -> Iterator[str]:
    """A real `ceasefire serve` over the store ``db`` on a free loopback port: its
    base URL, until the generator is closed (for session fixtures over other stores)."""
    port = _free_port()
    exe = shutil.which("ceasefire", path=str(REPO / ".venv" / "bin"))
    has_cli_serve = (
        exe is not None and subprocess.run([exe, "serve", "--help"], capture_output=True).returncode == 0
    )
    cmd = (
        [exe, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
        if has_cli_serve
        else [
            sys.executable,
            "-c",
            "import sys; from ceasefire.web import serve; serve(sys.argv[1], '127.0.0.1', int(sys.argv[2]))",
            str(db),
            str(port),
        ]
    )
    proc = subprocess.Popen(
        cmd,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_S
    while True:
        try:
            _get_json(base + "/overview.json")
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                pytest.fail(f"ceasefire serve did not start: {err[-2000:]}")
            time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (PyPI) is not installed")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    ctx.close()
