"""Small helpers over the dependency tree shared by the role proposers."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


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


def _pobjs(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out.extend(c for c in p.children if c.dep_ == "pobj")
    return out


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


def _participates(verb: Token) -> bool:
    """A verb of taking part: "engaged/involved in", "participated in", "took part in", "joined in"."""
    lem = verb.lemma_.lower()
    if lem in ("engage", "involve", "participate", "join"):
        return True
    return lem == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "part" for c in verb.children)
