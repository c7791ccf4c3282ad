"""The coder's settings (one frozen dataclass, passed down; never module state)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CoderSettings:
    """Knobs of the coder. ``split_coordinated``: one event per coordinated actor
    ("Russia and Syria bombed X" -> two events) instead of the first conjunct only.
    ``inherit_dates``: an undated sentence takes the running date context (month precision).
    ``skip_repeated_mentions``: "the raid", "this attack" with no actors of its own, after the
    article already coded that kind of event, refers back to it and is not coded again.
    ``max_events_per_trigger``: cap on the events one trigger yields when splitting coordination.
    ``drop_generic``: a hypothetical act with no actor at all in its syntax (neither doer nor
    sufferer, not even a pronoun) is a general remark and is not coded (dev gold: 7 of 9 such events
    were not gold events; events_type F1 0.723 -> 0.725).
    ``drop_bare_nouns``: a nominal trigger with no actor in its syntax that is neither the subject
    of its clause nor made particular by a determiner ("the", "this"), a possessor, a number, a
    date or a place ("an upsurge in violence", "calls for peace talks") names no specific act and
    is not coded (see ``_bare_noun``; measured in docs/EVENTS.md).
    The defaults were chosen on the dev gold (splitting coordination and inheriting dates
    both lowered events_type F1 there: 0.708 vs 0.719 and no gain in events_full)."""

    split_coordinated: bool = False
    inherit_dates: bool = False
    decider: str | None = (
        None  # "hybrid", "trained", "rules" or "naive"; None: $CEASEFIRE_CODER, else the default
    )
    skip_repeated_mentions: bool = True
    max_events_per_trigger: int = 4
    drop_generic: bool = True
    drop_bare_nouns: bool = True
    disabled: frozenset[str] = frozenset()
    # an unresolved "they"/"he"/"the group" chosen as a role names the nearest earlier fitting actor
    # ($CEASEFIRE_CONTEXT_ROLES=0 switches it off, for measuring it)
    context_roles: bool = True  # proposer groups switched off (ablation): "lexicon", "open", ...


DEFAULT_SETTINGS = CoderSettings()
