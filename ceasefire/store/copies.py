"""Near-duplicate articles in the store: LSH band keys at ingest, the copy links, the groups.

Mixed into :class:`ceasefire.store.base.Store`; the method names its SQL needs
(``_execute``, ``_all``, ``_transaction``) are the store's own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from ..linking import neardup

# Articles re-keyed per transaction when an older store is brought up to date.
BACKFILL_BATCH = 200
# Ids per IN (...) list.
_CHUNK = 500


@dataclass(frozen=True)
class CopyRow:
    """One stored article that is a near-duplicate of another."""

    article_id: str
    publisher: str | None
    title: str | None
    published: str | None
    url: str | None
    jaccard: float
    containment: float


class CopiesMixin:
    _execute: Any
    _executemany: Any
    _all: Any
    _transaction: Any

    def _link_copies(self, article_id: str, text: str) -> int:
        """Key one just-stored article and link it to the stored articles it copies
        or that copy it; return how many links were made. Runs in the caller's transaction."""
        sh = neardup.shingles(text)
        keys = neardup.band_keys(sh)
        found = 0
        if keys:
            cond = " OR ".join("(band = ? AND bucket = ?)" for _ in keys)
            params = [x for k in keys for x in k]
            cands = sorted(
                {r[0] for r in self._all(f"SELECT article_id FROM article_bands WHERE {cond}", params)}
                - {article_id}
            )
            for i in range(0, len(cands), _CHUNK):
                chunk = cands[i : i + _CHUNK]
                rows = self._all(
                    f"SELECT article_id, text FROM articles WHERE article_id IN ({', '.join('?' for _ in chunk)})",
                    chunk,
                )
                links = []
                for other_id, other_text in rows:
                    s = neardup.is_copy(sh, neardup.shingles(other_text))
                    if s is not None:
                        links.append((other_id, article_id, round(s.jaccard, 4), round(s.containment, 4)))
                if links:
                    self._executemany(
                        "INSERT INTO article_copies (a_id, b_id, jaccard, containment) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT DO NOTHING",
                        links,
                    )
                    found += len(links)
            self._executemany(
                "INSERT INTO article_bands (article_id, band, bucket) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(article_id, b, k) for b, k in keys],
            )
        self._execute(
            "INSERT INTO article_shingled (article_id, n_shingles) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (article_id, len(sh)),
        )
        return found

    def link_unlinked_articles(self) -> int:
        """Key and link the articles stored before near-duplicates were kept (in ingest
        order, as if ingested again); return how many were done. A store that is up to
        date is left alone, so running this twice changes nothing."""
        done = 0
        while True:
            with self._transaction():
                rows = self._all(
                    "SELECT a.article_id, a.text FROM articles a LEFT JOIN article_shingled s "
                    "ON s.article_id = a.article_id WHERE s.article_id IS NULL ORDER BY a.id LIMIT ?",
                    (BACKFILL_BATCH,),
                )
                for aid, text in rows:
                    self._link_copies(aid, text)
            done += len(rows)
            if len(rows) < BACKFILL_BATCH:
                return done

    def copies_of(self, article_id: str) -> list[CopyRow]:
        """The stored articles that are near-duplicates of ``article_id``, most similar first."""
        rows = self._all(
            "SELECT a.article_id, a.publisher, a.title, a.published, a.url, c.jaccard, c.containment "
            "FROM article_copies c JOIN articles a "
            "ON a.article_id = CASE WHEN c.a_id = ? THEN c.b_id ELSE c.a_id END "
            "WHERE c.a_id = ? OR c.b_id = ? ORDER BY c.jaccard DESC, a.id",
            (article_id, article_id, article_id),
        )
        return [CopyRow(*r) for r in rows]

    def copy_groups(self, article_ids: Collection[str]) -> dict[str, str]:
        """Each of ``article_ids`` mapped to the first-stored article of its group of copies
        (the articles joined to it by a chain of copy links); two reports with the same
        group are one source, not two independent ones."""
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        frontier = set(article_ids)
        seen: set[str] = set()
        while frontier:
            seen |= frontier
            nxt: set[str] = set()
            ids = sorted(frontier)
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i : i + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                for a, b in self._all(
                    f"SELECT a_id, b_id FROM article_copies WHERE a_id IN ({marks}) OR b_id IN ({marks})",
                    [*chunk, *chunk],
                ):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb, key=self._order_key)] = min(ra, rb, key=self._order_key)
                    nxt |= {a, b}
            frontier = nxt - seen
        return {a: find(a) for a in article_ids}

    def _order_key(self, article_id: str) -> tuple[int, str]:
        row = self._all("SELECT id FROM articles WHERE article_id = ?", (article_id,))
        return (int(row[0][0]) if row else 1 << 62, article_id)

    def independent_sources(self, article_ids: Iterable[str]) -> int:
        """How many independent sources ``article_ids`` are: their distinct groups of copies."""
        ids = set(article_ids)
        return len(set(self.copy_groups(ids).values())) if ids else 0
