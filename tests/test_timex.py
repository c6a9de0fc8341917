"""Golden tests for time-expression detection and anchoring (texts written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timex.detect import detect, tense_at
from dateline.timex.stage import TimeStage

D = dt.date


def values(text: str, published: dt.date | None) -> dict[str, str | None]:
    return {text[t.start : t.end]: t.value for t in detect(text, published=published)}


def one(text: str, published: dt.date | None):
    found = detect(text, published=published)
    assert len(found) == 1, [(text[t.start : t.end], t.value) for t in found]
    return found[0]


# ---------------------------------------------------------------- bare weekdays


@pytest.mark.parametrize(
    "published, expected",
    [
        (D(2019, 1, 25), "2019-01-23"),  # Friday dateline: two days back
        (D(2019, 1, 23), "2019-01-23"),  # Wednesday dateline: the same day
        (D(2019, 1, 22), "2019-01-16"),  # Tuesday dateline: the week before
        (D(2019, 1, 1), "2018-12-26"),  # across the year boundary
        (D(2019, 3, 1), "2019-02-27"),  # across the month boundary
    ],
)
def test_weekday_in_past_news_is_latest_on_or_before_dateline(published, expected):
    assert one("Rebels said on Wednesday they had taken the town.", published).value == expected


@pytest.mark.parametrize(
    "published, expected",
    [
        (D(2019, 1, 25), "2019-01-30"),  # Friday dateline: next Wednesday
        (D(2019, 1, 23), "2019-01-23"),  # a Wednesday dateline: that day
        (D(2018, 12, 28), "2019-01-02"),  # across the year boundary
    ],
)
def test_weekday_in_future_tense_is_first_on_or_after_dateline(published, expected):
    assert one("The envoy will meet the rebels on Wednesday.", published).value == expected


def test_last_and_next_weekday_skip_the_dateline_day():
    pub = D(2019, 1, 23)  # a Wednesday
    assert one("The talks collapsed last Wednesday.", pub).value == "2019-01-16"
    assert one("Talks resume next Wednesday.", pub).value == "2019-01-30"


def test_weekday_possessive_refers_to_a_known_occasion():
    pub = D(2019, 1, 25)
    assert one("They will appeal Wednesday's ruling by the court.", pub).value == "2019-01-23"


# ---------------------------------------------------------------- days, weeks, months, years relative to the dateline


def test_relative_days():
    got = values("Shelling resumed yesterday and today; more is expected tomorrow.", D(2019, 3, 1))
    assert got == {"yesterday": "2019-02-28", "today": "2019-03-01", "tomorrow": "2019-03-02"}


@pytest.mark.parametrize(
    "text, published, value, begin, end",
    [
        ("Fighting flared last month.", D(2019, 1, 25), "2018-12", "2018-12-01", "2018-12-31"),
        ("Fighting flared last month.", D(2019, 3, 31), "2019-02", "2019-02-01", "2019-02-28"),
        ("Fighting flared last year.", D(2019, 1, 2), "2018", "2018-01-01", "2018-12-31"),
        ("Aid arrives next month.", D(2019, 12, 10), "2020-01", "2020-01-01", "2020-01-31"),
        ("Clashes erupted last week.", D(2019, 1, 25), "2019-W03", "2019-01-14", "2019-01-20"),
        ("Clashes erupted last week.", D(2019, 1, 2), "2018-W52", "2018-12-24", "2018-12-30"),
        ("Talks open next week.", D(2019, 12, 27), "2020-W01", "2019-12-30", "2020-01-05"),
        ("Raids intensified earlier this month.", D(2019, 1, 25), "2019-01", "2019-01-01", "2019-01-31"),
    ],
)
def test_relative_units(text, published, value, begin, end):
    t = one(text, published)
    assert (t.value, t.begin, t.end_date) == (value, begin, end)


def test_month_with_relative_year():
    t = one("The offensive began in September last year.", D(2019, 1, 25))
    assert (t.value, t.granularity) == ("2018-09", "month")


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("The army retook the town in December.", D(2019, 1, 25), "2018-12"),  # past: last December
        ("The army retook the town in January.", D(2019, 1, 25), "2019-01"),  # the current month
        ("Elections will be held in March.", D(2019, 1, 25), "2019-03"),  # future: this coming March
        ("Elections will be held in January.", D(2019, 12, 5), "2020-01"),  # future across the year end
    ],
)
def test_month_without_year_follows_tense(text, published, expected):
    assert one(text, published).value == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Gunmen attacked the convoy on Dec. 30.", D(2019, 1, 2), "2018-12-30"),
        ("The deadline falls on Jan. 14.", D(2019, 1, 6), "2019-01-14"),
        ("Voting is scheduled for Feb. 3.", D(2018, 12, 20), "2019-02-03"),
        ("The ceasefire of 4 March held.", D(2019, 3, 10), "2019-03-04"),
    ],
)
def test_month_day_without_year_is_nearest_fitting_tense(text, published, expected):
    assert one(text, published).value == expected


def test_explicit_dates_need_no_anchor():
    got = values("The accord of March 3, 2014 ended on 2016-05-01.", None)
    assert got == {"March 3, 2014": "2014-03-03", "2016-05-01": "2016-05-01"}


def test_ago_and_quarters_and_seasons():
    pub = D(2019, 8, 14)
    got = values(
        "Three days ago the militia attacked. Two years ago it was routed. Output fell in the second "
        "quarter, and the group went quiet last winter before regrouping this summer.",
        pub,
    )
    assert got["Three days ago"] == "2019-08-11"
    assert got["Two years ago"] == "2017"
    assert got["the second quarter"] == "2019-Q2"
    assert got["last winter"] == "2018-WI"
    assert got["this summer"] == "2019-SU"


def test_decades_centuries_and_ranges():
    got = values("In the early 1990s, and again from 2014 to 2017, the 20th century's feud returned.", D(2019, 1, 1))
    assert got["the early 1990s"] == "199"
    assert got["2014"] == "2014" and got["2017"] == "2017"
    assert got["the 20th century"] == "19"


# ---------------------------------------------------------------- durations, sets, vague


def test_anchored_duration_ends_at_the_dateline():
    t = one("At least 1,000 civilians have left in the past 48 hours.", D(2019, 1, 25))
    assert (t.value, t.type, t.begin, t.end_date) == ("PT48H", "DURATION", "2019-01-24", "2019-01-25")


def test_unanchored_duration_has_no_interval():
    t = one("A four-month bombing campaign left the area in ruins.", D(2019, 1, 25))
    assert (t.value, t.type, t.begin, t.granularity) == ("P4M", "DURATION", None, "duration")


@pytest.mark.parametrize(
    "text, value",
    [("The siege lasted two weeks.", "P2W"), ("It took 2 1/2 years.", "P2Y6M"), ("for two decades", "P20Y"),
     ("a 16-hour curfew", "PT16H"), ("the next three years", "P3Y")],
)
def test_duration_values(text, value):
    assert one(text, D(2019, 1, 25)).value == value


def test_sets_and_vague_references():
    got = values("Protesters gather every Friday and patrols run daily. Aid is now scarce; it recently ran out.",
                 D(2019, 1, 25))
    assert got["every Friday"] == "XXXX-WXX-5"
    assert got["daily"] == "P1D"
    assert got["now"] == "PRESENT_REF"
    assert got["recently"] == "PAST_REF"


def test_recent_days_cover_the_week_before_the_dateline():
    t = one("Several villages fell in recent days.", D(2019, 1, 25))
    assert (t.value, t.type, t.begin, t.end_date) == ("PXD", "DURATION", "2019-01-19", "2019-01-25")


def test_running_date_anchors_the_next_day():
    got = values("The siege began on March 3, 2015. The next day the town fell.", D(2019, 1, 25))
    assert got["The next day"] == "2015-03-04"


def test_holidays_resolve_by_tense():
    assert one("Shelling stopped on Christmas Day.", D(2019, 1, 5)).value == "2018-12-25"
    assert one("A truce is planned for Easter.", D(2019, 1, 5)).value == "2019-04-21"


def test_clock_time_on_a_weekday():
    t = one("The blast came at 9 a.m. Tuesday, police said.", D(2019, 1, 25))
    assert (t.value, t.type, t.granularity) == ("2019-01-22T09:00", "TIME", "time")


def test_numbers_are_not_years():
    assert values("Some 2000 people fled, and 1,999 more were detained.", D(2019, 1, 25)) == {}


def test_may_the_verb_is_not_a_month():
    assert values("Officials said the talks May fail.", D(2019, 1, 25)) == {}
    assert values("The vote was held in May.", D(2019, 8, 1)) == {"May": "2019-05"}


# ---------------------------------------------------------------- without a publication date; trace


def test_without_publication_date_relative_values_stay_unresolved():
    found = detect("Rebels said on Wednesday they took the town last month, in 2016 terms.", published=None)
    by_text = {f.rule.split(":")[0]: f for f in found}
    assert [f.value for f in found] == ["XXXX-WXX-3", None, "2016"]
    assert all(f.anchor is None for f in found) and by_text


def test_every_value_records_anchor_and_rule():
    for t in detect("On Wednesday, and again last month.", published=D(2019, 1, 25)):
        assert t.anchor == "2019-01-25" and t.rule


def test_tense_from_nearby_words():
    text = "The minister will travel on Friday. The minister travelled on Friday."
    first, second = [i for i in range(len(text)) if text.startswith("Friday", i)]
    assert tense_at(text, first, first + 6) == "future"
    assert tense_at(text, second, second + 6) == "past"


# ---------------------------------------------------------------- the stage and given spans


def test_normalize_spans_given_gold_spans():
    text = "Troops withdrew on Wednesday after a two-week siege; the next day was calm."
    spans = [(text.index("Wednesday"), text.index("Wednesday") + 9), (0, 6), (text.index("two-week"), text.index("two-week") + 8)]
    got = TimeStage().normalize_spans(text, spans, published=D(2019, 1, 25))
    assert got[0].value == "2019-01-23"
    assert got[1] is None
    assert got[2].value == "P2W" and got[2].start == spans[2][0]


def test_stage_skips_the_header_and_dateline():
    from dateline.io import article_from_text
    from dateline.model import Doc

    doc = Doc(article_from_text(" date 2019-01-25 Wire, TOWN\n\nTOWN (Wire) - Rebels attacked on Monday.\n"))
    doc.sentences, doc.entities = (), ()
    TimeStage()(doc)
    assert [(doc.text[t.start : t.end], t.value) for t in doc.times] == [("Monday", "2019-01-21")]


def test_day_ranges_within_a_month():
    t = one("Clashes on the night of 3-4 January killed five.", D(2022, 1, 10))
    assert (t.value, t.begin, t.end_date, t.granularity) == ("2022-01", "2022-01-03", "2022-01-04", "day")
    t = one("Between 1 and 7 January 2022, troops shelled the area.", D(2022, 3, 1))
    assert (t.begin, t.end_date) == ("2022-01-01", "2022-01-07")
    assert one("Raids ran from March 3 to 9.", D(2022, 3, 20)).end_date == "2022-03-09"


def test_month_day_followed_by_a_count_is_still_a_date():
    got = values("In the early morning of February 26, 317 girls were kidnapped.", D(2021, 3, 8))
    assert got == {"February 26": "2021-02-26"}
