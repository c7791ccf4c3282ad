"""The ceasefire ledger: alleged violations of an agreement, each side's claims kept apart.

- :mod:`.judge`: whether an event falls under an agreement (act, period, area, parties), with
  "possibly within" for dates and places known too coarsely to say;
- :mod:`.build`: the violations of one agreement, their claims, denials, sources and status,
  and the counts per day or week by accused x reporting side;
- :mod:`.render`: the ledger as a table for people, CSV rows and JSON.
"""

from __future__ import annotations

from .build import Answer, Claim, Ledger, Violation, build_ledger
from .judge import POSSIBLY, WITHIN

__all__ = ["POSSIBLY", "WITHIN", "Answer", "Claim", "Ledger", "Violation", "build_ledger"]
