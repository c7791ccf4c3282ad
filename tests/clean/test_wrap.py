"""Re-joining hard-wrapped lines into paragraphs."""

from __future__ import annotations

import pytest

from ceasefire.clean.wrap import build_blocks, detect_wrap, normalise_lines


def _texts(text: str) -> list[str]:
    blocks, _ = build_blocks(text)
    return [b.text for b in blocks if b.kind == "content"]


def test_lone_first_word_style_is_rejoined() -> None:
    text = "\n".join(
        [
            "Envoys meet in Geneva as truce frays",
            "The",
            "minister also stressed that such groups should leave the positions",
            "held by the militants, adding that the deadline had passed.",
            "“They",
            "are telling us not to strike,” he said, adding that talks would",
            "continue through the week.",
            "Mary",
            "Major",
            "3",
            "June, 2016",
            "No",
            "countdown is under way, officials said, and the",
            "convoys were still waiting at the crossing.",
        ]
    )
    assert _texts(text) == [
        "Envoys meet in Geneva as truce frays",
        "The minister also stressed that such groups should leave the positions held by the militants, "
        "adding that the deadline had passed.",
        "“They are telling us not to strike,” he said, adding that talks would continue through the week.",
        "Mary Major",
        "3 June, 2016",
        "No countdown is under way, officials said, and the convoys were still waiting at the crossing.",
    ]


def test_plain_wrapped_text_breaks_at_sentence_ends_and_blank_lines() -> None:
    text = "\n".join(
        [
            "Government forces said on Tuesday they had repelled an attack by",
            "armed groups on the northern outskirts of the city, the third such",
            "attempt this month.",
            "Monitors from the joint commission reported shelling of two villages",
            "overnight and said the truce was close to collapse.",
            "",
            "Diplomats in Geneva said a new round of talks could open next week",
            "if the fighting eased.",
        ]
    )
    assert _texts(text) == [
        "Government forces said on Tuesday they had repelled an attack by armed groups on the northern "
        "outskirts of the city, the third such attempt this month.",
        "Monitors from the joint commission reported shelling of two villages overnight and said the truce "
        "was close to collapse.",
        "Diplomats in Geneva said a new round of talks could open next week if the fighting eased.",
    ]


def test_boilerplate_line_inside_wrapped_text_is_its_own_block() -> None:
    text = "\n".join(
        [
            "Government forces said on Tuesday they had repelled an attack by",
            "armed groups on the northern outskirts of the city, the third such",
            "attempt this month, and that the",
            "Advertisement //pagead2.googlesyndication.com/pagead/js/adsbygoogle.js",
            "fighting had spread to the villages around the airport by nightfall.",
            "Post a Comment",
            "Note: only a member of this blog may post a comment.",
        ]
    )
    blocks, wrapped = build_blocks(text)
    assert wrapped
    assert [(b.kind, b.reason) for b in blocks if b.kind != "content"] == [
        ("boiler", "script"),
        ("boiler", "nav"),
        ("boiler", "comments"),
    ]


@pytest.mark.parametrize(
    "text,wrapped",
    [
        ("one paragraph per line.\nAnother paragraph here.\nAnd a third.\n" * 5, False),
        (
            "\n".join(
                ["a line that runs on and", "continues here without a break", "and more of it follows"] * 4
            ),
            True,
        ),
        ("short", False),
    ],
)
def test_detect_wrap(text: str, wrapped: bool) -> None:
    assert detect_wrap(normalise_lines(text))[0] is wrapped


def test_unwrapped_page_keeps_one_block_per_line_and_marks_duplicates() -> None:
    blocks, wrapped = build_blocks("Teaser line here.\nTeaser line here.\n\nBody paragraph.")
    assert not wrapped
    assert [(b.text, b.kind) for b in blocks] == [
        ("Teaser line here.", "content"),
        ("Teaser line here.", "boiler"),
        ("Body paragraph.", "content"),
    ]


def test_normalise_lines() -> None:
    assert normalise_lines("a\r\nb\u00a0 c\rd\u2028e\ufeff") == ["a", "b c", "d", "e"]


def test_blank_line_separated_wrapped_text_keeps_whole_paragraphs() -> None:
    text = "\n".join(
        [
            "Government forces said on Tuesday they had repelled an attack. Armed",
            "groups had tried to enter the northern outskirts of the city.",
            "Officials called it the third such attempt this month.",
            "",
            "Monitors from the joint commission reported shelling of two villages",
            "overnight and said the truce was close to collapse.",
            "",
            "Diplomats in Geneva said a new round of talks could open next week",
            "if the fighting eased.",
        ]
    )
    assert _texts(text) == [
        "Government forces said on Tuesday they had repelled an attack. Armed groups had tried to enter "
        "the northern outskirts of the city. Officials called it the third such attempt this month.",
        "Monitors from the joint commission reported shelling of two villages overnight and said the truce "
        "was close to collapse.",
        "Diplomats in Geneva said a new round of talks could open next week if the fighting eased.",
    ]


def test_wrapped_text_keeps_header_lines_apart() -> None:
    text = "\n".join(
        [
            "Convoy reaches besieged town",
            "By Jane Roe",
            "June 4, 2016",
            "",
            "Government forces said on Tuesday they had repelled an attack by",
            "armed groups on the northern outskirts of the city, the third such",
            "attempt this month.",
            "",
            "Monitors from the joint commission reported shelling of two villages",
            "overnight and said the truce was close to collapse, while diplomats",
            "in Geneva said talks could open next week.",
        ]
    )
    assert _texts(text)[:4] == [
        "Convoy reaches besieged town",
        "By Jane Roe",
        "June 4, 2016",
        "Government forces said on Tuesday they had repelled an attack by armed groups on the northern "
        "outskirts of the city, the third such attempt this month.",
    ]


def test_bare_advertisement_line_inside_wrapped_text() -> None:
    text = "\n".join(
        [
            "Government forces said on Tuesday they had repelled an attack by",
            "armed groups on the northern outskirts of the city, the third such",
            "Advertisement",
            "attempt this month, and that the fighting had spread to the villages",
            "around the airport by nightfall, officials said.",
        ]
    )
    blocks, wrapped = build_blocks(text)
    assert wrapped and [(b.text, b.kind) for b in blocks if b.kind != "content"] == [
        ("Advertisement", "boiler")
    ]
