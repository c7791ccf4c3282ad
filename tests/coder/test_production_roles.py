"""The role and type tables of ``tests/events`` through the production path.

``tests/events`` checks the rules (the ``rules`` column) by calling the coder on a parsed sentence.
Here every row of its tables goes through ``ceasefire extract`` with the hybrid decider
(``CEASEFIRE_CODER=hybrid``), the way a user meets it: the actor recogniser, the places, the model. A row passes when
an event of the expected type (and status) has a source and a target whose mentions contain the
expected text (``None``: no actor). The floor is the count measured with the shipped weights;
a change to the coder that loses rows fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.events.test_roles import ANY, NOT_ACTS, ROLE_CASES

CLI = Path(sys.executable).with_name("ceasefire")
# measured with the shipped weights (hybrid decider): 85 of 105 ROLE_CASES rows right, 7 of 8 NOT_ACTS
ROLE_FLOOR = 85
NOT_ACTS_FLOOR = 7


def _surface_ok(actor: dict | None, want: str | None) -> bool:
    if want == ANY:
        return True
    if want is None:
        return actor is None
    return actor is not None and want.lower() in (actor.get("mention") or "").lower()


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> list[list[dict]]:
    tmp = tmp_path_factory.mktemp("roles")
    texts = [row[0] for row in ROLE_CASES] + [row[0] for row in NOT_ACTS]
    inputs = tmp / "rows.jsonl"
    inputs.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    env = {k: v for k, v in os.environ.items() if k != "CEASEFIRE_CODER_MODEL"}
    env["CEASEFIRE_CODER"] = "hybrid"
    out = tmp / "out.jsonl"
    ran = subprocess.run(
        [str(CLI), "extract", str(inputs), "--text-field", "text", "-o", str(out), "-q"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stderr
    events: list[list[dict]] = [[] for _ in texts]
    for line in out.read_text().splitlines():
        rec = json.loads(line)
        events[int(rec["source"].rsplit("#row", 1)[1]) - 1] += rec["events"]
    return events


@pytest.mark.slow
def test_role_table_on_the_production_path(coded: list[list[dict]]) -> None:
    right, wrong = 0, []
    for (text, typ, source, target, status), evs in zip(ROLE_CASES, coded, strict=False):
        mine = [e for e in evs if e["type"] == typ and (status == ANY or e["status"] == status)]
        if any(_surface_ok(e["source"], source) and _surface_ok(e["target"], target) for e in mine):
            right += 1
        else:
            wrong.append(text)
    assert right >= ROLE_FLOOR, f"{right} of {len(ROLE_CASES)} rows right; wrong: {wrong}"


@pytest.mark.slow
def test_not_acts_on_the_production_path(coded: list[list[dict]]) -> None:
    evs = coded[len(ROLE_CASES) :]
    right = sum(
        typ not in {e["type"] for e in e_list} for (_t, typ), e_list in zip(NOT_ACTS, evs, strict=True)
    )
    assert right >= NOT_ACTS_FLOOR, f"{right} of {len(NOT_ACTS)} non-acts left uncoded"
