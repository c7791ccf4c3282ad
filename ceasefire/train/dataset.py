"""Training examples for the coder, read through the production pipeline.

The corpus documents are cleaned exactly as ``ceasefire extract`` cleans them
(:func:`ceasefire.pipeline.process` with NLP off), parsed once, and run
through every stage before event coding; the proposers then give the
candidates and mentions the decider would see at run time. Gold events are
aligned to candidates by their trigger span, and gold roles to mentions by
span or actor id:

- a **type example** per candidate in a coded sentence: its features and the
  gold type (``NONE`` when no gold event has its trigger there);
- a **role example** per (aligned candidate, mention): ``source``, ``target``
  or ``none``.

ConfliBERT role sentences (``../shared/external/conflibert``) give role
examples too: their S/T/R spans label the mentions of the sentence's main
candidate (the rule-proposed trigger closest to the root).
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus import sources
from ..corpus.gold import GoldEvent, GoldSentence, Span
from ..corpus.score import locate, write_inputs
from ..events.candidates import Candidate
from ..events.coder import propose
from ..events.decide import NONE, candidates_of
from ..events.features import Mention, chunks_by_sentence, pair_features, sentence_mentions, trigger_features
from ..events.lexicon import load_lexicon

Features = dict[str, float]


@dataclass
class Examples:
    type_x: list[Features] = field(default_factory=list)
    type_y: list[str] = field(default_factory=list)
    type_group: list[str] = field(default_factory=list)  # the unit (sentence) each example comes from
    role_x: list[Features] = field(default_factory=list)
    role_y: list[str] = field(default_factory=list)
    role_group: list[str] = field(default_factory=list)
    stats: Counter = field(default_factory=Counter)

    def extend(self, other: Examples) -> None:
        for name in ("type_x", "type_y", "type_group", "role_x", "role_y", "role_group"):
            getattr(self, name).extend(getattr(other, name))
        self.stats.update(other.stats)


@dataclass
class Parsed:
    """One article after every stage before event coding, with the proposers' candidates."""

    record: object  # ExtractRecord
    sentences: list[tuple[object, list[Candidate], list[Mention]]]  # (Span, candidates, mentions)
    ctx: object = None  # ArticleContext


def parse_inputs(path: Path | list[Path], mode: str) -> Iterator[tuple[str, Parsed]]:
    """(source, parsed article) for every article ``ceasefire extract`` would find in ``path``
    (one file or several)."""
    from ..ingest import ReadOptions
    from ..nlp.runner import Annotator
    from ..pipeline import DocumentResult, ExtractOptions, process

    lex = load_lexicon()
    annot = Annotator(load_coder=False)  # training needs the proposals, not the trained decider
    opts = ExtractOptions(read=ReadOptions(text_field="text"), nlp=False)
    recs = [
        r
        for item in process([str(p) for p in (path if isinstance(path, list) else [path])], opts)
        if isinstance(item, DocumentResult)
        for r in item.records
    ]
    texts = [(r.article.text, r) for r in recs]
    for doc, rec in annot.nlp.pipe(texts, as_tuples=True, batch_size=annot.batch_size):
        ctx = annot.context(doc, rec)
        sents = []
        chunks = chunks_by_sentence(doc)
        for sent, props in zip(doc.sents, propose(doc, ctx, lexicon=lex), strict=True):
            cands = candidates_of(props, sent, lex, mode)
            extra = [a for p in props if p.event for a in (p.event.source, p.event.target) if a]
            mentions = sentence_mentions(
                sent, ctx.actors, extra if mode == "hybrid" else [], ctx.places, chunks.get(sent.start, [])
            )
            sents.append((sent, cands, mentions))
        yield rec.source, Parsed(rec, sents, ctx)


def _overlap(a: int, b: int, c: int, d: int) -> bool:
    return a < d and c < b


def _role_of(m: Mention, ge: GoldEvent, shift: int) -> str:
    def hit(span: Span | None) -> bool:
        if span is None:
            return False
        if span.start is not None and _overlap(m.span[0], m.span[1], span.start + shift, span.end + shift):
            return True
        return bool(span.id) and span.id == m.ref.id and span.start is None

    if hit(ge.source):
        return "source"
    if hit(ge.target):
        return "target"
    return "none"


def _align(cands: list[Candidate], gevs: list[GoldEvent], shift: int, stats: Counter) -> dict[int, GoldEvent]:
    """Candidate index -> the gold event whose trigger it is."""
    out: dict[int, GoldEvent] = {}
    for ge in gevs:
        a, b = ge.trigger[0] + shift, ge.trigger[1] + shift
        hits = [
            i
            for i, c in enumerate(cands)
            if i not in out and _overlap(c.token.idx, c.token.idx + len(c.token), a, b)
        ]
        if not hits:  # a trigger span that misses every candidate: a neighbour proposing that type
            hits = [
                i
                for i, c in enumerate(cands)
                if i not in out
                and any(p.type == ge.type for p in c.proposals)
                and min(abs(c.token.idx - a), abs(c.token.idx - b)) <= 12
            ]
        if hits:
            typed = [i for i in hits if any(p.type == ge.type for p in cands[i].proposals)]
            out[(typed or hits)[0]] = ge
            stats["gold_aligned"] += 1
        else:
            stats["gold_unaligned"] += 1
    return out


@dataclass
class Case:
    """One coded sentence as the decider sees it, with its gold events aligned to candidates."""

    unit: str
    outlet: str
    cands: list[Candidate]
    mentions: list[Mention]
    aligned: dict[int, GoldEvent]  # candidate index -> gold event
    gold: list[GoldEvent]  # the sentence's gold events, negated ones left out
    shift: int  # article offset = document offset + shift
    sent: object = None  # spacy Span
    ctx: object = None  # ArticleContext


def corpus_cases(
    split_sentences: list[GoldSentence], mode: str, stats: Counter, work: Path | None = None
) -> list[Case]:
    cases: list[Case] = []
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        inputs = Path(tmp) / "inputs.jsonl"
        docs = write_inputs(split_sentences, inputs)
        parsed: dict[tuple[str, str], list[Parsed]] = {}
        for source, art in parse_inputs(inputs, mode):
            row = int(source.rsplit("#row", 1)[1]) - 1
            parsed.setdefault(docs[row], []).append(art)
    for g in split_sentences:
        arts = parsed.get(g.doc, [])
        loc = locate(g, [a.record.to_json() for a in arts])  # type: ignore[attr-defined]
        stats["sentences"] += 1
        gevs = [e for e in g.events if e.status != "negated"]
        stats["gold_events"] += len(gevs)
        if loc is None:
            stats["sentences_not_found"] += 1
            continue
        art = next(a for a in arts if a.record.article.text == loc.record["article"]["text"])  # type: ignore[attr-defined]
        for sent, cands, mentions in art.sentences:
            if not _overlap(sent.start_char, sent.end_char, loc.start, loc.end):  # type: ignore[attr-defined]
                continue
            mine = [e for e in gevs if _in(e, sent, loc.shift)]
            cases.append(
                Case(
                    g.unit,
                    g.outlet,
                    cands,
                    mentions,
                    _align(cands, mine, loc.shift, stats),
                    mine,
                    loc.shift,
                    sent,
                    art.ctx,
                )
            )
    return cases


def type_examples(cases: list[Case], mode: str) -> Examples:
    ex = Examples()
    lex = load_lexicon()
    for case in cases:
        for i, c in enumerate(case.cands):
            ge = case.aligned.get(i)
            ex.type_x.append(trigger_features(c, lex, mode == "hybrid"))
            ex.type_y.append(ge.type if ge else NONE)
            ex.type_group.append(case.unit)
    return ex


def role_label(case: Case, m: Mention, ge: GoldEvent) -> str:
    return _role_of(m, ge, case.shift)


def role_examples(cases: list[Case], mode: str) -> Examples:
    ex = Examples()
    for case in cases:
        for i, ge in case.aligned.items():
            c = case.cands[i]
            for m in case.mentions:
                if m.head == c.token:
                    continue
                ex.role_x.append(pair_features(c, ge.type, m, case.mentions, mode == "hybrid"))
                ex.role_y.append(role_label(case, m, ge))
                ex.role_group.append(case.unit)
    return ex


def _in(ge: GoldEvent, sent: object, shift: int) -> bool:
    a = ge.trigger[0] + shift
    return sent.start_char <= a < sent.end_char  # type: ignore[attr-defined]


# ---------------------------------------------------------------- ConfliBERT roles


def _roles_module():
    path = sources.shared_root() / "eval" / "roles.py"
    if not path.exists():
        raise sources.SourceMissing(f"{path}: the ConfliBERT role reader is absent")
    spec = importlib.util.spec_from_file_location("shared_roles", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def conflibert_rows() -> list[dict]:
    """The role sentences exactly as ``../shared/eval/roles.py`` builds them (same text, same filter)."""
    roles = _roles_module()
    base = sources.external("conflibert")
    quad = {}
    key = lambda s: "".join(ch for ch in s.lower() if ch.isalnum())[:60]  # noqa: E731
    for line in open(base / "cameo_class_train.tsv", encoding="utf-8"):
        t, _, q = line.rstrip("\n").rpartition("\t")
        quad[key(t.replace(" ", ""))] = q
    rows = []
    for sent in roles.read(base / "cameo_ner_train.txt"):
        text, spans = roles.detok(sent)
        if not spans:
            continue
        q = quad.get(key("".join(t for t, _ in sent)))
        if q == "0":
            continue
        rows.append({"text": text, "roles": spans, "quad": q})
    return rows


def _offsets(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for p in phrases:
        i = text.find(p, pos)
        if i < 0:
            i = text.find(p)
        if i >= 0:
            out.append((i, i + len(p)))
            pos = i + len(p)
    return out


def main_candidate(cands: list[Candidate]) -> Candidate | None:
    ruled = [c for c in cands if any(p.type for p in c.proposals)] or cands
    if not ruled:
        return None
    return min(ruled, key=lambda c: (len(list(c.token.ancestors)), c.token.i))


def conflibert_examples(rows: list[dict], mode: str, work: Path | None = None) -> Examples:
    ex = Examples()
    rules = mode == "hybrid"
    with tempfile.TemporaryDirectory(dir=work) as tmp:
        inputs = Path(tmp) / "cb.jsonl"
        with open(inputs, "w", encoding="utf-8") as f:
            for i, r in enumerate(rows):
                f.write(json.dumps({"text": r["text"], "id": str(i)}) + "\n")
        for source, art in parse_inputs(inputs, mode):
            i = int(source.rsplit("#row", 1)[1]) - 1
            r = rows[i]
            text = art.record.article.text  # type: ignore[attr-defined]
            spans = {k: _offsets(text, v) for k, v in r["roles"].items()}
            both = spans.get("R", [])
            src = spans.get("S", []) + both[:1]
            tgt = spans.get("T", []) + both[1:]
            owner = {id(c): ms for _sent, cands, ms in art.sentences for c in cands}
            c = main_candidate([c for _sent, cands, _ms in art.sentences for c in cands])
            if c is not None:
                mentions = owner[id(c)]
                typ = next((p.type for p in c.proposals if p.type), "ASSAULT")
                for m in mentions:
                    if m.head == c.token:
                        continue
                    label = (
                        "source"
                        if any(_overlap(*m.span, a, b) for a, b in src)
                        else "target"
                        if any(_overlap(*m.span, a, b) for a, b in tgt)
                        else "none"
                    )
                    ex.role_x.append(pair_features(c, typ, m, mentions, rules))
                    ex.role_y.append(label)
                    ex.role_group.append(f"cb:{i}")
            ex.stats["cb_sentences"] += 1
    return ex


def rule_place(case: Case, i: int, typ: str):
    """The rules' place for candidate ``i`` of the case coded as ``typ``."""
    from ..events.location import event_place

    c = case.cands[i]
    ev = next((p.event for p in c.proposals if p.event is not None and p.event.type == typ), None)
    return ev.location if ev is not None else event_place(c.token, case.sent, case.ctx)


def place_examples(cases: list[Case]) -> tuple[list[Features], list[str], list[tuple]]:
    """(features, "yes"/"no", (case, candidate index, place)) for every place of a coded event's sentence."""
    from ..events.features import place_features, place_root

    xs, ys, keys = [], [], []
    for case in cases:
        here = case.ctx.places_in(case.sent.start_char, case.sent.end_char)  # type: ignore[attr-defined]
        if not here:
            continue
        for i, ge in case.aligned.items():
            rp = rule_place(case, i, ge.type)
            for p in here:
                root = place_root(case.sent, p)
                if root is None:
                    continue
                xs.append(place_features(case.cands[i], ge.type, p, root, here, rp))
                loc = ge.location
                hit = (
                    loc is not None
                    and loc.start is not None
                    and _overlap(p.start, p.end, loc.start + case.shift, loc.end + case.shift)
                )
                ys.append("yes" if hit else "no")
                keys.append((case, i, p))
    return xs, ys, keys
