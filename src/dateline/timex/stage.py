"""The time stage: every time expression in the story, normalised against the dateline.

Detection and normalisation are rule-based (:mod:`~dateline.timex.rules`); each
:class:`~dateline.model.TimeExpr` carries its TIMEX3 value, the interval it denotes, its
granularity, the anchor it was resolved against and the rule that produced it.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from ..io import HEADER
from ..model import Doc, TimeExpr
from ..pipeline import Stage
from .detect import Running, detect, find, normalise, to_time
from .eventdate import event_time

__all__ = ["TimeStage", "event_time"]


class TimeStage(Stage):
    name = "times"
    needs = frozenset({"sentences", "entities"})
    adds = frozenset({"times"})

    def __call__(self, doc: Doc) -> None:
        # The header line is metadata; the wire dateline's own date ("WASHINGTON, August 8 (Xinhua) --")
        # is a time expression in the text (TimeML marks it), but event dating ignores it.
        doc.times = tuple(detect(doc.text, published=doc.article.published, start=story_start(doc.text)))

    def normalize_spans(
        self, text: str, spans: Sequence[tuple[int, int]], *, published: dt.date | None
    ) -> list[TimeExpr | None]:
        """Normalise given spans (e.g. gold ones), in reading order so earlier dates anchor later ones."""
        running = Running(published)
        out: dict[int, TimeExpr | None] = {}
        for index in sorted(range(len(spans)), key=lambda i: spans[i]):
            start, end = spans[index]
            out[index] = self._one(text, start, end, running)
        return [out[i] for i in range(len(spans))]

    @staticmethod
    def _one(text: str, start: int, end: int, running: Running) -> TimeExpr | None:
        # The longest reading wins, but a word that is a time only when marked ("earlier") yields.
        for cand in sorted(find(text, start, end, given=True), key=lambda c: (c.rule.given_only, c.start - c.end)):
            norm = normalise(cand, running.context(text, start, end, given=True))
            if norm is not None:
                running.update(norm, end)
                return to_time(start, end, norm, published_of(running))
        return None


def story_start(text: str) -> int:
    """Where the article's own text starts: after a header line, at the wire dateline if any."""
    header = HEADER.match(text)
    return header.end() if header else 0


def published_of(running: Running) -> dt.date | None:
    return running.dct
