"""Event-type accuracy of the coder on the PETRARCH validation records (a held-out measure).

Data (used in place, never copied): ``../shared/external/petrarch2/PETR.Validate.records.140226.txt``,
``../shared/external/petrarch2/PETR.UnitTest.records.xml`` and
``../shared/external/universalpetrarch/PETR2_GSR_validation.xml`` (see SOURCES.md there).

Expected type. Per sentence, the type of its first gold coding, or ``none`` for ``noevents`` records.
Records with an ``error`` coding (datelines, bad parses) or with no coding are left out.

- PETR2_GSR_validation.xml is coded in CAMEO: codes are mapped with
  ``../shared/external/plover/CAMEO2PLOVER-2021.txt`` (the longest listed prefix of the code), else
  by the CAMEO root code (first two digits) as the PLOVER manual's table does. CAMEO 01 ("make public
  statement") has no PLOVER type and is counted as ``none`` (no event expected), which makes those
  records a check that statements are not coded; ``--cameo01 exclude`` leaves them out instead.
  CAMEO 02 ("appeal"), dropped by PLOVER, is REQUEST here: this project's REQUEST is "an actor asks,
  urges, presses or demands that another do something" (docs/EVENTS.md).
- The two petrarch2 files are NOT coded in CAMEO: their verb dictionary says "most of the codes are
  WEIS, not CAMEO", tweaked for unit tests ("restored diplomatic ties" is 064, WEIS "grant
  diplomatic recognition"; CAMEO 064 would be "share intelligence"). Their codes are mapped with the
  WEIS cue categories below (``WEIS_ROOT``/``WEIS_CODE``, written from the WEIS codebook's category
  names); codes that exist only in that test dictionary (9xx, 8xx, 3xx, four-digit codes, codes with
  letters or "?") are left out. Some of their later records (real news, real actors) carry CAMEO
  codes instead ("fired two artillery shells" is 194), so a code valid in both schemes accepts either
  reading (122: WEIS "denounce" ACCUSE or CAMEO "reject a request for aid" REJECT). These records are stylised (fictional actors, many near-duplicate
  sentences testing one parser feature), so read them as a sanity check on common verbs, not as news.

Where a code's category covers two of our types, either is accepted (``accepted`` in ``Case``).

Predicted type: the type of the first event (in text order) that ``code_events`` returns with a
status other than negated, on the sentence parsed by the project's spaCy model, with an empty
``ArticleContext`` (fallback actors from NER), as ``benchmarks/plover_types.py`` does; ``none`` if
there is none.

Split: within each file, records with an even index (0, 2, ...) are "tune", odd ones "held-out".
Only tune errors were read when changing the lexicon and the coder (``--half tune --show-errors``).

Roles: the petrarch2 records give actor codes, not text; a coded source (target) counts as agreeing
when its mention contains one of the names the validation actor dictionary
(``PETR.Validate.actors.txt``) lists for the gold code's first three letters. Counted only where the
first event has the right type and the gold code is in that dictionary.

Run::

    .venv/bin/python benchmarks/petrarch_types.py [--half tune|held-out|all] [--show-errors]

Figures (en_core_web_sm 3.8, 2026-11-22; docs/EVENTS.md "PETRARCH benchmark" has the table):
    before the lexicon/coder changes made with it: tune 0.566 (138/244), held-out 0.590 (138/234),
    all 0.577; petr2_gsr 0.364, no-event records 0.25.
    after (05:40): tune 0.643 (157/244), held-out 0.632 (148/234), all 0.638; petr2_gsr 0.442,
    no-event records 0.28. With --cameo01 exclude: 0.584 before, 0.645 after.
    Roles (after; all halves): source 102/238, target 119/256 (the validation dictionary's names
    for the fictional actors are often not the words of the sentence, so these are rough).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

EXTERNAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "external"
FILES: dict[str, tuple[Path, str]] = {
    # short name -> (path, code scheme)
    "validate": (EXTERNAL / "petrarch2" / "PETR.Validate.records.140226.txt", "weis"),
    "unittest": (EXTERNAL / "petrarch2" / "PETR.UnitTest.records.xml", "weis"),
    "petr2_gsr": (EXTERNAL / "universalpetrarch" / "PETR2_GSR_validation.xml", "cameo"),
}
CAMEO2PLOVER = EXTERNAL / "plover" / "CAMEO2PLOVER-2021.txt"
ACTORS = EXTERNAL / "petrarch2" / "PETR.Validate.actors.txt"

# CAMEO root codes -> PLOVER, the PLOVER manual's table ("CAMEO to PLOVER translation"); 08 is split
# there by sub-code (081-083 CONCEDE, 084-087 RETREAT), so the root alone accepts either.
CAMEO_ROOT: dict[str, tuple[str, ...]] = {
    "01": ("none",),
    "02": ("REQUEST",),
    "03": ("AGREE",),
    "04": ("CONSULT",),
    "05": ("SUPPORT",),
    "06": ("COOPERATE",),
    "07": ("AID",),
    "08": ("CONCEDE", "RETREAT"),
    "09": ("ACCUSE",),
    "10": ("REQUEST",),
    "11": ("ACCUSE",),
    "12": ("REJECT",),
    "13": ("THREATEN",),
    "14": ("PROTEST",),
    "15": ("MOBILIZE",),
    "16": ("SANCTION",),
    "17": ("COERCE",),
    "18": ("ASSAULT",),
    "19": ("ASSAULT",),
    "20": ("ASSAULT",),
}

# WEIS cue categories -> this project's types. 02 COMMENT is a statement (no event), like CAMEO 01;
# 13 PROTEST in WEIS is a verbal complaint (ACCUSE), not a demonstration; 14 DENY is left out (PLOVER
# drops denials with CAMEO 01; the manual suggests REJECT as one option, so it is ambiguous).
WEIS_ROOT: dict[str, tuple[str, ...]] = {
    "01": ("RETREAT", "CONCEDE"),  # yield: surrender, retreat, admit wrongdoing
    "02": ("none",),  # comment
    "03": ("CONSULT",),  # consult: meet, visit, host
    "04": ("SUPPORT",),  # approve: praise, endorse
    "05": ("AGREE",),  # promise
    "07": ("AID",),  # reward: economic, military, other assistance
    "08": ("AGREE",),  # agree
    "09": ("REQUEST",),  # request, appeal
    "11": ("REJECT",),  # reject, refuse, oppose
    "12": ("ACCUSE",),  # accuse, criticise, denounce
    "13": ("ACCUSE",),  # protest (complain, formally protest)
    "15": ("REQUEST",),  # demand
    "16": ("THREATEN",),  # warn
    "17": ("THREATEN",),  # threaten
    "19": ("SANCTION",),  # reduce relationship: cancel event, recall, halt aid or talks, break ties
    "20": ("SANCTION",),  # expel personnel or organisations
    "21": ("COERCE",),  # seize positions or possessions, detain or arrest
    "22": ("ASSAULT",),  # force: destruction, bombing, military engagement
}
# WEIS codes whose category spans types
WEIS_CODE: dict[str, tuple[str, ...]] = {
    "011": ("RETREAT",),  # surrender, submit to arrest
    "012": ("RETREAT",),  # yield position, retreat, evacuate
    "013": ("CONCEDE",),  # admit wrongdoing, retract
    "061": ("CONCEDE", "SUPPORT"),  # apologise (CAMEO 055 apologise is SUPPORT)
    "062": ("AGREE", "CONSULT"),  # give state invitation
    "063": ("AID",),  # grant asylum
    "064": ("SUPPORT",),  # grant privilege, diplomatic recognition, de facto relations
    "065": ("CONCEDE", "RETREAT"),  # suspend negative sanctions, truce
    "066": ("RETREAT",),  # release or return persons or property
    "101": ("AGREE",),  # offer proposal
    "102": ("REQUEST",),  # urge or suggest action
    "181": ("PROTEST",),  # non-military demonstration, walk-out
    "182": ("MOBILIZE",),  # armed force mobilisation, exercise, display
}


def load_cameo_table(path: Path = CAMEO2PLOVER) -> dict[str, str]:
    """CAMEO code -> PLOVER type from the conversion table ("0841: RETREAT, release, legal # ...")."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def cameo_types(code: str, table: dict[str, str], cameo01: str = "none") -> tuple[str, ...] | None:
    """Accepted types for a CAMEO code; None when it cannot be mapped (or CAMEO 01 is excluded)."""
    if not re.fullmatch(r"\d{2,4}", code):
        return None
    if code.startswith("01"):
        return ("none",) if cameo01 == "none" else None
    if code.startswith("02"):
        return CAMEO_ROOT["02"]
    if code in ("08", "080"):
        return CAMEO_ROOT["08"]  # the generic "yield" parents both CONCEDE and RETREAT
    for n in range(len(code), 1, -1):
        if code[:n] in table and (n > 2 or code[:2] != "08"):
            return (table[code[:n]],)
    return CAMEO_ROOT.get(code[:2])


# the codes the WEIS codebook defines (cue category + last digit); anything else in the petrarch2
# files ("043", "224", "345", "903", "1717", "174L") exists only in its test dictionary
WEIS_VALID: dict[str, str] = {
    "01": "123", "02": "12345", "03": "123", "04": "12", "05": "1234", "06": "123456", "07": "123",
    "08": "12", "09": "12345", "10": "12", "11": "12", "12": "12", "13": "12", "14": "12", "15": "0",
    "16": "0", "17": "1234", "18": "12", "19": "12345", "20": "12", "21": "12", "22": "123",
}  # fmt: skip


def weis_types(code: str) -> tuple[str, ...] | None:
    """Accepted types for a code of the petrarch2 test dictionary; None for its test-only codes."""
    if not re.fullmatch(r"\d{3}", code) or code[2] not in WEIS_VALID.get(code[:2], ""):
        return None
    return WEIS_CODE.get(code) or WEIS_ROOT.get(code[:2])


@dataclass
class Case:
    file: str
    index: int  # position among the file's sentences, for the tune/held-out split
    ident: str
    text: str
    code: str  # first gold event code, "noevents" for records with none
    accepted: tuple[str, ...]
    source: str = ""  # first coding's source and target actor codes
    target: str = ""

    @property
    def half(self) -> str:
        return "tune" if self.index % 2 == 0 else "held-out"

    @property
    def label(self) -> str:
        return "/".join(self.accepted)


_TAG_ATTR = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')


def _attrs(tag: str) -> dict[str, str]:
    return {k: a if a else b for k, a, b in _TAG_ATTR.findall(tag)}


def _sentence_text(body: str) -> str:
    m = re.search(r"<Text>(.*?)</Text>", body, re.S)
    if m:
        return " ".join(m.group(1).split())
    # the older .txt layout: the text follows the codings and precedes the parse "(ROOT"
    lines = []
    for line in body.splitlines()[1:]:
        s = line.strip()
        if s.startswith(("(ROOT", "<Parse", "</Sentence")):
            break
        if s and not s.startswith("<"):
            lines.append(s)
    return " ".join(" ".join(lines).split())


def parse_records(
    text: str, file: str, scheme: str, table: dict[str, str], cameo01: str = "none"
) -> list[Case]:
    """The sentences of one validation file, with their first coding mapped to accepted types."""
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    chunks = re.split(r"(?=<Sentence[\s>])", text)[1:]
    cases: list[Case] = []
    for index, chunk in enumerate(chunks):
        head = re.match(r"<Sentence([^>]*)>", chunk)
        ident = _attrs(head.group(1)).get("id", str(index)) if head else str(index)
        codings = [_attrs(t) for t in re.findall(r"<EventCoding\b([^>]*)>", chunk)]
        sent = _sentence_text(chunk)
        if not codings or not sent or "error" in codings[0]:
            continue
        first = codings[0]
        if "noevents" in first:
            code, accepted = "noevents", ("none",)
        else:
            code = first.get("eventcode", "").strip()
            mapped = weis_types(code) if scheme == "weis" else cameo_types(code, table, cameo01)
            if scheme == "weis" and mapped is not None:
                # the petrarch2 dictionary mixes WEIS and CAMEO codes ("fired artillery shells" is
                # 194, CAMEO "fight with artillery"; WEIS 194 is "halt negotiations"): either reading
                both = (mapped or ()) + (cameo_types(code, table, cameo01) or ())
                mapped = tuple(dict.fromkeys(both))
            if mapped is None:
                continue
            accepted = mapped
        cases.append(
            Case(
                file,
                index,
                ident,
                sent,
                code,
                accepted,
                first.get("sourcecode", ""),
                first.get("targetcode", ""),
            )
        )
    return cases


def load_cases(cameo01: str = "none") -> list[Case]:
    table = load_cameo_table()
    cases: list[Case] = []
    for name, (path, scheme) in FILES.items():
        cases += parse_records(
            path.read_text(encoding="utf-8", errors="replace"), name, scheme, table, cameo01
        )
    return cases


def load_actor_names(path: Path = ACTORS) -> dict[str, list[str]]:
    """Three-letter actor code -> lower-case names from the validation actor dictionary."""
    names: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"\s*([A-Z][A-Z_ .'-]+?)\s*\[([A-Z]{3})", line)
        if m:
            names[m.group(2)].append(m.group(1).replace("_", " ").lower())
    return names


@dataclass
class Result:
    cases: list[Case]
    got: list[str]
    roles: Counter = field(default_factory=Counter)  # source_n, source_ok, target_n, target_ok

    def subset(self, pred) -> list[tuple[Case, str]]:
        return [(c, g) for c, g in zip(self.cases, self.got, strict=True) if pred(c)]


def run(cases: list[Case], nlp) -> Result:
    from ceasefire.events import code_events
    from ceasefire.nlp.context import ArticleContext

    names = load_actor_names() if ACTORS.exists() else {}
    got: list[str] = []
    roles: Counter = Counter()
    for case, doc in zip(cases, nlp.pipe(c.text for c in cases), strict=True):
        events = [e for e in code_events(doc, ArticleContext(doc=doc)) if e.status != "negated"]
        g = events[0].type if events else "none"
        got.append(g)
        if g in case.accepted and events:
            for role, code, ref in (
                ("source", case.source, events[0].source),
                ("target", case.target, events[0].target),
            ):
                gold = names.get(code[:3]) if code else None
                if not gold:
                    continue
                mention = (ref.mention if ref else "") or ""
                roles[f"{role}_n"] += 1
                roles[f"{role}_ok"] += any(n in mention.lower() for n in gold)
    return Result(cases, got, roles)


def _acc(pairs: list[tuple[Case, str]]) -> str:
    ok = sum(g in c.accepted for c, g in pairs)
    return f"{ok / len(pairs):.3f} ({ok}/{len(pairs)})" if pairs else "-"


def report(res: Result, half: str, show_errors: bool) -> None:
    sel = (lambda c: True) if half == "all" else (lambda c: c.half == half)
    pairs = res.subset(sel)
    print(f"half={half}  sentences {len(pairs)}  first-event type accuracy {_acc(pairs)}")
    for h in ("tune", "held-out"):
        if half == "all":
            print(f"  {h:9} {_acc(res.subset(lambda c, h=h: c.half == h))}")
    for name in FILES:
        print(f"  {name:10} {_acc([p for p in pairs if p[0].file == name])}")
    r = res.roles
    print(
        f"roles (all halves; first event of the right type, gold actor in the dictionary): "
        f"source {r['source_ok']}/{r['source_n']}  target {r['target_ok']}/{r['target_n']}"
    )
    by_label: dict[str, list[tuple[Case, str]]] = defaultdict(list)
    for c, g in pairs:
        by_label[c.label].append((c, g))
    print(f"{'expected':18} {'n':>4} {'acc':>5}  confusions (coded type: count)")
    for label in sorted(by_label):
        ps = by_label[label]
        ok = sum(g in c.accepted for c, g in ps)
        conf = Counter(g for c, g in ps if g not in c.accepted)
        print(
            f"{label:18} {len(ps):4d} {ok / len(ps):5.2f}  "
            + ", ".join(f"{k}:{v}" for k, v in conf.most_common())
        )
    if show_errors:
        for c, g in pairs:
            if g not in c.accepted:
                print(f"{c.file}:{c.ident} [{c.code}] {c.label:>9} -> {g:9} {c.text[:160]}")


def main() -> None:
    from ceasefire.nlp import load_model

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tune", "held-out", "all"), default="all")
    ap.add_argument("--cameo01", choices=("none", "exclude"), default="none", help="CAMEO 01 statements")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--model", default=None, help="spaCy model (default: the project's)")
    args = ap.parse_args()
    missing = [str(p) for p, _ in FILES.values() if not p.exists()] + [str(CAMEO2PLOVER)] * (
        not CAMEO2PLOVER.exists()
    )
    if missing:
        raise SystemExit(f"needs {', '.join(missing)} (shared external data), which is absent")
    res = run(load_cases(args.cameo01), load_model(args.model) if args.model else load_model())
    report(res, args.half, args.show_errors)


if __name__ == "__main__":
    main()
