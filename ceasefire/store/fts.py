"""Web-search style query syntax, translated for SQLite FTS5.

PostgreSQL's ``websearch_to_tsquery`` accepts what people type into a search
box: words (all must match), ``"quoted phrases"``, ``OR`` between
alternatives and ``-word`` to exclude. FTS5 has its own, stricter syntax in
which a stray hyphen, colon or quote is an error ("al-Nusra" reads as a
column filter), so the SQLite store parses the same web syntax here and
emits an FTS5 expression in which every term is a quoted string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A token: an optional leading '-', then a quoted phrase or a run of non-space.
_TOKEN = re.compile(r'(-?)(?:"([^"]*)"?|(\S+))')
# What FTS5's unicode61 tokenizer keeps as word characters (approximately).
_WORD = re.compile(r"\w+", re.UNICODE)
# English possessive: "al-Qaeda's" should find "al-Qaeda" (the PostgreSQL english
# configuration drops the "s" as a stop word; FTS5 would look for a token "s").
_POSSESSIVE = re.compile(r"['\u2019]s\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Term:
    words: tuple[str, ...]
    negated: bool


def _phrase(words: tuple[str, ...]) -> str:
    return '"' + " ".join(words) + '"'


def to_fts5(query: str) -> str | None:
    """The FTS5 MATCH expression for a web-search style ``query``.

    Returns None when nothing searchable is left (empty query, only
    punctuation, or only excluded terms), which matches no article.
    ``AND`` is accepted and ignored (it is the default); a word joined by
    hyphens or apostrophes becomes a phrase ("al-Nusra" -> "al Nusra"), and
    a possessive 's is dropped.
    """
    groups: list[list[_Term]] = [[]]  # OR of ANDs
    negatives: list[_Term] = []
    for m in _TOKEN.finditer(query):
        neg, quoted, bare = m.group(1) == "-", m.group(2), m.group(3)
        raw = quoted if quoted is not None else bare
        if quoted is None and not neg:
            if raw == "OR":
                if groups[-1]:
                    groups.append([])
                continue
            if raw == "AND":
                continue
        words = tuple(w.lower() for w in _WORD.findall(_POSSESSIVE.sub("", raw)))
        if not words:
            continue
        term = _Term(words, neg)
        (negatives if neg else groups[-1]).append(term)
    groups = [g for g in groups if g]
    if not groups:
        return None
    ors = [" AND ".join(_phrase(t.words) for t in g) for g in groups]
    expr = ors[0] if len(ors) == 1 else " OR ".join(f"({o})" for o in ors)
    if negatives:
        expr = f"({expr})" + "".join(f" NOT {_phrase(t.words)}" for t in negatives)
    return expr
