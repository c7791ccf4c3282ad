"""A real store for the ledger tests: the bundled examples plus the small articles of
``articles/`` (written for these tests in the style of the examples; the events and figures
are invented, the places, groups and agreements are real), ingested by the real CLI with spaCy."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ceasefire.cli import cli

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "ceasefire" / "examples"


@pytest.fixture(scope="session")
def ledger_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    result = CliRunner().invoke(cli, ["ingest", str(HERE / "articles"), str(EXAMPLES), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db
