"""The tables in this folder test the rules (the proposers and their own decision, the ``rules``
column of ``scripts/eval``), so they run with ``CEASEFIRE_CODER=rules``. The trained coder is tested
through ``ceasefire extract`` in ``tests/coder/``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="package")
def _rules_decider() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CEASEFIRE_CODER", "rules")
        yield
