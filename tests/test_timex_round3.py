"""Third round of time rules: TempEval-3 conventions and coverage (texts written for these tests)."""

from __future__ import annotations

import datetime as dt
import re

from dateline.io import article_from_text
from dateline.model import Doc, Sentence, Span
from dateline.timex.detect import detect
from dateline.timex.stage import TimeStage, event_time

D = dt.date


def values(text: str, published: dt.date | None) -> dict[str, str | None]:
    return {text[t.start : t.end]: t.value for t in detect(text, published=published)}


# ---------------------------------------------------------------- the wire dateline's own date


def test_wire_dateline_date_is_a_time_expression_but_never_dates_an_event():
    text = "date 2021-03-06 Xinhua, CAIRO\nCAIRO, March 5 (Xinhua) -- Gunmen attacked a convoy near the border."
    doc = Doc(article_from_text(text))
    doc.sentences = tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text))
    doc.entities = ()
    TimeStage()(doc)
    assert [(text[t.start : t.end], t.value) for t in doc.times] == [("March 5", "2021-03-05")]
    start = text.index("attacked")
    et = event_time(doc, Span(start, start + 8), doc.sentence_of(start))
    assert et.rule == "publication-date"
