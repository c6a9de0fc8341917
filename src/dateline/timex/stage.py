"""PLACEHOLDER (to be replaced by the time stage): finds nothing yet."""

from __future__ import annotations

import datetime as dt

from ..model import Doc, EventTime, Sentence, Span, TimeExpr
from ..pipeline import Stage


class TimeStage(Stage):
    name = "times"
    needs = frozenset({"sentences", "entities"})
    adds = frozenset({"times"})

    def __call__(self, doc: Doc) -> None:
        doc.times = ()

    def normalize_spans(self, text: str, spans, *, published: dt.date | None) -> list[TimeExpr | None]:
        return [None for _ in spans]


def event_time(doc: Doc, trigger: Span, sentence: Sentence) -> EventTime:
    """The date of the event whose trigger is ``trigger``: publication date, low precision."""
    pub = doc.article.published.isoformat() if doc.article.published else None
    return EventTime(pub, pub, pub, 2 if pub else None, None, "publication-date")
