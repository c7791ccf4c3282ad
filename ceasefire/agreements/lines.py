"""Where a key or a value sits in a TOML file, for error messages with a line number.

tomllib (the standard library's reader) gives values without positions; this light scan of
the text records the line of every table header and ``key =`` line, by table, so that a
problem found in the parsed value can be reported where the user typed it.
"""

from __future__ import annotations

import re
from collections import defaultdict

_ARRAY_TABLE = re.compile(r"^\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE = re.compile(r"^\[\s*([A-Za-z0-9_.-]+)\s*\]")
_KEY = re.compile(r"^([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=")

Section = tuple[object, ...]  # () top level, ("area",), ("sides", 0)


class Lines:
    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.keys: dict[tuple[Section, str | None], int] = {}
        section: Section = ()
        seen: dict[str, int] = defaultdict(int)
        depth = 0  # brackets open across lines (a multi-line array): its lines hold no keys
        for n, raw in enumerate(self.lines, 1):
            s = raw.strip()
            if depth == 0 and (m := _ARRAY_TABLE.match(s)):
                section = (m[1], seen[m[1]])
                seen[m[1]] += 1
                self.keys[(section, None)] = n
                continue
            if depth == 0 and (m := _TABLE.match(s)):
                section = (m[1],)
                self.keys[(section, None)] = n
                continue
            if depth == 0 and (m := _KEY.match(s)):
                self.keys.setdefault((section, m[1].strip("\"'")), n)
            code = s.split("#", 1)[0]  # a rough cut: '#' inside strings only shortens the count
            depth = max(0, depth + code.count("[") - code.count("]"))

    def of(self, section: Section = (), key: str | None = None, value: object = None) -> int:
        """The line of ``key`` in ``section`` (else of the section's header, else 0); with
        ``value``, the first line from there on that holds it as a quoted string or a bare word."""
        n = self.keys.get((section, key)) or self.keys.get((section, None)) or 0
        if value is None or not n:
            return n
        text = str(value)
        needles = (f'"{text}"', f"'{text}'") if isinstance(value, str) else (text,)
        for i in range(n - 1, len(self.lines)):
            if any(x in self.lines[i] for x in needles):
                return i + 1
        return n
