"""Draw the casualty gold set's sentences from ``../shared/external`` (by seed, never by result).

A candidate is a sentence of a shared document that has a death or injury word
and a number (digits, a number word or a vague quantity). Sentences are cut by
a plain punctuation rule, not by the project's parser, so the draw does not
depend on the code it measures. Quotas per outlet keep any one outlet from
dominating; Guardian rows 0-59 are refused by :mod:`ceasefire.corpus.sources`.

``python -m ceasefire.casualties.draw OUT`` writes the drawn units with their
text to OUT (for the annotator; keep it out of git: ``corpus/.work/``).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from ..corpus import sources

SEED = 20261207
# Units per (collection, outlet); Halterman's outlets are wire services and Al-Masdar.
QUOTA = {
    ("halterman", "AP"): 30,
    ("halterman", "AFP"): 30,
    ("halterman", "Xinhua"): 30,
    ("halterman", "Al-Masdar News"): 30,
    ("halterman", "PITF atrocities (wire excerpts)"): 25,
    ("guardian", "The Guardian"): 45,
    ("trnews", "*"): 30,
    ("fakenews", "*"): 30,
}
QUOTA_2 = {
    ("halterman", "AP"): 10,
    ("halterman", "AFP"): 10,
    ("halterman", "Xinhua"): 10,
    ("halterman", "Al-Masdar News"): 15,
    ("halterman", "PITF atrocities (wire excerpts)"): 15,
    ("guardian", "The Guardian"): 20,
}
HARM = re.compile(
    r"\b(kill(s|ed|ing)?|wound(s|ed|ing)?|injur(e|ed|es|ing|ies|y)|dead|died|dies|deaths?|"
    r"(death )?toll|casualties|lives|slain|massacred|executed)\b",
    re.I,
)
QUANTITY = re.compile(
    r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|dozens?|scores|"
    r"several|a (man|woman|child|boy|girl|soldier|civilian))\b",
    re.I,
)
_SENT = re.compile(r"[^\n.!?]+(?:[.!?]+(?=\s|$)|$)")
MIN_CHARS, MAX_CHARS = 30, 500


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets by punctuation (a full stop inside "1.5" or "U.S." may end one early;
    such a fragment is still a fair unit when it carries a count)."""
    out = []
    for m in _SENT.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if MIN_CHARS <= b - a <= MAX_CHARS:
            out.append((a, b))
    return out


def candidate(text: str) -> bool:
    return bool(HARM.search(text) and QUANTITY.search(text))


def draw(seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    pools: dict[tuple[str, str], list[dict]] = defaultdict(list)
    seen: set[str] = set()
    for collection in sources.COLLECTIONS:
        for key in sources.keys(collection):
            try:
                doc = sources.document(collection, key)
            except KeyError:
                continue
            outlet = doc.outlet if (collection, doc.outlet) in QUOTA else "*"
            if (collection, outlet) not in QUOTA:
                continue
            for a, b in sentences(doc.text):
                s = doc.text[a:b]
                norm = " ".join(s.split()).lower()
                if norm in seen or not candidate(s):
                    continue
                seen.add(norm)
                pools[(collection, outlet)].append(
                    {"unit": f"{collection}:{key}:{a}-{b}", "outlet": doc.outlet, "text": s}
                )
    out = []
    for k, n in QUOTA.items():
        pool = pools[k]
        out += rng.sample(pool, min(n, len(pool)))
    # The second batch (drawn after the first was annotated, to pass 200 casualty statements):
    # the densest collections again, from what the first batch left.
    taken = {u["unit"] for u in out}
    rng2 = random.Random(seed + 1)
    for k, n in QUOTA_2.items():
        pool = [u for u in pools[k] if u["unit"] not in taken]
        out += rng2.sample(pool, min(n, len(pool)))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m ceasefire.casualties.draw OUT.jsonl", file=sys.stderr)
        return 2
    units = draw()
    with Path(argv[0]).open("w", encoding="utf-8") as f:
        for u in units:
            f.write(json.dumps(u, ensure_ascii=False) + "\n")
    print(f"{len(units)} units -> {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
