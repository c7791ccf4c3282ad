"""The report's ledger section: for each agreement in force during the report's period, the
alleged violations by accused x reporting side and each violation with its claims (the same
ledger as `ceasefire ledger`, limited to the report's dates)."""

from __future__ import annotations

import dataclasses
from typing import Any

MAX_LISTED = 30  # violations listed per agreement; the counts cover them all


def _overlaps(v: Any, since: str | None, until: str | None) -> bool:
    lo, hi = v.date_start or "", v.date_end or v.date_start or ""
    return (not until or lo <= until.ljust(10, "\uffff")) and (not since or hi >= since)


def ledger_sections(store: Any, since: str | None, until: str | None) -> list[dict[str, Any]]:
    """One section per bundled agreement with a violation or an excluded group's act in the period."""
    from ..agreements import load_agreements
    from ..ledger import build_ledger
    from ..ledger.render import summary

    found = load_agreements()
    out = []
    for a in sorted(found.values(), key=lambda a: (a.start, a.id)):
        book = build_ledger(store, a, found)
        book = dataclasses.replace(
            book,
            violations=[v for v in book.violations if _overlaps(v, since, until)],
            excluded_acts=[v for v in book.excluded_acts if _overlaps(v, since, until)],
            on_excluded=[v for v in book.on_excluded if _overlaps(v, since, until)],
        )
        if not (book.violations or book.excluded_acts or book.on_excluded):
            continue
        out.append(
            {
                "agreement": a,
                "first": book.first,
                "last": book.last,
                "summary": summary(book),
                "counts": book.counts("week"),
                "violations": book.violations[:MAX_LISTED],
                "more": max(0, len(book.violations) - MAX_LISTED),
                "excluded": len(book.excluded_acts),
                "on_excluded": len(book.on_excluded),
            }
        )
    return out
