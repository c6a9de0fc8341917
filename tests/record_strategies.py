"""Hypothesis strategies for records (shared by the store and export round-trip tests)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from dateline.model import Article, Event, Span

# PostgreSQL text cannot hold NUL; the reader refuses control characters anyway.
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=30)
OPT_TEXT = st.none() | TEXT
OPT_INT = st.none() | st.integers(min_value=0, max_value=2**40)
OPT_FLOAT = st.none() | st.floats(min_value=-180, max_value=180, allow_nan=False)
OPT_DATE = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)).map(dt.date.isoformat)
FIELDS = st.sampled_from(["actor1", "actor2", "location", "date", "fatalities", "attribution", "notes"])


@st.composite
def spans(draw, length: int = 200) -> Span:
    start = draw(st.integers(min_value=0, max_value=length))
    return Span(start, draw(st.integers(min_value=start, max_value=length)))


@st.composite
def events(draw, article_id: str = "a" * 16) -> Event:
    trigger = draw(spans())
    sub = draw(st.sampled_from(["Armed clash", "Air/drone strike", "Arrests", "Peaceful protest"]))
    evidence = draw(st.dictionaries(FIELDS, spans(), max_size=4))
    return Event(
        event_id=Event.make_id(article_id, trigger, sub), article_id=article_id,
        event_type=draw(st.sampled_from(["Battles", "Protests"])), sub_event_type=sub,
        trigger=trigger, sentence=draw(spans()), event_date=draw(OPT_DATE), date_start=draw(OPT_DATE),
        date_end=draw(OPT_DATE), time_precision=draw(st.none() | st.integers(1, 3)), actor1=draw(OPT_TEXT),
        assoc_actor_1=draw(OPT_TEXT), inter1=draw(st.none() | st.integers(1, 8)), actor2=draw(OPT_TEXT),
        interaction=draw(OPT_INT), civilian_targeting=draw(st.none() | st.booleans()),
        location=draw(OPT_TEXT), latitude=draw(OPT_FLOAT), longitude=draw(OPT_FLOAT), geonameid=draw(OPT_INT),
        country=draw(OPT_TEXT), iso2=draw(st.none() | st.sampled_from(["SY", "ML", "NG"])),
        fatalities=draw(OPT_INT), fatalities_low=draw(OPT_INT), injured=draw(OPT_INT),
        victims=draw(st.none() | st.sampled_from(["civilians", "mixed"])),
        factuality=draw(st.sampled_from(["asserted", "negated", "future"])), attribution=draw(OPT_TEXT),
        source=draw(OPT_TEXT), notes=draw(OPT_TEXT), evidence=tuple(evidence.items()),
        mentions=tuple(draw(st.lists(spans(), max_size=3))),
    )


def article(text: str = "Gunmen killed two people in the market on Monday, police said.", **kw) -> Article:
    return Article(id=kw.pop("id", None) or Article.make_id(text), text=text, **kw)


def unique_events(article_id: str = "a" * 16, max_size: int = 4):
    return st.lists(events(article_id), max_size=max_size, unique_by=lambda e: e.event_id)
