"""Parties the actor recogniser does not resolve still fill a role, through ``ceasefire extract``.

The rules decider (the default) runs with the real actor recogniser and places. Each row was
written for this test: sentence -> (type, source text, target text); the expected text must occur
in the event's mention (``None``: the role stays empty).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CLI = Path(sys.executable).with_name("ceasefire")
ANY = "<any>"

ROWS = [
    # an actor noun the recogniser has no entry for is a provisional party
    ("Militants killed at least forty people in the market on Sunday.", "ASSAULT", "Militants", "people"),
    ("Gunmen abducted two women near the checkpoint.", "ASSAULT", "Gunmen", "women"),
    # a thing made or fired by someone stands for its maker
    ("Rockets fired by Hamas hit an Israeli town overnight.", "ASSAULT", "Hamas", ANY),
    # a facility in a state: the state suffers the attack ...
    ("Houthi fighters attacked a military base in Saudi Arabia.", "ASSAULT", "Houthi", "Saudi Arabia"),
    # ... a facility in a town does not make the town a party (the guideline codes no target)
    ("The rebels attacked a checkpoint in Aleppo.", "ASSAULT", "rebels", None),
    # an object that looks like a party but names none leaves the recipient to the PP
    ("Norway donated USD5 million to the World Food Programme last year.", "AID", "Norway", "World Food"),
    # the indirect object of the verb that hands over a nominal act receives it
    ("The president gave Kim Jong Un a final warning on Tuesday.", "THREATEN", "president", "Kim"),
]


def _ok(actor: dict | None, want: str | None) -> bool:
    if want == ANY:
        return True
    if want is None:
        return actor is None
    return actor is not None and want.lower() in (actor.get("mention") or "").lower()


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> list[list[dict]]:
    tmp = tmp_path_factory.mktemp("parties")
    inputs = tmp / "rows.jsonl"
    inputs.write_text("".join(json.dumps({"id": str(i), "text": r[0]}) + "\n" for i, r in enumerate(ROWS)))
    env = {**os.environ, "CEASEFIRE_CODER": "rules"}
    out = tmp / "out.jsonl"
    ran = subprocess.run(
        [str(CLI), "extract", str(inputs), "--text-field", "text", "-o", str(out), "-q"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stderr
    events: list[list[dict]] = [[] for _ in ROWS]
    for line in out.read_text().splitlines():
        rec = json.loads(line)
        events[int(rec["source"].rsplit("#row", 1)[1]) - 1] += rec["events"]
    return events


@pytest.mark.parametrize("i", range(len(ROWS)))
def test_party_fills_the_role(coded: list[list[dict]], i: int) -> None:
    text, typ, source, target = ROWS[i]
    mine = [e for e in coded[i] if e["type"] == typ]
    assert any(_ok(e["source"], source) and _ok(e["target"], target) for e in mine), (text, coded[i])
