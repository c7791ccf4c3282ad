"""The ledger for people (text), for spreadsheets (one CSV row per violation) and as JSON."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from .build import Ledger, Violation
from .judge import WITHIN


@dataclass
class LedgerRow:
    """One alleged violation as a CSV row (`ceasefire ledger --format csv`, `export --ledger`)."""

    agreement: str
    violation: str
    date_start: str | None
    date_end: str | None
    within: str
    why_possibly: str
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
    reporting_sides: str
    claimants: str  # "claimant (kind, outlet)" per claim, '; '-joined
    status: str
    sources: int
    independent_sources: int
    killed: str  # every figure with its source: "4 (SOHR); 2-3 (Russian centre)", never averaged
    wounded: str
    denials: str
    counter_accusations: str
    event_ids: str
    urls: str
    clusters: str = ""  # event cluster ids of its reports (`ceasefire` linking), '; '-joined


def _figures(v: Violation, kind: str) -> str:
    out = []
    for f in v.figures():
        if f["kind"] != kind:
            continue
        lo, best, hi = f["low"], f["best"], f["high"]
        n = (
            f"{lo}-{hi}"
            if lo is not None and hi is not None and lo != hi
            else f"at least {lo}"
            if hi is None and lo is not None
            else str(best)
        )
        out.append(f"{n} ({f['claimant'] or 'unattributed'})")
    return "; ".join(out)


def _claimant(c: Any) -> str:
    return f"{c.claimant or c.outlet or 'unnamed'} ({c.kind}{', ' + c.outlet if c.outlet and c.claimant else ''})"


def row(v: Violation) -> LedgerRow:
    return LedgerRow(
        agreement=v.agreement,
        violation=v.id,
        date_start=v.date_start,
        date_end=v.date_end,
        within=v.within,
        why_possibly="; ".join(v.why_possibly),
        type=v.type,
        mode=v.mode,
        accused=v.accused,
        accused_id=v.accused_id,
        accused_side=v.accused_side,
        target=v.target,
        target_id=v.target_id,
        place=v.place,
        admin1=v.admin1,
        country=v.country,
        reporting_sides="; ".join(v.reporting_sides),
        claimants="; ".join(_claimant(c) for c in v.claims),
        status=v.status,
        sources=v.sources,
        independent_sources=v.independent_sources,
        killed=_figures(v, "killed"),
        wounded=_figures(v, "wounded"),
        denials="; ".join(f"{d.by}: {d.sentence}" for d in v.denials),
        counter_accusations="; ".join(
            f"{d.by} against {d.against or '?'}: {d.sentence}" for d in v.counter_accusations
        ),
        event_ids="; ".join(str(c.event_id) for c in v.claims),
        urls="; ".join(dict.fromkeys(c.url for c in v.claims if c.url)),
        clusters="; ".join(v.clusters),
    )


def rows(ledger: Ledger, side: str | None = None) -> list[LedgerRow]:
    return [row(v) for v in violations(ledger, side)]


def violations(ledger: Ledger, side: str | None = None) -> list[Violation]:
    """The counted violations, those a reporting side made only when ``side`` is given."""
    if not side:
        return ledger.violations
    return [v for v in ledger.violations if side.lower() in (s.lower() for s in v.reporting_sides)]


def to_json(ledger: Ledger, by: str = "day", side: str | None = None) -> dict[str, Any]:
    a = ledger.agreement

    def dump(vs: list[Violation]) -> list[dict[str, Any]]:
        return [
            {**dataclasses.asdict(v), "reporting_sides": v.reporting_sides, "figures": v.figures()}
            for v in vs
        ]

    return {
        "agreement": a.id,
        "name": a.name,
        "period": {
            "first": ledger.first.isoformat(),
            "last": ledger.last.isoformat() if ledger.last else None,
        },
        "by": by,
        "side": side,
        "counts": ledger.counts(by, side),
        "violations": dump(violations(ledger, side)),
        "excluded_acts": dump(ledger.excluded_acts),
        "strikes_on_excluded": dump(ledger.on_excluded),
        "not_attributed": dump(ledger.unattributed),
        "undated": ledger.undated,
        "too_coarse": ledger.too_coarse,
        "accusations": [dataclasses.asdict(d) for d in ledger.accusations],
    }


def summary(ledger: Ledger, side: str | None = None) -> list[str]:
    """'according to X: N by Y, M by Z' for each reporting side."""
    per: dict[str, dict[str, int]] = {}
    for v in violations(ledger, side):
        for rs in v.reporting_sides:
            if side and rs.lower() != side.lower():
                continue
            per.setdefault(rs, {}).setdefault(v.accused_side or "?", 0)
            per[rs][v.accused_side or "?"] += 1
    return [
        f"according to {rs}: "
        + ", ".join(f"{n} by {acc}" for acc, n in sorted(d.items(), key=lambda x: -x[1]))
        for rs, d in sorted(per.items())
    ]


def text(ledger: Ledger, by: str = "day", side: str | None = None, width: int = 100) -> list[str]:
    """The ledger for a person: the period, the counts, then each violation with its claims."""
    a = ledger.agreement
    vs = violations(ledger, side)
    last = ledger.last.isoformat() if ledger.last else "open"
    out = [
        f"{a.name} [{a.id}]",
        f"in force {ledger.first} to {last}; area: {a.area.describe()}; prohibited: "
        + ", ".join(p.describe() for p in a.prohibited),
    ]
    n_in = sum(v.within == WITHIN for v in vs)
    out.append(
        f"{len(vs)} alleged violations ({n_in} within, {len(vs) - n_in} possibly within)"
        + (f", as reported by {side}" if side else "")
    )
    out += ["  " + s for s in summary(ledger, side)]
    counts = ledger.counts(by, side)
    if counts:
        head = ["week of" if by == "week" else "day", "according to", "accused", "within", "possibly"]
        cells = [
            [c["period"], c["reporting_side"], c["accused_side"], str(c["within"]), str(c["possibly_within"])]
            for c in counts
        ]
        widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(head)]
        out.append("")
        out.append("  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)).rstrip())
        out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    for title, group in (
        ("violations", vs),
        ("acts of excluded groups (not counted)", ledger.excluded_acts),
        ("strikes on excluded groups (not counted)", ledger.on_excluded),
        ("acts whose author is on no side (not counted)", ledger.unattributed),
    ):
        if group:
            out += ["", f"{title}:"]
            for v in group:
                out += _lines(v, width)
    if ledger.accusations:
        out += ["", "accusations not tied to one incident (not counted):"]
        out += [
            f"  {d.by} against {d.against or '?'}: “{_cut(d.sentence, max(width - 30, 40))}”"
            for d in ledger.accusations
        ]
    if ledger.too_coarse:
        out += [
            "",
            f"note: {ledger.too_coarse} prohibited acts in the area are dated only to more than a month "
            "(a year, 'since 2011') and are left out",
        ]
    if ledger.undated:
        out += [
            "",
            f"note: {ledger.undated} prohibited acts of the store have no date and cannot be placed in the period",
        ]
    return out


def _cut(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _lines(v: Violation, width: int) -> list[str]:
    when = v.date_start if v.date_start == v.date_end else f"{v.date_start}..{v.date_end}"
    where = f" @ {v.place}" if v.place else ""
    head = f"  {when}  {v.type}  {v.accused or '?'}"
    head += f" ({v.accused_side})" if v.accused_side else ""
    head += f" -> {v.target or '-'}{where}"
    tail = f"  [{v.status}; {v.sources} sources, {v.independent_sources} independent"
    tail += f"; {v.within}: {', '.join(v.why_possibly)}]" if v.why_possibly else "]"
    out = [head + tail]
    for c in v.claims:
        figs = "; ".join(
            f"{x.get('kind')} {x.get('best')}" for x in c.casualties if x.get("best") is not None
        )
        said = c.claimant or "the outlet"
        who = f"{said} ({c.kind})" if said == c.reporting_side else f"{said} ({c.reporting_side}; {c.kind})"
        src = ", ".join(x for x in (c.outlet, c.published) if x)
        out.append(f"      {who}{' — ' + src if src else ''}{'  [' + figs + ']' if figs else ''}")
        out.append(f"        “{_cut(c.sentence, max(width - 10, 40))}”")
    for d in v.denials:
        out.append(f"      denial by {d.by}: “{_cut(d.sentence, max(width - 24, 40))}”")
    for d in v.counter_accusations:
        out.append(
            f"      counter-accusation by {d.by} against {d.against or '?'}: “{_cut(d.sentence, max(width - 40, 40))}”"
        )
    return out
