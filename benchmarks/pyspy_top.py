"""The top lines of a py-spy profile: functions by own time and by inclusive time.

    .venv/bin/py-spy record -r 200 -f raw -o prof.raw -- .venv/bin/python benchmarks/speed.py --n 200
    .venv/bin/python benchmarks/pyspy_top.py prof.raw [--top 25] [--under ceasefire/nlp/runner.py]

``--under`` keeps only samples whose stack passes through a frame of that file
(e.g. the annotator, leaving out reading and model loading).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>.*?)(?::(?P<line>\d+))?\)$")


def short(frame: str) -> str:
    m = FRAME.match(frame)
    if not m:
        return frame
    path = m["file"]
    for marker in ("site-packages/", "/ceasefire/", "lib/python3"):
        if marker in path:
            path = path[path.index(marker) + (0 if marker == "/ceasefire/" else len(marker)) :].lstrip("/")
            break
    return f"{m['func']} ({path})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("raw", type=Path)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--under", default=None)
    args = ap.parse_args(argv)
    own: Counter[str] = Counter()
    incl: Counter[str] = Counter()
    total = 0
    for line in args.raw.read_text(encoding="utf-8").splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        frames = stack.split(";")
        if args.under and not any(args.under in f for f in frames):
            continue
        count = int(n)
        total += count
        names = [short(f) for f in frames]
        own[names[-1]] += count
        for name in set(names):
            incl[name] += count
    print(f"{total} samples" + (f" under {args.under}" if args.under else ""))
    for title, table in (("own time", own), ("inclusive time", incl)):
        print(f"\n  {title}:")
        for name, n in table.most_common(args.top):
            print(f"  {100 * n / total:5.1f}%  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
