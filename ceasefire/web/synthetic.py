"""A store of synthetic events, written through the Store API, for tests and
load benchmarks of the web UI at realistic volumes.

The articles are generated sentence by sentence ("<source> shelled <target>
near <place> on <date>, <claimant> said."), with real place names and
coordinates and invented figures; each event points at its own sentence.
This is test data, never mixed into a real store.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from ..models import ActorRef, Article, Document, Event, ExtractRecord, Place, Quote


@dataclass(frozen=True)
class _Actor:
    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]


ACTORS = (
    _Actor(
        "RUS_MIL",
        "Russian Armed Forces",
        "military",
        "RUS",
        ("Russian forces", "the Russians", "Russian jets"),
    ),
    _Actor("SYR_MIL", "Syrian Arab Army", "military", "SYR", ("the Syrian army", "government forces", "SAA")),
    _Actor("ISIS", "Islamic State", "armed_group", None, ("ISIS", "Daesh", "the Islamic State", "IS")),
    _Actor("NUSRA", "Jabhat al-Nusra", "armed_group", None, ("al-Nusra Front", "Jabhat al-Nusra", "Nusra")),
    _Actor("UKR_MIL", "Armed Forces of Ukraine", "military", "UKR", ("Ukrainian troops", "Kyiv's forces")),
    _Actor("DPR", "Donetsk People's Republic forces", "armed_group", None, ("DPR fighters", "separatists")),
    _Actor("HOUTHI", "Ansar Allah", "armed_group", "YEM", ("the Houthis", "Houthi rebels", "Ansar Allah")),
    _Actor("SAU_COAL", "Saudi-led coalition", "military", "SAU", ("the coalition", "Saudi-led forces")),
    _Actor("UN", "United Nations", "igo", None, ("the UN", "the United Nations", "UN monitors")),
    _Actor("CIV", "Civilians", "civilians", None, ("civilians", "residents", "a family")),
)
CLAIMANTS = (
    _Actor("RUS_MOD", "Russian Ministry of Defence", "government", "RUS", ("the Russian defence ministry",)),
    _Actor("SOHR", "Syrian Observatory for Human Rights", "ngo", None, ("the Observatory", "SOHR")),
    _Actor("OSCE_SMM", "OSCE Special Monitoring Mission", "igo", None, ("OSCE monitors",)),
)
# (name, lat, lon, ISO3, admin1, GeoNames id)
PLACES = (
    ("Aleppo", 36.20, 37.16, "SYR", "Aleppo", 170063),
    ("Idlib", 35.93, 36.63, "SYR", "Idlib", 169389),
    ("Homs", 34.73, 36.71, "SYR", "Homs", 169577),
    ("Palmyra", 34.56, 38.28, "SYR", "Homs", 172408),
    ("Deir ez-Zor", 35.34, 40.14, "SYR", "Deir ez-Zor", 170794),
    ("Raqqa", 35.95, 39.01, "SYR", "Raqqa", 172955),
    ("Donetsk", 48.02, 37.80, "UKR", "Donetsk", 709717),
    ("Avdiivka", 48.14, 37.74, "UKR", "Donetsk", 713174),
    ("Luhansk", 48.57, 39.32, "UKR", "Luhansk", 702658),
    ("Mariupol", 47.10, 37.55, "UKR", "Donetsk", 701822),
    ("Hodeidah", 14.80, 42.95, "YEM", "Al Hudaydah", 79415),
    ("Sanaa", 15.35, 44.21, "YEM", "Sanaa", 71137),
    ("Taiz", 13.58, 44.02, "YEM", "Taiz", 70225),
    ("Mosul", 36.34, 43.13, "IRQ", "Nineveh", 99072),
)
VERBS = {
    "ASSAULT": ("shelled", "heavy-weapons"),
    "COERCE": ("detained members of", "arrest"),
    "ACCUSE": ("accused", None),
    "AGREE": ("agreed a local truce with", None),
    "CONSULT": ("met", "visit"),
    "AID": ("delivered aid to", "humanitarian"),
    "THREATEN": ("threatened", None),
    "RETREAT": ("withdrew from positions facing", "withdraw"),
    "MOBILIZE": ("massed troops against", "troops"),
    "PROTEST": ("protested against", None),
    "REJECT": ("rejected demands of", None),
    "REQUEST": ("asked for talks with", None),
}
PUBLISHERS = ("Example Wire", "Daily Frontline", "Conflict Monitor", "Regional Times")


def _ref(a: _Actor, rng: random.Random, start: int | None = None) -> ActorRef:
    mention = rng.choice(a.aliases)
    return ActorRef(
        a.id, a.name, a.kind, a.country, mention, start, None if start is None else start + len(mention)
    )


def synthetic_records(
    n_events: int,
    *,
    events_per_article: int = 20,
    seed: int = 7,
    first_day: date = date(2016, 1, 1),
    days: int = 365,
) -> list[tuple[Document, list[ExtractRecord]]]:
    """Documents (one article each) holding ``n_events`` events in total."""
    rng = random.Random(seed)
    out: list[tuple[Document, list[ExtractRecord]]] = []
    made = 0
    doc_no = 0
    while made < n_events:
        k = min(events_per_article, n_events - made)
        published = first_day + timedelta(days=rng.randrange(days))
        parts: list[str] = []
        pos = 0
        events: list[Event] = []
        mentions: list[ActorRef] = []
        places: list[Place] = []
        quotes: list[Quote] = []
        for _ in range(k):
            etype = rng.choice(sorted(VERBS))
            verb, mode = VERBS[etype]
            src, tgt = rng.sample(ACTORS, 2)
            claimant = rng.choice(CLAIMANTS)
            name, lat, lon, iso, admin1, gid = rng.choice(PLACES)
            day = published - timedelta(days=rng.randrange(3))
            s_ref = _ref(src, rng, pos)
            sentence_head = f"{s_ref.mention} {verb} "
            t_ref = _ref(tgt, rng, pos + len(sentence_head))
            loc_start = pos + len(sentence_head) + len(t_ref.mention or "") + len(" near ")
            c_mention = rng.choice(claimant.aliases)
            sentence = (
                f"{s_ref.mention} {verb} {t_ref.mention} near {name} on {day:%d %B %Y}, {c_mention} said."
            )
            c_ref = ActorRef(
                claimant.id,
                claimant.name,
                claimant.kind,
                claimant.country,
                c_mention,
                pos + sentence.index(c_mention, len(sentence_head)),
                pos + sentence.index(c_mention, len(sentence_head)) + len(c_mention),
            )
            place = Place(
                name,
                name,
                lat + rng.uniform(-0.05, 0.05),
                lon + rng.uniform(-0.05, 0.05),
                iso,
                admin1,
                gid,
                "PPL",
                loc_start,
                loc_start + len(name),
            )
            events.append(
                Event(
                    etype,
                    sentence,
                    pos,
                    pos + len(sentence),
                    mode=mode,
                    source=s_ref,
                    target=t_ref,
                    location=place,
                    date=day.isoformat(),
                    date_precision="day",
                    claimant=c_ref,
                    status="asserted",
                    trigger=verb.split()[0],
                    confidence=round(rng.uniform(0.4, 0.95), 2),
                )
            )
            mentions += [s_ref, t_ref, c_ref]
            places.append(place)
            parts.append(sentence)
            pos += len(sentence) + 1
            if rng.random() < 0.1:  # a quote by the claimant in one article sentence of ten
                said = "We will respond to every violation"
                q_text = f"“{said},” {c_mention} said."
                speaker = ActorRef(claimant.id, claimant.name, claimant.kind, claimant.country, c_mention)
                quotes.append(Quote(speaker, said, "direct", pos + 1, pos + 1 + len(said)))
                parts.append(q_text)
                pos += len(q_text) + 1
        text = " ".join(parts)
        doc = Document(
            source=f"synthetic://{doc_no}", data=f"synthetic {seed} {doc_no}".encode(), media_type="text"
        )
        art = Article(
            0,
            "primary",
            f"Fighting reported near {events[0].location.name if events[0].location else ''}",
            text,
            publisher=PUBLISHERS[doc_no % len(PUBLISHERS)],
            published=published.isoformat(),
            url=f"https://news.example.org/{doc_no}",
            removed=["Share this article", "Subscribe"],
        )
        out.append((doc, [ExtractRecord(doc.doc_id, doc.source, art, mentions, events, quotes, places)]))
        made += k
        doc_no += 1
    return out


def build_store(path: str | Path, n_events: int, *, seed: int = 7) -> Path:
    """Write a synthetic store of ``n_events`` events at ``path`` (which must not hold one yet)."""
    from ..store import open_store

    with open_store(str(path)) as store:
        for doc, recs in synthetic_records(n_events, seed=seed):
            store.save_document(doc, recs)
    return Path(path)
