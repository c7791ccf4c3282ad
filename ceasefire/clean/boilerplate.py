"""Line statistics across the documents of a run (placeholder until the cleaner lands)."""

from __future__ import annotations

from ..models import Document


class BoilerplateStats:
    def observe(self, doc: Document) -> None:
        return None
