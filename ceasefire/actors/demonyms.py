"""Demonyms before a noun ("Burundian militiamen"), hyphenated pairs ("US-Russian") and coordinated countries ("Syrian and Russian military")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import FinderBase, Mention
from .dictionary import Actor
from .lexicon import KURDISH_BY_THEATRE, joinable_run
from .normalize import Word, key_of

if TYPE_CHECKING:  # pragma: no cover
    pass

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


class DemonymPasses(FinderBase):
    """Demonyms before a noun ("Burundian militiamen"), hyphenated pairs ("US-Russian") and coordinated countries ("Syrian and Russian military")."""

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
