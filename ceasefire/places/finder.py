"""Find and geocode the places an article names.

:func:`find_places` works in two passes over a parsed article:

1. **Mentions and context.** Toponyms come from spaCy's named entities (GPE,
   LOC, FAC) and from gazetteer phrase matches on capitalised word sequences
   that the NER missed or mislabelled ("Khmeimim", "Kafr Nabudah"). Meanwhile
   the article's country signals are counted: country names (actor uses
   included), nationality words ("Syrian", "Saudis") and places whose every
   reading lies in one country.
2. **Resolution.** Each toponym is ranked against the gazetteer with those
   country counts as context. Countries and capitals used as actors
   ("Russia bombed", "Moscow said", "Russia's position", "US forces") are not
   places and are dropped; after a locative preposition ("in", "near", "from",
   ...) or before a place noun they are places.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import Place
from .contained import contained_name, contained_run
from .gazetteer import Gazetteer, GeoCandidate, get_gazetteer
from .history import article_year
from .normalize import name_key
from .persons import is_person_name, keeps_place, next_to_person, person_names

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..nlp.context import ArticleContext

# NER labels taken as toponyms. Spans with any other label may still be taken
# over by a gazetteer phrase match under the conditions of _accept_phrase
# (the small model tags "Khmeimim" PERSON, "Idlib" ORG, "Batticaloa" DATE).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# Prepositions after which a country or capital is a location, not an actor.
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "near",
        "around",
        "from",
        "to",
        "at",
        "into",
        "inside",
        "outside",
        "across",
        "throughout",
        "toward",
        "towards",
        "within",
        "through",
        "via",
        "along",
        "over",
        "onto",
        "beyond",
        "nearby",
        "off",
        "past",
        "above",
        "under",
        "underneath",
        "below",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    }
)
# Nouns that make a country or capital next to them a location: "north of Aleppo",
# "the city of Homs", "much of Liberia", "Lebanon's southern border", "the waters
# between Iran and Iraq" (event_location sentences in benchmarks/geocoding.py).
PLACE_HEAD_NOUNS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "outskirts",
        "suburb",
        "suburbs",
        "city",
        "town",
        "village",
        "province",
        "governorate",
        "region",
        "area",
        "part",
        "parts",
        "capital",
        "border",
        "borders",
        "countryside",
        "territory",
        "center",
        "centre",
        "district",
        "neighbourhood",
        "neighborhood",
        "heart",
        "edge",
        "coast",
        "outskirt",
        "streets",
        "skies",
        "airspace",
        "soil",
        "side",
        "entrance",
        "vicinity",
        "map",
        "rest",
        "interior",
        "mountains",
        "desert",
        "cities",
        "towns",
        "villages",
        "areas",
        "regions",
        "provinces",
        "ruins",
        "port",
        "highway",
        "road",
        "base",
        "airport",
        "camp",
        "front",
        "frontline",
        "battlefield",
        "battle",
        "siege",
        "liberation",
        "fall",
        "recapture",
        "capture",
        "invasion",
        "occupation",
        "partition",
        "bombing",
        "shelling",
        "people",
        "residents",
        "civilians",
        "population",
        "inhabitants",
        "refugees",
        "war",
        "conflict",
        "crisis",
        "situation",
        "ceasefire",
        "truce",
        "division",
        "much",
        "most",
        "half",
        "third",
        "middle",
        "corner",
        "bridge",
        "bridges",
        "waters",
        "seawaters",
        "coastline",
        "shores",
        "street",
        "hospital",
        "hospitals",
        "schools",
        "oil",
        "fields",
        "mountain",
        "river",
        "valley",
        "frontier",
        "crossing",
        "crossings",
        "route",
        "routes",
        "roads",
        "highways",
        "ports",
        "airports",
        "bases",
        "neighbours",
        "neighbors",
        "enclave",
        "pocket",
        "sea",
        "gulf",
    }
)
# Heads that make a country or capital an actor when it modifies them ("US forces").
ACTOR_HEAD_NOUNS = frozenset(
    {
        "force",
        "forces",
        "troops",
        "military",
        "army",
        "navy",
        "official",
        "officials",
        "government",
        "administration",
        "president",
        "minister",
        "ministry",
        "envoy",
        "ambassador",
        "diplomat",
        "diplomats",
        "authorities",
        "authority",
        "jet",
        "jets",
        "warplanes",
        "warplane",
        "aircraft",
        "planes",
        "soldiers",
        "soldier",
        "leader",
        "leaders",
        "leadership",
        "delegation",
        "regime",
        "intelligence",
        "coalition",
        "embassy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "command",
        "commander",
        "commanders",
        "department",
        "state",
        "position",
        "policy",
        "proposal",
        "side",
        "partners",
        "allies",
        "ally",
        "officers",
        "personnel",
        "advisers",
        "advisors",
        "special",
        "drones",
        "drone",
        "bombers",
        "strikes",
        "airstrikes",
        "air",
        "defense",
        "defence",
        "secretary",
        "diplomacy",
        "representative",
        "negotiators",
        "mission",
        "sanctions",
        "backing",
        "support",
        "aid",
        "demands",
        "role",
        "interests",
        "media",
        "press",
        "analysts",
        "experts",
        "investigators",
        "prosecutors",
        "court",
        "parliament",
        "congress",
        "senate",
    }
)
# Verbs whose direct object is a location ("bombed Aleppo", "left Syria").
LOCATIVE_VERBS = frozenset(
    {
        "visit",
        "invade",
        "enter",
        "leave",
        "bomb",
        "strike",
        "shell",
        "pound",
        "hit",
        "reach",
        "cross",
        "flee",
        "occupy",
        "capture",
        "seize",
        "liberate",
        "retake",
        "recapture",
        "control",
        "tour",
        "encircle",
        "besiege",
        "surround",
        "storm",
        "overrun",
        "raid",
        "target",
        "defend",
        "evacuate",
        "abandon",
        "approach",
        "bombard",
        "destroy",
        "divide",
        "partition",
        "rule",
        "govern",
        "hold",
        "lose",
        "take",
        "free",
        "cover",
        "blockade",
        "siege",
        "patrol",
        "fly",
        "land",
        "depart",
        "return",
        "call",
        "rock",
        "shake",
        "devastate",
        "attack",
        "airstrike",
        "reinforce",
        "infiltrate",
        "annex",
        "split",
    }
)
# Verbs whose object is a place and hardly ever a person: they make a name the NER
# took for a person ("captured Goma", "entered Kharkiv and Odessa") a toponym.
# A subset of LOCATIVE_VERBS without those a person or an armed group can be the
# object of ("hit", "target", "call", "free", "hold", "attack", "raid", "bomb",
# "shell", "storm", "encircle": "bombed the Taliban").
TAKE_PLACE_VERBS = frozenset(
    {
        "capture",
        "recapture",
        "seize",
        "retake",
        "occupy",
        "overrun",
        "liberate",
        "enter",
        "evacuate",
        "invade",
        "annex",
    }
)
# Words a place name may carry after it in the text ("Khmeimim air base").
PLACE_SUFFIXES = (
    "air base",
    "airbase",
    "air field",
    "airfield",
    "airport",
    "military airport",
    "naval base",
    "base",
    "province",
    "governorate",
    "region",
    "district",
    "oblast",
    "state",
    "mountains",
    "mountain",
    "road",
    "highway",
    "crossing",
    "border crossing",
    "camp",
    "refugee camp",
    "dam",
    "valley",
    "desert",
    "city",
    "town",
    "village",
    "countryside",
    "plain",
    "plains",
)
_SUFFIX_TOKENS = tuple(tuple(s.split()) for s in sorted(PLACE_SUFFIXES, key=lambda s: -len(s.split())))
_DIRECTION_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|central|"
    r"rural|eastern|western|greater|downtown|occupied)\s+",
    re.I,
)
# "County", "Parish", "Prefecture" and "Municipality" name second-level units
# GeoNames' populated places lack; their bare name is nearly always a town in the
# same state or country ("Laurel County" -> London, Kentucky's county, "Laurel"
# is in Kentucky too; TR-News tune half: 27 county mentions were unresolved).
# The long official form of a state that gazetteers list by its short name.
_STATE_PREFIX = re.compile(
    r"^(?:the\s+)?(?:Republic|Kingdom|State|Sultanate|Emirate)\s+of\s+(?:the\s+)?", re.I
)
_GENERIC_TAIL = re.compile(
    r"\s+(?:city|town|village|countryside|area|outskirts|suburbs|front|frontline|region|province|"
    r"county|parish|prefecture|municipality|co\.|"
    r"governorate|district|airport|international airport|air base|airbase|base|port|harbou?r|"
    r"neighbou?rhood|junction|bridge|border crossing|crossing|checkpoint)$",
    re.I,
)
MAX_PHRASE_TOKENS = 5  # longest curated/GeoNames names in news: "Ma'arrat al-Nu'man" (5 tokens)
# Lower-case words a multi-word name may contain: Arabic articles ("Jisr al-Shughur")
# and English/Romance connectors ("Gulf of Aden", "Bosnia and Herzegovina").
PHRASE_CONNECTORS = frozenset(
    {
        "al",
        "el",
        "ad",
        "ez",
        "az",
        "as",
        "ash",
        "ar",
        "an",
        "at",
        "of",
        "and",
        "de",
        "du",
        "del",
        "la",
        "le",
        "di",
        "bin",
        "ibn",
    }
)
# Phrase matches (not NER) of ordinary gazetteer places need the place to be in
# a context country and at least this population, so that capitalised words
# ("Mark", "Hope") that happen to be village names elsewhere stay out.
# Calibrated on the dev gold articles (no false place among their phrase matches).
PHRASE_MIN_POPULATION = 1000
# A phrase the NER labelled otherwise ("Aleppo's" as NORP, "Idlib" as ORG) is
# taken for a context-country city of at least this size (dev gold: Idlib, Tartus).
PHRASE_LABELLED_MIN_POPULATION = 50_000
NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# A non-country place signals its country when its best reading is notable
# (a city of 100k+, ...) and leads readings elsewhere by STRONG_MARGIN in score
# (about a factor of 100 in population); "Kabul", "Kandahar" signal AFG.
STRONG_CITY_POPULATION = 100_000
STRONG_MARGIN = 0.3


@dataclass
class _Mention:
    start: int  # token index
    end: int
    text: str
    label: str
    source: str  # "ner" | "phrase"
    cands: list[GeoCandidate] = field(default_factory=list)
    lookup: str = ""
    inner: tuple[int, int] | None = None  # token span of the bare name when a suffix was added


def _strip_det(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in {"'s", "’s"}
    ):
        end -= 1
    return start, end


def _variants(text: str) -> list[str]:
    """The mention, then forms without a direction word or a generic tail ("northern Syria" -> "Syria")."""
    out = [text]
    t = _STATE_PREFIX.sub("", text)  # "Republic of Armenia" -> "Armenia"
    if t != text:
        out.append(t)
    t = _DIRECTION_PREFIX.sub("", text)
    if t != text:
        out.append(t)
    for s in list(out):
        u = _GENERIC_TAIL.sub("", s)
        if u != s:
            out.append(u)
    return out


def known_form(gaz: Gazetteer, text: str) -> str:
    """The first of :func:`_variants` the gazetteer knows ("Orange County" -> "Orange"),
    else the notable place inside it ("Vancouver Art Gallery" -> "Vancouver"), else the
    text itself: the form find_places looks up for an NER toponym."""
    for v in _variants(text):
        if gaz.candidates(v):
            return v
    return contained_name(gaz, text) or text


def _extend_suffix(doc: Doc, end: int) -> int:
    """Token end after a place suffix that follows (``Raqqa`` + ``province``)."""
    if end >= len(doc):
        return end
    first = doc[end].lower_  # most tokens start no suffix: one comparison each, not a slice
    for toks in _SUFFIX_TOKENS:
        n = len(toks)
        if toks[0] == first and end + n <= len(doc) and tuple(t.lower_ for t in doc[end : end + n]) == toks:
            return end + n
    return end


def _lookup(gaz: Gazetteer, doc: Doc, start: int, end: int) -> tuple[int, int, str, list[GeoCandidate]]:
    """Longest form of the span (with a following suffix, or a trimmed one) that the gazetteer knows."""
    ext = _extend_suffix(doc, end)
    if ext > end:
        text = doc[start:ext].text
        cands = gaz.candidates(text)
        if cands:
            return start, ext, text, cands
    text = doc[start:end].text
    for v in _variants(text):
        cands = gaz.candidates(v)
        if cands:
            return start, end, v, cands
    # the town a facility is named after ("Vancouver Art Gallery"): its tokens become the mention
    idx = [k for k in range(start, end) if not doc[k].is_punct or doc[k].text == "."]
    words = [doc[k].text for k in idx]
    run = contained_run(gaz, words) if len(words) > 1 else None
    if run is not None:
        s, e = idx[run[0]], idx[run[1] - 1] + 1
        sub = doc[s:e].text
        cands = gaz.candidates(sub)
        if cands:
            return s, e, sub, cands
    return start, end, text, []


# An Arabic article opening a name: "Al-"/"al-"/"El-" (hyphen attached or next), or "Al"/"El".
_ARTICLE_HYPHEN = re.compile(r"^(?:al|el|ad|ed|ez|az|ash|ar|as|an|at|ad)-$", re.I)
_ARTICLE_BARE = re.compile(r"^(?:al|el)$", re.I)


def _is_candidate_token(doc: Doc, i: int) -> bool:
    tok = doc[i]
    nxt = doc[i + 1 : i + 3]
    if _ARTICLE_HYPHEN.match(tok.text) or (
        _ARTICLE_BARE.match(tok.text) and len(nxt) and (nxt[0].text == "-" or nxt[0].text[:1].isupper())
    ):
        return any(t.text[:1].isupper() and t.is_alpha for t in nxt)
    bare = tok.text.replace("’", "").replace("'", "")  # "Dara’a"
    return bool(tok.text[:1].isupper()) and not tok.is_stop and bare.isalnum()


def _phrase_mentions(gaz: Gazetteer, doc: Doc, taken: list[bool]) -> list[_Mention]:
    """Capitalised word sequences (with al-/el-/ez- style particles) that the gazetteer knows."""
    out: list[_Mention] = []
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if taken[i] or not _is_candidate_token(doc, i) or tok.ent_type_ in PLACE_LABELS:
            i += 1
            continue
        best: tuple[int, str, list[GeoCandidate]] | None = None
        j = i + 1
        while j <= n and j - i <= MAX_PHRASE_TOKENS * 2:
            last = doc[j - 1]
            if taken[j - 1] or last.is_space or "\n" in last.text:
                break
            if j > i + 1 and not (
                last.text[:1].isupper() or last.text in {"-", "'"} or last.lower_ in PHRASE_CONNECTORS
            ):
                break
            if (last.text[:1].isupper() or last.is_alpha) and last.lower_ not in PHRASE_CONNECTORS:
                text = doc[i:j].text
                cands = gaz.candidates(text)
                if cands:
                    best = (j, text, cands)
                else:  # known only with its generic word: "M5 highway", "Engels air base"
                    ext = _extend_suffix(doc, j)
                    if ext > j:
                        etext = doc[i:ext].text
                        ecands = gaz.candidates(etext)
                        if ecands:
                            best = (ext, etext, ecands)
            j += 1
        if best is not None:
            j, text, cands = best
            inner = None
            ext = _extend_suffix(doc, j)
            if ext > j:
                etext = doc[i:ext].text
                ecands = gaz.candidates(etext)
                if ecands:
                    inner = (i, j)
                    j, text, cands = ext, etext, ecands
            out.append(_Mention(i, j, text, doc[i].ent_type_, "phrase", cands, text, inner))
            i = j
            continue
        i += 1
    return out


def _conj_root(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _is_actor_use(doc: Doc, m: _Mention) -> bool:
    """A country or capital standing for its government or forces, judged from the parse."""
    span = doc[m.start : m.end]
    root = _conj_root(span.root)
    head = root.head
    dep = root.dep_
    nxt = [t.lower_ for t in doc[m.end : m.end + 2]]
    if nxt[:1] == ["based"] or nxt == ["-", "based"]:  # "the London based observatory"
        return False
    # "U.S.-led", "Russian-backed" style modifiers
    if (
        m.end < len(doc) - 1
        and doc[m.end].text == "-"
        and doc[m.end + 1].lower_
        in {"led", "backed", "based", "brokered", "sponsored", "supported", "allied"}
    ):
        return doc[m.end + 1].lower_ != "based"
    possessive = (
        dep == "poss"
        or (m.end < len(doc) and doc[m.end].tag_ == "POS")
        or any(c.dep_ == "case" and c.lower_ in {"'s", "’s", "'"} for c in span.root.children)
    )
    if possessive:  # "Russia's position" is an actor; "Lebanon's southern border" a place
        owner_of = head if dep == "poss" else root.head
        return owner_of.lower_ not in PLACE_HEAD_NOUNS
    if dep == "nsubjpass" and head.lemma_.lower() in LOCATIVE_VERBS:  # "Baghdad was heavily bombed"
        return False
    if dep in {"nsubj", "nsubjpass", "csubj", "expl"}:
        return True
    if dep == "pobj":
        prep = head.lower_
        if prep in LOCATIVE_PREPS:
            return False
        if prep == "of":  # "the government of Syria" vs "much of Liberia", "north of Aleppo"
            return head.head.lower_ in ACTOR_HEAD_NOUNS
        if prep in {"between", "with"}:  # "the waters between Iran and Iraq" vs "talks with Iran"
            before = doc[head.i - 1].lower_ if head.i > 0 else ""  # the parser often attaches to the verb
            return head.head.lower_ not in PLACE_HEAD_NOUNS and before not in PLACE_HEAD_NOUNS
        if prep in {"by", "against", "for", "among", "and", "like", "than"}:
            return True
        return False
    if dep == "dobj" or dep == "dative":
        return head.lemma_.lower() not in LOCATIVE_VERBS
    if dep in {"compound", "amod", "nmod"}:
        return head.lower_ in ACTOR_HEAD_NOUNS or head.ent_type_ in {"ORG", "PERSON", "NORP"}
    if dep == "agent":
        return True
    return False


def _within_container(ranked: list[GeoCandidate], regions: list[GeoCandidate] | None) -> GeoCandidate:
    """The best candidate inside one of the regions named right after the mention, if any is."""
    if regions:
        for cand in ranked:
            for region in regions:
                e = region.entry
                if (
                    cand.country == e.country
                    and cand.entry is not e
                    and (e.feature == "PCLI" or cand.entry.admin1 in {None, e.admin1})
                ):
                    return cand
    return ranked[0]


def _locative_syntax(doc: Doc, m: _Mention) -> bool:
    """After a locative preposition ("in X") or in "the outskirts/vicinity of X"."""
    root = _conj_root(doc[m.start : m.end].root)
    if root.dep_ in {"compound", "appos"} and root.head.lower_ in PLACE_HEAD_NOUNS:
        return True  # "the Hama countryside", "the regional capital, Grozny"
    if any(c.dep_ == "appos" and c.lower_ in PLACE_HEAD_NOUNS for c in root.children):
        return True  # "Goma, the capital of North Kivu"
    if root.dep_ == "dobj" and root.head.lemma_.lower() in TAKE_PLACE_VERBS:
        return True  # "rebels captured Goma", "shelled Kharkiv and Odessa"
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "to" and prep.i > 0 and doc[prep.i - 1].lower_ in {"according", "due", "thanks"}:
        return False
    if prep.lower_ in LOCATIVE_PREPS or prep.lower_ == "on":  # "advanced on Palmyra"
        return True
    return prep.lower_ == "of" and prep.head.lower_ in PLACE_HEAD_NOUNS


def _inside_longer_name(doc: Doc, m: _Mention) -> bool:
    """The phrase opens or sits inside a longer named entity that goes on after it,
    or ends a longer person's name."""
    last = doc[m.end - 1]
    if m.end < len(doc) and last.ent_type_ != "" and doc[m.end].ent_iob_ == "I":
        k = m.end
        while k < len(doc) and doc[k].ent_iob_ == "I":
            if doc[k].text[:1].isupper():  # "Atlantic Council", "Bill of Rights"
                return True
            k += 1
        # only lower-case words follow ("the Hama countryside"): still a place
    first = doc[m.start]
    return first.ent_type_ == "PERSON" and first.ent_iob_ == "I"


def _accept_phrase(gaz: Gazetteer, doc: Doc, m: _Mention, best: GeoCandidate, context: Counter[str]) -> bool:
    """Whether a phrase match (not an NER place) is a toponym.

    Curated entries, countries and first-level regions always are. An ordinary
    place must lie in a context country and not be a nationality word; then the
    evidence needed grows with the doubt: a person-labelled or alternate-name
    match ("Minister" is an alternate name of Minster, Ohio; "Google" one of
    Topeka) needs locative syntax, and so does a span tagged as a date; a
    transliteration (loose) match needs several words or locative syntax; a span the NER labelled otherwise needs a city of 50k+ or locative
    syntax; an unlabelled one a place of 1000+ not opening a sentence; neither
    may be a modifier of a non-place noun ("the Langley theme").
    """
    e = best.entry
    label = doc[m.start].ent_type_
    locative = _locative_syntax(doc, m)
    if label and _inside_longer_name(doc, m):
        return False  # "Atlantic" in "the Atlantic Council", "Bentham" in "Jeremy Bentham"
    if e.curated:
        return True
    if best.match == "loose" and m.end - m.start == 1:
        return False
    if label == "PERSON" and not locative:
        return False
    root = _conj_root(doc[m.start : m.end].root)
    if label and root.dep_ == "pobj" and root.head.lower_ == "by":  # "faced by Lincoln"
        return False
    if e.feature in {"PCLI", "ADM1"}:
        return True
    if gaz.demonym_country(m.text) is not None:
        return False
    if best.country not in context and not (
        locative and best.match in {"name", "alt"} and e.population >= STRONG_CITY_POPULATION
    ):
        return False  # outside the article's countries only a big city after "in/on ..."
    modifier_ok = root.dep_ not in {"compound", "amod", "nmod"} or root.head.lower_ in PLACE_HEAD_NOUNS
    if label in NUMERIC_LABELS:  # "in August" is a month; "in Batticaloa" (tagged DATE) a town
        return best.match == "name" and locative
    if label == "PERSON" or best.match == "alt":
        return locative and e.population >= PHRASE_MIN_POPULATION
    if best.match == "loose":
        return m.end - m.start > 1 or locative
    if label:
        return locative or (e.population >= PHRASE_LABELLED_MIN_POPULATION and modifier_ok)
    return e.population >= PHRASE_MIN_POPULATION and not doc[m.start].is_sent_start and modifier_ok


def _accept_ner(doc: Doc, m: _Mention, best: GeoCandidate, context: Counter[str]) -> bool:
    """Whether an NER toponym's best reading is believable: an alternate-name
    reading of a one-word mention outside the article's countries ("Soul" for
    Seoul, "DACA" for Dhaka) needs locative syntax."""
    e = best.entry
    if e.curated or e.feature in {"PCLI", "ADM1", "CONT"} or best.country in context:
        return True
    if best.match != "name" and m.end - m.start == 1:
        return _locative_syntax(doc, m)
    return True


def _metonymic(cand: GeoCandidate) -> bool:
    """Places whose name often stands for a government: countries, capitals, seats of power."""
    return cand.entry.feature in {"PCLI", "PPLC", "BLDG"}


def name_signals(gaz: Gazetteer, name: str) -> Counter[str]:
    """The country (and first-level region) signals one toponym mention gives.

    A country name counts for that country (actor uses included: "Russia said"
    is about Russia); any other place counts for its country when its best
    reading without context is notable (curated, first-level region, capital or
    a city of 100k+) and clearly ahead of any reading in another country. A name
    that can only be one first-level region also counts under the key
    ``"ISO/region name"`` ("USA/New Jersey"), which ranks places inside it first.
    """
    sig: Counter[str] = Counter()
    country = gaz.country_of_name(name)
    if country:
        sig[country] += 1
        return sig
    ranked = gaz.ranked(name)
    if ranked and ranked[0].country:
        best = ranked[0]
        notable = (
            best.entry.curated
            or best.entry.feature in {"ADM1", "PPLC"}
            or best.entry.population >= STRONG_CITY_POPULATION
        )
        clear = all(c.country == best.country or best.score - c.score >= STRONG_MARGIN for c in ranked[1:])
        if notable and clear:
            sig[best.country] += 1
    regions = {
        (c.country, c.entry.admin1) for c in ranked if c.entry.feature == "ADM1" and c.match != "loose"
    }
    # only a name that means the region: "Washington" (the capital) and "New York"
    # (the city) are no evidence for Washington state or New York state, and would
    # otherwise pull a "Geneva" into Geneva, New York
    if len(regions) == 1 and ranked[0].entry.feature == "ADM1":
        iso, admin1 = next(iter(regions))
        sig[f"{iso}/{admin1}"] += 1
    return sig


def country_context(gaz: Gazetteer, names: Iterable[str], words: Iterable[str] = ()) -> Counter[str]:
    """How often an article signals each country (ISO-3): the :func:`name_signals`
    of its toponym mentions plus its nationality words ("Syrian", "Saudis")."""
    ctx: Counter[str] = Counter()
    for name in names:
        ctx.update(name_signals(gaz, name))
    for word in words:
        if word[:1].isupper() and word.isalpha():
            iso = gaz.demonym_country(word)
            if iso:
                ctx[iso] += 1
    return ctx


def context_without(context: Counter[str], gaz: Gazetteer, name: str, times: int = 1) -> Counter[str]:
    """The article context less what the mentions of ``name`` themselves signalled,
    so that "Tripoli" (best alone: Libya) does not vote for its own reading."""
    own = name_signals(gaz, name)
    out = Counter(context)
    for key, n in own.items():
        out[key] -= n * times
    return Counter({k: v for k, v in out.items() if v > 0})


def find_places(
    doc: Doc, ctx: ArticleContext | None = None, gazetteer: Gazetteer | None = None
) -> list[Place]:
    """Toponyms of a parsed article, geocoded with the article's countries as context.

    Sets ``ctx.places`` when a context is given. Offsets are character offsets
    into ``doc.text``.
    """
    gaz = gazetteer or get_gazetteer()
    taken = [False] * len(doc)
    mentions: list[_Mention] = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        s, e = _strip_det(ent)
        if s >= e:
            continue
        s0, e0 = s, e
        s, e, lookup, cands = _lookup(gaz, doc, s, e)
        inner = (s0, e0) if e > e0 else None
        mentions.append(_Mention(s, e, doc[s:e].text, ent.label_, "ner", cands, lookup, inner))
        for k in range(s, e):
            taken[k] = True
    # curated names hidden in other entity labels, and names the NER missed
    for m in _phrase_mentions(gaz, doc, taken):
        mentions.append(m)
        for k in range(m.start, m.end):
            taken[k] = True

    # the rest of a person's name is no place ("Mike Pompeo" ... "advice to Pompeo"), nor evidence
    # of a country
    persons = person_names(doc, gaz)
    mentions = [
        m
        for m in mentions
        if not (
            is_person_name(name_key(m.text), m.cands, persons)
            or is_person_name(name_key(m.lookup), m.cands, persons)
            or (m.cands and not keeps_place(m.cands) and next_to_person(doc, m.start, m.end))
        )
    ]
    context = country_context(gaz, [m.lookup for m in mentions if m.cands], (t.text for t in doc))
    same_name = Counter(name_key(m.lookup) for m in mentions if m.cands)

    # "Palmyra, New York": a place followed by ", <state or country>" lies in it
    container: dict[int, list[GeoCandidate]] = {}
    for m in mentions:
        if m.start >= 2 and doc[m.start - 1].text == ",":
            regions = [c for c in m.cands if c.entry.feature in {"ADM1", "PCLI"}]
            if regions:
                container[m.start - 1] = regions
    places: list[Place] = []
    year = article_year(ctx.published if ctx is not None else None)
    for m in sorted(mentions, key=lambda m: m.start):
        if not m.cands:
            continue
        own = context_without(context, gaz, m.lookup, same_name[name_key(m.lookup)])
        ranked = gaz.ranked(m.lookup, own, year)
        if not ranked:
            continue
        best = _within_container(ranked, container.get(m.end))
        if (
            name_key(m.lookup) in gaz.not_places
            and not best.entry.curated
            and best.entry.feature not in {"PCLI", "ADM1"}
        ):
            continue
        if not any(ch.isupper() for ch in m.text):
            continue
        if (
            m.text.isupper()
            and len(m.text) <= 5
            and best.match != "name"
            and not best.entry.curated
            and best.entry.feature not in {"PCLI", "ADM1", "RGN"}
        ):
            continue  # an acronym that is only an alternate name of a town ("DACA" for Dhaka)
        if m.source == "phrase":
            if not _accept_phrase(gaz, doc, m, best, context):
                continue
        elif not _accept_ner(doc, m, best, context):
            continue
        if _metonymic(best) and _is_actor_use(doc, m):
            continue
        span = doc[m.start : m.end]
        places.append(best.to_place(mention=span.text, start=span.start_char, end=span.end_char))
        if m.inner is not None:  # "Latakia" inside "Latakia province" is a toponym too
            i_start, i_end = m.inner
            inner = doc[i_start:i_end]
            inner_ranked = gaz.ranked(inner.text, context, year)
            if inner_ranked:
                places.append(
                    inner_ranked[0].to_place(mention=inner.text, start=inner.start_char, end=inner.end_char)
                )
    if ctx is not None:
        ctx.places = places
    return places


def place_key(place: Place) -> str:
    """Comparable form of a place's mention (or name), as used to de-duplicate."""
    return name_key(place.mention or place.name)
