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
GENERIC_AUTHOR_WORDS = frozenset(
    {
        "staff",
        "editorial",
        "editor",
        "editors",
        "team",
        "desk",
        "admin",
        "administrator",
        "no",
        "author",
        "article",
        "by",
        "news",
        "service",
        "services",
        "reports",
        "report",
        "reporter",
        "reporters",
        "correspondent",
        "letters",
        "guest",
        "contributor",
        "contributors",
        "web",
        "online",
        "newsroom",
        "wire",
        "wires",
        "agencies",
        "agency",
        "and",
        "the",
        "our",
        "writer",
        "unknown",
        "anonymous",
        "courtesy",
        "cortesía",
        "redacción",
        "redaction",
    }
)

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
        found = {
            "title": self.title,
            "authors": self.authors or None,
            "published": self.published,
            "publisher": self.publisher,
            "subtitle": self.subtitle,
            "url": self.url,
        }
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


def split_authors(
    author: str | None, *, publisher: str | None = None, hostname: str | None = None
) -> list[str]:
    """The persons of a byline; trafilatura joins several with '; ', bylines also use 'and', '&'.

    Dropped: house labels ("Staff", "Editorial Team", "No Author"), and the
    outlet itself (an author equal to the publisher or the host name).
    """
    if not author:
        return []
    outlets = {
        k
        for k in (
            _key(publisher or ""),
            _key((hostname or "").removeprefix("www.")),
            _key((hostname or "").removeprefix("www.").rsplit(".", 1)[0]),
        )
        if len(k) >= 4
    }
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


_LD_JSON = re.compile(
    r"""<script[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script>""",
    re.IGNORECASE | re.DOTALL,
)


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


# --- pages that hold several articles -------------------------------------------------

# A part of a page counts as an article of its own only with at least this many
# words of paragraphs, in at least MIN_PART_PARAGRAPHS paragraphs, so that teaser
# cards ("related stories" grids: a heading, a date, one summary sentence) stay
# out; a later story inside trafilatura's text needs as many words under its
# headline, byline and date. Calibrated on the 181 + 42 single-article pages of
# benchmarks/html_extraction.py: with these values none of them is split (the
# benchmark prints the count; on 123 of them one <article> or JSON-LD item passes alone),
# while the hand-made multi-article pages of tests/clean/test_html.py are.
MIN_PART_WORDS = 40
MIN_PART_PARAGRAPHS = 2
# schema.org types of a news item in JSON-LD.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "report",
        "liveblogposting",
    }
)

_BYLINE_HINT = re.compile(r"author|byline|contributor|writer", re.IGNORECASE)
_DATE_HINT = re.compile(r"date|time|published|posted|timestamp", re.IGNORECASE)
_BY_PREFIX = re.compile(r"\A\s*(?:by|written by|von|par|por)\s+\S", re.IGNORECASE)
# Elements inside an <article> whose paragraphs are not its body.
_NOT_BODY = ("header", "footer", "aside", "nav", "figure", "figcaption", "form", "blockquote[@class]")


@dataclass
class PagePart:
    """One article of a page holding several, as the HTML states it."""

    title: str
    text: str
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    node: Any = None  # the <article> element (None for JSON-LD items)


def _attr_text(el: Any) -> str:
    return " ".join(str(el.get(a) or "") for a in ("class", "id", "rel", "itemprop"))


def _clean_text(text: str) -> str:
    return " ".join(text.split())


def _date_of(value: str | None) -> str | None:
    from ..ingest.meta import normalise_date

    return normalise_date(value) if value else None


def _part_from_element(el: Any) -> PagePart | None:
    """An <article> element as an article: own heading, a byline or date, paragraphs of body."""
    headings = el.xpath("(.//h1)[1]") or el.xpath("(.//h2)[1]") or el.xpath("(.//h3)[1]")
    if not headings:
        return None
    title = _clean_text(headings[0].text_content())
    if not title or not _LETTERS.search(title):
        return None
    exclude = " or ".join(f"ancestor::{tag}" for tag in _NOT_BODY)
    candidates = [(p, _clean_text(p.text_content())) for p in el.xpath(f".//p[not({exclude})]")]
    candidates = [(p, text) for p, text in candidates if text]
    # Cheap test first: too little paragraph text is a teaser card or a widget, whatever its header.
    if len(candidates) < MIN_PART_PARAGRAPHS or sum(len(t.split()) for _, t in candidates) < MIN_PART_WORDS:
        return None
    # Byline: an element marked as author/byline (holding no paragraphs or headings of its own),
    # or a short paragraph starting "By ...".
    bylines = [
        b
        for b in el.xpath(".//*[@class or @rel or @itemprop]")
        if _BYLINE_HINT.search(_attr_text(b)) and not b.xpath(".//p|.//h1|.//h2|.//h3")
    ]
    byline_text = _clean_text(bylines[0].text_content()) if bylines else ""
    published = None
    for t in el.xpath(".//time"):
        published = _date_of(t.get("datetime")) or _date_of(_clean_text(t.text_content()))
        if published:
            break
    if published is None:
        for d in el.xpath(".//*[@itemprop or @class]"):
            if not _DATE_HINT.search(_attr_text(d)) or d.xpath(".//p"):
                continue
            published = _date_of(d.get("content") or d.get("datetime") or _clean_text(d.text_content()))
            if published:
                break
    skip = {id(b) for b in bylines}
    paragraphs: list[str] = []
    for p, text in candidates:
        if id(p) in skip or any(id(a) in skip for a in p.iterancestors()):
            continue
        if not byline_text and _BY_PREFIX.match(text) and len(text.split()) <= 8:
            byline_text = text
            continue
        if _DATE_HINT.search(_attr_text(p)) and _date_of(text):
            published = published or _date_of(text)
            continue
        paragraphs.append(text)
    words = sum(len(p.split()) for p in paragraphs)
    if len(paragraphs) < MIN_PART_PARAGRAPHS or words < MIN_PART_WORDS:
        return None
    if not byline_text and not published:
        return None  # a heading and paragraphs alone may be a section of one story
    authors = split_authors(byline_text) if byline_text else []
    return PagePart(title=title, text="\n\n".join(paragraphs), authors=authors, published=published, node=el)


def parts_from_elements(tree: Any) -> list[PagePart]:
    """The outermost <article> elements that are articles of their own (see :func:`_part_from_element`).

    Two or more such parts mean the page really holds several articles.
    """
    parts = [_part_from_element(el) for el in tree.xpath("//article[not(ancestor::article)]")]
    found = [p for p in parts if p is not None]
    return found if len({_key(p.title) for p in found}) == len(found) else []


def parts_from_jsonld(html: str) -> list[PagePart]:
    """The news items of the page's JSON-LD that carry a headline and a body of their own."""
    found: list[PagePart] = []
    seen: set[str] = set()
    for m in _LD_JSON.finditer(html):
        try:
            data = json.loads(m.group(1).strip(), strict=False)
        except ValueError:
            continue
        for obj in _walk_json(data):
            types = obj.get("@type")
            types = [types] if isinstance(types, str) else types if isinstance(types, list) else []
            if not any(isinstance(t, str) and t.casefold() in ARTICLE_TYPES for t in types):
                continue
            headline, body = obj.get("headline"), obj.get("articleBody")
            if not isinstance(headline, str) or not isinstance(body, str):
                continue
            text = html_lib.unescape(_TAG.sub(" ", body.replace("</p>", "\n")))
            paragraphs = [_clean_text(line) for line in text.splitlines() if line.strip()]
            if sum(len(p.split()) for p in paragraphs) < MIN_PART_WORDS:
                continue
            title = _clean_text(html_lib.unescape(headline))
            if not title or _key(title) in seen:
                continue
            seen.add(_key(title))
            found.append(
                PagePart(
                    title=title,
                    text="\n\n".join(paragraphs),
                    authors=split_authors(_ld_authors(obj.get("author"))),
                    published=_date_of(
                        obj.get("datePublished") if isinstance(obj.get("datePublished"), str) else None
                    ),
                )
            )
    return found


def _ld_authors(node: Any) -> str | None:
    """A JSON-LD ``author`` (a name, a Person, or a list of them) as one '; '-joined byline."""
    items = node if isinstance(node, list) else [node]
    names = [i if isinstance(i, str) else i.get("name") if isinstance(i, dict) else None for i in items]
    return "; ".join(n for n in names if isinstance(n, str) and n.strip()) or None


def _extract(trafilatura: Any, html: str, url: str | None, precision: bool) -> Any:
    try:
        return trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            favor_precision=precision,
            include_comments=INCLUDE_COMMENTS,
            include_tables=INCLUDE_TABLES,
        )
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


def _strong_header(article: Article) -> bool:
    """A further article found in trafilatura's text with the full header of a story of its own:
    a headline, a byline and a date over at least MIN_PART_WORDS words (a subheading has none)."""
    return bool(
        article.title
        and article.authors
        and article.published
        and len(article.text.split()) >= MIN_PART_WORDS
    )


def _rejoin(articles: list[Article], page: HtmlPage) -> list[Article]:
    """The page's articles from what the text splitter made of trafilatura's main text.

    trafilatura has already isolated the page's main content, so what the
    splitter took for further articles are mostly sections of it (a subheading
    looks like a headline) and go back into the body, headings included. Only a
    further article with its own headline, byline and date stands apart
    (:func:`_strong_header`); sections after it are its own. When the splitter
    took an opening paragraph for the headline while the page's own headline is
    another, that paragraph (and a kicker above it) is body too.
    """
    primary = articles[0]
    parts: list[str] = []
    if (
        primary.title
        and page.title
        and _key(primary.title) != _key(page.title)
        and primary.title in page.text
    ):
        if primary.subtitle and primary.subtitle in page.text:
            parts.append(primary.subtitle)
            primary.subtitle = None
        parts.append(primary.title)
        primary.title = None
    parts.append(primary.text)
    kept = [primary]
    bodies = [parts]
    for related in articles[1:]:
        if _strong_header(related):
            kept.append(related)
            bodies.append([related.text])
            continue
        bodies[-1].extend(p for p in (related.title, related.subtitle, related.text) if p)
        kept[-1].removed.extend(related.removed)
    for article, body in zip(kept, bodies, strict=True):
        article.text = "\n\n".join(p.strip() for p in body if p and p.strip())
    return _numbered(kept)


def _parse(html: str) -> Any:
    """The lxml tree of a page, or None when lxml cannot read it."""
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None


def _primary_of(parts: list[PagePart], page: HtmlPage | None, hints: dict[str, Any]) -> int | None:
    """Which part is the page's own article: its title is the page's, else it holds the <h1>."""
    for title in (hints.get("title"), page.title if page else None):
        if isinstance(title, str) and _key(title):
            for i, part in enumerate(parts):
                if _key(part.title) == _key(title):
                    return i
    with_h1 = [i for i, part in enumerate(parts) if part.node is not None and part.node.xpath(".//h1")]
    return with_h1[0] if len(with_h1) == 1 else None


def _related(part: PagePart, publisher: str | None) -> Article:
    return Article(
        index=0,
        role="related",
        title=part.title,
        text=part.text,
        authors=list(part.authors),
        publisher=publisher,
        published=part.published,
    )


def _text_articles(
    page: HtmlPage, hints: dict[str, Any] | None, stats: BoilerplateStats | None
) -> list[Article]:
    """The articles of trafilatura's main text (see :func:`_rejoin`), page metadata on the first."""
    merged: dict[str, Any] = dict(page.hints())
    # What the container says (a CSV title column, the fetched URL) wins over the page.
    merged.update({k: v for k, v in (hints or {}).items() if v is not None and v != ""})
    merged["format"] = "html"
    site = merged.get("site") or page.hostname
    articles = [a for a in split_text(page.text, hints=merged, stats=stats, site=site) if a.text.strip()]
    if not articles:
        return []
    found = _rejoin(articles, page)
    primary = found[0]
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
    return found


def _without_parts(text: str, parts: list[PagePart]) -> str:
    """``text`` without the paragraphs that belong to ``parts`` (their headings included)."""
    keys = {_key(line) for part in parts for line in [part.title, *part.text.split("\n")] if _key(line)}
    kept = [line for line in text.split("\n") if not (_key(line) and _key(line) in keys)]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _numbered(articles: list[Article]) -> list[Article]:
    for i, a in enumerate(articles):
        a.index, a.role = i, "primary" if i == 0 else "related"
    return articles


def _several_from_elements(
    html: str,
    tree: Any,
    parts: list[PagePart],
    *,
    url: str | None,
    stats: BoilerplateStats | None,
    hints: dict[str, Any] | None,
) -> list[Article]:
    """A page whose <article> elements are articles of their own: the page's own one first."""
    import lxml.html

    page = extract_html(html, url=url)
    main = _primary_of(parts, page, hints or {})
    others = [p for i, p in enumerate(parts) if i != main]
    for part in others:
        part.node.drop_tree()
    # The main article keeps trafilatura's extraction, run on the page without the others.
    pruned = extract_html(lxml.html.tostring(tree, encoding="unicode"), url=url)
    found: list[Article] = []
    if pruned is not None:
        if page is not None:  # the page's title and site name stay the page's
            pruned.title = page.title or pruned.title
            pruned.publisher = page.publisher or pruned.publisher
        if main is not None:  # the main article's own byline and date come before guesses
            pruned.published = parts[main].published or pruned.published
            pruned.authors = pruned.authors or list(parts[main].authors)
        pruned.text = _without_parts(pruned.text, others)
        found = _text_articles(pruned, hints, stats) if _LETTERS.search(pruned.text) else []
    publisher = page.publisher if page is not None else None
    if main is None and found and len(found[0].text.split()) < MIN_PART_WORDS:
        found = []  # around the articles only page furniture: no main article outside them
    if not found:
        first = main if main is not None else 0
        return _numbered(
            [
                _related(parts[first], publisher),
                *(_related(p, publisher) for i, p in enumerate(parts) if i != first),
            ]
        )
    primary = found[0]
    if main is not None:
        part = parts[main]
        primary.title = primary.title or part.title
        primary.authors = primary.authors or list(part.authors)
        primary.published = primary.published or part.published
    return _numbered([*found, *(_related(p, primary.publisher) for p in others)])


def articles_from_html(
    html: str,
    *,
    url: str | None = None,
    stats: BoilerplateStats | None = None,
    hints: dict[str, Any] | None = None,
) -> list[Article]:
    """The articles of an HTML page, primary first; [] when the page has no article text.

    A page is one article (trafilatura's main content) unless its markup shows
    several: two or more outermost ``<article>`` elements that each have their
    own heading, a byline or date, and paragraphs of body
    (:func:`parts_from_elements`), or two or more schema.org news items with
    their own headline and ``articleBody`` in its JSON-LD (:func:`parts_from_jsonld`).
    Then the page's own article (its title is the page's, or it holds the
    ``<h1>``) comes first and the others follow as related articles.
    """
    # Several outermost <article> elements need two <article tags at least (parsing is skipped else).
    tree = _parse(html) if html and html.lower().count("<article") >= 2 else None
    if tree is not None:
        parts = parts_from_elements(tree)
        if len(parts) >= 2:
            return _several_from_elements(html, tree, parts, url=url, stats=stats, hints=hints)
    page = extract_html(html, url=url)
    if page is None:
        return []
    ld_parts = parts_from_jsonld(html) if "articlebody" in html.lower() else []
    main = _primary_of(ld_parts, page, hints or {}) if len(ld_parts) >= 2 else None
    others = [p for i, p in enumerate(ld_parts) if i != main] if main is not None else []
    if others:
        page.text = _without_parts(page.text, others) or page.text
    found = _text_articles(page, hints, stats)
    if not found:
        return []
    return _numbered([*found, *(_related(p, found[0].publisher) for p in others)])
