"""Casualty counts through the real `ceasefire extract` path (spaCy parse, every stage).

The sentences are written for these tests (none comes from the gold set); each
asserts the figure, the group and, where the text gives one, the claimant.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.cli import cli


def extract(tmp_path: Path, text: str) -> list[dict]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(page), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def counts(tmp_path: Path, text: str) -> list[tuple]:
    recs = extract(tmp_path, text)
    return [
        (c["kind"], c["low"], c["best"], c["high"], c["group"])
        for r in recs
        for e in r["events"]
        for c in e["casualties"]
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "An air strike on the market in Maarat al-Numan killed at least 12 civilians on Sunday.",
            [("killed", 12, 12, None, "civilians")],
        ),
        (
            "Dozens of fighters were killed when government jets bombed their positions near Hama.",
            [("killed", 24, 24, None, "armed")],
        ),
        (
            "More than 1,000 people have been killed in the shelling of the city since March.",
            [("killed", 1000, 1000, None, "unknown")],
        ),
        (
            "Two children and their mother were killed when a shell hit their house in Douma.",
            [("killed", 3, 3, 3, "civilians")],
        ),
        (
            "Fifteen soldiers were killed and 21 wounded when rebels attacked the checkpoint at dawn.",
            [("killed", 15, 15, 15, "military"), ("wounded", 21, 21, 21, "military")],
        ),
        (
            "Militants stormed the village overnight, killing up to 40 farmers.",
            [("killed", None, 40, 40, "civilians")],
        ),
        (
            "The car bomb exploded outside the police station, wounding about 30 policemen.",
            [("wounded", None, 30, None, "police")],
        ),
        (
            "Shelling of the town killed between 10 and 15 people, medics said.",
            [("killed", 10, 10, 15, "unknown")],
        ),
        (
            "Gunmen attacked the bus, killing a soldier and a civilian.",
            [("killed", 1, 1, 1, "civilians"), ("killed", 1, 1, 1, "military")],
        ),
    ],
)
def test_figures_and_groups(tmp_path: Path, text: str, want: list[tuple]) -> None:
    assert sorted(counts(tmp_path, text), key=str) == sorted(want, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "A full assault on the city could kill thousands of civilians, aid groups warned.",
        "The governor was nearly killed when gunmen fired on his convoy.",
        "Rebels shelled the base on Monday, but no one was injured.",
        "Troops attacked the village, where dead civilians lay in the streets.",
    ],
)
def test_no_count_where_none_is_reported(tmp_path: Path, text: str) -> None:
    assert counts(tmp_path, text) == []


def test_counts_keep_their_claimant_and_the_event_its_lowest_figure(tmp_path: Path) -> None:
    text = (
        "Russian air strikes on Idlib killed 30 civilians on Tuesday, according to the "
        "Syrian Observatory for Human Rights. The Syrian army said 12 militants were killed in the raids."
    )
    recs = extract(tmp_path, text)
    found = [
        (c["best"], c["group"], (c["claimant"] or {}).get("id"))
        for e in recs[0]["events"]
        for c in e["casualties"]
    ]
    assert (30, "civilians", "SOHR") in found
    assert any(
        best == 12 and group == "armed" and who is not None and who != "SOHR" for best, group, who in found
    )
    for e in recs[0]["events"]:
        killed = [c for c in e["casualties"] if c["kind"] == "killed"]
        if killed:
            assert e["fatalities"] == min(
                sum((c["low"] if c["low"] is not None else c["best"]) for c in killed if c["claimant"] == who)
                for who in [c["claimant"] for c in killed]
            )


def test_events_without_counts_have_none(tmp_path: Path) -> None:
    recs = extract(tmp_path, "Turkey and Russia agreed on a ceasefire in Idlib on Thursday.")
    assert recs[0]["events"], "the sentence has an event"
    for e in recs[0]["events"]:
        assert e["casualties"] == [] and e["fatalities"] is None
