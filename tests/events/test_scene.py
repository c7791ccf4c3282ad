"""A place is carried onto a sentence that names none only when the event stays in the scene
(issue 12: a wrong place was carried onto the later sentences of a person's statements)."""

from __future__ import annotations

import pytest

from ceasefire.events.location import event_place, same_scene
from ceasefire.nlp.context import ArticleContext
from ceasefire.places import find_places


def _second(nlp, text: str, trigger: str):
    doc = nlp(text)
    ctx = ArticleContext(doc=doc)
    ctx.places = find_places(doc, ctx)
    sent = list(doc.sents)[-1]
    tok = next(t for t in sent if t.text == trigger)
    return tok, sent, ctx


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("An airstrike hit a position in the Thardeh mountains. It killed 83 soldiers.", "killed"),
        ("Shelling hit the centre of Aleppo. Two civilians were killed.", "killed"),
        ("Jets bombed a market in Idlib. The strike killed 12 people.", "killed"),
        ("Jets bombed a market in Idlib. Fighting continued there on Tuesday.", "Fighting"),
    ],
)
def test_same_scene_carries_the_place(nlp, text, trigger) -> None:
    tok, sent, ctx = _second(nlp, text, trigger)
    assert same_scene(tok)
    place = event_place(tok, sent, ctx)
    assert place is not None and place.mention in text.split(".")[0]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Jets bombed a market in Idlib. Pompeo said the US would impose sanctions.", "said"),
        ("Jets bombed a market in Idlib. The Syrian army denied attacking civilians.", "denied"),
    ],
)
def test_a_named_party_starts_its_own_scene(nlp, text, trigger) -> None:
    tok, sent, ctx = _second(nlp, text, trigger)
    assert not same_scene(tok)
    assert event_place(tok, sent, ctx) is None
