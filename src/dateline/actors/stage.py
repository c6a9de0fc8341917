"""PLACEHOLDER (to be replaced by the actor stage): finds nothing yet."""

from __future__ import annotations

from ..model import Doc
from ..pipeline import Stage


class ActorStage(Stage):
    name = "actors"
    needs = frozenset({"sentences", "entities", "places"})
    adds = frozenset({"actors"})

    @classmethod
    def default(cls) -> "ActorStage":
        return cls()

    def __call__(self, doc: Doc) -> None:
        doc.actors = ()
