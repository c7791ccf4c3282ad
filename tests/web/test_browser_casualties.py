"""Browser test: the event page shows the killed and wounded counts of an event coded by the
real pipeline from the bundled examples (the Donbas shelling page, the feed exports), in
Debian's Chromium against a real `ceasefire serve` (fixtures of test_browser)."""

from __future__ import annotations

from typing import Any

from .test_browser import SHOTS, _get_json, browser, chromium, page, server  # noqa: F401  (fixtures)


def test_event_page_lists_casualties(server: str, page: Any) -> None:  # noqa: F811
    events = _get_json(server + "/events.json?limit=1000")["events"]
    with_counts = [e for e in events if e["casualties"]]
    assert with_counts, "the bundled examples report deaths (at least 12 soldiers, 37 attackers, ...)"
    ev = max(with_counts, key=lambda e: len(e["casualties"]))
    page.goto(server + f"/events/{ev['id']}")
    rows = page.locator("#casualties tr.casualty")
    assert rows.count() == len(ev["casualties"])
    first = rows.first.locator("td").all_inner_texts()
    c = ev["casualties"][0]
    assert first[0] == c["kind"] and first[2] == str(c["best"])
    shown = page.locator("#ev-fatalities").inner_text()
    assert shown.split()[0] == (str(ev["fatalities"]) if ev["fatalities"] is not None else "—")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "event-casualties.png"), full_page=True)
