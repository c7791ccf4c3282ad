"""Near-duplicate articles on a real store (SQLite and PostgreSQL): found at ingest,
incremental, unchanged by a rerun, grouped as one source, backfilled for older stores."""

from __future__ import annotations

import textwrap

from ceasefire.models import Article, Document, ExtractRecord
from ceasefire.store import Store

WIRE = (
    "Government warplanes struck the rebel-held town of Maarat al-Numan in Idlib province on Tuesday, "
    "killing at least nine people, a war monitor said. The Syrian Observatory for Human Rights said "
    "the strikes hit a market and a bakery in the centre of the town shortly after dawn. Rescue "
    "workers pulled survivors from the rubble for several hours, and local hospitals appealed for "
    "blood donations. The opposition accused Damascus of breaking the truce agreed last week, while "
    "state media said the army had targeted positions of terrorist groups excluded from the deal."
)
OTHER = (
    "Talks in Geneva were adjourned for a week after the delegations failed to agree on an agenda. "
    "The envoy told reporters that humanitarian access to besieged areas remained the first priority "
    "and that convoys had reached two towns near the capital. He called on both sides to respect the "
    "cessation of hostilities and said a task force would meet on Thursday to review reported breaches."
)


def _save(store: Store, name: str, text: str, publisher: str) -> str:
    doc = Document(source=f"/news/{name}.txt", data=f"{name}\n{text}".encode(), media_type="text", meta={})
    art = Article(index=0, role="primary", title=name, text=text, publisher=publisher, published="2016-03-01")
    rec = ExtractRecord(doc_id=doc.doc_id, source=doc.source, article=art)
    assert store.save_document(doc, [rec])
    return rec.article_id


def _links(store: Store) -> list[tuple]:
    return store._all("SELECT a_id, b_id, jaccard, containment FROM article_copies ORDER BY a_id, b_id")


def test_copies_found_at_ingest_and_grouped(store: Store) -> None:
    a = _save(store, "afp", WIRE, "AFP")
    b = _save(store, "other", OTHER, "Example Times")
    # a repost: re-wrapped, re-cased, last sentence cut, a line added
    repost = textwrap.fill(WIRE.upper().rsplit(". ", 1)[0], 60) + "\nRead more."
    c = _save(store, "repost", repost, "Daily Repost")
    copies = store.copies_of(c)
    assert [x.article_id for x in copies] == [a]
    assert copies[0].publisher == "AFP" and copies[0].containment >= 0.9
    assert [x.article_id for x in store.copies_of(a)] == [c]
    assert store.copies_of(b) == []
    groups = store.copy_groups([a, b, c])
    assert groups[a] == groups[c] == a and groups[b] == b
    assert store.independent_sources([a, b, c]) == 2


def test_chain_of_copies_is_one_source(store: Store) -> None:
    half = len(WIRE) // 2
    a = _save(store, "full", WIRE, "AFP")
    b = _save(store, "first-part", WIRE[: half + 150], "Site B")
    c = _save(store, "second-part", WIRE[half - 150 :], "Site C")
    # b and c overlap too little to be copies of each other, but both copy a
    assert {x.article_id for x in store.copies_of(a)} == {b, c}
    assert store.independent_sources([b, c]) == 1


def test_rerun_and_backfill_change_nothing(store: Store) -> None:
    _save(store, "afp", WIRE, "AFP")
    _save(store, "repost", WIRE + " Share this article.", "Repost")
    before = _links(store)
    assert len(before) == 1
    assert store.link_unlinked_articles() == 0
    assert _links(store) == before


def test_older_store_is_backfilled_in_ingest_order(store: Store) -> None:
    a = _save(store, "afp", WIRE, "AFP")
    b = _save(store, "repost", WIRE + " Share this article.", "Repost")
    before = _links(store)
    with store._transaction():  # a store written before migration 0006 kept nothing of this
        for t in ("article_copies", "article_bands", "article_shingled"):
            store._execute(f"DELETE FROM {t}")
    assert store.link_unlinked_articles() == 2
    assert _links(store) == before and before[0][:2] == (a, b)


def test_short_texts_link_only_when_identical(store: Store) -> None:
    a = _save(store, "brief", "Clashes were reported near Aleppo.", "A")
    b = _save(store, "brief-copy", "Clashes were reported near Aleppo.", "B")
    c = _save(store, "brief-other", "Clashes were reported near Homs.", "C")
    assert [x.article_id for x in store.copies_of(a)] == [b]
    assert store.copies_of(c) == []


def test_deleting_a_document_drops_its_links(store: Store) -> None:
    a = _save(store, "afp", WIRE, "AFP")
    _save(store, "repost", WIRE + " Share this article.", "Repost")
    doc_id = store._all("SELECT doc_id FROM articles WHERE article_id = ?", (a,))[0][0]
    assert store.delete_document(doc_id)
    assert _links(store) == []
