"""The analyst's event table in Chromium, against a real `ceasefire serve` over the examples store:
sortable columns, the trigger marked in its sentence, page numbers and a total, the
multi-select of types, the min confidence field, partial and undated dates, and the CSV and
JSON Lines downloads, checked against `ceasefire events` run on the same store.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.support import ROOT

from .browser_fixtures import SHOTS, _get_json


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    exe = ROOT / ".venv" / "bin" / "ceasefire"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "ceasefire.cli"]
    return subprocess.run(
        [*cmd, "events", "--db", str(db), *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def _cli_count(db: Path, *args: str) -> int:
    proc = _cli(db, *args, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    return len(proc.stdout.splitlines())


def _shown_total(page: Any) -> int:
    return int(page.get_attribute("h1 .total", "data-total"))


def test_columns_sort_both_ways_and_pages_follow(server: str, page: Any) -> None:
    page.goto(server + "/events")
    page.click("th a[data-sort=confidence]")
    page.wait_for_url("**sort=-confidence**")
    conf = [float(t) for t in page.locator("table.events tbody tr td:nth-child(8)").all_inner_texts()]
    assert len(conf) > 1 and conf == sorted(conf, reverse=True)
    assert page.locator("th[aria-sort=descending] a").get_attribute("data-sort") == "confidence"
    want = _get_json(server + "/events.json?sort=-confidence")["events"]
    ids = [
        int(i) for i in page.locator("table.events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)")
    ]
    assert ids == [e["id"] for e in want]
    page.click("th a[data-sort=confidence]")  # again: ascending
    page.wait_for_url("**sort=confidence**")
    up = [float(t) for t in page.locator("table.events tbody tr td:nth-child(8)").all_inner_texts()]
    assert up == sorted(up) and up[0] <= conf[-1]
    page.click("th a[data-sort=place]")
    page.wait_for_url("**sort=place**")
    by_place = _get_json(server + "/events.json?sort=place&limit=1000")["events"]
    names = [e["location"]["name"].lower() if e["location"] else None for e in by_place]
    named = [n for n in names if n is not None]
    assert named == sorted(named), "places A to Z"
    assert names[len(named) :] == [None] * (len(names) - len(named)), "events with no place last"
    ids = [
        int(i) for i in page.locator("table.events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)")
    ]
    assert ids == [e["id"] for e in by_place[:50]]
    # page 2 of the sorted table is the JSON twin's second page, and carries the sort along
    page.locator(".pager a.page", has_text="2").first.click()
    page.wait_for_url("**offset=50**")
    assert parse_qs(urlsplit(page.url).query)["sort"] == ["place"]
    second = _get_json(server + "/events.json?sort=place&offset=50")["events"]
    ids = [
        int(i) for i in page.locator("table.events tbody tr").evaluate_all("rs => rs.map(r => r.dataset.id)")
    ]
    assert ids == [e["id"] for e in second]
    assert page.locator(".pager b[aria-current=page]").inner_text() == "2"


def test_total_pages_and_trigger_marks(server: str, page: Any, examples_db: Path) -> None:
    page.goto(server + "/events")
    total = _shown_total(page)
    assert total == _cli_count(examples_db) == _get_json(server + "/events.json")["total"]
    n_pages = -(-total // 50)
    assert n_pages > 2, "the examples store has several pages"
    labels = page.locator(".pager a.page, .pager b").all_inner_texts()
    assert labels[0] == "1" and labels[-1] == str(n_pages)
    rows = _get_json(server + "/events.json")["events"]
    marks = page.locator("table.events tbody tr").evaluate_all(
        "rs => rs.map(r => { const m = r.querySelector('td.sentence mark.trigger');"
        " return [r.querySelector('td.sentence').innerText, m ? m.innerText : null]; })"
    )
    marked = 0
    for e, (sentence, mark) in zip(rows, marks, strict=True):
        assert sentence.split() == e["sentence"].split(), "the whole sentence is shown"
        if e["trigger"] and e["trigger"].lower() in e["sentence"].lower():
            assert mark is not None and mark.lower().split() == e["trigger"].lower().split()
            marked += 1
        elif mark is not None:
            assert mark.lower().split() == (e["trigger"] or "").lower().split()
    assert marked > len(rows) // 2
    page.screenshot(path=str(SHOTS / "events-table.png"), full_page=False)


def test_types_multi_select_and_min_confidence_are_the_clis(
    server: str, page: Any, examples_db: Path
) -> None:
    page.goto(server + "/events")
    page.select_option("select[name=type]", ["ASSAULT", "COERCE"])
    page.fill("input[name=min_confidence]", "0.6")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**min_confidence=0.6**")
    qs = parse_qs(urlsplit(page.url).query)
    assert sorted(qs["type"]) == ["ASSAULT", "COERCE"]
    want = _cli_count(examples_db, "--type", "assault,coerce", "--min-confidence", "0.6")
    assert 0 < want < _cli_count(examples_db, "--type", "assault,coerce")
    assert _shown_total(page) == want
    types = set(page.locator("table.events tbody td:nth-child(2) .badge").all_inner_texts())
    assert types <= {"ASSAULT", "COERCE"}
    conf = [float(t) for t in page.locator("table.events tbody tr td:nth-child(8)").all_inner_texts()]
    assert conf and min(conf) >= 0.6
    # the form shows what is applied after the reload
    assert sorted(page.locator("select[name=type] option:checked").all_inner_texts()) == ["ASSAULT", "COERCE"]
    assert page.input_value("input[name=min_confidence]") == "0.6"


def _download(page: Any, fmt: str) -> bytes:
    with page.expect_download() as info:
        page.click(f"a.download[data-format={fmt}]")
    return Path(info.value.path()).read_bytes()


def test_downloads_are_the_clis_rows(server: str, page: Any, examples_db: Path) -> None:
    page.goto(server + "/events?type=ASSAULT&type=COERCE&min_confidence=0.5&since=2016")
    assert page.locator("p.downloads").inner_text().startswith(f"Download all {_shown_total(page)} events")
    flt = ["--type", "assault,coerce", "--min-confidence", "0.5", "--since", "2016"]
    csv_cli = _cli(examples_db, *flt, "--format", "csv")
    json_cli = _cli(examples_db, *flt, "--format", "json")
    assert csv_cli.returncode == json_cli.returncode == 0
    got_csv = _download(page, "csv")
    assert got_csv.decode("utf-8") == csv_cli.stdout
    assert len(got_csv.decode().splitlines()) == _shown_total(page) + 1  # + the header
    got_json = _download(page, "jsonl")
    assert got_json.decode("utf-8") == json_cli.stdout
    assert len(json_cli.stdout.splitlines()) == _shown_total(page)
    page.screenshot(path=str(SHOTS / "events-download.png"), full_page=False)
    # unfiltered: every event, in the same order
    page.goto(server + "/events")
    assert _download(page, "csv").decode("utf-8") == _cli(examples_db, "--format", "csv").stdout


def test_a_download_naming_no_actor_says_so(server: str, page: Any) -> None:
    resp = page.goto(server + "/events.csv?actor=Nobody%20At%20All")
    assert resp is not None and resp.status == 404
    assert "no actor 'Nobody At All'" in page.locator("body").inner_text()


def test_partial_dates_marked_and_undated_counted(server: str, page: Any, examples_db: Path) -> None:
    since, until = "2018-12-15", "2019-01-10"
    page.goto(server + f"/events?since={since}&until={until}")
    j = _get_json(server + f"/events.json?since={since}&until={until}&limit=1000")
    assert _shown_total(page) == j["total"] == _cli_count(examples_db, "--since", since, "--until", until)
    partial = [e["id"] for e in j["events"] if e["partial"]]
    assert partial, "the examples store has a month (2018-12) and a window reaching outside these dates"
    assert int(page.get_attribute("[data-partial]", "data-partial")) == len(partial) == j["partial"]
    marked = page.locator("tr.partial-row").evaluate_all("rs => rs.map(r => Number(r.dataset.id))")
    assert sorted(marked) == sorted(partial)
    proc = _cli(examples_db, "--since", since, "--until", until, "--format", "json")
    assert f"note: {j['partial']} of the events listed" in proc.stderr
    assert j["undated"] > 0
    assert int(page.get_attribute("[data-undated]", "data-undated")) == j["undated"]
    assert f"note: {j['undated']} matching events have no date" in proc.stderr
    page.screenshot(path=str(SHOTS / "events-partial.png"), full_page=False)
