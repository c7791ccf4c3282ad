"""Every page of the bundled examples, as the real pipeline stored them, renders."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest


@pytest.fixture(scope="module")
def ex_client(examples_db: Path) -> Any:
    from fastapi.testclient import TestClient

    from ceasefire.web import create_app

    return TestClient(create_app(str(examples_db)))


def test_every_page_of_the_examples_renders(ex_client: Any) -> None:
    c = ex_client
    events = c.get("/events.json", params={"limit": 1000}).json()["events"]
    actors = c.get("/actors.json").json()["actors"]
    articles = c.get("/articles.json", params={"limit": 1000}).json()["articles"]
    assert events and actors and articles
    paths = [f"/events/{e['id']}" for e in events]
    paths += [f"/actors/{quote(a['id'], safe='')}" for a in actors]
    paths += [f"/articles/{a['article_id']}" for a in articles]
    failed = []
    for p in paths:
        for suffix in ("", ".json"):
            r = c.get(p + suffix)
            if r.status_code != 200:
                failed.append((p + suffix, r.status_code))
    assert failed == []


def test_examples_event_sentences_are_found_in_their_articles(ex_client: Any) -> None:
    events = ex_client.get("/events.json", params={"limit": 1000}).json()["events"]
    missing = []
    for e in events:
        j = ex_client.get(f"/events/{e['id']}.json").json()
        if j["highlight"] is None:
            missing.append((e["id"], e["sentence"][:60]))
        else:
            h = j["highlight"]
            assert " ".join(j["article"]["text"][h["start"] : h["end"]].split()) in " ".join(
                e["sentence"].split()
            )
    assert missing == [], "every coded sentence is highlighted in its article"
