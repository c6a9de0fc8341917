"""Third round of time rules: TempEval-3 conventions and coverage (texts written for these tests)."""

from __future__ import annotations

import datetime as dt
import re

from dateline.io import article_from_text
from dateline.model import Doc, Sentence, Span
from dateline.timex.detect import detect
from dateline.timex.stage import TimeStage, event_time

D = dt.date


def values(text: str, published: dt.date | None) -> dict[str, str | None]:
    return {text[t.start : t.end]: t.value for t in detect(text, published=published)}


# ---------------------------------------------------------------- the wire dateline's own date


def test_wire_dateline_date_is_a_time_expression_but_never_dates_an_event():
    text = "date 2021-03-06 Xinhua, CAIRO\nCAIRO, March 5 (Xinhua) -- Gunmen attacked a convoy near the border."
    doc = Doc(article_from_text(text))
    doc.sentences = tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.", text))
    doc.entities = ()
    TimeStage()(doc)
    assert [(text[t.start : t.end], t.value) for t in doc.times] == [("March 5", "2021-03-05")]
    start = text.index("attacked")
    et = event_time(doc, Span(start, start + 8), doc.sentence_of(start))
    assert et.rule == "publication-date"


# ---------------------------------------------------------------- an infinitive after a past verb


def test_infinitive_after_past_verb_leaves_the_date_on_either_side():
    pub = D(2021, 2, 10)  # a Wednesday
    assert values("A judge ordered the minister to testify on March 3.", pub)["March 3"] == "2021-03-03"
    assert values("The bank used the loan to pay its suppliers by March.", pub)["March"] == "2021-03"
    # either side: the nearest occurrence, so a weekday still falls on or before the dateline
    assert values("She flew to Paris to attend the funeral on Monday.", pub)["Monday"] == "2021-02-08"


def test_to_before_a_noun_is_not_an_infinitive():
    pub = D(2021, 5, 5)
    assert values("The doctor was shot to death on Oct. 23 at his home.", pub)["Oct. 23"] == "2020-10-23"


# ---------------------------------------------------------------- a day someone marked


def _given(text: str, span: str, published: dt.date, *, before: str | None = None) -> str | None:
    """The value of ``span`` given as a time expression, after ``before`` (also given) sets the date."""
    spans = [(text.index(before), text.index(before) + len(before))] if before else []
    start = text.rindex(span)
    got = TimeStage().normalize_spans(text, spans + [(start, start + len(span))], published=published)[-1]
    return got.value if got else None


def test_marked_day_is_the_running_date():
    pub = D(2022, 7, 9)
    text = "Troops entered the city on July 4. It was a sad day for its people."
    assert _given(text, "day", pub, before="July 4") == "2022-07-04"
    assert _given("It is the third day of the strike.", "the third day", pub) == "2022-07-09"
    text = "He was freed on July 4. Police came the day after his release."
    assert _given(text, "day", pub, before="July 4") == "2022-07-05"


def test_marked_day_never_found_unasked():
    assert values("It was a sad day for its people.", D(2022, 7, 9)) == {}


# ---------------------------------------------------------------- "last Oct. 23", "next May 4"


def test_last_and_next_with_a_month_and_day_keep_the_day():
    pub = D(2021, 4, 19)
    assert values("He was shot dead last Oct. 23 at his home.", pub) == {"last Oct. 23": "2020-10-23"}
    assert values("He died last April 23.", pub) == {"last April 23": "2020-04-23"}  # not four days ahead
    assert values("He died last March 3.", pub) == {"last March 3": "2021-03-03"}
    assert values("The vote is due next April 4.", pub) == {"next April 4": "2022-04-04"}


# ---------------------------------------------------------------- "three days later": a duration and a signal


def _doc(text: str, published: dt.date) -> Doc:
    doc = Doc(article_from_text(text, published=published))
    doc.sentences = tuple(Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text))
    doc.entities = ()
    TimeStage()(doc)
    return doc


def test_duration_before_later_is_marked_without_the_signal_and_still_dates_events():
    text = "Rebels seized the town on March 2. Two days later, troops retook it. The next day they left."
    doc = _doc(text, D(2021, 3, 10))
    got = {text[t.start : t.end]: (t.value, t.type, t.begin) for t in doc.times}
    assert got["Two days"] == ("P2D", "DURATION", "2021-03-04")
    assert got["The next day"][0] == "2021-03-05"  # the story moved on to the day it points to
    start = text.index("retook")
    et = event_time(doc, Span(start, start + 6), doc.sentence_of(start))
    assert (et.event_date, et.time_precision) == ("2021-03-04", 1)


def test_duration_before_a_prepositional_object_is_a_plain_duration():
    assert values("Two days after the vote, he quit.", D(2021, 3, 10)) == {"Two days": "P2D"}
    assert values("A few weeks later, the plant closed.", D(2021, 3, 10)) == {"A few weeks": "PXW"}


# ---------------------------------------------------------------- "the previous Friday"


def test_previous_and_following_weekday_count_from_the_running_date():
    pub = D(2021, 3, 15)  # a Monday
    got = values("Stocks fell on Friday, down 4% from the previous Friday.", pub)
    assert got == {"Friday": "2021-03-12", "the previous Friday": "2021-03-05"}
    got = values("Rebels took the town on March 3. The following Monday, talks began.", pub)
    assert got["The following Monday"] == "2021-03-08"


def test_last_month_name_for_the_month_just_ended_is_a_year_back():
    # the month just ended is "last month"; named, it is the one a year earlier
    assert values("Two helicopters crashed last February.", D(2021, 3, 1)) == {"last February": "2020-02"}
    assert values("Two helicopters crashed last January.", D(2021, 3, 1)) == {"last January": "2021-01"}
    assert values("Two helicopters crashed last March.", D(2021, 3, 20)) == {"last March": "2020-03"}


def test_or_so_before_ago_and_a_second_as_an_ordinal():
    pub = D(2021, 2, 25)
    assert values("Then, a week or so ago, the general picked a date.", pub) == {"a week or so ago": "2021-W07"}
    assert values("A second group of directors quit.", pub) == {}
    assert values("It will be a second betrayal.", pub) == {}
    assert values("He paused for a second.", pub) == {"a second": "PT1S"}


def test_until_then_is_the_time_the_text_named_last():
    text = "The rights expire on Nov. 30. Until then, the stock remains convertible."
    assert _given(text, "then", D(2021, 10, 30), before="Nov. 30") == "2021-11-30"
    assert _given("Back then, few cared.", "then", D(2021, 10, 30)) == "PAST_REF"


def test_half_of_a_decade_is_not_a_half_year():
    pub = D(1989, 10, 26)
    assert values("Sales were flat in the last half of the '80s.", pub) == {"the '80s": "198"}
    assert values("Profit rose in the first half.", pub) == {"the first half": "1989-H1"}


def test_half_or_quarter_of_the_year_is_one_expression():
    pub = D(2013, 3, 14)
    text = "The deal should close in the second half of the year."
    assert values(text, pub) == {"the second half of the year": "2013-H2"}


def test_simple_present_of_a_scheduled_end_looks_ahead():
    pub = D(2013, 3, 14)
    assert values("The fiscal year ends June 30.", pub)["June 30"] == "2013-06-30"
    assert values("The law takes effect in January.", pub) == {"January": "2014-01"}
    assert values("The truce ended in January.", pub) == {"January": "2013-01"}


def test_day_before_a_weekday_counts_from_that_weekday():
    pub = D(2000, 2, 24)  # a Thursday
    text = "The day before last Tuesday's hearing, he left."
    assert values(text, pub) == {"The day before last Tuesday": "2000-02-21"}
    assert values("He left the day before.", pub) == {"the day before": "2000-02-23"}


def test_a_range_of_durations_takes_its_lower_bound():
    assert values("Shipments resume within two to three weeks.", D(2021, 3, 10)) == {"two to three weeks": "P2W"}


def test_later_counts_a_coarse_unit_from_the_period_the_text_named():
    pub = D(2013, 3, 14)
    got = {t.value: (t.begin, t.end_date) for t in detect("He joined in 2005 and left two years later.", published=pub)}
    assert got["P2Y"] == ("2007-01-01", "2007-12-31")
    got = {t.value: (t.begin, t.end_date) for t in detect("The war began in March 2003. Two months later, the city fell.", published=pub)}
    assert got["P2M"] == ("2003-05-01", "2003-05-31")
    assert values("He married in 2005. Three years earlier, he had moved.", pub)["Three years earlier"] == "2002"


def test_later_with_nothing_to_count_from_points_nowhere_in_past_news():
    t = detect("Two years later, he quit.", published=D(2013, 3, 14))[0]
    assert (t.value, t.begin, t.end_date) == ("P2Y", None, None)


def test_the_day_a_later_points_to_is_the_running_date_for_following_sentences():
    text = "Rebels seized the town on March 2. Two days later, troops retook it. They killed five rebels."
    doc = _doc(text, D(2021, 3, 10))
    start = text.index("killed")
    et = event_time(doc, Span(start, start + 6), doc.sentence_of(start))
    assert (et.event_date, et.rule.split(":")[0]) == ("2021-03-04", "running-date")


def test_after_before_an_event_counts_from_the_event_not_the_running_date():
    pub = D(2013, 3, 14)
    t = detect("The attack came two years after Kenya sent troops.", published=pub)[0]
    assert (t.value, t.begin) == ("P2Y", None)
    got = {x.value: x.begin for x in detect("He left in 2005 and she followed a year after.", published=pub)}
    assert got["P1Y"] == "2006-01-01"


def test_bare_month_abbreviation_after_a_name_is_not_a_month():
    assert values("He sued the anchor Zhu Jun. The case was heard in Jan. again.", D(2021, 1, 8)) == {"Jan.": "2021-01"}


def test_infinitive_after_a_verb_that_says_the_act_happened_stays_past():
    pub = D(2021, 3, 15)
    text = "His health began to deteriorate after the August 9 election."
    assert values(text, pub) == {"August 9": "2020-08-09"}


def test_the_day_before_an_event_is_not_the_day_before_the_running_date():
    pub = D(1998, 11, 20)
    assert values("He was last seen Nov. 3, the day before police issued a warrant.", pub) == {"Nov. 3": "1998-11-03"}
    assert values("He was seen on Nov. 3. He had left the day before.", pub)["the day before"] == "1998-11-02"


def test_the_end_of_the_month_is_one_expression_with_its_edge():
    text = "Troops will arrive by the end of the month."
    t = detect(text, published=D(1990, 8, 13))[0]
    assert (text[t.start : t.end], t.value, t.mod) == ("the end of the month", "1990-08", "END")


def test_since_year_end_is_the_close_of_the_last_year():
    pub = D(1989, 10, 30)
    assert values("The index is up 12% since year-end.", pub) == {"year-end": "1988-12-31"}
    assert values("Sales should rise by year-end.", pub) == {"year-end": "1989"}


def test_the_past_week_is_the_seven_days_to_the_dateline_not_last_week():
    assert values("Violence rose in the past week.", D(2000, 4, 14)) == {"the past week": "2000-W15"}  # a Friday
    assert values("Violence rose in the past week.", D(2000, 4, 10)) == {"the past week": "2000-W14"}  # a Monday
    assert values("Violence rose last week.", D(2000, 4, 14)) == {"last week": "2000-W14"}
