"""A store that reproduces the cross-surface findings of issue 12 (names and places as the
pipeline stores them for Guardian articles about Syria), written through the Store API.

Every actor and place here is stored the way the real stages store them: a canonical id
and name with the mention seen ("Assad" for Bashar al-Assad, "Ghouta" geocoded to a
region whose stored name is another spelling), so a filter that only compares ids or
canonical names (the web's before the query layer) misses them.
"""

from __future__ import annotations

from ceasefire.models import ActorRef, Article, Document, Event, ExtractRecord, Place

ASSAD = ActorRef("ASSAD", "Bashar al-Assad", "person", "SYR", "Assad")
NUSRA = ActorRef("NUSRA", "Jabhat al-Nusra", "armed_group", None, "Nusra")
HTS = ActorRef("HTS", "Hayat Tahrir al-Sham", "armed_group", None, "HTS")
PUTIN = ActorRef("PUTIN", "Vladimir Putin", "person", "RUS", "Putin")
RUS_MIL = ActorRef("RUS_MIL", "Russian Armed Forces", "military", "RUS", "Russian jets")
SOHR = ActorRef("SOHR", "Syrian Observatory for Human Rights", "ngo", "GBR", "the Observatory")
ACTORS = [ASSAD, NUSRA, HTS, PUTIN, RUS_MIL, SOHR]

GHOUTA = Place("Al Ghutah", "Ghouta", 33.52, 36.45, "SYR", "Rif Dimashq", 990000101, "AREA")
ALEPPO = Place("Aleppo", "Aleppo", 36.20, 37.16, "SYR", "Aleppo", 170063, "PPLA")
DEIR = Place("Deir ez-Zor", "Deir ez-Zor", 35.33, 40.14, "SYR", "Deir ez-Zor", 170794, "PPLA")
SARAQIB = Place("Saraqib", "Saraqib", 35.86, 36.80, "SYR", "Idlib", 163345, "PPL")
MOSCOW = Place("Moscow", "Moscow", 55.75, 37.62, "RUS", "Moscow", 524901, "PPLC")
PLACES = [GHOUTA, ALEPPO, DEIR, SARAQIB, MOSCOW, None]

TYPES = ["ASSAULT", "COERCE", "ACCUSE", "CONSULT", "ASSAULT", "THREATEN", "AID"]
DATES = ["2018-02-20", "2018-03", "2018-04-07", None, "2017-12-31", "2018", "2018-02-28", "2018-04-14"]
OUTLETS = ["The Guardian", "Reuters", "Guardian Weekly"]
N_ARTICLES = 12
EVENTS_PER_ARTICLE = 5


def _pick(seq: list, i: int) -> object:
    return seq[i % len(seq)]


def records() -> list[tuple[Document, ExtractRecord]]:
    out = []
    n = 0
    for a in range(N_ARTICLES):
        text = f"Article {a} about Syria." + (" Chlorine was reported in Douma." if a % 4 == 0 else "")
        doc = Document(source=f"/feed/guardian.csv#row{a + 1}", data=text.encode(), media_type="text")
        events = []
        for _ in range(EVENTS_PER_ARTICLE):
            source = _pick(ACTORS[:5] + [None], n)
            target = _pick([NUSRA, HTS, None, ASSAD, RUS_MIL, None, PUTIN], n + 2)
            claimant = SOHR if n % 3 == 0 else (PUTIN if n % 7 == 0 else None)
            date = _pick(DATES, n)
            events.append(
                Event(
                    type=_pick(TYPES, n),  # type: ignore[arg-type]
                    sentence=f"event {n}",
                    start=0,
                    end=5,
                    source=source,  # type: ignore[arg-type]
                    target=target,  # type: ignore[arg-type]
                    claimant=claimant,
                    location=_pick(PLACES, n // 2),  # type: ignore[arg-type]
                    date=date,  # type: ignore[arg-type]
                    date_precision={10: "day", 7: "month", 4: "year"}.get(len(date or ""), "none"),  # type: ignore[arg-type]
                    confidence=round(0.3 + 0.1 * (n % 7), 2),
                )
            )
            n += 1
        mentioned = list(ACTORS)
        places = [p for p in PLACES if p is not None]
        art = Article(
            0, "primary", f"Syria report {a}", text, publisher=_pick(OUTLETS, a), published="2018-05-01"
        )  # type: ignore[arg-type]
        out.append((doc, ExtractRecord(doc.doc_id, doc.source, art, mentioned, events, [], places)))
    return out


def fill(url: str) -> list[ExtractRecord]:
    from ceasefire.store import open_store

    pairs = records()
    with open_store(url) as store:
        for doc, rec in pairs:
            store.save_document(doc, [rec])
    return [r for _, r in pairs]
