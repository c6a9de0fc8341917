"""Records hold offsets into the one text; serialisation adds the covered text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.errors import InputError
from dateline.model import Article, Doc, Event, Place, Span, TimeExpr, as_date, evidence


def test_article_ids_are_stable_and_content_based():
    assert Article.make_id("same text") == Article.make_id("same text")
    assert Article.make_id("same text") != Article.make_id("other text")


@given(st.integers(0, 1000), st.integers(0, 1000))
def test_span_refuses_reversed_offsets(a, b):
    if a <= b:
        assert Span(a, b).as_list() == [a, b]
    else:
        with pytest.raises(ValueError):
            Span(a, b)


@given(st.text(min_size=1, max_size=60), st.data())
def test_serialised_records_carry_the_text_they_point_at(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    doc = Doc(Article(id="a", text=text), times=(TimeExpr(start, end, "2019"),), places=(Place(start, end),))
    out = doc.to_dict()
    assert out["times"][0]["text"] == text[start:end]
    assert out["places"][0]["text"] == text[start:end]


def test_to_dict_keeps_only_asserted_events_unless_asked():
    def event(fact: str, start: int) -> Event:
        return Event(
            event_id=str(start), article_id="a", event_type="Battles", sub_event_type="Armed clash",
            trigger=Span(start, start + 1), sentence=Span(0, 10), factuality=fact,
            evidence=evidence({"date": Span(2, 3), "location": None}),
        )

    doc = Doc(Article(id="a", text="x" * 10), events=(event("asserted", 0), event("future", 1)))
    assert [e["factuality"] for e in doc.to_dict()["events"]] == ["asserted"]
    assert len(doc.to_dict(keep_all=True)["events"]) == 2
    assert doc.to_dict()["events"][0]["evidence"] == {"trigger": [0, 1], "sentence": [0, 10], "date": [2, 3]}


def test_published_accepts_strings_dates_and_datetimes():
    day = dt.date(2019, 1, 25)
    assert as_date("2019-01-25") == day
    assert as_date(day) == day
    assert as_date(dt.datetime(2019, 1, 25, 13, 5)) == day
    assert as_date(None) is None
    with pytest.raises(InputError):
        as_date("25/01/2019")
