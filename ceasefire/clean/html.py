"""HTML pages: main content and metadata (placeholder until the HTML reader lands)."""

from __future__ import annotations

from typing import Any

from ..models import Article
from .boilerplate import BoilerplateStats
from .text import split_text


def articles_from_html(html: str, *, url: str | None = None, stats: BoilerplateStats | None = None,
                       hints: dict[str, Any] | None = None) -> list[Article]:
    import trafilatura

    body = trafilatura.extract(html, url=url) or ""
    return split_text(body, hints=hints, stats=stats)
