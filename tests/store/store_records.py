"""Hand-made documents and extract records for the store tests (also used by the crash child)."""

from __future__ import annotations

from ceasefire.models import ActorRef, Article, Document, Event, ExtractRecord, Place, Quote

RUS_MIL = ActorRef("RUS_MIL", "Russian Armed Forces", "military", "RUS", "Russian warplanes", 10, 27)
NUSRA = ActorRef("NUSRA", "Jabhat al-Nusra", "armed_group", None, "al-Nusra Front", 60, 74)
LAVROV = ActorRef("LAVROV", "Sergey Lavrov", "person", "RUS", "Lavrov", 120, 126)
ALEPPO = Place("Aleppo", "Aleppo", 36.20278, 37.15861, "SYR", "Aleppo", 170063, "PPLA", 80, 86)


# The crash test's documents: 1-3 articles of EVENTS_PER_ARTICLE events each.
EVENTS_PER_ARTICLE = 40


def articles_of(i: int) -> int:
    return 1 + i % 3


def document(i: int, *, n_bytes: int = 64, source: str | None = None) -> Document:
    data = f"document {i} ".encode() * max(1, n_bytes // 12)
    return Document(
        source=source or f"/news/page-{i:04d}.txt",
        data=data,
        media_type="text",
        meta={"title": f"Page {i}", "site": "example.org"},
    )


def full_record(doc: Document, index: int = 0) -> ExtractRecord:
    """One article with every field of the contract filled in, nulls and unicode included."""
    text = (
        "On Sunday Russian warplanes struck positions of the al-Nusra Front near Aleppo, "
        "the ministry said. Lavrov said: \u201cWhat is happening in Aleppo is unacceptable.\u201d "
        "Residents of Kafr Nab\u00fbdah fled north."
    )
    article = Article(
        index=index,
        role="primary" if index == 0 else "related",
        title="Russian jets strike Nusra near Aleppo",
        text=text,
        subtitle="Truce around Aleppo approaches collapse",
        authors=["Jane Roe", "Ali \u00d6zt\u00fcrk"],
        publisher="Example Wire",
        published="2016-06-05",
        url="https://example.org/a",
        removed=["Liked it? Take a second to support us on Patreon!", "Share this:"],
    )
    mil_minister = ActorRef(
        "RUS_MOD", "Russian Ministry of Defence", "government", "RUS", "the ministry", 89, 101
    )
    return ExtractRecord(
        doc_id=doc.doc_id,
        source=doc.source,
        article=article,
        actors=[
            RUS_MIL,
            NUSRA,
            mil_minister,
            LAVROV,
            ActorRef("CIV", "Civilians", "civilians", None, "Residents", 170, 179),
        ],
        events=[
            Event(
                type="ASSAULT",
                sentence=text[:100],
                start=0,
                end=100,
                mode="aerial",
                source=RUS_MIL,
                target=NUSRA,
                location=ALEPPO,
                date="2016-06-05",
                date_precision="day",
                claimant=mil_minister,
                status="asserted",
                trigger="struck",
                confidence=0.8234567,
            ),
            Event(
                type="ACCUSE",
                sentence="Lavrov said",
                start=110,
                end=160,
                source=LAVROV,
                target=None,
                location=None,
                date="2016-06",
                date_precision="month",
                status="asserted",
                confidence=0.5,
            ),
            Event(
                type="RETREAT",
                sentence="Residents fled north.",
                start=170,
                end=195,
                mode="withdraw",
                source=ActorRef("CIV", "Civilians", "civilians", None, "Residents", 170, 179),
                location=Place("Kafr Nab\u00fbdah", None, None, None, "SYR"),
                status="hypothetical",
                confidence=0.123,
            ),
        ],
        quotes=[
            Quote(
                speaker=LAVROV,
                text="What is happening in Aleppo is unacceptable.",
                kind="direct",
                start=128,
                end=172,
            ),
            Quote(speaker=None, text="positions were hit", kind="indirect", start=30, end=49),
        ],
        places=[
            ALEPPO,
            Place("Kafr Nab\u00fbdah", "Kafr Nab\u00fbdah", 35.6, 36.5, "SYR", None, None, None, 180, 192),
            Place("north"),
        ],
    )


def bulk_records(doc: Document, n_articles: int, n_events: int) -> list[ExtractRecord]:
    """``n_articles`` articles of ``n_events`` events each (the crash test's payload)."""
    out = []
    for k in range(n_articles):
        text = f"Article {k} of {doc.source}. " + "Shelling was reported near Aleppo. " * n_events
        events = [
            Event(
                type="ASSAULT",
                sentence="Shelling was reported near Aleppo.",
                start=20 + 35 * j,
                end=54 + 35 * j,
                mode="heavy-weapons",
                target=NUSRA,
                location=ALEPPO,
                confidence=j / max(1, n_events),
            )
            for j in range(n_events)
        ]
        out.append(
            ExtractRecord(
                doc.doc_id,
                doc.source,
                Article(index=k, role="primary" if k == 0 else "related", title=f"T{k}", text=text),
                actors=[NUSRA],
                events=events,
                places=[ALEPPO],
            )
        )
    return out
