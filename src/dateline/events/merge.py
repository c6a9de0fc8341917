"""PLACEHOLDER (to be replaced): merging the mentions of one event inside an article."""

from __future__ import annotations

from ..model import Doc
from ..pipeline import Stage


class MergeStage(Stage):
    name = "merge"
    needs = frozenset({"events"})
    adds = frozenset({"merged"})

    def __call__(self, doc: Doc) -> None:
        doc.merged = True
