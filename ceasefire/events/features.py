"""Features the trained coder decides on: one dict per candidate trigger, one per (trigger, actor) pair.

The features are the parse around the trigger (lemma, part of speech,
dependency, governing word, objects, prepositions, modifiers, negation and
modals), the proposers' votes (which rules proposed which type, and which
mention each rule's event took as source or target), the dependency path and
order between a trigger and an actor mention, and the mention's kind.
``rules=False`` leaves out everything a rule computed (the "model only"
column of ``scripts/eval``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .candidates import Candidate

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

    from ..models import ActorRef
    from .lexicon import Lexicon

Features = dict[str, float]
PATH_MAX = 5  # longer dependency paths are one "long" value
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})
_SPEECH = frozenset(
    {"say", "tell", "announce", "claim", "report", "state", "add", "accuse", "deny", "confirm", "allege"}
)


@dataclass
class Mention:
    """An actor mention of the sentence: its canonical reference and its head token."""

    ref: ActorRef
    head: Token
    order: int  # 0 for the first actor of the sentence, 1 for the second, ...
    place: bool = False  # the mention is also one of the article's places

    @property
    def span(self) -> tuple[int, int]:
        return (self.ref.start or 0, self.ref.end or 0)


def _head_of(sent: Span, start: int, end: int) -> Token | None:
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


# entity labels of phrases that are never actors: places are locations, the rest quantities and times
_NOT_ACTOR_ENTS = frozenset(
    {"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY", "EVENT", "LAW"}
)
_NOT_ACTOR_PRONOUNS = frozenset(
    {"it", "its", "this", "that", "these", "those", "what", "which", "itself", "there"}
)
_CIVILIAN_HEADS = frozenset(
    {
        "people",
        "person",
        "civilian",
        "resident",
        "villager",
        "child",
        "woman",
        "man",
        "family",
        "student",
        "worker",
    }
)


def _phrase_ref(chunk: Span) -> ActorRef | None:
    """A provisional actor for a noun phrase the recogniser did not resolve ("20 people", "the suspect")."""
    from ..models import ActorRef

    root = chunk.root
    if (
        root.ent_type_ in _NOT_ACTOR_ENTS
        or root.lower_ in _NOT_ACTOR_PRONOUNS
        or root.pos_ not in ("NOUN", "PROPN", "PRON", "NUM")
    ):
        return None
    toks = [t for t in chunk if not (t.dep_ == "det" and t.i == chunk.start)]
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    text = chunk.doc[toks[0].i : toks[-1].i + 1].text
    kind = (
        "person"
        if root.ent_type_ == "PERSON" or root.pos_ == "PRON"
        else "civilians"
        if root.lemma_.lower() in _CIVILIAN_HEADS
        else "other"
    )
    slug = "_".join(w for w in text.lower().replace("-", " ").split() if w.isalnum()) or "actor"
    return ActorRef(id="NP:" + slug, name=text, kind=kind, mention=text, start=start, end=end)


def chunks_by_sentence(doc) -> dict[int, list[Span]]:
    """The document's noun phrases by sentence start (``Span.noun_chunks`` walks the whole document
    each time, so it is read once per article)."""
    out: dict[int, list[Span]] = {}
    for c in doc.noun_chunks:
        out.setdefault(c.sent.start, []).append(c)
    return out


def sentence_mentions(
    sent: Span,
    actors: list[ActorRef],
    extra: list[ActorRef],
    places: list | None = None,
    chunks: list[Span] | None = None,
) -> list[Mention]:
    """The sentence's actor mentions, in text order: the recogniser's, then those the rules resolved,
    then every other noun phrase that could name an actor (provisional, ``NP:`` ids)."""
    seen: dict[tuple[int, int], ActorRef] = {}
    phrases = [
        r for c in (sent.noun_chunks if chunks is None else chunks) if (r := _phrase_ref(c)) is not None
    ]
    for a in [*actors, *extra, *phrases]:
        if a.start is None or a.end is None or not (sent.start_char <= a.start and a.end <= sent.end_char):
            continue
        if any(s < a.end and a.start < e for s, e in seen):
            continue  # an overlapping mention is already there (the recogniser's comes first)
        seen[(a.start, a.end)] = a
    out: list[Mention] = []
    ids: list[str] = []
    for (s, e), ref in sorted(seen.items()):
        head = _head_of(sent, s, e)
        if head is None:
            continue
        if ref.id not in ids:
            ids.append(ref.id)
        place = any(p.start is not None and p.start < e and s < p.end for p in places or ())
        out.append(Mention(ref, head, ids.index(ref.id), place))
    return out


def _path(a: Token, b: Token) -> tuple[str, int]:
    """The dependency path from ``a`` up to the lowest common ancestor and down to ``b``."""
    up_a = [a, *a.ancestors]
    index = {t.i: n for n, t in enumerate(up_a)}
    down: list[Token] = []
    t = b
    while t.i not in index:
        down.append(t)
        if t.head == t:
            return "none", 99
        t = t.head
    ups = [x.dep_ for x in up_a[: index[t.i]]]
    downs = [(x.dep_ + (f"[{x.lower_}]" if x.dep_ in ("prep", "agent") else "")) for x in reversed(down)]
    n = len(ups) + len(downs)
    if n > PATH_MAX:
        return "long", n
    return "^".join(ups) + "|" + "v".join(downs), n


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-6" if n < 7 else "7+"


def trigger_features(cand: Candidate, lex: Lexicon, rules: bool = True) -> Features:
    tok = cand.token
    f: Features = {}
    lem = tok.lemma_.lower()
    f["lemma=" + lem] = 1
    f["pos=" + tok.pos_] = 1
    f["tag=" + tok.tag_] = 1
    f["dep=" + tok.dep_] = 1
    head = tok.head
    f["head=" + head.lemma_.lower()] = 1
    f["head_pos=" + head.pos_] = 1
    f["dep_head=" + tok.dep_ + ":" + head.pos_] = 1
    for c in tok.children:
        d = c.dep_
        if d in ("dobj", "nsubj", "nsubjpass", "attr", "dative"):
            f[f"{d}={c.lemma_.lower()}"] = 1
            if c.ent_type_:
                f[f"{d}_ent={c.ent_type_}"] = 1
        elif d in ("prep", "agent", "prt"):
            f[f"{d}={c.lower_}"] = 1
            for o in c.children:
                if o.dep_ == "pobj":
                    f[f"{d}[{c.lower_}]={o.lemma_.lower()}"] = 1
        elif d in ("compound", "amod", "nmod"):
            f["mod=" + c.lemma_.lower()] = 1
        elif d == "neg":
            f["neg"] = 1
        elif d in ("aux", "auxpass"):
            if c.lower_ in _MODALS:
                f["modal=" + c.lower_] = 1
            if d == "auxpass":
                f["passive"] = 1
        elif d == "det":
            f["det=" + c.lower_] = 1
        elif d in ("xcomp", "ccomp", "advcl"):
            f[f"{d}={c.lemma_.lower()}"] = 1
    if head.lemma_.lower() in _SPEECH:
        f["under_speech"] = 1
    if tok.i > 0:
        f["prev=" + tok.doc[tok.i - 1].lower_] = 1
    if tok.i + 1 < len(tok.doc):
        f["next=" + tok.doc[tok.i + 1].lower_] = 1
    if tok.ent_type_:
        f["ent=" + tok.ent_type_] = 1
    for pos in ("VERB", "NOUN"):
        for e in lex.by_lemma.get((pos, lem), ()):
            f[f"lex_any={e.type}"] = 1  # the lexicon knows the word for this type (constraints aside)
    if rules:
        for p in cand.proposals:
            f["rule=" + p.rule] = 1
            if p.type:
                f["vote=" + p.type] = 1
                f[f"rule_vote={p.rule}:{p.type}"] = 1
                f["status=" + p.event.status] = 1  # type: ignore[union-attr]
                if p.event.source is not None:  # type: ignore[union-attr]
                    f["rule_has_source"] = 1
                if p.event.target is not None:  # type: ignore[union-attr]
                    f["rule_has_target"] = 1
            if p.repeated:
                f["repeated"] = 1
    return f


def _same(ref: ActorRef | None, m: Mention) -> bool:
    if ref is None:
        return False
    if ref.start is not None and ref.end is not None:
        return ref.start < m.span[1] and m.span[0] < ref.end
    return ref.id == m.ref.id


def pair_features(
    cand: Candidate, typ: str, m: Mention, mentions: list[Mention], rules: bool = True
) -> Features:
    tok = cand.token
    f: Features = {}
    path, n = _path(tok, m.head)
    after = m.head.i > tok.i
    side = "after" if after else "before"
    f["path=" + path] = 1
    f[f"type_path={typ}:{path}"] = 1
    f["dist=" + _bucket(abs(m.head.i - tok.i))] = 1
    f["pathlen=" + _bucket(n)] = 1
    f["side=" + side] = 1
    f[f"type_side={typ}:{side}"] = 1
    f["kind=" + m.ref.kind] = 1
    f[f"type_kind={typ}:{m.ref.kind}"] = 1
    if m.place:
        f["m_place"] = 1
        f[f"type_m_place={typ}"] = 1
    provisional = m.ref.id.startswith("NP:")
    f["provisional"] = float(provisional)
    f["m_lemma=" + m.head.lemma_.lower()] = 1
    f["m_ent=" + (m.head.ent_type_ or "-")] = 1
    if any(c.dep_ == "nummod" for c in m.head.children) or m.head.pos_ == "NUM":
        f["m_number"] = 1
    f["m_dep=" + m.head.dep_] = 1
    f[f"type_m_dep={typ}:{m.head.dep_}"] = 1
    gov = m.head.head
    if m.head.dep_ == "pobj":
        f["m_prep=" + gov.lower_] = 1
        f[f"type_m_prep={typ}:{gov.lower_}"] = 1
        gov = gov.head
    f["m_gov_is_trigger"] = float(gov == tok)
    f["m_pron"] = float(m.head.pos_ == "PRON")
    f["order=" + str(min(m.order, 3))] = 1
    before = [x for x in mentions if x.head.i < tok.i]
    f["n_before=" + str(min(len(before), 3))] = 1
    rank = sorted(mentions, key=lambda x: abs(x.head.i - tok.i)).index(m)
    f["nearest=" + str(min(rank, 3))] = 1
    side_rank = [x for x in mentions if (x.head.i > tok.i) == after]
    f[f"side_rank={side}:{min(side_rank.index(m), 3)}"] = 1
    f["typ=" + typ] = 1
    f["trig_lemma=" + tok.lemma_.lower()] = 1
    if any(c.dep_ == "auxpass" for c in tok.children):
        f["passive"] = 1
        f["passive_side=" + side] = 1
    if rules:
        for p in cand.proposals:
            e = p.event
            if e is None:
                continue
            if _same(e.source, m):
                f["rule_source"] = 1
                f[f"rule_source={p.rule}"] = 1
            if _same(e.target, m):
                f["rule_target"] = 1
                f[f"rule_target={p.rule}"] = 1
            if _same(e.claimant, m):
                f["rule_claimant"] = 1
    return f


def place_root(sent: Span, place) -> Token | None:
    """The token of a place mention whose head lies outside it."""
    if place.start is None or place.end is None:
        return None
    return _head_of(sent, place.start, place.end)


def place_features(cand: Candidate, typ: str, place, root: Token, places: list, rule_place) -> Features:
    """Features of a (trigger, place of the sentence) pair: is this where the act happened?"""
    tok = cand.token
    f: Features = {}
    path, n = _path(tok, root)
    side = "after" if root.i > tok.i else "before"
    f["path=" + path] = 1
    f["pathlen=" + _bucket(n)] = 1
    f["side=" + side] = 1
    f["dist=" + _bucket(abs(root.i - tok.i))] = 1
    f["feature=" + str(place.feature or "-")] = 1
    f["country"] = float(str(place.feature or "").startswith("PCL"))
    f["typ=" + typ] = 1
    gov = root.head
    f["dep=" + root.dep_] = 1
    if root.dep_ == "pobj":
        f["prep=" + gov.lower_] = 1
        f[f"prep_gov={gov.lower_}:{gov.head.pos_}"] = 1
        f["prep_on_trigger"] = float(gov.head == tok)
    elif root.dep_ in ("compound", "amod", "nmod", "poss"):
        f["modifier_of=" + gov.lemma_.lower()] = 1
    rank = sorted(places, key=lambda p: abs((p.start or 0) - tok.idx)).index(place)
    f["nearest=" + str(min(rank, 3))] = 1
    f["n_places=" + str(min(len(places), 4))] = 1
    f["first"] = float(places and places[0] is place)
    if rule_place is not None and rule_place.start == place.start:
        f["rule_place"] = 1
    return f
