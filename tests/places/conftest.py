"""Fixtures of the places tests: the gazetteer, built (or loaded from its cache) once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gaz():
    from ceasefire.places import get_gazetteer

    return get_gazetteer()
