"""Names: dictionary names and the spaCy entities the dictionary lacks (a generated id, one per name)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from ..models import ActorRef
from .base import FinderBase, Mention
from .cities import BigCities, big_cities
from .dictionary import Actor, get_dictionary
from .lexicon import (
    GENERIC,
    PLACE_PREPOSITIONS,
    SETTLEMENT_NOUNS,
    THE_GENERIC,
    _city_countries,
    _given_names,
    fuzzy_lookup,
)
from .normalize import Word, key_of, slug, words

if TYPE_CHECKING:  # pragma: no cover
    pass

# Last words of geographic names the tagger sometimes takes for organisations or persons.
GEO_FEATURES = {
    "mountain",
    "mountains",
    "mount",
    "river",
    "valley",
    "hill",
    "hills",
    "lake",
    "desert",
    "plain",
    "plains",
    "heights",
    "gulf",
    "sea",
    "bay",
    "island",
    "islands",
    "peninsula",
    "dam",
    "airport",
    "airbase",
    "crossing",
    "highway",
    "road",
    "canal",
    "strait",
    "straits",
}

# Honorifics kept as part of a person mention ("Sheikh Shaalan al-Shaalan"); functional
# titles before a name ("President", "General") are not.
HONORIFICS = {
    "sheikh",
    "shaikh",
    "sheik",
    "prince",
    "princess",
    "emir",
    "king",
    "queen",
    "sultan",
    "ayatollah",
    "grand ayatollah",
    "mullah",
    "imam",
    "sayyed",
    "sayyid",
    "crown prince",
}

NAME_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "general",
    "gen",
    "col",
    "colonel",
    "lt",
    "major",
    "maj",
    "minister",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "secretary",
    "premier",
    "chancellor",
    "commander",
    "spokesman",
    "spokeswoman",
    "captain",
    "capt",
    "admiral",
    "adm",
    "brig",
    "sgt",
    "field",
    "marshal",
    "lieutenant",
    "brigadier",
    "judge",
    "prof",
    "professor",
    "ambassador",
    "deputy",
    "foreign",
    "defence",
    "defense",
    "prime",
    "sir",
    "lord",
    "dame",
    "mp",
    "the",
}

# "<name>-backed forces": the named actor only qualifies another one.
PREMODIFIER_RE = re.compile(
    r"(?:\s+based\b)|[-‐‑](?:backed|allied|aligned|supported|trained|funded|linked|affiliated|based|run|controlled|held|"
    r"brokered|sponsored|friendly|installed|dominated|armed|inspired|leaning|majority|occupied|sanctioned|"
    r"owned|flagged|registered|made|built|bound|operated|born|educated)\b",
    re.IGNORECASE,
)

# Words that spaCy sometimes tags as a whole ORG/GPE entity but that name nothing on their own.
COMMON_WORDS = {
    "state",
    "states",
    "department",
    "ministry",
    "office",
    "agency",
    "council",
    "committee",
    "house",
    "senate",
    "parliament",
    "court",
    "government",
    "army",
    "police",
    "coalition",
    "alliance",
    "front",
    "forces",
    "group",
    "groups",
    "movement",
    "party",
    "administration",
    "center",
    "centre",
    "commission",
    "union",
    "league",
    "organization",
    "organisation",
    "the",
    "of",
    "and",
    "west",
    "east",
    "north",
    "south",
    "western",
    "eastern",
    "northern",
    "southern",
    "republic",
    "kingdom",
    "opposition",
    "regime",
    "islamic",
    "islamist",
    "islamists",
    "jihadi",
    "jihadist",
    "jihadists",
    "terrorist",
    "terrorists",
    "moderate",
    "moderates",
    "rebel",
    "rebels",
    "defence",
    "defense",
    "foreign",
    "interior",
    "health",
    "justice",
    "security",
    "finance",
    "ministry of",
    "affairs",
    "secretary",
    "minister",
    "president",
    "prime",
    "general",
    "staff",
    "joint",
    "chiefs",
}

NER_PREFIX = {"PERSON": "PER", "ORG": "ORG", "NORP": "NORP", "GPE": "GPE"}

ORG_KIND_WORDS: tuple[tuple[str, str], ...] = (
    (
        r"\b(army|forces|brigades?|battalions?|militias?|front|regiment|division|corps|legion|jaish|jaysh|"
        r"liwa|katiba|harakat|movement|mujahideen|faylaq|ansar)\b",
        "armed_group",
    ),
    (r"\b(ministry|government|council|parliament|department|cabinet|presidency|office)\b", "government"),
    (r"\b(police|gendarmerie)\b", "police"),
    (
        r"\b(news|agency|times|post|tv|television|radio|press|journal|herald|tribune|gazette|channel|media)\b",
        "media",
    ),
    (
        r"\b(observatory|human rights|red cross|red crescent|foundation|institute|watch|relief|aid|charity)\b",
        "ngo",
    ),
)


def _big_cities() -> BigCities:
    """Names of cities of 100,000 people or more, which a person tag on a lone word is likely wrong for."""
    return big_cities()


def _unknown_kind(label: str, text: str) -> str:
    if label == "PERSON":
        return "person"
    if label == "ORG":
        low = text.lower()
        for pattern, kind in ORG_KIND_WORDS:
            if re.search(pattern, low):
                return kind
    return "other"


class NamePasses(FinderBase):
    """Names: dictionary names and the spaCy entities the dictionary lacks (a generated id, one per name)."""

    # -- pass 1
    def dictionary_pass(self) -> None:
        ws, i = self.ws, 0
        while i < len(ws):
            m = self.d.match_at(ws, i, self.when, text=self.text)
            if m is None:
                i += 1
                continue
            j, entry = m
            if self._caps_line(i, j, entry.shapes):
                i += 1
                continue
            if self._qualifier(ws[j - 1].end):
                i = j  # "U.S.-backed forces", "Iran-aligned group": the actor is the one backed
                continue
            aid = self.d.resolve_collective(entry.actor_id, None, self.when)
            if (
                entry.source != 0
                and aid.endswith("_GOV")
                and j == i + len(entry.shapes)
                and i > 0
                and ws[i - 1].key in PLACE_PREPOSITIONS
                and self._is_capital(ws[i:j])
            ):
                aid = aid[:-4]  # "talks in Moscow": the capital as a place, standing for its country
            actor = self.actor(aid)
            if actor is not None:
                self.add(Mention(ws[i].start, ws[j - 1].end, actor, how="dict"))
            i = j

    def _is_capital(self, ws: list[Word]) -> bool:
        k = tuple(w.key for w in ws)
        return any(a.capital and key_of(a.capital) == k for a in self._states_by_capital().get(k, ()))

    @staticmethod
    @lru_cache(maxsize=1)
    def _states_by_capital() -> dict[tuple[str, ...], tuple[Actor, ...]]:
        out: dict[tuple[str, ...], list[Actor]] = {}
        for a in get_dictionary().actors.values():
            if a.kind == "state" and a.capital and a.capital_metonym:
                out.setdefault(key_of(a.capital), []).append(a)
        return {k: tuple(v) for k, v in out.items()}

    def _qualifier(self, end: int) -> bool:
        """Is the name ending at ``end`` only a qualifier ("U.S.-backed", "London based")?"""
        if self.text[end : end + 1] == ".":
            end += 1
        return PREMODIFIER_RE.match(self.text, end) is not None

    def _caps_line(self, i: int, j: int, shapes: tuple[str, ...]) -> bool:
        """A short acronym match ("IS", "US") inside a line written in capitals is just a word."""
        if "A" not in shapes or any(len(w.key) > 3 for w in self.ws[i:j]):
            return False
        around = [w for w in self.ws[max(0, i - 2) : i] + self.ws[j : j + 2] if len(w.key) > 1]
        return bool(around) and all(w.shape == "A" for w in around)

    # -- pass 2
    def ner_pass(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ not in NER_PREFIX:
                continue
            start, end = ent.start_char, ent.end_char
            surface = self.text[start:end]
            # trim a leading "the" and a trailing possessive
            m = re.match(r"(?i)the\s+", surface)
            if m:
                start += m.end()
            m2 = re.search(r"['’]s?$", self.text[start:end])
            if m2:
                end = start + m2.start()
            if ent.label_ == "PERSON":
                start = self._strip_titles(start, end)
                start = self._extend_honorific(start)
            if end <= start or not self.free(start, end) or self._qualifier(end):
                continue
            surface = self.text[start:end]
            ks = key_of(surface)
            if not ks or not any(c.isalpha() for c in surface):
                continue
            if ent.label_ == "NORP" and (
                ks in self.d.adjectives
                or ent.root.tag_ == "JJ"
                or ent.root.dep_ in ("amod", "compound", "npadvmod", "nmod")
                or self.text[end : end + 1] in "-‐‑"
            ):
                continue  # "Syrian", "Arab fighters", "Kurdish-led": an adjective alone is not an actor
            name = self._name_without_honorific(surface) if ent.label_ == "PERSON" else surface
            actor = self.d.lookup(name, self.when)
            if actor is None:
                actor = fuzzy_lookup(self.d, name, self.when)
            if actor is not None:
                self.add(Mention(start, end, actor, how="ner-dict"))
                continue
            if all(k in COMMON_WORDS for k in ks) or ks in GENERIC or ks in THE_GENERIC:
                continue  # "State" in "Secretary of State", "Council": not a name
            if ent.label_ in ("PERSON", "ORG") and (ks[-1] in GEO_FEATURES or self._named_settlement(start)):
                continue  # "Therdah Mountain", "the village of Khan Tuman": places, not actors
            country = _city_countries().get(ks)
            label = ent.label_
            if (country and label in ("NORP", "ORG")) or (
                label == "PERSON" and len(ks) == 1 and ks in _big_cities()
            ):
                label = "GPE"  # a city the tagger took for a group or a person ("Aleppo")
            kind = "other" if label == "GPE" else _unknown_kind(label, surface)
            if label != "GPE":
                country = None
            if label == "ORG" and len(ks) > 1 and ks[0] in _given_names() and ks[-1] not in COMMON_WORDS:
                label, kind = "PERSON", "person"  # "Priti Patel" tagged as an organisation
            ref = ActorRef(
                id=f"{NER_PREFIX[label]}:{slug(name)}",
                name=re.sub(r"\s+", " ", name).strip(),
                kind=kind,
                country=country,
            )
            self.add(Mention(start, end, None, ref, how="ner"))
        self._one_ref_per_name()

    def _one_ref_per_name(self) -> None:
        """A name the tagger labelled differently in one article ("Priti Patel" as a person here, an
        organisation there) is one actor: the label most of its mentions have, the first on a tie."""
        by_name: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.how == "ner" and m.ref is not None:
                by_name.setdefault(slug(m.ref.name), []).append(m)
        for ms in by_name.values():
            votes = Counter(m.ref.id for m in ms if m.ref is not None)
            if len(votes) < 2:
                continue
            best = max(
                votes, key=lambda i: (votes[i], -next(k for k, m in enumerate(ms) if m.ref and m.ref.id == i))
            )
            ref = next(m.ref for m in ms if m.ref is not None and m.ref.id == best)
            for m in ms:
                m.ref = ref

    def _named_settlement(self, start: int) -> bool:
        """Is the name at ``start`` given as a place ("the village of Khan Tuman", "the town of X")?"""
        k = self.word_index(start)
        return (
            k >= 2
            and self.ws[k - 1].key == "of"
            and self.ws[k - 2].key in SETTLEMENT_NOUNS | {"port", "province"}
        )

    def _strip_titles(self, start: int, end: int) -> int:
        lo = self.word_index(start)
        hi = lo
        while hi < len(self.ws) and self.ws[hi].end <= end:
            hi += 1
        ws = self.ws[lo:hi]
        k = 0
        while k < len(ws) - 1 and ws[k].key in NAME_TITLES and ws[k].key not in HONORIFICS:
            k += 1
        return ws[k].start if ws else start

    def _extend_honorific(self, start: int) -> int:
        idx = self.word_index(start)
        if idx >= len(self.ws) or self.ws[idx].start != start:
            return start
        k = idx
        while (
            k > 0
            and self.ws[k - 1].key in HONORIFICS
            and self.ws[k - 1].shape in ("C", "A")
            and self.text[self.ws[k - 1].end : self.ws[k].start].strip() == ""
        ):
            k -= 1
        return self.ws[k].start

    @staticmethod
    def _name_without_honorific(surface: str) -> str:
        ws = words(surface)
        k = 0
        while k < len(ws) - 1 and ws[k].key in HONORIFICS:
            k += 1
        return surface[ws[k].start :] if ws else surface
