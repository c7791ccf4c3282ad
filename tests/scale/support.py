"""Helpers of the scale tests: records of a run in a comparable form, small corpora."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from ceasefire.models import InputError
from ceasefire.pipeline import DocumentResult

REPORT = (
    "Clashes near checkpoint {i}\n\nBy Staff Reporter\n\n"
    "Fighters attacked checkpoint number {i} on the northern road near Idlib on Monday, officials said. "
    "Residents said the fighting lasted {h} hours and several homes were damaged. "
    "The governor called for calm and promised an inquiry into the attack.\n"
)


def write_reports(folder: Path, n: int, start: int = 0) -> list[Path]:
    """``n`` short, distinct news reports as .txt files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"report_{i:04d}.txt"
        p.write_text(REPORT.format(i=i, h=i % 7 + 1), encoding="utf-8")
        paths.append(p)
    return paths


def outcome(items: Iterable[DocumentResult | InputError]) -> tuple[list[str], list[tuple[str, str]]]:
    """Every record as canonical JSON (sorted), and every error as (source, reason) (sorted)."""
    records: list[str] = []
    errors: list[tuple[str, str]] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append((item.source, item.reason))
        else:
            for rec in item.records:
                obj = rec.to_json()
                obj["article"]["removed"] = rec.article.removed
                records.append(json.dumps(obj, sort_keys=True, ensure_ascii=False))
    return sorted(records), sorted(errors)
