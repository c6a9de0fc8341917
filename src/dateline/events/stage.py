"""PLACEHOLDER (to be replaced by the event stage): finds nothing yet."""

from __future__ import annotations

from ..model import Doc
from ..pipeline import Stage


class EventStage(Stage):
    name = "events"
    needs = frozenset({"spacy", "sentences", "times", "places", "actors"})
    adds = frozenset({"events"})

    @classmethod
    def default(cls) -> "EventStage":
        return cls()

    def __call__(self, doc: Doc) -> None:
        doc.events = ()
