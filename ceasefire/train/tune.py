"""Choosing the hybrid decider's thresholds on the dev split, and fitting its calibration.

The dev articles are parsed once (the production stages, :func:`.dataset.parse_inputs`),
the models score every rule event and open candidate once
(:func:`ceasefire.events.hybrid.score_article`), and each threshold setting only re-runs
:func:`ceasefire.events.hybrid.assemble` and the corpus scorer (:mod:`ceasefire.corpus.score`,
the same matching as ``scripts/eval``). Thresholds move one at a time to the value that
maximises :func:`objective` on the dev split plus :func:`gold_objective` on the dev gold
(``../shared/gold/dev``, scored by ``../shared/eval/score.py``), so that a threshold must hold on
both tuning sets (coordinate ascent, two passes). The test split is never read here.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from ..corpus import sources
from ..corpus.gold import GoldSentence
from ..corpus.score import _events_in, _level, locate, score, write_inputs
from ..events.coder import propose
from ..events.hybrid import assemble, score_article
from ..events.lexicon import load_lexicon
from ..events.rules.merge import _dedupe
from ..events.rules.settings import DEFAULT_SETTINGS

GRID: dict[str, tuple[float, ...]] = {
    "drop": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
    "fill": (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6),
    "override": (0.5, 0.6, 0.7, 0.8, 0.9, 1.01),
    "keep": (0.02, 0.05, 0.1, 0.2, 0.3),
    "open": (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01),
}
START = {"drop": 1.01, "fill": 0.4, "override": 1.01, "keep": 0.05, "open": 1.01}


class Tuner:
    """The dev split parsed and scored once; :meth:`measure` decodes it under given thresholds."""

    def __init__(self, sentences: list[GoldSentence], model, work: Path | None = None):
        from .dataset import parse_inputs

        self.sentences = sentences
        self.model = model
        lex = load_lexicon()
        self.articles: list[tuple[tuple[str, str], Any, Any, list]] = []
        with tempfile.TemporaryDirectory(dir=work) as tmp:
            inputs = Path(tmp) / "dev.jsonl"
            self.docs = write_inputs(sentences, inputs)
            floor = min(GRID["open"])
            for source, art in parse_inputs(inputs, "hybrid"):
                row = int(source.rsplit("#row", 1)[1]) - 1
                if not art.sentences:
                    self.articles.append((self.docs[row], art.record, art.ctx, []))
                    continue
                doc = art.sentences[0][0].doc
                sp = list(zip(doc.sents, propose(doc, art.ctx, DEFAULT_SETTINGS, lex), strict=True))
                scored = score_article(doc, art.ctx, sp, model, lex, DEFAULT_SETTINGS, floor)
                self.articles.append((self.docs[row], art.record, art.ctx, scored))

    def predictions(self, thresholds: dict[str, float]) -> dict[tuple[str, str], list[dict[str, Any]]]:
        preds: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for key, rec, ctx, scored in self.articles:
            pairs = assemble(scored, ctx, DEFAULT_SETTINGS, thresholds) if scored else []
            by_sent: dict[int, list] = {}
            for ev, tok in pairs:
                by_sent.setdefault(tok.sent.start, []).append((ev, tok))
            events = [e for s in sorted(by_sent) for e in _dedupe(sorted(by_sent[s], key=lambda et: et[1].i))]
            rec.events = events
            preds.setdefault(key, []).append(rec.to_json())
        return preds

    def measure(self, thresholds: dict[str, float]) -> dict[str, Any]:
        res = score(self.sentences, self.predictions(thresholds))["all"]
        pairs = self.confidences(thresholds, strict=True)
        tp, pred, gold = sum(ok for _c, ok in pairs), res["pred"], res["gold"]
        p, r = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
        res["strict_tst"] = round(2 * p * r / (p + r), 3) if p + r else 0.0
        return res

    def confidences(self, thresholds: dict[str, float], strict: bool = False) -> list[tuple[float, bool]]:
        """(raw confidence, right on type + source + target) for every predicted event of dev;
        ``strict``: a role the gold leaves empty (the sentence names none) must be empty too."""
        preds = self.predictions(thresholds)
        out: list[tuple[float, bool]] = []
        seen: set[int] = set()
        for s in self.sentences:
            loc = locate(s, preds.get(s.doc, []))
            if loc is None:
                continue
            doc_text = sources.document_text(*s.doc)
            pevs = [e for e in _events_in(loc) if id(e) not in seen]
            gevs = [e for e in s.events if e.status != "negated"]
            right = [False] * len(pevs)
            used: set[int] = set()
            for ge in gevs:
                best, best_i = 0, None
                for i, pe in enumerate(pevs):
                    if i not in used:
                        lvl = _level(pe, ge, loc, doc_text)
                        if strict and lvl >= 2 and _invented(pe, ge):
                            lvl = 1
                        if lvl > best:
                            best, best_i = lvl, i
                if best_i is not None:
                    used.add(best_i)
                    right[best_i] = best >= 2
            for pe, ok in zip(pevs, right, strict=True):
                seen.add(id(pe))
                out.append((float(pe["confidence"]), ok))
        return out


class GoldTuner:
    """The dev gold (``../shared/gold/dev``, the pages the rules were tuned on) parsed and scored
    once; :meth:`measure` scores it with ``../shared/eval/score.py`` under given thresholds."""

    def __init__(self, model, work: Path | None = None):
        from .dataset import parse_inputs
        from .evaluate import _load

        self.score_py = _load(sources.shared_root() / "eval" / "score.py", "shared_score")
        self.gold = self.score_py.load_gold(sources.shared_root() / "gold" / "dev")
        self.work = work
        lex = load_lexicon()
        seeds = sorted((sources.shared_root() / "corpus" / "seeds").glob("*.txt"))
        self.articles = []
        for _source, art in parse_inputs(seeds, "hybrid"):
            if not art.sentences:
                self.articles.append((art.record, art.ctx, []))
                continue
            doc = art.sentences[0][0].doc
            sp = list(zip(doc.sents, propose(doc, art.ctx, DEFAULT_SETTINGS, lex), strict=True))
            self.articles.append(
                (
                    art.record,
                    art.ctx,
                    score_article(doc, art.ctx, sp, model, lex, DEFAULT_SETTINGS, min(GRID["open"])),
                )
            )

    def measure(self, thresholds: dict[str, float]) -> dict[str, Any]:
        with tempfile.TemporaryDirectory(dir=self.work) as tmp:
            out = Path(tmp) / "pred.jsonl"
            with open(out, "w", encoding="utf-8") as f:
                for rec, ctx, scored in self.articles:
                    rec.events = _decided(scored, ctx, thresholds)
                    f.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
            s = self.score_py.score(self.gold, self.score_py.load_pred(out), False)
        return {k: s[f"events_{k}"]["f1"] for k in ("type", "actors", "full")}


def _decided(scored: list, ctx, thresholds: dict[str, float]) -> list:
    """The events of one article as ``code_events`` gives them: assembled, merged per sentence."""
    pairs = assemble(scored, ctx, DEFAULT_SETTINGS, thresholds) if scored else []
    by_sent: dict[int, list] = {}
    for ev, tok in pairs:
        by_sent.setdefault(tok.sent.start, []).append((ev, tok))
    return [e for s in sorted(by_sent) for e in _dedupe(sorted(by_sent[s], key=lambda et: et[1].i))]


def _invented(pe: dict[str, Any], ge) -> bool:
    """A source or target where the gold says the sentence names none."""
    return (ge.source is None and bool(pe.get("source"))) or (ge.target is None and bool(pe.get("target")))


def gold_objective(res: dict[str, Any]) -> float:
    """The dev gold's part: type + source + target F1 plus half the type F1 (its scorer)."""
    return res["actors"] + 0.5 * res["type"]


def objective(res: dict[str, Any]) -> float:
    """Type + source + target F1, half by the scorer (an empty gold role is not scored) and half
    strict (an empty gold role must stay empty: the scorer alone rewards filling every role), plus
    half the type F1."""
    return 0.5 * res["type_source_target"] + 0.5 * res["strict_tst"] + 0.5 * res["type"]


# A threshold leaves the rules' behaviour only when that earns its keep: among the values whose
# objective is within MARGIN of the best, the one closest to the rules alone is taken (the highest,
# except for "keep", where the lowest overrides the rules least).
MARGIN = 0.005
CLOSEST_TO_RULES = {"keep": min}


def choose(tuner: Tuner, gold: GoldTuner | None = None, passes: int = 2):
    """Thresholds by coordinate ascent on the dev split's objective plus (when given) the dev
    gold's; returns (thresholds, dev split figures, dev gold figures or None)."""

    def both(t: dict[str, float]) -> tuple[float, dict[str, Any], dict[str, Any] | None]:
        res = tuner.measure(t)
        g = gold.measure(t) if gold is not None else None
        return objective(res) + (gold_objective(g) if g is not None else 0.0), res, g

    best = dict(START)
    _obj, best_res, best_gold = both(best)
    for _ in range(passes):
        for name, values in GRID.items():
            tried = [(v, *both({**best, name: v})) for v in values]
            top = max(o for _v, o, _r, _g in tried)
            near = [x for x in tried if x[1] >= top - MARGIN]
            pick = CLOSEST_TO_RULES.get(name, max)(x[0] for x in near)
            _v, _o, best_res, best_gold = next(x for x in near if x[0] == pick)
            best = {**best, name: pick}
        print(
            f"hybrid thresholds {best}: dev type {best_res['type']}, "
            f"type+source+target {best_res['type_source_target']} (strict {best_res['strict_tst']}), "
            f"full {best_res['full']}; dev gold {best_gold}",
            file=sys.stderr,
        )
    return best, best_res, best_gold
