"""Actor coverage on text nobody on the team wrote: the PLOVER gold-standard records.

    .venv/bin/python tests/actors/measure_plover.py [--show-misses]

For every source/target actor span of ../shared/external/plover/PLOVER_GSR_CAMEO.txt,
counts whether find_mentions returns a mention overlapping the span ("found") and,
where the gold code is a country, whether the mention's country (or state id) is that
country ("country ok").  CAMEO writes a few countries differently from ISO-3; those
are mapped below.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLOVER = ROOT.parent / "shared" / "external" / "plover" / "PLOVER_GSR_CAMEO.txt"
CAMEO_TO_ISO = {
    "JAP": "JPN",
    "ROM": "ROU",
    "DRC": "COD",
    "UK": "GBR",
    "GMY": "DEU",
    "USR": "RUS",
    "PAL": "PSE",
    "SAF": "ZAF",
    "TAZ": "TZA",
    "ZAR": "COD",
    "BUR": "MMR",
    "SUD": "SDN",
    "ALG": "DZA",
    "KSA": "SAU",
    "LEB": "LBN",
    "IRE": "IRL",
    "GRE": "GRC",
    "SPN": "ESP",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    if not PLOVER.exists():
        print(f"{PLOVER} not found; nothing to measure")
        return 0
    from ceasefire.actors import find_mentions, get_dictionary
    from ceasefire.nlp.context import ArticleContext
    from ceasefire.nlp.runner import load_model

    nlp = load_model()
    d = get_dictionary()
    recs = [r for r in json.loads(PLOVER.read_text(encoding="utf-8")) if r.get("text")]
    spans = found = country_n = country_ok = 0
    for r in recs:
        text = r["text"]
        doc = nlp(text)
        refs = find_mentions(doc, ArticleContext(doc=doc))
        for role in ("source", "target"):
            for a in r.get(role) or []:
                if not isinstance(a, dict) or not a.get("actorText"):
                    continue
                at = a["actorText"]
                i = text.find(at)
                if i < 0:
                    continue
                spans += 1
                hits = [x for x in refs if x.start < i + len(at) and i < x.end]
                found += bool(hits)
                code = str(a.get("code", ""))[:3]
                iso = CAMEO_TO_ISO.get(code, code)
                if d.get(iso) is not None and d.get(iso).kind == "state":
                    country_n += 1
                    ok = any(x.country == iso or x.id == iso for x in hits)
                    country_ok += ok
                    if not ok and args.show_misses:
                        print(f"country miss: {at!r} ({iso}) -> {[(x.mention, x.id) for x in hits]}")
                if not hits and args.show_misses:
                    print(f"not found: {at!r} in {text[:90]!r}")
    print(
        f"actor spans found {found / spans:.3f} ({found}/{spans}); "
        f"country right {country_ok / country_n:.3f} ({country_ok}/{country_n})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
