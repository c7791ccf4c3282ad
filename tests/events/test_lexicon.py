"""The trigger lexicon file: it parses, covers every PLOVER type, and rejects bad lines."""

from __future__ import annotations

import pytest

from ceasefire.events import PLOVER_TYPES, LexiconError, load_lexicon, parse_lexicon


def test_every_type_has_verbal_or_nominal_triggers():
    lex = load_lexicon()
    assert {e.type for e in lex.entries} == set(PLOVER_TYPES)


def test_modes_are_the_manual_ones():
    allowed = {
        "ASSAULT": {
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        },
        "CONSULT": {"visit", "third-party", "multilateral", "phone"},
        "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
        "REQUEST": {"assist", "change", "yield", "meet"},
        "REJECT": {"assist", "change", "yield", "meet"},
        "ACCUSE": {"disapprove", "investigate", "allege"},
        "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
        "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
        "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
        "MOBILIZE": {"troops", "weapons", "police", "militia"},
        "COERCE": {
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        },
        "AID": {"military"},  # the manual gives AID no modes; "military" marks arms and training
    }
    for e in load_lexicon().entries:
        if e.mode is not None:
            assert e.mode in allowed.get(e.type, set()), f"{e.type} {e.lemma}: mode {e.mode!r}"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("ATTACK\t-\tVERB\tbomb\t-", "not a PLOVER type"),
        ("ASSAULT\t-\tADJ\tbomb\t-", "pos must be VERB or NOUN"),
        ("ASSAULT\t-\tVERB", "expected type, mode, pos, lemma"),
        ("ASSAULT\t-\tVERB\tbomb\tcolour:red", "unknown constraint"),
        ("ASSAULT\t-\tVERB\tbomb\tobj:", "needs words"),
    ],
)
def test_bad_lines_are_reported_with_their_line(line, message):
    with pytest.raises(LexiconError, match=message) as err:
        parse_lexicon("# header\n" + line + "\n", "t.tsv")
    assert "t.tsv:2" in str(err.value)


def test_more_specific_entry_wins(nlp):
    lex = parse_lexicon("AGREE\t-\tVERB\toffer\t-\nAID\t-\tVERB\toffer\tobj:aid\n")
    doc = nlp("Japan offered aid to Nepal. Japan offered to mediate.")
    offers = [t for t in doc if t.lemma_ == "offer"]
    assert [lex.match(t).type for t in offers] == ["AID", "AGREE"]
