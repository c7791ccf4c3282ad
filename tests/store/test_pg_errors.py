"""PostgreSQL connection failures: one line naming the server, never the password."""

from __future__ import annotations

import socket

import pytest

from ceasefire.store import StoreError, open_store
from ceasefire.store.postgres import redact, server_label

PASSWORD = "s3cret-pw"


def _closed_port() -> int:
    """A local port where nothing listens (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    "template",
    [
        "postgresql://analyst:{pw}@127.0.0.1:{port}/newsdb",
        "postgres://analyst:{pw}@127.0.0.1:{port}/newsdb?connect_timeout=5",
        "postgresql://127.0.0.1:{port}/newsdb?user=analyst&password={pw}",
    ],
)
def test_refused_connection_is_one_line_naming_the_server(template: str) -> None:
    pytest.importorskip("psycopg", reason="the psycopg driver is not installed")
    port = _closed_port()
    with pytest.raises(StoreError) as err:
        open_store(template.format(pw=PASSWORD, port=port))
    msg = str(err.value)
    assert "\n" not in msg
    assert msg.startswith(f"cannot connect to PostgreSQL at 127.0.0.1:{port}/newsdb: ")
    assert len(msg) > len(f"cannot connect to PostgreSQL at 127.0.0.1:{port}/newsdb: ") + 10  # the reason
    assert PASSWORD not in msg


def test_unreadable_url_is_shown_without_its_password() -> None:
    pytest.importorskip("psycopg", reason="the psycopg driver is not installed")
    with pytest.raises(StoreError) as err:
        open_store(f"postgresql://analyst:{PASSWORD}@[::1/newsdb")  # unclosed IPv6 bracket
    msg = str(err.value)
    assert msg.startswith("cannot connect to PostgreSQL at postgresql://analyst:***@[::1/newsdb: ")
    assert "\n" not in msg and PASSWORD not in msg


@pytest.mark.parametrize(
    ("url", "env", "label"),
    [
        ("postgresql://u:pw@db.example.org:6543/events", {}, "db.example.org:6543/events"),
        ("postgresql://u@db.example.org/events", {}, "db.example.org:5432/events"),
        ("postgresql:///events?host=/run/postgresql", {}, "/run/postgresql:5432/events"),
        (
            "postgresql://",
            {"PGHOST": "pg.internal", "PGPORT": "5433", "PGDATABASE": "cf"},
            "pg.internal:5433/cf",
        ),
        ("postgresql://reader@", {}, "localhost:5432/reader"),  # libpq: the database defaults to the user
        ("host=10.0.0.5 port=5544 dbname=news password=pw", {}, "10.0.0.5:5544/news"),
    ],
)
def test_server_label(monkeypatch: pytest.MonkeyPatch, url: str, env: dict[str, str], label: str) -> None:
    pytest.importorskip("psycopg", reason="the psycopg driver is not installed")
    for var in ("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert server_label(url)[0] == label


@pytest.mark.parametrize(
    ("text", "password", "shown"),
    [
        ("postgresql://u:hunter2@h/db", None, "postgresql://u:***@h/db"),
        (
            "postgresql://h/db?user=u&password=hunter2&sslmode=require",
            None,
            "postgresql://h/db?user=u&password=***&sslmode=require",
        ),
        ("host=h password='a b' dbname=d", None, "host=h password=*** dbname=d"),
        (
            'failed: password authentication failed for "hunter2"',
            "hunter2",
            'failed: password authentication failed for "***"',
        ),
        ("postgresql://u@h/db", None, "postgresql://u@h/db"),  # nothing to hide
    ],
)
def test_redact(text: str, password: str | None, shown: str) -> None:
    assert redact(text, password) == shown
