"""Property tests: anchoring invariants and value/interval round trips."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.timex import anchor as A
from dateline.timex.detect import detect

dates = st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2090, 12, 24))
PHRASES = [
    "on Monday", "on Sunday", "last week", "next month", "last year", "in March", "on Dec. 31",
    "three days ago", "earlier this month", "the third quarter", "this summer", "last winter",
    "in the past 48 hours", "the next two weeks", "yesterday", "in recent days", "next Friday",
]


@given(dates, st.integers(min_value=1, max_value=7), st.sampled_from(["past", "present", "future"]))
def test_weekday_resolution_is_within_a_week_and_right_day(anchor, weekday, tense):
    d = A.weekday_resolve(anchor, weekday, tense)
    assert d.isoweekday() == weekday
    assert abs((d - anchor).days) <= 6
    assert (d <= anchor) if tense != "future" else (d >= anchor)


@given(dates, st.integers(min_value=1, max_value=12), st.sampled_from(["past", "future"]))
def test_month_year_is_adjacent(anchor, month, tense):
    assert abs(A.month_year(anchor, month, tense) - anchor.year) <= 1


@settings(max_examples=60, deadline=None)
@given(dates, st.sampled_from(PHRASES), st.sampled_from(["Rebels attacked", "Rebels will attack"]))
def test_detected_intervals_are_ordered_and_values_parse_back(published, phrase, lead):
    for t in detect(f"{lead} {phrase}.", published=published):
        if t.begin is not None:
            assert t.begin <= t.end_date
        span = A.interval(t.value)
        if span is not None:
            assert (span[0].isoformat(), span[1].isoformat()) == (t.begin, t.end_date)
            assert t.granularity == span[2]


@given(dates, st.integers(min_value=-30, max_value=30))
def test_iso_week_value_contains_its_day(d, shift):
    day = d + dt.timedelta(days=shift)
    begin, end, gran = A.interval(A.iso_week(day))
    assert begin <= day <= end and gran == "week" and (end - begin).days == 6


WORDS = ["on", "Monday", "last", "next", "week", "3", "March", "2019", "the", "quarter", "ago", "two",
         "days", "a", "year", "earlier", "May", "31", "Feb.", "30", ",", "1/2", "hours", "every", "Friday",
         "nineteen", "ninety-six", "Christmas", "past", "48", "since", "-", "early", "1990s", "at", "9", "p.m."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14), st.one_of(st.none(), dates))
def test_any_word_salad_gives_well_formed_records(words, published):
    text = " ".join(words)
    for t in detect(text, published=published):
        assert 0 <= t.start < t.end <= len(text)
        assert (t.begin is None) == (t.end_date is None)
        if t.begin is not None:
            assert t.begin <= t.end_date
        assert t.granularity in (None, "day", "week", "month", "quarter", "season", "year", "decade",
                                 "century", "time", "duration", "vague")
