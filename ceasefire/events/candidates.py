"""What the rules propose and the model decides on.

Every rule of the coder is a proposer: it looks at a sentence and returns
:class:`Proposal` records (a trigger token, the rule's id, and the complete
event the rule would code). A proposal is never an event by itself: the
decider (:mod:`ceasefire.events.decide`) groups proposals by trigger into
:class:`Candidate` records and chooses the type (or no event) and the roles.
The rules-only decider (:func:`ceasefire.events.coder.rules_decide`) keeps
the behaviour the coder had before the model: every proposal, merged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from ..models import Event


@dataclass
class Proposal:
    rule: str  # the proposer's id, e.g. "lexicon.verb", "speech.reported_demand"
    token: Token  # the trigger
    event: Event | None  # the event the rule would code (None: the proposer has no opinion on it)
    repeated: bool = False  # a mention of an act the article already coded ("the raid")

    @property
    def type(self) -> str | None:
        return self.event.type if self.event is not None else None


@dataclass
class Candidate:
    token: Token
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def rule_types(self) -> list[tuple[str, str | None]]:
        return [(p.rule, p.type) for p in self.proposals]


def group(props: list[Proposal]) -> list[Candidate]:
    """Proposals by trigger token, in token order."""
    by_tok: dict[int, Candidate] = {}
    for p in props:
        by_tok.setdefault(p.token.i, Candidate(p.token)).proposals.append(p)
    return [by_tok[i] for i in sorted(by_tok)]


# The registered proposers, run on every token in this order. Each takes (token, sentence state) and
# returns proposals; ``group`` ids ("lexicon", "speech", ...) are what an ablation switches off.
ProposerFn = Callable[[Any, Any], list[Proposal]]
PROPOSERS: list[tuple[int, str, ProposerFn]] = []


def proposer(group: str, order: int) -> Callable[[ProposerFn], ProposerFn]:
    """Register a token-level proposer under a group id (see ``PROPOSERS``)."""

    def register(fn: ProposerFn) -> ProposerFn:
        PROPOSERS.append((order, group, fn))
        PROPOSERS.sort(key=lambda x: x[0])
        return fn

    return register


@dataclass
class SentenceState:
    """What the proposers of one sentence share: the article's state, the sentence, its proposals so far."""

    article: ArticleState
    sent: Any  # spacy Span
    props: list[Proposal] = field(default_factory=list)
    earlier: list[tuple[Any, Any]] = field(
        default_factory=list
    )  # (event, token) coded before, for inheritance

    @property
    def ctx(self) -> Any:
        return self.article.ctx


@dataclass
class ArticleState:
    ctx: Any  # ArticleContext
    settings: Any  # CoderSettings
    lex: Any  # Lexicon
    seen: set[tuple[str, str]] = field(default_factory=set)  # (type, trigger lemma) already coded

    def sentence(self, sent: Any) -> SentenceState:
        return SentenceState(self, sent)
