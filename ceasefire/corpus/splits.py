"""Train, dev and test, split by outlet: no test outlet ever occurs in train or dev.

The outlets were assigned before any model was trained, by size and kind:
test takes one large wire agency (AFP) and several web outlets of other
kinds (BBC, Reuters, the New York Times, ABC Australia, the China Post, two
US opinion sites); dev takes Xinhua and CNN with a few others; everything
else trains. The test annotations are frozen (see ``corpus/MANIFEST.json``).
"""

from __future__ import annotations

TEST_OUTLETS = frozenset(
    {
        "AFP",
        "bbc.com",
        "reuters.com",
        "nytimes.com",
        "independent.co.uk",
        "abc.net.au",
        "chinapost.com.tw",
        "washingtonexaminer.com",
        "nationalreview.com",
    }
)
DEV_OUTLETS = frozenset(
    {"Xinhua", "cnn.com", "ctvnews.ca", "canadafreepress.com", "willyloman.wordpress.com"}
)
SPLITS = ("train", "dev", "test")


def split_of(outlet: str) -> str:
    if outlet in TEST_OUTLETS:
        return "test"
    if outlet in DEV_OUTLETS:
        return "dev"
    return "train"
