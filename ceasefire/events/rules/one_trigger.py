"""The lexicon proposer: the complete event the rules code for one trigger (roles, status, mode, place, date, claimant)."""

from __future__ import annotations

from dataclasses import replace
from itertools import product
from typing import TYPE_CHECKING

from ...models import ActorRef, Event, Place
from ..frames import (
    Frame,
    frame_of,
    report_subject,
)
from ..lexicon import Lexicon, Trigger
from ..location import event_place

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from ...nlp.context import ArticleContext

from .actors import _actor_like, _actors, resolve_actor
from .noun_roles import _noun_args
from .settings import CoderSettings
from .tree import _children, _pobjs
from .triggers import _lexical_trigger
from .verb_roles import _Args, _purpose_targets, _verb_args
from .words import (
    CONF_BASE,
    CONF_CONSTRAINED,
    CONF_INFERRED_THREAT,
    CONF_SOURCE,
    CONF_TARGET,
    CONF_UNASSERTED,
    FRAMING_TYPES,
    FRAMING_VERBS,
    HOSTILE_TYPES,
    INSTRUMENT_MODES,
    SPEECH_ACT_TYPES,
    SYMMETRIC_TYPES,
    THREAT_CONTENT,
    TOPIC_PREPS,
)

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


def claimant_of(frame: Frame, tok: Token, ctx: ArticleContext) -> ActorRef | None:
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
    if not targets and args.fallback:
        targets = [a for a in _actors(args.fallback, ctx) if all(a.id != s.id for s in sources)]
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
    claimant = claimant_of(frame, tok, ctx)
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
