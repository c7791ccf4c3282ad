"""Role mentions ("the Syrian President", "Russia's foreign minister"), descriptions ("the kingdom"), ministries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import FinderBase, Mention
from .dictionary import Actor
from .lexicon import TITLE_INDEX, _adjacent
from .normalize import Word

if TYPE_CHECKING:  # pragma: no cover
    pass

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


def _title_at(ws: list[Word], i: int) -> tuple[int, str] | None:
    for n in range(min(TITLE_MAX, len(ws) - i), 0, -1):
        k = tuple(w.key for w in ws[i : i + n])
        if k in TITLE_INDEX:
            return i + n, TITLE_INDEX[k]
    return None


class RolePasses(FinderBase):
    """Role mentions ("the Syrian President", "Russia's foreign minister"), descriptions ("the kingdom"), ministries."""

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
