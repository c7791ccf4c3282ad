"""Line-level signals: is a line boilerplate, header residue, title-like, a sentence?

Every check here looks at one line (or one re-joined paragraph) on its own, by
its shape and by short anchored phrases that scraped news pages share across
sites (ad-script residue, donation and subscription pleas, comment forms,
share bars, navigation words, photo credits, view counters, disclaimers).

All regexes are anchored or bounded and are only run on lines shorter than
:data:`MAX_PATTERN_LEN`, so a pathological line (1 MB without a newline) costs
one length check and a few substring tests.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Lines longer than this are never boilerplate by phrase (boilerplate widgets are short);
# only the script-residue substring test runs on them. Calibrated on the seed pages, whose
# longest boilerplate line (a PayPal plea) is 118 characters, with headroom for longer pleas.
MAX_PATTERN_LEN = 400
# Share of code characters ({}();=<>|[]/\) from which a long line is code: the seeds' ad
# line has ~0.2, English prose well under 0.02.
CODE_DENSITY = 0.08

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def fold(line: str) -> str:
    """Case-, quote-, dash- and whitespace-insensitive key of a line."""
    text = unicodedata.normalize("NFKC", line).translate(_QUOTES).translate(_ZERO_WIDTH)
    return " ".join(text.casefold().split())


# Script and markup residue: substrings that only appear in code, never in prose.
# Script and markup residue: regexes that match code, never prose ("our window. I looked" is
# prose; "window.adsbygoogle" is code).
_SCRIPT_MARKERS = (
    r"adsbygoogle",
    r"googlesyndication",
    r"googletag\.",
    r"document\.write\(",
    r"<script\b",
    r"</script>",
    r"\bfunction\s*\([\w\s,]{0,80}\)\s*\{",
    r"\bwindow\.[a-z_]",
    r"\.push\(\{",
    r"javascript:",
    r"\bdata-ad-",
    r"\bvar _gaq",
    r"\bfbq\(",
    r"\bgtag\(",
)
# Ad snippets glued into a paragraph of prose are cut out of it rather than dropping the paragraph.
INLINE_SCRIPT = re.compile(
    r"\(adsbygoogle\s*=\s*window\.adsbygoogle\s*\|\|\s*\[\]\)\.push\(\{\}\);?"
    r"|(?:https?:)?//pagead2\.googlesyndication\.com/[^\s]{0,200}"
    r"|<script\b[^<>]{0,500}>|</script>",
    re.I,
)

# Whole-line navigation / widget words (compared after fold() and trimming punctuation).
_NAV_LINES = frozenset(
    """
latest|trending|videos|video|news|analysis|staff picks|connect with us|advertisement|advertisements|
sponsored|sponsored content|promoted|ad|ads|click to comment|leave a reply|leave a comment|avatar|
subscribe|unsubscribe|notify of|continue reading|read more|read full article|read the full article|
inline feedbacks|view all comments|what do you think|no comments|post a comment|comments|comment|
quick donate|donate|donate now|euro|usd|share|share this|share this article|share this story|
share this post|share on facebook|share on twitter|tweet|email|e-mail|print|pin it|reply|like|
facebook|twitter|whatsapp|telegram|linkedin|reddit|pinterest|google+|vk|copy link|show comments|
hide comments|load more|loading|sign up|log in|login|register|newsletter|podcast|home|menu|search|
popular|most read|most popular|top stories|recommended|related|related articles|related posts|
related stories|related news|you may also like|more stories|more news|back to top|skip to content|
featured|editor's picks|editors' picks|breaking news|opinion|world|politics|tags|categories|
previous article|next article|previous post|next post|previous|next|print this page|
related coverage|related content|related topics|more on this story|more on this topic|top news|
most viewed|editor's choice|trending now|what to read next|read next|up next|watch now|
listen to this article|image|media caption|skip to main content|skip to navigation|
caption|close|replay|shares|expand|collapse|enlarge|enlarge image|view gallery|open gallery|
""".replace("\n", "").split("|")
) - {""}

# Section names of a site's menu: a line made only of these and the one-word nav entries
# above ("Home News World Business Sport") is a menu.
_SECTIONS = frozenset(
    """home news world politics business economy markets sport sports tech technology
science health entertainment culture arts lifestyle travel opinion analysis video videos podcasts
podcast live latest trending features investigations africa asia europe americas middle east
uk us australia weather climate media education style food books more menu search""".split()
)
_MENU_WORDS = _SECTIONS | {w for w in _NAV_LINES if " " not in w}
_CRUMB_SEPARATORS = "›»>/|:-–—•·"


def strip_breadcrumb(title: str) -> str:
    """A headline without the breadcrumb glued before it: "Home News Business News Ascom opens
    plant" -> "Ascom opens plant", "Home › World › Talks collapse" -> "Talks collapse". Only a
    trail that starts with "Home" and has another section word is cut ("Home Office warns" stays)."""
    toks = title.split()
    if not toks or strip_edge_punct(toks[0].casefold()) != "home":
        return title
    k = 0
    sections = 0
    while k < len(toks) - 1:
        w = toks[k].casefold().strip(_CRUMB_SEPARATORS)
        if not w:  # a separator standing alone
            k += 1
            continue
        if w not in _MENU_WORDS:
            break
        sections += 1
        k += 1
    rest = " ".join(toks[k:]).lstrip(_CRUMB_SEPARATORS + " ")
    return rest if sections >= 2 and len(rest.split()) >= 3 else title


# A menu line has at least this many entries (two words such as "World Politics" may be a heading).
MIN_MENU_WORDS = 3

# Markers that a comment section starts: what follows them, up to the next article, is readers'
# comments. ("12 Comments" alone is left out: share bars at the top of articles show counts.)
COMMENT_SECTION = frozenset(
    """leave a reply|leave a comment|post a comment|notify of|inline feedbacks|
view all comments|join the discussion|add a comment|add your comment|comments are closed|
be the first to comment|show comments|load comments|what do you think|click to comment|
discussion|reader comments|comments section""".replace("\n", "").split("|")
)


# Headings of the link boxes that follow an article ("More in World", "Most Popular Videos",
# "Trending News", "You may also like", "MUST WATCH"): the words after more/most/top/... must
# be box words or section names, so that "More than 200 killed" is not one.
_BOX_WORDS = (
    r"(?:stories|story|news|articles?|posts?|videos?|headlines|links|content|coverage|topics?|"
    r"reads?|popular|viewed|watched|shared|commented|recent|now|today|this week|on this (?:story|topic)|"
    r"from (?:us|around the web|the web|our partners|our network)|"
    + "|".join(sorted(_SECTIONS, key=len, reverse=True))
    + r")"
)
_END_MARKER = re.compile(
    r"^(?:(?:our |the )?(?:more|most|top|latest|related|popular|trending|recommended|featured|editor'?s'?|"
    r"previous|next|older|newer|other)"
    r"(?: " + _BOX_WORDS + r"){1,3}(?: (?:in|on|from) [^.!?]{2,30})?"
    r"|more (?:in|from|on|about) [^.!?]{2,40}"
    r"|related|trending|recommended|must (?:watch|read|see)|you (?:may|might) (?:also )?(?:like|enjoy)|"
    r"we recommend|recommended for you|(?:read|watch)(?: this)? next|what to read next|don't miss|"
    r"(?:from )?around the web|sponsored (?:links|stories|content)|quick links|"
    r"editor'?s'? (?:picks|choice)|about the author)$"
)


def is_end_marker(line: str) -> bool:
    """Is this line the heading of a link box after an article ("More in World", "Most Popular")?"""
    return len(line) <= 60 and _END_MARKER.match(strip_edge_punct(fold(line))) is not None


# The heading of a blog's comment list: "34 responses to “Title”", "12 thoughts on “Title”".
# Unlike a bare "12 Comments" (a share bar's count), the "to/on <title>" makes it the list's heading.
_COMMENT_HEADING = re.compile(
    r"^(?:\d+|one|two|three) (?:responses?|replies|thoughts|comments?) (?:to|on) \S"
)


def is_comment_marker(line: str) -> bool:
    if len(line) > 250:
        return False
    f = fold(line)
    return (len(line) <= 40 and strip_edge_punct(f) in COMMENT_SECTION) or _COMMENT_HEADING.match(
        f
    ) is not None


# One-word widget lines that never start a sentence, so they are boilerplate even inside
# hard-wrapped text (where "News" or "Share" alone may be a paragraph's first word).
_NEVER_PROSE = frozenset(["advertisement", "advertisements", "sponsored", "avatar", "loading"])

# Social network names: a line made only of these (a share bar) is boilerplate.
_SOCIAL = frozenset(
    "facebook twitter x email e-mail print whatsapp telegram linkedin reddit pinterest "
    "vk tumblr share tweet pin messenger copy link sms google+ mix flipboard permalink".split()
)

# Phrases, searched in the folded line; each entry exists because such widgets appear on
# scraped news pages in general (the seeds show Patreon/PayPal/YouTube/Soundcloud variants).
_BOILER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "donate",
        re.compile(
            r"\b(?:patreon|paypal|donate|make a donation|your donations?|chip in|"
            r"become a (?:member|patron|supporter|subscriber)|support (?:us|our work|"
            r"independent journalism|this site))\b"
        ),
    ),
    ("donate", re.compile(r"\b(?:validating payment information|amount to donate)\b")),
    (
        "subscribe",
        re.compile(
            r"\b(?:please subscribe|subscribe (?:to|now|here|today|for free)|"
            r"sign up (?:for|to) (?:our|the)|newsletter|youtube channel|"
            r"follow (?:us|@)|join our (?:youtube|telegram|mailing|newsletter|channel)|"
            r"audio podcast|on soundcloud|get (?:our|the) app|"
            r"follow .{1,40} on (?:twitter|facebook|instagram|telegram|gab|youtube))\b"
        ),
    ),
    (
        "comments",
        re.compile(
            r"^(?:leave a (?:reply|comment)|click to comment|post a comment|"
            r"no comments|\d+ comments?|add (?:a|your) comment|join the discussion|"
            r"be the first to comment|show comments|load comments|comments are closed|"
            r"you must be logged in|notify of|inline feedbacks|view all comments)\b"
        ),
    ),
    (
        "comments",
        re.compile(r"^(?:\d+|one|two|three) (?:responses?|replies|thoughts|comments?) (?:to|on) \S"),
    ),
    (
        "comments",
        re.compile(
            r"\bmay post a comment\b|\bcomment policy\b|\byour email address will not "
            r"be published\b"
        ),
    ),
    (
        "continue",
        re.compile(
            r"^(?:continue reading|read more|read the (?:full|rest)|click here (?:to|for)|"
            r"more from|you may also like|recommended for you|you might also like|"
            r"related(?: articles| posts| stories| content| coverage)?\s*:|more stories|"
            r"also read|see also|don't miss)\b"
        ),
    ),
    ("share", re.compile(r"^(?:share (?:this|on|via)|click to share|share the article)\b")),
    # Skip links and back links of page chrome ("Skip to Article", "Site - Back to home").
    (
        "nav",
        re.compile(
            r"^skip to (?:the )?(?:main )?(?:content|article|story|navigation|search|footer|menu)$"
            r"|\bback to (?:home|homepage|top|the top)$"
        ),
    ),
    # A photo credit standing alone in parentheses: "(Jane Roe / Example Press)", "(AP Photo/J. Roe)".
    ("caption", re.compile(r"^\([^()]{3,80}/[^()]{2,60}\)$")),
    ("views", re.compile(r"^[\d,.]+\s*[km]?\s+(?:views|shares|reads|likes|comments)$")),
    (
        "disclaimer",
        re.compile(
            r"(?:views|opinions)(?: and (?:views|opinions))? expressed .{0,120}"
            r"(?:solely|are those of|do not necessarily|does not necessarily)"
        ),
    ),
    ("disclaimer", re.compile(r"\bdoes not give (?:financial|investment|medical|legal) advice\b")),
    # Legal footers of commercial sites: trademark notices, health-product disclaimers.
    (
        "disclaimer",
        re.compile(
            r"\b(?:is|are) (?:a )?(?:registered )?trademarks? of [a-z]|"
            r"\bhave not been evaluated by the food and drug administration\b|"
            r"\bnot intended to diagnose, treat, cure\b"
        ),
    ),
    # Market-data notices of business pages ("Quotes delayed at least 15 minutes", "Market data
    # provided by X").
    ("disclaimer", re.compile(r"^(?:quotes|prices|data) (?:are )?delayed\b")),
    ("disclaimer", re.compile(r"\bmarket data (?:is )?(?:provided|powered) by\b")),
    (
        "caption",
        re.compile(
            r"\((?:photo|image|picture|credit|video)s?(?: by|:)|"
            r"^(?:photo|image|picture|credit|file photo|photo credit|featured image)s?\s*:|"
            r"\b(?:getty images|afp photo|ap photo|reuters/|shutterstock|sputnik/|epa-efe|"
            r"global look press)\b"
        ),
    ),
    (
        "cookies",
        re.compile(
            r"\b(?:we use cookies|accept cookies|cookie policy|privacy policy|"
            r"terms of (?:use|service)|all rights reserved)\b"
        ),
    ),
    (
        "category",
        re.compile(
            r"^(?:filed under|posted in|categories|category|tags|tagged|topics|subjects?|sections?)\s*:"
        ),
    ),
    ("caption", re.compile(r"^(?:image|media|photo|video) (?:caption|copyright|source)\b")),
    # A short line that ends in a call to action is a teaser or a promotion.
    # The call must stand as its own sentence ("...Read more", ". CLICK HERE"), not end one
    # ("we hope to learn more.").
    (
        "teaser",
        re.compile(
            r"(?:\.\.|\.\.\.|[.!?]\s|[|»>]\s*|^)\s*(?:read more|continue reading|click here|"
            r"learn more|find out more|download (?:it )?now|sign up now|get it here)"
            r"\s*[.!:>»]*$"
        ),
    ),
    ("promo", re.compile(r"^free (?:gift|e-?book|download|report|trial)\b")),
    # A photo gallery's counter: "Image 1 of 8", "Photo 3 of 12", "Slide 2 / 10".
    ("caption", re.compile(r"^(?:image|photo|picture|slide)s? \d+ (?:of|/) ?\d*$")),
    (
        "nav",
        re.compile(
            r"^(?:advertisement|sponsored|ad)\b[\s:-]+(?:continue|story|scroll|content)\b"
            r"|^\d+\s*min(?:ute)?s?\s+read$"
        ),
    ),
)

# Lines made only of numbers (a donation widget's "5 100"), or of punctuation and at most
# a couple of letters (an emptied category list "in ,", a table's "|").
_NUMBERS_ONLY = re.compile(r"^[\d\s$€£.,%/]+$")  # "/" for a gallery's "1 / 8"

# Residue of a stripped header: the words that precede a byline or date when the value
# itself was lost in extraction ("Published" / "on" / "By").
_RESIDUE = frozenset(
    "published|on|published on|by|posted|posted on|posted by|updated|last updated|"
    "written by|date|author|authors|via".split("|")
)

_FUNCTION_WORDS = frozenset("in on by at of and or the a an to for with from".split())

# Headlines are short: the seeds' longest has 15 words; 25 leaves room for wordy outlets while
# a 30-word paragraph that lost its final period is not taken for a headline.
MAX_TITLE_WORDS = 25

_TERMINAL = ".!?"
_CLOSERS = "\"'”’»)]*"


def strip_edge_punct(text: str) -> str:
    return text.strip(" \t.:;,!?-|•·*#»«\"'“”‘’()[]")


_SCRIPT_RE = re.compile("|".join(_SCRIPT_MARKERS), re.I)
_CATEGORY_RE = re.compile("|".join(pat.pattern for reason, pat in _BOILER_PATTERNS if reason == "category"))
# One alternation of all phrase patterns: a single regex pass per line; the group name is the reason.
_BOILER_RE = re.compile(
    "|".join(f"(?P<{reason}_{i}>{pat.pattern})" for i, (reason, pat) in enumerate(_BOILER_PATTERNS))
)
_MARKET_NOTICE_RE = re.compile(r"^(?:quotes|prices|data) (?:are )?delayed\b")
_DISCLAIMER_RE = re.compile(
    "|".join(pat.pattern for reason, pat in _BOILER_PATTERNS if reason == "disclaimer")
)


# Every alternative of _BOILER_PATTERNS contains one of these substrings; a line without any
# of them skips the regex (a cheap pre-filter that keeps 200k-line pages fast).
_TRIGGERS = (
    "patreon",
    "paypal",
    "donat",
    "chip in",
    "become a",
    "support",
    "payment",
    "subscri",
    "sign up",
    "newsletter",
    "youtube",
    "follow",
    "join our",
    "podcast",
    "soundcloud",
    "get our",
    "get the",
    "comment",
    "reply",
    "notify",
    "feedback",
    "discussion",
    "logged in",
    "email address",
    "continue",
    "read",
    "click",
    "more ",
    "you may",
    "recommend",
    "you might",
    "related",
    "see also",
    "miss",
    "share",
    "views",
    "likes",
    "expressed",
    "advice",
    "trademark",
    "evaluated by",
    "diagnose",
    "respons",
    "replies",
    "thoughts",
    "skip to",
    "back to",
    "/",
    "delayed",
    "market data",
    "photo",
    "slide",
    "image",
    "picture",
    "credit",
    "video",
    "getty",
    "afp",
    "reuters/",
    "shutterstock",
    "sputnik/",
    "epa-efe",
    "global look press",
    "cookie",
    "privacy",
    "terms of",
    "rights reserved",
    "filed under",
    "posted in",
    "categor",
    "tags",
    "topics",
    "subject",
    "section",
    "caption",
    "copyright",
    "source",
    "advertisement",
    "sponsored",
    "ad ",
    "ad:",
    "ad-",
    "min",
    "learn more",
    "find out",
    "download",
    "get it",
    "free ",
)
_SCRIPT_HINTS = ("google", "(", "<", "window.", "document.", "javascript", "data-ad-", "_gaq")


def strip_inline_script(text: str) -> str:
    """The text less ad-script snippets glued into it."""
    if "adsbygoogle" not in text and "googlesyndication" not in text and "script" not in text.lower():
        return text
    return " ".join(INLINE_SCRIPT.sub(" ", text).split())


def script_residue(line: str) -> bool:
    head = line[:4000].lower()
    if not any(h in head for h in _SCRIPT_HINTS):
        return False
    return _SCRIPT_RE.search(head) is not None


def is_residue(line: str) -> bool:
    """A header word left without its value ("Published", "on", "By")."""
    if len(line) > 30:
        return False
    return strip_edge_punct(fold(line)) in _RESIDUE


def boiler_reason(line: str, *, single_words: bool = True) -> str | None:
    """Why a line is boilerplate, or None. ``single_words=False`` skips one-word nav lines
    (used on raw lines of hard-wrapped text, where "News" may start a wrapped paragraph)."""
    s = line.strip()
    if not s:
        return None
    if len(s) > MAX_PATTERN_LEN:
        # A long line is code only when code characters are dense; prose that quotes a
        # snippet keeps its text (see INLINE_SCRIPT). Tag lists can be long too.
        if script_residue(s) and _code_density(s) >= CODE_DENSITY:
            return "script"
        head = fold(s[:60])
        if _MARKET_NOTICE_RE.match(head):
            return "disclaimer"  # market-data notices run to 800+ characters of vendor credits
        return "category" if _CATEGORY_RE.match(head) else None
    return _short_line_reason(s, single_words)


def _code_density(s: str) -> float:
    head = s[:4000]
    return sum(head.count(c) for c in "{}();=<>|[]/\\") / max(len(head), 1)


# Widget lines repeat on every page of a site: cache the verdicts on short lines (only short
# ones, so the cache stays small: 65536 lines of <= 400 chars is at most ~26 MB).
@lru_cache(maxsize=1 << 16)
def _short_line_reason(s: str, single_words: bool) -> str | None:
    if script_residue(s):
        return "script"
    f = fold(s)
    core = strip_edge_punct(f)
    if core in _NAV_LINES and (single_words or " " in core or core in _NEVER_PROSE):
        return "nav"
    if "©" in s and len(s) <= 300:
        return "caption"
    words = core.replace("|", " ").split()
    if words and len(words) <= 8 and all(w in _SOCIAL for w in words) and (single_words or len(words) > 1):
        return "share"
    if 1 < len(words) <= 8 and "share" in words and all(w in _SOCIAL or w == "via" for w in words):
        # "X Share via", "Share via Email": a share bar's label with its network names
        return "share"
    if (
        len(words) >= MIN_MENU_WORDS
        and len(words) <= 25
        and all(w.strip(",|•·/") in _MENU_WORDS for w in words)
    ):
        return "nav"
    if _NUMBERS_ONLY.match(core) and " " in core:
        return "widget"
    if (
        len(s) <= 20
        and not any(ch.isdigit() for ch in s)
        and any(not ch.isalnum() and not ch.isspace() for ch in s)
        and all(w in _FUNCTION_WORDS for w in re.findall(r"\w+", f))
    ):
        return "residue"  # punctuation and function words only: "in ,", "|", "- -"
    # Widget phrases live on short lines; a long paragraph that merely mentions
    # "donations" or "subscribe" is prose. 250 chars covers the seeds' pleas (<= 120).
    if len(s) > 250:
        if _CATEGORY_RE.match(f):
            return "category"
        return "disclaimer" if _DISCLAIMER_RE.search(f) else None
    if not any(t in f for t in _TRIGGERS):
        return None
    m = _BOILER_RE.search(f)
    if m and m.lastgroup:
        return m.lastgroup.rsplit("_", 1)[0]
    return None


def ends_sentence(text: str) -> bool:
    """Does the text end like a sentence (., !, ?, ..., optionally inside closing quotes)?"""
    t = text.rstrip().rstrip(_CLOSERS)
    return bool(t) and (t[-1] in _TERMINAL or t.endswith("\u2026"))


def starts_upper(text: str) -> bool:
    """First letter or digit, after opening quotes/brackets, is upper-case or a digit."""
    for ch in text[:8]:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
        if ch in "\"'“‘«([":
            continue
        return False
    return False


def word_count(text: str) -> int:
    return len(text.split())


def is_title_like(text: str) -> bool:
    """Shape of a headline: 2-35 words, starts upper-case, does not end in . , ; :"""
    n = len(text)
    if n < 8 or n > 250:
        return False
    t = text.rstrip().rstrip(_CLOSERS)
    if not t or t[-1] in ".,;:" or t.endswith("\u2026"):
        return False
    if not starts_upper(text):
        return False
    if text[0] in "\"“‘'«" and text.rstrip()[-1] in "\"”’'»":
        return False  # a whole line in quotation marks is a quotation, not a headline
    return 2 <= word_count(text) <= MAX_TITLE_WORDS
