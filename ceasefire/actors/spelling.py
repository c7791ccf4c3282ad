"""Names by their form: near-miss spellings of dictionary names, acronyms in brackets, surnames of persons named in full."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .base import FinderBase, Mention
from .lexicon import FUZZY_MIN_CHARS, _osa, fuzzy_lookup
from .normalize import key_of

if TYPE_CHECKING:  # pragma: no cover
    pass

# "Full Name (ACRONYM)"
ACRONYM_RE = re.compile(r"\s*\(([A-Z][A-Za-z]{0,2}[A-Z][A-Za-z-]{0,6})\)")


class SpellingPasses(FinderBase):
    """Names by their form: near-miss spellings of dictionary names, acronyms in brackets, surnames of persons named in full."""

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
