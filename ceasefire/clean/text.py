"""Plain-text cleaner and splitter (placeholder until the cleaner lands)."""

from __future__ import annotations

from typing import Any

from ..models import Article
from .boilerplate import BoilerplateStats


def split_text(text: str, *, hints: dict[str, Any] | None = None,
               stats: BoilerplateStats | None = None, site: str | None = None) -> list[Article]:
    hints = hints or {}
    return [Article(index=0, role="primary", title=hints.get("title"), text=text.strip(),
                    published=hints.get("published"))]
