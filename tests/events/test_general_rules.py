"""Lexicon entries and rules added while measuring on the PETRARCH records (benchmarks/petrarch_types.py).

Every sentence here was written for this test. Each row: sentence -> the first coded event's type
(``None``: no event), and where given, the source and target mentions (``ANY``: not checked).
"""

from __future__ import annotations

import pytest

from ceasefire.events import code_events, parse_lexicon
from ceasefire.nlp.context import ArticleContext

ANY = object()

# (sentence, type of the first event, source, target)
CASES = [
    # diplomatic ties taken up again are approval of the other side (CAMEO/WEIS: recognition)
    ("Qatar and Egypt renewed diplomatic ties on Tuesday.", "SUPPORT", "Qatar", ANY),
    ("Turkey resumed relations with Israel after a six-year freeze.", "SUPPORT", "Turkey", "Israel"),
    ("The two countries have mended ties since the election.", "SUPPORT", ANY, ANY),
    # freeing a captive named by title or name, or from prison, is a release
    ("Police released the opposition leader on Friday.", "RETREAT", "Police", ANY),
    ("The militants released Peter Moore after two years.", "RETREAT", "militants", "Peter Moore"),
    ("The journalist was freed from prison on Monday.", "RETREAT", ANY, ANY),
    ("The company released its annual report.", None, ANY, ANY),
    # arrest warrants are an act of coercion
    ("The court issued an arrest warrant for the former president.", "COERCE", ANY, ANY),
    # missiles and rockets launched at a target; a launched "fire" stays with the noun trigger
    ("The rebels launched rockets at Israeli soldiers.", "ASSAULT", "rebels", "Israeli soldiers"),
    ("Militants launched mortar fire against Turkish troops.", "ASSAULT", "Militants", "Turkish troops"),
    ("The agency launched a new satellite.", None, ANY, ANY),
    ("Soldiers fired shots at the crowd.", "ASSAULT", "Soldiers", ANY),
    # money contributed to another party is aid
    ("Japan will contribute 20 million dollars to Jordan.", "AID", "Japan", "Jordan"),
    ("The drought contributed to the crisis.", None, ANY, ANY),
    # aid received: the receiver is the target, the giver (from X) the source
    ("The militia received weapons from Iran.", "AID", "Iran", "militia"),
    ("The rebels got money and arms from Qatar.", "AID", "Qatar", "rebels"),
    # meeting a demand, a deadline or a target is no meeting
    ("The ministers will meet in Cairo on Sunday.", "CONSULT", "ministers", ANY),
    ("The factory struggled to meet the deadline.", None, ANY, ANY),
    ("Exports failed to meet the target this year.", None, ANY, ANY),
    # a new envoy presenting credentials is a diplomatic visit
    ("The new ambassador presented his credentials to President Macron.", "CONSULT", ANY, "Macron"),
    # military manoeuvres are a show of force; political ones are not
    ("The Iranian navy carried out manoeuvres near the strait.", "MOBILIZE", "Iranian", ANY),
    ("Political manoeuvres delayed the vote.", None, ANY, ANY),
    # evidence presented against someone charges them
    ("The United States presented evidence against Iran.", "ACCUSE", "United States", ANY),
    # an amount of goods stands for the goods ("700 kg of medicine" is medicine handed over)
    ("Doctors handed over 700 kg of medicine to the hospital.", "AID", ANY, ANY),
    ("The agency delivered a shipment of food to the camp.", "AID", ANY, ANY),
    # suspending links with someone cuts ties; people forced out of their homes are coerced
    ("Italy announced a suspension of flights to Serbia.", "SANCTION", "Italy", ANY),
    ("The army forced out hundreds of villagers from their homes.", "COERCE", "army", ANY),
    ("The minister was forced out of office.", "SANCTION", ANY, ANY),
    # warnings of a danger are no threat; warnings to someone are
    ("The UN warned of famine in Yemen.", None, ANY, ANY),
    ("Iran warned the United States against any attack.", "THREATEN", "Iran", "United States"),
    # verbal defence, forgiveness, an eased curfew, asylum sought, an order, troops arriving, a
    # delegation received
    ("Arafat defended Iraq against Western criticism.", "SUPPORT", "Arafat", "Iraq"),
    ("The families have forgiven the killers.", "SUPPORT", ANY, ANY),
    ("The governor shortened the curfew by one hour.", "CONCEDE", ANY, ANY),
    ("Thousands of Syrians sought asylum in Germany.", "REQUEST", ANY, ANY),
    ("A judge ordered the former president to appear in court.", "REQUEST", ANY, ANY),
    ("The first Bangladeshi peacekeeping troops arrived in Sierra Leone.", "MOBILIZE", "Bangladeshi", ANY),
    ("The president received a delegation from Hamas.", "CONSULT", ANY, ANY),
    # a hyphenated modifier is one word: an open-ended strike is a labour strike
    ("Dock workers began an open-ended strike on Monday.", "PROTEST", ANY, ANY),
    # a promise to fight parsed as an adverbial clause is still a threat
    ("The rebels have sworn to fight until the army leaves.", "THREATEN", "rebels", ANY),
    # a court hearing opened is an inquiry; refugees accepted are let in
    ("The supreme court opened a hearing into the detentions.", "ACCUSE", ANY, ANY),
    ("Germany accepted 800,000 refugees last year.", "RETREAT", "Germany", ANY),
    ("Russia accepted the proposal.", "AGREE", "Russia", ANY),
    # civilians held by an armed force are detained
    ("The militia is holding dozens of civilians in the stadium.", "COERCE", ANY, ANY),
]

# (sentence, type, status): the status of an act put off or called off, and of a finite clause
# inside an imminent one
STATUS_CASES = [
    ("Ankara and Moscow postponed their meeting.", "CONSULT", "future"),
    ("The talks were delayed until next week.", "CONSULT", "future"),
    ("The summit was cancelled.", "CONSULT", "negated"),
    ("The army delayed the offensive.", "ASSAULT", "future"),
    (
        "Turkey is about to restore ties with Egypt, five years after Egyptian crowds burned its embassy.",
        "ASSAULT",
        "asserted",
    ),
]


@pytest.mark.parametrize(("text", "typ", "status"), STATUS_CASES)
def test_status_of_acts_put_off(nlp, text, typ, status):
    doc = nlp(text)
    found = [(e.type, e.status) for e in code_events(doc, ArticleContext(doc=doc))]
    assert (typ, status) in found, found


def _mention(ref) -> str | None:
    return ref.mention if ref is not None else None


@pytest.mark.parametrize(("text", "typ", "source", "target"), CASES)
def test_first_event(nlp, text, typ, source, target):
    doc = nlp(text)
    events = [e for e in code_events(doc, ArticleContext(doc=doc)) if e.status != "negated"]
    got = events[0].type if events else None
    assert got == typ, [(e.type, e.trigger) for e in events]
    if typ is None:
        return
    if source is not ANY:
        assert source in (_mention(events[0].source) or ""), _mention(events[0].source)
    if target is not ANY:
        assert target in (_mention(events[0].target) or ""), _mention(events[0].target)


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("The envoy met the president.", True),
        ("The envoy met the demand.", False),
        ("The envoy met them.", True),
    ],
)
def test_notobj_constraint(nlp, text, matches):
    lex = parse_lexicon("CONSULT\t-\tVERB\tmeet\tnotobj:demand|deadline\n")
    met = next(t for t in nlp(text) if t.lemma_ == "meet")
    assert (lex.match(met) is not None) == matches


@pytest.mark.parametrize(
    ("text", "matches"),
    [
        ("The kidnappers released John Smith.", True),
        ("The kidnappers released the hostages.", True),
        ("The band released a new album.", False),
    ],
)
def test_person_object_word(nlp, text, matches):
    lex = parse_lexicon("RETREAT\trelease\tVERB\trelease\tobj:hostage|@person\n")
    verb = next(t for t in nlp(text) if t.lemma_ == "release")
    assert (lex.match(verb) is not None) == matches


# A bare or indefinite act noun with nobody in its syntax names no particular act
# (CoderSettings.drop_bare_nouns); a subject, a determiner, a number, a date or a place, a
# negation, or a verb it merely specifies keeps it. (sentence, type, whether an event of that type is coded)
BARE_NOUNS = [
    ("Kerry discussed the upsurge in violence.", "ASSAULT", False),
    ("The envoy ruled out any talks.", "CONSULT", False),
    ("The response was a phone call.", "CONSULT", True),
    ("The minister called for peace talks.", "CONSULT", False),
    ("The group hopes to attract arms supplies.", "AID", False),
    ("Fighting broke out in the north.", "ASSAULT", True),
    ("The talks failed after an hour.", "CONSULT", True),
    ("Residents reported two explosions.", "ASSAULT", True),
    ("Residents reported explosions on Sunday.", "ASSAULT", True),
    ("Negotiators return to Geneva this week for talks.", "CONSULT", True),
    ("The navies began ten days of war games.", "COOPERATE", True),
    ("There was no condemnation.", "ACCUSE", True),
    # the same for participles describing a thing: no actor, no agent, no date or place
    ("They broke the ceasefires negotiated for them.", "AGREE", False),
    ("Analysts doubt the truce negotiated for the region.", "AGREE", False),
    ("The rebels will return weapons seized last year from the peacekeepers.", "COERCE", True),
    ("The weapons seized by the militia were returned.", "COERCE", True),
    # an infinitive on "place", "time", "way" ... names a possibility; with nobody in it, no event
    ("Analysts say Kabul is a dangerous place to visit.", "CONSULT", False),
    ("The minister was the first official to resign.", "RETREAT", True),
]


@pytest.mark.parametrize(("text", "typ", "coded"), BARE_NOUNS)
def test_bare_act_nouns(nlp, text, typ, coded):
    doc = nlp(text)
    types = [e.type for e in code_events(doc, ArticleContext(doc=doc))]
    assert (typ in types) == coded, types


def test_a_noun_that_specifies_its_verb_gives_the_mode(nlp):
    doc = nlp("Dozens were killed in air strikes.")
    events = code_events(doc, ArticleContext(doc=doc))
    assert [(e.type, e.mode) for e in events] == [("ASSAULT", "aerial")]
