"""Clean and split: boilerplate removal, line re-joining, article splitting, metadata.

Public surface: :func:`articles_from_document`, :class:`BoilerplateStats`.

- ``text.py``: :func:`split_text` turns a plain-text page into articles.
- ``html.py``: :func:`articles_from_html` extracts main content and metadata
  from an HTML page (trafilatura), then splits it with :func:`split_text`.
- ``boilerplate.py``: :class:`BoilerplateStats`, line frequencies across the
  documents of one run and site (a line that recurs on many pages is boilerplate).
"""

from __future__ import annotations

from ..models import Article, Document
from .boilerplate import BoilerplateStats
from .html import articles_from_html
from .text import split_text

__all__ = ["BoilerplateStats", "articles_from_document", "split_text", "articles_from_html"]


def articles_from_document(doc: Document, stats: BoilerplateStats | None = None) -> list[Article]:
    """Split one document into its articles (primary first)."""
    if doc.media_type == "html":
        return articles_from_html(doc.text or "", url=doc.meta.get("url"), stats=stats, hints=doc.meta)
    return split_text(doc.text or "", hints=doc.meta, stats=stats, site=doc.meta.get("site"))
