"""From a token to the canonical actor of its noun phrase (the recogniser's mention, else a provisional one)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...models import ActorRef
from ..lexicon import QUANTITY_HEADS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ...nlp.context import ArticleContext

from .tree import _pobjs

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


NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"})


NER_KIND = {"PERSON": "person", "NORP": "state", "GPE": "state", "ORG": "other"}


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


def _chars(doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` without building the whole text (``Doc.text`` joins every token)."""
    span = doc.char_span(start, end)
    return span.text if span is not None else doc.text[start:end]


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
        if found is None or _is_place(found, ctx):
            found = _unrecognised(tok, ctx)
        return None if found is not None and _is_place(found, ctx) else found
    return _provisional(tok, ctx, start, end)


def _unrecognised(tok: Token, ctx: ArticleContext) -> ActorRef | None:
    """The party of a phrase whose head the actor recogniser did not resolve.

    - an actor noun it has no entry for ("killed at least 81 people", "beheaded three men"):
      a provisional actor, as without a recogniser;
    - a thing made or used by someone ("the missiles fired by the Israeli military", "proposals laid
      out by the National Assembly"): the maker, from the participle's "by" agent;
    - a facility in a state ("a military base in Saudi Arabia"): the state it belongs to (a town or
      region is a place, not a party: the guideline codes no target for it).
    """
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if (
        tok.lemma_.lower() in GENERIC_ACTORS
        or tok.lower_ in GENERIC_ACTORS
        or tok.lemma_.lower() in PERSON_NOUNS
    ):
        start, end = _np_range(tok)
        if not ctx.places_in(start, end):
            return _provisional(tok, ctx, start, end, generic=True)
    for part in tok.children:
        if part.dep_ in ("acl", "relcl") and part.tag_ == "VBN":
            for agent in _pobjs(part, ("by",)):
                found = resolve_actor(agent, ctx)
                if found is not None:
                    return found
    for host in _pobjs(tok, ("in", "inside")):
        found = ctx.actor_at(*_np_range(host))
        if found is not None and found.kind == "state" and not _is_place(found, ctx):
            return found
    return None


# People named by what they are, besides the actor nouns above ("three men", "two children"); the
# actor recogniser resolves the political ones, these stand for civilians unless the article says more.
PERSON_NOUNS = frozenset({"man", "woman", "child", "person", "boy", "girl", "passenger", "pilgrim"})


def _provisional(
    tok: Token, ctx: ArticleContext, start: int, end: int, generic: bool = False
) -> ActorRef | None:
    """A provisional actor for a phrase no recogniser resolved (a named entity, a name, an actor noun)."""
    if tok.pos_ == "PRON" or (tok.lower_ in PRONOUNS and tok.text != "US") or tok.ent_type_ in NOT_ACTOR_ENTS:
        return None  # "us" is a pronoun, "US" a country
    doc = tok.doc
    if generic:
        # the name is the noun with its describing words ("Palestinian men"), not its count
        words = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.i == tok.i - 1] + [tok]
        name = " ".join(w.text for w in words)
        text = _chars(doc, start, end)
        return ActorRef(id=_slug(name), name=name, kind="other", mention=text, start=start, end=end)
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
        text = _chars(doc, start, end)
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
        text = _chars(doc, start, end)
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


def _actors(toks: list[Token], ctx: ArticleContext) -> list[ActorRef]:
    out: list[ActorRef] = []
    for t in toks:
        a = resolve_actor(t, ctx)
        if a is not None and all(a.id != b.id for b in out):
            out.append(a)
    return out
