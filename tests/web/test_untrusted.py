"""Article text is untrusted: markup in it is shown as text, never run.

The hostile record (conftest) puts ``<script>``, ``<img onerror=...>`` and a
``javascript:`` link into the article text, and markup into the title,
subtitle, authors, outlet, URL, removed lines, actor id/name/mention, place
name and event trigger. Every page that shows them and every JSON twin must
keep them inert; the browser test loads the pages and watches for dialogs.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

import pytest

from .conftest import HOSTILE_ACTOR, SyntheticStore

# Anything that would be live markup if it reached the page unescaped.
LIVE = re.compile(
    r"<script>alert|<img src=x|<b onmouseover|<svg onload|href=\"javascript:|<i>Mallory|<Outlet>",
    re.IGNORECASE,
)


def _pages(client: Any, s: SyntheticStore) -> list[str]:
    ev = client.get("/events.json", params={"actor": HOSTILE_ACTOR.id}).json()["events"][0]
    aid = quote(HOSTILE_ACTOR.id, safe="")
    return [
        f"/articles/{s.hostile.article_id}",
        f"/events/{ev['id']}",
        f"/actors/{aid}",
        "/?type=ASSAULT&since=2016-02-29&until=2016-02-29",
        "/events?outlet=Evil%3COutlet%3E",
        "/articles",
        "/actors",
        f"/?actor={aid}",
        "/articles?q=xss",
    ]


def test_hostile_markup_is_escaped_in_every_page(client: Any, synthetic: SyntheticStore) -> None:
    for path in _pages(client, synthetic):
        r = client.get(path)
        assert r.status_code == 200, path
        found = LIVE.findall(r.text)
        assert not found, f"{path} renders live markup: {found}"
    art = client.get(f"/articles/{synthetic.hostile.article_id}").text
    # ... and the text is still all there, as text
    assert "&lt;script&gt;alert(&#39;xss-script&#39;)&lt;/script&gt;" in art
    assert "&lt;img src=x onerror=alert(&#39;xss-img&#39;)&gt;" in art
    assert "&lt;a href=&#34;javascript:alert(&#39;xss-link&#39;)&#34;&gt;Read more&lt;/a&gt;" in art
    assert "(not a web link)" in art, "a javascript: URL is shown as text, not linked"
    assert "&lt;script&gt;alert(&#39;xss-removed&#39;)&lt;/script&gt;" in art


@pytest.mark.parametrize("suffix", ["article", "event", "actor", "overview"])
def test_hostile_markup_is_inert_in_json(client: Any, synthetic: SyntheticStore, suffix: str) -> None:
    ev = client.get("/events.json", params={"actor": HOSTILE_ACTOR.id}).json()["events"][0]
    path = {
        "article": f"/articles/{synthetic.hostile.article_id}.json",
        "event": f"/events/{ev['id']}.json",
        "actor": f"/actors/{quote(HOSTILE_ACTOR.id, safe='')}.json",
        "overview": f"/overview.json?actor={quote(HOSTILE_ACTOR.id, safe='')}",
    }[suffix]
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert b"<" not in r.content and b">" not in r.content, "markup characters are \\u-escaped"
    data = json.loads(r.content)
    text = json.dumps(data)
    if suffix == "article":
        assert data["article"]["text"] == synthetic.hostile.article.text, "escaping loses nothing"
        assert data["article"]["url"] == "javascript:alert('xss-url')"
    assert HOSTILE_ACTOR.name in text
