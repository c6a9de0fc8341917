"""Placeholder, replaced below."""
from __future__ import annotations

from ..model import Doc, EventTime, Sentence, Span


def event_time(doc: Doc, trigger: Span, sentence: Sentence) -> EventTime:
    pub = doc.article.published.isoformat() if doc.article.published else None
    return EventTime(pub, pub, pub, 2 if pub else None, None, "publication-date")
