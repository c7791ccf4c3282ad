"""Who acts and who is acted on, in constructions beyond the clause core.

Each row: sentence -> (type, source surface, target surface, status). The coder runs with an
empty context, so actors are its fallback references and are compared by their surface: the
expected text must occur in the mention; ``None`` means "no actor"; ``ANY`` means "not checked".
Rows were written for these tests; each one names the rule it checks.
"""

from __future__ import annotations

import pytest

from ceasefire.events import code_events
from ceasefire.models import ActorRef, Event
from ceasefire.nlp.context import ArticleContext

ANY = "<any>"

# (sentence, type, source, target, status)
ROLE_CASES = [
    # a hyphenless "London based" read as a subject clause: the noun after it is the subject
    (
        "The London based Syrian Observatory for Human Rights is accusing the Syrian government of bombing Aleppo.",
        "ACCUSE",
        "Observatory",
        "government",
        "asserted",
    ),
    # an infinitive hanging on a noun: the possessor acts, else the governing verb's subject
    ("Russia welcomed Turkey's decision to withdraw its troops.", "RETREAT", "Turkey", None, "future"),
    ("The minister ordered a mission to kidnap the journalist.", "ASSAULT", "minister", "journalist", ANY),
    (
        "The militants exploited the truce and the pullout of Russian jets to launch a series of attacks against "
        "the army.",
        "ASSAULT",
        "militants",
        "army",
        ANY,
    ),
    # ... or the recipient of what the verb gives
    (
        "Turkey gave the militants a deadline to withdraw from Afrin.",
        "RETREAT",
        "militants",
        None,
        "demanded",
    ),
    # a participle between the trigger and its clause passes the clause's subject on
    (
        "The coalition carried out a raid in eastern Syria, aimed at capturing ISIS commanders.",
        "ASSAULT",
        "coalition",
        "ISIS commanders",
        "asserted",
    ),
    # ... but a participle trigger is not done by the clause's subject
    ("Hit by heavy shelling, the town was evacuated.", "ASSAULT", None, None, "asserted"),
    # "by X" that the parser hung on an active verb belongs to its nominal object
    (
        "The facts which make the latest offensive by ISIS so dangerous are clear.",
        "ASSAULT",
        "ISIS",
        None,
        "asserted",
    ),
    # "of X" that the parser hung on a date belongs to the nominal trigger
    (
        "The pullout in March of part of the Russian troops surprised Washington.",
        "RETREAT",
        "Russian troops",
        None,
        "asserted",
    ),
    # the other party inside what is set, refused, accepted or threatened
    ("Russia set a deadline for the rebels to leave the city.", "THREATEN", "Russia", "rebels", "asserted"),
    (
        "Turkey extended the deadline for the Kurdish fighters to withdraw.",
        "CONCEDE",
        "Turkey",
        "Kurdish fighters",
        "asserted",
    ),
    (
        "The Taliban refused any coordination with the Americans.",
        "REJECT",
        "Taliban",
        "Americans",
        "asserted",
    ),
    ("Hamas accepted a truce with Israel.", "AGREE", "Hamas", "Israel", "asserted"),
    (
        "The army's continued refusal of any cooperation with the rebels angered Turkey.",
        "REJECT",
        "army",
        "rebels",
        "asserted",
    ),
    # ... not for a condemnation: the victim of the condemned act is not the accused
    ("Egypt condemned the attack on the aid workers.", "ACCUSE", "Egypt", None, "asserted"),
    # being "under" an act: the clause's subject suffers it, "from X" does it
    ("The minister is now under investigation.", "ACCUSE", None, "minister", "asserted"),
    ("The rebels have been under siege since May.", "COERCE", None, "rebels", "asserted"),
    ("The convoy came under attack from the rebels.", "ASSAULT", "rebels", ANY, "asserted"),
    # forces moved with no mover named stand for their own side; freed prisoners do not free anyone
    ("Russian troops were deployed to the border.", "MOBILIZE", "Russian troops", None, "asserted"),
    (
        "The government sent reinforcements to support more than 3,000 Russian volunteers dispatched to the "
        "region.",
        "MOBILIZE",
        "Russian",
        None,
        "asserted",
    ),
    ("Prisoners were released on Monday.", "RETREAT", None, "Prisoners", "asserted"),
    # an actor noun used as a modifier names the author of a nominal act
    (
        "News of a major rebel offensive against the Kurdish districts alarmed Moscow.",
        "ASSAULT",
        "rebel",
        ANY,
        "asserted",
    ),
    # ... but a kind of act is not its author; a possibility with its victim named is still coded
    ("The military strikes on the village killed five people.", "ASSAULT", None, ANY, "asserted"),
    ("The strikes could also hit the moderate rebels.", "ASSAULT", None, "moderate rebels", "hypothetical"),
    # the one asked: the subject of "demanded that X ...", the party in what is asked for
    (
        "China demanded that the United States cancel the arms sale.",
        "REQUEST",
        "China",
        "United States",
        "asserted",
    ),
    (
        "The opposition demanded the removal of the prime minister.",
        "REQUEST",
        "opposition",
        "prime minister",
        "asserted",
    ),
    (
        "Kurdish groups are demanding autonomy from the Iraqi government.",
        "REQUEST",
        ANY,
        "Iraqi government",
        "asserted",
    ),
    # the author of what is rejected or welcomed; the party to what is promised
    ("Iran rejected Saudi Arabia's proposal for a truce.", "REJECT", "Iran", "Saudi Arabia", "asserted"),
    (
        "The rebels dismissed an appeal from the president to lay down their arms.",
        "REJECT",
        "rebels",
        "president",
        "asserted",
    ),
    ("Germany welcomed Ukraine's latest peace plan.", "SUPPORT", "Germany", "Ukraine", "asserted"),
    ("Libya offered to negotiate with Britain.", "AGREE", "Libya", "Britain", "asserted"),
    ("Japan promised to continue economic aid to Sudan.", "AGREE", "Japan", "Sudan", "asserted"),
    (
        "The president has refused to meet Jordan's visiting King Abdullah in Tel Aviv.",
        "REJECT",
        "president",
        "King Abdullah",
        "asserted",
    ),
    (
        "The prime minister has refused to respond to a demand from the US President.",
        "REJECT",
        "prime minister",
        "US President",
        "asserted",
    ),
    # ... but what one refuses to release is not the one refused
    ("The rebels refused to release the hostages.", "REJECT", "rebels", None, "asserted"),
    # the one complained to is the target (the project's guideline)
    ("Kerry complained to Lavrov about the air strikes.", "ACCUSE", "Kerry", "Lavrov", "asserted"),
    # whoever carries a nominal act does it: a mediator's parties are its targets, a named subject
    # comes before a pronoun possessor, "opened an investigation" carries it
    (
        "The UN envoy launched a mediation effort between the Emirates and Saudi Arabia.",
        "CONSULT",
        "envoy",
        "Emirates",
        "asserted",
    ),
    ("Talks between Israel and Hamas resumed in Cairo.", "CONSULT", "Israel", "Hamas", "asserted"),
    ("The prisoners continued their hunger strike.", "PROTEST", "prisoners", None, "asserted"),
    (
        "Judge Rivera opened fraud investigations against 28 officials.",
        "ACCUSE",
        "Rivera",
        "officials",
        "asserted",
    ),
    # a date is not a party, so the promised act still names one
    (
        "The Azerbaijani parliament threatened on Monday to break relations with Russia.",
        "THREATEN",
        "Azerbaijani",
        "Russia",
        "asserted",
    ),
    # whom a protest is aimed at, from what it is staged to demand or protest
    (
        "Students staged mass demonstrations to demand political reforms by the government.",
        "PROTEST",
        "Students",
        "government",
        "asserted",
    ),
    (
        "Thousands rallied in the capital calling for the resignation of the president.",
        "PROTEST",
        ANY,
        "president",
        "asserted",
    ),
    # a verb form the tagger left in a noun's place takes a noun's roles
    (
        "Reports speak of Syrian army advances into Raqqa province.",
        "ASSAULT",
        "Syrian army",
        None,
        "asserted",
    ),
    # whoever has or gets backing is its target; blame is put "on" someone
    (
        "The army had the backing of the Russian air force.",
        "COOPERATE",
        "Russian air force",
        "army",
        "asserted",
    ),
    ("The rebels lost the support of Turkey.", "COOPERATE", "Turkey", "rebels", "asserted"),
    (
        "Russia puts the entire blame for the renewed fighting in and around Aleppo on the US.",
        "ACCUSE",
        "Russia",
        "US",
        "asserted",
    ),
    # the target the parser hung on the attackers of an "attack of X"
    (
        "The offensive was slowed by an attack of the Taliban, the Haqqani network and Hezb-e-Islami fighters "
        "against Afghan positions.",
        "ASSAULT",
        "Taliban",
        "Afghan",
        "asserted",
    ),
    # "against X" hung on the place of the act, of its light verb, or of the clause it is the subject of
    (
        "The army continued its offensive in the north against the Islamists.",
        "ASSAULT",
        "army",
        "Islamists",
        ANY,
    ),
    (
        "The rebels launched attacks near Hama against government forces.",
        "ASSAULT",
        "rebels",
        "government forces",
        "asserted",
    ),
    (
        "The main focus of the army's offensive operations lies in the east against the Islamists.",
        "ASSAULT",
        "army",
        "Islamists",
        "asserted",
    ),
    # ... but a place is not a party when nobody is named "against"
    ("The army continued its offensive in the north near the border.", "ASSAULT", "army", None, ANY),
    # ... or on the author of an attack "by X"
    (
        "The offensive by government forces against the Taliban stalled.",
        "ASSAULT",
        "government forces",
        "Taliban",
        ANY,
    ),
    # with its author named, "of X" is who suffers an invasion or attack
    ("Russia's invasion of Ukraine began in February.", "ASSAULT", "Russia", "Ukraine", "asserted"),
    ("The invasion of Iraq by the US began in 2003.", "ASSAULT", "US", "Iraq", "asserted"),
    # whoever did a condemned act is the one condemned, not its victims
    ("The UN condemned the bombing of the hospital by Russian jets.", "ACCUSE", "UN", "Russian", "asserted"),
    ("The UN condemned the attacks on civilians by the militia.", "ACCUSE", "UN", "militia", "asserted"),
    ("Turkey condemned the Israeli air strikes on Gaza.", "ACCUSE", "Turkey", "Israeli", "asserted"),
    ("The ministry denounced the attack on the embassy.", "ACCUSE", "ministry", None, "asserted"),
    # "X, with the support of Y, ...": Y backs X even when Y is named; Y is not the act's target
    (
        "The militia, with the support of the other rebel groups, launched attacks against the army.",
        "COOPERATE",
        "rebel groups",
        "militia",
        "asserted",
    ),
    (
        "The militia, with the support of the other rebel groups, launched attacks against the army.",
        "ASSAULT",
        "militia",
        "army",
        "asserted",
    ),
    ("The army attacked the town with the support of Russian jets.", "ASSAULT", "army", None, "asserted"),
    # a verb the parser coordinated with an object noun takes the subject of the verb governing that noun
    (
        "Turkey sent the militias weapons, offered them training and organized and coordinated their raids.",
        "COOPERATE",
        "Turkey",
        ANY,
        "asserted",
    ),
    # whoever repeats a speech act makes it
    ("The warning was repeated on Monday by the president.", "THREATEN", "president", None, ANY),
    ("The minister reiterated his call for a ceasefire.", "REQUEST", "minister", None, "asserted"),
    # the accused did what they are accused of
    ("Kyiv accused Moscow of war crimes and of attacks on civilians.", "ASSAULT", "Moscow", "civilians", ANY),
    ("The militia was accused of the killing of two journalists.", "ASSAULT", "militia", "journalists", ANY),
    # who suffers the harm an attack caused suffers the attack
    (
        "The civilian deaths caused by Russian bombing shocked the world.",
        "ASSAULT",
        "Russian",
        "civilian",
        ANY,
    ),
    (
        "Casualties among civilians caused by Israeli air strikes rose.",
        "ASSAULT",
        "Israeli",
        "civilians",
        ANY,
    ),
    ("The crisis caused by the bombing worsened.", "ASSAULT", None, None, ANY),
    # whoever takes part in an act does it
    (
        "Serb forces were engaged in ethnic cleansing against the Albanian population.",
        "ASSAULT",
        "Serb",
        "Albanian",
        "asserted",
    ),
    ("Iranian advisers took part in the offensive against the rebels.", "ASSAULT", "Iranian", "rebels", ANY),
    ("Turkish jets were involved in the strikes on Kurdish positions.", "ASSAULT", "Turkish", "Kurdish", ANY),
    # ... but those killed in an attack suffer it
    ("Two soldiers were killed in the attack on the base.", "ASSAULT", None, "soldiers", "asserted"),
    # an amount of aid handed over: the giver gives it, the one it goes to receives it
    ("Japan pledged $500 million in aid to Ukraine.", "AID", "Japan", "Ukraine", ANY),
    ("The US sent tons of humanitarian aid to the refugees.", "AID", "US", "refugees", "asserted"),
    ("The EU gave Jordan 5 million dollars of aid.", "AID", "EU", "Jordan", "asserted"),
    ("The EU gave the refugees millions of dollars of aid.", "AID", "EU", "refugees", "asserted"),
    # "provided/equipped X with (arms)": X receives them
    ("Turkey provided the rebels with weapons.", "AID", "Turkey", "rebels", "asserted"),
    (
        "Washington equipped the Kurdish fighters with anti-tank missiles.",
        "AID",
        "Washington",
        "fighters",
        "asserted",
    ),
    # an agentless attack, or one whose subject is "this"/"it", is a consequence of the attack coded before it
    (
        "The army stopped shelling the district for fear that civilians could be hit.",
        "ASSAULT",
        "army",
        "civilians",
        "hypothetical",
    ),
    (
        "Officials urged the air force to stop bombing the bridge because this might kill the villagers.",
        "ASSAULT",
        "air force",
        "villagers",
        "hypothetical",
    ),
    # ... but not with an agent of its own, nor without an earlier attack
    ("The town might be hit again, officials said.", "ASSAULT", None, ANY, ANY),
    # who acts in meetings between parties takes part in them (not for violence: "killed in clashes between")
    ("Qatar took part in talks between Hamas and Fatah.", "CONSULT", "Qatar", "Hamas", ANY),
    (
        "Russia exchanges information with Turkey in weekly videoconferences between the two militaries.",
        "CONSULT",
        "Russia",
        "militaries",
        ANY,
    ),
    ("Two soldiers were killed in clashes between the army and the rebels.", "ASSAULT", "army", ANY, ANY),
    # who is spared or shielded from an act would suffer it
    ("Washington asked Moscow to spare the rebels from its air strikes.", "ASSAULT", ANY, "rebels", ANY),
    ("The villagers were shielded from the shelling by the hills.", "ASSAULT", None, "villagers", ANY),
    ("The army protected the civilians from attacks by the rebels.", "ASSAULT", "rebels", "civilians", ANY),
    # whoever holds the ground attacked suffers the attack
    (
        "The army, backed by Russian jets, stormed the town held by the rebels.",
        "ASSAULT",
        "army",
        "rebels",
        ANY,
    ),
    ("The jets bombed areas controlled by ISIS in the east.", "ASSAULT", ANY, "ISIS", ANY),
    ("The army stormed the town held by the rebels since March.", "ASSAULT", "army", "rebels", ANY),
    ("The army stormed the town visited by the minister.", "ASSAULT", "army", None, ANY),
    # whoever carries out, leads or commits a named act does it; who condemns it does not
    ("The attack, carried out by Hamas, killed ten soldiers.", "ASSAULT", "Hamas", "soldiers", ANY),
    (
        "The offensive led by Kurdish forces against ISIS began on Monday.",
        "ASSAULT",
        "Kurdish forces",
        ANY,
        ANY,
    ),
    ("The massacre committed by the militia shocked the world.", "ASSAULT", "militia", None, ANY),
    ("The strikes condemned by Turkey hit a school.", "ASSAULT", None, None, ANY),
    # a market struck or hit by someone is a place attacked (but see NOT_ACTS: "hit the market")
    ("Two civilians were killed when Israeli jets struck a market.", "ASSAULT", "Israeli", "civilians", ANY),
    ("A shell hit a crowded market in Idlib.", "ASSAULT", None, None, ANY),
    # whoever claims responsibility for an act did it; whoever denies it did not say so
    (
        "The Taliban claimed responsibility for the bombing that killed 12 soldiers.",
        "ASSAULT",
        "Taliban",
        "soldiers",
        ANY,
    ),
    ("The group has claimed responsibility for the attack on the embassy.", "ASSAULT", "group", ANY, ANY),
    ("Hamas denied responsibility for the attack.", "ASSAULT", None, None, ANY),
    # a verb coordinated inside a reported clause whose subject cannot act: the reporter acts
    (
        "The spokesman confirmed that the raid took place, but declined to provide details.",
        "REJECT",
        "spokesman",
        None,
        ANY,
    ),
    ("The ministry said the talks had failed and rejected the offer.", "REJECT", "ministry", None, ANY),
    # ... but a party inside the reported clause keeps the verb
    (
        "The minister said the rebels had agreed to the truce but rejected the new proposal.",
        "REJECT",
        "rebels",
        None,
        ANY,
    ),
]

# (sentence, type, number of events of that type): what an attack is done for is that attack
ONE_ACT = [
    ("The army launched an offensive to retake the town from the rebels.", "ASSAULT", 1),
    ("The coalition carried out a raid in eastern Syria, aimed at capturing ISIS commanders.", "ASSAULT", 1),
    # ... but not when another actor does the second act
    ("Russia bombed the city to help the army capture the airport.", "ASSAULT", 2),
]

# (sentence, type that must not be coded): words of a trigger that report no act by an actor
NOT_ACTS = [
    ("Russia will have to retake the initiative.", "ASSAULT"),
    ("The rebels seized the opportunity.", "COERCE"),
    ("The rebels captured the imagination of the young.", "ASSAULT"),
    ("This called for a cessation of hostilities between the factions.", "REQUEST"),
    ("That demands an explanation from the government.", "REQUEST"),
    # a product reaching the market is not an attack
    ("The new phone will hit the market next month.", "ASSAULT"),
    ("Cheap imports hit the market last year.", "ASSAULT"),
    # a possibility with nobody named as doing or suffering it is a general remark
    ("Isolating the group from its allies could lead to a military strike.", "ASSAULT"),
]


def _code(nlp, text: str) -> list[Event]:
    doc = nlp(text)
    return code_events(doc, ArticleContext(doc=doc))


def _surface_ok(got: ActorRef | None, want: str | None) -> bool:
    if want == ANY:
        return True
    if want is None:
        return got is None
    return got is not None and want.lower() in (got.mention or got.name).lower()


@pytest.mark.parametrize(("text", "typ", "source", "target", "status"), ROLE_CASES)
def test_roles(nlp, text, typ, source, target, status):
    events = [e for e in _code(nlp, text) if e.type == typ and (status == ANY or e.status == status)]
    assert events, f"no {typ}/{status} in {[(e.type, e.status, e.trigger) for e in _code(nlp, text)]}"
    got = [(e.source and e.source.mention, e.target and e.target.mention) for e in events]
    assert any(_surface_ok(e.source, source) and _surface_ok(e.target, target) for e in events), got


@pytest.mark.parametrize(("text", "typ"), NOT_ACTS)
def test_not_acts(nlp, text, typ):
    assert typ not in {e.type for e in _code(nlp, text)}


@pytest.mark.parametrize(("text", "typ", "count"), ONE_ACT)
def test_purpose_of_an_attack_is_that_attack(nlp, text, typ, count):
    assert sum(e.type == typ for e in _code(nlp, text)) == count


@pytest.mark.parametrize(
    ("text", "name", "kind", "role"),
    [
        # a modifier the tagger calls a person is the victim of a violent act only if it is a person
        ("The town survived a four year Jihadi siege.", "Jihadi", "armed_group", "source"),
        ("The Khashoggi killing shocked the world.", "Khashoggi", "person", "target"),
    ],
)
def test_modifier_role_follows_the_recognised_kind(nlp, text, name, kind, role):
    doc = nlp(text)
    i = text.index(name)
    actor = ActorRef(id="X", name=name, kind=kind, mention=name, start=i, end=i + len(name))
    ev = code_events(doc, ArticleContext(doc=doc, actors=[actor]))[0]
    assert getattr(ev, role) is not None and getattr(ev, role).id == "X", (ev.source, ev.target)


# With the actor recogniser: (text, type, source canonical name, target canonical name). Either order
# of a symmetric pair is accepted.
RESOLVED_CASES = [
    # a mention that stands for a pair names both sides of a meeting
    (
        "Sergey Lavrov met John Kerry in Geneva on Monday. The two ministers discussed the ceasefire.",
        "CONSULT",
        "Sergey Lavrov",
        "John Kerry",
    ),
    (
        "In their phone call on Tuesday, Vladimir Putin told Recep Tayyip Erdogan that the strikes would stop.",
        "CONSULT",
        "Vladimir Putin",
        "Recep Tayyip Erdogan",
    ),
    # whoever has the backing of several others is backed by each; they are not each other's partners
    (
        "The offensive succeeded because the Syrian army had the backing of Hezbollah and of the Iranian army.",
        "COOPERATE",
        "Hezbollah",
        "Syrian Arab Army",
    ),
    # a topic after a symmetric act does not replace the counterpart
    ("Russia and Turkey held talks on Syria in Moscow.", "CONSULT", "Russia", "Turkey"),
    # the states of a "joint X-Y" act work together
    ("The deal set up a joint US-Russian centre in Geneva.", "COOPERATE", "United States", "Russia"),
    # the enemy of a joint act is not a partner in it; coordinated modifiers are parties of their own
    (
        "Iraqi and Kurdish forces launched a joint operation against ISIS.",
        "COOPERATE",
        "Iraqi Armed Forces",
        "Peshmerga",
    ),
    ("US and British jets bombed the town on Monday.", "ASSAULT", "United States Armed Forces", None),
    # forces moved with no one named as moving them are moved by their own side
    ("Russian troops were deployed to Syria last week.", "MOBILIZE", "Russian Armed Forces", None),
    (
        "The army landed paratroopers to support 3,000 Iranian volunteers dispatched to the region.",
        "MOBILIZE",
        "Iranian Armed Forces",
        None,
    ),
]


@pytest.mark.parametrize(("text", "typ", "source", "target"), RESOLVED_CASES)
def test_roles_with_recognised_actors(nlp, text, typ, source, target):
    from ceasefire.actors import find_mentions

    doc = nlp(text)
    ctx = ArticleContext(doc=doc)
    find_mentions(doc, ctx)
    events = [e for e in code_events(doc, ctx) if e.type == typ]
    got = [(e.source and e.source.name, e.target and e.target.name) for e in events]
    assert (source, target) in got or (
        typ in ("AGREE", "CONSULT", "COOPERATE") and (target, source) in got
    ), got
