"""The hybrid decider: the rules' events, the model's roles where the rules leave them open.

The rules were written phrase by phrase and code the *type* of what they catch
well, but they leave source or target empty whenever the syntax is one they do
not know (coordinated subjects, infinitive clauses, nominal events, relative
clauses). The trained models (:mod:`.model`) are weaker on type but find roles
in unfamiliar syntax. So, per sentence:

1. every event the rules code (:func:`ceasefire.events.coder.rules_decide`) is
   kept unless the type model gives its trigger "no event" with probability at
   least ``drop``;
2. an empty source (target) is filled with the mention the role model scores
   highest as source (target), when that score is at least ``fill``; a role the
   rules did fill is replaced when the model gives another mention at least
   ``override`` and the rules' own mention less than ``keep``;
3. a trigger no rule coded becomes an event when the type model gives it a real
   type with probability at least ``open`` (its roles then as in :mod:`.decide`).

The thresholds are chosen on the dev split by ``scripts/train-coder``
(:mod:`ceasefire.train.tune`) and stored in the weights' ``meta.json``. Scoring
(:func:`score_article`) is separate from the thresholded decision
(:func:`assemble`), so the tuner scores once and tries many thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .candidates import Candidate
from .decide import NONE, Decision, _back_reference, _base_event, candidates_of, ruled
from .features import Mention, chunks_by_sentence, pair_features, sentence_mentions, trigger_features
from .rules.merge import dedupe_pairs

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..models import ActorRef, Event
    from ..nlp.context import ArticleContext
    from .candidates import Proposal
    from .coder import CoderSettings
    from .lexicon import Lexicon
    from .model import CoderModel

# Defaults when meta.json has no "hybrid" thresholds (weights trained before this decider).
DEFAULT_THRESHOLDS = {"drop": 1.01, "fill": 0.5, "override": 1.01, "keep": 0.0, "open": 1.01}


@dataclass
class RoleRow:
    mention: Mention
    p_source: float
    p_target: float


@dataclass
class Scored:
    """One event or open candidate with the model's scores."""

    token: Token
    sent: Span
    cand: Candidate
    p_none: float
    roles: list[RoleRow]
    event: Event | None = None  # the rules' event (None: an open candidate)
    type: str = ""  # an open candidate's best real type
    p_type: float = 0.0
    rules: list[str] = field(default_factory=list)  # the proposers behind it


def _roles(model: CoderModel, cand: Candidate, typ: str, mentions: list[Mention]) -> list[RoleRow]:
    ms = [m for m in mentions if m.head != cand.token]  # the trigger itself is no party
    if not ms:
        return []
    rows = model.role_proba([pair_features(cand, typ, m, mentions, True) for m in ms])
    return [RoleRow(m, r["source"], r["target"]) for m, r in zip(ms, rows, strict=True)]


def score_article(
    doc: Doc,
    ctx: ArticleContext,
    sentences: list[tuple[Span, list[Proposal]]],
    model: CoderModel,
    lex: Lexicon,
    settings: CoderSettings,
    open_floor: float = 0.3,
) -> list[Scored]:
    """Model scores for every rule event and every open candidate whose best real type reaches
    ``open_floor`` (the lowest ``open`` threshold the tuner tries)."""
    chunks = chunks_by_sentence(doc)
    per_sent = []
    for sent, props in sentences:
        cands = candidates_of(props, sent, lex, "hybrid", settings.disabled)
        extra = [a for p in props if p.event is not None for a in (p.event.source, p.event.target) if a]
        mentions = sentence_mentions(sent, ctx.actors, extra, ctx.places, chunks.get(sent.start, []))
        per_sent.append((sent, props, cands, mentions))
    flat = [c for _s, _p, cands, _m in per_sent for c in cands]
    if not flat:
        return []
    probs = {
        id(c): row
        for c, row in zip(flat, model.type_proba([trigger_features(c, lex) for c in flat]), strict=True)
    }
    out: list[Scored] = []
    for sent, props, cands, mentions in per_sent:
        by_tok = {c.token.i: c for c in cands}
        found = [(p.event, p.token) for p in props if p.event is not None and not p.repeated]
        for ev, tok in dedupe_pairs(found):
            cand = by_tok.get(tok.i) or Candidate(tok, [])
            row = probs.get(id(cand), {NONE: 0.0})
            rules = sorted({p.rule for p in cand.proposals if p.event is not None})
            out.append(
                Scored(
                    tok,
                    sent,
                    cand,
                    row.get(NONE, 0.0),
                    _roles(model, cand, ev.type, mentions),
                    ev,
                    rules=rules,
                )
            )
        for cand in cands:
            if ruled(cand):
                continue
            row = probs[id(cand)]
            typ, p = max(((k, v) for k, v in row.items() if k != NONE), key=lambda kv: kv[1])
            if p < open_floor:
                continue
            out.append(
                Scored(cand.token, sent, cand, row[NONE], _roles(model, cand, typ, mentions), None, typ, p)
            )
    return out


def _mention_of(ref: ActorRef | None, roles: list[RoleRow]) -> RoleRow | None:
    if ref is None:
        return None
    for r in roles:
        m = r.mention
        if ref.start is not None and ref.end is not None:
            if ref.start < m.span[1] and m.span[0] < ref.end:
                return r
        elif ref.id == m.ref.id:
            return r
    return None


def _choose(
    current: ActorRef | None, roles: list[RoleRow], which: str, other: ActorRef | None, t: dict
) -> tuple[ActorRef | None, float | None, str]:
    """The role's filler, the model's score for it, and where it came from (rules / model / none)."""

    def p(r: RoleRow) -> float:
        return r.p_source if which == "source" else r.p_target

    pool = [r for r in roles if other is None or r.mention.ref.id != other.id]
    best = max(pool, key=p, default=None)
    if current is None:
        if best is not None and p(best) >= t["fill"]:
            return best.mention.ref, p(best), "model"
        return None, None, "none"
    own = _mention_of(current, roles)
    own_p = p(own) if own is not None else None
    if (
        best is not None
        and own is not best
        and p(best) >= t["override"]
        and (own_p is None or own_p < t["keep"])
    ):
        return best.mention.ref, p(best), "model"
    return current, own_p, "rules"


def assemble(
    scored: list[Scored], ctx: ArticleContext, settings: CoderSettings, thresholds: dict
) -> list[tuple[Event, Token]]:
    """The events the thresholds keep, with their roles and raw confidence."""
    t = {**DEFAULT_THRESHOLDS, **thresholds}
    back = settings.context_roles
    out: list[tuple[Event, Token]] = []
    for s in scored:
        if s.event is not None:
            if s.p_none >= t["drop"]:
                continue
            base, p_type, typ = s.event, 1.0 - s.p_none, s.event.type
        else:
            if s.p_type < t["open"]:
                continue
            d = Decision(s.cand, s.sent, s.type, s.p_type)
            base, p_type, typ = _base_event(d, ctx, settings), s.p_type, s.type
        src, p_src, src_from = _choose(base.source, s.roles, "source", None, t)
        if src is not None and src_from == "model":
            src = _back_reference(_row_for(src, s.roles).mention, ctx, back)
        tgt, p_tgt, tgt_from = _choose(base.target, s.roles, "target", src, t)
        if tgt is not None and tgt_from == "model":
            tgt = _back_reference(_row_for(tgt, s.roles).mention, ctx, back)
        claimant = base.claimant
        if claimant is not None and src is not None and claimant.id == src.id:
            claimant = None
        conf = p_type * (0.5 + 0.5 * p_src if p_src is not None else 0.75)
        conf *= 0.5 + 0.5 * p_tgt if p_tgt is not None else 0.9
        ev = replace(base, type=typ, source=src, target=tgt, claimant=claimant, confidence=conf)
        out.append((ev, s.token))
    return out


def _row_for(ref: ActorRef, roles: list[RoleRow]) -> RoleRow:
    return next(r for r in roles if r.mention.ref is ref)


def hybrid_decide(
    doc: Doc,
    ctx: ArticleContext,
    sentences: list[tuple[Span, list[Proposal]]],
    model: CoderModel,
    lex: Lexicon,
    settings: CoderSettings,
) -> list[tuple[Event, Token]]:
    thresholds = model.meta.get("hybrid") or {}
    floor = min(thresholds.get("open", DEFAULT_THRESHOLDS["open"]), 1.0)
    return assemble(
        score_article(doc, ctx, sentences, model, lex, settings, floor), ctx, settings, thresholds
    )
