"""The trained decider: which candidates are events, of which type, with which source and target.

For an article, every sentence's proposals (:func:`ceasefire.events.coder.propose`)
and the open-class candidates (verbs and lexicon words no rule coded) are
grouped by trigger. The type model scores each candidate over the 16 PLOVER
types and "no event"; for each candidate taken as an event, the role model
scores every actor mention of the sentence as source, target or neither.
Status, mode, claimant, place and date come from the rule's event for that
trigger when a rule proposed the chosen type, else from the same frame,
place and date rules the coder uses.

``mode`` selects the column of ``scripts/eval``: ``hybrid`` (rule proposals
and votes are candidates and features), ``model`` (open candidates only, no
rule features).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..models import Event
from .candidates import Candidate, Proposal, group
from .features import (
    Mention,
    chunks_by_sentence,
    pair_features,
    place_features,
    place_root,
    sentence_mentions,
    trigger_features,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

    from ..nlp.context import ArticleContext
    from .coder import CoderSettings
    from .lexicon import Lexicon
    from .model import CoderModel

NONE = "NONE"


@dataclass
class Decision:
    cand: Candidate
    sent: Span
    type: str
    p_type: float
    source: Mention | None = None
    p_source: float = 0.0
    target: Mention | None = None
    p_target: float = 0.0


def open_candidates(sent: Span, taken: set[int], lex: Lexicon, everything: bool) -> list[Candidate]:
    """Triggers no rule coded: every verb, and nouns the lexicon knows (or, for the model-only
    column, every common noun)."""
    out = []
    for tok in sent:
        if tok.i in taken:
            continue
        lem = tok.lemma_.lower()
        if tok.pos_ == "VERB" or (
            tok.pos_ == "NOUN"
            and (everything or ("NOUN", lem) in lex.by_lemma or ("VERB", lem) in lex.by_lemma)
        ):
            out.append(Candidate(tok, [Proposal("open." + tok.pos_.lower(), tok, None)]))
    return out


def candidates_of(
    props: list[Proposal], sent: Span, lex: Lexicon, mode: str, disabled: frozenset[str] = frozenset()
) -> list[Candidate]:
    if mode == "model":
        return open_candidates(sent, set(), lex, everything=True)
    cands = group(props)
    if "open" not in disabled:
        cands += open_candidates(sent, {c.token.i for c in cands}, lex, everything=False)
    return sorted(cands, key=lambda c: c.token.i)


def ruled(cand: Candidate) -> bool:
    """Whether a rule (not only the open-class sweep) proposed an event at this trigger."""
    return any(p.event is not None for p in cand.proposals)


def _extra_refs(props: list[Proposal]) -> list:
    out = []
    for p in props:
        if p.event is not None:
            out += [a for a in (p.event.source, p.event.target) if a is not None]
    return out


def decide(
    doc: Doc,
    ctx: ArticleContext,
    sentences: list[tuple[Span, list[Proposal]]],
    model: CoderModel,
    lex: Lexicon,
    settings: CoderSettings,
) -> list[tuple[Event, Token]]:
    rules = model.mode == "hybrid"
    per_sent = []
    chunks = chunks_by_sentence(doc)
    for sent, props in sentences:
        cands = candidates_of(props, sent, lex, model.mode, settings.disabled)
        mentions = sentence_mentions(
            sent, ctx.actors, _extra_refs(props) if rules else [], ctx.places, chunks.get(sent.start, [])
        )
        per_sent.append((sent, cands, mentions))
    flat = [(sent, c, ms) for sent, cands, ms in per_sent for c in cands]
    if not flat:
        return []
    probs = model.type_proba([trigger_features(c, lex, rules) for _s, c, _m in flat])
    decisions: list[Decision] = []
    for (sent, cand, _ms), row in zip(flat, probs, strict=True):
        typ, p = max(row.items(), key=lambda kv: kv[1])
        if rules and ruled(cand):
            # A rule coded this trigger: the best real type stands unless the model gives it
            # less than the rule threshold (chosen on dev, like the others).
            typ, p = max(((k, v) for k, v in row.items() if k != NONE), key=lambda kv: kv[1])
            if p >= model.rule_type_threshold:
                decisions.append(Decision(cand, sent, typ, p))
        elif typ != NONE and p >= model.type_threshold:
            decisions.append(Decision(cand, sent, typ, p))
    pairs = [(d, m) for d in decisions for m in _mentions_of(d, per_sent)]
    if pairs:
        rp = model.role_proba(
            [pair_features(d.cand, d.type, m, _mentions_of(d, per_sent), rules) for d, m in pairs]
        )
        for (d, m), row in zip(pairs, rp, strict=True):
            if m.head == d.cand.token:
                continue  # the trigger itself is no party ("the coalition's strikes" aside)
            if row["source"] > max(d.p_source, model.source_threshold):
                d.source, d.p_source = m, row["source"]
        for (d, m), row in zip(pairs, rp, strict=True):
            if m.head == d.cand.token or (d.source is not None and m.ref.id == d.source.ref.id):
                continue
            if row["target"] > max(d.p_target, model.target_threshold):
                d.target, d.p_target = m, row["target"]
    bases = [_base_event(d, ctx, settings) for d in decisions]
    places = _choose_places(decisions, bases, ctx, model)
    return [_event(d, b, p, ctx, settings) for d, b, p in zip(decisions, bases, places, strict=True)]


def _mentions_of(d: Decision, per_sent: list[tuple[Span, list[Candidate], list[Mention]]]) -> list[Mention]:
    for sent, _c, ms in per_sent:
        if sent == d.sent:
            return ms
    return []


def _base_event(d: Decision, ctx: ArticleContext, settings: CoderSettings) -> Event:
    """The rule's event for the chosen type, else one built by the same frame, place and date rules."""
    from .rules import one_trigger as rules

    tok = d.cand.token
    base = next((p.event for p in d.cand.proposals if p.event is not None and p.event.type == d.type), None)
    if base is not None:
        return base
    frame = rules.frame_of(tok)
    date, precision = rules._date(d.sent, tok, ctx, settings)
    return Event(
        type=d.type,
        sentence=d.sent.text,
        start=d.sent.start_char,
        end=d.sent.end_char,
        mode=rules._instrument_mode(tok) if d.type == "ASSAULT" else None,
        location=rules._place(tok, d.sent, ctx),
        date=date,
        date_precision=precision,
        claimant=rules.claimant_of(frame, tok, ctx),
        status=frame.status,
        trigger=tok.text,
    )


def _choose_places(
    decisions: list[Decision], bases: list[Event], ctx: ArticleContext, model: CoderModel
) -> list:
    """The place model's choice among the sentence's places when it is confident, else the rules'."""
    rows, owners = [], []
    for k, (d, base) in enumerate(zip(decisions, bases, strict=True)):
        here = ctx.places_in(d.sent.start_char, d.sent.end_char)
        for p in here:
            root = place_root(d.sent, p)
            if root is not None:
                rows.append(place_features(d.cand, d.type, p, root, here, base.location))
                owners.append((k, p))
    chosen = [b.location for b in bases]
    best = [0.0] * len(bases)
    for (k, p), prob in zip(owners, model.place_proba(rows), strict=True):
        if prob >= model.place_threshold and prob > best[k]:
            chosen[k], best[k] = p, prob
    return chosen


def _event(
    d: Decision, base: Event, place, ctx: ArticleContext, settings: CoderSettings
) -> tuple[Event, Token]:
    tok = d.cand.token
    back = settings.context_roles
    source = _back_reference(d.source, ctx, back) if d.source is not None else None
    target = _back_reference(d.target, ctx, back) if d.target is not None else None
    claimant = base.claimant
    if claimant is not None and source is not None and claimant.id == source.id:
        claimant = None
    conf = (
        d.p_type * (0.5 + 0.5 * d.p_source if source else 0.75) * (0.5 + 0.5 * d.p_target if target else 0.9)
    )
    ev = replace(
        base,
        type=d.type,
        source=source,
        target=target,
        claimant=claimant,
        location=place,
        confidence=conf,
    )
    if base.type != d.type:
        ev = replace(ev, mode=None)
    return ev, tok


# "he", "they", "the group": an unresolved pronoun or description chosen as a role names the nearest
# earlier actor of a fitting kind, within this many characters (about two sentences of news).
BACK_WINDOW = 400
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves", "we", "us", "our"})
_GROUP_NOUNS = frozenset(
    {"group", "militant", "rebel", "fighter", "force", "troop", "insurgent", "militia", "movement"}
)
_GROUP_KINDS = frozenset({"armed_group", "military", "government", "state", "police", "igo", "ngo"})


def _back_reference(m: Mention, ctx: ArticleContext, enabled: bool):
    """The actor an unresolved pronoun or "the group" points back to, else the mention's own ref."""
    if not enabled or not m.ref.id.startswith("NP:"):
        return m.ref
    head = m.head
    word = head.lower_
    if word in _PERSON_PRONOUNS:
        kinds = frozenset({"person"})
    elif word in _GROUP_PRONOUNS or (
        head.lemma_.lower() in _GROUP_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    ):
        kinds = _GROUP_KINDS
    else:
        return m.ref
    start = m.ref.start or 0
    earlier = [
        a
        for a in ctx.actors
        if a.end is not None and a.end <= start and start - a.end <= BACK_WINDOW and a.kind in kinds
    ]
    if not earlier:
        return m.ref
    best = max(earlier, key=lambda a: a.end or 0)
    return replace(best, mention=m.ref.mention, start=m.ref.start, end=m.ref.end)
