"""First-person pronouns in quotations to the speaker or the speaker's side; "our partners"."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .base import FinderBase, Mention
from .dictionary import Actor
from .lexicon import PARTNER_WINDOW, PRONOUN_WINDOW, WE_PRONOUNS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


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

I_PRONOUNS = {"i", "me", "my", "mine", "myself"}

# A quotation that lost its paragraph-opening marks runs on over at most this many paragraphs
# to an unmatched closing mark; the dev seed quotes Lavrov over four such paragraphs.
RUN_ON_PARAGRAPHS = 6

# Speakers whose "we" is themselves ("“We will respond,” the ministry said").
SPEAKING_BODIES = {"state", "government", "military", "police", "armed_group", "igo", "ngo", "media"}

# "our partners", "my counterpart" in a quotation: the other side of the talks, not the speaker's.
PARTNER_NOUNS = {"partner", "counterpart", "interlocutor"}


class SpeakerPasses(FinderBase):
    """First-person pronouns in quotations to the speaker or the speaker's side; "our partners"."""

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
