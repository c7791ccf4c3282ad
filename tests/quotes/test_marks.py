"""quote_spans: which stretches of raw text sit inside speech marks."""

from __future__ import annotations

import pytest

from ceasefire.quotes import quote_spans

CASES = [
    ("He said: “We will not leave.” Then he left.", ["We will not leave."]),
    ('"It is over," she said.', ["It is over,"]),
    ("Lavrov said «the truce is dead» on Monday.", ["the truce is dead"]),
    ("‘US trying to play both sides’ was the headline.", ["US trying to play both sides"]),
    # Apostrophes are not speech marks.
    ("Russia’s army and the rebels’ positions, don’t they?", []),
    (
        "“There are ‘normal’ opposition groups there,” he said.",
        ["There are ‘normal’ opposition groups there,"],
    ),
    # Two quotes split around the attribution.
    (
        "“We warned them,” he said, “and they did not listen.”",
        ["We warned them,", "and they did not listen."],
    ),
    # A quotation over two paragraphs: the first paragraph is left open.
    ("“First part of it.\n\n“Second part of it,” he said.", ["First part of it.\n\n“Second part of it,"]),
    # A block quotation never closed.
    (
        "Lavrov said:\n\n“What is happening now was foreseen.\n\nNext paragraph.",
        ["What is happening now was foreseen."],
    ),
    # British single marks: a plural possessive inside is not the closer when a closer
    # after punctuation follows; a quotation over paragraphs reopens with ‘.
    (
        "‘The rebels’ positions fell overnight,’ the colonel said.",
        ["The rebels’ positions fell overnight,"],
    ),
    ("She called them ‘the rebels’ in her report, not ‘terrorists’.", ["the rebels", "terrorists"]),
    (
        "‘We have no power.\n\n‘The generators stopped,’ she said.",
        ["We have no power.\n\n‘The generators stopped,"],
    ),
    # Straight single marks only as a sure pair: a capital after the opener, punctuation
    # before the closer; apostrophes and a lower-case headline fragment are left alone.
    ("'We will not leave our homes,' said Umm Ahmad.", ["We will not leave our homes,"]),
    ("He said: 'It is over. We lost everything.' Then he left.", ["It is over. We lost everything."]),
    ("The rebels' positions and Russia's jets were hit, he said.", []),
    ("The 'no fly zone' idea and the rebels' plan, he said.", []),
    # An opener with no closer inside a paragraph is dropped.
    ("The “moderate opposition was there.\nMore text.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quote_spans(text, expected):
    assert [q.text(text) for q in quote_spans(text)] == expected
