"""The ledger of one agreement: its alleged violations, each side's claims kept apart.

Events are read through the query layer (``Store.iter_events`` with an :class:`EventQuery`
for the period and the types), so the ledger sees what ``ceasefire events`` shows for the same
filter. Reports of one act (same accused side, type, place, overlapping dates) are grouped into
one violation; the claims inside it stay separate, each with its claimant, its side and its
casualty figures, which are listed, never averaged.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..agreements import Agreement
from ..query import EventQuery
from .judge import (
    OBSERVATION,
    OUTSIDE,
    POSSIBLY,
    WITHIN,
    Sides,
    in_area,
    in_period,
    period,
    place_key,
    prohibited,
    window,
)

ANSWERS = ("REJECT", "ACCUSE")
# An event whose date window is longer than a month is not placed on the ledger's days: it is
# counted as too coarsely dated (a month, "February", is 28 to 31 days and stays: possibly within).
MAX_WINDOW_DAYS = 31
NEAR_CHARS = 600  # a denial or counter-accusation in the same article: within about four sentences


@dataclass
class Claim:
    """One report of a violation: an event of one article, with who says so."""

    event_id: int
    article_id: str
    claimant: str | None  # name; None: the outlet itself
    reporting_side: str
    kind: str  # claim by a party / observation by a monitor / statement by a guarantor / press
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    sentence: str
    date_start: str | None
    date_end: str | None
    casualties: list[dict[str, Any]] = field(default_factory=list)
    party_side: str | None = None  # the side the claimant is on, if any (a party's monitor too)
    start: int = 0  # offset of the event in its article


@dataclass
class Answer:
    """A denial (REJECT) or counter-accusation (ACCUSE) by the accused's side."""

    event_id: int
    kind: str  # "denial" / "counter-accusation"
    by: str
    against: str | None
    sentence: str
    outlet: str | None


@dataclass
class Violation:
    id: str
    agreement: str
    type: str
    mode: str | None
    accused: str | None
    accused_id: str | None
    accused_side: str | None
    target: str | None
    target_id: str | None
    place: str | None
    admin1: str | None
    country: str | None
    date_start: str | None
    date_end: str | None
    within: str  # within / possibly within
    why_possibly: list[str]
    claims: list[Claim]
    denials: list[Answer] = field(default_factory=list)
    counter_accusations: list[Answer] = field(default_factory=list)
    sources: int = 0
    independent_sources: int = 0
    status: str = "alleged"
    rejected_by: str | None = None
    clusters: list[str] = field(default_factory=list)  # the event clusters its reports are linked to

    @property
    def reporting_sides(self) -> list[str]:
        return sorted({c.reporting_side for c in self.claims})

    def figures(self) -> list[dict[str, Any]]:
        """Every casualty figure with its source: never added up or averaged across claims."""
        return [
            {
                "kind": c["kind"],
                "low": c.get("low"),
                "best": c.get("best"),
                "high": c.get("high"),
                "claimant": (c.get("claimant") or {}).get("name") or cl.claimant or cl.outlet,
                "event_id": cl.event_id,
            }
            for cl in self.claims
            for c in cl.casualties
        ]


@dataclass
class Ledger:
    agreement: Agreement
    first: dt.date
    last: dt.date | None
    violations: list[Violation]
    excluded_acts: list[Violation]  # by excluded groups: not counted
    on_excluded: list[Violation]  # strikes on excluded groups: not counted
    unattributed: list[Violation]  # no accused, or one on no side: not counted
    accusations: list[Answer] = field(default_factory=list)  # ACCUSE by a party or monitor, not one incident
    undated: int = 0  # prohibited acts with no date at all, in the area, by a party
    too_coarse: int = 0  # prohibited acts in the area and period dated only to more than a month

    def counts(self, by: str = "day", side: str | None = None) -> list[dict[str, Any]]:
        """Per day (or ISO week, by its Monday) x reporting side x accused side: violations
        reported, those within and those possibly within apart."""
        cells: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
        for v in self.violations:
            lo = dt.date.fromisoformat(v.date_start) if v.date_start else None
            if lo is None:
                continue
            lo = max(lo, self.first)  # a month reaching back before the start counts from the start
            when = lo - dt.timedelta(days=lo.weekday()) if by == "week" else lo
            for rs in v.reporting_sides:
                if side and rs.lower() != side.lower():
                    continue
                cell = cells[(when.isoformat(), rs, v.accused_side or "?")]
                cell[0 if v.within == WITHIN else 1] += 1
        return [
            {"period": p, "reporting_side": rs, "accused_side": acc, "within": n[0], "possibly_within": n[1]}
            for (p, rs, acc), n in sorted(cells.items())
        ]

    def reporting_sides(self) -> list[str]:
        return sorted({rs for v in self.violations for rs in v.reporting_sides})


def build_ledger(store: Any, a: Agreement, agreements: dict[str, Agreement]) -> Ledger:
    first, last = period(a, agreements)
    sides = Sides(a)
    acts = sorted({p.type for p in a.prohibited})
    q = EventQuery(
        since=first.isoformat(),
        until=last.isoformat() if last else None,
        type=(*acts, *ANSWERS),
        status="asserted",
    )
    events = list(store.iter_events(query=q))
    undated = store.count_undated_events(query=dataclasses.replace(q, type=tuple(acts)))
    out = Ledger(a, first, last, [], [], [], [], undated)
    groups: dict[tuple, list[tuple[Any, list[str]]]] = defaultdict(list)
    answers = [e for e in events if e.type in ANSWERS]
    for e in events:
        if not prohibited(a, e):
            continue
        when, where = in_period(e, first, last), in_area(a, e)
        if OUTSIDE in (when.verdict, where.verdict):
            continue
        lo, hi = window(e)
        if lo and hi and (hi - lo).days >= MAX_WINDOW_DAYS:
            out.too_coarse += 1  # "since 2011", "for years": a background statement, not an incident
            continue
        why = [w.why for w in (when, where) if w.verdict == POSSIBLY and w.why]
        if where.why == "no place stated" and sides.side(e.source_actor_id) is None:
            continue  # neither placed nor by a party: nothing ties it to this agreement
        if sides.is_excluded(e.source_actor_id):
            bucket = "excluded"
        elif sides.is_excluded(e.target_actor_id):
            bucket = "on_excluded"
        elif sides.side(e.source_actor_id) is None:
            bucket = "unattributed"
        else:
            bucket = "violation"
        key = (bucket, e.type, e.source_actor_id if bucket != "violation" else sides.side(e.source_actor_id))
        groups[key].append((e, why))
    for (bucket, _, _), members in groups.items():
        for cluster in _by_place_and_date(members):
            v = _violation(a, sides, cluster)
            {"violation": out.violations, "excluded": out.excluded_acts, "on_excluded": out.on_excluded}.get(
                bucket, out.unattributed
            ).append(v)
    for v in out.violations:
        _answers(v, answers, sides)
    answered = {d.event_id for v in out.violations for d in v.counter_accusations}
    out.accusations = [d for d in _accusations(a, answers, sides, first, last) if d.event_id not in answered]
    for v in (*out.violations, *out.excluded_acts, *out.on_excluded, *out.unattributed):
        _sources_and_status(store, v, sides)
    for lst in (out.violations, out.excluded_acts, out.on_excluded, out.unattributed):
        lst.sort(key=lambda v: (v.date_start or "", v.id))
    return out


def _by_place_and_date(members: list[tuple[Any, list[str]]]) -> list[list[tuple[Any, list[str]]]]:
    """Reports of one act: the same place (name or region) and overlapping date windows."""
    clusters: list[list[tuple[Any, list[str]]]] = []
    for e, why in sorted(members, key=lambda m: (window(m[0])[0] or dt.date.min, m[0].id)):
        lo, hi = window(e)
        here = place_key(e.location_name) or place_key(e.admin1)
        for c in clusters:
            first = c[0][0]
            clo, chi = window(first)
            there = place_key(first.location_name) or place_key(first.admin1)
            # with no place, only reports of the same article and the same days are one act
            same = here == there and (
                bool(here) or (e.article_id == first.article_id and (lo, hi) == (clo, chi))
            )
            if same and lo and clo and lo <= chi and clo <= hi:
                c.append((e, why))
                break
        else:
            clusters.append([(e, why)])
    return clusters


def _violation(a: Agreement, sides: Sides, members: list[tuple[Any, list[str]]]) -> Violation:
    events = [e for e, _ in members]
    head = min(events, key=lambda e: e.id)
    lows, highs = zip(*(window(e) for e in events), strict=True)
    within = WITHIN if any(not why for _, why in members) else POSSIBLY
    claims = []
    for e in sorted(events, key=lambda e: e.id):
        side, kind = sides.reporter(e.claimant_id)
        party = sides.side(e.claimant_id)
        claims.append(
            Claim(
                e.id,
                e.article_id,
                e.claimant_name,
                side,
                kind,
                e.publisher,
                e.title,
                e.url,
                e.published,
                " ".join(e.sentence.split()),
                e.date_start,
                e.date_end,
                list(e.casualties or []),
                party,
                e.start,
            )
        )
    return Violation(
        id=f"{a.id}:{head.id}",
        agreement=a.id,
        type=head.type,
        mode=head.mode,
        accused=head.source_actor_name,
        accused_id=head.source_actor_id,
        accused_side=sides.side(head.source_actor_id),
        target=head.target_actor_name,
        target_id=head.target_actor_id,
        place=head.location_name,
        admin1=head.admin1,
        country=head.country,
        date_start=min(d for d in lows if d).isoformat() if any(lows) else None,
        date_end=max(d for d in highs if d).isoformat() if any(highs) else None,
        within=within,
        why_possibly=sorted({w for _, why in members for w in why}) if within == POSSIBLY else [],
        claims=claims,
    )


def _answers(v: Violation, answers: list[Any], sides: Sides) -> None:
    """REJECT and ACCUSE events that point at the violation: by the accused's side, in an article
    that reports it, or dated within its window at the same place."""
    articles = {c.article_id for c in v.claims}
    lo, hi = v.date_start, v.date_end
    here = {place_key(v.place), place_key(v.admin1)} - {""}
    for e in answers:
        if e.id in {c.event_id for c in v.claims}:
            continue
        if e.type == "REJECT" and e.article_id in articles and sides.is_monitor(e.source_actor_id):
            # a monitor rejecting in an article that reports the violation
            v.rejected_by = e.source_actor_name or e.source_actor_id
            continue
        if sides.side(e.source_actor_id) != v.accused_side:
            continue
        elo, ehi = window(e)
        near = (
            bool(here & ({place_key(e.location_name), place_key(e.admin1)} - {""}))
            and elo is not None
            and lo is not None
            and elo.isoformat() <= (hi or lo)
            and lo <= ehi.isoformat()
        )
        # in an article reporting it: only a few sentences away from one of its reports (a
        # long article has other denials, about other things)
        close = any(c.article_id == e.article_id and abs(c.start - e.start) <= NEAR_CHARS for c in v.claims)
        if not close and not near:
            continue
        ans = Answer(
            e.id,
            "",
            e.source_actor_name or "?",
            e.target_actor_name,
            " ".join(e.sentence.split()),
            e.publisher,
        )
        if e.type == "REJECT":
            v.denials.append(dataclasses.replace(ans, kind="denial"))
        elif sides.side(e.target_actor_id) not in (None, v.accused_side):
            v.counter_accusations.append(dataclasses.replace(ans, kind="counter-accusation"))


def _accusations(
    a: Agreement, answers: list[Any], sides: Sides, first: dt.date, last: dt.date | None
) -> list[Answer]:
    """ACCUSE events of the period and area by a side or a monitor against another side or an
    excluded group ("the centre accused Hayat Tahrir al-Sham of violating the truce 14 times"):
    claims of violations not tied to one incident, listed apart and not counted."""
    out = []
    for e in answers:
        if e.type != "ACCUSE":
            continue
        by = sides.side(e.source_actor_id) or ("monitor" if sides.is_monitor(e.source_actor_id) else None)
        against = sides.side(e.target_actor_id) or (
            "excluded" if sides.is_excluded(e.target_actor_id) else None
        )
        if by is None or against is None or by == against:
            continue
        if OUTSIDE in (in_period(e, first, last).verdict, in_area(a, e).verdict):
            continue
        out.append(
            Answer(
                e.id,
                "accusation",
                e.source_actor_name or "?",
                e.target_actor_name,
                " ".join(e.sentence.split()),
                e.publisher,
            )
        )
    return out


def _sources_and_status(store: Any, v: Violation, sides: Sides) -> None:
    """Sources: articles; independent: their groups of near-duplicate copies (a wire story
    reprinted ten times is one source). Status, strongest first: rejected or confirmed by a
    monitor; denied by the accused's side; corroborated by independent sources or by both
    sides; else alleged."""
    articles = {c.article_id for c in v.claims}
    v.sources = len(articles)
    groups = store.copy_groups(articles) if hasattr(store, "copy_groups") else {x: x for x in articles}
    v.independent_sources = len(set(groups.values()))
    if hasattr(store, "cluster_of_event"):  # the store's event coreference (ceasefire.linking)
        try:
            v.clusters = sorted({c for c in (store.cluster_of_event(x.event_id) for x in v.claims) if c})
        except Exception:  # noqa: BLE001 - sqlite3 or psycopg: a store at schema 6 from before
            # 0006_linking (the interim near-duplicates-only 0006) has no event_links table; the
            # ledger stands without cluster ids
            v.clusters = []
    monitors = [c for c in v.claims if c.kind == OBSERVATION]
    other_sides = {c.party_side for c in v.claims if c.party_side}
    if v.rejected_by:
        v.status = "rejected"
    elif monitors:
        v.status = "confirmed"
    elif v.denials:
        v.status = "denied"
    elif v.independent_sources >= 2 or len(other_sides) >= 2:
        v.status = "corroborated"
    else:
        v.status = "alleged"
