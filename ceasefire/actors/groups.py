"""Group nouns ("the group", "those fighters"), pairs ("both ministers") and generic collectives ("rebels", "militants")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import FinderBase, Mention
from .dictionary import Actor
from .lexicon import (
    GENERIC,
    KURDISH_BY_THEATRE,
    MILITANT_WORDS,
    PARTNER_WINDOW,
    PRONOUN_WINDOW,
    THE_GENERIC,
    _adjacent,
    joinable_run,
)
from .normalize import Word, words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


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


class GroupPasses(FinderBase):
    """Group nouns ("the group", "those fighters"), pairs ("both ministers") and generic collectives ("rebels", "militants")."""

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
