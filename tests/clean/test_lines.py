"""Line classification: boilerplate reasons, header residue, headline shape."""

from __future__ import annotations

import pytest

from ceasefire.clean.lines import boiler_reason, ends_sentence, is_residue, is_title_like, strip_inline_script


@pytest.mark.parametrize(
    "line,reason",
    [
        (
            "//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js (adsbygoogle = window.adsbygoogle || []).push({});",
            "script",
        ),
        ("Advertisement", "nav"),
        ("ADVERTISEMENT", "nav"),
        ("Latest", "nav"),
        ("Continue Reading", "nav"),
        ("Related Articles:", "nav"),
        ("Liked it? Take a second to support The Daily Widget on Patreon!", "donate"),
        ("Your donations make all the difference. Together we can keep going.", "donate"),
        ("Send us a Thank You Via Paypal!", "donate"),
        ("Please Subscribe to our YouTube Channel.", "subscribe"),
        ("Sign up for our newsletter", "subscribe"),
        ("Follow the Morning Post Audio Podcast on Soundcloud.", "subscribe"),
        ("Leave a Reply", "nav"),
        ("Click to comment", "nav"),
        ("12 Comments", "comments"),
        ("Note: only a member of this blog may post a comment.", "comments"),
        ("Your email address will not be published. Required fields are marked", "comments"),
        ("Read more: Ceasefire talks stall in Geneva", "continue"),
        ("Share this article", "nav"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("10,283 Views", "views"),
        ("1.2K shares", "views"),
        ("The views and opinions expressed in this column are solely those of the author.", "disclaimer"),
        ("Minister at a press conference in Kiev © Global Look Press / Jane Roe", "caption"),
        ("Soldiers on patrol (Photo: Reuters/John Doe)", "caption"),
        ("Featured image: a convoy near the border", "caption"),
        ("Filed under: Syria, Middle East", "category"),
        ("Filed under: Syria | Tagged: " + ", ".join(f"Topic {i}" for i in range(80)), "category"),
        ("in ,", "residue"),
        ("|", "residue"),
        ("5 100", "widget"),
        ("Image copyright Getty Images", "caption"),
        ("Media caption The convoy reached the town on Sunday", "caption"),
        ("Advertisement - Continue Reading Below", "nav"),
        ("4 min read", "nav"),
        ("Related Coverage", "nav"),
        ("Home News World Business Sport", "nav"),
        ("HOME | NEWS | VIDEO | OPINION", "nav"),
        ("SNAP Out of It. The federal government’s..Read more", "teaser"),
        ("Download the 40-page guide to the conflict and get the facts. CLICK HERE", "teaser"),
        ("FREE GIFT! Download our mini eBook about the war", "promo"),
    ],
)
def test_boilerplate_lines(line: str, reason: str) -> None:
    assert boiler_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The army said 14 soldiers were killed near Aleppo on Monday.",
        "Rebels agreed to a ceasefire.",
        "RT,",
        "4",
        "June, 2016",
        "Alexander Mercouris",
        # Prose that mentions donations/subscriptions is not a widget when it is a long paragraph.
        "In order to attract fighters, arms supplies and donations from the Gulf and elsewhere, they say "
        "they are Daesh or by any of various other colourful names that jihadi extremist groups in Syria "
        "like to use when it suits them, and they switch names whenever the money stops coming in.",
        "",
        "World Politics",  # two words: may be a heading
        "US troops leave Syria",
        "Investigators said they hoped to learn more.",
        "To read the monitors' report in full, click here.",
        "A bullet hit our window. I looked outside and saw the neighbours running (they had seen the fighters).",
        "He called the function (a dinner for donors) a success.",
    ],
)
def test_content_lines_are_not_boilerplate(line: str) -> None:
    assert boiler_reason(line) is None


def test_single_word_nav_can_be_left_for_wrapped_text() -> None:
    assert boiler_reason("News", single_words=False) is None
    assert boiler_reason("News") == "nav"


def test_huge_line_only_gets_the_script_check() -> None:
    assert boiler_reason("subscribe " * 100_000) is None
    assert boiler_reason("(adsbygoogle = window.adsbygoogle || []).push({}); " * 20_000) == "script"
    assert boiler_reason("x" * 100 + "adsbygoogle" + "x" * 100_000) is None  # not code-dense


@pytest.mark.parametrize(
    "line,expected",
    [
        ("Published", True),
        ("on", True),
        ("By", True),
        ("Posted on", True),
        ("Via", True),
        ("Published on June 4, 2016", False),
        ("One", False),
    ],
)
def test_residue(line: str, expected: bool) -> None:
    assert is_residue(line) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia Prepares to Bomb the Rebels in Aleppo Again", True),
        ("Is the truce over? Rebels launch offensive", True),
        ("Mike Pompeo reveals true motto of CIA: ‘We lied, we cheated, we stole’ (Video)", True),
        ("The army said 14 soldiers were killed.", False),
        ("Nigel Farage:", False),
        ("“Parliament is at an impasse”", False),  # a quotation, not a headline
        ("lowercase start of a wrapped sentence", False),
        ("Short", False),
        ("A " * 200, False),
    ],
)
def test_title_like(text: str, expected: bool) -> None:
    assert is_title_like(text) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He said so.", True),
        ("“It is over,” he said.”", True),
        ("Really?", True),
        ("The full document…", True),
        ("and then", False),
        ("RT,", False),
        ("(Video)", False),
    ],
)
def test_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected


def test_prose_with_a_glued_ad_snippet_is_kept_and_cleaned() -> None:
    prose = "The convoy reached the town on Sunday after weeks of talks between the two sides. " * 8
    line = prose + "(adsbygoogle = window.adsbygoogle || []).push({}); " + prose
    assert boiler_reason(line) is None
    assert strip_inline_script(line) == " ".join((prose + prose).split())
