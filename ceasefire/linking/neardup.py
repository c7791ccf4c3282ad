"""Near-duplicate articles: wire copies, reposts and lightly edited rewrites.

Each article's text is cut into overlapping word shingles; ``datasketch``
computes its MinHash signature and the banding (``b`` bands of ``r`` rows)
that its LSH index would use for :data:`LSH_THRESHOLD`. The band keys are kept
in the store (table ``article_bands``), so a new article finds its candidates
with one indexed query against every stored signature instead of an index
rebuilt in memory at each ingest. Candidates are then checked on their exact
shingle sets: a pair is a copy when the Jaccard similarity, or the containment
of the shorter text in the longer one (a trimmed copy), reaches its threshold
(:data:`COPY_JACCARD`, :data:`COPY_CONTAINMENT`).

datasketch is used rather than hand-written hashing: it is the maintained
Python implementation of MinHash and of the LSH parameter choice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

# Words of one shingle: long enough that two unrelated reports rarely share one
# ("the ceasefire came into force" is common, a five-word run of a wire story is not).
SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 1
# Jaccard similarity at which the LSH bands find a pair with probability about 1/2:
# low, so trimmed copies (half of the text: Jaccard about 0.5) are still found.
LSH_THRESHOLD = 0.3
# A candidate pair is a copy when its Jaccard similarity reaches COPY_JACCARD (a rewrap,
# a new headline or dateline, light edits) or the shorter text is contained in the longer
# to COPY_CONTAINMENT (a trimmed copy). Containment is held higher: scraped pages of one
# site share their boilerplate residue, which makes up much of a short page (0.59 between
# two unrelated FakeNewsCorpus pages of one outlet).
COPY_JACCARD = 0.5
COPY_CONTAINMENT = 0.8
# Texts with fewer shingles than this are linked only when their shingles are the same
# (a three-line brief shares too little to tell a copy from a common phrase).
MIN_SHINGLES = 20

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``: line wrapping, punctuation and case do not count."""
    return _WORD.findall(text.casefold())


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    w = words(text)
    if len(w) < k:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i : i + k]) for i in range(len(w) - k + 1)}


@cache
def bands_rows() -> tuple[int, int]:
    """(b, r): the bands and rows per band datasketch's LSH picks for LSH_THRESHOLD."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def signature(sh: Iterable[str]) -> list[int]:
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch([s.encode("utf-8") for s in sh])
    return [int(v) for v in m.hashvalues]


def band_keys(sh: set[str]) -> list[tuple[int, str]]:
    """(band number, bucket key) of each LSH band of the shingle set ``sh``."""
    if not sh:
        return []
    sig = signature(sh)
    b, r = bands_rows()
    keys = []
    for i in range(b):
        part = ",".join(str(v) for v in sig[i * r : (i + 1) * r])
        keys.append((i, hashlib.blake2b(part.encode(), digest_size=8).hexdigest()))
    return keys


@dataclass(frozen=True)
class Similarity:
    jaccard: float
    containment: float

    @property
    def is_copy(self) -> bool:
        return self.jaccard >= COPY_JACCARD or self.containment >= COPY_CONTAINMENT


def similarity(a: set[str], b: set[str]) -> Similarity:
    if not a or not b:
        return Similarity(0.0, 0.0)
    inter = len(a & b)
    return Similarity(inter / len(a | b), inter / min(len(a), len(b)))


def is_copy(a: set[str], b: set[str]) -> Similarity | None:
    """The similarity of two shingle sets when one text is a copy of the other, else None."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return similarity(a, b) if a and a == b else None
    s = similarity(a, b)
    return s if s.is_copy else None
