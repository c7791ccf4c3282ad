"""Agreements found in text: announcements, extensions and collapses, as ready-to-edit TOML.

The articles come from the query layer (a full-text search for the kinds of agreement);
their sentences naming a truce are parsed with spaCy, and the verb that governs the truce
word decides what the sentence reports: a truce that is the object of "agree", "announce",
"declare", "sign" ... is announced; the object of "extend", "renew", "prolong" is extended; the
subject of "collapse", "end", "expire", "break down" (or the object of "end", "break") has
ended. A negated verb reports nothing. The parties, date and place come from the events the
coder found in the same sentence (its AGREE or CONCEDE event), else from the article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# The nouns of each kind of agreement (lemmas; multi-word ones by their head noun and a
# modifier), and the verbs that announce, extend or end one.
KIND_OF = {
    "ceasefire": "ceasefire",
    "cease-fire": "ceasefire",
    "truce": "truce",
    "armistice": "ceasefire",
    "pause": "humanitarian_pause",
    "cessation": "cessation_of_hostilities",
    "de-escalation": "de_escalation_zone",
}
SEARCH = (
    'truce OR ceasefire OR "cease-fire" OR armistice OR "humanitarian pause" OR "cessation of hostilities"'
)
ANNOUNCE = {
    "agree",
    "announce",
    "declare",
    "reach",
    "sign",
    "broker",
    "accept",
    "conclude",
    "establish",
    "seal",
}
EXTEND = {"extend", "renew", "prolong"}
END_SUBJECT = {"collapse", "end", "expire", "fail", "lapse", "crumble", "unravel", "break", "falter"}
END_OBJECT = {"end", "break", "scrap", "abandon", "terminate"}
UNITS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30}
ACTION_TYPES = ("AGREE", "CONCEDE", "RETREAT")


@dataclass
class Finding:
    action: str  # announced / extended / ended
    kind: str
    sentence: str
    date: dt.date | None
    days: float | None  # the duration stated ("a 48-hour truce": 2)
    actors: list[str]
    country: str | None
    place: str | None
    source: str  # URL, else outlet + title
    article_id: str
    published: str | None
    event_ids: list[int] = field(default_factory=list)


def _truce_words(sent: Any) -> Iterable[Any]:
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ in ("NOUN", "PROPN") and lemma in KIND_OF:
            if lemma == "pause" and not any(c.lower_ == "humanitarian" for c in t.children):
                continue
            if lemma == "cessation" and "hostilities" not in t.sent.text.lower():
                continue
            yield t


def _action(noun: Any) -> tuple[str, Any] | None:
    """What the sentence says happened to the truce ``noun``, and the verb saying it."""
    head = noun.head
    while head.dep_ in ("conj", "appos") and head.head is not head:
        head = head.head
    if noun.dep_ in ("conj", "appos"):
        noun, head = head, head.head
    verb = head if head.pos_ in ("VERB", "AUX") else None
    if verb is None and noun.dep_ == "pobj" and head.head.pos_ == "VERB":
        verb = head.head  # "agreed on a truce"
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in verb.children):
        return None  # "called on both sides to agree a truce", "would declare": not done yet
    lemma = verb.lemma_.lower()
    particle = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    if noun.dep_ in ("nsubj",) and (lemma in END_SUBJECT or (lemma == "break" and "down" in particle)):
        return "ended", verb
    if noun.dep_ in ("dobj", "nsubjpass", "pobj", "attr"):
        if lemma in EXTEND:
            return "extended", verb
        if lemma in END_OBJECT and noun.dep_ != "pobj":
            return "ended", verb
        if lemma in ANNOUNCE:
            return "announced", verb
    return None


def _days(noun: Any, verb: Any) -> float | None:
    """The duration stated: 'a 48-hour truce', 'a three-day ceasefire', 'extended by a week'."""
    from ..casualties.numbers import word_value  # the project's reader of number words

    toks = [t for t in noun.subtree if t.i <= noun.i]
    toks += [t for c in verb.children if c.dep_ == "prep" and c.lower_ in ("by", "for") for t in c.subtree]
    for t in toks:
        unit = t.lemma_.lower()
        if unit not in UNITS or t.i == 0:
            continue
        prev = t.nbor(-1)
        if prev.text == "-" and prev.i > 0:
            prev = prev.nbor(-1)
        n = 1 if prev.lower_ in ("a", "an", "one") else word_value(prev)
        if n:
            return n * UNITS[unit]
    return None


def find(store: Any, nlp: Any, limit: int = 500) -> list[Finding]:
    """Announcements, extensions and ends of truces in the store's articles (at most ``limit``)."""
    from ..query import EventQuery

    articles: dict[str, list[Any]] = {}
    for e in store.iter_events(query=EventQuery(text=SEARCH)):
        articles.setdefault(e.article_id, []).append(e)
        if len(articles) > limit:
            break
    out: list[Finding] = []
    for article_id, events in articles.items():
        rec = store.get_article(article_id)
        if rec is None:
            continue
        text = rec.article.text
        for sent in nlp(text).sents:
            if not any(w in sent.text.lower() for w in KIND_OF):
                continue
            for noun in _truce_words(sent):
                found = _action(noun)
                if found is None:
                    continue
                action, verb = found
                out.append(_finding(action, noun, verb, sent, events, rec, article_id))
                break
    return out


def _finding(
    action: str, noun: Any, verb: Any, sent: Any, events: list[Any], rec: Any, article_id: str
) -> Finding:
    start, end = sent.start_char, sent.end_char
    here = [e for e in events if start <= e.start < end]
    acts = [e for e in here if e.type in ACTION_TYPES] or here
    actors: list[str] = []
    for e in acts:
        for i in (e.source_actor_id, e.target_actor_id):
            if i and i not in actors and _known(i):
                actors.append(i)
    e0 = acts[0] if acts else None
    published = _date(rec.article.published)
    narrow = e0 is not None and e0.date_start and e0.date_start == e0.date_end
    when = _verb_date(verb, published) or (_date(e0.date_start) if narrow else None) or published
    country = next((e.country for e in acts if e.country), None) or next(
        (e.country for e in events if e.country), None
    )
    place = next((e.location_name for e in acts if e.location_name), None)
    meta = events[0]
    return Finding(
        action=action,
        kind=KIND_OF[noun.lemma_.lower()],
        sentence=" ".join(sent.text.split()),
        date=when,
        days=_days(noun, verb),
        actors=actors,
        country=country,
        place=place,
        source=meta.url or f"{meta.publisher or meta.doc_source}: {meta.title or article_id}",
        article_id=article_id,
        published=rec.article.published,
        event_ids=[e.id for e in acts],
    )


def _verb_date(verb: Any, published: dt.date | None) -> dt.date | None:
    """The day a date expression under the verb names ("collapsed on May 12"; "in 1998": its
    first day), by the project's date resolver anchored on the publication date; else None."""
    from ..dates.resolve import resolve_expression

    own = {t.i for c in verb.children if c.dep_ in ("prep", "npadvmod", "advmod") for t in c.subtree}
    for ent in verb.doc.ents:
        if ent.label_ == "DATE" and ent.start in own:
            r = resolve_expression(ent.text, published)
            if r.value:  # a month or a year: its first day, for a person to refine
                return dt.date.fromisoformat((r.value + "-01-01")[:10] if len(r.value) < 10 else r.value)
    return None


def _known(actor_id: str) -> bool:
    from ..actors.dictionary import get_dictionary

    return get_dictionary().get(actor_id) is not None


def _date(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s[:10]) if s and len(s) >= 10 else None
    except ValueError:
        return None


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:40] or "truce"


def _covering(f: Finding, agreements: dict[str, Any]) -> Any:
    """A known agreement in force on the finding's date in its country (the one it amends)."""
    for a in sorted(agreements.values(), key=lambda a: a.start, reverse=True):
        last = a.last_day
        if f.date and a.start <= f.date and (last is None or f.date <= last + dt.timedelta(days=31)):
            if f.country and (not a.area.countries or f.country in a.area.countries):
                return a
    return None


def render(findings: list[Finding], agreements: dict[str, Any]) -> str:
    """The findings as TOML: one candidate file per announcement (its extensions and end from
    the same article below it), then amendments to known agreements; every line to be checked
    by a person before use (`ceasefire agreements validate`)."""
    from ..actors.dictionary import get_dictionary

    names = get_dictionary()
    out: list[str] = []
    announced = [f for f in findings if f.action == "announced"]
    rest = [f for f in findings if f.action != "announced"]
    taken: set[int] = set()
    for f in announced:
        when = f.date or dt.date.today()
        where = f.place or (names.get(f.country).name if f.country and names.get(f.country) else "somewhere")
        ident = f"suggested-{_slug(where)}-{when.isoformat()}"
        known = [
            a.id
            for a in agreements.values()
            if f.country in a.area.countries and abs((a.announced or a.start) - when).days <= 14
        ]
        out += [
            f"# ---- {ident}.toml: {f.kind.replace('_', ' ')} announced, from {f.source}",
            f"# “{f.sentence}”",
            *([f"# perhaps already known as {', '.join(known)}"] if known else []),
            f"id = {_toml_str(ident)}",
            f"name = {_toml_str(f'{f.kind.replace(chr(95), chr(32)).capitalize()} in {where} ({when:%B %Y})')}",
            f"kind = {_toml_str(f.kind)}",
            f"announced = {when.isoformat()}",
            f"start = {when.isoformat()}",
        ]
        if f.days:
            end = when + dt.timedelta(days=max(int(round(f.days)) - 1, 0))
            out.append(f"end = {end.isoformat()}  # {f.days:g} days from the start, as stated")
        else:
            out.append('end = "open"')
        same = [r for r in rest if r.article_id == f.article_id and id(r) not in taken]
        taken |= {id(r) for r in same}
        ends = [r for r in same if r.action == "ended"]
        for r in ends[:1]:
            out += _amendment(r, "", f.date)
        out.append(f"sources = [{_toml_str(f.source)}]")
        for r in same:
            if r.action == "extended":
                out += _amendment(r, "", f.date)
        for i, actor in enumerate(f.actors or ["SIDE_ACTOR_ID"]):
            label = names.get(actor).name if names.get(actor) else f"side {i + 1}"
            out += ["", "[[sides]]", f"name = {_toml_str(label)}", f"actors = [{_toml_str(actor)}]"]
        out += ["", "[area]", f"countries = [{_toml_str(f.country)}]" if f.country else "countries = []"]
        if f.place:
            out.append(f"places = [{_toml_str(f.place)}]")
        out.append("")
    for r in rest:
        if id(r) in taken:
            continue
        a = _covering(r, agreements)
        target = f"to {a.id} ({a.path})" if a else "to no known agreement (none in force there and then)"
        out += [
            f"# ---- amendment {target}: {r.kind.replace('_', ' ')} {r.action}, from {r.source}",
            f"# “{r.sentence}”",
        ]
        out += _amendment(r, "# ", a.start if a else None)
        out.append("")
    return "\n".join(out)


def _amendment(r: Finding, prefix: str, start: dt.date | None) -> list[str]:
    when = r.date.isoformat() if r.date else "YYYY-MM-DD"
    check = (
        [
            f"{prefix}# check the date: {when} is before the start {start} (the sentence's own date was not resolved)"
        ]
        if r.date and start and r.date < start
        else []
    )
    if r.action == "extended":
        new_end = (
            (r.date + dt.timedelta(days=int(round(r.days)))).isoformat() if r.date and r.days else '"open"'
        )
        return [
            "",
            *check,
            f"{prefix}[[extensions]]",
            f"{prefix}date = {when}",
            f"{prefix}new_end = {new_end}",
            f"{prefix}source = {_toml_str(r.source)}",
        ]
    return [*check, f"{prefix}end_reason = {_toml_str(f'ended {when}: {r.sentence[:160]}')}"]
