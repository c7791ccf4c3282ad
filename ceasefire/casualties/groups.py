"""Whose dead or wounded a count names: civilians, military, police, armed groups, or unknown.

The words come from ``data/groups.txt``; an actor mention in the phrase ("Syrian
army soldiers", "members of the YPG") gives the actor and, when no word decides,
the group from the actor's kind.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..models import ActorRef

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..nlp.context import ArticleContext

GROUPS_PATH = Path(__file__).parent / "data" / "groups.txt"
GROUPS = ("civilians", "military", "police", "armed", "unknown")
# Actor kinds (SPEC.md) that say whose people a count names.
KIND_GROUP = {"military": "military", "police": "police", "armed_group": "armed", "civilians": "civilians"}


@cache
def group_words(path: Path = GROUPS_PATH) -> dict[str, str]:
    """word -> group; a word listed under two groups keeps the later (police's "officer")."""
    words: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        group, sep, rest = line.partition(":")
        if not sep or group.strip() not in GROUPS:
            raise ValueError(f"{path}:{n}: expected 'group: word ...' with a group of {', '.join(GROUPS)}")
        for w in rest.split():
            words[w.lower()] = group.strip()
    return words


def _word_group(tok: Token) -> str | None:
    words = group_words()
    return words.get(tok.lemma_.lower()) or words.get(tok.lower_)


def group_of(noun: Token, ctx: ArticleContext) -> tuple[str, ActorRef | None]:
    """(group, actor) of the people named by the noun phrase headed by ``noun``."""
    actor = _actor(noun, ctx)
    for mod in (c for c in noun.children if c.dep_ == "compound"):
        g = _word_group(mod)
        if g:
            return g, actor
    g = _word_group(noun)
    if g is None:
        for mod in (c for c in noun.children if c.dep_ == "amod"):
            g = _word_group(mod)
            if g:
                break
    if g is None and actor is not None:
        g = KIND_GROUP.get(actor.kind)
    return g or "unknown", actor


def _actor(noun: Token, ctx: ArticleContext) -> ActorRef | None:
    """The actor named in the phrase: its modifiers ("Syrian soldiers", "ISIS militants")
    or the group after "of" ("members of the YPG")."""
    toks = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < noun.i]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            toks += [o for o in c.children if o.dep_ == "pobj"]
    toks.append(noun)
    for t in toks:
        found = ctx.actor_at(t.idx, t.idx + len(t))
        if found is not None and found.kind not in ("state", "person") and found.kind != "other":
            return found
        if found is not None and found.kind == "state" and t != noun:
            return found  # "Syrian soldiers": soldiers of Syria
    return None
