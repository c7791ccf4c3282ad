"""Word lists and confidence constants shared by several proposers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..frames import (
    FUTURE_VERBS,
    HYPOTHETICAL_VERBS,
    NEGATING_VERBS,
    POSTPONING_VERBS,
    REQUEST_VERBS,
)

if TYPE_CHECKING:  # pragma: no cover
    pass


# Types whose coordinated subject ("X and Y met") is one event between the two.
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


# Prepositions that introduce the target of a trigger ("fired on", "talks with", "appeal to").
TARGET_PREPS = ("against", "on", "upon", "at", "with", "to", "targeting", "over", "alongside")


# Verbs that carry a nominal trigger without adding meaning ("launched an offensive",
# "held talks"): the verb's subject is the nominal event's source.
LIGHT_VERBS = frozenset(
    {
        "launch",
        "carry",
        "conduct",
        "mount",
        "wage",
        "stage",
        "hold",
        "make",
        "issue",
        "resume",
        "continue",
        "begin",
        "start",
        "intensify",
        "escalate",
        "unleash",
        "perpetrate",
        "commit",
        "lead",
        "spearhead",
        "undertake",
        "initiate",
        "step",
        "have",
        "impose",
        "lay",
        "announce",
        "order",
        "sign",
        "reach",
        "give",
        "deliver",
        "provide",
        "send",
        "take",
        "pursue",
        "do",
        "renew",
        "extend",
        "put",
        "maintain",
        "declare",
        "seek",
        "demand",
        "plan",
        "prepare",
        "threaten",
        "need",
        "want",
        "offer",
        "engage",
        "set",
        "organise",
        "organize",
        "call",
        "open",
        "stag",  # en_core_web_sm lemmatises "staged" (a rally, a strike) as "stag"
        "tighten",
        "expand",
        "enforce",
        "broker",
        "accept",
        "reject",
        "refuse",
        "spurn",
        "repeat",  # "reiterated his call for X", "the warning was repeated by X": the repeater made it
        "reiterate",
    }
)


# What an imminent hostile act threatens (THREATEN modes by content).
THREAT_CONTENT = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations"}


CONF_INFERRED_THREAT = 0.15  # the THREATEN is inferred from the frame, not stated by a trigger


# Verbs of speech whose "should/must" complement is a demand by the speaker.
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "state",
        "insist",
        "stress",
        "emphasise",
        "emphasize",
        "declare",
        "reiterate",
        "add",
        "argue",
        "write",
        "note",
        "announce",
        "warn",
        "repeat",
    }
)


# Verbs and nouns that report what an attack did rather than a separate attack.
CONSEQUENCE_LEMMAS = frozenset(
    {
        "kill",
        "injure",
        "wound",
        "destroy",
        "damage",
        "rock",
        "hit",
        "target",
        "destruction",
        "killing",
        "massacre",
        "slaughter",
    }
)


# Verbs that carry or frame a nominal act: its status is theirs ("will launch an offensive",
# "plans an attack", "prevented the attack", "demanded a ceasefire").
FRAMING_VERBS = (
    LIGHT_VERBS | FUTURE_VERBS | REQUEST_VERBS | NEGATING_VERBS | HYPOTHETICAL_VERBS | POSTPONING_VERBS
)


# Event types whose verb frames its object as wanted, promised or refused rather than existing.
FRAMING_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE", "SUPPORT", "ACCUSE"})


# Types whose object is an act or text whose other party is the event's target ("set a deadline for
# X to leave", "threatened sanctions against X", "refused any coordination with X", "accepted a truce
# with X"). Not REQUEST (the one asked is the target, not the party to what is asked) nor ACCUSE
# ("condemned the attack on X": X is the victim, not the accused).
CONTENT_PARTY_TYPES = frozenset({"THREATEN", "REJECT", "AGREE", "SUPPORT", "CONCEDE", "SANCTION", "COERCE"})


# ASSAULT modes from the weapon named with the act ("attacked with drones", "using artillery").
INSTRUMENT_MODES = {
    "drone": "drone",
    "uav": "drone",
    "aircraft": "aerial",
    "jet": "aerial",
    "warplane": "aerial",
    "helicopter": "aerial",
    "airstrike": "aerial",
    "bomber": "aerial",
    "artillery": "heavy-weapons",
    "rocket": "heavy-weapons",
    "missile": "heavy-weapons",
    "mortar": "heavy-weapons",
    "tank": "heavy-weapons",
    "shell": "heavy-weapons",
    "gun": "firearms",
    "rifle": "firearms",
    "gunfire": "firearms",
    "bullet": "firearms",
    "bomb": "explosives",
    "explosive": "explosives",
    "ied": "explosives",
    "grenade": "explosives",
    "mine": "explosives",
    "knife": "primitive",
    "machete": "primitive",
    "stone": "primitive",
    "axe": "primitive",
    "gas": "crowd-control",
    "cannon": "crowd-control",
    "sarin": "unconventional",
    "chlorine": "unconventional",
}


# Verbs of taking ground: "from X" names whom it was taken from.
CAPTURE_LEMMAS = frozenset({"capture", "seize", "retake", "recapture", "take", "wrest", "liberate", "grab"})


# Nominal speech acts whose "from X" is the speaker ("complaints from Lavrov", "an offer from Hamas").
SPEECH_ACT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "REJECT", "CONCEDE"})


# What a meeting or a deal is about ("talks on Syria"), not a party to it.
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})


HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "THREATEN"})


# Reported obligations ("X said Y must withdraw") are requests by the reporter.
DEMAND_AUX = frozenset({"must", "should", "ought"})


CONF_REPORTED_DEMAND = 0.45  # below any lexical trigger: the REQUEST is inferred from modality alone


# Confidence by how the event was found, set so that the score roughly equals the share of
# events of that kind whose type the dev gold confirms (tests/events/measure_dev.py --buckets,
# 270 events, 2026-11-22): bare nominal triggers ~0.5, bare verbal triggers ~0.6-0.7, verbal
# triggers with a syntactic source, a target and a constrained lexicon entry ~0.85.
CONF_BASE = {"VERB": 0.6, "NOUN": 0.5}


CONF_SOURCE = 0.15  # source found from syntax


CONF_TARGET = 0.05  # target found from syntax


CONF_CONSTRAINED = 0.05  # trigger matched a constrained (more specific) lexicon entry


CONF_UNASSERTED = -0.05  # status other than asserted: harder to get right
