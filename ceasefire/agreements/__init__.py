"""Ceasefire agreements as data: one TOML file per agreement (docs/AGREEMENTS.md).

- :mod:`.schema`: the record (sides, area, prohibited acts, extensions ...);
- :mod:`.load`: reading and checking files, every problem with its file and line;
- ``data/``: the bundled agreements, written from public facts with their sources.
"""

from __future__ import annotations

from .load import BUNDLED, AgreementError, check_file, check_text, files_of, load_agreements
from .schema import DEFAULT_PROHIBITED, KINDS, Agreement, Area, Checked, Extension, Problem, Prohibited, Side

__all__ = [
    "BUNDLED",
    "DEFAULT_PROHIBITED",
    "KINDS",
    "Agreement",
    "AgreementError",
    "Area",
    "Checked",
    "Extension",
    "Problem",
    "Prohibited",
    "Side",
    "check_file",
    "check_text",
    "files_of",
    "load_agreements",
]
