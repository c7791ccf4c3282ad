"""`python -m ceasefire.clean`: the splitter alone, extract-style JSON Lines out."""

from __future__ import annotations

import json
from pathlib import Path

from ceasefire.clean.__main__ import main


def test_writes_one_record_per_article(tmp_path: Path) -> None:
    body = (
        "Government forces said on Tuesday they had repelled an attack by armed groups on the "
        "northern outskirts of the city, the third such attempt this month."
    )
    page = tmp_path / "site" / "page.txt"
    page.parent.mkdir()
    page.write_text(
        f"Convoy Reaches Besieged Town\n\nBy Jane Roe\n\nAdvertisement\n\n{body}\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    assert main([str(page), "--out", str(out), "--stats"]) == 0
    (rec,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rec["source"] == str(page) and rec["article_id"].endswith(":0")
    assert rec["article"]["title"] == "Convoy Reaches Besieged Town"
    assert rec["article"]["authors"] == ["Jane Roe"]
    assert rec["article"]["text"] == body
    assert rec["removed"] == ["Advertisement"]
    assert rec["events"] == []
