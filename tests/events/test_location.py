"""Where an event happened: ``event_place`` on sentences written for these tests.

Each row: text -> (trigger word, expected place mention). The context is built with the real stages
(actor mentions, then places, as the runner does); ``event_place`` is called on the first token
spelled like the trigger. The expected text must occur in the chosen place's mention; ``None`` means
no place. Each row names the rule it checks.
"""

from __future__ import annotations

import pytest

from ceasefire.events.location import event_place
from ceasefire.nlp.context import ArticleContext

# (text, trigger, expected mention)
LOCATION_CASES = [
    # an origin phrase says where the party came from, not where it acted
    ("Russian jets from the Hmeimim base bombed Idlib on Tuesday.", "bombed", "Idlib"),
    ("Hundreds of fighters entered Manbij from Turkey overnight.", "entered", "Manbij"),
    # backers of a party are not a place; the object is
    ("The Syrian army, backed by Iranian militias, attacked Aleppo.", "attacked", "Aleppo"),
    # a wider place yields to the more specific place it qualifies
    ("Gunmen killed two policemen in the West Bank city of Hebron.", "killed", "Hebron"),
    ("A car bomb killed five people in Iraq's northern Nineveh province.", "killed", "Nineveh"),
    ("Two guards were killed at a US military base near Baquba.", "killed", "Baquba"),
    # ... but a place noun inside a wider place keeps its own name
    ("The army launched an assault in the East Ghouta region of rural Damascus.", "launched", "Ghouta"),
    # a place qualifying something that is not a place (a war) does not locate the act
    ("Israel captured East Jerusalem in the 1967 Mideast war.", "captured", "Jerusalem"),
    # a fronted locative phrase sets the scene; the object is more specific
    ("In Aleppo province, rebels shelled the town of Azaz.", "shelled", "Azaz"),
    # a bearing from a reference point is not the site
    ("Insurgents ambushed a convoy 30 kilometres west of Baghdad, near Fallujah.", "ambushed", "Fallujah"),
    # places describing the subject come after the rest of the sentence
    ("A militant from Aleppo was arrested after a raid in Istanbul.", "arrested", "Istanbul"),
    # the act going on with the event ("during air strikes on X") places it
    (
        "According to monitors in London, nine militants were killed during air strikes on Raqqa.",
        "killed",
        "Raqqa",
    ),
    # "not far from X" is where
    (
        "Officials in Jerusalem said he was captured not far from his office in Ramallah.",
        "captured",
        "Ramallah",
    ),
    # a relative clause set off inside the object tells about the object, not the act ...
    ("Troops in Mosul captured the commander, who had fought in Syria.", "captured", "Mosul"),
    # ... but a restrictive one may say where the act was
    ("Gunmen murdered two teachers who had come to work in Raqqa.", "murdered", "Raqqa"),
    # of two places on one noun, the nearer names it; of a place noun's modifier and its "of"
    # phrase, the finer one names it
    ("Five people were shot at the weekend in South Africa's KwaZulu-Natal province.", "shot", "KwaZulu"),
    ("Jets bombed a market in the Deir al-Asafir suburb of Damascus.", "bombed", "Asafir"),
    ("Jets bombed a market in the Damascus suburb of Douma.", "bombed", "Douma"),
    # a verb sharing the trigger's subject lends its place before the fronted scene does ...
    ("In Dagestan, police shot and killed two gunmen in the town of Khasavyurt.", "shot", "Khasavyurt"),
    # ... but not its country instead of the trigger's own
    ("He was captured in Afghanistan and taken to Guantanamo.", "captured", "Afghanistan"),
    # a country yields to a finer place in the same phrase ...
    ("Seven civilians were killed in fighting in east Ukraine in the area of Lugansk.", "killed", "Lugansk"),
    # ... or in the same clause
    ("Three soldiers were killed in Syria on Monday in the town of Manbij.", "killed", "Manbij"),
    # the clause the trigger's clause depends on
    ("After talks in Moscow, troops landed in Latakia to support the volunteers.", "support", "Latakia"),
    # a "where" clause on a place is about that place
    (
        "After talks in Moscow, the army advanced towards Deir Ezzor, where it aims to break the siege.",
        "break",
        "Deir Ezzor",
    ),
    # a sentence naming no place goes on where the one before it was
    ("An air strike hit a market in Saraqib on Sunday. It killed 12 civilians.", "killed", "Saraqib"),
    # ... and with no place anywhere there is none
    ("An air strike hit a market on Sunday. It killed 12 civilians.", "killed", None),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), LOCATION_CASES)
def test_event_place(nlp, text, trigger, expected):
    from ceasefire.actors import find_mentions
    from ceasefire.places import find_places

    doc = nlp(text)
    ctx = ArticleContext(doc=doc)
    ctx.actors = list(find_mentions(doc, ctx))
    ctx.places = list(find_places(doc, ctx))
    tok = next(t for t in doc if t.text == trigger)
    place = event_place(tok, tok.sent, ctx)
    if expected is None:
        assert place is None, place
    else:
        assert place is not None and expected in (place.mention or ""), (
            place,
            [p.mention for p in ctx.places],
        )
