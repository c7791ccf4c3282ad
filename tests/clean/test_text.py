"""split_text on small synthetic pages in the style of scraped news."""

from __future__ import annotations

import pytest

from ceasefire.clean import BoilerplateStats, split_text
from ceasefire.models import Document

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
P4 = (
    "Diplomats in Geneva said a new round of talks could open next week if the fighting eased, but "
    "neither delegation has confirmed that it will attend."
)
R1 = (
    "Health officials in the port city said on Sunday that the number of cholera cases had doubled "
    "since the siege began, with hospitals short of fuel, clean water and basic medicines."
)
R2 = (
    "Aid agencies asked both sides to open a corridor for convoys, warning that stocks in the "
    "warehouses would run out within days if the roads stayed closed."
)


def _page_widgets() -> str:
    return "\n".join(
        [
            "Connect with us",
            "//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js (adsbygoogle = window.adsbygoogle || []).push({});",
            "",
            "Latest",
            "",
            "Truce Near Collapse as Fighting Flares North of the City",
            "",
            "Both sides blame each other for the worst clashes since the spring.",
            "",
            "Jane Roe",
            "",
            "Published",
            "",
            "on",
            "",
            P1,
            "",
            P2,
            "",
            "Advertisement",
            "",
            P3,
            "",
            "Soldiers at a checkpoint outside the city © Example Photo Agency / John Doe",
            "",
            P4,
            "",
            "Liked it? Take a second to support The Morning Ledger on Patreon!",
            "Click to comment",
            "",
            "Leave a Reply",
            "",
            "avatar",
            "  Subscribe  ",
            "Notify of",
            "",
            "Latest",
            "",
            "Cholera Cases Double in Besieged Port",
            "",
            "Hospitals run short of fuel and medicine.",
            "",
            "John Doe",
            "",
            "Published",
            "",
            "on",
            "",
            R1,
            "",
            R2,
            "",
            "Liked it? Take a second to support The Morning Ledger on Patreon!",
            "Continue Reading",
            "",
            "Your donations make all the difference.",
            "",
            "Amount to donate in USD$:",
            "",
            "5 100",
            "",
            "Quick Donate",
            "",
            "The Morning Ledger",
            "DONATE",
            "",
            "The Morning Ledger Newsletter",
            "",
            "Trending",
        ]
    )


def test_page_with_widgets_and_related_article() -> None:
    arts = split_text(_page_widgets())
    assert [a.role for a in arts] == ["primary", "related"]
    a, r = arts
    assert a.title == "Truce Near Collapse as Fighting Flares North of the City"
    assert a.subtitle == "Both sides blame each other for the worst clashes since the spring."
    assert a.authors == ["Jane Roe"]
    assert a.publisher == "The Morning Ledger"
    assert a.published is None  # "Published on" with the date lost: not stated
    assert a.text == "\n\n".join([P1, P2, P3, P4])
    assert "Advertisement" in a.removed
    assert any("©" in x for x in a.removed)
    assert r.title == "Cholera Cases Double in Besieged Port"
    assert r.subtitle == "Hospitals run short of fuel and medicine."
    assert r.authors == ["John Doe"]
    assert r.publisher == "The Morning Ledger"
    assert r.text == R1 + "\n\n" + R2  # the donation box and the lone outlet name are gone
    assert "The Morning Ledger" in r.removed


def _wrap_lone(paragraph: str, width: int = 66) -> list[str]:
    """Hard-wrap like seed 001: the first word alone, the rest wrapped at ``width``."""
    first, rest = paragraph.split(" ", 1)
    lines, cur = [first], ""
    for w in rest.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    lines.append(cur)
    return lines


def test_hard_wrapped_page_with_glued_articles() -> None:
    lines = [
        "Monitors say the truce is over, whatever the envoys claim.",
        "Ceasefire monitors report shelling near Hama",
        "Wire24,",
        "4",
        "June, 2016",
    ]
    for p in (P1, P2, P3):
        lines += _wrap_lone(p)
    lines[-1] = lines[-1].rstrip(".")  # the paragraph before the next title ends without a period
    lines += ["Why", "the talks in Geneva keep failing", "Mary", "Major", "3", "June, 2016"]
    for p in (P4, R1, R2):
        lines += _wrap_lone(p)
    arts = split_text("\n".join(lines))
    assert len(arts) == 2
    a, r = arts
    assert a.title == "Ceasefire monitors report shelling near Hama"
    assert a.publisher == "Wire24"
    assert a.published == "2016-06-04"
    assert a.text == "\n\n".join([P1, P2, P3.rstrip(".")])  # wrapped lines re-joined into the paragraphs
    assert "Monitors say the truce is over, whatever the envoys claim." in a.removed  # teaser
    assert r.title == "Why the talks in Geneva keep failing"
    assert r.authors == ["Mary Major"]
    assert r.published == "2016-06-03"
    assert r.publisher is None
    assert r.text == "\n\n".join([P4, R1, R2])


@pytest.mark.parametrize(
    "date_lines,iso",
    [
        (["June 4, 2016"], "2016-06-04"),
        (["4", "June, 2016"], "2016-06-04"),
        (["Published on 4th June 2016"], "2016-06-04"),
        (["Updated: Sat, 04 Jun 2016 10:32 GMT"], "2016-06-04"),
        (["2016-06-04"], "2016-06-04"),
        (["04/06/2016"], None),  # ambiguous day/month: not stated
    ],
)
def test_date_forms_in_header(date_lines: list[str], iso: str | None) -> None:
    page = "\n\n".join(
        ["Convoy Reaches Besieged Town After Weeks of Talks", "By Jane Roe", *date_lines, P1, P2]
    )
    (a,) = split_text(page)
    assert a.title == "Convoy Reaches Besieged Town After Weeks of Talks"
    assert a.authors == ["Jane Roe"]
    assert a.published == iso
    assert a.text == P1 + "\n\n" + P2


@pytest.mark.parametrize(
    "byline,authors",
    [
        ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        ("Authored by Jane Roe via The Policy Journal:", ["Jane Roe"]),
        ("JANE ROE", ["Jane Roe"]),
        ("Via Wire24…", []),  # a source credit, not an author
    ],
)
def test_bylines_in_header(byline: str, authors: list[str]) -> None:
    page = "\n\n".join(["Convoy Reaches Besieged Town After Weeks of Talks", byline, P1, P2])
    (a,) = split_text(page)
    assert a.title == "Convoy Reaches Besieged Town After Weeks of Talks"
    assert a.authors == authors
    assert a.text == P1 + "\n\n" + P2


def test_page_without_header_takes_first_headline_as_title() -> None:
    page = "\n\n".join(
        [
            "in ,",
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "The statements, views and opinions expressed in this column are solely those of the "
            "author and do not necessarily represent those of this site.",
            P1,
            P2,
            "What do you think?",
            "Notify of",
            "Another Headline From the Sidebar",
            "And One More Headline Here",
        ]
    )
    (a,) = split_text(page)
    assert a.title == "Convoy Reaches Besieged Town After Weeks of Talks"
    assert a.subtitle is None and a.authors == [] and a.publisher is None
    assert a.text == P1 + "\n\n" + P2  # the disclaimer and the trailing headline list are gone
    assert "Another Headline From the Sidebar" in a.removed


def test_body_only_text_keeps_everything() -> None:
    (a,) = split_text(P1 + "\n" + P2 + "\n" + P3)
    assert a.title is None
    assert a.text == "\n\n".join([P1, P2, P3])
    assert a.role == "primary" and a.index == 0


def test_subheadings_inside_a_body_do_not_split_it() -> None:
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "By Jane Roe",
            P1,
            "Minister: ‘We will not negotiate under fire’",
            P2,
            "“We have to go back to the table”",
            "Nigel Example:",
            P3,
        ]
    )
    (a,) = split_text(page)
    assert a.title == "Convoy Reaches Besieged Town After Weeks of Talks"
    assert "Minister: ‘We will not negotiate under fire’" in a.text
    assert a.text.endswith(P3)


def test_related_widget_without_body_is_dropped() -> None:
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "By Jane Roe",
            P1,
            P2,
            "Continue Reading",
            "Rebels Seize Hilltop Near Border",
            "By John Doe",
            "June 3, 2016",
        ]
    )
    arts = split_text(page)
    assert len(arts) == 1 and arts[0].text == P1 + "\n\n" + P2
    assert "Rebels Seize Hilltop Near Border" in arts[0].removed


def test_long_content_before_first_header_is_its_own_article() -> None:
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            P1,
            P2,
            P3,
            "Related",
            "Cholera Cases Double in Besieged Port",
            "By John Doe",
            R1,
            R2,
        ]
    )
    arts = split_text(page)
    assert [a.title for a in arts] == [
        "Convoy Reaches Besieged Town After Weeks of Talks",
        "Cholera Cases Double in Besieged Port",
    ]
    assert arts[0].text == "\n\n".join([P1, P2, P3])
    assert arts[1].authors == ["John Doe"] and arts[1].role == "related"


@pytest.mark.parametrize(
    "hints,title,published,authors",
    [
        (
            {"title": "Container Title", "published": "2016-06-05", "authors": "Ann Lee"},
            "Container Title",
            "2016-06-05",
            ["Ann Lee"],
        ),
        ({"published": "2016-06-05T10:00:00Z"}, None, "2016-06-05", []),
        ({"published": "last Tuesday"}, None, None, []),
    ],
)
def test_hints_fill_what_the_text_does_not_state(
    hints: dict, title: str | None, published: str | None, authors: list[str]
) -> None:
    (a,) = split_text(P1 + "\n\n" + P2, hints=hints)
    assert (a.title, a.published, a.authors) == (title, published, authors)


def test_text_wins_over_hints() -> None:
    page = "\n\n".join(
        ["Convoy Reaches Besieged Town After Weeks of Talks", "By Jane Roe", "June 4, 2016", P1]
    )
    (a,) = split_text(page, hints={"title": "Other", "published": "2020-01-01", "url": "http://x.example/a"})
    assert (a.title, a.published, a.authors) == (
        "Convoy Reaches Besieged Town After Weeks of Talks",
        "2016-06-04",
        ["Jane Roe"],
    )
    assert a.url == "http://x.example/a"


def test_hint_title_preferred_over_kicker_line() -> None:
    page = "\n\n".join(
        [
            "Subscribe to The Policy Journal for FREE",
            "Neither envoy will attend, but both capitals will send observers",
            "Talks Collapse Before They Begin",
            P1,
            P2,
        ]
    )
    (a,) = split_text(page, hints={"title": "Talks Collapse Before They Begin"})
    assert a.title == "Talks Collapse Before They Begin"
    assert a.subtitle == "Neither envoy will attend, but both capitals will send observers"
    assert a.publisher == "The Policy Journal"
    assert a.text == P1 + "\n\n" + P2


def test_recurring_lines_across_a_site_are_removed_with_stats() -> None:
    widget = "Tips? Write to the desk at the address below"
    pages = [f"{P1}\n\n{widget}\n\n{P2}", f"{P3}\n\n{widget}\n\n{P4}", f"{R1}\n\n{widget}\n\n{R2}"]
    stats = BoilerplateStats()
    for p in pages:
        stats.observe(
            Document(source="x", data=p.encode(), media_type="text", text=p, meta={"site": "ledger.example"})
        )
    (with_stats,) = split_text(pages[0], stats=stats, site="ledger.example")
    (without,) = split_text(pages[0])
    assert with_stats.text == P1 + "\n\n" + P2 and widget in with_stats.removed
    assert widget in without.text
    (other_site,) = split_text(pages[0], stats=stats, site="other.example")
    assert widget in other_site.text


@pytest.mark.parametrize("text", ["", "\n\n\n", "Advertisement\n\nShare this"])
def test_empty_pages_give_one_empty_primary(text: str) -> None:
    (a,) = split_text(text)
    assert a.role == "primary" and a.text == ""


def test_windows_newlines_and_nbsp() -> None:
    page = "Convoy Reaches Besieged Town After Weeks of Talks\r\n\r\nBy\u00a0Jane Roe\r\n\r\n" + P1
    (a,) = split_text(page)
    assert a.title == "Convoy Reaches Besieged Town After Weeks of Talks"
    assert a.authors == ["Jane Roe"] and a.text == P1


def test_promotion_header_above_the_body_is_not_the_article() -> None:
    page = "\n\n".join(
        [
            "Talks Collapse Before They Begin",
            "% of readers rated this story. Add yours.",
            "Headline: Gold Prices Soar as Markets Rally Worldwide",
            "[January 24, 2018 - MarketWire.example]",
            P1,
            P2,
        ]
    )
    (a,) = split_text(page, hints={"title": "Talks Collapse Before They Begin"})
    assert a.title == "Talks Collapse Before They Begin"
    assert a.published is None  # the promotion's date is not the article's
    assert a.text == P1 + "\n\n" + P2
    assert "Headline: Gold Prices Soar as Markets Rally Worldwide" in a.removed


@pytest.mark.parametrize(
    "name_line",
    ["Servers", "Depleted Soil", "A-Hmm", "Acme Lime, Delta Minerals, Sudbury Lime, Gilmour Company"],
)
def test_subheading_then_short_line_is_not_a_new_article(name_line: str) -> None:
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "By Jane Roe",
            P1,
            "Why the Convoy Took So Long",
            name_line,
            P2,
            P3,
        ]
    )
    (a,) = split_text(page)
    assert a.text.endswith(P3) and name_line in a.text


@pytest.mark.parametrize(
    "name_line,authors",
    [("ANATOLY KARLIN", ["Anatoly Karlin"]), ("AFP", ["AFP"]), ("Mary Major", ["Mary Major"])],
)
def test_bare_byline_under_a_title_starts_an_article(name_line: str, authors: list[str]) -> None:
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "By Jane Roe",
            P1,
            P2,
            "Cholera Cases Double in Besieged Port",
            name_line,
            R1,
            R2,
        ]
    )
    arts = split_text(page)
    assert [a.title for a in arts] == [
        "Convoy Reaches Besieged Town After Weeks of Talks",
        "Cholera Cases Double in Besieged Port",
    ]
    assert arts[1].authors == authors and arts[1].text == R1 + "\n\n" + R2


def test_known_container_title_beats_a_guessed_headline() -> None:
    page = "\n\n".join(["Headline: Gold Prices Soar as Markets Rally Worldwide", P1, P2])
    (a,) = split_text(page, hints={"title": "Talks Collapse Before They Begin"})
    assert a.title == "Talks Collapse Before They Begin"
    assert a.text.startswith("Headline: Gold Prices Soar")  # kept: it may be body text


def test_short_brief_before_a_related_article_stays_primary() -> None:
    page = "\n\n".join(
        [
            "Rebels Seize Hilltop Near Border",
            P1,
            "Related",
            "Cholera Cases Double in Besieged Port",
            "By John Doe",
            R1,
            R2,
        ]
    )
    arts = split_text(page)
    assert [(a.title, a.role) for a in arts] == [
        ("Rebels Seize Hilltop Near Border", "primary"),
        ("Cholera Cases Double in Besieged Port", "related"),
    ]
    assert arts[0].text == P1


def test_header_with_the_container_title_is_the_primary() -> None:
    page = "\n\n".join(
        [
            "Talks Collapse Before They Begin",
            "Example Times is a leading voice of the community with articles covering the "
            "full spectrum of living. Click here to see all we share.",
            "Talks Collapse Before They Begin",
            "by Carl Example, PhD",
            P1,
            P2,
        ]
    )
    (a,) = split_text(page, hints={"title": "Talks Collapse Before They Begin"})
    assert a.title == "Talks Collapse Before They Begin" and a.authors == ["Carl Example"]
    assert a.text == P1 + "\n\n" + P2


def test_readers_comments_after_the_comment_form_are_removed() -> None:
    comment = "Great piece, thanks. The monitors should publish their full reports every week."
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "By Jane Roe",
            P1,
            P2,
            "Leave a Reply",
            comment,
            "Another reader: I disagree with the premise entirely.",
        ]
    )
    (a,) = split_text(page)
    assert a.text == P1 + "\n\n" + P2
    assert comment in a.removed


def test_comment_link_above_the_body_does_not_swallow_it() -> None:
    page = "\n\n".join(
        ["Convoy Reaches Besieged Town After Weeks of Talks", "By Jane Roe", "Click to comment", P1, P2]
    )
    (a,) = split_text(page)
    assert a.text == P1 + "\n\n" + P2


@pytest.mark.parametrize(
    "hint", ["Talks Collapse Before They Begin | The Ledger", "Talks Collapse Before They Begin - The Ledger"]
)
def test_container_title_with_site_suffix_is_found(hint: str) -> None:
    page = "\n\n".join(
        [
            "Subscribe to The Ledger for FREE",
            "Neither envoy will attend, say officials",
            "Talks Collapse Before They Begin",
            P1,
            P2,
        ]
    )
    (a,) = split_text(page, hints={"title": hint})
    assert a.title == "Talks Collapse Before They Begin"
    assert a.text == P1 + "\n\n" + P2


def test_role_line_between_byline_and_date() -> None:
    page = "\n".join(
        [
            "Skip to main content",
            "Syria conflict: Convoy reaches besieged town",
            "By Jane Roe",
            "Example News, Beirut",
            "4 June 2016",
            "Related Topics",
            "Syrian civil war",
            "Image source, Example Images",
            "Image caption, Smoke rises over the town",
            P1,
            P2,
        ]
    )
    (a,) = split_text(page)
    assert a.title == "Syria conflict: Convoy reaches besieged town"
    assert a.authors == ["Jane Roe"] and a.published == "2016-06-04"
    assert a.text == "Syrian civil war\n\n" + P1 + "\n\n" + P2
    assert "Example News, Beirut" in a.removed


def test_breadcrumb_subtitle_and_repeated_date() -> None:
    page = "\n".join(
        [
            "News|Syria's War",
            "Convoy reaches besieged town after weeks of talks",
            "Aid agencies say supplies will last a month.",
            "Published On 4 Jun 2016",
            "4 Jun 2016",
            P1,
            P2,
        ]
    )
    (a,) = split_text(page)
    assert a.title == "Convoy reaches besieged town after weeks of talks"
    assert a.subtitle == "Aid agencies say supplies will last a month."
    assert a.published == "2016-06-04"
    assert a.text == P1 + "\n\n" + P2


def test_ad_snippet_inside_a_paragraph_is_cut_out() -> None:
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "By Jane Roe",
            P1 + " (adsbygoogle = window.adsbygoogle || []).push({}); " + P2,
        ]
    )
    (a,) = split_text(page)
    assert a.text == P1 + " " + P2


@pytest.mark.parametrize(
    "header,authors,iso",
    [
        (["June 4, 2016", "Jane Roe"], ["Jane Roe"], "2016-06-04"),
        (["By", "Jane Roe"], ["Jane Roe"], None),
        (["June 4, 2016", "BEIRUT"], [], "2016-06-04"),  # a dateline, not an author
    ],
)
def test_author_after_date_or_by(header: list[str], authors: list[str], iso: str | None) -> None:
    page = "\n\n".join(["Convoy Reaches Besieged Town After Weeks of Talks", *header, P1, P2])
    (a,) = split_text(page)
    assert a.authors == authors and a.published == iso
    assert a.text.endswith(P1 + "\n\n" + P2)


@pytest.mark.parametrize("title", ["Convoy Reaches Besieged Town", "Syria Talks Collapse"])
def test_short_title_case_headline_is_a_title(title: str) -> None:
    (a,) = split_text("\n\n".join([title, "By Jane Roe", P1]))
    assert a.title == title and a.authors == ["Jane Roe"] and a.text == P1


def test_credits_list_is_not_a_header() -> None:
    credits = [
        "DIRECTED BY",
        "JANE ROE",
        "PRODUCERS",
        "JOHN DOE",
        "MARY MAJOR",
        "ANN LEE",
        "BO CHEN",
        "MUSIC BY",
        "RYAN EXAMPLE",
        "Written by: Ann Lee, Bo Chen",
    ]
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "By Jane Roe",
            P1,
            P2,
            "CAST AND CREW OF THE DOCUMENTARY FILM",
            *credits,
        ]
    )
    arts = split_text(page)
    assert len(arts) == 1
    assert "JOHN DOE" in arts[0].text  # the list of names did not become a byline
    assert "RYAN EXAMPLE" in arts[0].text or "RYAN EXAMPLE" in arts[0].removed  # nothing vanishes


def test_embedded_tweet_does_not_start_an_article() -> None:
    page = "\n\n".join(
        [
            "Convoy Reaches Besieged Town After Weeks of Talks",
            "By Jane Roe",
            P1,
            "Trucks are finally moving into the town pic.twitter.com/abc123",
            "— Mary Major (@marymajor) June 4, 2016",
            P2,
        ]
    )
    (a,) = split_text(page)
    assert a.text.endswith(P2) and "(@marymajor)" in a.text


def test_repeated_headline_in_header() -> None:
    t = "Convoy Reaches Besieged Town After Weeks of Talks"
    (a,) = split_text("\n".join([t, "Home", t, "By Jane Roe", P1, P2]))
    assert a.title == t and a.subtitle is None and a.authors == ["Jane Roe"]
    assert a.text == P1 + "\n\n" + P2


def test_wrapped_title_after_unterminated_paragraph() -> None:
    lines = ["Ceasefire monitors report shelling near Hama", "Wire24,", "4", "June, 2016"]
    for p in (P1, P2):
        lines += _wrap_lone(p)
    lines[-1] = lines[-1].rstrip(".")
    lines += ["Syria: Talks In Geneva Keep Failing - Envoys Return Home", "3", "June, 2016"]
    for p in (P4, R1):
        lines += _wrap_lone(p)
    arts = split_text("\n".join(lines))
    assert [a.title for a in arts] == [
        "Ceasefire monitors report shelling near Hama",
        "Syria: Talks In Geneva Keep Failing - Envoys Return Home",
    ]
    assert arts[1].published == "2016-06-03" and arts[1].text == P4 + "\n\n" + R1
