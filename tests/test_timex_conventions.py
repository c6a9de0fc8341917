"""Golden tests for TimeML/TempEval-3 conventions: extents, tense and anaphora (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timex.detect import detect, tense_at
from dateline.timex.stage import TimeStage

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


# ---------------------------------------------------------------- tense around the expression


def _tense(text: str, expr: str) -> str:
    i = text.index(expr)
    return tense_at(text, i, i + len(expr))


@pytest.mark.parametrize(
    "text, expr, tense",
    [
        ("The two leaders meet separately Monday with the envoy.", "Monday", "future"),  # present = scheduled
        ("The minister is flying to Paris on Monday.", "Monday", "future"),  # progressive = scheduled
        ("The firm agreed to acquire the bank in January.", "January", "future"),  # commitment to an act
        ("The rebels agreed to a truce on Monday.", "Monday", "past"),  # to a thing: the agreement's day
        ("The hearing was postponed until Tuesday.", "Tuesday", "future"),  # put off to a later day
        ("The offer had been due to expire Friday.", "Friday", "past"),  # "had" voids the plan
        ("Mr. Lee will succeed Daniel P. Davison Feb. 1.", "Feb. 1", "future"),  # no break at "P." or "Mr."
        ("The thrift announced the plan Aug. 21.", "Aug. 21", "past"),  # "plan" the noun
        ("Bombs exploded next to the U.S. embassy on Friday.", "Friday", "past"),  # "next to" a place
        ("Protesters planned a large rally on Saturday.", "Saturday", "future"),  # "planned" the verb
        ("Payment falls on a still unspecified date in January, the firm will say.", "January", "present"),
        ("In a televised address Friday, the president spoke.", "Friday", "past"),  # "address" the noun
    ],
)
def test_tense_from_the_verb_group(text, expr, tense):
    assert _tense(text, expr) == tense


@pytest.mark.parametrize(
    "published, expected",
    [(D(2019, 1, 25), "2019-01-28"), (D(2019, 1, 28), "2019-01-28"), (D(2018, 12, 29), "2018-12-31")],
)
def test_present_tense_weekday_is_the_next_one(published, expected):
    assert spans("The ministers meet Monday in Geneva.", published)["Monday"][0] == expected


def test_agreed_to_acquire_in_january_is_next_january():
    assert spans("The firm agreed to acquire the bank in January.", D(1989, 11, 2))["January"][0] == "1990-01"


# ---------------------------------------------------------------- anaphora to the period the text named


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("He fled in June 1998 and returned later that year.", "later that year", "1998"),
        ("Imports totaled $37 million in 1988, a small share of the total that year.", "that year", "1988"),
        ("Talks failed in March 2015. The following month, the rebels attacked.", "The following month", "2015-04"),
        ("Nothing was named before. The following month looked calm.", "The following month", "2019-02"),
    ],
)
def test_anaphoric_units_count_from_the_period_named_last(text, expr, value):
    assert spans(text, D(2019, 1, 25))[expr][0] == value


# ---------------------------------------------------------------- accounting periods and "future"


@pytest.mark.parametrize(
    "text, expr",
    [("Net income for the year ended March 31 rose.", "the year"),
     ("It expects a loss in the fiscal year ending June 30.", "the fiscal year")],
)
def test_year_ended_is_a_twelve_month_duration(text, expr):
    t = next(t for t in detect(text, published=D(1989, 11, 2)) if text[t.start : t.end] == expr)
    assert (t.value, t.type) == ("P1Y", "DURATION")


def test_plain_the_year_is_the_dateline_year():
    assert spans("For the year, volume was flat.", D(1989, 11, 2))["the year"][0] == "1989"


def test_marked_adjectival_future_is_future_ref():
    text = "Losses will shrink in future quarters and future payments."
    i = text.index("future payments")
    got = TimeStage().normalize_spans(text, [(i, i + len("future"))], published=D(1989, 11, 2))
    assert got[0].value == "FUTURE_REF"
    assert "future payments" not in spans(text, D(1989, 11, 2))


@pytest.mark.parametrize("unit, value", [("years", "PXY"), ("months", "PXM"), ("weeks", "PXW"), ("quarters", "PXM")])
def test_recent_units_are_durations_of_unstated_length(unit, value):
    t = detect(f"Prices fell in recent {unit}.", published=D(2019, 1, 25))[0]
    assert (t.value, t.type, t.end_date) == (value, "DURATION", "2019-01-25")


# ---------------------------------------------------------------- quarters, periods and short decades


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Assets rose to $12 billion from the quarter a year ago.", "the quarter a year ago", "1988-Q3"),
        ("Net fell in the third quarter from the corresponding period last year.",
         "the corresponding period last year", "1988-Q3"),
        ("Profit was $5 million in the 1988 period.", "the 1988 period", "1988"),
    ],
)
def test_financial_periods(text, expr, value):
    assert spans(text, D(1989, 11, 2))[expr][0] == value


@pytest.mark.parametrize(
    "published, expected",
    [(D(1989, 10, 26), "198"), (D(2019, 1, 25), "198"), (D(1985, 1, 1), "198")],
)
def test_short_decade_is_the_latest_such_decade(published, expected):
    assert spans("Growth slowed in the '80s.", published)["the '80s"][0] == expected


def test_short_decade_one_ahead_is_the_coming_one():
    assert spans("Growth will return in the '90s.", D(1989, 10, 26))["the '90s"][0] == "199"


# ---------------------------------------------------------------- clock words, parts of days, "-long"


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The convoy left at 4 in the morning.", "4 in the morning", "2000-04-05T04:00"),
        ("Shelling resumed at ten at night.", "ten at night", "2000-04-05T22:00"),
        ("The raid began at three in the afternoon.", "three in the afternoon", "2000-04-05T15:00"),
        ("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday", "2000-04-04TAF"),
    ],
)
def test_times_of_day_in_words(text, expr, value):
    assert spans(text, D(2000, 4, 5))[expr][0] == value


@pytest.mark.parametrize(
    "text, expr, value",
    [("Talks ended their third day-long meeting.", "day-long", "P1D"),
     ("It was a decades-long feud.", "decades-long", "PXY"),
     ("A three-day-long siege ended.", "three-day-long", "P3D")],
)
def test_long_compounds_are_durations_without_the_article(text, expr, value):
    assert spans(text, D(2000, 4, 5))[expr][0] == value


def test_ages_are_not_marked():
    assert spans("A 44-year-old man was arrested.", D(2000, 4, 5)) == {}


@pytest.mark.parametrize(
    "text", ["Rebels hold three-quarters of the city.", "A quarter of its shares were sold.", "It was a great day for Poland."]
)
def test_shares_and_plain_days_are_not_times(text):
    assert spans(text, D(2000, 4, 5)) == {}


def test_a_quarter_of_a_year_is_still_a_duration():
    assert spans("Output fell for a quarter.", D(2000, 4, 5))["a quarter"][0] == "P3M"


@pytest.mark.parametrize(
    "text",
    ['Baker said on ABC\'s "This Week With David Brinkley" that talks failed.', "This is VOA Today.",
     "He spoke on CBS's 60 Minutes about it.", "It was like the film High Noon."],
)
def test_capitalised_time_words_inside_a_sentence_are_names(text):
    assert spans(text, D(1990, 8, 13)) == {}


def test_sentence_initial_and_holiday_capitals_are_still_times():
    got = spans("Today the talks resume. He was found on Thanksgiving Day.", D(1999, 12, 1))
    assert got["Today"][0] == "1999-12-01" and got["Thanksgiving Day"][0] == "1999-11-25"


@pytest.mark.parametrize("text", ["Rooms cost $55 a night.", "It will add 700 seats a week.", "It saves $500 million a year."])
def test_rates_are_not_durations(text):
    assert spans(text, D(1990, 8, 13)) == {}


def test_a_full_stop_after_a_number_or_at_a_line_end_still_breaks_the_clause():
    text = "Rules take effect Dec. 7.\n\nIn trading on the exchange Friday, shares fell."
    assert _tense(text, "Friday") == "past"


def test_year_earlier_adjective_extent():
    got = spans("The year-ago results were weak; in the year-ago period sales fell.", D(1989, 11, 2))
    assert "year-ago" in got and "the year-ago period" in got


@pytest.mark.parametrize(
    "text, expr, tense",
    [
        ("The ceasefire, agreed to on Monday, collapsed.", "Monday", "past"),  # "to" then a preposition
        ("Officials said they expect the deal to close by Feb. 15.", "Feb. 15", "future"),  # "said" far back
        ("Police said on Wednesday that the town fell.", "Wednesday", "past"),  # "said" right before
    ],
)
def test_reporting_verbs_and_stranded_to(text, expr, tense):
    assert _tense(text, expr) == tense


def test_past_month_written_two_months_before_it_is_last_years():
    got = spans("Mr. Ahmed, who was arrested in March, was released Tuesday.", D(2019, 1, 25))
    assert got["March"][0] == "2018-03"


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("Rebels are holding 20 hostages since Monday.", "Monday", "2019-01-21"),
        ("Schools remain closed until Monday.", "Monday", "2019-01-28"),
        ("The curfew is in force until Sunday.", "Sunday", "2019-01-27"),
        ("Troops stayed until Monday.", "Monday", "2019-01-21"),
    ],
)
def test_since_looks_back_and_until_looks_ahead_in_the_present(text, expr, value):
    assert spans(text, D(2019, 1, 25))[expr][0] == value


@pytest.mark.parametrize(
    "text, expr, value",
    [("Elections are set for Sunday, March eighth.", "March eighth", "1998-03-08"),
     ("It happened on the first of March.", "the first of March", "1998-03-01"),
     ("He left on February twenty-third, 1997.", "February twenty-third, 1997", "1997-02-23")],
)
def test_days_as_ordinal_words(text, expr, value):
    assert spans(text, D(1998, 3, 5))[expr][0] == value


def test_month_then_ordinal_noun_is_not_a_day():
    assert "March the third" not in spans("In March the third battalion moved.", D(1998, 3, 5))


def test_weekday_with_plural_part_of_day_is_a_set():
    t = detect("Two new flights leave on Tuesday nights.", published=D(1998, 2, 13))[0]
    assert (t.value, t.type) == ("XXXX-WXX-2TNI", "SET")
