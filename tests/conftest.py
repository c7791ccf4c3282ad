"""Session fixtures shared by all tests."""

from __future__ import annotations

import pytest

# One headless Chromium per session for every browser test (web pages and the report): a
# second sync_playwright in the same process fails ("Sync API inside the asyncio loop").
from tests.web.browser_fixtures import browser, chromium  # noqa: F401


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once per test run."""
    from ceasefire.nlp import load_model

    return load_model()
