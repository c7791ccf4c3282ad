"""PLOVER event coding over the dependency parse.

For every sentence, each token that the trigger lexicon matches (a verb such as
"bombed", a noun such as "air strikes" or "the offensive") becomes an event. Its
source and target come from the parse (subject/agent, object/passive subject,
"against/on X", possessives and nationality adjectives of nominal triggers,
control verbs for infinitives), its status and claimant from the frames around it
(:mod:`ceasefire.events.frames`), its location from the places in its clause or
sentence and its date from the article's date resolver.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import product
from typing import TYPE_CHECKING

from ..models import ActorRef, Event, Place
from .candidates import Proposal
from .frames import (
    FUTURE_VERBS,
    HYPOTHETICAL_VERBS,
    NEGATING_VERBS,
    POSTPONING_VERBS,
    REQUEST_VERBS,
    Frame,
    frame_of,
    report_subject,
)
from .lexicon import QUANTITY_HEADS, Lexicon, Trigger, load_lexicon, objects_of
from .location import PLACE_PREPS, event_place

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..nlp.context import ArticleContext

CODER_ENV = "CEASEFIRE_CODER"

# Types whose coordinated subject ("X and Y met") is one event between the two.
SYMMETRIC_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})
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
# Fallback actor nouns, used only when no actor recogniser has filled ctx.actors.
GENERIC_ACTORS = frozenset(
    {
        "rebel",
        "troop",
        "soldier",
        "militant",
        "civilian",
        "force",
        "army",
        "government",
        "police",
        "fighter",
        "jihadi",
        "jihadist",
        "terrorist",
        "opposition",
        "protester",
        "insurgent",
        "militia",
        "military",
        "regime",
        "administration",
        "ministry",
        "minister",
        "president",
        "official",
        "authority",
        "group",
        "faction",
        "coalition",
        "people",
        "refugee",
        "demonstrator",
        "gunman",
        "attacker",
        "bomber",
        "diplomat",
        "envoy",
        "delegation",
        "prisoner",
        "hostage",
        "journalist",
        "activist",
        "leader",
        "commander",
        "spokesman",
        "spokeswoman",
        "party",
        "detainee",
        "captive",
        "suspect",
        "national",
        "citizen",
        "worker",
        "resident",
        "villager",
        "student",
        "americans",
        "russians",
        "iranians",
        "syrians",
        "kurds",
        "palestinians",
        "israelis",
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
NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})
NER_KIND = {"PERSON": "person", "NORP": "state", "GPE": "state", "ORG": "other"}
# What an imminent hostile act threatens (THREATEN modes by content).
THREAT_CONTENT = {"ASSAULT": "violence", "COERCE": "restrict", "SANCTION": "relations"}
CONF_INFERRED_THREAT = 0.15  # the THREATEN is inferred from the frame, not stated by a trigger

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
# Objects that make "strike"/"hit" figurative ("struck a balance", "hit a record").
IDIOM_OBJECTS = frozenset(
    {
        "balance",
        "chord",
        "tone",
        "note",
        "record",
        "high",
        "low",
        "snag",
        "wall",
        "jackpot",
        "pose",
        "market",
        "headline",
        "button",
    }
)
# Objects that make taking figurative ("seized the opportunity", "retake the initiative").
FIGURATIVE_SPOILS = frozenset(
    {
        "initiative",
        "opportunity",
        "chance",
        "moment",
        "momentum",
        "lead",
        "advantage",
        "imagination",
        "attention",
        "headline",
        "spotlight",
        "limelight",
        "stage",
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
CONTENT_PARTY_PREPS = ("with", "against", "on", "upon", "to")
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
# "with the support of X": backing that comes with an act, not a party it is done to ("attacked the town
# with the backing of Russian jets"). Lemmas of the AID/SUPPORT/COOPERATE nouns in triggers.tsv.
BACKING_NOUNS = frozenset(
    {"support", "backing", "help", "assistance", "aid", "cooperation", "coordination", "cover"}
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
# Verbs of taking ground: "from X" names whom it was taken from.
CAPTURE_LEMMAS = frozenset({"capture", "seize", "retake", "recapture", "take", "wrest", "liberate", "grab"})
# Nominal speech acts whose "from X" is the speaker ("complaints from Lavrov", "an offer from Hamas").
SPEECH_ACT_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "AGREE", "SUPPORT", "REJECT", "CONCEDE"})
# Verbs whose object is a party one deals with ("refused to meet X", "refused to recognise X").
PARTY_VERBS = frozenset(
    {
        "meet",
        "recognise",
        "recognize",
        "receive",
        "see",
        "join",
        "help",
        "support",
        "obey",
        "back",
        "accept",
        "engage",
        "host",
        "invite",
        "consult",
    }
)
# Verbs of what a protest is staged for ("rallies to demand X", "a strike calling for X").
PROTEST_AIMS = frozenset(
    {
        "demand",
        "protest",
        "press",
        "call",
        "urge",
        "oppose",
        "denounce",
        "condemn",
        "demonstrate",
        "seek",
        "push",
    }
)
# Verbs whose subject has or gets what their object gives ("had the backing of X").
# Participles of hyphenated modifiers ("London-based", "Iran-backed", "US-led") that the parser
# reads as verbs when the hyphen is missing.
MODIFIER_PARTICIPLES = frozenset(
    {"base", "back", "lead", "fund", "sponsor", "arm", "ally", "link", "affiliate", "align", "run", "support"}
)
# What a meeting or a deal is about ("talks on Syria"), not a party to it.
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
RECEIVING_VERBS = frozenset({"have", "get", "receive", "enjoy", "win", "gain", "secure", "obtain", "lose"})
# Verbs that lay a blame on someone ("put the blame on X").
BLAME_VERBS = frozenset({"put", "lay", "place", "pin", "shift", "cast"})
# Acts one can be "under" ("under investigation", "under attack", "under siege", "under sanctions").
UNDER_TYPES = frozenset({"ACCUSE", "ASSAULT", "COERCE", "SANCTION", "THREATEN"})
# Promises whose content decides between AGREE and THREATEN.
PROMISE_VERBS = frozenset({"vow", "swear", "pledge", "promise"})
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "THREATEN"})
# Reported obligations ("X said Y must withdraw") are requests by the reporter.
DEMAND_AUX = frozenset({"must", "should", "ought"})
CONF_REPORTED_DEMAND = 0.45  # below any lexical trigger: the REQUEST is inferred from modality alone

PRONOUNS = frozenset(
    {
        "i",
        "we",
        "you",
        "he",
        "she",
        "it",
        "they",
        "me",
        "us",
        "him",
        "her",
        "them",
        "this",
        "that",
        "these",
        "those",
        "who",
        "which",
        "what",
        "one",
        "itself",
        "themselves",
        "himself",
        "herself",
        "ourselves",
        "both",
        "all",
        "some",
        "each",
    }
)
# Verbs whose object, not subject, does the complement ("urged Russia to withdraw").
OBJECT_CONTROL = REQUEST_VERBS | frozenset(
    {
        "allow",
        "help",
        "force",
        "permit",
        "enable",
        "lead",
        "dissuade",
        "prevent",
        "stop",
        "warn",
        "accuse",
        "blame",
    }
)

# Confidence by how the event was found, set so that the score roughly equals the share of
# events of that kind whose type the dev gold confirms (tests/events/measure_dev.py --buckets,
# 270 events, 2026-11-22): bare nominal triggers ~0.5, bare verbal triggers ~0.6-0.7, verbal
# triggers with a syntactic source, a target and a constrained lexicon entry ~0.85.
CONF_BASE = {"VERB": 0.6, "NOUN": 0.5}
CONF_SOURCE = 0.15  # source found from syntax
CONF_TARGET = 0.05  # target found from syntax
CONF_CONSTRAINED = 0.05  # trigger matched a constrained (more specific) lexicon entry
CONF_UNASSERTED = -0.05  # status other than asserted: harder to get right


@dataclass(frozen=True)
class CoderSettings:
    """Knobs of the coder. ``split_coordinated``: one event per coordinated actor
    ("Russia and Syria bombed X" -> two events) instead of the first conjunct only.
    ``inherit_dates``: an undated sentence takes the running date context (month precision).
    ``skip_repeated_mentions``: "the raid", "this attack" with no actors of its own, after the
    article already coded that kind of event, refers back to it and is not coded again.
    ``max_events_per_trigger``: cap on the events one trigger yields when splitting coordination.
    ``drop_generic``: a hypothetical act with no actor at all in its syntax (neither doer nor
    sufferer, not even a pronoun) is a general remark and is not coded (dev gold: 7 of 9 such events
    were not gold events; events_type F1 0.723 -> 0.725).
    ``drop_bare_nouns``: a nominal trigger with no actor in its syntax that is neither the subject
    of its clause nor made particular by a determiner ("the", "this"), a possessor, a number, a
    date or a place ("an upsurge in violence", "calls for peace talks") names no specific act and
    is not coded (see ``_bare_noun``; measured in docs/EVENTS.md).
    The defaults were chosen on the dev gold (splitting coordination and inheriting dates
    both lowered events_type F1 there: 0.708 vs 0.719 and no gain in events_full)."""

    split_coordinated: bool = False
    inherit_dates: bool = False
    decider: str | None = None  # "trained", "rules" or "naive"; None: $CEASEFIRE_CODER, else "trained"
    skip_repeated_mentions: bool = True
    max_events_per_trigger: int = 4
    drop_generic: bool = True
    drop_bare_nouns: bool = True


# Determiners that point at no particular act ("any talks", "such attacks"); every other one does
# ("the raid", "this attack", "a phone call"), and so does a possessor or a number.
GENERIC_DETS = frozenset({"any", "such", "some"})
# Entity labels that anchor an act noun in time or space ("strikes on Sunday", "clashes in Aleppo").
ANCHOR_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def _bare_noun(tok: Token) -> bool:
    """An act noun that names no particular act: not the subject of its clause ("fighting broke
    out"), with no article or other particular determiner, possessor, number, date or place."""
    if tok.dep_ in ("nsubj", "nsubjpass", "ROOT", "nmod", "compound", "amod") or tok.pos_ == "PROPN":
        return False  # a subject is said to happen; a modifier's article may sit on its head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        return False  # "10 days of war games", "a wave of attacks": the noun before it decides
    for c in tok.children:
        if c.dep_ in ("poss", "nummod") or (c.dep_ in ("det", "predet") and c.lower_ not in GENERIC_DETS):
            return False
    if any(t.ent_type_ in ANCHOR_ENTS for t in tok.subtree):
        return False
    # "negotiators return to Geneva this week for talks": a date on the verb it hangs on dates it
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head
    dates = [c for c in gov.children if c.dep_ == "npadvmod"]
    dates += [g for c in gov.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return not any(d.ent_type_ in ("DATE", "TIME") for d in dates)


def _merges_into_head(tok: Token, trig: Trigger, lex: Lexicon) -> bool:
    """Whether a noun only says how the act of the verb it hangs on was done ("killed in air
    strikes", "fought fierce battles"): it merges into that act and gives its mode."""
    gov = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ == "dobj" else None
    inner = _lexical_trigger(gov, lex) if gov is not None and gov != tok else None
    return inner is not None and inner.type == trig.type


DEFAULT_SETTINGS = CoderSettings()


@dataclass
class _Args:
    sources: list[Token]
    targets: list[Token]
    via_syntax: bool


def code_events(
    doc: Doc, ctx: ArticleContext, settings: CoderSettings = DEFAULT_SETTINGS, lexicon: Lexicon | None = None
) -> list[Event]:
    """Code PLOVER events in a parsed article. Never modifies ``doc`` or ``ctx``.

    The rules propose (:func:`propose`); the decider chosen by ``settings.decider`` (else
    ``$CEASEFIRE_CODER``, else ``trained``) decides: ``trained`` is the trained model of
    :mod:`.decide`, ``rules`` the rules alone, ``naive`` the rules' events with the sentence's
    first actor as source and its second as target (the baseline of ``scripts/eval``).
    """
    lex = lexicon or load_lexicon()
    decider = settings.decider or os.environ.get(CODER_ENV) or "trained"
    sentences = list(zip(doc.sents, propose(doc, ctx, settings, lex), strict=True))
    if decider == "rules":
        return [e for _s, props in sentences for e in rules_decide(props)]
    if decider == "naive":
        return [e for sent, props in sentences for e in _naive(sent, rules_decide(props), ctx)]
    if decider != "trained":
        raise ValueError(f"unknown decider {decider!r} (trained, rules or naive)")
    from .decide import decide
    from .model import load_model

    model = load_model()
    by_sent: dict[int, list[tuple[Event, Token]]] = {}
    for ev, tok in decide(doc, ctx, sentences, model, lex, settings):
        by_sent.setdefault(tok.sent.start, []).append((ev, tok))
    out: list[Event] = []
    for sent, _props in sentences:
        for e in _dedupe(sorted(by_sent.get(sent.start, []), key=lambda et: et[1].i)):
            out.append(replace(e, confidence=model.calibrated(e.confidence)))
    return out


def _naive(sent: Span, events: list[Event], ctx: ArticleContext) -> list[Event]:
    """The baseline: the first actor found in the sentence is the source, the second the target."""
    order: list[ActorRef] = []
    for a in sorted(ctx.actors, key=lambda a: a.start or 0):
        if (
            a.start is not None
            and sent.start_char <= a.start < sent.end_char
            and all(a.id != b.id for b in order)
        ):
            order.append(a)
    src = order[0] if order else None
    tgt = order[1] if len(order) > 1 else None
    return [replace(e, source=src, target=tgt) for e in events]


def propose(
    doc: Doc, ctx: ArticleContext, settings: CoderSettings = DEFAULT_SETTINGS, lexicon: Lexicon | None = None
) -> Iterator[list[Proposal]]:
    """Every rule's proposals, sentence by sentence, in token order (see :mod:`.candidates`)."""
    if not doc.has_annotation("DEP"):
        raise ValueError(
            "code_events needs a dependency-parsed Doc (a spaCy pipeline with a parser); "
            "this Doc has no dependency annotation"
        )
    lex = lexicon or load_lexicon()
    seen: set[tuple[str, str]] = set()  # (type, trigger lemma) already coded in the article
    for sent in doc.sents:
        props: list[Proposal] = []
        earlier: list[tuple[Event, Token]] = []
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX"):
                props += [
                    Proposal("speech.reported_demand", tok.head, e) for e in _reported_demand(tok, sent, ctx)
                ]
            props += [Proposal("joint.modifier", tok, e) for e in _joint_act(tok, sent, ctx)]
            trig = _trigger(tok, lex)
            if trig is None:
                continue
            coded = _code_trigger(tok, trig, sent, ctx, settings, lex)
            key = (trig.type, tok.lemma_.lower())
            repeated = (
                settings.skip_repeated_mentions
                and trig.pos == "NOUN"
                and _anaphoric(tok, coded)
                and (key in seen or _demonstrative(tok))
            )
            if trig.pos == "NOUN" and not repeated:
                seen.add(key)
            if not repeated:
                coded = _inherit_consequence_source(tok, trig, coded, earlier)
            rule = f"lexicon.{trig.pos.lower()}"
            for e in coded:
                p = Proposal(
                    rule if e.type == trig.type else "frame.imminent_threat", tok, e, repeated=repeated
                )
                props.append(p)
                if not repeated:
                    earlier.append((e, tok))
        yield props


def rules_decide(props: list[Proposal]) -> list[Event]:
    """The rules' own decision: every proposal that is not a repeated mention, merged (:func:`_dedupe`)."""
    return _dedupe([(p.event, p.token) for p in props if not p.repeated])


# ---------------------------------------------------------------- triggers


def _trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    trig = _lexical_trigger(tok, lex)
    if trig is not None and trig.type == "AGREE" and tok.lemma_.lower() in PROMISE_VERBS:
        # "vowed to fight", "pledged to impose sanctions": a promise of harm is a threat
        for c in tok.children:
            # "have sworn to fight": the parser may hang the infinitive as an adverbial clause
            if c.dep_ == "xcomp" or (c.dep_ == "advcl" and _infinitival(c)):
                inner = _lexical_trigger(c, lex)
                if inner is not None and inner.type in HOSTILE_TYPES:
                    return replace(trig, type="THREATEN", mode=None)
    return trig


def _idiom(tok: Token) -> bool:
    """Non-event uses of trigger words: "charged with protecting" (tasked), "strike a balance",
    "agree that" (an opinion)."""
    lem = tok.lemma_.lower()
    if lem == "charge" and any(
        p.lower_ == "with" and any(c.dep_ == "pcomp" for c in p.children) for p in tok.children
    ):
        return True
    if (
        lem in ("agree", "accept")
        and any(c.dep_ == "ccomp" for c in tok.children)
        and not any(
            c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("to", "on", "upon"))
            for c in tok.children
        )
    ):
        return True  # "analysts agree that the war is lost": an opinion, not an agreement
    if lem in ("strike", "hit") and any(
        o.dep_ == "dobj"
        and o.lemma_.lower() in IDIOM_OBJECTS
        and not (o.lemma_.lower() == "market" and _attacked_market(tok, o))
        for o in tok.children
    ):
        return True
    if lem in CAPTURE_LEMMAS | {"regain"} and any(
        o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in FIGURATIVE_SPOILS for o in tok.children
    ):
        return True  # "retake the initiative", "seized the opportunity"
    return False


def _attacked_market(verb: Token, market: Token) -> bool:
    """ "Israeli jets struck a market", "the shell hit a crowded market in Idlib": a place attacked, not
    a product launched ("the phone will hit the market")."""
    if verb.lemma_.lower() == "strike" or any(
        c.dep_ in ("amod", "compound", "prep") for c in market.children
    ):
        return True
    return any(_actor_like(s) for s in _children(verb, ("nsubj",)))


def _lexical_trigger(tok: Token, lex: Lexicon) -> Trigger | None:
    if _idiom(tok):
        return None
    if tok.dep_ in ("compound", "amod") and tok.pos_ != "VERB":
        return None  # "attack helicopter", "strike force": a modifier, not an event
    if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound"):
        return None  # "US-backed rebels"
    if tok.pos_ == "PROPN" and tok.ent_type_ in (
        "ORG",
        "PERSON",
        "WORK_OF_ART",
        "LAW",
        "FAC",
        "GPE",
        "NORP",
        "PRODUCT",
    ):
        return None  # part of a name ("Russian Center for Reconciliation")
    return lex.match(tok)


# ---------------------------------------------------------------- actors


def _np_range(tok: Token) -> tuple[int, int]:
    """Character range of a noun's head with its left modifiers ("the Syrian army")."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "punct"):
            left = min(left, c.left_edge, key=lambda t: t.i)
    right = tok
    for c in tok.rights:
        if c.dep_ == "compound" or (c.dep_ == "appos" and c.i == tok.i + 1):
            right = max(right, c.right_edge, key=lambda t: t.i)
    return left.idx, right.idx + len(right.text)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "actor"


def resolve_actor(tok: Token | None, ctx: ArticleContext) -> ActorRef | None:
    """The canonical actor for the noun phrase headed by ``tok``.

    With an actor recogniser (ctx.actors filled) its mention is used; otherwise a
    named entity or a generic actor noun becomes a provisional ActorRef.
    """
    if tok is None:
        return None
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if tok.lemma_.lower() in QUANTITY_HEADS or tok.pos_ == "NUM":
        # "thousands of protesters", "members of the militia"
        of = _pobjs(tok, ("of",))
        if of:
            tok = of[0]
    start, end = _np_range(tok)
    if ctx.actors:
        if tok.pos_ == "PRON":
            found = ctx.actor_at(tok.idx, tok.idx + len(tok))
            return None if found is not None and _is_place(found, ctx) else found
        # the mention covering the head names the phrase ("his US counterpart" is Kerry if the
        # recogniser resolved "counterpart", not "US"); else any mention inside the phrase
        found = ctx.actor_at(tok.idx, tok.idx + len(tok))
        if found is None:
            # "his US counterpart, John Kerry": the apposition names the actor (not "US");
            # then any mention among the left modifiers ("the Syrian army positions");
            # "fighters from Jabhat al-Nusra", "soldiers of the army": the group named
            for ap in [c for c in tok.children if c.dep_ == "appos"]:
                found = ctx.actor_at(*_np_range(ap))
                if found is not None:
                    break
            found = found or ctx.actor_at(start, end)
            for grp in _pobjs(tok, ("from", "of")) if found is None else []:
                found = ctx.actor_at(*_np_range(grp))
                if found is not None:
                    break
        return None if found is not None and _is_place(found, ctx) else found
    if tok.pos_ == "PRON" or (tok.lower_ in PRONOUNS and tok.text != "US") or tok.ent_type_ in NOT_ACTOR_ENTS:
        return None  # "us" is a pronoun, "US" a country
    doc = tok.doc
    if tok.ent_type_ in NER_KIND:
        ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            name = re.sub(r"^the\s+", "", ent.text, flags=re.I)
            return ActorRef(
                id=_slug(name),
                name=name,
                kind=NER_KIND[ent.label_],
                mention=ent.text,
                start=ent.start_char,
                end=ent.end_char,
            )
    if tok.pos_ == "PROPN":
        text = doc.text[start:end]
        name = re.sub(r"^the\s+", "", text, flags=re.I)
        return ActorRef(id=_slug(name), name=name, kind="other", mention=text, start=start, end=end)
    if tok.lemma_.lower() not in GENERIC_ACTORS and tok.lower_ not in GENERIC_ACTORS:
        # "Israeli jets", "Houthi fighters": the nationality or group names the actor
        for c in tok.lefts:
            if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
                return resolve_actor(c, ctx)  # "Saudi Arabia's proposal" names its author
    if tok.lemma_.lower() in GENERIC_ACTORS or tok.lower_ in GENERIC_ACTORS:
        for grp in _pobjs(tok, ("from", "of")):
            if grp.ent_type_ in ("ORG", "NORP", "GPE") or grp.pos_ == "PROPN":
                return resolve_actor(grp, ctx)  # "fighters from Hezbollah"
        text = doc.text[start:end]
        name = re.sub(r"^(the|a|an|some|many|several|\d+)\s+", "", text, flags=re.I)
        return ActorRef(id=_slug(name), name=name, kind="other", mention=text, start=start, end=end)
    return None


def _is_place(actor: ActorRef, ctx: ArticleContext) -> bool:
    """An 'actor' of no political kind that is one of the article's places ("Aleppo", "it" for
    Aleppo): a location, not a party to the event. States stay actors ("bombed Afghanistan")."""
    if actor.kind != "other":
        return False
    names = {p.name.lower() for p in ctx.places} | {(p.mention or "").lower() for p in ctx.places}
    return actor.name.lower() in names


def _with_conjuncts(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        # "Iraqi and Kurdish forces", "US and British jets": the first of coordinated modifiers names
        # a party of its own (the last one is part of the head's name)
        firsts = [
            m
            for m in (t.lefts if t.pos_ == "NOUN" else ())
            if m.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in m.children)
        ]
        for x in (*firsts, t, *t.conjuncts):
            if x not in out and x.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
                out.append(x)
    return out


def _children(tok: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _not_backing(toks: list[Token]) -> list[Token]:
    """Drop "with the support of X" from candidate targets: X backs the act, it does not suffer it."""
    return [t for t in toks if not (t.head.lower_ == "with" and t.lemma_.lower() in BACKING_NOUNS)]


def _pobjs(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out.extend(c for c in p.children if c.dep_ == "pobj")
    return out


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Who does ``verb``: its subject, the agent of a passive, or the controller of an infinitive."""
    subj = _children(verb, ("nsubj", "csubj", "expl"))
    subj = [s for s in subj if s.dep_ != "expl"]
    # "The London based Observatory said", "Iran backed rebels attacked": without its hyphen the
    # compound modifier is parsed as a clause that is the subject; the noun after it is the subject
    subj = [
        next((o for o in s.children if o.dep_ == "dobj"), s)
        if s.dep_ == "csubj" and s.lemma_.lower() in MODIFIER_PARTICIPLES
        else s
        for s in subj
    ]
    if subj:
        return subj
    agent = (
        _pobjs(verb, ("by",))
        if any(c.dep_ == "auxpass" or c.dep_ == "nsubjpass" for c in verb.children) or verb.tag_ == "VBN"
        else []
    )
    if agent:
        return agent
    if depth > 4 or _is_passive(verb):
        return []  # a passive verb without "by X" has no stated actor
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ == "conj":
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "pobj", "attr"):
            # "offered them training and organized their operations": the parser coordinated the verb
            # with the object noun; the subject is the verb's that governs that noun
            gov = head.head
            while (
                gov.pos_ not in ("VERB", "AUX") and gov.head != gov and gov.dep_ in ("prep", "pobj", "dobj")
            ):
                gov = gov.head
            return _subjects(gov, depth + 1) if gov.pos_ in ("VERB", "AUX") else []
        inner = _children(head, ("nsubj",))
        if (
            head.dep_ == "ccomp"
            and head.head.pos_ in ("VERB", "AUX")
            and inner
            and not any(_actor_like(s) for s in inner)
        ):
            # "X confirmed that the raid took place, but declined to give details": the parser
            # coordinated the verb inside the reported clause, whose subject (a thing or an event)
            # cannot act; the reporting clause's subject does
            return _subjects(head.head, depth + 1)
        return _subjects(head, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return _subjects(head.head, depth + 1)  # "Russia will be able to enhance its group"
    if verb.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in OBJECT_CONTROL:
            # "urged Russia to withdraw"; "called on Russia to withdraw", "appealed to the rebels to"
            objs = _children(head, ("dobj",)) or _pobjs(head, ("on", "upon", "to"))
            if objs:
                return objs
            if head.lemma_.lower() in REQUEST_VERBS:
                return []
        return _subjects(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        gov = head.head
        if gov.lemma_.lower() in OBJECT_CONTROL:
            objs = _children(gov, ("dobj",))
            if objs:
                return objs
        if gov.pos_ in ("VERB", "AUX"):
            return _subjects(gov, depth + 1)
    if verb.dep_ == "advcl" and (
        verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return _subjects(head, depth + 1)  # "..., killing 20"; "cranking up to resume bombing"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and depth > 0:
        # a participle between the trigger and the clause ("an operation, aimed at capturing X";
        # "..., designed to weaken X"): the clause's subject. Not for the trigger itself: in
        # "hit by shelling, the town burned" the town is the victim.
        return _subjects(head, depth + 1)
    if verb.dep_ in ("acl",) and verb.tag_ == "VBG":
        return [head]
    if (
        verb.dep_ == "acl"
        and head.dep_ == "pobj"
        and head.head.lower_ == "for"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return [head]  # "a deadline for the opposition to leave"
    if head.pos_ == "NOUN" and (verb.dep_ == "acl" or (verb.dep_ == "relcl" and _infinitival(verb))):
        # "Turkey's decision to withdraw": the possessor acts; "Moscow has not abandoned its decision
        # to attack", "ordered a mission to kidnap X" (the parser often makes the infinitive a
        # relative clause), "exploited the truce and the pullout to launch attacks" (an object's
        # conjunct): the governing verb's subject; "gave the militants a deadline to leave": its
        # recipient
        poss = _children(head, ("poss",))
        if poss and poss[0].pos_ != "PRON":
            return poss  # a pronoun possessor ("its decision") is better read from the governing verb
        obj = head
        while obj.dep_ == "conj" and obj.head.pos_ in ("NOUN", "PROPN"):
            obj = obj.head
        if obj.dep_ == "dobj" and obj.head.pos_ in ("VERB", "AUX"):
            recipient = _children(obj.head, ("dative",)) if _infinitival(verb) else []
            recipient = [r for r in recipient if r.dep_ == "dative" and r.pos_ != "ADP"] or [
                o for p in recipient if p.pos_ == "ADP" for o in p.children if o.dep_ == "pobj"
            ]
            subj = recipient or _subjects(obj.head, depth + 1)
            if subj:
                return subj
        return poss
    return []


def _infinitival(verb: Token) -> bool:
    """A "to" infinitive ("to leave"), not a finite or participial clause."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _clause_verb(tok: Token) -> Token | None:
    """The verb whose clause ``tok`` belongs to (itself, or up through adjectives and copulas)."""
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and (_children(t, ("nsubj", "nsubjpass")) or t.dep_ in ("ROOT", "conj")):
            return t
        if t.head == t:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN"
    )


def _verb_args(verb: Token, trig: Trigger) -> _Args:
    content = {w for c in trig.constraints if c.kind == "obj" for w in c.words}
    passive = _is_passive(verb)
    sources = _subjects(verb)
    via = bool(sources)
    targets: list[Token] = []
    if passive:
        targets = [t for t in objects_of(verb) if t.dep_ != "dobj"]
    else:
        targets = [
            o
            for o in _children(verb, ("dobj", "dative"))
            if o.lemma_.lower() not in content or o.lemma_.lower() in GENERIC_ACTORS
        ]
        if verb.dep_ == "relcl" and verb.tag_ != "VBN":
            rel = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP")]
            targets = [verb.head if r in rel else r for r in targets]
    # what is given, signed or declared is not a party ("the deadline given to the militants")
    targets = [t for t in targets if t.lemma_.lower() not in content or t.lemma_.lower() in GENERIC_ACTORS]
    if trig.type == "ASSAULT" and verb.lemma_.lower() in CAPTURE_LEMMAS:
        # "captured more territory from Daesh": ground is taken from someone
        targets = [
            t for t in targets if t.pos_ in ("PROPN", "PRON") or t.lemma_.lower() in GENERIC_ACTORS
        ] or _pobjs(verb, ("from",))
    if (
        not sources
        and passive
        and (trig.type == "MOBILIZE" or (trig.type == "RETREAT" and trig.mode == "withdraw"))
    ):
        # "Russian troops were deployed", "3,000 volunteers dispatched to the region": forces that are
        # moved with no mover named stand for their own side
        sources = _children(verb, ("nsubjpass",)) or (
            [verb.head] if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") else []
        )
    if trig.type == "MOBILIZE" or (trig.type == "RETREAT" and trig.mode not in ("release", "access")):
        targets = []  # "withdrew its troops", "deployed soldiers": the actor's own forces
    elif not any(_actor_like(t) for t in targets):
        # an object that names no party ("accepted a truce with Israel") leaves room for a PP; it is
        # kept first, as the actor recogniser may still know it
        rally = ("around", "behind") if trig.type in ("SUPPORT", "COOPERATE") else ()  # "rallied behind X"
        benefit = ("for",) if trig.type == "AID" else ()  # "provided air support for the army"
        # ("complained to Lavrov about the strikes": the one complained to is the target, as the
        # project's annotation guideline codes it, unlike CAMEO's)
        asked = ("from",) if trig.type == "REQUEST" else ()  # "demanded autonomy from the authorities"
        if trig.type in (
            "ASSAULT",
            "COERCE",
            "REQUEST",
            "ACCUSE",
            "THREATEN",
            "SANCTION",
            "AID",
            "CONSULT",
            "COOPERATE",
            "AGREE",
            "SUPPORT",
            "REJECT",
            "PROTEST",
        ):
            targets = targets + _not_backing(_pobjs(verb, TARGET_PREPS + rally + benefit + asked))
        if trig.type in CONTENT_PARTY_TYPES | {"REQUEST"} and not any(_actor_like(t) for t in targets):
            # the parser hangs "for X to leave" on the verb as often as on its object
            targets = targets + _content_parties(_children(verb, ("dobj",)), trig.type) + _for_to(verb)
        if trig.type == "REQUEST" and not any(_actor_like(t) for t in targets):
            # "demanded that the US cancel the sale": the one who is to act is asked
            targets = targets + [
                sb
                for c in verb.children
                if c.dep_ == "ccomp"
                and not any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
                for sb in c.children
                if sb.dep_ in ("nsubj", "nsubjpass")
            ]
        if trig.type in ("AGREE", "THREATEN", "REJECT") and not any(_actor_like(t) for t in targets):
            # "offered to negotiate with X", "promised to continue military aid to X", "refused to meet
            # X", "refused to respond to a demand from X": the party to the promised or refused act
            for x in _children(verb, ("xcomp",)):
                pps = _pobjs(x, CONTENT_PARTY_PREPS + ("for",))
                # what one refuses to release or attack is not the one refused; whom one refuses to meet is
                objs = (
                    [o for o in _children(x, ("dobj", "dative")) if _actor_like(o)]
                    if (trig.type != "REJECT" or x.lemma_.lower() in PARTY_VERBS)
                    else []
                )
                targets = targets + objs + pps + (_content_parties(_children(x, ("dobj",)) + pps, trig.type))
    if trig.type in ("ASSAULT", "COERCE") and targets and not any(_actor_like(t) for t in targets):
        # "stormed the town held by the rebels", "besieged the districts the rebels control": whoever
        # holds the ground attacked suffers the attack
        targets = targets + _holders(targets)
    if trig.type == "ASSAULT" and not targets:
        targets = _displaced_against([verb])  # "fought in Aleppo against X"
    return _Args(_with_conjuncts(sources), _with_conjuncts(targets), via)


def _holders(places: list[Token]) -> list[Token]:
    """X in "the town held by X", "the districts (that) X controls"."""
    out: list[Token] = []
    for p in places:
        for a in p.children:
            if a.dep_ not in ("acl", "relcl") or a.lemma_.lower() not in HOLDING_VERBS:
                continue
            out += [o for ag in a.children if ag.dep_ == "agent" for o in ag.children if o.dep_ == "pobj"]
            if a.dep_ == "relcl":
                out += [sb for sb in _children(a, ("nsubj",)) if sb.tag_ not in ("WDT", "WP")]
    return out


def _purpose_targets(tok: Token) -> list[Token]:
    """Whom a protest is aimed at, from what it is staged to demand or protest: "staged rallies to
    demand reforms by the government", "a hunger strike to protest against Sweden's decision",
    "demonstrations calling for the removal of the president"."""
    anchors = [tok]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
        anchors.append(tok.head)  # "staged demonstrations to demand ..."
    out: list[Token] = []
    for a in anchors:
        for v in a.children:
            if v.dep_ not in ("xcomp", "advcl", "relcl", "acl") or v.lemma_.lower() not in PROTEST_AIMS:
                continue
            against = _pobjs(v, ("against", "at", "over", "from", "by"))
            out += against + _content_parties(against + _children(v, ("dobj",)), "REQUEST")
            out += [sb for c in v.children if c.dep_ == "ccomp" for sb in c.children if sb.dep_ == "nsubj"]
            out += _pobjs(v, ("for",)) and _content_parties(_pobjs(v, ("for",)), "REQUEST")
    return out


def _actor_like(tok: Token) -> bool:
    """Whether a noun phrase could name a party without the actor recogniser: a name, a pronoun, an
    actor noun ("rebels"), or a head modified by one ("Israeli positions", "their bases")."""

    def named(t: Token) -> bool:
        return (
            t.pos_ in ("PROPN", "PRON")
            or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
            or t.lemma_.lower() in GENERIC_ACTORS
        ) and t.ent_type_ not in NOT_ACTOR_ENTS  # not "on Monday"

    return named(tok) or any(
        c.dep_ in ("compound", "amod", "poss", "nmod") and named(c) for c in tok.children
    )


def _content_parties(contents: list[Token], typ: str = "") -> list[Token]:
    """The other party named inside what is threatened, refused, agreed, set or asked for: "(a deadline)
    for X to leave", "(coordination) with X", "(sanctions) against X", "X's (proposal)", "(an offer)
    from X", "(a ban) by X"; for a request also "(the withdrawal) of X"."""
    out: list[Token] = []
    for c in contents:
        out += _children(c, ("poss",)) + [
            m
            for m in c.children
            if m.dep_ in ("compound", "nmod") and m.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")
        ]
        out += _pobjs(c, ("by", "from") + (("of",) if typ == "REQUEST" else ()))
        out += _for_to(c) + _pobjs(c, CONTENT_PARTY_PREPS)
    return out


def _for_to(tok: Token) -> list[Token]:
    """X in "(a deadline) for X to leave": the one who is to do the infinitive."""
    as_pp = [
        o
        for o in _pobjs(tok, ("for",))
        if any(a.dep_ in ("acl", "relcl") and _infinitival(a) for a in o.children)
    ]
    as_clause = [
        s
        for c in tok.children
        if c.dep_ in ("advcl", "ccomp", "acl")
        and _infinitival(c)
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for s in c.children
        if s.dep_ == "nsubj"
    ]
    return as_pp + as_clause


def _displaced_against(hosts: list[Token]) -> list[Token]:
    """X in "continued its offensive in the north against X", "fighting near Aleppo against X": the
    parser hangs "against X" on the place or time of the act rather than on the act."""
    for h in hosts:
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in PLACE_PREPS | {"during", "after", "since"}:
                continue
            for o in p.children:
                if o.dep_ == "pobj":
                    found = _pobjs(o, ("against",))
                    if found:
                        return found
    return []


def _participates(verb: Token) -> bool:
    """A verb of taking part: "engaged/involved in", "participated in", "took part in", "joined in"."""
    lem = verb.lemma_.lower()
    if lem in ("engage", "involve", "participate", "join"):
        return True
    return lem == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in verb.children)


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
    return _Args(_with_conjuncts(sources), _with_conjuncts(targets), via)


# ---------------------------------------------------------------- places and dates


def _place(tok: Token, sent: Span, ctx: ArticleContext) -> Place | None:
    return event_place(tok, sent, ctx)


def _date(sent: Span, tok: Token, ctx: ArticleContext, settings: CoderSettings) -> tuple[str | None, str]:
    if ctx.dates is None:
        return None, "none"
    try:
        res = ctx.dates.date_for(sent, near=tok.idx, inherit=settings.inherit_dates)
    except TypeError:  # a resolver with the minimal date_for(sentence) interface
        res = ctx.dates.date_for(sent)
    if res is None:
        return None, "none"
    value = getattr(res, "value", None)
    precision = getattr(res, "precision", None) or ("none" if value is None else "day")
    return value, precision


# ---------------------------------------------------------------- one trigger


def _instrument_mode(tok: Token) -> str | None:
    """The ASSAULT mode given by the weapon: "with drones", "using artillery", "fired rockets"."""
    cands = _pobjs(tok, ("with", "by")) + [
        o for u in tok.subtree if u.lemma_ == "use" and u != tok for o in u.children if o.dep_ == "dobj"
    ]
    cands += [o for o in tok.children if o.dep_ == "dobj"]
    for c in cands:
        for t in (c, *[m for m in c.children if m.dep_ in ("compound", "amod")]):
            mode = INSTRUMENT_MODES.get(t.lemma_.lower())
            if mode:
                return mode
    return None


def _claimant(frame: Frame, tok: Token, ctx: ArticleContext) -> ActorRef | None:
    """Who the article says reports the event: "according to X", the subject of a reporting verb
    over the clause, else the speaker of a quotation the trigger stands in (``ctx.quotes``, a list
    of :class:`~ceasefire.models.Quote`, when the pipeline provides it)."""
    if frame.according_to is not None:
        who = resolve_actor(frame.according_to, ctx)
        if who is not None:
            return who
    if frame.report_verb is not None:
        who = resolve_actor(report_subject(frame.report_verb), ctx)
        if who is not None:
            return who
    for q in getattr(ctx, "quotes", None) or ():
        if q.speaker is not None and q.start <= tok.idx < q.end:
            return q.speaker
    return None


def _actors(toks: list[Token], ctx: ArticleContext) -> list[ActorRef]:
    out: list[ActorRef] = []
    for t in toks:
        a = resolve_actor(t, ctx)
        if a is not None and all(a.id != b.id for b in out):
            out.append(a)
    return out


def _code_trigger(
    tok: Token, trig: Trigger, sent: Span, ctx: ArticleContext, settings: CoderSettings, lex: Lexicon
) -> list[Event]:
    if (
        trig.pos == "VERB"
        and trig.type in SPEECH_ACT_TYPES
        and any(
            c.dep_ == "nsubj" and c.tag_ == "DT" and c.lower_ in ("this", "that", "these", "those")
            for c in tok.children
        )
    ):
        return []  # "This called for a ceasefire": a text or a fact, not an actor, says it
    nominal = trig.pos == "NOUN" or (
        tok.dep_ in ("pobj", "dobj")
        and not _children(tok, ("nsubj", "nsubjpass"))
        and any(c.dep_ in ("compound", "det", "poss") for c in tok.lefts)
    )
    # "reports of Syrian army advances": a verb form the tagger left in a noun's place takes a noun's roles
    args = _noun_args(tok, trig) if nominal else _verb_args(tok, trig)
    if trig.type == "PROTEST" and not any(_actor_like(t) for t in args.targets):
        args = _Args(args.sources, args.targets + _purpose_targets(tok), args.via_syntax)
    if trig.type == "ACCUSE" and not nominal and not any(_actor_like(t) for t in args.targets):
        # "the UN condemned the bombing of the hospital by Russian jets": whoever did the condemned act
        # is condemned (not its victims)
        for o in _children(tok, ("dobj", "nsubjpass")):
            inner = _lexical_trigger(o, lex)
            if inner is not None and inner.pos == "NOUN" and inner.type in HOSTILE_TYPES:
                authors = _noun_args(o, inner).sources
                args = _Args(args.sources, args.targets + authors, args.via_syntax)
    if trig.type == "COOPERATE":
        # "a joint operation against ISIS": the enemy of a joint act is not a partner in it
        args = replace(args, targets=[t for t in args.targets if t.head.lower_ not in ("against", "on")])
    sources = _actors(args.sources, ctx)
    targets = [a for a in _actors(args.targets, ctx) if all(a.id != s.id for s in sources)]
    if trig.pos == "NOUN" and not sources and targets and ctx.actors:
        # a modifier read as the victim of a violent act because the tagger called it a person
        # ("a Jihadi siege") is its author when the recogniser knows it as a group or state
        mod = next(
            (m for m in args.targets if m.head == tok and m.dep_ in ("compound", "amod", "poss")), None
        )
        first = resolve_actor(mod, ctx) if mod is not None else None
        if first is not None and first.kind not in ("person", "civilians"):
            sources, targets = [first], [t for t in targets if t.id != first.id]
    if trig.type == "MOBILIZE" and not sources and not nominal:
        # "Russian troops were deployed to Syria", "3,000 Russian volunteers dispatched to the
        # region": forces moved with no one named as moving them are moved by their own side
        moved = [tok.head] if tok.dep_ == "acl" else _children(tok, ("nsubjpass", "dobj"))
        for m in moved:
            a = resolve_actor(m, ctx)
            if a is not None and a.kind in ("military", "armed_group"):
                sources, targets = [a], [t for t in targets if t.id != a.id]
                break
    if trig.type in SYMMETRIC_TYPES and len(sources) == 1 and not targets:
        # "the two ministers discussed", "in their phone call": a mention that stands for a pair
        # names both sides of a meeting or a deal
        for ref in (resolve_actor(t, ctx) for t in args.sources):
            partner = ctx.partner_of(ref) if ref is not None else None
            if partner is not None and partner.id != sources[0].id:
                sources = [sources[0], partner]
                break
    topics = all(t.head.lower_ in TOPIC_PREPS for t in args.targets)
    if trig.type in SYMMETRIC_TYPES and len(sources) >= 2 and (not targets or topics):
        # "Russia and the US agreed (on Syria)": the parties are each other's counterpart; but "the
        # army had the backing of the air force and Hezbollah", "militias fought alongside the
        # coalition": the one named as backed or joined is the counterpart
        pairs: list[tuple[ActorRef | None, ActorRef | None]] = [(sources[0], sources[1])]
    elif settings.split_coordinated:
        pairs = list(product(sources or [None], targets or [None]))[: settings.max_events_per_trigger]
    else:
        pairs = [(sources[0] if sources else None, targets[0] if targets else None)]
    frame = frame_of(tok)
    mode = trig.mode or (_instrument_mode(tok) if trig.type == "ASSAULT" else None)
    if trig.pos == "NOUN" and tok.dep_ == "dobj" and frame.status in ("future", "hypothetical", "demanded"):
        gov = tok.head
        gov_trig = _lexical_trigger(gov, lex)
        if gov.lemma_.lower() not in FRAMING_VERBS and (
            gov_trig is None or gov_trig.type not in FRAMING_TYPES
        ):
            # "the army will lift the siege", "an attempt to break the siege": the siege exists;
            # only the lifting or breaking is future, possible or asked for
            frame = replace(frame, status="asserted", imminent=False)
    if (
        settings.drop_bare_nouns
        and trig.pos == "NOUN"
        and not args.sources
        and not args.targets
        and _bare_noun(tok)
        and not _merges_into_head(tok, trig, lex)
        and frame.status != "negated"  # "there was no denunciation": a claim about a particular act
    ):
        # "an upsurge in violence", "calls for peace talks", "to attract arms supplies": a bare or
        # indefinite act noun with nobody in its syntax, no count, date or place names no specific act
        return []
    if (
        settings.drop_bare_nouns
        and trig.pos == "VERB"
        and tok.dep_ in ("acl", "amod")
        and tok.tag_ == "VBN"
        and not sources
        and not targets
        and not _children(tok, ("agent",))
        and not any(t.ent_type_ in ANCHOR_ENTS for t in tok.subtree)
    ):
        # "ceasefires negotiated for them", "five people charged": a participle describing a thing,
        # with no actor known and no date or place of its own, names a state, not a particular act
        # ("weapons seized last year from X" keeps its date and stays)
        return []
    if frame.status == "hypothetical" and not args.sources and not args.targets and settings.drop_generic:
        # "isolating X could lead to a strike", "in order to attract arms supplies": a possibility
        # with nobody named as doing it or suffering it is a general remark, not a specific act
        return []
    claimant = _claimant(frame, tok, ctx)
    if not args.sources and frame.status == "future" and frame.report_verb is not None:
        # "the Russians are saying that bombing is about to resume": an announced act with no
        # stated actor is the announcer's own
        announcer = resolve_actor(report_subject(frame.report_verb), ctx)
        if announcer is not None:
            sources = [announcer]
            pairs = [(announcer, t) for _s, t in pairs]
    place = _place(tok, sent, ctx)
    date, precision = _date(sent, tok, ctx, settings)
    conf = CONF_BASE[trig.pos]
    if sources and args.via_syntax:
        conf += CONF_SOURCE
    if targets:
        conf += CONF_TARGET
    if trig.constraints:
        conf += CONF_CONSTRAINED
    if frame.status != "asserted":
        conf += CONF_UNASSERTED
    conf = max(0.05, min(0.95, conf))
    out = []
    if frame.imminent and trig.type in THREAT_CONTENT:
        # "Russia prepares to resume bombing": the act is future, its announcement a threat
        src = pairs[0][0]
        out.append(
            Event(
                type="THREATEN",
                mode=THREAT_CONTENT[trig.type],
                sentence=sent.text,
                start=sent.start_char,
                end=sent.end_char,
                source=src,
                target=pairs[0][1],
                location=place,
                date=date,
                date_precision=precision,
                claimant=claimant if (claimant is None or src is None or claimant.id != src.id) else None,
                status="asserted",
                trigger=tok.text,
                confidence=max(0.05, conf - CONF_INFERRED_THREAT),
            )
        )
    for src, tgt in pairs:
        out.append(
            Event(
                type=trig.type,
                mode=mode,
                sentence=sent.text,
                start=sent.start_char,
                end=sent.end_char,
                source=src,
                target=tgt,
                location=place,
                date=date,
                date_precision=precision,
                claimant=claimant if (claimant is None or src is None or claimant.id != src.id) else None,
                status=frame.status,
                trigger=tok.text,
                confidence=conf,
            )
        )
    return out


def _linked(a: Token, b: Token) -> bool:
    """Whether two triggers describe one act: the same token, or one a direct argument of the
    other ("launched attacks", "carried out strikes", "bombing campaign")."""
    if a == b:
        return True
    if (a.head == b and a.dep_ != "conj") or (b.head == a and b.dep_ != "conj"):
        return True  # "launched attacks", "bombing campaign"; not "dismissed X and arrested Y"
    return a.head == b.head and a.head.lemma_.lower() in LIGHT_VERBS and a.dep_ == b.dep_ != "conj"


def _purpose_of(tok: Token, main: Token) -> bool:
    """Whether ``tok`` heads what ``main`` (or the verb carrying it) is done for: an infinitive
    ("launched an offensive to retake X") or a participle's complement ("a raid, aimed at capturing X")."""
    anchors = {main.i}
    if main.dep_ in ("dobj", "nsubjpass") and main.head.lemma_.lower() in LIGHT_VERBS:
        anchors.add(main.head.i)
    t, purposeful = tok, False
    for _ in range(4):
        if t.dep_ in ("xcomp", "advcl", "acl", "relcl") and (_infinitival(t) or t.tag_ == "VBN"):
            purposeful = True
        elif t.dep_ not in ("pcomp", "prep"):
            return False
        t = t.head
        if t.i in anchors:
            return purposeful
    return False


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

# verbs of holding ground ("the town held by X"); written for this rule, not tuned
HOLDING_VERBS = frozenset({"hold", "control", "occupy", "defend", "garrison", "man"})

# pronoun subjects that point back at an act, not at a party ("this might hit civilians")
_ACT_PRONOUNS = frozenset({"this", "that", "it"})


def _inherit_consequence_source(
    tok: Token, trig: Trigger, coded: list[Event], earlier: list[tuple[Event, Token]]
) -> list[Event]:
    """ "X stopped bombing Y for fear that civilians could be hit", "... on the grounds that this might
    hit Z": an attack verb with no agent, or with an act pronoun as subject, is done by whoever did the
    attack just coded before it in the sentence."""
    if trig.type != "ASSAULT" or trig.pos != "VERB" or tok.pos_ != "VERB":
        return coded
    subjects = _children(tok, ("nsubj",))
    agentless = _is_passive(tok) and not _children(tok, ("agent",))
    if not (agentless or (subjects and all(t.lower_ in _ACT_PRONOUNS for t in subjects))):
        return coded
    prior = [e for e, t in earlier if e.type == trig.type and e.source is not None and t.i < tok.i]
    if not prior:
        return coded
    return [replace(e, source=prior[-1].source) if e.source is None else e for e in coded]


def _same_actor(x: ActorRef | None, y: ActorRef | None) -> bool:
    return x is None or y is None or x.id == y.id


def _demonstrative(tok: Token) -> bool:
    """ "this raid", "that demand", "these attacks": pointing back, not reporting anew."""
    return any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in tok.children)


def _anaphoric(tok: Token, coded: list[Event]) -> bool:
    """A definite or demonstrative nominal trigger with no actors, place or date of its own."""
    if any(e.source or e.target or e.date for e in coded):
        return False
    if any(e.status != "asserted" for e in coded):
        return False
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    if not dets & {"the", "this", "that", "these", "those", "such"}:
        return False
    # its own place ("the bombing in Aleppo") makes it a report, not a back-reference
    return not any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS for c in tok.children)


def _reported_demand(tok: Token, sent: Span, ctx: ArticleContext) -> list[Event]:
    """'Lavrov said the groups should leave': the reporter asks the groups to leave."""
    if not any(c.dep_ == "aux" and c.lower_ in DEMAND_AUX for c in tok.children):
        return []
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in SPEECH_VERBS:
        return []
    src = resolve_actor(report_subject(tok.head), ctx)
    subj = _subjects(tok)
    tgt = resolve_actor(subj[0], ctx) if subj else None
    if src is None and tgt is None:
        return []
    date, precision = _date(sent, tok.head, ctx, DEFAULT_SETTINGS)
    return [
        Event(
            type="REQUEST",
            mode=None,
            sentence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            source=src,
            target=tgt,
            location=_place(tok, sent, ctx),
            date=date,
            date_precision=precision,
            status="asserted",
            trigger=tok.head.text,
            confidence=CONF_REPORTED_DEMAND,
        )
    ]


def _joint_act(tok: Token, sent: Span, ctx: ArticleContext) -> list[Event]:
    """ "a joint US-Russian centre", "joint Turkish-Russian patrols": the states named between "joint"
    and its noun work together (COOPERATE, one the source and the other the target)."""
    if tok.lower_ != "joint" or tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return []
    noun = tok.head
    parties: list[ActorRef] = []
    for t in tok.doc[tok.i + 1 : noun.i]:
        a = ctx.actor_at(t.idx, t.idx + len(t)) if t.pos_ != "PUNCT" else None
        if (
            a is not None
            and a.kind in ("state", "government", "military")
            and all(a.id != p.id for p in parties)
        ):
            parties.append(a)
    if len(parties) != 2:
        return []
    status = frame_of(noun).status
    date, precision = _date(sent, noun, ctx, DEFAULT_SETTINGS)
    return [
        Event(
            type="COOPERATE",
            mode=None,
            sentence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            source=parties[0],
            target=parties[1],
            location=_place(noun, sent, ctx),
            date=date,
            date_precision=precision,
            status=status,
            trigger=tok.text,
            confidence=CONF_BASE["NOUN"] + CONF_SOURCE + CONF_TARGET,
        )
    ]


def _dedupe(found: list[tuple[Event, Token]]) -> list[Event]:
    """Merge events of one type and status whose triggers are linked and whose actors agree,
    keeping the most confident (and filling in the actors the other one found). The toll of an
    attack ("killing 20", "injured dozens", "destroyed vehicles") is part of that attack."""
    kept: list[tuple[Event, Token]] = []
    for e, tok in found:
        purpose = next(
            (
                i
                for i, (k, ktok) in enumerate(kept)
                if k.type == e.type == "ASSAULT"
                and k.source is not None
                and _same_actor(k.source, e.source)
                and _purpose_of(tok, ktok)
            ),
            None,
        )
        if purpose is not None:
            # "launched an offensive to retake the town from X", "a raid aimed at capturing X": what
            # an attack is for is that attack; it keeps the attack's status and gains the target
            k, ktok = kept[purpose]
            kept[purpose] = (
                replace(
                    k,
                    target=k.target or e.target,
                    mode=k.mode or e.mode,
                    confidence=max(k.confidence, e.confidence),
                ),
                ktok,
            )
            continue
        for i, (k, ktok) in enumerate(kept):
            consequence = (
                k.type == e.type == "ASSAULT"
                and k.status == e.status
                and CONSEQUENCE_LEMMAS & {tok.lemma_.lower(), ktok.lemma_.lower()}
                and _same_actor(k.source, e.source)
            )
            if consequence or (
                k.type == e.type
                and k.status == e.status
                and _linked(tok, ktok)
                and _same_actor(k.source, e.source)
                and _same_actor(k.target, e.target)
            ):
                best = e if e.confidence > k.confidence else k
                mode = best.mode or k.mode or e.mode
                if consequence:
                    # the attack's own trigger says how ("air strike"), its toll only what it did
                    k_toll = ktok.lemma_.lower() in CONSEQUENCE_LEMMAS
                    e_toll = tok.lemma_.lower() in CONSEQUENCE_LEMMAS
                    if k_toll != e_toll:
                        mode = (e.mode if k_toll else k.mode) or mode
                kept[i] = (
                    replace(
                        best,
                        source=k.source or e.source,
                        target=k.target or e.target,
                        mode=mode,
                        confidence=max(k.confidence, e.confidence),
                    ),
                    ktok,
                )
                break
        else:
            kept.append((e, tok))
    return [e for e, _tok in kept]


__all__ = ["CoderSettings", "code_events", "resolve_actor"]
