"""Golden tests for TimeML/TempEval-3 conventions: extents, tense and anaphora (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timex.detect import detect, tense_at

D = dt.date


def spans(text: str, published: dt.date | None) -> dict[str, tuple[str | None, str | None]]:
    return {text[t.start : t.end]: (t.value, t.mod) for t in detect(text, published=published)}


# ---------------------------------------------------------------- extents


@pytest.mark.parametrize(
    "text, span, value, mod",
    [
        ("The siege lasted nearly two years.", "nearly two years", "P2Y", "LESS_THAN"),
        ("Talks went on for at least 72 hours.", "at least 72 hours", "PT72H", "EQUAL_OR_MORE"),
        ("The camp opened almost four years ago.", "almost four years ago", "2015", "LESS_THAN"),
        ("The blast came at around 7:15 p.m. Monday.", "around 7:15 p.m. Monday", "2019-01-21T19:15", "APPROX"),
    ],
)
def test_hedges_stay_inside_the_extent(text, span, value, mod):
    assert spans(text, D(2019, 1, 25))[span] == (value, mod)


def test_focus_words_and_prepositions_stay_outside():
    got = spans("Fighting lasted only five hours on Monday.", D(2019, 1, 25))
    assert set(got) == {"five hours", "Monday"}
