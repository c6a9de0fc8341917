"""event_time on hand-built docs: which time expression dates an event, and ACLED's precision."""

from __future__ import annotations

import datetime as dt
import re

from dateline.model import Article, Doc, Sentence, Span
from dateline.timex.stage import TimeStage, event_time


def make_doc(text: str, published: dt.date | None) -> Doc:
    """A Doc with sentences split on full stops (by hand, no spaCy) and the time layer filled."""
    doc = Doc(Article(id="t", text=text, published=published))
    doc.sentences = tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text))
    doc.entities = ()
    TimeStage()(doc)
    return doc


def date_of(doc: Doc, trigger: str):
    start = doc.text.index(trigger)
    span = Span(start, start + len(trigger))
    return event_time(doc, span, doc.sentence_of(start))


def evidence_text(doc: Doc, et) -> str | None:
    return doc.text[et.evidence.start : et.evidence.end] if et.evidence else None


PUB = dt.date(2019, 1, 25)  # a Friday


def test_same_clause_day_beats_reporting_date_elsewhere_in_sentence():
    doc = make_doc("Militants attacked a checkpoint on Monday, officials said on Wednesday.", PUB)
    et = date_of(doc, "attacked")
    assert (et.event_date, et.time_precision, evidence_text(doc, et)) == ("2019-01-21", 1, "Monday")
    assert et.rule.startswith("same-clause")


def test_sentence_time_when_clause_has_none():
    doc = make_doc("The army shelled the village; residents fled on Wednesday.", PUB)
    et = date_of(doc, "shelled")
    assert (et.event_date, et.date_start, et.date_end, et.time_precision) == ("2019-01-23",) * 3 + (1,)
    assert et.rule.startswith("same-sentence")


def test_running_date_from_an_earlier_sentence():
    doc = make_doc("Rebels seized the town on Tuesday. They looted the market.", PUB)
    et = date_of(doc, "looted")
    assert (et.event_date, et.time_precision, evidence_text(doc, et)) == ("2019-01-22", 1, "Tuesday")
    assert et.rule.startswith("running-date")


def test_publication_date_with_lower_precision():
    doc = make_doc("Gunmen killed two farmers.", PUB)
    et = date_of(doc, "killed")
    assert (et.event_date, et.time_precision, et.evidence, et.rule) == ("2019-01-25", 2, None, "publication-date")


def test_no_publication_date_no_date():
    doc = make_doc("Gunmen killed two farmers.", None)
    assert date_of(doc, "killed").event_date is None


def test_month_gives_precision_three_and_an_interval():
    doc = make_doc("The militia advanced last month when it took Hajin.", PUB)
    et = date_of(doc, "took")
    assert (et.date_start, et.date_end, et.time_precision) == ("2018-12-01", "2018-12-31", 3)


def test_campaign_over_months_is_an_interval_ending_at_the_dateline():
    doc = make_doc("A four-month bombing campaign has left hundreds dead.", PUB)
    et = date_of(doc, "bombing")
    assert (et.date_start, et.date_end, et.time_precision) == ("2018-09-26", "2019-01-25", 3)


def test_short_duration_alone_never_makes_a_day():
    doc = make_doc("The fighters clashed for 48 hours.", PUB)
    et = date_of(doc, "clashed")
    assert et.rule == "publication-date" and et.time_precision == 2


def test_anchored_short_duration_is_a_recent_interval():
    doc = make_doc("Civilians have left the enclave in the past 48 hours.", PUB)
    et = date_of(doc, "left")
    assert (et.date_start, et.date_end, et.time_precision) == ("2019-01-24", "2019-01-25", 2)


def test_recent_days_is_about_a_week():
    doc = make_doc("Several villages fell in recent days.", PUB)
    et = date_of(doc, "fell")
    assert (et.date_start, et.date_end, et.time_precision) == ("2019-01-19", "2019-01-25", 2)


def test_range_between_two_dates():
    doc = make_doc("Troops besieged the city between January 4 and January 9.", PUB)
    et = date_of(doc, "besieged")
    assert (et.date_start, et.date_end, et.time_precision) == ("2019-01-04", "2019-01-09", 2)


def test_year_boundary_dateline():
    doc = make_doc("Jets struck the depot on Sunday.", dt.date(2019, 1, 2))
    assert date_of(doc, "struck").event_date == "2018-12-30"


def test_day_range_gives_week_precision():
    doc = make_doc("Between 1 and 7 January, troops shelled the town.", PUB)
    et = date_of(doc, "shelled")
    assert (et.date_start, et.date_end, et.time_precision) == ("2019-01-01", "2019-01-07", 2)
