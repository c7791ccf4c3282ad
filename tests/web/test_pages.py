"""The quotes page, the search page and the labelled map popups in Chromium, against a real
`ceasefire serve` over the examples store; counts checked against the CLI on the same store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ceasefire.store.names import is_name
from tests.support import ROOT

from .browser_fixtures import SHOTS, _get_json


def _cli_rows(db: Path, command: str, *args: str) -> list[str]:
    exe = ROOT / ".venv" / "bin" / "ceasefire"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "ceasefire.cli"]
    proc = subprocess.run(
        [*cmd, command, "--db", str(db), *args, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def _wait_map(page: Any) -> int:
    page.wait_for_selector("#map[data-state='ready']")
    return int(page.get_attribute("#map", "data-markers"))


def test_map_popup_is_labelled(server: str, page: Any) -> None:
    page.goto(server + "/?place=Hodeidah")
    assert _wait_map(page) > 0
    cluster = page.locator(".marker-cluster")
    while page.locator(".ev-marker").count() == 0 and cluster.count() > 0:
        cluster.first.click()
        page.wait_for_timeout(600)
    page.locator(".ev-marker").first.click(force=True)
    popup = page.locator(".ev-popup")
    popup.wait_for()
    labels = popup.locator("th").all_inner_texts()
    assert labels == ["Type", "Actors", "Date", "Place"]
    href = popup.locator("a").get_attribute("href")
    ev = _get_json(server + href + ".json")["event"]
    cells = {
        tr.get_attribute("data-field"): tr.locator("td").inner_text() for tr in popup.locator("tr").all()
    }
    assert cells["type"] == ev["type"]
    assert cells["place"] == ev["location"]["name"] == "Hodeidah"
    assert cells["date"] == (ev["date"] or "—")
    names = [(ev[r] or {}).get("name") or "?" for r in ("source", "target")]
    assert cells["actors"] == ("—" if names == ["?", "?"] else " → ".join(names))
    page.screenshot(path=str(SHOTS / "map-popup.png"), full_page=False)


def test_quotes_page_is_the_clis(server: str, page: Any, examples_db: Path) -> None:
    page.goto(server + "/quotes")
    everything = _cli_rows(examples_db, "quotes")
    assert int(page.get_attribute("h1 .total", "data-total")) == len(everything) > 0
    j = _get_json(server + "/quotes.json?limit=1000")
    assert j["total"] == len(everything)
    ids = page.locator("table.quotes tbody tr").evaluate_all("rs => rs.map(r => Number(r.dataset.id))")
    assert ids == [x["id"] for x in j["quotes"][:50]]
    # newest article first
    published = [x["published"] for x in j["quotes"] if x["published"]]
    assert published == sorted(published, reverse=True)
    # the speaker, by a name it is seen under, through the filter form
    speaker = next(
        x["speaker"] for x in j["quotes"] if x["speaker"] and is_name(x["speaker"]["mention"] or "")
    )
    page.fill("input[name=actor]", speaker["mention"])
    page.click(".filters button[type=submit]")
    page.wait_for_url("**actor=**")
    want = _cli_rows(examples_db, "quotes", "--actor", speaker["mention"])
    assert int(page.get_attribute("h1 .total", "data-total")) == len(want) > 0
    shown = set(page.locator("table.quotes td.speaker").all_inner_texts())
    assert shown == {speaker["name"]}
    # an event filter keeps the quotes of articles that report such events, as the CLI does
    page.goto(server + "/quotes?type=ASSAULT")
    want = _cli_rows(examples_db, "quotes", "--type", "ASSAULT")
    assert int(page.get_attribute("h1 .total", "data-total")) == len(want) < len(everything)
    page.screenshot(path=str(SHOTS / "quotes.png"), full_page=False)
    page.goto(server + "/quotes?actor=Kulebaa")
    assert "did you mean" in page.locator("p.miss").inner_text()


def test_search_finds_articles_events_actors_and_quotes(server: str, page: Any, examples_db: Path) -> None:
    quotes = _get_json(server + "/quotes.json?limit=1000")["quotes"]
    speaker = next(x["speaker"] for x in quotes if x["speaker"] and x["speaker"]["id"].isupper())
    word = speaker["name"].split()[-1]  # a surname: in the articles, the actors and the quotes' speakers
    page.goto(server + "/search")
    page.fill("input[name=q]", word)
    page.click("form.search button[type=submit]")
    page.wait_for_url(f"**/search?q={quote(word)}")
    arts = _get_json(server + f"/articles.json?q={quote(word)}&limit=10")["articles"]
    shown = page.locator("#found-articles li a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert shown == [f"/articles/{quote(a['article_id'], safe='')}" for a in arts] and shown
    n_events = len(_cli_rows(examples_db, "events", "--text", word))
    assert int(page.get_attribute("#found-events h2 small", "data-n")) == n_events > 0
    assert page.locator("#found-events table.events tbody tr").count() == min(n_events, 10)
    actors = page.locator("#found-actors a").all_inner_texts()
    assert speaker["name"] in actors
    j = _get_json(server + f"/search.json?q={quote(word)}")
    assert j["quotes_total"] == sum(word.lower() in x["text"].lower() for x in quotes)
    assert page.locator("#found-quotes blockquote").count() == min(j["quotes_total"], 20)
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)
    # every kind of result says when there is nothing
    page.goto(server + "/search?q=zzqqxx")
    assert page.locator("#found-articles .empty, #found-actors .empty, #found-quotes .empty").count() == 3


def test_search_too_long_is_a_400(server: str, page: Any) -> None:
    resp = page.goto(server + "/search?q=" + "x" * 201)
    assert resp is not None and resp.status == 400
