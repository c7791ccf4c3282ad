"""DateResolver: finding date expressions in parsed sentences, with the running context."""

from __future__ import annotations

import datetime as dt

import pytest

from ceasefire.dates import DateResolver

SAT = dt.date(2016, 6, 4)

SENTENCES = [
    # (sentence, publication date, expected (text, value) pairs in order)
    ("Lavrov said on Monday that the US had asked Moscow not to strike.", SAT, [("Monday", "2016-05-30")]),
    ("The ceasefire took effect on 4 June, 2016 across the country.", None, [("4 June, 2016", "2016-06-04")]),
    (
        "An airstrike of 17th September 2016 killed 83 soldiers.",
        None,
        [("17th September 2016", "2016-09-17")],
    ),
    ("When the US bombed Afghanistan in 2001 it met no resistance.", None, [("2001", "2001")]),
    ("We believe that since last February there has been enough time.", SAT, [("last February", "2016-02")]),
    ("Fighting resumed in mid-June near the border.", SAT, [("mid-June", "2016-06")]),
    ("The rebels attacked the town yesterday, officials said.", SAT, [("yesterday", "2016-06-03")]),
    ("Troops were deployed to the port this week.", dt.date(2018, 12, 12), [("this week", "2018-12")]),
    ("The talks were held on 4 June in Geneva.", SAT, [("4 June", "2016-06-04")]),
    ("Shoigu had set May 25 as the deadline.", SAT, [("May 25", "2016-05-25")]),
    (
        "The offensive began in May and stalled by the end of the year.",
        SAT,
        [("in May", "2016-05"), ("by the end of the year", "2016")],
    ),
    ("SANAA, Jan 21, 2019 The coalition struck the port.", None, [("Jan 21, 2019", "2019-01-21")]),
    # Durations, ages and numbers are not dates.
    ("The siege lasted for three weeks and 24 hours of shelling followed.", SAT, []),
    ("A 37-year-old man and 2016 civilians were counted.", SAT, []),
    ("This may also include the countryside of Aleppo.", SAT, []),
    # Nothing anchors a relative date.
    ("Officials said on Monday that the convoy had left.", None, [("Monday", None)]),
]


@pytest.mark.parametrize("sentence,published,expected", SENTENCES)
def test_dates_in_sentence(nlp, sentence, published, expected):
    doc = nlp(sentence)
    found = DateResolver(published).dates_in(doc[:])
    assert [(d.text, d.value) for d in found] == expected
    for d in found:
        assert doc.text[d.start : d.end] == d.text


def test_calendar_date_beats_the_present_of_the_report(nlp):
    doc = nlp("The latest offensive, launched on 12 May, failed. The current campaign goes on.")
    r = DateResolver(dt.date(2016, 6, 4))
    first, second = list(doc.sents)
    assert (r.date_for(first).value, r.date_for(second).value) == ("2016-05-12", "2016-06")
    # "the latest" is no running context: an undated sentence after it stays undated
    doc = nlp("The latest attack killed five. Nobody claimed it.")
    r = DateResolver(dt.date(2016, 6, 4))
    assert [r.date_for(s).value for s in doc.sents] == ["2016-06", None]


def test_running_context_the_same_day(nlp):
    doc = nlp(
        "Russian jets struck Aleppo on 17th September 2016. "
        "Earlier the same day, the rebels shelled the city. "
        "The next day the army advanced."
    )
    r = DateResolver(None)
    sents = list(doc.sents)
    assert [r.date_for(s).value for s in sents] == ["2016-09-17", "2016-09-17", "2016-09-18"]
    # Asking again, or out of order, gives the same answers.
    assert r.date_for(sents[2]).value == "2016-09-18"
    assert DateResolver(None).date_for(sents[2]).value == "2016-09-18"


def test_deictic_without_publication_does_not_move_context(nlp):
    doc = nlp(
        "The raid took place on 8th January, 2017. "
        "Officials met on Wednesday. "
        "The following week the town fell."
    )
    r = DateResolver(None)
    vals = [(r.date_for(s).value, r.date_for(s).precision) for s in doc.sents]
    assert vals == [("2017-01-08", "day"), ("2017-01", "month"), ("2017-01", "month")]


def test_null_when_nothing_anchors(nlp):
    doc = nlp("Earlier the same day, the rebels shelled the city.")
    d = DateResolver(None).date_for(doc[:])
    assert (d.value, d.precision, d.text) == (None, "none", "Earlier the same day")


INHERIT = [
    # Same paragraph: the day goes on; another paragraph: only the month.
    ("The army took the hill on 3 May 2016. Rebels retreated to the south.", ("2016-05-03", "day")),
    ("The army took the hill on 3 May 2016.\n\nRebels retreated to the south.", ("2016-05", "month")),
    # "since 2014" bounds a period; the context dates the event.
    ("The army took the hill on 3 May 2016. Rebels had held the ridge since 2014.", ("2016-05-03", "day")),
]


@pytest.mark.parametrize("text,expected", INHERIT)
def test_no_expression_and_inherit(nlp, text, expected):
    doc = nlp(text)
    r = DateResolver(dt.date(2016, 6, 4))
    second = list(doc.sents)[-1]
    inherited = r.date_for(second, inherit=True)
    assert (inherited.value, inherited.precision) == expected


def test_no_expression_without_inherit(nlp):
    doc = nlp("The army took the hill on 3 May 2016. Rebels retreated to the south.")
    second = list(doc.sents)[1]
    d = DateResolver(dt.date(2016, 6, 4)).date_for(second)
    assert (d.value, d.precision, d.text) == (None, "none", "")


def test_since_ranks_last(nlp):
    doc = nlp("Rebels held the ridge since 2014 and lost it on 17th September 2016.")
    assert DateResolver(None).date_for(doc[:]).value == "2016-09-17"


def test_most_precise_then_nearest(nlp):
    doc = nlp("When the US bombed Afghanistan in 2001 in the aftermath of the 9/11 attacks, it met no one.")
    r = DateResolver(None)
    assert r.date_for(doc[:]).value == "2001-09-11"
    assert r.date_for(doc[:], near=doc.text.index("bombed")).value == "2001"


def test_future_clause_looks_ahead(nlp):
    doc = nlp("The ministers will meet on Friday in Vienna.")
    assert DateResolver(dt.date(2018, 12, 10)).date_for(doc[:]).value == "2018-12-14"
