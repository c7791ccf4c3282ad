"""Role proposer for nominal triggers ("the Russian strikes on X", "an attack by Y")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import QUANTITY_HEADS, Trigger
from ..location import PLACE_PREPS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


from .actors import GENERIC_ACTORS, NOT_ACTOR_ENTS, _actor_like
from .subjects import _subjects
from .tree import _children, _clause_verb, _is_passive, _participates, _pobjs, _with_conjuncts
from .verb_roles import _Args, _content_parties, _displaced_against, _not_backing
from .words import CONTENT_PARTY_TYPES, LIGHT_VERBS, SPEECH_ACT_TYPES, TARGET_PREPS

# Nominal triggers whose "of X" is the actor ("the withdrawal of US troops"), not the target.
OF_IS_SOURCE = frozenset(
    {
        "RETREAT",
        "MOBILIZE",
        "PROTEST",
        "CONSULT",
        "AGREE",
        "COOPERATE",
        "REQUEST",
        "REJECT",
        "THREATEN",
        "CONCEDE",
        "SUPPORT",
        "ACCUSE",
    }
)


# Actor nouns the tagger often reads as adjectives when they modify a nominal act ("a rebel offensive",
# "jihadist attacks"); not "military", "official", "national" (a kind of act, not its author).
ACTOR_ADJECTIVES = frozenset(
    {
        "rebel",
        "militant",
        "jihadi",
        "jihadist",
        "insurgent",
        "opposition",
        "terrorist",
        "government",
        "regime",
        "army",
        "police",
        "coalition",
        "separatist",
        "guerrilla",
    }
)


# Nominal acts whose named modifier is the victim ("the Khashoggi murder", "Navalny's arrest").
VICTIM_NOUNS = frozenset(
    {
        "murder",
        "killing",
        "assassination",
        "execution",
        "kidnapping",
        "abduction",
        "arrest",
        "detention",
        "torture",
        "beheading",
        "imprisonment",
    }
)


# Nominal attacks whose "of X" is the attacker ("a timely attack of al-Qaeda", "the offensive of
# the army"), unlike "the killing of X" or "the shelling of X" (the victim or the place).
AGENTIVE_OF = frozenset(
    {
        "attack",
        "offensive",
        "counteroffensive",
        "counter-offensive",
        "assault",
        "advance",
        "raid",
        "incursion",
        "invasion",
    }
)


# Harm that an attack "caused" or "inflicted": who suffers it suffers the attack ("civilian deaths caused
# by Russian bombing").
CASUALTY_NOUNS = frozenset(
    {"death", "casualty", "injury", "loss", "damage", "destruction", "toll", "suffering"}
)


# Verbs whose "of" names what the accused did ("accused X of bombing", "convicted of the attack").
ACCUSING_VERBS = frozenset({"accuse", "charge", "suspect", "convict", "blame", "indict"})


# Verbs that hand over what an AID noun names ("gave X 5 million dollars of aid", "sent tons of aid to X").
GIVING_VERBS = frozenset(
    {
        "give",
        "provide",
        "send",
        "deliver",
        "grant",
        "donate",
        "pledge",
        "promise",
        "offer",
        "ship",
        "supply",
        "allocate",
        "extend",
        "airlift",
        "transfer",
        "disburse",
    }
)


RECEIVING_VERBS = frozenset({"have", "get", "receive", "enjoy", "win", "gain", "secure", "obtain", "lose"})


# Verbs that lay a blame on someone ("put the blame on X").
BLAME_VERBS = frozenset({"put", "lay", "place", "pin", "shift", "cast"})


# Acts one can be "under" ("under investigation", "under attack", "under siege", "under sanctions").
UNDER_TYPES = frozenset({"ACCUSE", "ASSAULT", "COERCE", "SANCTION", "THREATEN"})


def _noun_args(noun: Token, trig: Trigger) -> _Args:
    sources: list[Token] = []
    targets: list[Token] = []
    mods = _children(noun, ("poss",)) + [
        c
        for c in noun.children
        if c.dep_ in ("amod", "compound", "nmod")
        and (
            c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
            or c.pos_ == "PROPN"
            or (c.pos_ == "NOUN" and c.lemma_.lower() in GENERIC_ACTORS)
            or (c.pos_ == "ADJ" and c.lemma_.lower() in ACTOR_ADJECTIVES)
        )
        and c.ent_type_ not in NOT_ACTOR_ENTS
    ]
    for m in mods:
        # "the Khashoggi killing", "Assad's removal": a person named on a violent or coercive
        # act is its victim; a state, group or nationality is its author ("Russian strikes")
        if trig.type in ("ASSAULT", "COERCE") and (
            m.ent_type_ == "PERSON" or (trig.lemma in VICTIM_NOUNS and m.pos_ == "PROPN")
        ):
            targets.append(m)
        else:
            sources.append(m)
    sources += _pobjs(noun, ("by",)) + _children(noun, ("nsubj",))  # nsubj: a verb tagged as noun
    owned = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if (
        owned is not None
        and owned.lemma_.lower() == "responsibility"
        and owned.dep_ == "dobj"
        and owned.head.lemma_.lower() in ("claim", "accept", "take", "admit", "assume")
    ):
        sources += _subjects(owned.head)  # "the Taliban claimed responsibility for the bombing"
    for a in noun.children:
        if a.dep_ in ("acl", "relcl") and a.lemma_.lower() in CONDUCT_VERBS:
            # "the attack, carried out by Hamas", "the offensive led by Kurdish forces against ISIS"
            sources += [o for ag in a.children if ag.dep_ == "agent" for o in ag.children if o.dep_ == "pobj"]
            targets += _pobjs(a, ("against", "on", "upon"))
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and trig.type in UNDER_TYPES:
        # "the adviser is under investigation", "the town came under fire from the rebels":
        # the subject of the clause suffers the act
        pred = noun.head.head
        if pred.pos_ in ("VERB", "AUX"):
            targets += _children(pred, ("nsubj", "nsubjpass"))
            sources += _pobjs(noun, ("from",)) + _pobjs(pred, ("from",))
    gov = noun.head
    if noun.dep_ == "dobj" and gov.pos_ in ("VERB", "AUX") and gov.tag_ != "VBN" and not _is_passive(gov):
        # "which make the latest offensive by ISIS so frightening": an active verb has no agent,
        # so a "by X" the parser hung on it belongs to its nominal object
        sources += [o for p in gov.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"]
    if trig.type in SPEECH_ACT_TYPES:
        sources += _pobjs(noun, ("from",))  # "complaints from Lavrov", "an offer from Hamas"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_HEADS:
        # "a series of complaints from X", "a wave of strikes by X"
        sources += _pobjs(noun.head.head, ("by",) + (("from",) if trig.type in SPEECH_ACT_TYPES else ()))
    # "the pullout in March of part of the air force": the parser hangs "of X" on the date
    dated = [
        d for d in _pobjs(noun, PLACE_PREPS | {"during", "after", "since"}) if d.ent_type_ in ("DATE", "TIME")
    ]
    of = [
        o
        for o in _pobjs(noun, ("of",)) + [x for d in dated for x in _pobjs(d, ("of",))]
        if o.ent_type_ not in NOT_ACTOR_ENTS
    ]
    between = _pobjs(noun, ("between", "among"))
    carrier = (
        noun.head if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in LIGHT_VERBS else None
    )
    if (
        carrier is None
        and trig.type in ("CONSULT", "COOPERATE")
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("in", "during", "through", "via")
        and noun.head.head.pos_ in ("VERB", "AUX")
    ):
        # "we share our assessments with them in daily videoconferences between X and Y", "the two
        # sides agreed in talks between their envoys": who acts in the meetings takes part in them
        carrier = noun.head.head
    carrier_subj = _subjects(carrier) if carrier is not None and carrier.pos_ in ("VERB", "AUX") else []
    if between and carrier_subj and not sources:
        # "the emir launched a mediation effort between X and Y": the one who carries the act does it;
        # the parties are its targets
        sources, targets = carrier_subj, targets + between
    elif between:
        sources += between
    elif carrier_subj and sources and all(t.pos_ == "PRON" for t in sources):
        # "the fundamentalists continued their hunger strike": the named subject before the pronoun
        sources = carrier_subj + sources
    if trig.lemma in AGENTIVE_OF and trig.type not in OF_IS_SOURCE and sources:
        targets += of  # "Russia's invasion of Ukraine": with its author named, "of X" is who suffers it
    elif trig.type in OF_IS_SOURCE or trig.lemma in AGENTIVE_OF:
        sources += of
        if trig.type == "ASSAULT":
            # "an attack of al-Qaeda and its allies against government positions": the parser hangs
            # the target on the attackers
            targets += [t for o in of for x in o.subtree for t in _pobjs(x, ("against", "on", "upon"))]
    else:
        targets += of
    if trig.type == "ASSAULT" and not targets:
        # ... and "the offensive by government forces against the Taliban" likewise
        targets += [
            t for o in _pobjs(noun, ("by",)) for x in o.subtree for t in _pobjs(x, ("against", "on", "upon"))
        ]
    targets += _pobjs(noun, TARGET_PREPS + (("for",) if trig.type == "AID" else ()))
    if (
        trig.type in ("ASSAULT", "COERCE")
        and not targets
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "from"
        and (
            noun.head.head.lemma_.lower() in SHIELDING_VERBS
            or (noun.head.head.dep_ == "dobj" and noun.head.head.head.lemma_.lower() in SHIELDING_VERBS)
        )
    ):
        # "asked to spare X from air strikes", "shield civilians from the shelling": who is to be
        # kept from the act would suffer it (the parser may hang "from" on X itself)
        gov = noun.head.head
        targets += [gov] if gov.dep_ == "dobj" else _children(gov, ("dobj", "nsubjpass"))
    if not targets and trig.type in CONTENT_PARTY_TYPES:
        targets = _content_parties(of, trig.type)  # "their refusal of any coordination with X"
    gov = noun.head
    if (
        noun.dep_ == "dobj"
        and gov.lemma_.lower() in RECEIVING_VERBS
        and trig.type in ("SUPPORT", "COOPERATE", "AID")
    ):
        # "the army had the backing of the air force", "Kyiv received the support of NATO": whoever
        # has or gets it is its target
        targets = _subjects(gov) + targets
        if trig.type == "AID" and not sources:
            # "the rebels received weapons from Iran": whoever it comes from gives it
            sources = _pobjs(noun, ("from",)) or _pobjs(gov, ("from",))
    if noun.dep_ == "dobj" and gov.lemma_.lower() in BLAME_VERBS and trig.type == "ACCUSE" and not targets:
        # "puts the blame for the fighting in Aleppo on the US": the parser hangs "on X" anywhere after
        targets = [
            o
            for t in gov.subtree
            if t.i > noun.i and t.dep_ == "prep" and t.lower_ in ("on", "upon")
            for o in t.children
            if o.dep_ == "pobj"
        ][:1]
    anchor = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_HEADS:
        anchor = noun.head.head  # "launched a series of counter-offensives against the army"
        targets += _pobjs(anchor, TARGET_PREPS)
    of_prep = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    while of_prep is not None and of_prep.dep_ == "conj" and of_prep.head.lower_ == "of":
        of_prep = of_prep.head  # "accused X of war crimes and of attacks on civilians"
    if not sources and of_prep is not None and of_prep.head.lemma_.lower() in ACCUSING_VERBS:
        # "accused Russia of indiscriminate bombing", "Russia was accused of attacks": the accused did it
        accuser = of_prep.head
        sources = (
            _children(accuser, ("nsubjpass",)) if _is_passive(accuser) else _children(accuser, ("dobj",))
        )
    if trig.type == "AID" and not sources:
        # "gave X 5 million dollars of aid", "sent tons of aid to X", "pledged $500 million in aid to X":
        # the giver gives it, the one it is given or sent to receives it
        amount = noun
        for _ in range(3):  # "millions of dollars of aid"
            if amount.dep_ == "pobj" and amount.head.lower_ in ("of", "in"):
                amount = amount.head.head
        gov = amount.head
        if amount.dep_ == "dobj" and gov.lemma_.lower() in GIVING_VERBS:
            sources = _subjects(gov)
            if not any(_actor_like(t) for t in targets):
                targets = (
                    [d for d in _children(gov, ("dative",)) if d.pos_ != "ADP"]
                    + _pobjs(gov, ("to", "for"))
                    + _pobjs(amount, ("to", "for"))
                    + targets
                )
    via = bool(sources)
    if not sources:
        noun = anchor
        gov = noun.head
        if (
            noun.dep_ in ("dobj", "nsubjpass")
            and gov.pos_ in ("VERB", "AUX")
            and gov.lemma_.lower() in LIGHT_VERBS
        ):
            # "Russia launched strikes against X": the light verb's subject acts, its "against X"
            sources = _subjects(gov)
            if not targets:
                targets = _not_backing(_pobjs(gov, TARGET_PREPS + (("for",) if trig.type == "AID" else ())))
        elif noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ == "in" and _participates(gov.head):
            # "Serb forces were engaged in ethnic cleansing against X", "Hezbollah fighters took part in
            # the assault": whoever takes part in an act does it
            sources = _subjects(gov.head) or _children(gov.head, ("nsubjpass",))
            if not targets:
                targets = _pobjs(gov.head, ("against", "on", "upon"))
        elif (
            noun.dep_ == "pobj"
            and gov.dep_ == "prep"
            and gov.lower_ in ("in", "during")
            and trig.type in ("CONSULT", "COOPERATE")
        ):
            # "Russia and the US are involved in a close dialog", "in a phone call I told Kerry",
            # "fighters stormed the village in cooperation with X"
            pred = _clause_verb(gov.head)
            if pred is not None:
                sources = _subjects(pred) or _children(pred, ("nsubjpass",))  # "X are involved in"
                if not targets:
                    targets = _children(pred, ("dative",)) or (
                        _children(pred, ("dobj",))
                        if pred.lemma_.lower() in ("tell", "inform", "brief", "meet")
                        else []
                    )
        elif (
            noun.dep_ == "pobj"
            and gov.dep_ == "prep"
            and gov.lower_ == "with"
            and trig.type in ("COOPERATE", "AID")
        ):
            # "X, with the support of Y, attacked": Y backs X
            pred = _clause_verb(gov.head)
            if pred is not None and not targets:
                targets = _subjects(pred)
    elif (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
        and trig.type in ("COOPERATE", "AID")
        and not targets
    ):
        # ... also when Y is named ("with the support of the other groups"): X is still backed
        pred = _clause_verb(noun.head.head)
        if pred is not None:
            targets = [t for t in _subjects(pred) if t not in sources]
    if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and not targets:
        # "air strikes killed nine civilians": the victims of the verb are the act's targets;
        # "strikes took place against army positions": so are the verb's "against X"
        if trig.type in ("ASSAULT", "COERCE") and noun.head.lemma_.lower() not in ("take", "have", "make"):
            targets = [o for o in _children(noun.head, ("dobj",))]  # not "took place", "had effect"
        if not targets:
            targets = _pobjs(noun.head, ("against", "on", "upon", "targeting"))
    if (
        not targets
        and trig.type == "ASSAULT"
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "agent"
        and noun.head.head.lemma_.lower() in ("cause", "inflict")
    ):
        # "civilian deaths caused by Russian bombing", "casualties among civilians caused by air strikes"
        harm = noun.head.head.head
        if _actor_like(harm) and harm.lemma_.lower() not in CASUALTY_NOUNS:
            targets = [harm]
        elif harm.lemma_.lower() in CASUALTY_NOUNS:
            targets = [
                m for m in harm.children if m.dep_ in ("amod", "compound", "nmod", "poss") and _actor_like(m)
            ] + _pobjs(harm, ("of", "among", "to"))
    fallback: list[Token] = []
    if noun.dep_ == "dobj" and trig.type != "MOBILIZE":
        # "gave Putin a stern warning (on Tuesday)", "offered the rebels talks": the indirect object of
        # the verb that hands over the act receives it, when no other target resolves
        fallback = [d for d in _children(noun.head, ("dative",)) if d.pos_ != "ADP"]
    if not targets and trig.type in ("ASSAULT", "COERCE"):
        # "continued its offensive in the north against X"; "the focus of the army's offensive lies in
        # the east against X": "against X" on the place of the act, of its light verb or of the clause
        # whose subject it is (or whose subject it is "of")
        hosts = [noun]
        subj = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in LIGHT_VERBS:
            hosts.append(noun.head)
        elif subj.dep_ == "nsubj" and subj.head.pos_ in ("VERB", "AUX"):
            hosts.append(subj.head)
        targets = _displaced_against(hosts)
    return _Args(_with_conjuncts(sources), _with_conjuncts(targets), via, _with_conjuncts(fallback))


# verbs that keep someone from an act ("spare X from strikes"); written for this rule, not tuned
SHIELDING_VERBS = frozenset({"spare", "shield", "protect", "save", "rescue", "defend", "safeguard"})


# verbs whose agent carries out the act they modify ("the attack carried out by X"); written for
# this rule, not tuned; "condemned/reported by X" are deliberately absent
CONDUCT_VERBS = frozenset(
    {
        "carry",
        "conduct",
        "lead",
        "launch",
        "mount",
        "wage",
        "spearhead",
        "stage",
        "perpetrate",
        "commit",
        "execute",
    }
)
