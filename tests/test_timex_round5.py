"""Fifth round of time rules (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from dateline.timex.detect import detect
from dateline.timex.stage import TimeStage

D = dt.date


def values(text: str, published: dt.date | None) -> dict[str, str | None]:
    return {text[t.start : t.end]: t.value for t in detect(text, published=published)}


def given(text: str, span: str, published: dt.date) -> str | None:
    start = text.index(span)
    (expr,) = TimeStage().normalize_spans(text, [(start, start + len(span))], published=published)
    return expr.value if expr else None


# ---------------------------------------------------------------- vague references


def test_then_current_is_a_past_reference():
    text = "Holders could buy shares at half the then current market price, the board said."
    assert values(text, D(1989, 10, 26)) == {"then current": "PAST_REF"}
    assert values("the then-current chairman resigned", D(2021, 3, 4)) == {"then-current": "PAST_REF"}
    assert given(text, "then current", D(1989, 10, 26)) == "PAST_REF"


def test_plain_current_stays_the_present():
    assert values("at the current market price", D(1989, 10, 26)) == {"current": "PRESENT_REF"}


def test_this_moment_is_the_present():
    text = "The king would not travel at this crucial moment without a reason, he said."
    assert values(text, D(1990, 8, 15)) == {"this crucial moment": "PRESENT_REF"}
    assert values("Nothing is moving at this moment.", D(2020, 5, 1)) == {"this moment": "PRESENT_REF"}


def test_one_day_after_a_modal_is_the_future():
    text = "Analysts say the party could one day govern alone."
    assert values(text, D(1998, 3, 3)) == {"one day": "FUTURE_REF"}
    assert given("Islam will one day be the second religion.", "one day", D(1998, 3, 3)) == "FUTURE_REF"


def test_one_day_as_a_length_stays_a_duration():
    assert values("The strike lasted one day.", D(1998, 3, 3)) == {"one day": "P1D"}
    assert values("They will stay for one day.", D(1998, 3, 3)) == {"one day": "P1D"}


# ---------------------------------------------------------------- generic "today" and "tomorrow"


def test_todays_world_is_not_the_day_of_the_story():
    for phrase in ("in today's world", "what today's youth want", "for today's young voters"):
        assert values(f"He spoke about {phrase}, officials said.", D(2000, 1, 7)) == {}


def test_todays_events_stay_the_dateline():
    text = "In today's editions of the paper, the offer was advertised."
    assert values(text, D(1989, 11, 2)) == {"today": "1989-11-02"}
    assert values("Today's vote was postponed.", D(2021, 6, 1)) == {"Today": "2021-06-01"}


def test_the_people_of_tomorrow_is_no_date():
    text = '"If I were choosing the people of tomorrow, I would choose these," he said.'
    assert values(text, D(1989, 11, 2)) == {}
    assert values("They train the leaders of tomorrow.", D(2015, 4, 30)) == {}
    assert values("The results of today were good.", D(2015, 4, 30)) == {"today": "2015-04-30"}
    assert values("He will fly to Paris tomorrow.", D(1989, 11, 2)) == {"tomorrow": "1989-11-03"}


# ---------------------------------------------------------------- quarters


def test_quarter_to_quarter_is_no_quarter():
    text = "The quarter-to-quarter comparison was also helped by lower charges."
    assert values(text, D(1989, 11, 1)) == {}
    assert values("The quarter was terrible, he said.", D(1989, 11, 1)) == {"The quarter": "1989-Q3"}


def test_year_earlier_nine_months_is_one_duration():
    text = "Net for the year-earlier nine months also included a gain of $9.7 million."
    assert values(text, D(1989, 10, 26)) == {"the year-earlier nine months": "P9M"}
    assert values("In the year-ago six months, sales fell.", D(2001, 1, 9)) == {"the year-ago six months": "P6M"}
    assert given(text, "the year-earlier nine months", D(1989, 10, 26)) == "P9M"


# ---------------------------------------------------------------- the tense of a fronted date


def test_a_fronted_weekday_takes_the_main_clauses_future():
    # written on a Monday: "On Tuesday ... plans to" is tomorrow, "On Wednesday ... will" the day after
    text = "On Tuesday, the National League of Voters plans to hold a news conference on the law."
    assert values(text, D(1998, 10, 26))["Tuesday"] == "1998-10-27"
    text = "On Wednesday, a court of appeals in Paris will begin studying their case."
    assert values(text, D(2021, 5, 3))["Wednesday"] == "2021-05-05"
    text = "From Tuesday, Russian and Turkish forces will start to patrol the border."
    assert values(text, D(2019, 10, 28))["Tuesday"] == "2019-10-29"


def test_a_fronted_weekday_in_a_past_sentence_stays_past():
    text = "On Tuesday, the league held a news conference on the law."
    assert values(text, D(1998, 10, 26))["Tuesday"] == "1998-10-20"
    # a noun "plans" or a participle "planned" is no future marker of the main clause
    text = "On Friday, when the minister set aside vacation plans for the hastily planned trip, the ban was lifted."
    assert values(text, D(1998, 8, 17))["Friday"] == "1998-08-14"


# ---------------------------------------------------------------- sets


def test_a_weekday_coordinated_with_a_plural_part_of_day_is_a_set():
    text = "Two new flights will leave Bombay on Monday and Tuesday nights from March 30."
    got = {text[t.start : t.end]: (t.value, t.type) for t in detect(text, published=D(1998, 2, 13))}
    assert got["Monday"] == ("XXXX-WXX-1TNI", "SET")
    assert got["Tuesday nights"] == ("XXXX-WXX-2TNI", "SET")
    # a single night stays a date
    assert values("Flights will leave on Monday and Tuesday night.", D(1998, 2, 13))["Monday"] == "1998-02-16"


def test_a_marked_day_after_a_rate_is_every_day():
    text = "Agents conducted hundreds of interviews a day, a spokesman said."
    assert given(text, "day", D(1998, 11, 21)) == "P1D"
    assert given("It was the second day of the offensive.", "the second day", D(1998, 11, 21)) == "1998-11-21"


def test_a_rate_after_an_amount_in_words_is_no_duration():
    assert values("They were paid four dollars a day by the company.", D(2019, 11, 11)) == {}
    assert values("Homes got 12 hours of electricity a day, OCHA said.", D(2020, 12, 15)) == {"12 hours": "PT12H"}
    assert values("The flights add nearly 700 seats a week on the route.", D(1998, 2, 13)) == {}
    # a stretch of time after a number stays one
    assert values("It was announced two weeks ago, a day before the vote.", D(2020, 1, 6))["a day"] == "P1D"


# ---------------------------------------------------------------- "August 28 last year"


def test_a_month_day_with_last_or_this_year_is_one_date_of_that_year():
    text = "The activist was first arrested on August 28 last year. He was freed the very next day."
    got = values(text, D(2019, 11, 12))
    assert got["August 28 last year"] == "2018-08-28"
    assert got["next day"] == "2018-08-29"  # the running date follows
    # a day still ahead of the dateline in its month, a year back
    assert values("On Dec. 15 last year, a doctor was shot.", D(2021, 12, 10)) == {"Dec. 15 last year": "2020-12-15"}
    assert values("The case was dropped on July 2 this year.", D(2019, 9, 9)) == {"July 2 this year": "2019-07-02"}
    assert values("Talks resume on 3 March next year.", D(2019, 9, 9)) == {"3 March next year": "2020-03-03"}


def test_last_years_after_a_month_day_is_not_taken_in():
    got = values("On May 5, last year's winner spoke.", D(2020, 6, 1))
    assert got["May 5"] == "2020-05-05"


# ---------------------------------------------------------------- span boundaries


def spans(text: str, published: dt.date) -> list[str]:
    return [text[t.start : t.end] for t in detect(text, published=published)]


def test_the_verb_last_is_not_the_last():
    assert spans("The tour is likely to last over a week.", D(1998, 3, 6)) == ["over a week"]
    assert spans("Talks could last two days.", D(1998, 3, 6)) == ["two days"]
    assert values("He worked there for the last two years.", D(1998, 3, 6)) == {"the last two years": "P2Y"}


def test_no_more_than_is_part_of_the_duration():
    got = detect("Iraq would open its sites for no more than sixty days.", published=D(1998, 2, 22))
    assert [(t.value, t.mod) for t in got] == [("P60D", "EQUAL_OR_LESS")]
    assert spans("Iraq would open its sites for no more than sixty days.", D(1998, 2, 22)) == ["no more than sixty days"]


def test_or_so_after_a_relative_unit_is_in_the_span():
    assert values("Plants will close over the next year or so.", D(1989, 11, 2)) == {"the next year or so": "1990"}


def test_the_weeks_ahead_is_one_expression_looking_forward():
    got = detect("Funds may sell their bonds in the weeks ahead.", published=D(1989, 10, 27))
    assert [("Funds may sell their bonds in the weeks ahead."[t.start : t.end], t.value) for t in got] == [("the weeks ahead", "PXW")]
    # "in the weeks before the shooting" keeps its span without "the", as TimeML marks it
    assert spans("He was seen in the weeks before the shooting.", D(1999, 1, 22)) == ["weeks"]


def test_that_before_an_ordinal_quarter_is_the_conjunction():
    text = "Analysts said that third-quarter profit rose 8%."
    assert values(text, D(1989, 11, 1)) == {"third-quarter": "1989-Q3"}
    text = "Profit rose in the third quarter. Results for that quarter included a charge."
    assert values(text, D(1989, 11, 1))["that quarter"] == "1989-Q3"


def test_a_year_left_open_on_one_side_is_one_expression():
    got = detect("The company won't be profitable until 1994 or later.", published=D(1989, 10, 30))
    assert [(t.value, t.mod) for t in got] == [("1994", "EQUAL_OR_MORE")]
    assert spans("It is confident about earnings for 1990 and beyond.", D(1989, 10, 30)) == ["1990 and beyond"]
    assert spans("It happened in 2005 or earlier, he said.", D(2019, 1, 1)) == ["2005 or earlier"]


def test_the_past_decade_is_a_stretch_ending_now():
    got = detect("Threats had become routine over the past decade, he said.", published=D(1998, 10, 25))
    assert [(t.value, t.type, t.end_date) for t in got] == [("P10Y", "DURATION", "1998-10-25")]
    assert values("He has spent the past decade running the shelter.", D(2021, 8, 14)) == {"the past decade": "P10Y"}
    assert values("It was used over the last decade.", D(2021, 8, 10)) == {"the last decade": "P10Y"}
    assert values("one of the events of the past century", D(1989, 11, 1)) == {"the past century": "P100Y"}
    # "in the last decade" may be the calendar decade before; a bare "last century" is the century
    assert values("Workers lost earning power in the last decade.", D(1998, 2, 6)) == {"the last decade": "198"}
    assert values("They moved to France last century.", D(2021, 5, 3)) == {"last century": "19"}


def test_a_fronted_weekday_after_a_conjunction_takes_the_main_clause_too():
    text = "Police made arrests. But on Thursday, the court will hear the appeal."
    assert values(text, D(2021, 8, 31))["Thursday"] == "2021-09-02"
    text = "Police made arrests. And on Thursday, the court heard the appeal."
    assert values(text, D(2021, 8, 31))["Thursday"] == "2021-08-26"


def test_a_relative_clause_does_not_give_the_fronted_date_its_tense():
    text = "On Monday, police, who will question him again, said the suspect had fled."
    assert values(text, D(2021, 3, 3))["Monday"] == "2021-03-01"
    text = "On Monday, police, who questioned him, will charge the suspect."
    assert values(text, D(2021, 3, 3))["Monday"] == "2021-03-08"
