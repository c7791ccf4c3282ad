"""Text made inert for a terminal: stored article text never drives the terminal.

Article text, titles, actor names and file names come from the web. Printed
raw, an OSC sequence in them can set the window title, write the clipboard
or hide what follows; a CSI sequence can move the cursor and overwrite lines.
Every line the CLI prints for a person to read (tables, the actor page,
errors and notes on stderr) goes through :func:`inert`, which removes the
C0 controls except newline and tab, DEL and the C1 controls (U+0080-U+009F).
Their printable remainder (e.g. ``]0;title``) stays visible, so nothing is
hidden. JSON Lines and CSV output keep the text exactly as stored.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """``text`` without C0 controls (but ``\\n`` and ``\\t``), DEL and C1 controls."""
    return _CONTROLS.sub("", text)
