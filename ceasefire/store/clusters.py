"""Event clusters in the store: each new event linked at ingest, counts and conflicts kept.

Mixed into :class:`ceasefire.store.base.Store` with :class:`.copies.CopiesMixin`
(independent sources are counted over groups of copies). The scoring is
:mod:`ceasefire.linking.coref`; this module is its storage: blocking by an
indexed range lookup, clusters with stable ids, merges recorded, and the
changes since a time for a downstream copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from ..linking.coref import LINK_SCORE, Mention, block_range, score

_MENTION_COLS = (
    "e.id, e.article_id, e.ord, e.type, e.source_id, e.target_id, e.claimant_id, e.source_country, "
    "e.target_country, e.loc_lat, e.loc_lon, e.loc_country, e.loc_admin1, e.loc_feature, e.status, "
    "e.date, e.date_start, e.date_end"
)
_N_MENTION = 18


def _now_us() -> str:
    """UTC now to the microsecond: --changed-since compares these."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def cluster_id_of(m: Mention) -> str:
    """A cluster's id: from its first report's own id, so the same ingest gives the same ids."""
    return "C" + hashlib.blake2b(m.key.encode(), digest_size=8).hexdigest()


class ClustersMixin:
    _execute: Any
    _executemany: Any
    _all: Any
    _transaction: Any
    copy_groups: Any

    # -- linking -------------------------------------------------------------------

    def _link_events(self, article_id: str) -> set[str]:
        """Link the events of one just-stored article; return the clusters they touched."""
        rows = self._all(
            f"SELECT {_MENTION_COLS} FROM events e WHERE e.article_id = ? ORDER BY e.ord", (article_id,)
        )
        touched: set[str] = set()
        created: set[str] = set()
        for r in rows:
            m = Mention(*r)
            why = m.unlinkable()
            if why is not None:
                self._execute(
                    "INSERT INTO event_links (event_id, unlinkable) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    (m.event_id, why),
                )
                continue
            cid, s = self._place_mention(m, created)
            touched.add(cid)
            w = m.window() or (0, 0)
            self._execute(
                "INSERT INTO event_links (event_id, cluster_id, country, family, day_start, day_end, score) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (m.event_id, cid, m.country, m.family, w[0], w[1], s),
            )
        for cid in sorted(touched):
            self._refresh_cluster(cid, new=cid in created)
        return touched

    def _place_mention(self, m: Mention, created: set[str]) -> tuple[str, float | None]:
        """The cluster ``m`` joins (merging those it bridges), or a new one; and its score."""
        lo, hi = block_range(m)
        cands = self._all(
            f"SELECT {_MENTION_COLS}, l.cluster_id FROM event_links l JOIN events e ON e.id = l.event_id "
            "WHERE l.country = ? AND l.family = ? AND l.day_start BETWEEN ? AND ? AND l.cluster_id IS NOT NULL",
            (m.country, m.family, lo, hi),
        )
        scores: dict[str, list[float]] = defaultdict(list)
        first: dict[str, int] = {}
        for r in cands:
            other = Mention(*r[:_N_MENTION])
            cid = r[_N_MENTION]
            scores[cid].append(score(m, other))
            first[cid] = min(first.get(cid, other.event_id), other.event_id)
        # average link over the cluster's reports of these days: one close report is not enough
        # to pull in a cluster whose other reports disagree
        matched = {c: sum(v) / len(v) for c, v in scores.items() if sum(v) / len(v) >= LINK_SCORE}
        if not matched:
            cid = cluster_id_of(m)
            now = _now_us()
            self._execute(
                "INSERT INTO event_clusters (cluster_id, type, num_mentions, num_sources, num_independent_sources, "
                "created_at, updated_at) VALUES (?, ?, 0, 0, 0, ?, ?)",
                (cid, m.type, now, now),
            )
            self._history(cid, "created", [], now)
            created.add(cid)
            return cid, None
        if len(matched) > 1 and (m.is_area() or (m.source_id is None and m.target_id is None)):
            # a vague report (a region, no actors) joins the closest cluster; it is no evidence
            # that two clusters it fits loosely are one event
            best = max(matched, key=lambda c: (matched[c], -first[c]))
            matched = {best: matched[best]}
        survivor = min(matched, key=lambda c: (first[c], c))  # the oldest keeps its id
        others = sorted(set(matched) - {survivor})
        if others:
            now = _now_us()
            marks = ", ".join("?" for _ in others)
            self._execute(
                f"UPDATE event_links SET cluster_id = ? WHERE cluster_id IN ({marks})", [survivor, *others]
            )
            self._execute(f"DELETE FROM event_clusters WHERE cluster_id IN ({marks})", others)
            for o in others:
                self._history(o, "merged", [survivor], now)
                created.discard(o)
            self._history(survivor, "modified", others, now)
        return survivor, round(matched[survivor], 4)

    def _history(self, cid: str, change: str, replaced: list[str], at: str) -> None:
        self._execute(
            "INSERT INTO event_cluster_history (cluster_id, change, replaced, at) VALUES (?, ?, ?, ?)",
            (cid, change, json.dumps(replaced), at),
        )

    def _refresh_cluster(self, cid: str, *, new: bool = False) -> None:
        """Recompute a cluster's canonical event, source counts and conflicts from its reports;
        delete it when it has none left."""
        rows = self._all(
            f"SELECT {_MENTION_COLS}, a.publisher, e.fatalities, e.source_name, e.claimant_name, e.loc_name "
            "FROM event_links l JOIN events e ON e.id = l.event_id JOIN articles a ON a.article_id = e.article_id "
            "WHERE l.cluster_id = ? ORDER BY e.id",
            (cid,),
        )
        now = _now_us()
        if not rows:
            self._execute("DELETE FROM event_clusters WHERE cluster_id = ?", (cid,))
            self._history(cid, "deleted", [], now)
            return
        ms = [Mention(*r[:_N_MENTION]) for r in rows]
        extra = {m.event_id: r[_N_MENTION:] for m, r in zip(ms, rows, strict=True)}
        canon = max(
            ms,
            key=lambda m: (
                (m.window() or (0, 9))[1] - (m.window() or (0, 9))[0] == 0,
                not m.is_area(),
                m.source_id is not None,
                m.target_id is not None,
                -m.event_id,
            ),
        )
        arts = sorted({m.article_id for m in ms})
        independent = self._independent(arts, {m.article_id: extra[m.event_id][0] for m in ms})
        starts = [w[0] for w in (m.window() for m in ms) if w]
        ends = [w[1] for w in (m.window() for m in ms) if w]
        lo, hi = max(starts), min(ends)
        if lo > hi:  # the reports' windows do not all overlap: the canonical one's
            lo, hi = canon.window() or (lo, lo)
        conflicts = self._conflicts(ms, extra)
        self._execute(
            "UPDATE event_clusters SET canonical_event = ?, type = ?, date_start = ?, date_end = ?, country = ?, "
            "place = ?, num_mentions = ?, num_sources = ?, num_independent_sources = ?, conflicts = ?, updated_at = ? "
            "WHERE cluster_id = ?",
            (
                canon.event_id,
                canon.type,
                dt.date.fromordinal(lo).isoformat(),
                dt.date.fromordinal(hi).isoformat(),
                canon.country,
                extra[canon.event_id][4],
                len(ms),
                len(arts),
                independent,
                json.dumps(conflicts, ensure_ascii=False, sort_keys=True),
                now,
                cid,
            ),
        )
        if not new:
            self._history(cid, "modified", [], now)

    def _independent(self, article_ids: list[str], publisher: dict[str, str | None]) -> int:
        """Independent sources among articles: copies of one text are one source, and so
        are two articles of one outlet."""
        root = self.copy_groups(article_ids)
        parent = {a: a for a in article_ids}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_key: dict[str, str] = {}
        for a in article_ids:
            for k in (
                f"copy:{root[a]}",
                f"outlet:{(publisher.get(a) or '').casefold()}" if publisher.get(a) else None,
            ):
                if k is None:
                    continue
                if k in by_key:
                    parent[find(a)] = find(by_key[k])
                else:
                    by_key[k] = a
        return len({find(a) for a in article_ids})

    @staticmethod
    def _conflicts(ms: list[Mention], extra: dict[int, tuple[Any, ...]]) -> dict[str, list[dict[str, Any]]]:
        """The values the reports disagree on (deaths, accused, date), each with who says it
        (claimant) and where (article, outlet); a field all reports agree on is left out.
        Each claim is listed apart: figures are never added up or averaged."""
        fields: dict[str, list[dict[str, Any]]] = {"fatalities": [], "accused": [], "date": []}
        for m in ms:
            publisher, fatalities, source_name, claimant_name, _ = extra[m.event_id]
            where = {
                "event_id": m.event_id,
                "article_id": m.article_id,
                "outlet": publisher,
                "claimant": m.claimant_id,
                "claimant_name": claimant_name,
            }
            if fatalities is not None:
                fields["fatalities"].append({"value": fatalities, **where})
            if m.source_id is not None:
                fields["accused"].append({"value": m.source_id, "name": source_name, **where})
            if m.date:
                fields["date"].append({"value": m.date, **where})
        return {k: v for k, v in fields.items() if len({x["value"] for x in v}) > 1}

    def link_unlinked_events(self) -> int:
        """Link the events stored before clusters were kept (older stores), article by
        article in ingest order; return how many articles were done."""
        done = 0
        while True:
            with self._transaction():
                arts = [
                    r[0]
                    for r in self._all(
                        "SELECT a.article_id FROM articles a WHERE EXISTS (SELECT 1 FROM events e "
                        "LEFT JOIN event_links l ON l.event_id = e.id WHERE e.article_id = a.article_id "
                        "AND l.event_id IS NULL) ORDER BY a.id LIMIT 100"
                    )
                ]
                for aid in arts:
                    self._link_events(aid)
            done += len(arts)
            if len(arts) < 100:
                return done

    def _clusters_of_document(self, doc_id: str) -> list[str]:
        return [
            r[0]
            for r in self._all(
                "SELECT DISTINCT l.cluster_id FROM event_links l JOIN events e ON e.id = l.event_id "
                "JOIN articles a ON a.article_id = e.article_id WHERE a.doc_id = ? AND l.cluster_id IS NOT NULL",
                (doc_id,),
            )
        ]

    def _refresh_clusters(self, cids: Iterable[str]) -> None:
        for cid in sorted(set(cids)):
            self._refresh_cluster(cid)

    # -- reading -------------------------------------------------------------------

    _CLUSTER_COLS = (
        "cluster_id, canonical_event, type, date_start, date_end, country, place, num_mentions, "
        "num_sources, num_independent_sources, conflicts, created_at, updated_at"
    )

    def _cluster_dict(self, r: tuple[Any, ...]) -> dict[str, Any]:
        d = dict(zip([c.strip() for c in self._CLUSTER_COLS.split(",")], r, strict=True))
        d["conflicts"] = json.loads(d["conflicts"])
        return d

    def get_cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """One cluster with its reports (event id, article, outlet, claimant, score)."""
        rows = self._all(
            f"SELECT {self._CLUSTER_COLS} FROM event_clusters WHERE cluster_id = ?", (cluster_id,)
        )
        if not rows:
            return None
        c = self._cluster_dict(rows[0])
        c["mentions"] = [
            dict(
                zip(
                    ("event_id", "article_id", "outlet", "published", "title", "claimant", "score"),
                    r,
                    strict=True,
                )
            )
            for r in self._all(
                "SELECT e.id, e.article_id, a.publisher, a.published, a.title, e.claimant_id, l.score "
                "FROM event_links l JOIN events e ON e.id = l.event_id JOIN articles a ON a.article_id = e.article_id "
                "WHERE l.cluster_id = ? ORDER BY e.id",
                (cluster_id,),
            )
        ]
        return c

    def cluster_of_event(self, event_id: int) -> str | None:
        rows = self._all("SELECT cluster_id, unlinkable FROM event_links WHERE event_id = ?", (event_id,))
        return rows[0][0] if rows else None

    def link_counts(self) -> dict[str, int]:
        """Events linked, and unlinkable by reason; and the clusters."""
        out = {"clusters": int(self._all("SELECT count(*) FROM event_clusters")[0][0])}
        for why, n in self._all(
            "SELECT coalesce(unlinkable, 'linked'), count(*) FROM event_links GROUP BY coalesce(unlinkable, 'linked')"
        ):
            out[why if why == "linked" else f"unlinkable: {why}"] = int(n)
        return out

    def cluster_changes(self, since: str) -> dict[str, list[Any]]:
        """Clusters new, modified and deleted (merged into another or left with no report)
        after ``since`` (ISO 8601 UTC), for a downstream copy to stay in sync."""
        new = [
            self._cluster_dict(r)
            for r in self._all(
                f"SELECT {self._CLUSTER_COLS} FROM event_clusters WHERE created_at > ? ORDER BY created_at, cluster_id",
                (since,),
            )
        ]
        modified = [
            self._cluster_dict(r)
            for r in self._all(
                f"SELECT {self._CLUSTER_COLS} FROM event_clusters WHERE created_at <= ? AND updated_at > ? "
                "ORDER BY updated_at, cluster_id",
                (since, since),
            )
        ]
        deleted = [
            {"cluster_id": c, "change": ch, "replaced_by": json.loads(rep), "at": at}
            for c, ch, rep, at in self._all(
                "SELECT cluster_id, change, replaced, at FROM event_cluster_history WHERE at > ? "
                "AND change IN ('merged', 'deleted') ORDER BY at, id",
                (since,),
            )
        ]
        return {"new": new, "modified": modified, "deleted": deleted}
