"""A date on the reporting verb ("leaders said on Sunday") dates the report, not the event it reports."""

from __future__ import annotations

import datetime as dt

import pytest

from test_timex_events import date_of, evidence_text, make_doc

PUB = dt.date(2019, 1, 25)  # a Friday


@pytest.mark.parametrize("text", [
    "The army shelled the village, residents said on Wednesday.",
    "The army shelled the village, residents say on Wednesday.",
    "The army shelled the village, a commander told Reuters on Monday.",
    "The army shelled the village, the ministry said in a statement on Tuesday.",
    "The army shelled the village, the governor tells reporters late on Thursday.",
])
def test_report_date_alone_falls_back_to_publication_date(text):
    et = date_of(make_doc(text, PUB), "shelled")
    assert (et.event_date, et.time_precision, et.evidence, et.rule) == ("2019-01-25", 2, None, "publication-date")


@pytest.mark.parametrize("report", ["Monday", "Thursday"])
def test_report_date_falls_back_to_the_running_date(report):
    doc = make_doc(f"Rebels seized the town on Sunday. They looted the market, residents said on {report}.", PUB)
    et = date_of(doc, "looted")
    assert (et.event_date, et.time_precision, evidence_text(doc, et)) == ("2019-01-20", 1, "Sunday")
    assert et.rule.startswith("running-date")


@pytest.mark.parametrize(("report", "day"), [("Sunday", "2019-01-20"), ("Wednesday", "2019-01-23"),
                                             ("Thursday", "2019-01-24")])
def test_part_of_day_is_read_from_the_report_day(report, day):
    doc = make_doc(f"Gunmen killed nine villagers in an overnight raid, local leaders said on {report}.", PUB)
    et = date_of(doc, "killed")
    assert (et.event_date, et.time_precision, evidence_text(doc, et)) == (day, 1, "overnight")


def test_part_of_day_without_a_report_date_keeps_the_publication_day():
    doc = make_doc("Gunmen killed nine villagers in an overnight raid, local leaders said.", PUB)
    assert date_of(doc, "killed").event_date == "2019-01-25"


@pytest.mark.parametrize("text", [
    "A spokesman said troops clashed with the rebels on Sunday morning.",
    "A spokesman says troops clash with the rebels on Sunday morning.",
])
def test_date_of_the_reported_event_itself_still_counts(text):
    doc = make_doc(text, PUB)
    et = date_of(doc, "clash")
    assert (et.event_date, et.time_precision) == ("2019-01-20", 1)


def test_event_date_in_its_own_clause_beats_a_report_date():
    doc = make_doc("Militants attacked a checkpoint on Tuesday, officials said on Thursday.", PUB)
    et = date_of(doc, "attacked")
    assert (et.event_date, evidence_text(doc, et)) == ("2019-01-22", "Tuesday")
