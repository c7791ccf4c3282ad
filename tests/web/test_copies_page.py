"""The article page and its JSON twin name the outlets that published the same text."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ceasefire.models import Article, Document, ExtractRecord
from ceasefire.store import open_store

TEXT = (
    "Shelling hit the eastern districts of Aleppo overnight, killing four civilians, according to "
    "rescue workers. The civil defence said two of the dead were children and that a school used as a "
    "shelter was damaged. Government media blamed rebel factions for firing mortars into western "
    "neighbourhoods earlier in the evening. A monitor said the attacks were the heaviest since the "
    "truce took effect and that residents had fled towards the countryside."
)


def _rec(name: str, text: str, publisher: str) -> tuple[Document, ExtractRecord]:
    doc = Document(source=f"/news/{name}.txt", data=f"{name} {text}".encode(), media_type="text", meta={})
    art = Article(
        index=0, role="primary", title=f"<{name}>", text=text, publisher=publisher, published="2016-10-03"
    )
    return doc, ExtractRecord(doc_id=doc.doc_id, source=doc.source, article=art)


def test_article_page_says_also_published_by(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from ceasefire.web import create_app

    db = tmp_path / "copies.db"
    docs = [
        _rec("wire", TEXT, "Wire <Agency>"),
        _rec("repost", "BREAKING: " + TEXT.replace("overnight", "on Monday night"), "Repost & Co"),
        _rec("unrelated", "Talks on a new truce opened in Astana with delegations from both sides.", "Other"),
    ]
    with open_store(str(db)) as st:
        for doc, rec in docs:
            assert st.save_document(doc, [rec])
    wire, repost, other = (r.article_id for _, r in docs)
    c = TestClient(create_app(str(db)))
    j = c.get(f"/articles/{wire}.json").json()
    assert [x["article_id"] for x in j["also_published_by"]] == [repost]
    assert j["also_published_by"][0]["publisher"] == "Repost & Co"
    assert 0.6 <= j["also_published_by"][0]["jaccard"] <= 1
    assert c.get(f"/articles/{other}.json").json()["also_published_by"] == []
    page = c.get(f"/articles/{repost}").text
    box = page[
        page.index('id="also-published"') : page.index("</section>", page.index('id="also-published"'))
    ]
    assert html.escape("Wire <Agency>") in box
    href = re.search(r'href="(/articles/[^"]+)"', box)
    assert href and c.get(html.unescape(href.group(1)) + ".json").json()["article"]["article_id"] == wire
    assert "Also published by" not in c.get(f"/articles/{other}").text
