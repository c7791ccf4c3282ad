"""Language and length: non-English articles are stored with their language and not coded; a long
article is parsed in pieces, never cut, with offsets into its own text."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from ceasefire.models import Article, ExtractRecord
from ceasefire.nlp.language import detect_language
from ceasefire.nlp.runner import MAX_ARTICLE_CHARS, split_pieces

EN = (
    "Government forces shelled the rebel-held town of Douma on Monday, killing at least twelve civilians, "
    "a monitoring group said. The army also attacked positions near Homs, and the opposition accused "
    "Damascus of breaking the ceasefire agreed in February."
)
FR = (
    "Les forces gouvernementales ont bombardé lundi la ville de Douma, tenue par les rebelles, tuant au "
    "moins douze civils, selon une organisation de surveillance. L'armée a aussi attaqué des positions "
    "près de Homs, et l'opposition accuse Damas d'avoir rompu le cessez-le-feu conclu en février."
)
AR = (
    "قصفت القوات الحكومية يوم الاثنين مدينة دوما التي يسيطر عليها المعارضون، ما أدى إلى مقتل اثني عشر "
    "مدنيا على الأقل، بحسب منظمة للرصد. وهاجم الجيش أيضا مواقع قرب حمص، واتهمت المعارضة دمشق بخرق "
    "وقف إطلاق النار الذي اتفق عليه في شباط. وقال سكان إن المستشفى الوحيد في المدينة توقف عن العمل."
)


def test_detect_language() -> None:
    assert detect_language(EN) == "en"
    assert detect_language(FR) == "fr"
    assert detect_language(AR) == "ar"
    assert detect_language("Strikes hit Idlib.") is None  # too short to tell: coded as English


@pytest.mark.slow
def test_non_english_articles_are_stored_not_coded_and_counted(tmp_path) -> None:
    for name, text in (("a_en.txt", EN), ("b_fr.txt", FR), ("c_ar.txt", AR)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "lang.db"
    cli = [sys.executable, "-c", "from ceasefire.cli import main; main()"]
    done = subprocess.run(
        [*cli, "ingest", str(tmp_path), "--db", str(db)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert "2 articles in fr, ar: stored, not coded" in done.stderr
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT a.language, (SELECT count(*) FROM events e WHERE e.article_id = a.article_id), "
        "(SELECT count(*) FROM actor_mentions m WHERE m.article_id = a.article_id) FROM articles a "
        "ORDER BY a.id"
    ).fetchall()
    con.close()
    assert [r[0] for r in rows] == ["en", "fr", "ar"]
    assert rows[0][1] > 0 and rows[0][2] > 0  # the English one is coded
    assert rows[1][1:] == (0, 0) and rows[2][1:] == (0, 0)  # no events, no actors


def test_split_pieces_joins_back_and_respects_the_limit() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + EN for i in range(900))
    pieces = split_pieces(text, 20_000)
    assert "".join(pieces) == text and len(pieces) > 1
    assert all(len(p) <= 20_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut at paragraph ends
    one_line = " ".join(["A sentence ends here."] * 3000)
    pieces = split_pieces(one_line, 10_000)
    assert "".join(pieces) == one_line and all(p.endswith(". ") for p in pieces[:-1])


@pytest.mark.slow
def test_a_long_article_is_parsed_whole_in_pieces() -> None:
    from ceasefire.nlp import Annotator

    filler = "\n\n".join(
        f"Report {i}: the weather was mild and markets were calm in the capital." for i in range(1600)
    )
    tail = "\n\nSyrian government forces shelled the town of Douma on Monday, the Syrian Observatory said."
    text = filler + tail
    assert len(text) > MAX_ARTICLE_CHARS
    rec = ExtractRecord("d" * 64, "long.txt", Article(0, "primary", "Long", text, published="2016-06-04"))
    failures = Annotator().annotate([rec])
    assert failures == {}
    late = [e for e in rec.events if e.start > MAX_ARTICLE_CHARS]
    assert late, "nothing coded past the old 100,000-character cut"
    for e in late:
        assert text[e.start : e.end].strip() == e.sentence.strip()
    assert any(p.start > MAX_ARTICLE_CHARS and text[p.start : p.end] == p.mention for p in rec.places)
