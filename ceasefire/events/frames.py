"""Status (negation, modality, future, demand) and claimant (reporting frames) of a trigger.

Both are read off the dependency parse by walking from the trigger's predicate up
to the sentence root. The word lists are general English, not tied to any outlet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# Verbs that frame a report: their subject is the claimant of what their complement says.
REPORT_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "claim",
        "announce",
        "state",
        "add",
        "note",
        "confirm",
        "write",
        "explain",
        "stress",
        "emphasise",
        "emphasize",
        "reveal",
        "acknowledge",
        "admit",
        "argue",
        "insist",
        "suggest",
        "estimate",
        "quote",
        "declare",
        "assert",
        "maintain",
        "indicate",
        "mention",
        "point",
        "recall",
        "tweet",
        "post",
        "publish",
        "allege",
        "believe",
        "think",
        "consider",
        "contend",
        "show",
        "testify",
        "inform",
        "brief",
        "reiterate",
        "repeat",
        "conclude",
    }
)

# Verbs whose infinitive/clausal complement is what someone is asked to do.
REQUEST_VERBS = frozenset(
    {
        "ask",
        "urge",
        "demand",
        "request",
        "appeal",
        "implore",
        "beg",
        "plead",
        "press",
        "pressure",
        "pressurise",
        "pressurize",
        "persuade",
        "convince",
        "encourage",
        "order",
        "insist",
        "call",
        "push",
        "require",
        "invite",
        "tell",
        "instruct",
        "expect",
        "want",
        "force",
        "compel",
    }
)

# Verbs whose complement is the opposite of what happened ("failed to", "refused to").
NEGATING_VERBS = frozenset(
    {
        "fail",
        "refuse",
        "decline",
        "deny",
        "avoid",
        "stop",
        "cease",
        "neglect",
        "prevent",
        "dissuade",
        "desist",
        "abstain",
        "refrain",
        "reject",
        "halt",
        "forgo",
        "forego",
        "unwilling",
        "unable",
        "cancel",
        # nouns: "the cessation of hostilities", "their refusal of any coordination"
        "refusal",
        "rejection",
        "failure",
        "cessation",
        "end",
        "suspension",
        "absence",
        "lack",
    }
)

# Nouns whose complement is planned ("its decision to attack", "plans for an offensive").
FUTURE_NOUNS = frozenset(
    {
        "decision",
        "plan",
        "intention",
        "threat",
        "readiness",
        "preparation",
        "plot",
        "bid",
        "promise",
        "pledge",
        "vow",
        "determination",
        "order",
        "ultimatum",
        "deadline",
    }
)

# Verbs (and predicative adjectives) whose complement is announced, planned or expected.
FUTURE_VERBS = frozenset(
    {
        "plan",
        "prepare",
        "intend",
        "aim",
        "expect",
        "threaten",
        "vow",
        "promise",
        "pledge",
        "agree",
        "offer",
        "go",
        "about",
        "due",
        "poised",
        "ready",
        "seek",
        "schedule",
        "mean",
        "resolve",
        "swear",
        "willing",
        "prepared",
        "determine",
        "announce",
        "commit",
        "gear",
        "crank",
        "move",
        "look",
        "hope",
        "want",
        "propose",
    }
)
# Nouns whose infinitive names a mere possibility ("a place to visit", "the time to strike",
# "nothing to negotiate").
OPPORTUNITY_NOUNS = frozenset(
    {"place", "time", "way", "thing", "reason", "chance", "opportunity", "means", "room"}
    | {"nothing", "something", "anything", "moment"}
)
# Verbs that put off the act they take as object: it has not happened and is still expected.
POSTPONING_VERBS = frozenset({"postpone", "delay", "defer", "reschedule", "adjourn"})
# Predicative words that make "is X to do" future ("is set to", "is due to").
FUTURE_ADJECTIVES = FUTURE_VERBS | {"set", "likely"}
# Predicative words that make "it is X to do" a demand ("it is important to set aside demands").
DEMAND_ADJECTIVES = frozenset(
    {"important", "necessary", "essential", "vital", "imperative", "crucial", "urgent", "time"}
)

# Nouns whose infinitive is what someone is asked to do ("a deadline for X to leave").
DEMAND_NOUNS = frozenset(
    {"deadline", "ultimatum", "demand", "call", "request", "appeal", "order", "need", "pressure"}
)
# Nouns whose clause is what is (or is not) shown: "no evidence that X attacked".
EVIDENCE_NOUNS = frozenset({"evidence", "sign", "indication", "proof", "suggestion", "confirmation", "trace"})
# Nouns of trying: "an attempt to persuade" is framed like the clause that makes the attempt.
ATTEMPT_NOUNS = frozenset({"attempt", "effort", "bid", "move", "push"})

# Words of preparation or imminence: a hostile act they announce is also a threat.
IMMINENT_WORDS = frozenset({"prepare", "crank", "gear", "about", "poised", "ready", "mass", "brace"})

# Verbs whose complement is speculative.
HYPOTHETICAL_VERBS = frozenset(
    {
        "consider",
        "mull",
        "weigh",
        "contemplate",
        "risk",
        "fear",
        "suspect",
        "doubt",
        "likely",
        "unlikely",
        "possible",
        "able",
    }
)

# Verbs that let their complement go on as it is ("began to bomb", "continued to shell").
TRANSPARENT_VERBS = frozenset(
    {
        "begin",
        "start",
        "continue",
        "keep",
        "resume",
        "manage",
        "help",
        "seem",
        "appear",
        "use",
        "be",
        "have",
        "get",
        "come",
        "need",
        "launch",
        "step",
        "intensify",
        # an attempt or decision at an act is coded as the act ("tried to capture", "decided to halt")
        "try",
        "attempt",
        "decide",
    }
)

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"might", "could", "may", "would", "can", "ca", "'d"})
DEMAND_AUX = frozenset({"should", "must", "ought"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})


@dataclass(frozen=True)
class Frame:
    """How a trigger is framed: its status and the reporting verb (if any) above it."""

    status: str
    report_verb: Token | None = None
    according_to: Token | None = None
    imminent: bool = False  # future by preparation or imminence ("preparing to", "about to")


def governing_predicate(token: Token) -> Token:
    """The verb a nominal trigger depends on (itself for a verb); the root when there is none."""
    t = token
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        t = t.head
    return t


def _own_status(verb: Token) -> str | None:
    """The status a predicate's own auxiliaries, negation and marks give it."""
    for c in verb.children:
        w = c.lower_
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and w in ("never",)):
            return "negated"
    for c in verb.children:
        w = c.lower_
        if c.dep_ in ("aux", "auxpass"):
            if w in FUTURE_AUX:
                return "future"
            if w in HYPOTHETICAL_AUX:
                return "hypothetical"
            if w in DEMAND_AUX:
                return "demanded"
        if c.dep_ == "mark" and w in CONDITION_MARKS:
            return "hypothetical"
    # "is about to", "is set to", "is likely to", "is unwilling to"
    for c in verb.children:
        if c.dep_ == "acomp" and any(x.dep_ == "xcomp" for x in c.children):
            lem = c.lemma_.lower()
            if lem in NEGATING_VERBS:
                return "negated"
            if lem in FUTURE_ADJECTIVES:
                return "future"
            if lem in DEMAND_ADJECTIVES:
                return "demanded"
            if lem in HYPOTHETICAL_VERBS:
                return "hypothetical"
    # "it is important to release", "is going to", "was to be scaled down"
    if (
        verb.dep_ == "xcomp"
        and verb.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        if any(c.dep_ == "acomp" and c.lemma_.lower() in DEMAND_ADJECTIVES for c in verb.head.children):
            return "demanded"
        return "future"
    return None


def frame_of(trigger: Token) -> Frame:
    """Status and reporting frame of a trigger token."""
    status: str | None = None
    if trigger.pos_ not in ("VERB", "AUX"):
        for c in trigger.children:
            if c.lower_ in ("no",) and c.dep_ == "det":
                status = "negated"
        if status is None and any(c.dep_ in ("nsubj", "aux", "mark", "neg") for c in trigger.children):
            # a verb the tagger took for a noun ("If Russia attacks, ..."): its own clause frames it
            status = _own_status(trigger)
    t = governing_predicate(trigger) if trigger.pos_ not in ("VERB", "AUX") else trigger
    report: Token | None = None
    # nominal trigger under a predicate: the predicate's lemma can frame it ("plans an offensive")
    if t != trigger and status is None and trigger.dep_ == "pobj" and trigger.head.head.pos_ == "NOUN":
        # "cessation of hostilities", "plans for an offensive"
        lem = trigger.head.head.lemma_.lower()
        if lem in NEGATING_VERBS:
            status = "negated"
        elif lem in FUTURE_NOUNS:
            status = "future"
    if t != trigger and not _direct_argument(trigger, t):
        # a trigger buried in a noun phrase ("not a chorus of X but a call") does not take
        # the predicate's negation or modality
        return Frame(status or "asserted", _report_above(t, trigger), _according_to(trigger))
    if t != trigger and status is None:
        lem = t.lemma_.lower()
        by_prep = trigger.dep_ == "pobj" and trigger.head.lower_ in ("for", "on", "upon", "from")
        if lem in REQUEST_VERBS and lem != "order" and (trigger.dep_ == "dobj" or by_prep):
            # "demanded the withdrawal", "called for a ceasefire"; an ordered killing was carried out
            status = "demanded"
        elif lem in NEGATING_VERBS and (trigger.dep_ in ("dobj", "nsubjpass") or by_prep):
            # "cancelled the talks", "the summit was cancelled"
            status = "asserted" if _negated_itself(t) else "negated"
        elif lem in FUTURE_VERBS and trigger.dep_ in ("dobj",):
            status = "future"
        elif lem in POSTPONING_VERBS and trigger.dep_ in ("dobj", "nsubjpass"):
            status = "future"  # "postponed their meeting", "the talks were delayed": not yet held
    for _ in range(12):
        if status is None:
            status = _own_status(t)
        if t.dep_ == "ROOT" or t.head == t:
            break
        head = t.head
        hl = head.lemma_.lower()
        if t.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "conj", "advcl", "acomp", "dobj"):
            if (
                hl in REPORT_VERBS
                and report is None
                and (t.dep_ == "ccomp" or (t.dep_ == "xcomp" and hl not in REQUEST_VERBS))
            ):
                report = head
                break
            if t.dep_ == "conj":
                t = head
                continue
            if status is None:
                if (
                    hl in REQUEST_VERBS
                    and t.dep_ == "xcomp"
                    and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in head.children)
                    and hl in FUTURE_VERBS
                ):
                    status = "future"  # "Russia wants to retake the city" (no one else is asked)
                elif hl == "expect" and t.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in head.children):
                    status = "future"  # "the army is expected to attack"
                elif hl in REQUEST_VERBS and t.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep"):
                    status = "demanded"
                elif hl in NEGATING_VERBS and t.dep_ in ("xcomp", "pcomp", "prep", "pobj", "ccomp"):
                    # "failed to prevent the offensive": two negations make it happen
                    status = "asserted" if _negated_itself(head) else "negated"
                elif hl in DEMAND_ADJECTIVES and t.dep_ == "xcomp":
                    status = "demanded"
                elif hl in FUTURE_VERBS and (
                    t.dep_ in ("xcomp", "acomp", "ccomp")
                    or (t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))
                ):
                    # "plans to strike"; "is cranking up to resume bombing" (purpose parsed as advcl)
                    status = "future"
                elif hl in HYPOTHETICAL_VERBS and t.dep_ in ("xcomp", "acomp", "ccomp"):
                    status = "hypothetical"
            own_clause = t.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            if t.dep_ in ("xcomp", "pcomp", "pobj", "prep", "acomp") or (
                # "X is about to restore ties, years after crowds burned its embassy": a finite
                # adverbial clause with its own subject keeps its own status
                hl in TRANSPARENT_VERBS and t.dep_ != "ccomp" and not own_clause
            ):
                t = head
                continue
            if (
                t.dep_ == "advcl"
                and status is None
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
            ):
                # a participle or infinitive shares its clause's status ("..., killing 20");
                # a finite "as/after/when" clause has its own
                t = head
                continue
        if t.dep_ == "acl" and status is None and hl in EVIDENCE_NOUNS:
            # "there is no evidence that Russia bombed the hospital"
            if any(c.lower_ in ("no", "little") for c in head.subtree if c.i < head.i):
                status = "negated"
            break
        if (
            t.dep_ == "acl"
            and status is None
            and hl in ATTEMPT_NOUNS
            and head.dep_ in ("dobj", "nsubj", "nsubjpass")
            and head.head.pos_ in ("VERB", "AUX")
        ):
            t = head.head  # "made an attempt to persuade": the attempt's clause frames the act
            continue
        if (
            (t.dep_ == "acl" or (t.dep_ == "relcl" and hl in OPPORTUNITY_NOUNS))
            # the parser calls "a place to visit" a relative clause; "the first official to
            # resign", "the opposition to leave" are not mere possibilities
            and status is None
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        ):
            # "its decision to attack" is planned; "a deadline for the opposition to leave" asked
            # for; "time to withdraw", "a bid to revive" only possible
            owner = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "for" else head
            if owner.lemma_.lower() in DEMAND_NOUNS:
                status = "demanded"
            else:
                status = "future" if hl in FUTURE_NOUNS else "hypothetical"
        break
    if report is None:
        report = _parenthetical_report(t, trigger)
    status = status or "asserted"
    return Frame(status, report, _according_to(trigger), status == "future" and _imminent(trigger, report))


def _imminent(trigger: Token, stop: Token | None) -> bool:
    """Whether a verb of preparation or imminence governs the trigger ("preparing to bomb",
    "bombing is about to resume", "cranking up to resume")."""
    for t in (trigger, *trigger.ancestors):
        if stop is not None and t == stop:
            return False
        if t.lemma_.lower() in IMMINENT_WORDS or any(
            c.dep_ == "acomp" and c.lemma_.lower() in IMMINENT_WORDS for c in t.children
        ):
            return True
    return False


def _negated_itself(verb: Token) -> bool:
    """Whether a governing verb is itself negated: "not", or the complement of "failed to"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NEGATING_VERBS


def _direct_argument(noun: Token, pred: Token) -> bool:
    """Whether a nominal trigger is an argument of ``pred``: its subject or object, or the
    object of a preposition attached to it ("launched attacks", "talks were held", "called for a truce")."""
    if noun.head == pred:
        return noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "npadvmod", "dative")
    p = noun.head
    if noun.dep_ == "pobj" and p.dep_ in ("prep", "agent", "dative") and p.head == pred:
        return True
    # "was not a chorus of denunciation", "launched a wave of strikes": through "of" to an argument
    return (
        noun.dep_ == "pobj"
        and p.lower_ == "of"
        and p.head.pos_ == "NOUN"
        and p.head.dep_ != "conj"
        and _direct_argument(p.head, pred)
    )


def _report_above(t: Token, trigger: Token) -> Token | None:
    """The reporting verb governing ``t`` through complement clauses, if any."""
    for _ in range(12):
        if t.dep_ == "ROOT" or t.head == t:
            break
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORT_VERBS:
            return t.head
        t = t.head
    return _parenthetical_report(t, trigger)


def _parenthetical_report(pred: Token, trigger: Token) -> Token | None:
    """'X attacked Y, the ministry said': a reporting verb hanging off the clause or root."""
    root = pred
    for _ in range(12):
        if root.dep_ == "ROOT" or root.head == root:
            break
        root = root.head
    for cand in (pred, root):
        for c in cand.children:
            if (
                c.dep_ in ("parataxis", "advcl", "conj", "ccomp")
                and c.lemma_.lower() in REPORT_VERBS
                and c != trigger
                and not (c.left_edge.i <= trigger.i <= c.right_edge.i)
            ):
                return c
    if root.lemma_.lower() in REPORT_VERBS and root != trigger and root.i > trigger.i:
        return root
    return None


def _according_to(trigger: Token) -> Token | None:
    """The object of 'according to X' in the trigger's sentence."""
    sent = trigger.sent
    for t in sent:
        if t.lower_ == "according":
            for p in t.children:
                if p.lower_ == "to":
                    for o in p.children:
                        if o.dep_ == "pobj":
                            return o
            nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
            if nxt is not None and nxt.lower_ == "to":
                for o in nxt.children:
                    if o.dep_ == "pobj":
                        return o
    return None


def report_subject(report: Token) -> Token | None:
    """Who reports: the subject of the reporting verb, or the agent of a passive one."""
    for c in report.children:
        if c.dep_ in ("nsubj",):
            return c
    for c in report.children:
        if c.dep_ == "agent":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    for c in report.children:
        if c.dep_ == "nsubjpass" and report.lemma_.lower() in ("quote", "cite"):
            return c  # "X was quoted as saying"
    if report.dep_ == "conj":
        return report_subject(report.head)
    if report.dep_ == "pcomp" and report.head.dep_ == "prep" and report.head.head != report:
        return report_subject(report.head.head)  # "X was quoted as saying"
    return None
