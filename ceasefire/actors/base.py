"""The mention record and the finder's bookkeeping (coverage of the text, lookups) that every pass uses."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import ActorRef
from .dictionary import Actor, ActorDictionary
from .normalize import words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from ..nlp.context import ArticleContext

# A wire dateline opening a paragraph: "TRIPOLI, April 8 -", "MOSUL, Iraq, June 29 (Reuters) -",
# "SANAA, Jan 21, 2019". The place names where the report was filed, not an actor.
DATELINE_RE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’ -]{2,40}(?:, [A-Z][A-Za-z.'’ -]{1,30}){0,2}),?[ \t]+"
    r"(?:\(?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b|\([A-Z][A-Za-z ]+\)|[-–—])",
    re.MULTILINE,
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


class FinderBase:
    """State shared by the passes: the text, its words, the mentions found and what they cover."""

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
