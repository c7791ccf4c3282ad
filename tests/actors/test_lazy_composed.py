"""The composed names of states ("Syrian army", "the Moscow regime") enter the name trie only
when a lookup first reaches their first word: the trie a lookup sees is the same whatever the
order of lookups, and every composed name is in it."""

from __future__ import annotations

from collections import defaultdict

from ceasefire.actors.dictionary import (
    CAPITAL_NOUNS,
    COMPOSED,
    COMPOSED_NOUNS,
    DATA,
    ActorDictionary,
    Node,
    load_actors_tsv,
    load_persons_tsv,
    load_states,
)
from ceasefire.actors.normalize import key_of


def _fresh() -> ActorDictionary:
    actors = load_states(DATA / "states.jsonl")
    load_actors_tsv(DATA / "actors.tsv", actors)
    load_persons_tsv(DATA / "persons.tsv", actors)
    return ActorDictionary(actors)


def _snapshot(d: ActorDictionary) -> dict[tuple[str, ...], dict[int, list]]:
    """Every node's entries by path, grouped by source rank (in insertion order within a rank:
    the order that decides between entries the ranking cannot tell apart)."""
    out: dict[tuple[str, ...], dict[int, list]] = {}

    def walk(node: Node, path: tuple[str, ...]) -> None:
        if node.entries:
            by_src: dict[int, list] = defaultdict(list)
            for e in node.entries:
                by_src[e.source].append(e)
            out[path] = dict(by_src)
        for k, child in node.children.items():
            walk(child, path + (k,))

    walk(d.root, ())
    return out


def test_nothing_is_composed_until_asked_and_asking_composes_only_that_word() -> None:
    d = _fresh()
    pending = d.root.children.pending
    assert "syrian" in pending and "russian" in pending
    assert d.lookup("Syrian army").id == "SYR_MIL"
    assert "syrian" not in pending and "russian" in pending
    assert d.lookup("the Russian foreign ministry").id == "RUS_MFA"
    assert d.lookup("the Moscow regime").id == "RUS_GOV"  # a metonymic capital


def test_the_trie_is_the_same_whatever_the_order_of_lookups() -> None:
    at_once = _fresh()
    at_once.root.children.items()  # everything composed before any lookup
    piecemeal = _fresh()
    for name in ("Moscow government", "al-Shabaab", "Syrian regime", "Iraqi police", "Yemeni army", "Kyiv"):
        piecemeal.lookup(name)
    assert _snapshot(piecemeal) == _snapshot(at_once)


def test_every_composed_name_is_in_the_trie() -> None:
    d = _fresh()
    missing = []
    for s in (a for a in d.actors.values() if a.kind == "state"):
        heads = [*s.adjectives, s.name, *(al.text for al in s.aliases)]
        wanted = [
            (h, n, f"{s.id}_{suffix}") for h in heads for suffix, ns in COMPOSED_NOUNS.items() for n in ns
        ]
        if s.capital and s.capital_metonym:
            wanted += [(s.capital, n, f"{s.id}_GOV") for n in CAPITAL_NOUNS]
        for head, noun, actor_id in wanted:
            keys = list(key_of(f"{head} {noun}"))
            if keys[0] == "the":
                keys = keys[1:]
            node = d.root
            for k in keys:
                node = node.children.get(k) if node is not None else None
            if node is None or not any(e.actor_id == actor_id and e.source == COMPOSED for e in node.entries):
                missing.append(f"{head} {noun}")
    assert not missing, missing[:20]
