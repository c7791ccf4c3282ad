"""Decoding the models over coded sentences offline: threshold choice and calibration on dev.

This mirrors :mod:`ceasefire.events.decide` (argmax type above a threshold; the
best source, then the best other target, above theirs) and the scorer's
matching (per sentence; a gold role of ``null`` is not scored), on the
candidates and mentions of :mod:`.dataset`. It is used to pick the
thresholds and to fit the confidence calibration on dev; the figures that
count are those of ``scripts/eval``, through ``ceasefire extract``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from ..events.decide import NONE, ruled
from ..events.features import pair_features, trigger_features
from ..events.lexicon import load_lexicon
from .dataset import Case, role_label

TYPE_GRID = (0.2, 0.3, 0.4, 0.5)
RULE_GRID = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)  # rule-coded triggers
ROLE_GRID = (0.1, 0.15, 0.2, 0.3, 0.4)


@dataclass
class Scored:
    """One candidate with its best type and, per mention, P(source), P(target) and gold labels."""

    case: Case
    index: int
    type: str
    p: float
    ruled: bool = False
    roles: list[tuple[float, float, int]] = field(default_factory=list)  # (p_src, p_tgt, mention index)


def score_cases(cases: list[Case], type_model, role_model, mode: str) -> list[Scored]:
    lex = load_lexicon()
    rules = mode == "hybrid"
    flat = [(case, i, c) for case in cases for i, c in enumerate(case.cands)]
    probs = type_model.proba([trigger_features(c, lex, rules) for _case, _i, c in flat]) if flat else []
    labels = type_model.labels
    out, pairs = [], []
    for (case, i, c), row in zip(flat, probs, strict=True):
        j = int(row.argmax())
        if labels[j] == NONE:
            # keep the best real type too, so a threshold below P(NONE) can still be tried
            real = [(p, k) for k, p in enumerate(row) if labels[k] != NONE]
            p, j = max(real)
            if p < min(TYPE_GRID + RULE_GRID):
                continue
        s = Scored(case, i, labels[j], float(row[j]), ruled=rules and ruled(c))
        out.append(s)
        for mi, m in enumerate(case.mentions):
            if m.head != c.token:
                pairs.append((s, mi, pair_features(c, s.type, m, case.mentions, rules)))
    if pairs:
        rp = role_model.proba([f for _s, _mi, f in pairs])
        li = {lab: k for k, lab in enumerate(role_model.labels)}
        for (s, mi, _f), row in zip(pairs, rp, strict=True):
            s.roles.append((float(row[li["source"]]), float(row[li["target"]]), mi))
    return out


@dataclass
class Result:
    tp1: int = 0
    tp2: int = 0
    pred: int = 0
    gold: int = 0
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    @staticmethod
    def _f(tp: int, pred: int, gold: int) -> float:
        p, r = tp / pred if pred else 0, tp / gold if gold else 0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def f1_type(self) -> float:
        return self._f(self.tp1, self.pred, self.gold)

    @property
    def f1_roles(self) -> float:
        return self._f(self.tp2, self.pred, self.gold)


def decode(
    scored: list[Scored], cases: list[Case], t_type: float, t_src: float, t_tgt: float, t_rule: float
) -> Result:
    res = Result(gold=sum(len(c.gold) for c in cases))
    by_case: dict[int, list[tuple[Scored, int | None, int | None, float]]] = {}
    for s in scored:
        if s.p < (t_rule if s.ruled else t_type) or (s.type == NONE):
            continue
        src = max(((p, mi) for p, _t, mi in s.roles if p > t_src), default=None)
        src_i = src[1] if src else None
        src_id = s.case.mentions[src_i].ref.id if src_i is not None else None
        tgt = max(
            ((p, mi) for _p, p, mi in s.roles if p > t_tgt and s.case.mentions[mi].ref.id != src_id),
            default=None,
        )
        conf = s.p * ((0.5 + 0.5 * src[0]) if src else 0.75) * ((0.5 + 0.5 * tgt[0]) if tgt else 0.9)
        by_case.setdefault(id(s.case), []).append((s, src_i, tgt[1] if tgt else None, conf))
    for case in cases:
        preds = by_case.get(id(case), [])
        res.pred += len(preds)
        used: set[int] = set()
        right = [False] * len(preds)
        for ge in case.gold:
            best, best_k = 0, None
            for k, (s, si, ti, _conf) in enumerate(preds):
                if k in used or s.type != ge.type:
                    continue
                lvl = 1
                src_ok = ge.source is None or (
                    si is not None and role_label(case, case.mentions[si], ge) == "source"
                )
                tgt_ok = ge.target is None or (
                    ti is not None and role_label(case, case.mentions[ti], ge) == "target"
                )
                if src_ok and tgt_ok:
                    lvl = 2
                if lvl > best:
                    best, best_k = lvl, k
            if best_k is not None:
                used.add(best_k)
                right[best_k] = best >= 2
            res.tp1 += best >= 1
            res.tp2 += best >= 2
        res.confidences += [(conf, ok) for (_s, _si, _ti, conf), ok in zip(preds, right, strict=True)]
    return res


def choose_thresholds(
    scored: list[Scored], cases: list[Case]
) -> tuple[tuple[float, float, float, float], Result]:
    """(type, source, target, rule type) thresholds that maximise TST F1 + half type F1 on dev."""
    best: tuple[float, tuple[float, float, float, float], Result] | None = None
    for t in itertools.product(TYPE_GRID, ROLE_GRID, ROLE_GRID, RULE_GRID):
        r = decode(scored, cases, *t)
        key = r.f1_roles + 0.5 * r.f1_type
        if best is None or key > best[0] + 1e-9:
            best = (key, t, r)
    assert best is not None
    return best[1], best[2]


def calibration(pairs: list[tuple[float, bool]]) -> dict[str, list[float]]:
    """Isotonic map from the raw confidence to the share of events right (type, source, target) on dev."""
    from sklearn.isotonic import IsotonicRegression

    if len(pairs) < 10:
        return {"x": [], "y": []}
    xs = [x for x, _ in pairs]
    ys = [float(y) for _, y in pairs]
    iso = IsotonicRegression(y_min=0.01, y_max=0.99, out_of_bounds="clip").fit(xs, ys)
    return {
        "x": [round(float(v), 4) for v in iso.X_thresholds_],
        "y": [round(float(v), 4) for v in iso.y_thresholds_],
    }


PLACE_GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01)  # 1.01: the rules alone


def place_threshold(cases: list[Case], place_model) -> tuple[float, float]:
    """The threshold above which the place model overrides the rules' place, chosen on dev: the share
    of coded events with a gold place whose chosen place is it."""
    from .dataset import place_examples, rule_place

    xs, _ys, keys = place_examples(cases)
    probs = place_model.proba(xs) if xs else []
    yes = place_model.labels.index("yes") if xs else 0
    by_event: dict[tuple[int, int], list[tuple[float, object]]] = {}
    for (case, i, p), row in zip(keys, probs, strict=True):
        by_event.setdefault((id(case), i), []).append((float(row[yes]), p))
    events = [(case, i, ge) for case in cases for i, ge in case.aligned.items() if ge.location is not None]
    best = (0.5, -1.0)
    for t in PLACE_GRID:
        right = 0
        for case, i, ge in events:
            opts = [(pr, p) for pr, p in by_event.get((id(case), i), []) if pr >= t]
            chosen = max(opts, key=lambda x: x[0])[1] if opts else rule_place(case, i, ge.type)
            loc = ge.location
            right += bool(
                chosen is not None
                and chosen.start is not None
                and chosen.start < loc.end + case.shift
                and loc.start + case.shift < chosen.end
            )
        share = right / len(events) if events else 0.0
        if share > best[1]:
            best = (t, share)
    return best
