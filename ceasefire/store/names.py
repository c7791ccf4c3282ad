"""How a user's name for an actor or a place is compared with the names stored.

Two questions, answered without the NLP stages (the store is read by tools
that never load spaCy):

* Which stored mentions are *names* of an actor? The actors stage links
  pronouns ("they", "its"), descriptions ("the group", "the two
  ministers") and common nouns ("militants") to actors too; they are true in their article but name
  nobody on their own, so they are neither shown as aliases nor used to
  look an actor up (``--actor they`` would otherwise match every group).
* When are two spellings the same name? Case, hyphens, dots, apostrophes
  and a leading "the" vary between outlets ("Jabhat al-Nusra", "jabhat al
  nusra"; "U.S.", "US"; "Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham").
"""

from __future__ import annotations

import re
import unicodedata

# English personal, possessive, reflexive, demonstrative and quantifier pronouns: a
# closed class, so listed in full rather than tuned on any data.
PRONOUNS = frozenset(
    """
    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    this that these those who whom whose which what
    both each either neither all some any none one ones another other others
    everyone everybody someone somebody anyone anybody
    """.split()
)

# Words that open a description rather than a name when nothing after them is
# capitalised: "the group", "these groups", "both countries", "its forces".
# "The Taliban" or "the Islamic State" stay names (a capitalised word follows).
DETERMINERS = PRONOUNS | frozenset("the a an such".split())

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})
_DROP = re.compile(r"['.]")  # "U.S." = "US", "Hay'at" = "Hayat"
_SPACE = re.compile(r"[\s\-\u2013\u2014_/]+")  # "al-Nusra" = "al Nusra"


def is_name(mention: str | None) -> bool:
    """True when a stored mention names its actor on its own (not a pronoun or a description)."""
    if not mention:
        return False
    words = mention.split()
    # News capitalises names ("Turkish troops", "al-Qaeda", "M23"); an all-lower-case
    # mention is a common noun standing for an actor in one article ("militants",
    # "the regime", "children") and names no one in particular.
    if not words or not any(c.isupper() or c.isdigit() for c in mention):
        return False
    first = words[0].lower().translate(_QUOTES)
    if len(words) == 1:
        # "US" in capitals is the country, not "us"; pronouns are capitalised only in title case.
        return first not in PRONOUNS or (len(mention) > 1 and mention.isupper())
    return first not in DETERMINERS or any(w[:1].isupper() for w in words[1:])


def name_key(text: str) -> str:
    """A comparable form of a name: case, accents, hyphens, dots, apostrophes and a leading 'the' ignored."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _SPACE.sub(" ", _DROP.sub("", text)).strip()
    return text.removeprefix("the ")
