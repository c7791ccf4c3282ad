"""The PLOVER coder on sentences written for these tests.

Each row: sentence -> (type, mode, source, target, status, claimant). Actors are
compared by name (the fallback ActorRef when no actor recogniser ran); ``None``
means "no actor"; ``ANY`` means "not checked".
"""

from __future__ import annotations

import pytest

from ceasefire.events import code_events
from ceasefire.models import ActorRef, Event, Place
from ceasefire.nlp.context import ArticleContext

ANY = object()

# (sentence, type, mode, source, target, status, claimant)
CASES = [
    # --- the 16 types, verbal triggers, active voice
    (
        "Russia and Turkey agreed to a new ceasefire in Idlib.",
        "AGREE",
        None,
        "Russia",
        "Turkey",
        "asserted",
        None,
    ),
    ("Lavrov met Kerry in Geneva on Friday.", "CONSULT", None, "Lavrov", "Kerry", "asserted", None),
    ("Egypt welcomed the resolution.", "SUPPORT", None, "Egypt", None, "asserted", None),
    ("The rebels apologized for the shelling.", "CONCEDE", None, "rebels", None, "asserted", None),
    (
        "Jordan cooperated with Israel on border security.",
        "COOPERATE",
        None,
        "Jordan",
        "Israel",
        "asserted",
        None,
    ),
    ("Iran supplied the Houthis with missiles.", "AID", None, "Iran", "Houthis", "asserted", None),
    (
        "The Russian army withdrew its troops from Kherson.",
        "RETREAT",
        "withdraw",
        "Russian army",
        None,
        "asserted",
        None,
    ),
    ("France urged Mali to hold elections.", "REQUEST", None, "France", "Mali", "asserted", None),
    ("Ukraine accused Russia of war crimes.", "ACCUSE", "allege", "Ukraine", "Russia", "asserted", None),
    ("Hamas rejected the Egyptian proposal.", "REJECT", None, "Hamas", "Egyptian", "asserted", None),
    (
        "North Korea threatened Japan with missile tests.",
        "THREATEN",
        None,
        "North Korea",
        "Japan",
        "asserted",
        None,
    ),
    (
        "Thousands of protesters demonstrated against the government in Khartoum.",
        "PROTEST",
        "demo",
        "protesters",
        "government",
        "asserted",
        None,
    ),
    (
        "The European Union sanctioned Belarus over the crackdown.",
        "SANCTION",
        None,
        "European Union",
        "Belarus",
        "asserted",
        None,
    ),
    ("Armenia deployed troops along the border.", "MOBILIZE", "troops", "Armenia", None, "asserted", None),
    (
        "Police arrested twelve activists in Tehran.",
        "COERCE",
        "arrest",
        "Police",
        "activists",
        "asserted",
        None,
    ),
    (
        "Israel bombed Hezbollah positions in southern Lebanon.",
        "ASSAULT",
        "aerial",
        "Israel",
        ANY,
        "asserted",
        None,
    ),
    # --- passive voice
    (
        "The convoy was bombed by the Syrian air force.",
        "ASSAULT",
        "aerial",
        "Syrian air force",
        ANY,
        "asserted",
        None,
    ),
    (
        "Three journalists were kidnapped by ISIS in Mosul.",
        "ASSAULT",
        "abduct",
        "ISIS",
        "journalists",
        "asserted",
        None,
    ),
    ("The protesters were arrested by police.", "COERCE", "arrest", "police", "protesters", "asserted", None),
    # --- coordination
    (
        "The United States and Russia concluded a deal on Syria.",
        "AGREE",
        None,
        "United States",
        "Russia",
        "asserted",
        None,
    ),
    ("Kenya and Uganda held talks in Nairobi.", "CONSULT", None, "Kenya", "Uganda", "asserted", None),
    (
        "Turkey shelled the Kurdish fighters and the Syrian army near Manbij.",
        "ASSAULT",
        "heavy-weapons",
        "Turkey",
        "Kurdish fighters",
        "asserted",
        None,
    ),
    # --- nominal triggers
    (
        "Russian air strikes on Idlib killed nine civilians.",
        "ASSAULT",
        "aerial",
        "Russian",
        ANY,
        "asserted",
        None,
    ),
    (
        "The army launched an offensive against the rebels.",
        "ASSAULT",
        None,
        "army",
        "rebels",
        "asserted",
        None,
    ),
    (
        "Iran's withdrawal from the nuclear deal worried Europe.",
        "SANCTION",
        "withdraw",
        "Iran",
        None,
        "asserted",
        None,
    ),
    (
        "The siege of Mariupol by Russian forces continued.",
        "COERCE",
        "restrict",
        "Russian forces",
        ANY,
        "asserted",
        None,
    ),
    ("A suicide bombing hit the market in Kabul.", "ASSAULT", "suicide-attack", None, None, "asserted", None),
    ("Putin held a telephone call with Erdogan.", "CONSULT", "phone", "Putin", "Erdogan", "asserted", None),
    (
        "The humanitarian corridor was opened for civilians.",
        "RETREAT",
        "access",
        None,
        None,
        "asserted",
        None,
    ),
    # --- negation
    ("The army did not attack the village.", "ASSAULT", None, "army", None, "negated", None),
    ("Hamas never agreed to the truce.", "AGREE", None, "Hamas", None, "negated", None),
    ("The rebels failed to capture the airport.", "ASSAULT", None, "rebels", None, "negated", None),
    ("There were no air strikes on Aleppo yesterday.", "ASSAULT", "aerial", None, ANY, "negated", None),
    ("Russia denied bombing the hospital.", "ASSAULT", "aerial", "Russia", None, "negated", None),
    # --- hypothetical
    (
        "Israel might strike Iranian nuclear sites.",
        "ASSAULT",
        None,
        "Israel",
        "Iranian",
        "hypothetical",
        None,
    ),
    (
        "If the talks fail, the army would attack the city.",
        "ASSAULT",
        None,
        "army",
        None,
        "hypothetical",
        None,
    ),
    (
        "The strikes could also hit the moderate rebels.",
        "ASSAULT",
        "aerial",
        None,
        "moderate rebels",
        "hypothetical",
        None,
    ),
    # --- future
    (
        "Russia will resume bombing the rebels next week.",
        "ASSAULT",
        "aerial",
        "Russia",
        "rebels",
        "future",
        None,
    ),
    (
        "The government plans to deploy more troops to the north.",
        "MOBILIZE",
        "troops",
        "government",
        None,
        "future",
        None,
    ),
    ("Bombing is about to resume in Aleppo.", "ASSAULT", "aerial", None, None, "future", None),
    ("The bombing campaign was to be scaled down.", "CONCEDE", None, None, None, "future", None),
    ("The militants threatened to attack the embassy.", "ASSAULT", None, "militants", None, "future", None),
    (
        "The militants threatened to attack the embassy.",
        "THREATEN",
        None,
        "militants",
        None,
        "asserted",
        None,
    ),
    # --- demanded
    ("The UN urged Russia to withdraw its forces.", "RETREAT", "withdraw", "Russia", None, "demanded", None),
    ("The UN urged Russia to withdraw its forces.", "REQUEST", None, "UN", "Russia", "asserted", None),
    (
        "Washington called for the release of the prisoners.",
        "RETREAT",
        "release",
        ANY,
        None,
        "demanded",
        None,
    ),
    ("Egypt demanded that Israel halt its offensive.", "CONCEDE", None, "Israel", None, "demanded", None),
    (
        "The UN called on Turkey to withdraw its troops.",
        "RETREAT",
        "withdraw",
        "Turkey",
        None,
        "demanded",
        None,
    ),
    ("The UN called on Turkey to withdraw its troops.", "REQUEST", None, "UN", "Turkey", "asserted", None),
    # --- constructions whose type depends on a particle, preposition or object
    (
        "Kurdish and Arab militias fought alongside the coalition.",
        "COOPERATE",
        None,
        ANY,
        "coalition",
        "asserted",
        None,
    ),
    (
        "The rebels set aside their demands for a transitional government.",
        "CONCEDE",
        None,
        "rebels",
        None,
        "asserted",
        None,
    ),
    (
        "Turkey gave the militants a deadline to leave Afrin.",
        "THREATEN",
        None,
        "Turkey",
        "militants",
        "asserted",
        None,
    ),
    (
        "The army killed twelve insurgents and destroyed two trucks in an air strike.",
        "ASSAULT",
        "aerial",
        "army",
        "insurgents",
        "asserted",
        None,
    ),
    ("Japan offered aid to the flood victims.", "AID", None, "Japan", ANY, "asserted", None),
    # --- claimant frames
    (
        "Israeli jets bombed Gaza, the health ministry said.",
        "ASSAULT",
        "aerial",
        "Israeli",
        ANY,
        "asserted",
        "health ministry",
    ),
    (
        "According to the Syrian Observatory, government forces shelled Douma.",
        "ASSAULT",
        "heavy-weapons",
        "government forces",
        ANY,
        "asserted",
        "Syrian Observatory",
    ),
    (
        "Reuters reported, citing police, that gunmen attacked a checkpoint.",
        "ASSAULT",
        None,
        "gunmen",
        ANY,
        "asserted",
        "Reuters",
    ),
    (
        "Lavrov said that Washington had asked Moscow to postpone the strikes.",
        "REQUEST",
        None,
        "Washington",
        "Moscow",
        "asserted",
        "Lavrov",
    ),
    (
        "Ukrainian officials claimed Russian troops had shelled Kharkiv.",
        "ASSAULT",
        "heavy-weapons",
        "Russian troops",
        ANY,
        "asserted",
        "Ukrainian officials",
    ),
    (
        "Lavrov was quoted as saying that the rebels had attacked the convoy.",
        "ASSAULT",
        None,
        "rebels",
        ANY,
        "asserted",
        "Lavrov",
    ),
]


def _name(a: ActorRef | None) -> str | None:
    return a.name if a is not None else None


def _code(nlp, text: str, actors: list[ActorRef] | None = None, places: list[Place] | None = None):
    doc = nlp(text)
    ctx = ArticleContext(doc=doc, actors=actors or [], places=places or [])
    return code_events(doc, ctx)


def _pick(events: list[Event], typ: str, status: str) -> Event:
    found = [e for e in events if e.type == typ and e.status == status]
    assert found, f"no {typ}/{status} among {[(e.type, e.status, e.trigger) for e in events]}"
    return found[0]


def _check_actor(got: ActorRef | None, want: object) -> None:
    if want is ANY:
        return
    if want is None:
        assert got is None, f"expected no actor, got {got}"
        return
    assert got is not None, f"expected {want!r}, got none"
    assert str(want).lower() in got.name.lower(), f"expected {want!r}, got {got.name!r}"


@pytest.mark.parametrize(
    ("text", "typ", "mode", "source", "target", "status", "claimant"),
    CASES,
    ids=[f"{c[1]}-{c[5]}-{i}" for i, c in enumerate(CASES)],
)
def test_sentence(nlp, text, typ, mode, source, target, status, claimant):
    ev = _pick(_code(nlp, text), typ, status)
    assert ev.mode == mode
    _check_actor(ev.source, source)
    _check_actor(ev.target, target)
    _check_actor(ev.claimant, claimant)
    assert ev.sentence.strip() == text.strip()
    assert text[ev.start : ev.end] == ev.sentence
    assert 0.0 < ev.confidence < 1.0


# Sentences that are not events: opinions, names, modifiers, reporting alone.
NON_EVENTS = [
    "Most analysts agree that the war cannot be won.",
    "The agency is charged with protecting refugees.",
    "The deal struck a balance between the two sides.",
    "Unemployment exploded after the crisis.",
    "These people are cruel.",
    "The moderate forces simply don't exist.",
    "The Russian Center for Reconciliation is based at Hmeimim.",
    "Attack helicopters are expensive to maintain.",
    "Lavrov said so on Monday.",
    "As discussed earlier, the situation is complex.",
    "We warned them well in advance.",
]


@pytest.mark.parametrize("text", NON_EVENTS)
def test_non_events(nlp, text):
    types = {e.type for e in _code(nlp, text) if e.status == "asserted"} - {"THREATEN"}
    assert not types, f"coded {types} from {text!r}"


def test_unparsed_doc_is_refused_with_a_reason():
    import spacy

    doc = spacy.blank("en")("Russia bombed Aleppo.")
    with pytest.raises(ValueError, match="dependency"):
        code_events(doc, ArticleContext(doc=doc))


def test_empty_article(nlp):
    assert _code(nlp, "") == []


def test_warned_is_threaten_not_assault(nlp):
    assert {e.type for e in _code(nlp, "We warned them well in advance.")} == {"THREATEN"}


def test_one_clause_several_events(nlp):
    evs = _code(nlp, "Putin met Erdogan in Sochi and agreed to a ceasefire in Idlib.")
    assert {"CONSULT", "AGREE"} <= {e.type for e in evs}


def test_an_attack_and_its_toll_are_one_event(nlp):
    evs = _code(nlp, "A car bomb exploded in the market, killing nine people and wounding 30.")
    assert [e.type for e in evs] == ["ASSAULT"]


def test_verbal_and_nominal_trigger_of_one_act_merge(nlp):
    evs = _code(nlp, "The Syrian army launched an attack on the town.")
    assert [e.type for e in evs].count("ASSAULT") == 1


def test_actor_context_used_when_filled(nlp):
    text = "The Russians bombed Nusra positions in Aleppo."
    rus = ActorRef(
        id="RUS", name="Russia", kind="state", country="RUS", mention="The Russians", start=0, end=12
    )
    nusra = ActorRef(
        id="NUSRA",
        name="Jabhat al-Nusra",
        kind="armed_group",
        mention="Nusra",
        start=text.index("Nusra"),
        end=text.index("Nusra") + 5,
    )
    aleppo = Place(
        name="Aleppo", lat=36.2, lon=37.13, start=text.index("Aleppo"), end=text.index("Aleppo") + 6
    )
    ev = _pick(_code(nlp, text, [rus, nusra], [aleppo]), "ASSAULT", "asserted")
    assert (ev.source.id, ev.target.id, ev.location.name) == ("RUS", "NUSRA", "Aleppo")


def test_places_are_not_actors_and_appositions_name_them(nlp):
    text = "Lavrov asked his counterpart, John Kerry, to stop the strikes on Aleppo."
    lavrov = ActorRef(id="LAVROV", name="Sergey Lavrov", kind="person", start=0, end=6)
    kerry = ActorRef(
        id="KERRY", name="John Kerry", kind="person", start=text.index("John"), end=text.index("Kerry") + 5
    )
    aleppo_actor = ActorRef(
        id="GPE:aleppo", name="Aleppo", kind="other", start=text.index("Aleppo"), end=text.index("Aleppo") + 6
    )
    aleppo = Place(name="Aleppo", mention="Aleppo", start=text.index("Aleppo"), end=text.index("Aleppo") + 6)
    evs = _code(nlp, text, [lavrov, kerry, aleppo_actor], [aleppo])
    req = _pick(evs, "REQUEST", "asserted")
    assert (req.source.id, req.target.id) == ("LAVROV", "KERRY")
    strike = next(e for e in evs if e.type == "ASSAULT")
    assert strike.target is None and strike.location.name == "Aleppo"


def test_claimant_from_the_quotation_the_event_stands_in(nlp):
    from ceasefire.models import Quote

    text = "\u201cWe warned the Americans about this in advance.\u201d Lavrov told reporters."
    lavrov = ActorRef(
        id="LAVROV",
        name="Sergey Lavrov",
        kind="person",
        mention="Lavrov",
        start=text.index("Lavrov"),
        end=text.index("Lavrov") + 6,
    )
    doc = nlp(text)
    ctx = ArticleContext(doc=doc, actors=[lavrov])
    ctx.quotes = [
        Quote(
            speaker=lavrov,
            text=text[1 : text.index("\u201d")],
            kind="direct",
            start=1,
            end=text.index("\u201d"),
        )
    ]
    ev = _pick(code_events(doc, ctx), "THREATEN", "asserted")
    assert ev.claimant is not None and ev.claimant.id == "LAVROV"


def test_location_prefers_the_clause(nlp):
    text = "After talks in Geneva, the army shelled rebels near Homs."
    geneva = Place(name="Geneva", start=text.index("Geneva"), end=text.index("Geneva") + 6)
    homs = Place(name="Homs", start=text.index("Homs"), end=text.index("Homs") + 4)
    evs = _code(nlp, text, places=[geneva, homs])
    assert _pick(evs, "ASSAULT", "asserted").location.name == "Homs"
    assert _pick(evs, "CONSULT", "asserted").location.name == "Geneva"


def test_no_place_no_location(nlp):
    ev = _pick(_code(nlp, "The army shelled the rebels."), "ASSAULT", "asserted")
    assert ev.location is None and ev.date is None and ev.date_precision == "none"


def test_verbal_with_actors_more_confident_than_bare_nominal(nlp):
    verbal = _pick(_code(nlp, "Russia bombed the rebels."), "ASSAULT", "asserted")
    nominal = _pick(_code(nlp, "The bombing continued."), "ASSAULT", "asserted")
    assert verbal.confidence > nominal.confidence


# More frames: (sentence, type, status, source, target, claimant)
FRAME_CASES = [
    (
        "Lavrov said the opposition groups should leave the area.",
        "REQUEST",
        "asserted",
        "Lavrov",
        "opposition groups",
        None,
    ),
    (
        "Lavrov said the opposition groups should leave the area.",
        "RETREAT",
        "demanded",
        "opposition groups",
        None,
        "Lavrov",
    ),
    ("The rebels vowed to attack the capital.", "THREATEN", "asserted", "rebels", None, None),
    ("The rebels vowed to attack the capital.", "ASSAULT", "future", "rebels", None, None),
    (
        "The US response was not a condemnation but a telephone call to Lavrov.",
        "CONSULT",
        "asserted",
        ANY,
        "Lavrov",
        None,
    ),
    (
        "Moscow has not abandoned its decision to attack the armed factions.",
        "ASSAULT",
        "future",
        "Moscow",
        "armed factions",
        None,
    ),
    (
        "The ceasefire agreement called for a cessation of hostilities.",
        "ASSAULT",
        "negated",
        None,
        None,
        None,
    ),
    ("The government lifted the curfew in Montenegro.", "CONCEDE", "asserted", "government", None, None),
    ("The rebels refused to release the hostages.", "REJECT", "asserted", "rebels", None, None),
    ("The rebels refused to release the hostages.", "RETREAT", "negated", "rebels", "hostages", None),
]


@pytest.mark.parametrize(
    ("text", "typ", "status", "source", "target", "claimant"),
    FRAME_CASES,
    ids=[f"{c[1]}-{c[2]}-{i}" for i, c in enumerate(FRAME_CASES)],
)
def test_frames(nlp, text, typ, status, source, target, claimant):
    ev = _pick(_code(nlp, text), typ, status)
    _check_actor(ev.source, source)
    _check_actor(ev.target, target)
    _check_actor(ev.claimant, claimant)


def test_back_reference_not_coded_twice(nlp):
    evs = _code(nlp, "Russian jets carried out air strikes on Aleppo on Monday. The strikes were condemned.")
    assert [e.type for e in evs].count("ASSAULT") == 1
    assert "ACCUSE" in {e.type for e in evs}


def test_split_coordinated_actors(nlp):
    from ceasefire.events import CoderSettings

    doc = nlp("Russia and Syria bombed the rebels.")
    one = code_events(doc, ArticleContext(doc=doc))
    both = code_events(doc, ArticleContext(doc=doc), CoderSettings(split_coordinated=True))
    assert [e.source.name for e in one] == ["Russia"]
    assert sorted(e.source.name for e in both) == ["Russia", "Syria"]


IMMINENT_CASES = [
    # (sentence, types expected with their status)
    (
        "The Russians are preparing to resume bombing Aleppo.",
        {("THREATEN", "asserted"), ("ASSAULT", "future")},
    ),
    ("Bombing is about to resume in Aleppo.", {("THREATEN", "asserted"), ("ASSAULT", "future")}),
    ("Russia will send food aid to Syria next month.", {("AID", "future")}),
    (
        "The response was not a chorus of condemnation but a phone call.",
        {("ACCUSE", "negated"), ("CONSULT", "asserted")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), IMMINENT_CASES)
def test_imminent_acts_and_buried_negation(nlp, text, expected):
    assert {(e.type, e.status) for e in _code(nlp, text)} == expected


STATUS_CASES = [
    ("Diplomacy failed to prevent the rebel offensive.", "ASSAULT", "asserted"),
    ("The talks prevented a new offensive.", "ASSAULT", "negated"),
    ("It is important to release the prisoners.", "RETREAT", "demanded"),
    ("Al-Nusra has been attempting to merge with other groups.", "COOPERATE", "asserted"),
    ("Moscow decided to halt the operation.", "CONCEDE", "asserted"),
    ("The army will advance on the city as the rebels withdraw.", "RETREAT", "asserted"),
    ("The militants killed two guards, the ministry said.", "ASSAULT", "asserted"),
    ("The commander ordered the killing of the prisoners.", "ASSAULT", "asserted"),
    ("The deadline given by Moscow was about to expire.", "THREATEN", "asserted"),
]


@pytest.mark.parametrize(("text", "typ", "status"), STATUS_CASES)
def test_status(nlp, text, typ, status):
    found = {(e.type, e.status) for e in _code(nlp, text)}
    assert (typ, status) in found, found


def test_object_of_a_future_act_exists_now(nlp):
    found = {(e.type, e.status) for e in _code(nlp, "The army will lift the siege of Deir Ezzor.")}
    assert found == {("RETREAT", "future"), ("COERCE", "asserted")}


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Thousands of teachers were striking over pay in Nairobi.", "PROTEST"),
        ("Any attack will be met with fire and fury.", None),
        ("Many Israelis are armed.", None),
        ("Turkey backed the rebel offensive on Afrin.", "COOPERATE"),
    ],
)
def test_sense_by_construction(nlp, text, typ):
    # the word's other sense must not be coded; a nominal "attack" beside it may be
    types = {e.type for e in _code(nlp, text)} - {"ASSAULT"}
    assert types == ({typ} if typ else set())


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The militants attacked the base with drones.", "drone"),
        ("Government forces attacked the village using artillery.", "heavy-weapons"),
        ("Police attacked the protesters with tear gas.", "crowd-control"),
    ],
)
def test_assault_mode_from_the_weapon(nlp, text, mode):
    assert _pick(_code(nlp, text), "ASSAULT", "asserted").mode == mode


@pytest.mark.parametrize(
    ("text", "typ", "status"),
    [
        ("If Russia attacks, NATO will respond.", "ASSAULT", "hypothetical"),
        ("Russia is going to bomb Aleppo.", "ASSAULT", "future"),
        ("The army is expected to attack the town on Monday.", "ASSAULT", "future"),
        ("Turkey wants to capture Manbij.", "ASSAULT", "future"),
        ("The UN wants Turkey to withdraw from Manbij.", "RETREAT", "demanded"),
        ("Syria was asked to release the detainees.", "RETREAT", "demanded"),
    ],
)
def test_more_modal_frames(nlp, text, typ, status):
    found = {(e.type, e.status) for e in _code(nlp, text)}
    assert (typ, status) in found, found


@pytest.mark.parametrize(
    ("text", "typ"),
    [
        ("Nusra used the truce to re-equip and redeploy.", "MOBILIZE"),
        ("The rebels began re-arming their units.", "MOBILIZE"),
        ("Washington is re-deploying troops to the Gulf.", "MOBILIZE"),
    ],
)
def test_split_prefixes_and_mistagged_verbs(nlp, text, typ):
    assert typ in {e.type for e in _code(nlp, text)}


ARGUMENT_CASES = [
    # (sentence, type, source, target)
    ("A series of complaints from Lavrov reached Washington.", "ACCUSE", "Lavrov", None),
    ("Russia and Turkey are involved in intensive talks.", "CONSULT", "Russia", "Turkey"),
    (
        "Fighters from Hezbollah stormed the village in cooperation with the army.",
        "COOPERATE",
        "Hezbollah",
        "army",
    ),
    ("The Syrian army captured more territory from ISIS near Palmyra.", "ASSAULT", "Syrian army", "ISIS"),
    ("The Russians are cranking up to resume the bombing of Aleppo.", "ASSAULT", "Russians", ANY),
    ("Hamas launched a series of raids against Israeli positions.", "ASSAULT", "Hamas", "Israeli"),
    ("The advance was halted by a sudden attack of the Taliban.", "ASSAULT", "Taliban", None),
    ("Russia will be able to enhance its forces in the region.", "MOBILIZE", "Russia", None),
    ("Russia set a deadline for the rebels to leave the city.", "RETREAT", "rebels", None),
]


@pytest.mark.parametrize(("text", "typ", "source", "target"), ARGUMENT_CASES)
def test_arguments_beyond_the_clause_core(nlp, text, typ, source, target):
    ev = next(e for e in _code(nlp, text) if e.type == typ)
    _check_actor(ev.source, source)
    _check_actor(ev.target, target)


def test_apposition_beats_modifier_and_beneficiary_of_aid(nlp):
    text = (
        "Lavrov asked his US counterpart, John Kerry, to explain. We will provide air support for the army."
    )
    lavrov = ActorRef(id="LAVROV", name="Sergey Lavrov", kind="person", start=0, end=6)
    usa = ActorRef(
        id="USA", name="United States", kind="state", start=text.index("US "), end=text.index("US ") + 2
    )
    kerry = ActorRef(
        id="KERRY", name="John Kerry", kind="person", start=text.index("John"), end=text.index("Kerry") + 5
    )
    army = ActorRef(
        id="SAA",
        name="Syrian Arab Army",
        kind="military",
        start=text.index("army"),
        end=text.index("army") + 4,
    )
    evs = _code(nlp, text, [lavrov, usa, kerry, army])
    assert _pick(evs, "REQUEST", "asserted").target.id == "KERRY"
    assert _pick(evs, "AID", "future").target.id == "SAA"


@pytest.mark.parametrize(
    ("text", "typ", "status"),
    [
        ("There is no evidence that Russia bombed the hospital.", "ASSAULT", "negated"),
        (
            "There is little or no evidence that the US made any attempt to persuade the rebels.",
            "REQUEST",
            "negated",
        ),
        ("There is evidence that Russia bombed the hospital.", "ASSAULT", "asserted"),
    ],
)
def test_evidence_frames(nlp, text, typ, status):
    assert (typ, status) in {(e.type, e.status) for e in _code(nlp, text)}


@pytest.mark.parametrize(
    ("text", "typ", "status"),
    [
        ("Rebels made an attempt to break the siege of Aleppo.", "COERCE", "asserted"),
        ("The army will lift the blockade of the port.", "COERCE", "asserted"),
        ("The army plans an offensive in the north.", "ASSAULT", "future"),
    ],
)
def test_nominal_objects_keep_their_own_status(nlp, text, typ, status):
    assert (typ, status) in {(e.type, e.status) for e in _code(nlp, text)}
