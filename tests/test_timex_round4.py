"""Fourth round of time rules (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

from dateline.timex.detect import detect
from dateline.timex.stage import TimeStage

D = dt.date


def values(text: str, published: dt.date | None) -> dict[str, str | None]:
    return {text[t.start : t.end]: t.value for t in detect(text, published=published)}


# ---------------------------------------------------------------- "the quarter" after a named one


def test_the_quarter_is_the_fiscal_quarter_just_named():
    text = "Acme reported a loss for the fiscal first quarter ended Sept. 30. Sales in the quarter fell 4%."
    # written in late October (a Thursday) and, across the year boundary, in early January
    assert values(text, D(1989, 10, 26))["the quarter"] == "1989-Q1"
    got = values(text.replace("first", "second"), D(1990, 1, 8))
    assert got["the fiscal second quarter"] == got["the quarter"] == "1989-Q2"


def test_the_quarter_alone_is_still_the_last_completed_one():
    text = "Passenger traffic jumped 14% in the quarter, the airline said."
    assert values(text, D(1989, 10, 26))["the quarter"] == "1989-Q3"
    assert values(text, D(1990, 1, 3))["the quarter"] == "1989-Q4"  # across the year boundary


def test_a_year_ago_quarter_does_not_become_the_quarter_of_what_follows():
    text = ("Third-quarter profit rose to $5 million from $4 million in the quarter a year ago. "
            "In the quarter, sales rose 8%.")
    got = values(text, D(1989, 11, 2))
    assert got["the quarter a year ago"] == "1988-Q3"
    assert got["the quarter"] == "1989-Q3"


def test_this_quarter_and_last_years_quarter_are_not_the_one_named_last():
    text = "Second-quarter sales rose. This quarter will be weaker than last year's quarter, it said."
    got = values(text, D(1989, 11, 1))
    assert got["Second-quarter"] == "1989-Q2"
    assert got["This quarter"] != "1989-Q2"
    assert got["last year's quarter"].startswith("1988-")


# ---------------------------------------------------------------- numbers of hundreds and thousands


def test_two_thousand_years_is_a_duration_not_the_year_2000():
    pub = D(1998, 1, 21)
    got = values("Families have kept their glass-working secrets for more than two thousand years.", pub)
    assert got == {"more than two thousand years": "P2000Y"}
    assert values("The mosque dominated the skyline for three hundred years.", pub) == {"three hundred years": "P300Y"}
    # a spoken year stays a year, and a count of people is no time at all
    assert values("The treaty runs until two thousand five.", pub) == {"two thousand five": "2005"}
    assert values("Some two thousand people marched through the city.", pub) == {}


# ---------------------------------------------------------------- "the 1988 period" in a quarterly report


def test_the_years_period_is_the_quarter_under_discussion_in_that_year():
    text = ("Third-quarter net rose to $8 million from $5 million in the 1988 period. "
            "A year earlier, sales were $3 million.")
    got = values(text, D(1989, 11, 1))  # a Wednesday
    assert got["the 1988 period"] == "1988-Q3"
    # the comparison period does not become the quarter "a year earlier" counts from
    assert got["A year earlier"] == "1988-Q3"
    # early in the next year the fourth quarter is the one reported on
    got = values(text.replace("Third", "Fourth").replace("1988", "1989"), D(1990, 1, 30))
    assert got["the 1989 period"] == "1989-Q4"


def test_the_years_period_without_a_quarter_is_the_year():
    text = "Sales for the nine months rose 4% from the 1988 period."
    assert values(text, D(1989, 10, 30))["the 1988 period"] == "1988"


# ---------------------------------------------------------------- "a year ago" after a named quarter


def test_a_year_ago_in_general_news_is_a_year_back_not_the_half_named_before():
    text = "During the first half of 2012, violence rose. A year ago, the rebels took the city."
    assert values(text, D(2013, 3, 14))["A year ago"] == "2012"  # a Thursday
    assert values(text, D(2013, 1, 1))["A year ago"] == "2012"  # across the year boundary


def test_a_year_ago_comparing_results_is_the_quarter_a_year_back():
    pub = D(1989, 10, 26)
    assert values("Third-quarter net rose to $5 million from $4 million a year ago.", pub)["a year ago"] == "1988-Q3"
    text = "The third-quarter loss narrowed from a year earlier on higher fares."
    assert values(text, pub)["a year earlier"] == "1988-Q3"
    text = "Its third-quarter loss was restated. The year-ago results were restated too."
    assert values(text, D(1990, 1, 4))["year-ago"] == "1988-Q3"


# ---------------------------------------------------------------- scheduled acts with a plural subject


def test_plural_scheduled_verb_in_the_present_looks_ahead():
    text = "Voters go to the polls on Thursday, and the markets close on Friday."
    got = values(text, D(2019, 1, 7))  # a Monday
    assert (got["Thursday"], got["Friday"]) == ("2019-01-10", "2019-01-11")
    got = values(text, D(2019, 1, 12))  # a Saturday: both days are next week
    assert (got["Thursday"], got["Friday"]) == ("2019-01-17", "2019-01-18")
    got = values(text, D(2018, 12, 31))  # a Monday, across the year boundary
    assert (got["Thursday"], got["Friday"]) == ("2019-01-03", "2019-01-04")
    # the past tense still looks back
    assert values("Voters went to the polls on Thursday.", D(2019, 1, 7))["Thursday"] == "2019-01-03"
    # a noun after a determiner is no scheduled act
    assert values("Despite the close on Friday, trading was calm.", D(2019, 1, 7))["Friday"] == "2019-01-04"
    # nouns that look like such verbs ("end", "head", "leave") say nothing of the future
    text = "Police were spotted in the north end of the town on Thursday afternoon."
    assert values(text, D(2021, 7, 10))["Thursday afternoon"] == "2021-07-08"
    assert values("The regional police head on Monday denied the report.", D(2019, 1, 9))["Monday"] == "2019-01-07"


# ---------------------------------------------------------------- halves and periods that are not of a year


def test_half_or_period_of_something_else_is_no_half_year():
    pub = D(2021, 7, 20)  # a Tuesday
    assert values("For the first half of this article, I explain the basics.", pub) == {}
    got = values("Her confinement over the past half decade was cruel.", pub)
    assert not any(v in ("2021-H1", "PAST_REF") for v in got.values())
    # halves of a year stay halves, across the year boundary too
    assert values("Violence rose in the first half of 2012.", pub)["the first half of 2012"] == "2012-H1"
    assert values("Output fell in the second half of last year.", D(2021, 1, 4))["the second half of last year"] == "2020-H2"
    assert values("Fighting has raged for the past three years.", pub)["the past three years"] == "P3Y"


def test_the_same_period_without_a_named_quarter():
    pub = D(2020, 8, 3)  # a Monday
    text = "Officials must leave within 30 days, and diplomats within the same period."
    assert "the same period" not in values(text, pub)
    text = "Kidnappings rose in the first seven months of 2020 to 566, compared to the same period last year."
    assert values(text, pub)["the same period last year"] == "2019"
    # after a named quarter it is still that quarter a year back
    text = "Third-quarter sales rose 5% from the same period last year."
    assert values(text, D(1989, 10, 26))["the same period last year"] == "1988-Q3"


def test_zero_durations_are_terms_not_times():
    pub = D(2021, 7, 20)
    assert values("The spyware used a zero-day vulnerability in iOS.", pub) == {}
    assert values("Unions oppose zero-hour contracts.", pub) == {}
    assert values("The spyware used a two-day window in iOS.", pub) == {"two-day": "P2D"}


def test_a_labelled_number_is_not_a_year():
    pub = D(2021, 3, 1)
    assert values("It violates Security Council Resolution 1970.", pub) == {}
    assert values("The military order 1651 imposes a ten-year term.", pub) == {"ten-year": "P10Y"}
    assert values("Flight 1549 landed safely in 2009.", pub) == {"2009": "2009"}
    # a year after a name stays a year
    assert values("The Amendment Bill 2020 was criticised.", pub) == {"2020": "2020"}


# ---------------------------------------------------------------- fractions of a unit


def test_fractions_of_a_unit():
    pub = D(2021, 3, 8)  # a Monday
    assert values("For half a century, the family ruled.", pub) == {"half a century": "P50Y"}
    assert values("A quarter of a century after the war, scars remain.", pub) == {"A quarter of a century": "P25Y"}
    assert values("They stood in the ditch for half an hour.", pub) == {"half an hour": "PT30M"}
    assert values("It rained for three quarters of an hour.", pub) == {"three quarters of an hour": "PT45M"}
    got = {t.value: (t.begin, t.end_date) for t in detect("Jailed over the past half decade.", published=pub)}
    assert got == {"P5Y": ("2016-03-09", "2021-03-08")}


def test_a_fraction_ago_is_a_date():
    assert values("It began in Ulster half a century ago.", D(2021, 3, 8)) == {"half a century ago": "1971"}
    assert values("He left half a year ago.", D(2021, 3, 8)) == {"half a year ago": "2020-09"}
    assert values("He left half a year ago.", D(2021, 1, 2)) == {"half a year ago": "2020-07"}  # across the year
    assert values("Shots rang out half an hour ago.", D(2021, 3, 8)) == {"half an hour ago": "2021-03-08"}
    # a share is no time
    assert values("He sold a quarter of his shares.", D(2021, 3, 8)) == {}


# ---------------------------------------------------------------- "the year" in apposition


def test_the_year_in_apposition_is_the_year_just_named():
    pub = D(2022, 4, 29)  # a Friday
    assert values("He was born in 1990, the year the wall fell.", pub) == {"1990": "1990", "the year": "1990"}
    assert values("It happened in March, the month of the vote.", D(2022, 1, 3))["the month"] == "2021-03"
    # without a comma right after a date of that grain it is the dateline's year, as before
    assert values("He was born in 1990. Sales rose during the year.", pub)["the year"] == "2022"


def test_the_day_in_apposition_given_as_a_span():
    text = "Eight trading days after Oct. 12, the day before the plunge, the index fell."
    start = text.index("Oct. 12")
    spans = [(start, start + 7), (text.index("the day"), text.index("the day") + 7)]
    got = TimeStage().normalize_spans(text, spans, published=D(1989, 10, 30))
    assert [t.value for t in got] == ["1989-10-12", "1989-10-12"]


# ---------------------------------------------------------------- a year written once for two dates


def test_coordinated_dates_share_the_year_written_after_the_last():
    pub = D(2020, 6, 1)  # a Monday
    assert values("In June and July 2018, seven died.", pub) == {"June": "2018-06", "July 2018": "2018-07"}
    assert values("Raids ran from 3 June to 5 July 2018.", pub)["3 June"] == "2018-06-03"
    assert values("Raids on June 3 and July 5, 2018 killed four.", pub)["June 3"] == "2018-06-03"
    got = values("Interviews were held between January and December 2021.", D(2022, 2, 1))
    assert got["January"] == "2021-01"  # not the January just past, across the year boundary
    # without a year after them each month is resolved on its own
    assert values("In June and July, raids rose.", D(2020, 9, 1)) == {"June": "2020-06", "July": "2020-07"}


def test_year_before_month():
    pub = D(2020, 6, 1)
    assert values("In 2017 December, the government banned the group.", pub) == {"2017 December": "2017-12"}
    assert values("He led the 1863 January Uprising.", pub) == {"1863 January": "1863-01"}
    # "May" after a number is more likely the verb
    assert values("Results for 2017 May be revised.", pub) == {"2017": "2017"}


# ---------------------------------------------------------------- edges and "this past" on relative units


def test_edges_and_this_past_on_relative_units():
    pub = D(2013, 3, 14)  # a Thursday
    text = "By the end of next week, it will end."
    assert [(text[t.start : t.end], t.value, t.mod) for t in detect(text, published=pub)] == [
        ("the end of next week", "2013-W12", "END")]
    assert values("Talks resume at the beginning of next month.", D(2013, 12, 30)) == {"the beginning of next month": "2014-01"}
    assert values("Riots broke out this past weekend.", pub) == {"this past weekend": "2013-W10-WE"}
    assert values("Riots broke out this past weekend.", D(2013, 3, 11)) == {"this past weekend": "2013-W10-WE"}  # a Monday


# ---------------------------------------------------------------- sets with a period


def test_sets_with_a_period():
    pub = D(2013, 3, 14)
    def typed(text):
        return [(text[t.start : t.end], t.type, t.value) for t in detect(text, published=pub)]
    assert typed("The congress meets every five years.") == [("every five years", "SET", "P5Y")]
    assert typed("Police renew his detention every 45 days.") == [("every 45 days", "SET", "P45D")]
    assert typed("Guards let him shower every few days.") == [("every few days", "SET", "PXD")]
    assert typed("Patrols pass every other day.") == [("every other day", "SET", "P2D")]
    assert typed("Protesters gather every Sunday night.") == [("every Sunday night", "SET", "XXXX-WXX-7TNI")]
    assert typed("He was jailed for five years.") == [("five years", "DURATION", "P5Y")]


# ---------------------------------------------------------------- numeric dates, day first


def test_numeric_dates_day_first_when_it_must_be_or_is_far_nearer():
    pub = D(2013, 3, 14)  # a Thursday
    assert values("Clashes on 24/02/2013 left two dead.", pub) == {"24/02/2013": "2013-02-24"}
    assert values("Clashes on 24.02.2013 left two dead.", pub) == {"24.02.2013": "2013-02-24"}
    assert values("The union met the university (12/3/2013).", pub) == {"12/3/2013": "2013-03-12"}
    # US order stays the default when both readings are plausible
    assert values("He was arrested on 5/6/2012.", pub) == {"5/6/2012": "2012-05-06"}
    assert values("He was arrested on 3/12/2013.", pub) == {"3/12/2013": "2013-03-12"}
    # across the year boundary: 30 December just past
    assert values("Police fired on 30-12-2012 at protesters.", D(2013, 1, 2)) == {"30-12-2012": "2012-12-30"}
    # decimals and version numbers are no dates
    assert values("Sales rose 1.5 million units in version 2.10.", pub) == {}


# ---------------------------------------------------------------- the 24-hour clock


def test_24_hour_clock_with_a_zone_or_after_at():
    pub = D(2013, 3, 14)  # a Thursday
    assert values("The blast came at 0600 GMT on Friday.", pub) == {"0600 GMT on Friday": "2013-03-08T06:00"}
    assert values("Police arrived at about 16:16hrs.", pub) == {"about 16:16hrs": "2013-03-14T16:16"}
    assert values("Gunmen struck at 21:45.", pub) == {"21:45": "2013-03-14T21:45"}
    assert values("Gunmen struck at 01:30.", D(2013, 1, 1)) == {"01:30": "2013-01-01T01:30"}  # new year's night
    # the same time again in another zone, scores and years are no new times
    assert "0735 GMT" not in values("It went off at 10:35 a.m. (0735 GMT) Friday.", pub)
    assert values("They took a 2:30 lead in 1945.", pub) == {"1945": "1945"}


# ---------------------------------------------------------------- "on the 3rd"


def test_a_day_of_the_month_after_on_the():
    pub = D(2019, 1, 7)  # a Monday
    assert values("The suspect was arrested on the 3rd.", pub) == {"the 3rd": "2019-01-03"}
    assert values("He was killed on the 20th, police said.", pub) == {"the 20th": "2018-12-20"}  # across the year
    assert values("He will be tried on the 2nd.", pub) == {"the 2nd": "2019-02-02"}
    assert values("Since the rigged election on the 9th, workers have struck.", D(2020, 8, 20)) == {"the 9th": "2020-08-09"}
    # an ordinal before a noun is no day
    assert values("The office is on the 3rd floor.", pub) == {}


# ---------------------------------------------------------------- a fall that is a collapse, a daily that is a paper


def test_the_fall_of_a_regime_and_daily_papers_are_no_times():
    pub = D(2020, 1, 7)
    assert values("Protesters cheered the fall of Daniel Ortega's government.", pub) == {}
    assert values("Talks resume in the fall of 2020.", pub) == {"the fall of 2020": "2020-FA"}
    assert values("Daily Trust on Sunday reported the ransom.", pub) == {"Sunday": "2020-01-05"}
    assert values("Daily protests shook the capital.", pub) == {"Daily": "P1D"}


# ---------------------------------------------------------------- tense: the noun "will", irregular past verbs, a fronted "until"


def test_tense_the_noun_will_irregular_pasts_and_fronted_until():
    pub = D(2021, 4, 28)  # a Wednesday
    text = "Strikers held seven managers against their will for 12 hours on Tuesday."
    assert values(text, pub)["Tuesday"] == "2021-04-27"
    assert values("The union will strike on Tuesday.", pub)["Tuesday"] == "2021-05-04"
    text = "\u201cIt is not right to attend,\u201d the vice-president wrote to the organisers on Sunday."
    assert values(text, D(2019, 12, 9))["Sunday"] == "2019-12-08"  # a Monday dateline
    text = "Up until Saturday, the kingdom had executed 81 people this year."
    assert values(text, D(2022, 3, 13))["Saturday"] == "2022-03-12"  # a Sunday dateline
    # a deadline still ahead keeps its future
    assert values("Workers must return by Monday or face charges.", D(2021, 3, 19))["Monday"] == "2021-03-22"
    text = "He knew about the outbreak by Jan. 7, two weeks before the alert."
    assert values(text, D(2020, 3, 3))["Jan. 7"] == "2020-01-07"  # "knew" is past: no deadline ahead


def test_tense_due_to_a_cause_the_next_day_and_a_quote_that_ends_a_sentence():
    pub = D(2021, 2, 12)  # a Friday
    text = "\u201cThey were sacked due to management victimisation.\u201d During the strikes in December, managers called police."
    assert values(text, pub)["December"] == "2020-12"
    text = "\u201cI do not want others to suffer due to my choice,\u201d he said in a statement on January 25."
    assert values(text, D(2021, 3, 1))["January 25"] == "2021-01-25"
    text = "The five were put under house arrest the very next day (on August 29) after the order."
    assert values(text, D(2019, 11, 12))["August 29"] == "2019-08-29"
    # "due to" before a verb still looks ahead
    text = "A strike at the university, due to begin Monday, was called off."
    assert values(text, pub)["Monday"] == "2021-02-15"


def test_the_second_of_two_days_given_as_a_span():
    text = "The summit will be held on April 24 and 25 in Washington."
    start = text.index("25")
    got = TimeStage().normalize_spans(text, [(start, start + 2)], published=D(1999, 2, 10))
    assert got[0].value == "1999-04-25"
    text = "Talks ran on Dec. 30 and 31, 2012."  # the year written after the second day
    start = text.index("31")
    assert TimeStage().normalize_spans(text, [(start, start + 2)], published=D(2013, 1, 2))[0].value == "2012-12-31"
    # a bare number elsewhere is no day, and detection never marks one
    text = "He scored 25 points."
    assert TimeStage().normalize_spans(text, [(10, 12)], published=D(1999, 2, 10)) == [None]
    assert values("The summit will be held on April 24 and 25.", D(1999, 2, 10)) == {"April 24 and 25": "1999-04"}


def test_units_or_units_is_one_expression_valued_by_the_first():
    pub = D(1998, 2, 19)
    assert values("He probably died within weeks or months of his capture.", pub) == {"weeks or months": "PXW"}
    assert values("Redemptions rose in recent weeks and months.", pub) == {"recent weeks and months": "PXW"}
    assert values("After a few days or weeks, the flaw is fixed.", pub) == {"a few days or weeks": "PXD"}


# ---------------------------------------------------------------- decimals, and "the future" before a title


def test_decimal_durations():
    pub = D(2020, 1, 7)
    assert values("She was sentenced to 10.5 years in prison.", pub) == {"10.5 years": "P10Y6M"}
    assert values("He was freed from a 4.5-year sentence.", pub) == {"4.5-year": "P4Y6M"}
    assert values("He was sentenced to 23.3 years.", pub) == {"23.3 years": "P23.3Y"}
    assert values("They were held for 2.5 hours.", pub) == {"2.5 hours": "PT2H30M"}


def test_the_future_before_a_title_is_no_time():
    pub = D(2020, 1, 7)
    assert values("As a boy, the future Shah of Iran wrote poems.", pub) == {}
    assert values("She met the future president in 1998.", pub) == {"1998": "1998"}
    assert values("In the near future Iran will reply.", pub) == {"the near future": "FUTURE_REF"}
    assert values("We will act in the future.", pub) == {"the future": "FUTURE_REF"}


def test_a_holiday_before_a_capitalised_word_is_a_name():
    pub = D(2020, 12, 1)
    assert values("They sailed to Christmas Island for 18 days.", pub) == {"18 days": "P18D"}
    assert values("Later the Thanksgiving Four were fired.", pub) == {}
    assert values("She wants to be home for Christmas. MP Tulip Siddiq agreed.", pub) == {"Christmas": "2020-12-25"}
    assert values("Shops shut on Christmas Day.", D(2021, 1, 4)) == {"Christmas Day": "2020-12-25"}  # across the year
