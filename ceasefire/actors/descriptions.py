"""Definite descriptions: "the Washington Post columnist" for a person named before, "the kingdom", ministries named without their country."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import FinderBase, Mention
from .dictionary import Actor
from .lexicon import _adjacent, joinable_run

if TYPE_CHECKING:  # pragma: no cover
    pass

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

# "the kingdom" etc. point back to the last state whose formal name has that word.
STATE_NOUNS = {
    "kingdom": "kingdom",
    "republic": "republic",
    "sultanate": "sultanate",
    "emirate": "emirates",
    "islamic republic": "islamic republic",
    "jewish state": "israel",
}

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


class DescriptionPasses(FinderBase):
    """Definite descriptions: "the Washington Post columnist" for a person named before, "the kingdom", ministries named without their country."""

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
