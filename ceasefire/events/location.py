"""Where an event happened: the place among the article's places that an event's trigger is about.

The places stage (``ceasefire.places``) finds and geocodes every toponym; this module picks the one
an event happened at. It looks, in this order, at

1. locative phrases after the trigger (or after the predicate governing a nominal trigger) and its
   object ("shelled Aleppo", "killed in Hebron", "during air strikes on Raqqa"); then the same on a
   verb that shares the trigger's subject ("shot and killed X in Y");
2. a locative phrase before the trigger, which sets the scene ("In Hama province, militants
   shelled Mardes": Mardes);
3. an origin phrase ("fighters entered from Turkey");
4. the clauses the trigger's clause depends on, nearest first, but not the frame of a report; a
   "where" clause on a place is about that place;
5. the places of the sentence, those in what the subject says on the side ("Lindh, from a family
   in Marin County, was captured") last;
6. a sentence that names no place goes on where the sentence before it was, but only when its
   event stays in that scene (:func:`same_scene`: "It killed 83 soldiers", "the strike", "there"),
   not when a named party starts a statement of its own ("Pompeo said ...").

At every step a place that only describes something else yields to the others: a place inside an
actor's name ("the African Union Mission in Somalia"), a place qualifying a thing that is not a
place ("a US convoy", "the 1967 Mideast war", "the London-based bank"), the origin of a party ("a
settler from Hebron", "X, 28, of Tsurif"), a bearing ("30 km west of Baghdad"), and a wider place
that a more specific one locates ("Iraq's Nineveh province", "the West Bank city of Hebron", "a US
base at Baquba": Nineveh, Hebron, Baquba). A country found on the trigger's own phrases yields to a
finer place there. A describing place is still returned when nothing better is found, so a
sentence with places always gets one: for the scorer's events_full a near miss is within 50 km
more often than no place is.

Measured with ``benchmarks/event_location.py`` (Halterman 2019 event-location sentences, tune and
held-out halves; figures and command in that file's docstring: all gold verbs 48.3% -> 51.6% on
tune, 48.3% -> 51.2% held out). On the dev gold, events_full went from 0.536 to 0.552 (136 -> 140
events) against the previous choice on the same tree (2026-11-22), measured with
``ceasefire extract ../shared/corpus/seeds/*.txt --out X -q`` and ``../shared/eval/score.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import Place
from .frames import governing_predicate

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from ..nlp.context import ArticleContext

# Prepositions that introduce the place of a trigger.
PLACE_PREPS = frozenset(
    {
        "in",
        "near",
        "around",
        "at",
        "outside",
        "inside",
        "across",
        "into",
        "on",
        "from",
        "throughout",
        "within",
        "towards",
        "toward",
        "over",
        "of",
        "to",
    }
)

# Prepositions whose object is an act going on with the event: its place is the event's
# ("killed during airstrikes on Raqqa province", "wounded amid clashes in Daraa"). Kept apart from
# PLACE_PREPS, which the coder also reads.
COINCIDENT_PREPS = frozenset({"during", "amid", "amidst"})

# Prepositions of a route or a position off a place, also kept apart from PLACE_PREPS: "marched
# through central Rome", "patrols along the border", "captured off Mogadishu".
ROUTE_PREPS = frozenset({"through", "along", "via", "off"})

# Adverbs whose prepositional phrase says where: "not far from X", "close to X", "near to X".
NEARNESS_ADVERBS = frozenset({"far", "close", "near", "nearby"})

# Direction words: a place after "north of", "30 km west of" is a reference point, not the site.
DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northward"}
)

# Place nouns whose "of" phrase names them ("the city of Hebron", "the Tijuana district of La Presa")
# rather than containing them ("the East Ghouta region of rural Damascus").
NAMED_BY_OF = frozenset(
    {
        "city",
        "town",
        "village",
        "hamlet",
        "district",
        "province",
        "governorate",
        "suburb",
        "neighborhood",
        "neighbourhood",
        "port",
        "municipality",
        "island",
        "state",
        "capital",
        "county",
    }
)

# Prepositions of origin: where a party or a projectile came from, not where the act took place
# ("entered Azaz from Turkey", "jets from the Hmeimim base bombed Idlib", "captured X from Jordan").
ORIGIN_PREPS = frozenset({"from"})

# Prepositions after a noun that locate the noun ("a base at Baquba", "the city of Hebron").
LOCATING_PREPS = frozenset({"in", "at", "near", "of", "outside", "inside", "on", "around"})

# Nouns that name a part or kind of place: a toponym qualifying them still names where things are
# ("the Idlib countryside", "the Aleppo front", "Tijuana district"). Any other noun a toponym
# qualifies is a thing or a party ("a US convoy", "the EU delegation", "the Mideast war").
PLACE_NOUNS = frozenset(
    {
        "area",
        "areas",
        "border",
        "borders",
        "camp",
        "camps",
        "capital",
        "city",
        "coast",
        "countryside",
        "county",
        "district",
        "districts",
        "enclave",
        "frontier",
        "front",
        "governorate",
        "highway",
        "island",
        "municipality",
        "neighborhood",
        "neighbourhood",
        "outskirts",
        "pocket",
        "port",
        "province",
        "region",
        "road",
        "suburb",
        "suburbs",
        "territory",
        "town",
        "valley",
        "village",
        "villages",
        "desert",
        "mountains",
        "plain",
        "plains",
        "quarter",
        "state",
        "strip",
        "zone",
    }
)

# Dependencies by which a word qualifies the noun it hangs on.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})

# Actor kinds that are never places: a toponym read as one of these is the actor ("bombed the
# Taliban"). Left out: persons (the tagger takes many Arabic town names for person names, "Khan
# Younis"), states, and governments (the actor stage reads every capital as its government; the
# places stage already drops a capital used as one, "Moscow said").
NON_PLACE_ACTORS = frozenset({"armed_group", "military", "igo", "ngo", "media", "police"})

# Participles that tie a party to its home ("the London-based bank", "Iran-backed", "US-led").
ORIGIN_PARTICIPLES = frozenset({"based", "born", "headquartered", "backed", "led", "funded", "run"})


# How many clauses up from the trigger's own to look for a locative phrase. Two covers a purpose
# clause on the main clause ("landed in Latakia to support X") and a "where" clause on a place
# ("Deir Ezzor, where it aims to lift the siege"). On the tune half (--limit 3000, 887 sentences
# with a location) climbing 0, 1 or 2 clauses scored 49.6-49.8% and 3 or 6 clauses 49.7% and
# 49.6%: higher clauses are seldom about the event; the single sentences rarely need a climb.
MAX_CLIMB = 2

# How many sentences back a sentence without a place looks for one: the one just before ("The
# airstrike hit a position in the Thardeh mountains. It killed 83 soldiers."). On the dev gold
# (it cannot be measured on the single-sentence benchmark) 1, 2 and 3 all gave events_full 140
# events and 0 gave 139; the nearest is kept, as further back the topic has often moved.
CARRY_BACK = 1


@dataclass(frozen=True)
class _Candidate:
    place: Place
    root: Token | None  # the token of the place's mention whose head lies outside it
    weak: bool  # describes something else (see the module docstring)


def event_place(tok: Token, sent: Span, ctx: ArticleContext) -> Place | None:
    """The place where the event whose trigger is ``tok`` (in ``sent``) happened, or None."""
    if not ctx.places:
        return None
    in_sent = ctx.places_in(sent.start_char, sent.end_char)
    if not in_sent:
        return _carried_over(sent, ctx) if same_scene(tok) else None
    chooser = _Chooser([_candidate(p, sent, ctx, in_sent) for p in in_sent])
    own = _anchors(tok)
    # what the subject's origin, apposition or relative clause says ("Lindh, from a family in Marin
    # County, was captured in Afghanistan") comes last in the sentence-wide search
    for a in own:
        for c in a.children:
            if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                chooser.demoted.extend(_asides(c))
    # "shot and killed X in Y": a verb coordinated with the trigger and sharing its subject
    found = chooser.around(own, _shared_subject_conjuncts(own[-1]))
    if found is not None:
        return found
    # the clauses the trigger's clause hangs on, nearest first ("the Russians disembarked troops in
    # Tartus to support volunteers dispatched to the region": Tartus), but not the frame of a report
    # ("said in Moscow that jets bombed X" does not place the bombing in Moscow)
    node = own[-1]
    for _ in range(MAX_CLIMB):
        if node.dep_ in ("ROOT", "ccomp") or node.head == node:
            break
        if node.dep_ == "relcl":
            # "Deir Ezzor, where it aims to lift the siege": the relative clause is about its noun
            named = next((c.place for c in chooser.cands if _mentions(c.place, node.head)), None)
            if named is not None:
                return named
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            found = chooser.around([node], [])
            if found is not None:
                return found
    # the first place of the sentence, what the parties' asides say last (on the tune half the
    # place nearest the trigger in the parse did worse: "marched through central Rome to protest
    # against a barrier across the West Bank")
    found = chooser.pick(sent.start_char, sent.end_char, skip_demoted=True)
    if found is not None:
        return found
    found = chooser.pick(sent.start_char, sent.end_char)
    if found is not None:
        return found
    return chooser.fallback or in_sent[0]


@dataclass
class _Chooser:
    """Picks the first place that does not merely describe something else in a stretch of text;
    remembers the first describing place met, for when nothing better turns up."""

    cands: list[_Candidate]
    fallback: Place | None = None
    demoted: list[tuple[int, int]] = field(default_factory=list)  # character ranges searched last
    excluded: list[tuple[int, int]] = field(default_factory=list)  # ranges the current search skips

    def pick(self, start: int, end: int, skip_demoted: bool = False) -> Place | None:
        skip = self.excluded + (self.demoted if skip_demoted else [])
        inside = [
            c
            for c in self.cands
            if start <= c.place.start <= c.place.end <= end  # type: ignore[operator]
            and not any(s <= c.place.start < e for s, e in skip)  # type: ignore[operator]
        ]
        strongs = [c.place for c in inside if not c.weak]
        # "killed in fighting in east Ukraine in the area of Lugansk": a country yields to a finer
        # place of the same phrase
        strong = next((p for p in strongs if not _country(p)), strongs[0] if strongs else None)
        if strong is None and inside and self.fallback is None:
            self.fallback = inside[0].place
        return strong

    def around(self, own: list[Token], shared: list[Token]) -> Place | None:
        """A place in the phrases of the trigger's predicates (``own``) or of verbs sharing their
        subject (``shared``): locative phrases after them and their objects, then locative phrases
        before them (the scene: "In Dagestan, police shot and killed two gunmen in Buinaksk"), then
        origin phrases. A country found on the trigger's own predicates yields to a finer place
        on them ("killed in Syria on Monday in the town of Manbij")."""
        groups: list[tuple[bool, list[Token]]] = []
        for is_own, anchors in ((True, own), (False, shared)):
            after, objects = _phrases(anchors, "after"), _phrases(anchors, "object")
            groups += [(is_own, after), (is_own, objects)]
        for kind in ("fronted", "origin"):
            groups += [(True, _phrases(own, kind)), (False, _phrases(shared, kind))]
        country: Place | None = None
        for is_own, group in groups:
            if country is not None and not is_own:
                continue
            for c in group:
                # what an object says on the side happened elsewhere ("captured Barghouti, accused
                # of bombings in Israel, ..."), and where it comes from is not where it was acted
                # on ("a militant from Aleppo was arrested")
                self.excluded = _asides(c) if c.dep_ in OBJECT_DEPS else []
                found = self.pick(c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
                self.demoted.extend(self.excluded)
                self.excluded = []
                if found is None:
                    continue
                if not (is_own and _country(found)):
                    return found
                country = country or found
        return country


OBJECT_DEPS = ("dobj", "nsubjpass", "npadvmod")


def _phrases(anchors: list[Token], kind: str) -> list[Token]:
    """The phrases of one kind on the predicates: locative phrases "after" them (and "not far
    from X"), their "object"s, locative phrases "fronted" before them, "origin" phrases."""
    out: list[Token] = []
    for a in anchors:
        for c in a.children:
            if c.dep_ == "prep" and (
                c.lower_ in PLACE_PREPS or c.lower_ in COINCIDENT_PREPS or c.lower_ in ROUTE_PREPS
            ):
                k = "origin" if c.lower_ in ORIGIN_PREPS else "fronted" if c.i < a.i else "after"
                if k == kind:
                    out.append(c)
            elif c.dep_ in OBJECT_DEPS and kind == "object":
                out.append(c)
            elif c.dep_ == "advmod" and c.lower_ in NEARNESS_ADVERBS and kind == "after":
                out.extend(p for p in c.children if p.dep_ == "prep")
    return out


def _country(place: Place) -> bool:
    """A country or wider (GeoNames PCL*, CONT), too coarse to place an event within 50 km."""
    f = place.feature or ""
    return f.startswith("PCL") or f == "CONT"


def _mentions(place: Place, tok: Token) -> bool:
    return place.start <= tok.idx < place.end  # type: ignore[operator]


# Words that refer back to what the text was about: a subject made of one of them, or led by one,
# continues the scene ("It killed 83 soldiers", "The strike killed ...", "Its fighters ...").
BACK_REFERENCES = frozenset(
    {"it", "they", "he", "she", "we", "this", "that", "these", "those", "the", "its", "their", "his", "her"}
)
# Entity labels of a named party: a subject naming one opens a statement or a scene of its own.
NAMED_PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def same_scene(tok: Token) -> bool:
    """Whether the event of ``tok``, in a sentence that names no place, stays in the scene of the
    sentence before: its subject refers back (a pronoun, or a noun phrase led by "the", "this",
    "its" ... that names no party: "The strike killed 12", "It killed 83 soldiers") or has no
    name in it ("Two civilians were killed"), or the sentence says "there". A subject that names
    a party ("Pompeo said", "The Syrian army denied") starts a scene of its own, and so does a
    sentence whose event has no subject to tie it back."""
    sent = tok.sent
    if any(t.lower_ == "there" and t.dep_ == "advmod" for t in sent):
        return True
    subj = None
    for a in _anchors(tok):
        for head in (a, a.head):
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                break
        if subj is not None:
            break
    if subj is None:
        return False
    words = list(subj.subtree)
    if any(t.ent_type_ in NAMED_PARTY_LABELS or t.pos_ == "PROPN" for t in words):
        return False
    return subj.lower_ in BACK_REFERENCES or words[0].lower_ in BACK_REFERENCES or subj.pos_ == "NOUN"


def _carried_over(sent: Span, ctx: ArticleContext) -> Place | None:
    """A sentence naming no place goes on where the sentence before it was ("The airstrike hit a
    position in the Thardeh mountains. It killed 83 soldiers."): the place of that sentence's main
    clause, looking back at most CARRY_BACK sentences."""
    prev = sent
    for _ in range(CARRY_BACK):
        if prev.start == 0:
            return None
        prev = prev.doc[prev.start - 1].sent
        if ctx.places_in(prev.start_char, prev.end_char):
            return event_place(prev.root, prev, ctx)
    return None


def _anchors(tok: Token) -> list[Token]:
    """The trigger and the predicate governing a nominal trigger."""
    anchors = [tok]
    if tok.pos_ != "VERB":
        gov = governing_predicate(tok)
        if gov != tok:
            anchors.append(gov)
    return anchors


def _shared_subject_conjuncts(head: Token) -> list[Token]:
    """Verbs coordinated with ``head`` that have no subject of their own ("shot and killed")."""
    if head.pos_ not in ("VERB", "AUX"):
        return []
    return [
        c
        for c in head.conjuncts
        if c.pos_ == "VERB" and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)
    ]


def _asides(np: Token) -> list[tuple[int, int]]:
    """Character ranges of what a noun phrase says on the side about its noun: where it comes from,
    an apposition, a relative clause, a participle set off by a comma."""
    out = []
    for d in np.subtree:
        if (
            d.dep_ == "appos"
            or (d.dep_ == "prep" and d.lower_ in ORIGIN_PREPS)
            # a relative or participle clause set off by a comma; a restrictive one ("teachers who
            # had come to teach in Deir ez-Zor") picks out whom it is about, often by the place
            or (d.dep_ in ("acl", "relcl") and d.left_edge.i > 0 and d.doc[d.left_edge.i - 1].text == ",")
            or (d.dep_ == "prep" and d.lower_ == "of" and d.head.ent_type_ == "PERSON")  # "X, 28, of Y"
        ):
            out.append((d.left_edge.idx, d.right_edge.idx + len(d.right_edge)))
    return out


def _candidate(place: Place, sent: Span, ctx: ArticleContext, others: list[Place]) -> _Candidate:
    root = _root_token(place, sent)
    weak = root is not None and (
        _in_actor_name(place, ctx)
        or _qualifies_thing(root, others)
        or _is_origin(root, others)
        or _outranked(root, place, others)
        or _reference_point(root)
    )
    return _Candidate(place, root, weak)


def _root_token(place: Place, sent: Span) -> Token | None:
    toks = [t for t in sent if place.start <= t.idx < place.end]  # type: ignore[operator]
    for t in toks:
        if t.head not in toks or t.head == t:
            return t
    return toks[0] if toks else None


def _in_actor_name(place: Place, ctx: ArticleContext) -> bool:
    """The place is part of a longer actor mention ("the African Union Mission in Somalia"), or the
    mention is an actor that is not a state ("bombed the Taliban", "imposed a truce on Damascus")."""
    a = ctx.actor_at(place.start, place.end)  # type: ignore[arg-type]
    if a is None or a.start is None or a.end is None:
        return False
    if not (a.start <= place.start and place.end <= a.end):  # type: ignore[operator]
        return False
    return (a.end - a.start) > (place.end - place.start) or a.kind in NON_PLACE_ACTORS  # type: ignore[operator]


def _place_at(tok: Token, places: list[Place]) -> Place | None:
    return next((p for p in places if p.start <= tok.idx < p.end), None)  # type: ignore[operator]


def _qualifies_thing(root: Token, places: list[Place]) -> bool:
    """A toponym qualifying a noun that is neither a place nor a place word: "a US convoy"."""
    if root.dep_ not in MODIFIER_DEPS:
        return False
    head = root.head
    if head.pos_ not in ("NOUN", "PROPN") or _place_at(head, places) is not None:
        return False
    return head.lower_ not in PLACE_NOUNS


def _is_origin(root: Token, places: list[Place]) -> bool:
    """Where a party comes from: "a settler from Hebron", "X, 28, of Tsurif", "London-based"."""
    head = root.head
    if root.dep_ == "npadvmod" and head.lower_ in ORIGIN_PARTICIPLES:
        return True
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("from", "of"):
        host = head.head
        # a person or party named by a proper noun, or a noun that names people
        if host.ent_type_ in ("PERSON", "NORP") or (host.pos_ == "PROPN" and host.ent_type_ in ("", "ORG")):
            return _place_at(host, places) is None
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lower_ in ORIGIN_PARTICIPLES:
        return True  # "based in London"
    return False


def _reference_point(root: Token) -> bool:
    """A place given as a bearing at a distance: "30 km west of Baghdad"."""
    head = root.head
    if not (root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in DIRECTIONS):
        return False
    # "southwest of Aleppo" is about Aleppo; "110 km west of Santiago" is not
    return any(t.like_num for t in head.head.subtree if t.i < head.head.i)


def _outranked(root: Token, place: Place, places: list[Place]) -> bool:
    """A wider place that a more specific one locates: "Iraq's Nineveh province", "the West Bank
    city of Hebron", "a US base at Baquba", "Baghdad's Sadr City"."""
    if root.dep_ not in MODIFIER_DEPS:
        return False
    head = root.head
    for _ in range(3):  # "the West Bank's northern city of": climb modifiers of modifiers
        if head.dep_ in MODIFIER_DEPS and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        else:
            break
    other = _place_at(head, places)
    if other is not None and other is not place:
        return _rank(other) >= _rank(place)
    for c in head.children:
        # "Baghdad's Dora district", "South Africa's KwaZulu-Natal province": of two places on
        # one noun, the nearer one names it
        if c.i > root.i and c.dep_ in MODIFIER_DEPS:
            sib = _place_at(c, places)
            if sib is not None and sib is not place and _rank(sib) >= _rank(place):
                return True
        if c.dep_ == "appos" and _names_place(c, place, places):
            return True
        # "the city of Hebron" names the city; "the Ghouta region of Damascus", "the Idlib
        # countryside in Syria" put a place noun inside a wider place; "a US base at Baquba",
        # "a post in Benghazi" locate a thing
        if c.dep_ != "prep" or c.lower_ not in LOCATING_PREPS:
            continue
        if head.lower_ in PLACE_NOUNS and not (c.lower_ == "of" and head.lower_ in NAMED_BY_OF):
            continue
        if any(_names_place(p, place, places) for p in c.children if p.dep_ == "pobj"):
            return True
    return False


def _names_place(tok: Token, place: Place, places: list[Place]) -> bool:
    """A place no coarser than ``place`` lies in the phrase of ``tok``."""
    start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
    return any(
        p is not place and start <= p.start and p.end <= end and _rank(p) >= _rank(place)  # type: ignore[operator]
        for p in places
    )


# How fine a GeoNames feature class is: continents and countries, first-order regions, lower
# divisions, capitals and seats, then towns, villages and sites (unknown counts as the finest: a
# name the gazetteer could not class is usually a small place). "the Damascus suburb of Douma" and
# "the Deir al-Asafir suburb of Damascus" are told apart by it.
_RANKS = (("CONT", 0), ("PCL", 1), ("ADM1", 2), ("RGN", 2), ("ADM", 3), ("PPLC", 4), ("PPLA", 4))


def _rank(place: Place) -> int:
    f = place.feature or ""
    return next((r for prefix, r in _RANKS if f.startswith(prefix)), 5)
