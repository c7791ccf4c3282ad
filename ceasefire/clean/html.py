"""HTML pages: main content and metadata with trafilatura, then the text splitter.

:func:`extract_html` isolates the page's main text and its metadata (title,
authors, date, site name, description); :func:`articles_from_html` passes that
text to :func:`~ceasefire.clean.text.split_text` with the metadata as hints and
makes sure the primary article carries the page's metadata.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..models import Article
from .boilerplate import BoilerplateStats
from .text import split_text

# trafilatura settings, chosen on the 181 pages of the article-extraction
# benchmark (benchmarks/html_extraction.py, mean token F1 vs the gold body):
# default 0.948, favor_recall 0.948, favor_precision 0.957, without comments
# 0.959, favor_precision without comments 0.965 (tables kept: dropping them
# cost 0.003 F1).
FAVOR_PRECISION = True
INCLUDE_COMMENTS = False
INCLUDE_TABLES = True
# When the precision-mode text is shorter than this, the balanced mode is tried
# too and wins if it finds more than RECALL_RETRY_RATIO times as much text.
# Calibrated on the same benchmark: the pages where precision mode failed kept
# a 200-300 character notice; real short news items stay under the ratio.
RECALL_RETRY_CHARS = 1000
RECALL_RETRY_RATIO = 3.0
# When the text is still shorter than this, the page's JSON-LD articleBody is
# used if it is JSONLD_RATIO times longer (JavaScript-rendered pages: trafilatura
# keeps a photo caption). Calibrated on both benchmarks (see benchmarks/).
JSONLD_RETRY_CHARS = 1000
JSONLD_RATIO = 2.0

# A meta description longer than this is a copy of the lede or body, not a
# standfirst (news subtitles run 1-2 sentences, 60-250 characters).
MAX_SUBTITLE_CHARS = 400
# Share of a description's words that must occur in the body for it to be
# about this article; site-wide descriptions ("The latest news from ...") share
# almost none.
MIN_SUBTITLE_OVERLAP = 0.3
# A description is the lede when this share of its words occurs among the body's
# first 2n+LEDE_SLACK_WORDS words (n: its length). On the 42 trafilatura_eval
# pages, ledes (truncated, cut mid-word, with a dateline or byline in front)
# score 0.93-1.0 and standfirsts written apart from the lede 0.18-0.64.
LEDE_OVERLAP = 0.75
LEDE_SLACK_WORDS = 30

# Bylines that name no person: house labels and placeholders.
GENERIC_AUTHOR_WORDS = frozenset({
    "staff", "editorial", "editor", "editors", "team", "desk", "admin", "administrator", "no",
    "author", "article", "by", "news", "service", "services", "reports", "report", "reporter",
    "reporters", "correspondent", "letters", "guest", "contributor", "contributors", "web",
    "online", "newsroom", "wire", "wires", "agencies", "agency", "and", "the", "our", "writer",
    "unknown", "anonymous", "courtesy", "cortesía", "redacción", "redaction",
})

_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}\Z")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»|:)\s+")
_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # a text needs at least one word of 2+ letters


@dataclass
class HtmlPage:
    """What trafilatura found on one HTML page."""

    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    publisher: str | None = None
    subtitle: str | None = None
    url: str | None = None
    hostname: str | None = None

    def hints(self) -> dict[str, Any]:
        """The metadata as :func:`split_text` hints (only what is known)."""
        found = {"title": self.title, "authors": self.authors or None, "published": self.published,
                 "publisher": self.publisher, "subtitle": self.subtitle, "url": self.url}
        return {k: v for k, v in found.items() if v}


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _words(text: str) -> list[str]:
    return _WORD.findall(_norm(text))


def _key(text: str) -> str:
    return "".join(_words(text))


def clean_title(title: str | None, sitename: str | None, hostname: str | None) -> str | None:
    """The headline without the site's name glued before or after it ("Headline | Site")."""
    if not title:
        return None
    title = " ".join(title.split())
    site_keys = {k for k in (_key(sitename or ""), _key((hostname or "").removeprefix("www."))) if k}
    if hostname:
        labels = hostname.removeprefix("www.").split(".")
        if len(labels) >= 2:
            site_keys.add(_key(labels[-2] if len(labels[-2]) > 3 or len(labels) < 3 else labels[-3]))

    def is_site(segment: str) -> bool:
        k = _key(segment)
        return bool(k) and any(k == s or (len(s) >= 3 and (s in k or k in s)) for s in site_keys)

    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1:
        while len(parts) > 1 and is_site(parts[-1]):
            parts.pop()
        while len(parts) > 1 and is_site(parts[0]):
            parts.pop(0)
        if len(parts) < len(_TITLE_SEPARATORS.split(title)):
            # re-join what is left with the separators as written
            start = title.find(parts[0])
            end = title.rfind(parts[-1]) + len(parts[-1])
            title = title[start:end] if start >= 0 and end > start else " ".join(parts)
    return title.strip() or None


def clean_publisher(sitename: str | None) -> str | None:
    """The site name as a publisher; a bare URL (trafilatura's fallback) is not a name."""
    if not sitename:
        return None
    name = " ".join(sitename.split())
    if re.match(r"(?:https?://|www\.)", name, re.IGNORECASE):
        return None
    return name or None


def split_authors(author: str | None, *, publisher: str | None = None,
                  hostname: str | None = None) -> list[str]:
    """The persons of a byline; trafilatura joins several with '; ', bylines also use 'and', '&'.

    Dropped: house labels ("Staff", "Editorial Team", "No Author"), and the
    outlet itself (an author equal to the publisher or the host name).
    """
    if not author:
        return []
    outlets = {k for k in (_key(publisher or ""), _key((hostname or "").removeprefix("www.")),
                           _key((hostname or "").removeprefix("www.").rsplit(".", 1)[0])) if len(k) >= 4}
    names: list[str] = []
    for name in _AUTHOR_SPLIT.split(author):
        name = re.sub(r"^(?:by|von|par|por)\s+", "", name.strip(" ,"), flags=re.IGNORECASE).strip()
        words = _words(name)
        if not words or all(w in GENERIC_AUTHOR_WORDS for w in words):
            continue
        if len(words) == 1 and words[0].endswith(("team", "staff", "desk")):
            continue  # "BBNTeam", "Newsstaff"
        if words[-1] in ("com", "net", "org") and len(words) > 1:
            continue  # a domain name ("BahamasLocal.com")
        key = _key(name)
        if any(key == o or (len(key) >= 5 and key in o) or o in key for o in outlets):
            continue
        if name not in names:
            names.append(name)
    return names


def subtitle_from_description(description: str | None, title: str | None, body: str) -> str | None:
    """The meta description as a subtitle, unless it is the lede, the title or site-wide text."""
    if not description:
        return None
    # Some sites put markup ("<a>Read More</a>") or entities into the meta description.
    description = " ".join(html_lib.unescape(_TAG.sub(" ", description)).split())
    if len(description) > MAX_SUBTITLE_CHARS:
        return None
    desc_words = _words(description.rstrip(".…").removesuffix("..."))
    if not desc_words:
        return None
    if title and _key(description) == _key(title):
        return None
    # A description that is (a truncation of) the body's opening is not a subtitle:
    # nearly all its words recur among the body's first words.
    head = Counter(_words(body)[: 2 * len(desc_words) + LEDE_SLACK_WORDS])
    shared = sum((Counter(desc_words) & head).values())
    if shared / len(desc_words) >= LEDE_OVERLAP:
        return None
    body_words = set(_words(body))
    content = [w for w in desc_words if len(w) > 3]
    if content and sum(w in body_words for w in content) / len(content) < MIN_SUBTITLE_OVERLAP:
        return None
    return description


def _drop_leading_title(text: str, title: str | None) -> str:
    """trafilatura keeps an <h1> headline as the first line of the text: drop it."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if rest and _key(first) and _key(first) == _key(title):
        return rest.lstrip("\n")
    return text


_LD_JSON = re.compile(r"""<script[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script>""",
                      re.IGNORECASE | re.DOTALL)


def _walk_json(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk_json(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk_json(value)


def jsonld_body(html: str) -> str | None:
    """The longest ``articleBody`` of the page's schema.org JSON-LD, as plain text.

    News sites that render their article with JavaScript still publish its text
    there for search engines; trafilatura then finds only a caption or a teaser.
    """
    best = ""
    for m in _LD_JSON.finditer(html):
        try:
            data = json.loads(m.group(1).strip(), strict=False)
        except ValueError:
            continue
        for obj in _walk_json(data):
            body = obj.get("articleBody")
            if isinstance(body, str) and len(body) > len(best):
                best = body
    if not best:
        return None
    text = html_lib.unescape(_TAG.sub(" ", best.replace("</p>", "\n")))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line) or None


def _extract(trafilatura: Any, html: str, url: str | None, precision: bool) -> Any:
    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, favor_precision=precision,
            include_comments=INCLUDE_COMMENTS, include_tables=INCLUDE_TABLES)
    except (ValueError, TypeError, AttributeError):  # lxml/trafilatura on pathological markup
        return None


def extract_html(html: str, *, url: str | None = None) -> HtmlPage | None:
    """Main text and metadata of an HTML page, or None when no text can be found."""
    import trafilatura

    if not html or not html.strip():
        return None
    doc = _extract(trafilatura, html, url, FAVOR_PRECISION)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if FAVOR_PRECISION and len(text) < RECALL_RETRY_CHARS:
        # Precision mode sometimes keeps only a notice box of the page; when the
        # balanced mode finds much more text, that is the article.
        balanced = _extract(trafilatura, html, url, False)
        balanced_text = (getattr(balanced, "text", None) or "").strip() if balanced is not None else ""
        if len(balanced_text) > RECALL_RETRY_RATIO * len(text):
            doc, text = balanced, balanced_text
    structured = jsonld_body(html) if len(text) < JSONLD_RETRY_CHARS else None
    if structured and len(structured) >= JSONLD_RATIO * len(text):
        text = structured
    if doc is None and structured:
        return HtmlPage(text=structured, url=url)
    if doc is None or not _LETTERS.search(text):
        return None
    hostname = getattr(doc, "hostname", None)
    sitename = getattr(doc, "sitename", None)
    title = clean_title(getattr(doc, "title", None), sitename, hostname)
    text = _drop_leading_title(text, title)
    date = getattr(doc, "date", None)
    return HtmlPage(
        text=text,
        title=title,
        authors=split_authors(getattr(doc, "author", None), publisher=sitename, hostname=hostname),
        published=date if date and _DATE.match(date) else None,
        publisher=clean_publisher(sitename),
        subtitle=subtitle_from_description(getattr(doc, "description", None), title, text),
        url=getattr(doc, "url", None) or url,
        hostname=hostname,
    )


def _rejoin(articles: list[Article], page: HtmlPage) -> Article:
    """One article from what the text splitter made of trafilatura's main text.

    trafilatura has already isolated the page's one article, so what the
    splitter took for further articles are sections of it (a subheading looks
    like a headline) and go back into the body, headings included. When the
    splitter took an opening paragraph for the headline while the page's own
    headline is another, that paragraph (and a kicker above it) is body too.
    """
    primary = articles[0]
    parts: list[str] = []
    if primary.title and page.title and _key(primary.title) != _key(page.title) \
            and primary.title in page.text:
        if primary.subtitle and primary.subtitle in page.text:
            parts.append(primary.subtitle)
            primary.subtitle = None
        parts.append(primary.title)
        primary.title = None
    parts.append(primary.text)
    for related in articles[1:]:
        parts.extend(p for p in (related.title, related.subtitle, related.text) if p)
        primary.removed.extend(related.removed)
    primary.text = "\n\n".join(p.strip() for p in parts if p and p.strip())
    primary.index, primary.role = 0, "primary"
    return primary


def articles_from_html(html: str, *, url: str | None = None, stats: BoilerplateStats | None = None,
                       hints: dict[str, Any] | None = None) -> list[Article]:
    """The articles of an HTML page, primary first; [] when the page has no article text."""
    page = extract_html(html, url=url)
    if page is None:
        return []
    merged: dict[str, Any] = dict(page.hints())
    # What the container says (a CSV title column, the fetched URL) wins over the page.
    merged.update({k: v for k, v in (hints or {}).items() if v is not None and v != ""})
    # trafilatura has already isolated the main content of the page: the
    # splitter should not treat its paragraphs as separate articles.
    merged["single_article"] = True
    merged["format"] = "html"
    site = merged.get("site") or page.hostname
    articles = [a for a in split_text(page.text, hints=merged, stats=stats, site=site) if a.text.strip()]
    if not articles:
        return []
    articles = [_rejoin(articles, page)]
    primary = articles[0]
    if not primary.title:
        primary.title = page.title
    if not primary.authors:
        primary.authors = list(page.authors)
    if not primary.publisher:
        primary.publisher = page.publisher
    if not primary.published:
        primary.published = merged.get("published") or page.published
    if not primary.subtitle:
        primary.subtitle = page.subtitle
    if not primary.url:
        primary.url = page.url
    return articles
