"""Line statistics across the documents of a run: a line that recurs on many pages of
one site (or of the whole run) is boilerplate, and outlet names the pages state about
themselves ("support X on Patreon") are pooled per site.

Usage: call :meth:`BoilerplateStats.observe` on every document in a first pass, then
pass the object to :func:`ceasefire.clean.split_text`, which asks
:meth:`BoilerplateStats.is_recurring` about body lines and
:meth:`BoilerplateStats.publisher` when a page names no outlet itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..models import Document
from .lines import ends_sentence, fold
from .meta import best_publisher, publisher_votes
from .wrap import normalise_lines

# Only short lines are counted: widgets are short, and a long paragraph that recurs is more
# likely a syndicated article seen twice than boilerplate (150 chars: the seeds' longest
# recurring widget line, a PayPal plea, is 118).
MAX_LINE_LEN = 150
# A recurring line has at most this many words (a duplicated article's sentences have more).
MAX_LINE_WORDS = 20
# A line is boilerplate for a site when it is on at least MIN_DOCS pages and on at least
# MIN_SHARE of the site's pages. 3 pages: two pages may share a quotation by chance; 0.2: a
# widget shown on one page in five (rotating promos) still counts.
# A line ending like a sentence with at least this many words is prose, however often it recurs
# ("Pompeo finally speaks some truth." recurs wherever that article is listed as related).
MIN_SENTENCE_WORDS = 4
MIN_DOCS = 3
# Distinct lines kept per site before one-page lines are forgotten (~100 MB worst case).
MAX_TRACKED_LINES = 500_000
MIN_SHARE = 0.2


def _site_key(site: str | None) -> str:
    return (site or "").casefold()


def _is_host(key: str) -> bool:
    return "." in key.strip(".") and " " not in key and "/" not in key


@dataclass
class BoilerplateStats:
    """Per-site document frequencies of short lines, and per-site publisher votes."""

    min_docs: int = MIN_DOCS
    min_share: float = MIN_SHARE
    _n_docs: Counter[str] = field(default_factory=Counter)
    _lines: dict[str, Counter[str]] = field(default_factory=dict)
    _publishers: dict[str, Counter[str]] = field(default_factory=dict)

    def observe(self, doc: Document) -> None:
        """Count the short lines of one document (each line once per document)."""
        if doc.media_type != "text" or not doc.text:
            return
        self.observe_text(doc.text, site=doc.meta.get("site"))

    def observe_text(self, text: str, *, site: str | None = None) -> None:
        key = _site_key(site)
        lines = normalise_lines(text)
        seen = {fold(ln) for ln in lines if ln and len(ln) <= MAX_LINE_LEN}
        self._n_docs[key] += 1
        counter = self._lines.setdefault(key, Counter())
        counter.update(seen)
        if len(counter) > MAX_TRACKED_LINES:
            # Bound memory on long runs: forget lines seen on one page only so far (a widget
            # that matters recurs, and comes back after the pruning).
            for line in [k for k, v in counter.items() if v < 2]:
                del counter[line]
        self._publishers.setdefault(key, Counter()).update(publisher_votes(lines))

    def n_docs(self, site: str | None = None) -> int:
        return self._n_docs[_site_key(site)]

    def doc_frequency(self, line: str, site: str | None = None) -> int:
        return self._lines.get(_site_key(site), Counter())[fold(line)]

    def is_recurring(self, line: str, site: str | None = None) -> bool:
        """Is this line on enough of the site's pages to be boilerplate?

        A sentence of four words or more never is: on a news site the same article appears
        in the "latest" boxes of many pages, and its short paragraphs recur with it."""
        if not line or len(line) > MAX_LINE_LEN or len(line.split()) > MAX_LINE_WORDS:
            return False
        if ends_sentence(line) and len(line.split()) >= MIN_SENTENCE_WORDS:
            return False
        n = self.n_docs(site)
        if n < self.min_docs:
            return False
        df = self.doc_frequency(line, site)
        return df >= self.min_docs and df >= self.min_share * n

    def publisher(self, site: str | None = None) -> str | None:
        """The outlet name the site's pages most often state about themselves.

        Only for a web site (a host name such as ``theduran.com``): the pages of a folder or of
        a whole run may come from many outlets, so an outlet named on some says nothing about
        the others (the seed folder mixes three outlets)."""
        key = _site_key(site)
        if not _is_host(key):
            return None
        return best_publisher(self._publishers.get(key, Counter()))
