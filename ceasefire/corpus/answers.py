"""Coders' answers (verbatim spans) -> corpus annotations (offsets + labels).

A coder writes spans as text of the sentence (see ``corpus/GUIDE.md``);
:func:`convert` finds each span in the sentence and stores its offsets into
the shared document, so the corpus holds labels and offsets, never text.
:func:`problems` lists everything wrong with an answer file, for the
``check`` command.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..events.lexicon import PLOVER_TYPES
from ..models import STATUSES
from . import sources
from .units import parse_id

MODES = {
    "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives suicide-attack "
    "aerial drone heavy-weapons crowd-control unconventional",
    "CONSULT": "visit third-party multilateral phone",
    "RETREAT": "withdraw release disarm ceasefire access resign",
    "REQUEST": "assist change yield meet",
    "REJECT": "assist change yield meet",
    "ACCUSE": "disapprove investigate allege",
    "THREATEN": "restrict arrest relations expel territory violence",
    "PROTEST": "demo riot strike hunger boycott obstruct vandalize",
    "SANCTION": "convict expel withdraw discontinue",
    "MOBILIZE": "troops weapons police militia",
    "COERCE": "seize restrict censor curfew martial-law arrest deport withhold misinformation cyber",
}
MODES_BY_TYPE = {t: frozenset(m.split()) for t, m in MODES.items()}
CONFLICTS = frozenset(
    "syria iraq afghanistan yemen ukraine libya israel-palestine nigeria somalia pakistan india sudan "
    "mali-sahel other-armed political none".split()
)
ROLE_FIELDS = ("source", "target", "claimant")


class AnswerError(ValueError):
    pass


def sentence_sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def find_span(sentence: str, spec: str) -> tuple[int, int]:
    """Offsets of ``spec`` ("words" or "words#2") in ``sentence``; AnswerError if absent."""
    m = re.fullmatch(r"(.*?)#(\d+)", spec, re.S)
    needle, nth = (m[1], int(m[2])) if m else (spec, 1)
    if not needle.strip():
        raise AnswerError(f"empty span {spec!r}")
    # An unnumbered span is the first whole-word match ("he" is not the end of "The", "strike" not the
    # start of "strikes"), else the first match anywhere; "#n" counts plain occurrences, as `check`
    # counted them when the coder validated the file.
    body = r"\s+".join(map(re.escape, needle.split()))
    lead = r"(?<!\w)" if needle[:1].isalnum() else ""
    tail = r"(?!\w)" if needle[-1:].isalnum() else ""
    for pat in (lead + body + tail, body) if nth == 1 else (body,):
        hits = list(re.finditer(pat, sentence))
        if len(hits) >= nth:
            return hits[nth - 1].start(), hits[nth - 1].end()
    raise AnswerError(f"span {spec!r} is not in the sentence" + (f" {nth} times" if nth > 1 else ""))


def _actor_id(name: str | None) -> str | None:
    if not name:
        return None
    from ..actors import get_dictionary

    actor = get_dictionary().lookup(name)
    return actor.id if actor else None


def _role(value: Any, sentence: str, base: int, field: str) -> dict[str, Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = {"text": value}
    if not isinstance(value, dict) or "text" not in value:
        raise AnswerError(f"{field}: expected a span, {{'text': ..., 'actor': ...}} or null")
    out: dict[str, Any] = {}
    if value.get("text") is not None:
        a, b = find_span(sentence, value["text"])
        out["start"], out["end"] = base + a, base + b
    actor = value.get("actor")
    if actor is not None and not isinstance(actor, str):
        raise AnswerError(f"{field}: 'actor' must be a name")
    if actor:
        out["actor"] = actor
    elif "start" not in out:
        raise AnswerError(f"{field}: a null span needs an 'actor'")
    ident = _actor_id(actor) or (
        _actor_id(sentence[out["start"] - base : out["end"] - base]) if "start" in out else None
    )
    if ident:
        out["id"] = ident
    return out


def convert_event(ev: dict[str, Any], sentence: str, base: int) -> dict[str, Any]:
    typ = ev.get("type")
    if typ not in PLOVER_TYPES:
        raise AnswerError(f"unknown type {typ!r}")
    mode = ev.get("mode") or None
    if mode is not None and mode not in MODES_BY_TYPE.get(typ, ()):
        raise AnswerError(f"mode {mode!r} is not a PLOVER mode of {typ}")
    status = ev.get("status") or "asserted"
    if status not in STATUSES:
        raise AnswerError(f"unknown status {status!r}")
    if not isinstance(ev.get("trigger"), str):
        raise AnswerError("trigger must be a span of the sentence")
    a, b = find_span(sentence, ev["trigger"])
    out: dict[str, Any] = {"trigger": [base + a, base + b], "type": typ, "mode": mode, "status": status}
    for field in ROLE_FIELDS:
        out[field] = _role(ev.get(field), sentence, base, field)
    loc = ev.get("location")
    if loc is not None:
        if not isinstance(loc, str):
            raise AnswerError("location must be a span of the sentence or null")
        la, lb = find_span(sentence, loc)
        out["location"] = {"start": base + la, "end": base + lb}
    else:
        out["location"] = None
    return out


@dataclass
class Converted:
    records: list[dict[str, Any]]
    errors: list[str]


def convert(lines: Iterable[str], annotator: str, expected: Iterable[str] | None = None) -> Converted:
    records, errors, seen = [], [], set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: not JSON ({exc.msg})")
            continue
        uid = obj.get("id")
        try:
            collection, key, start, end = parse_id(uid)
            doc = sources.document(collection, key)
        except (ValueError, KeyError, AttributeError, TypeError) as exc:
            errors.append(f"line {n}: bad id {uid!r} ({exc})")
            continue
        if uid in seen:
            errors.append(f"line {n}: {uid} answered twice")
            continue
        seen.add(uid)
        sentence = doc.text[start:end]
        conflict = obj.get("conflict")
        if conflict not in CONFLICTS:
            errors.append(f"line {n} ({uid}): conflict {conflict!r} is not one of {sorted(CONFLICTS)}")
        events = []
        for i, ev in enumerate(obj.get("events") if isinstance(obj.get("events"), list) else [None]):
            try:
                if not isinstance(ev, dict):
                    raise AnswerError("'events' must be a list of objects")
                events.append(convert_event(ev, sentence, start))
            except AnswerError as exc:
                errors.append(f"line {n} ({uid}) event {i + 1}: {exc}")
        records.append(
            {
                "unit": uid,
                "outlet": doc.outlet,
                "sha1": sentence_sha(sentence),
                "annotator": annotator,
                "conflict": conflict,
                "events": events,
            }
        )
    if expected is not None:
        missing = [u for u in expected if u not in seen]
        if missing:
            errors.append(f"{len(missing)} task ids have no answer, e.g. {missing[:3]}")
    return Converted(records, errors)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)
