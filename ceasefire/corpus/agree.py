"""Agreement between two independent codings of the same sentences.

Events of the two coders are paired within a sentence by overlapping
trigger spans (then, for the rest, by equal type). Reported:

- **type kappa** (Cohen's): over paired triggers and the unpaired ones, an
  unpaired event counting as "no event" for the other coder;
- **event F1** between the coders (one taken as gold, the other as
  prediction; F1 is symmetric) at the scorer's levels: type, and type +
  source + target (roles match by span overlap or actor id; a null role
  matches only a null role here, since both codings are complete);
- **role F1**: among paired events of the same type, source and target
  agreement counted over the roles either coder filled.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

NO_EVENT = "NONE"


def _overlap(a: list[int] | tuple[int, int], b: list[int] | tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_role(x: dict[str, Any] | None, y: dict[str, Any] | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    if x.get("start") is not None and y.get("start") is not None:
        if _overlap((x["start"], x["end"]), (y["start"], y["end"])):
            return True
    return bool(x.get("id")) and x.get("id") == y.get("id")


def pair_events(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[tuple[dict | None, dict | None]]:
    pairs: list[tuple[dict | None, dict | None]] = []
    used: set[int] = set()
    rest: list[dict] = []
    for ea in a:
        j = next(
            (j for j, eb in enumerate(b) if j not in used and _overlap(ea["trigger"], eb["trigger"])), None
        )
        if j is None:
            rest.append(ea)
        else:
            used.add(j)
            pairs.append((ea, b[j]))
    for ea in rest:
        j = next((j for j, eb in enumerate(b) if j not in used and eb["type"] == ea["type"]), None)
        if j is not None:
            used.add(j)
        pairs.append((ea, b[j] if j is not None else None))
    pairs += [(None, eb) for j, eb in enumerate(b) if j not in used]
    return pairs


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    if not n:
        return 0.0
    po = sum(x == y for x, y in pairs) / n
    ca, cb = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


@dataclass
class Agreement:
    sentences: int
    events_a: int
    events_b: int
    type_kappa: float
    type_f1: float
    type_roles_f1: float
    source_f1: float
    target_f1: float
    both_empty: int  # sentences both coders left without events

    def as_dict(self) -> dict[str, Any]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def _f1(tp: int, n_a: int, n_b: int) -> float:
    return 2 * tp / (n_a + n_b) if n_a + n_b else 1.0


def agreement(a: dict[str, dict[str, Any]], b: dict[str, dict[str, Any]]) -> Agreement:
    """``a`` and ``b``: unit id -> annotation record, for the units both coded."""
    units = sorted(set(a) & set(b))
    types: list[tuple[str, str]] = []
    tp_type = tp_roles = n_a = n_b = 0
    src = Counter()
    tgt = Counter()
    empty = 0
    for u in units:
        ea = [e for e in a[u]["events"]]
        eb = [e for e in b[u]["events"]]
        n_a += len(ea)
        n_b += len(eb)
        empty += not ea and not eb
        for x, y in pair_events(ea, eb):
            types.append((x["type"] if x else NO_EVENT, y["type"] if y else NO_EVENT))
            if x is None or y is None or x["type"] != y["type"]:
                continue
            tp_type += 1
            s_ok, t_ok = (
                same_role(x.get("source"), y.get("source")),
                same_role(x.get("target"), y.get("target")),
            )
            tp_roles += s_ok and t_ok
            for role, ok, c in (("source", s_ok, src), ("target", t_ok, tgt)):
                filled = (x.get(role) is not None) + (y.get(role) is not None)
                c["filled"] += filled
                c["agree"] += 2 * (ok and filled == 2)
    return Agreement(
        sentences=len(units),
        events_a=n_a,
        events_b=n_b,
        type_kappa=kappa(types),
        type_f1=_f1(tp_type, n_a, n_b),
        type_roles_f1=_f1(tp_roles, n_a, n_b),
        source_f1=src["agree"] / src["filled"] if src["filled"] else 1.0,
        target_f1=tgt["agree"] / tgt["filled"] if tgt["filled"] else 1.0,
        both_empty=empty,
    )
