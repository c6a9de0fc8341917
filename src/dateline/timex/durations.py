"""Relative dates and durations: "two days ago", "three days later", "the next day", "a great day",
"48 hours", "the past two weeks", "recent years".

Registered right after the rules of :mod:`.rules` and before :mod:`.vague` and :mod:`.special`
(the order breaks ties between overlapping matches of equal length).
"""

from __future__ import annotations

import datetime as dt
import re

from . import anchor as A
from .lexicon import NUMWORD, ORDINAL, PARTS_OF_DAY, UNIT, UNITS, WEEKDAY, number, unit_of
from .rules import (
    UNIT_CORE, Context, Norm, day, g, mod_of, month_value, need, rule, weekday_num, year_earlier,
)


# ---------------------------------------------------------------- ago / later

# "three days later," but not "three days later than planned"; "after" and "before" count only at
# the end of a clause ("a week after,"), not before their object ("two days after the vote", "two
# years after Kenya sent troops"): there the duration counts from that event, not the running date.
_NOT_PREP = r"\b(?!\s+(?:than|the|that|a|an|his|her|its|their|he|she|they|it|we)\b)"


@rule("ago", r"(?:(?P<mod>about|nearly|almost|more than|some|over|roughly|around|less than|just|only)\s+)?(?P<n>" + NUMWORD + r")\s+(?P<unit>" + UNIT + r")(?:\s+or\s+so)?(?:\s+(?P<dir>ago|from now|hence|earlier" + _NOT_PREP + r")|(?=\s+(?:(?P<sig>later)" + _NOT_PREP + r"|(?P<sig2>after|before)\s*[.,;:!?)])))",
      core=r"ago|earlier|before|later|after|from now|hence")
def _ago(m: re.Match, ctx: Context) -> Norm | None:
    n, unit, direction = number(m["n"]), unit_of(m["unit"]), g(m, "dir") or _signal(m)
    if _signal(m):
        return _signalled(m, ctx, n, unit)
    if g(m, "n") in ("a", "an", "one") and unit == "year":
        return year_earlier(m, ctx) if direction in ("earlier", "before") else _year_ago(ctx)
    relative = direction in ("earlier", "before", "later", "after")
    anchor = _relative_base(ctx, unit) if relative else need(ctx.dct)
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if n is None:
        return Norm({"year": "PAST_REF", "decade": "PAST_REF"}.get(unit, "PAST_REF") if sign < 0 else "FUTURE_REF",
                     "DATE", f"vague {unit}s {direction}")
    return Norm(shifted(anchor, unit, sign * n), "DATE", f"{n} {unit}s {direction} {anchor.isoformat()}", mod_of(g(m, "mod")))


def _signalled(m: re.Match, ctx: Context, n: int | None, unit: str) -> Norm | None:
    """ "three days later", "[a month] after": TimeML marks the duration and leaves the signal out;
    the day it points to, counted from the running date, stays as the interval events take."""
    value = duration_value(n, unit)
    if value is None:
        return None
    base = _relative_base(ctx, unit)
    sign = -1 if _signal(m) == "before" else 1
    span = A.interval(shifted(base, unit, sign * n)) if n is not None else None
    if span and span[0] > need(ctx.dct) and ctx.tense != "future":
        span = None  # past news cannot point past its dateline: the text set no date to count from
    return Norm(value, "DURATION", f"{m['n']} {unit}s {_signal(m)} {base.isoformat()}", mod_of(g(m, "mod")),
                bounds=span[:2] if span else None)


def _signal(m: re.Match) -> str | None:
    return g(m, "sig") or g(m, "sig2")


def _relative_base(ctx: Context, unit: str) -> dt.date:
    """What "two years later" counts from: the year (or month) the text named last when the unit is
    that coarse ("joined in 2005 and left two years later" is 2007), else the running date."""
    prev = ctx.prev or ""
    if unit in ("year", "decade", "century") and re.match(r"^\d{4}(?:-|$)", prev):
        return dt.date(int(prev[:4]), 7, 1)
    if unit in ("month", "quarter") and re.match(r"^\d{4}-\d\d$", prev):
        return dt.date(int(prev[:4]), int(prev[5:7]), 15)
    return need(ctx.ref or ctx.dct)


def _year_ago(ctx: Context) -> Norm:
    return Norm(str(need(ctx.dct).year - 1), "DATE", "a year ago: publication year - 1")


def shifted(anchor: dt.date, unit: str, n: int) -> str:
    if unit in ("day", "night", "hour", "minute", "second"):
        return day(anchor + dt.timedelta(days=n if unit in ("day", "night") else 0))
    if unit in ("week", "fortnight"):
        return A.iso_week(anchor + dt.timedelta(weeks=n * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return month_value(A.add_months(anchor, n))
    if unit == "quarter":
        d = A.add_months(anchor, 3 * n)
        return f"{d.year}-Q{A.quarter(d)}"
    if unit == "decade":
        return str((anchor.year + 10 * n) // 10)
    if unit == "century":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    return str(anchor.year + n)


@rule("anaphoric-day", r"(?:the\s+)?(?P<w>next|following|previous|preceding|same|prior)\s+(?P<u>day|morning|afternoon|evening|night)|(?:the\s+)?day\s+(?P<w4>before|after)\s+(?:(?P<wrel>last|next|this)\s+)?(?P<wd>" + WEEKDAY + r")|the\s+day\s+(?P<w2>before|after)(?=\s*[.,;:!?)'\x22\u201d])|that\s+(?P<w3>day)",
      core=r"day|morning|afternoon|evening|night")
def _anaphoric_day(m: re.Match, ctx: Context) -> Norm | None:
    w = g(m, "w") or g(m, "w2") or g(m, "w3") or g(m, "w4")
    base = need(ctx.ref or ctx.dct)
    if m["wd"]:  # "the day before (last) Tuesday": counted from that weekday
        shift = {"last": -1, "next": 1}.get(g(m, "wrel"), 0)
        base = A.weekday_resolve(need(ctx.dct), weekday_num(m["wd"]), ctx.tense, shift=shift)
    n = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1, "prior": -1}.get(w, 0)
    part = g(m, "u") if g(m, "u") not in (None, "day") else None
    value = day(base + dt.timedelta(days=n)) + ("T" + PARTS_OF_DAY[part] if part else "")
    origin = m["wd"] if m["wd"] else "the running date"
    return Norm(value, "TIME" if part else "DATE", f"{w} {part or 'day'} from {origin} {base.isoformat()}")


_PER = re.compile(r"\b(?:a|per)\s+$", re.IGNORECASE)
_DAY_SIDE = re.compile(r"\s+(after|before)\b")


@rule("marked-day", r"(?:(?:the|a|this|his|her|its|their)\s+)?(?:(?:" + ORDINAL + r"|great|big|historic|sad|busy)\s+)?(?:trading\s+)?day",
      core=r"day", given_only=True)
def _marked_day(m: re.Match, ctx: Context) -> Norm | None:
    # A day someone marked as a date ("a great day for Poland", "the second day of the offensive") is
    # the day the story is on: the one the text set last, else the dateline; "the [day] after his
    # death" is the day after it.
    if m.group(0).lower() == "day" and _PER.search(m.string, max(0, m.start() - 5), m.start()):
        return Norm("P1D", "SET", "a rate per day")  # "hundreds of interviews a [day]"
    side = _DAY_SIDE.match(m.string, m.end())
    step = {"after": 1, "before": -1}[side.group(1)] if side else 0
    base = need(ctx.ref or ctx.dct)
    return Norm(day(base + dt.timedelta(days=step)), "DATE", f"marked day: {step:+d} from the running date")


# ---------------------------------------------------------------- durations

# "the year-earlier nine months": the comparison adjective belongs to the duration's span
# "last" after "to" or a modal is the verb ("likely to last over a week"), not "the last"
_VERB_LAST = r"(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bcould )(?<!\bmay )(?<!\bmight )(?<!\bcan )(?<!\bshould )(?<!\bnot )last"
DUR_PRE = r"(?:(?P<the>the|these|those)\s+)?(?:(?P<dir>past|" + _VERB_LAST + r"|next|first|previous|coming|final|latest|initial|remaining|following|other|year-earlier|year-ago)\s+)?"
DUR_MOD = r"(?:(?P<mod>about|nearly|almost|some|(?:no\s+)?more than|over|at least|up to|roughly|around|approximately|(?:no\s+)?less than|fewer than|under|another|only|just|barely|well over)\s+)?"


@rule("duration", DUR_PRE + DUR_MOD + r"(?P<n>" + NUMWORD + r")(?P<half>[\s-]+and[\s-]+a[\s-]+half)?(?:\s+(?:or|to)\s+(?P<n2>" + NUMWORD + r"))?(?P<frac>\s+1/2)?(?:\s+(?:more|additional|extra|straight|consecutive|trading|business|working|calendar|long|full|whole))?(?P<hy>[\s-]+)(?P<unit>" + UNIT + r")(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+so)?(?P<old>-old|\s+old)?", core=UNIT_CORE)
def _duration(m: re.Match, ctx: Context) -> Norm | None:
    if m["old"] and not ctx.given:
        return None  # an age: TimeML marks it as a duration, but it times nothing in the story
    unit = unit_of(m["unit"])
    word = g(m, "n")
    if word in ("a", "an") and m["hy"].startswith("-"):
        return None
    if m.group(0).lower() == "one day" and _MODAL_BEFORE.search(m.string, max(0, m.start() - 12), m.start()):
        return Norm("FUTURE_REF", "DATE", "one day: an unstated time to come")  # "Islam will one day be ..."
    if unit == "second" and word in ("a", "an") and _ORDINAL_NEXT.match(m.string, m.end()):
        return None  # "a second group", "a second term": the ordinal
    if unit == "quarter" and not ctx.given and _fraction(m):
        return None  # "three-quarters of the vote", "a quarter of its shares": a share, not a time
    if word in ("a", "an") and not ctx.given and _RATE.search(m.string, max(0, m.start() - 40), m.start()):
        return None  # "$55 a night", "700 seats a week": a rate, not a stretch of time
    n = number(m["n"])  # "two to three weeks": TimeML annotators give the lower bound, P2W
    if n is None and re.fullmatch(r"\d+\.\d+", m["n"]):
        n = float(m["n"])  # "10.5 years"
    if n == 0 and not ctx.given:
        return None  # "a zero-day vulnerability", "zero-hour contracts": terms, not stretches of time
    if word in ("hundreds of", "dozens of", "some", "many", "several", "a few") :
        n = None
    if n is not None and (m["half"] or m["half2"] or m["frac"]):
        n = n + 0.5
    value = duration_value(n, unit)
    if value is None:
        return None
    direction = {"past": -1, "last": -1, "previous": -1, "latest": -1, "next": 1, "coming": 1, "following": 1}.get(g(m, "dir"), 0)
    return Norm(value, "DURATION", f"duration of {m['n']} {unit}s", mod_of(g(m, "mod")), direction)


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|'ll)\s+$", re.IGNORECASE)
_ORDINAL_NEXT = re.compile(r"\s+(?!(?:or|and|later|ago|earlier|before|after|to|in|of|for|longer|more)\b)[A-Za-z]")
# "$55 a night", "700 seats a week", "four dollars a day", "12 hours of electricity a day": an amount, then "a <unit>"
_RATE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|dozens?|cents?|percent|times|twice|once|dollars|"
                   r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty))\S*\s+(?:[a-z]+\s+){0,2}(?:of\s+[a-z]+\s+)?$")


def _fraction(m: re.Match) -> bool:
    after = m.string[m.end() : m.end() + 12].lower()
    return m["unit"].lower().endswith("s") and m["hy"].startswith("-") or bool(re.match(r"\s+of\s+(?!\d)", after))


_HALF = {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "TH": "30M", "TM": "30S", "TS": ""}


def duration_value(n: float | None, unit: str) -> str | None:
    """TIMEX3 duration: decades and centuries in years, a half in the next smaller unit."""
    letter, timeish = UNITS[unit]
    scale = {"fortnight": 2, "decade": 10, "century": 100, "quarter": 3}.get(unit, 1)
    letter = "Y" if unit in ("decade", "century") else "M" if unit == "quarter" else letter
    if n is None:
        return f"PTX{letter}" if timeish else f"PX{letter}"
    whole, fraction = int(n * scale), round(n * scale % 1, 3)
    if fraction and fraction != 0.5:  # "2.3 years": ISO 8601 takes a decimal in the smallest unit
        return f"PT{round(n * scale, 3)}{letter}" if timeish else f"P{round(n * scale, 3)}{letter}"
    extra = _HALF[("T" if timeish else "") + letter] if fraction else ""
    if timeish:
        return f"PT{whole}{letter}{extra}"
    return f"P{whole}{letter}{extra}"


@rule("vague-units", r"(?:(?P<the>the)\s+|a\s+(?=few\b))?(?:(?P<dir>past|last|next|coming|recent|few|several|many)\s+)?(?:(?P<few>few|several|many)\s+)?(?P<unit>days|weeks|months|quarters|years|decades|centuries|hours|minutes)"
      r"(?:\s+(?:or|and)\s+(?:days|weeks|months|years|decades))?(?(the)(?P<ahead>\s+ahead)?)", core=UNIT_CORE)
def _vague_units(m: re.Match, ctx: Context) -> Norm | None:
    direction, unit = g(m, "dir"), unit_of(m["unit"])  # "weeks or months": the first, as for "two to three weeks"
    if direction == "recent" and not g(m, "few"):
        # TimeML: "in recent years" is a stretch of unstated length ending now ("PXY")
        reach = {"day": 6, "week": 30, "month": 182, "quarter": 365, "year": 1095}.get(unit)
        return Norm(duration_value(None, unit), "DURATION", f"recent {unit}s: the recent past", direction=-1, reach=reach)
    before = m.string[max(0, m.start() - 8) : m.start()].lower()
    if not (ctx.given or direction or g(m, "few") or m["ahead"] or re.search(r"\b(for|within|over|in)\s+$", before)):
        return None
    step = 1 if m["ahead"] else {"past": -1, "last": -1, "next": 1, "coming": 1}.get(direction or "", 0)  # "the weeks ahead"
    return Norm(duration_value(None, unit), "DURATION", f"an unstated number of {unit}s", direction=step)
