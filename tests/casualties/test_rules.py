"""The parts of the casualty stage that need no parse: ACLED's conservative rule and the
record format."""

from __future__ import annotations

import dataclasses

from ceasefire.models import ActorRef, Casualty, Event, fatalities

ARMY = ActorRef("SYR_MIL", "Syrian Arab Army", "military", "SYR")
SOHR = ActorRef("SOHR", "Syrian Observatory for Human Rights", "ngo", "GBR")


def test_lowest_figure_across_claimants_and_sum_within_one() -> None:
    cs = [
        Casualty("killed", 30, low=30, high=30, group="civilians", claimant=SOHR),
        Casualty("killed", 5, low=5, high=5, group="armed", claimant=SOHR),
        Casualty("killed", 12, low=12, high=None, group="armed", claimant=ARMY),
        Casualty("wounded", 2, low=2, high=2, claimant=ARMY),
    ]
    assert fatalities(cs) == 12  # SOHR says 35 in all, the army at least 12: the lowest is kept


def test_bounds_give_the_lowest_figure_they_allow() -> None:
    assert fatalities([Casualty("killed", 24, low=24)]) == 24  # "dozens"
    assert fatalities([Casualty("killed", 600, high=600)]) == 600  # "up to 600": no lower figure stated
    assert fatalities([Casualty("wounded", 9, low=9)]) is None


def test_round_trip_keeps_every_stored_field() -> None:
    c = Casualty(
        "killed", 3, low=3, high=3, group="civilians", actor=ARMY, claimant=SOHR, mention="x", start=1, end=2
    )
    assert Casualty.from_json(c.to_json()) == c
    stored = set(c.to_json())
    assert {f.name for f in dataclasses.fields(Casualty) if f.compare} == stored
    e = Event("ASSAULT", "s", 0, 1, casualties=[c])
    assert Event.from_json(e.to_json()) == e
    assert e.to_json()["fatalities"] == 3
