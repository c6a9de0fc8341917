"""Date arithmetic for anchoring: weekdays, months, weeks, and the interval a TIMEX3 value denotes.

All functions are pure; ``tense`` is "past", "present" or "future".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

DAY = dt.timedelta(days=1)


def weekday_resolve(anchor: dt.date, weekday: int, tense: str, *, shift: int = 0) -> dt.date:
    """The date of ISO ``weekday`` (1=Monday) relative to ``anchor``.

    ``shift`` -1 ("last Friday") is the latest such day strictly before the anchor, +1 ("next
    Friday") the first strictly after; 0 follows the tense: past and present news mean the latest
    such day on or before the anchor, the future the first on or after it.
    """
    back = (anchor.isoweekday() - weekday) % 7
    if shift < 0:
        return anchor - dt.timedelta(days=back or 7)
    if shift > 0:
        return anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7 or 7)
    if tense == "future":
        return anchor + dt.timedelta(days=(weekday - anchor.isoweekday()) % 7)
    return anchor - dt.timedelta(days=back)


def month_year(anchor: dt.date, month: int, tense: str, *, day: int | None = None) -> int:
    """The year of a month (and day) named without one: the nearest occurrence that fits the tense.

    Candidates are the anchor's year and the years either side; distance from the anchor counts,
    and an occurrence on the wrong side of the anchor for the tense counts ten times as far
    (so "by Jan. 14" written on January 6 is next week even after a past verb, while "in
    September" written in January with a past verb is last September).
    """
    def cost(year: int) -> float:
        last = calendar.monthrange(year, month)[1]
        first = dt.date(year, month, min(day, last) if day else 1)
        final = dt.date(year, month, min(day, last) if day else last)
        if first <= anchor <= final:
            return 0.0
        ahead = first > anchor
        gap = (first - anchor).days if ahead else (anchor - final).days
        wrong = (tense == "past" and ahead) or (tense == "future" and not ahead)
        return gap * (10 if wrong else 1)

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=cost)


def day_cost(anchor: dt.date, d: dt.date, tense: str) -> int:
    """How far a day lies from the anchor, ten times as far on the wrong side for the tense
    (as :func:`month_year` weighs candidates)."""
    gap = abs((d - anchor).days)
    wrong = (tense == "past" and d > anchor) or (tense == "future" and d < anchor)
    return gap * (10 if wrong else 1)


def add_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + n
    year, month = divmod(total, 12)
    return dt.date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    return add_months(d, 12 * n)


def iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def shift_value(value: str, years: int) -> str | None:
    """Move a calendar value ("1989-Q3", "1989-10", "1989") by whole years; None if not one."""
    m = re.match(r"^(\d{4})(.*)$", value)
    if not m or not (m.group(2) == "" or m.group(2)[0] == "-"):
        return None
    tail = m.group(2)
    if re.match(r"^-\d\d-\d\d$", tail):
        try:
            return add_years(dt.date.fromisoformat(value), years).isoformat()
        except ValueError:
            return None
    return f"{int(m.group(1)) + years:04d}{tail}"


# ---------------------------------------------------------------- intervals of values

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), _month_end(end_year, end_month)


def _week(year: int, week: int) -> tuple[dt.date, dt.date]:
    begin = dt.date.fromisocalendar(year, week, 1)
    return begin, begin + 6 * DAY


_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$"), "day"),
    (re.compile(r"^(\d{4})-W(\d\d?)-WE$"), "weekend"),
    (re.compile(r"^(\d{4})-W(\d\d?)$"), "week"),
    (re.compile(r"^(\d{4})-(\d\d)$"), "month"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "quarter"),
    (re.compile(r"^(\d{4})-H([12])$"), "half"),
    (re.compile(r"^(\d{4})-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{3})$"), "decade"),
    (re.compile(r"^(\d{2})$"), "century"),
)


def interval(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """The first and last day a calendar value denotes, and its granularity.

    Granularity is one of the contract's names ("day", "week", "month", ...); a time of day
    ("2019-01-23T14:00", "2019-01-23TNI") covers its day and has granularity "time".
    """
    if not value:
        return None
    for pattern, kind in _PATTERNS:
        m = pattern.match(value)
        if m:
            try:
                return _interval(kind, m, value)
            except ValueError:
                return None
    return None


def _interval(kind: str, m: re.Match, value: str) -> tuple[dt.date, dt.date, str]:
    y = int(m.group(1))
    if kind == "day":
        d = dt.date(y, int(m.group(2)), int(m.group(3)))
        return d, d, "time" if "T" in value else "day"
    if kind == "weekend":
        begin, end = _week(y, int(m.group(2)))
        return begin + 5 * DAY, end, "week"
    if kind == "week":
        return (*_week(y, int(m.group(2))), "week")
    if kind == "month":
        return (*_months(y, int(m.group(2)), int(m.group(2))), "month")
    if kind == "quarter":
        q = int(m.group(2))
        return (*_months(y, 3 * q - 2, 3 * q), "quarter")
    if kind == "half":
        h = int(m.group(2))
        return (*_months(y, 6 * h - 5, 6 * h), "quarter")
    if kind == "season":
        first, last = _SEASON_MONTHS[m.group(2)]
        return (*_months(y, first, last), "season")
    if kind == "year":
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if kind == "decade":
        return dt.date(y * 10, 1, 1), dt.date(y * 10 + 9, 12, 31), "decade"
    return dt.date(max(y * 100, 1), 1, 1), dt.date(y * 100 + 99, 12, 31), "century"


_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?|X)(Y|M|W|D|DE|CE|Q))?(?:T(\d+(?:\.\d+)?|X)(H|M|S))?$")


def duration_days(value: str | None) -> float | None:
    """Approximate length in days of a TIMEX3 duration ("P4M" -> 121.6); None if vague or not one."""
    m = _DURATION.match(value or "")
    if not m or value == "P":
        return None
    amount, unit = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), "T" + m.group(4))
    if amount == "X":
        return None
    per = {"Y": 365.25, "M": 30.44, "W": 7, "D": 1, "DE": 3652.5, "CE": 36525, "Q": 91.3,
           "TH": 1 / 24, "TM": 1 / 1440, "TS": 1 / 86400}[unit]
    return float(amount) * per


def back_from(anchor: dt.date, value: str) -> dt.date | None:
    """The start of a duration ending at ``anchor`` ("the past four months")."""
    m = _DURATION.match(value)
    if not m or not m.group(1) or m.group(1) == "X" or "." in m.group(1):
        days = duration_days(value)
        return None if days is None else anchor - dt.timedelta(days=max(round(days) - 1, 0))
    n, unit = int(m.group(1)), m.group(2)
    months = {"M": n, "Y": 12 * n, "Q": 3 * n, "DE": 120 * n, "CE": 1200 * n}.get(unit)
    if months is not None:
        return add_months(anchor, -months) + DAY
    days = {"W": 7 * n, "D": n}[unit]
    return anchor - dt.timedelta(days=max(days - 1, 0))
