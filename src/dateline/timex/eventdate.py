"""An event's date, as ACLED codes it, from the time expression that governs its trigger.

Search order: a time expression in the trigger's own clause, then anywhere in its sentence
(nearest first), then the story's running date (the last day- or week-precise date before the
sentence), else the publication date at week precision. ``time_precision`` follows ACLED:
1 a day, 2 about a week, 3 a month or more. A duration governs an event only when it is tied to
the dateline ("in the past 48 hours") or spans at least a week ("a four-month campaign" ends at
the dateline); a bare "48 hours" never makes a day. A date on the reporting verb ("leaders said on
Sunday", "told Reuters on Monday") dates the report, not the event it reports, so it never dates
another trigger; a part of day in that sentence ("an overnight raid") is read from the report's day.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Doc, EventTime, Sentence, Span, TimeExpr
from ..events.background import is_history
from . import anchor as A

# Clause boundaries inside a sentence: semicolons, dashes, and a comma before a clause opener.
_CLAUSE = re.compile(
    r";|:|\s[-\u2013\u2014]+\s|,\s*(?=(?:and|but|while|as|after|before|when|which|who|where|since|"
    r"although|though|because|whereas|according|said|says|officials?|residents?)\b)",
    re.IGNORECASE,
)
_MIN_DURATION_DAYS = 7
# A reporting verb, then at most its addressee or channel ("told Reuters", "said in a statement"),
# right before a time expression: that time is when it was said.
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|announced|announces|reported|reports|stated|states|confirmed|confirms|"
    r"added|adds|claimed|claims|declared|declares)"
    r"(?:\s+(?:in\s+an?\s+(?:\w+\s+)?(?:statement|interview|post|message|briefing|update|report|bulletin|release|video)|to\s+reporters|"
    r"reporters|journalists|(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}))?"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$")
_REPORT_LOOKBEHIND = 60


def event_time(doc: Doc, trigger: Span, sentence: Sentence) -> EventTime:
    """When the event whose trigger is ``trigger`` (in ``sentence``) happened, with the evidence."""
    pub = doc.article.published
    times = [t for t in doc.times or () if t.start >= doc.article.body_start]
    in_sentence = [t for t in times if sentence.start <= t.start < sentence.end]
    reports = [t for t in in_sentence if _report_verb(doc.text, sentence, t, trigger)]
    in_sentence = _current(doc.text, [t for t in in_sentence if t not in reports], pub)
    clause = clause_of(doc.text, sentence, trigger)
    for rule, pool in (("same-clause", [t for t in in_sentence if clause.start <= t.start < clause.end]),
                       ("same-sentence", in_sentence)):
        found = _nearest(pool, trigger, pub)
        if found is not None:
            found = _past_the_report(doc.text, times, *_reanchored(_range(doc.text, found, in_sentence, pub), reports, pub))
            return _from(*found, rule, pub)
    running = _running(times, sentence.start, doc.text)
    if running is not None:
        return _from(running, _interval(running, pub), "running-date", pub)
    iso = pub.isoformat() if pub else None
    return EventTime(iso, iso, iso, 2 if pub else None, None, "publication-date")


def _current(text: str, pool: list[TimeExpr], pub: dt.date | None) -> list[TimeExpr]:
    """"On 26 May 2022, residents protested ... against a clinic closed since March 2020": a past
    month or year beside a current date is what the sentence recalls; the current date dates it."""
    dated = [(t, _interval(t, pub)) for t in pool]
    recent = [t for t, iv in dated if iv is not None and not is_history(*iv, pub)]
    return [t for t, iv in dated if iv is None or t in recent] if recent else pool


def _report_verb(text: str, sentence: Sentence, t: TimeExpr, trigger: Span) -> bool:
    """Is ``t`` the date of a reporting verb (and the trigger not that verb itself)?"""
    m = _REPORTED.search(text, max(sentence.start, t.start - _REPORT_LOOKBEHIND), t.start)
    return m is not None and not (m.start() <= trigger.start < m.end())


def _reanchored(found, reports: list[TimeExpr], pub: dt.date | None):
    """"An overnight raid ..., leaders said on Sunday": the night before the report, not before
    publication. A part of day was resolved from the publication date; move it by the report's lag."""
    t, (begin, end) = found
    report = next((r for r in reports if r.granularity in ("day", "time") and r.begin == r.end_date), None)
    if report is None or pub is None or not (t.rule or "").startswith("part of day"):
        return found
    if t.anchor != pub.isoformat():
        return found
    lag = dt.date.fromisoformat(report.begin) - pub
    return t, (begin + lag, end + lag)


# How the time stage words a count of days from the last date it read: "1 days earlier 2024-02-07",
# "before day from the running date 2024-02-07", "next day from the running date 2024-02-06".
_DAYS_FROM = re.compile(r"(?:(\d+) days? (earlier|later)|(before|previous|next|following|after) day from the running date)"
                        r" (\d{4}-\d\d-\d\d)$")
_BACK = {"earlier", "before", "previous"}


def _past_the_report(text: str, times: list[TimeExpr], t: TimeExpr, interval):
    """"... on Tuesday, two officials said on Wednesday. A day earlier, drones struck ...": the
    count runs from the event's Tuesday, not from the day of the report that was read last."""
    m = _DAYS_FROM.search(t.rule or "")
    days = [x for x in times if x.end <= t.start and x.granularity == "day" and x.begin and x.begin == x.end_date]
    if m is None or len(days) < 2 or days[-1].begin != m.group(4) or not _said_on(text, days[-1]):
        return t, interval
    event_day = next((x for x in reversed(days[:-1]) if not _said_on(text, x)), None)
    if event_day is None:
        return t, interval
    step = int(m.group(1) or 1) * (-1 if (m.group(2) or m.group(3)) in _BACK else 1)
    day = dt.date.fromisoformat(event_day.begin) + dt.timedelta(days=step)
    return t, (day, day)


def _said_on(text: str, t: TimeExpr) -> bool:
    return _REPORTED.search(text, max(text.rfind(".", 0, t.start) + 1, t.start - _REPORT_LOOKBEHIND), t.start) is not None


def clause_of(text: str, sentence: Sentence, trigger: Span) -> Span:
    """The stretch of the sentence between the clause boundaries around the trigger."""
    start, end = sentence.start, sentence.end
    for m in _CLAUSE.finditer(text, sentence.start, sentence.end):
        if m.end() <= trigger.start:
            start = m.end()
        elif m.start() >= trigger.end:
            end = m.start()
            break
    return Span(start, max(end, start))


def _nearest(pool: list[TimeExpr], trigger: Span, pub: dt.date | None):
    usable = [(t, iv) for t in pool if (iv := _interval(t, pub)) is not None]
    if not usable:
        return None
    return min(usable, key=lambda p: (_distance(p[0], trigger), p[0].start))


_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|[-\u2013])\s*$", re.IGNORECASE)


def _range(text: str, found, pool: list[TimeExpr], pub: dt.date | None):
    """Widen "between January 4 and February 7" / "from 2014 to 2017" to the whole range."""
    t, (begin, end) = found
    ordered = sorted(pool, key=lambda x: x.start)
    i = ordered.index(t)
    for first, second in ((ordered[i - 1] if i else None, t), (t, ordered[i + 1] if i + 1 < len(ordered) else None)):
        if first is None or second is None:
            continue
        if _RANGE_OPEN.search(text[max(0, first.start - 12) : first.start]) and _RANGE_JOIN.match(text[first.end : second.start]):
            a, b = _interval(first, pub), _interval(second, pub)
            if a and b and a[0] <= b[1]:
                return first, (a[0], b[1])
    return t, (begin, end)


def _distance(t: TimeExpr, trigger: Span) -> int:
    if t.end <= trigger.start:
        return trigger.start - t.end
    return max(t.start - trigger.end, 0)


def _interval(t: TimeExpr, pub: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The dates a time expression gives an event, or None if it cannot date one."""
    if t.type == "SET":
        return None
    if t.begin and t.end_date:
        return dt.date.fromisoformat(t.begin), dt.date.fromisoformat(t.end_date)
    if t.type == "DURATION" and pub is not None and t.value:
        days = A.duration_days(t.value)
        if days is not None and days >= _MIN_DURATION_DAYS:
            first = A.back_from(pub, t.value)
            return (first, pub) if first else None
    return None


def _running(times: list[TimeExpr], before: int, text: str) -> TimeExpr | None:
    """The story's running date: the last day- or week-precise date before the sentence. A report's
    date ("..., an agency said in an update on Friday") is when it was told, not when the next
    undated sentence happened: the last event date before it runs on, the report date only if none."""
    dated = [t for t in reversed([t for t in times if t.end <= before]) if _day_like(t)]
    return next((t for t in dated if not _said_on(text, t)), dated[0] if dated else None)


def _day_like(t: TimeExpr) -> bool:
    if t.type in ("DATE", "TIME") and t.granularity in ("day", "time", "week") and t.begin:
        return True
    return bool(t.type == "DURATION" and t.begin and t.begin == t.end_date)  # "two days later": the day it points to


def precision(begin: dt.date, end: dt.date) -> int:
    """ACLED time_precision for an interval: 1 one day, 2 up to a week, 3 longer."""
    days = (end - begin).days
    return 1 if days <= 0 else 2 if days <= 6 else 3


def _from(t: TimeExpr, interval, rule: str, pub: dt.date | None) -> EventTime:
    begin, end = interval
    how = f"{rule}: {t.rule}" if t.rule else rule
    return EventTime(begin.isoformat(), begin.isoformat(), end.isoformat(), precision(begin, end),
                     Span(t.start, t.end), how)
