"""split_text on whole-page text dumps as a browser copy gives them: menus, promo lines,
relative dates above the article (rules calibrated with benchmarks/text_dump_extraction.py).
All pages here are written for the tests."""

from __future__ import annotations

import pytest

from ceasefire.clean import split_text
from ceasefire.clean.lines import boiler_reason, is_end_marker, strip_breadcrumb

P1 = (
    "Government forces said on Tuesday they had repelled an attack by armed groups on the northern "
    "outskirts of the city, the third such attempt this month."
)
P2 = (
    "Monitors from the joint commission reported shelling of two villages overnight and said the "
    "truce agreed in March was close to collapse unless both sides pulled back heavy weapons."
)
P3 = (
    "The foreign ministry accused the rebels of using the pause to regroup, while opposition leaders "
    "blamed air strikes for the deaths of at least eleven civilians in the market district."
)
BLURB = (
    "Independent reporting on conflict, diplomacy and humanitarian affairs across the region since "
    "1998, published in English, French and Arabic editions every day"
)
TITLE = "Truce Monitors Report Shelling Near Northern Villages"

# A site menu: many short lines, none of them a sentence (70 words in all).
MENU = [
    "Home", "World", "Africa", "Middle East", "Europe", "Asia Pacific", "Latin America",
    "US & Canada", "Business", "Markets", "Economy", "Science & Technology", "Climate Crisis",
    "Sport", "Football", "Cricket", "Tennis", "Culture", "Books", "Film", "Music", "Features",
    "Long Reads", "Investigations", "Opinion", "Columnists", "Editorials", "Letters to the Editor",
    "Podcasts", "Daily Briefing", "Weekend Edition", "Video", "Documentaries", "Photo Galleries",
    "Weather", "Travel Guides", "Games", "Crosswords", "Puzzles", "Newsletters", "Events",
]  # fmt: skip


def _page(*parts: str | list[str]) -> str:
    out: list[str] = []
    for p in parts:
        out.extend(p if isinstance(p, list) else [p])
    return "\n\n".join(out)


@pytest.mark.parametrize(
    ("above", "n_articles"),
    [
        (MENU, 1),  # a long menu is not an article of its own
        (["Trending", "Sign In", "Cookies help us run this site"] + MENU, 1),
        # one sentence among the menu entries (a site's motto) does not make it prose
        # the menu twice (desktop and mobile versions), with a sentence (a motto, a cookie notice)
        (["Our reporting is free to read, wherever you are in the world."] + MENU + MENU, 1),
        (MENU + MENU + ["We use cookies to give you the best experience on our site."], 1),
        # a site blurb (long, unterminated) in the menu stops it reading as a list of headlines
        ([BLURB] + MENU + MENU, 1),
        (MENU + [BLURB] + MENU + ["Our reporting is free to read, wherever you are."], 1),
        # real prose above the header (two news paragraphs) still is an article
        (["Earlier Clashes Near the Port", P2, P3], 2),
    ],
)
def test_menu_above_the_first_header_is_not_an_article(above: list[str], n_articles: int) -> None:
    arts = split_text(_page(above, TITLE, "By Jane Roe", P1, P2))
    assert len(arts) == n_articles
    assert arts[-1].title == TITLE and arts[-1].authors == ["Jane Roe"]
    assert arts[0].role == "primary"


@pytest.mark.parametrize(
    ("top", "dek"),
    [
        # promo line, breadcrumb, then the headline: the headline is not the promo's subtitle
        (["Read Our Weekend Magazine", "Home", "News"], None),
        (["Listen to the Daily Podcast", "Share"], None),
        (["Read Our Weekend Magazine", "Home", "News"], "Monitors fear the truce will not hold"),
        # no widget between them: the line under the title is its subtitle
        ([], "Monitors fear the truce will not hold"),
    ],
)
def test_subtitle_does_not_reach_over_a_menu_line(top: list[str], dek: str | None) -> None:
    arts = split_text(_page(top, TITLE, [dek] if dek else [], "By Jane Roe", P1, P2))
    assert [a.title for a in arts] == [TITLE]
    assert arts[0].subtitle == dek
    assert arts[0].authors == ["Jane Roe"]
    assert arts[0].text.startswith(P1)


def test_titled_menu_without_body_gives_way_to_the_article() -> None:
    # A headline-shaped line over a menu (a section banner) and nothing else before the header.
    arts = split_text(
        _page("Impeachment Hearings Live Coverage", MENU[:12], TITLE, "By Jane Roe", P1, P2, P3)
    )
    assert [a.title for a in arts] == [TITLE]
    assert arts[0].text.startswith(P1)


@pytest.mark.parametrize(
    ("date_line", "is_meta"),
    [
        ("Published 22 hours ago", True),
        ("Updated: 5 mins ago", True),
        ("3 days ago", True),
        ("posted about an hour ago", True),
        ("Ten Years Ago Today", False),  # a headline, not a relative date
    ],
)
def test_relative_date_line_is_header_metadata(date_line: str, is_meta: bool) -> None:
    arts = split_text(_page("World", TITLE, date_line, P1, P2, P3))
    if is_meta:
        assert arts[0].title == TITLE
        assert date_line not in arts[0].text
    else:
        assert arts[0].title != date_line or date_line in arts[0].text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Quotes delayed at least 15 minutes. Market data provided by Example Data Inc.", "disclaimer"),
        ("Prices are delayed by 20 minutes.", "disclaimer"),
        ("Data delayed 15 minutes", "disclaimer"),
        # a long notice (vendor credits run on past the phrase-pattern length limit)
        (
            "Quotes delayed at least 15 minutes. " + "Real-time prices provided by Example Exchange. " * 12,
            "disclaimer",
        ),
        ("The delivery of aid was delayed by fighting, officials said.", None),
        ("Flights were delayed at least 15 minutes by the storm.", None),
        ("Example Phone and Example Tablet are registered trademarks of Example Inc.", "disclaimer"),
        ("These statements have not been evaluated by the Food and Drug Administration.", "disclaimer"),
        ("The name is a trademark dispute waiting to happen, lawyers said.", None),
    ],
)
def test_market_data_notice_is_boilerplate(line: str, reason: str | None) -> None:
    assert boiler_reason(line) == reason


@pytest.mark.parametrize(
    ("line", "is_marker"),
    [
        ("More in World", True),
        ("More World", True),
        ("Most Popular Videos", True),
        ("Trending News", True),
        ("MUST WATCH", True),
        ("You may also like", True),
        ("We Recommend", True),
        ("Top Stories", True),
        ("Our Latest Stories", True),
        ("More in Trump Impeachment Inquiry", True),
        ("Most read in world news", True),
        ("Previous articles", True),
        ("Next stories", True),
        ("Previous talks failed in March", False),
        ("Most residents in the north fled", False),
        ("More than 200 killed in blasts", False),
        ("Most residents fled the town", False),
        ("Top commander killed", False),
    ],
)
def test_link_box_heading(line: str, is_marker: bool) -> None:
    assert is_end_marker(line) is is_marker


TEASERS = [
    "Floods Cut Off Villages in the Delta",
    "Rescue teams reached only two of the eleven villages on Sunday.",
    "3H ago",
    "Parliament Passes Budget After Late-Night Session",
    "The vote came after a walkout by the opposition.",
    "5H ago",
    "Port Strike Enters Second Week",
]


@pytest.mark.parametrize(
    ("marker", "after", "cut"),
    [
        ("More in World", TEASERS, True),
        ("Most Popular", TEASERS, True),
        # a "Related" link in the body, followed by more body: nothing is cut
        ("Related", [P3, P2 + " " + P1], False),
        # not a link-box heading: the list stays (it may be the article's own list)
        ("What the ceasefire says", TEASERS, False),
    ],
)
def test_link_box_after_the_body_is_cut(marker: str, after: list[str], cut: bool) -> None:
    (a,) = split_text(_page(TITLE, "By Jane Roe", P1, P2, P3, marker, after))
    assert a.text.startswith(P1)
    assert (after[0] not in a.text) is cut
    assert (marker not in a.text) is (cut or marker in ("More in World", "Most Popular", "Related"))


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to Article", "nav"),
        ("Skip to main content", "nav"),
        ("The Daily Ledger - Back to home", "nav"),
        ("(Jane Roe / Example Press)", "caption"),
        ("(AP Photo/John Doe)", "caption"),
        ("X Share via", "share"),
        ("Share via Email", "share"),
        ("Image 1 of 8", "caption"),
        ("Subjects: Crime, Drugs, Immigration", "category"),
        ("Section: World", "category"),
        ("Subject to approval by parliament, the deal takes effect in May.", None),
        ("Slide 3 / 12", "caption"),
        ("1 / 8", "widget"),
        ("Caption", "nav"),
        ("Enlarge Image", "nav"),
        ("Share permalink", "share"),
        ("Image of the week: a flooded square in the old town", None),
        # prose with the same words stays
        ("They were told to go back to the top of the hill.", None),
        ("Convoys take 2/3 of the aid north (officials say)", None),
    ],
)
def test_page_chrome_lines(line: str, reason: str | None) -> None:
    assert boiler_reason(line) == reason


@pytest.mark.parametrize(
    "date_line",
    [
        "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM",
        "Published Wed, Nov 20 4:29 AM EST Updated an hour ago",
        "March 3, 10:15 am",
    ],
)
def test_yearless_date_line_is_header_metadata(date_line: str) -> None:
    (a,) = split_text(_page("World", date_line, TITLE, "By Jane Roe", P1, P2, P3))
    assert a.title == TITLE
    assert date_line not in a.text and a.published is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Jane Roe @janeroe", ["Jane Roe"]),
        ("Nishan Patel @np_markets", ["Nishan Patel"]),
    ],
)
def test_name_with_handle_is_a_byline(line: str, authors: list[str]) -> None:
    (a,) = split_text(_page(TITLE, line, P1, P2))
    assert a.title == TITLE and a.authors == authors
    assert a.text.startswith(P1)


@pytest.mark.parametrize(
    ("box", "kept"),
    [
        # a box of links inside the body: the box goes, the body after it stays
        (
            ["Related articles", "Floods Cut Off Villages in the Delta", "Port Strike Enters Second Week"],
            False,
        ),
        (
            ["You may also like", "Parliament Passes Budget", "Port Strike Enters Second Week", "3H ago"],
            False,
        ),
        # one short line under a marker-like heading may be a subheading: kept
        (["More News", "Talks resume"], True),
    ],
)
def test_link_box_inside_the_body_goes_alone(box: list[str], kept: bool) -> None:
    (a,) = split_text(_page(TITLE, "By Jane Roe", P1, box, P2, P3))
    assert a.text.startswith(P1) and a.text.endswith(P3)
    assert (box[1] in a.text) is kept


def test_link_box_heading_is_never_a_title() -> None:
    # "MOST WATCHED" over a list of dated items is a box, not an article of its own
    items = [
        x for k in range(3) for x in (f"Storm Damage in Coastal Towns Part {k + 1}", "November 19, 2019")
    ]
    arts = split_text(_page(TITLE, "By Jane Roe", P1, P2, "MOST WATCHED", "November 19, 2019", items, P3))
    assert all(a.title != "MOST WATCHED" for a in arts)


def test_box_inside_a_body_of_short_paragraphs_does_not_end_it() -> None:
    # one-sentence paragraphs after a "DON'T MISS" box: the body goes on, only the box goes
    short = [
        "Police said the curfew would stay in place for another week after renewed clashes overnight.",
        "Residents of the old town said they had not been able to reach the market since Friday.",
        "Aid groups said supplies of flour and fuel would run out within days without a corridor.",
    ]
    box = [
        "DON'T MISS",
        "Floods Cut Off Villages in the Delta [VIDEO]",
        "Port Strike Enters Second Week [LATEST]",
    ]
    (a,) = split_text(_page(TITLE, "By Jane Roe", P1, P2, P3, box, short))
    assert a.text.endswith(short[-1])
    assert box[1] not in a.text


@pytest.mark.parametrize(
    ("line", "is_marker"),
    [
        ("34 responses to “Convoy reaches besieged town”", True),
        ("12 thoughts on “Truce talks”", True),
        ("12 Comments", False),  # a share bar's count, above the body as often as below
    ],
)
def test_comment_list_heading(line: str, is_marker: bool) -> None:
    from ceasefire.clean.lines import is_comment_marker

    assert is_comment_marker(line) is is_marker


@pytest.mark.parametrize(
    "line",
    [
        "Edited by: Jane Roe",
        "Researchers: Jane Roe, John Doe",
        "Who are we if we answer threats with threats? pic.twitter.com/abc123",
        "Read the statement at https://example.org/statement",
        "By Jane RoeForeign Affairs Columnist",  # a byline glued to the author's role
    ],
)
def test_credit_and_link_lines_are_never_titles(line: str) -> None:
    arts = split_text(_page(TITLE, "By Jane Roe", P1, P2, line, "Sources: Example Ministry", P3))
    assert [a.title for a in arts] == [TITLE]
    assert arts[0].text.endswith(P3)


def test_update_note_closing_a_story_is_not_a_header() -> None:
    tweet = "Who are we if we answer threats with threats? pic.twitter.com/abc123"
    arts = split_text(
        _page(
            TITLE,
            "By Jane Roe",
            P1,
            P2,
            P3,
            tweet,
            "— Jane Roe (@janeroe) November 19, 2019",
            "Updated at 1:23 p.m.",
        )
    )
    assert len(arts) == 1 and tweet in arts[0].text


LONG = " ".join([P1, P2, P3] * 4)  # 336 words


@pytest.mark.parametrize(
    ("first_body", "primary_title"),
    [
        # a 60-word promotion with its own header above a 336-word article: the article is primary
        (P1 + " " + P2, TITLE),
        # a first article of 168 words: 336 is only twice as long, the first stays primary
        (P1 + " " + P2 + " " + P3 + " " + P1 + " " + P2 + " " + P3, "Featured Story Of The Week"),
    ],
)
def test_a_long_later_article_takes_over_from_a_short_first(first_body: str, primary_title: str) -> None:
    arts = split_text(
        _page("Featured Story Of The Week", "By John Doe", first_body, TITLE, "By Jane Roe", LONG)
    )
    assert [a.title for a in arts][0] == primary_title
    assert arts[0].role == "primary" and arts[0].index == 0 and arts[1].index == 1


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # menus, then the headline, a link, then the body: no byline or date anywhere
        (MENU[:8] + [BLURB, TITLE, "Browse All Posts"], TITLE),
        (MENU[:8] + [TITLE, "Monitors fear the truce will not hold"], TITLE),
        # no headline-shaped line close above the body: no title is guessed
        (MENU[:8], None),
        # a tagline-length line (24 words) is not guessed as a headline
        (MENU[:8] + [BLURB, "Weather"], None),
    ],
)
def test_headline_above_the_first_paragraph_of_a_page_without_header(
    top: list[str], title: str | None
) -> None:
    (a,) = split_text(_page(top, P1, P2, P3))
    assert a.title == title
    assert a.text.endswith(P3)
    if title:
        assert a.text.startswith(P1) or a.text.startswith("Monitors") or a.text.startswith("Browse")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Home News Business News Ascom opens a plant in Baar", "Ascom opens a plant in Baar"),
        ("Home › World › Middle East › Talks collapse in Geneva", "Talks collapse in Geneva"),
        ("Home / Politics / Vote delayed again", "Vote delayed again"),
        # not a breadcrumb: "Home" is a word of the headline
        ("Home Office warns of new arrivals", "Home Office warns of new arrivals"),
        ("Home World Cup", "Home World Cup"),  # too little left to be a headline
        (TITLE, TITLE),
    ],
)
def test_breadcrumb_glued_before_a_title_is_cut(title: str, expected: str) -> None:
    assert strip_breadcrumb(title) == expected
    (a,) = split_text(_page(title, "By Jane Roe", P1, P2))
    assert a.title == expected
