"""PLACEHOLDER (to be replaced by the place stage): finds nothing yet."""

from __future__ import annotations

from ..model import Doc, EventPlace, Place, Sentence, Span
from ..pipeline import Stage


class PlaceStage(Stage):
    name = "places"
    needs = frozenset({"sentences", "entities"})
    adds = frozenset({"places"})

    @classmethod
    def default(cls, *, gazetteer=None) -> "PlaceStage":
        return cls()

    def __call__(self, doc: Doc) -> None:
        doc.places = ()

    def resolve_spans(self, text: str, spans) -> list[Place | None]:
        return [None for _ in spans]


def event_place(doc: Doc, trigger: Span, sentence: Sentence) -> EventPlace:
    """Where the event whose trigger is ``trigger`` happened."""
    return EventPlace(None)
