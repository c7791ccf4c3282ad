"""Session fixtures shared by all tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once per test run."""
    from ceasefire.nlp import load_model

    return load_model()
