"""Third-person pronouns back (or ahead) to their actor: agreement, sex, number, subjects."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .base import FinderBase, Mention
from .lexicon import PLACE_PREPOSITIONS, PRONOUN_WINDOW, SETTLEMENT_NOUNS, WE_PRONOUNS, _given_names
from .normalize import key_of, words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


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

REFLEXIVES = {"themselves", "itself", "himself", "herself"}

GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}

IT_PRONOUNS = {"it", "its", "itself"}

EXPLETIVE_HEADS = {"be", "seem", "appear", "take", "remain", "become", "happen", "matter", "mean", "make"}

# Nouns for what is done to someone ("its eradication", "their expulsion"): the possessor is
# the one it is done to, so never the subject who does or demands it.  Nouns an actor can
# also suffer as its own subject ("suffered its defeat", "announced their withdrawal") are left out.
PATIENT_NOUNS = set(
    "eradication destruction elimination annihilation extermination liquidation dismantling "
    "dismantlement disbandment disarmament expulsion removal overthrow ouster punishment "
    "prosecution arrest capture extradition deportation isolation".split()
)

# The kinds of actor that are one state's arms: a pronoun that is not one of them is none of them.
STATE_ARMS = ("state", "government", "military", "police")


def _is_plural(text: str) -> bool:
    ws = words(text)
    if not ws:
        return False
    last = ws[-1]
    return last.shape != "A" and last.key.endswith("s") and not last.key.endswith("ss") and len(last.key) > 3


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


class PronounPasses(FinderBase):
    """Third-person pronouns back (or ahead) to their actor: agreement, sex, number, subjects."""

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
