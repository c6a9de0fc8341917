"""Rules for rarer expressions: holidays, spoken years, decades in words, year-end, fiscal years,
"the future", "a while", "the week of March 6", fractions ("half a century"), the 24-hour clock.
Registered after :mod:`.rules` (order breaks ties).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from . import anchor as A
from .lexicon import MONTH, MONTH_ANY, DAYNUM, SEASON, SEASONS, UNIT, YEAR4, number, unit_of
from .vague import title_after
from .durations import DUR_MOD, DUR_PRE, duration_value, shifted
from .rules import (
    DAYREF, EDGE, Context, Norm, coordinated_year, day, day_of, g, mod_of, month_num, need, rule, year_ended,
)


# ---------------------------------------------------------------- holidays, spoken years, year-end


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    h = (19 * a + b - d - (b - f + 1) // 3 + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day_ = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day_ + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of a month (``n`` -1: the last)."""
    if n < 0:
        last = dt.date(year, month + 1, 1) - A.DAY if month < 12 else dt.date(year, 12, 31)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25), "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1), "new year's": lambda y: dt.date(y, 1, 1),
    "independence day": lambda y: dt.date(y, 7, 4), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14), "labor day": lambda y: _nth_weekday(y, 9, 1, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 1, -1), "thanksgiving day": lambda y: _nth_weekday(y, 11, 4, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 4, 4),
    "election day": lambda y: _nth_weekday(y, 11, 1, 1) + A.DAY, "easter sunday": _easter, "easter": _easter,
    "good friday": lambda y: _easter(y) - 2 * A.DAY, "easter monday": lambda y: _easter(y) + A.DAY,
}
_HOLIDAY_RE = "|".join(sorted((re.escape(h).replace("'", "['\u2019]") for h in _HOLIDAYS), key=len, reverse=True))


@rule("holiday", r"(?:(?P<rel>last|next|this|this past)\s+)?(?-i:(?P<h>" + _HOLIDAY_RE.title().replace("\\'S", "\\'s").replace("['\u2019]S", "['\u2019]s") + r"))(?:\s+(?P<week>week|weekend))?(?:,?\s+(?P<y>" + YEAR4 + r"))?", core=r"christmas|new year|independence day|halloween|valentine|labor day|memorial day|thanksgiving|election day|easter|good friday")
def _holiday(m: re.Match, ctx: Context) -> Norm | None:
    if not ctx.given and not m["y"] and re.match(r" (?-i:[A-Z][a-z]+)\b(?<!Day)(?<!Eve)", m.string[m.end() : m.end() + 14]):
        return None  # "Christmas Island", "the Thanksgiving Four": a name
    name = m["h"].lower().replace("\u2019", "'")
    when = _HOLIDAYS[name]
    if m["y"]:
        d = when(int(m["y"]))
    else:
        dct = need(ctx.dct)
        rel = g(m, "rel") or ""
        options = [when(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        if rel in ("last", "this past"):
            d = max(o for o in options if o < dct)
        elif rel == "next":
            d = min(o for o in options if o > dct)
        else:
            d = when(A.month_year(dct, when(dct.year).month, ctx.tense, day=when(dct.year).day))
    if m["week"]:
        return Norm(A.iso_week(d) + ("-WE" if g(m, "week") == "weekend" else ""), "DATE", f"the week of {name}")
    return Norm(day(d), "DATE", f"holiday: {name}")


_SPOKEN_TENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SPOKEN_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"


@rule("spoken-year", r"(?:(?P<mon>" + MONTH + r")\s+|(?:the\s+)?(?P<s>" + SEASON + r")\s+of\s+)?(?:the\s+year\s+)?(?:(?P<c>nineteen|eighteen)[\s-]+(?P<yy>" + _SPOKEN_TENS + r"(?:[\s-]+" + _SPOKEN_UNITS + r")?|hundred)|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?P<tail>" + _SPOKEN_TENS + r"|" + _SPOKEN_UNITS + r"))?)", core=r"nineteen|eighteen|thousand")
def _spoken_year(m: re.Match, ctx: Context) -> Norm | None:
    norm = _spoken_year_only(m, ctx)
    if norm is None or not (m["mon"] or m["s"]):
        return norm
    tail = f"{month_num(m['mon']):02d}" if m["mon"] else SEASONS[g(m, "s")]
    return Norm(f"{norm.value}-{tail}", "DATE", "spoken year with month or season")


def _spoken_year_only(m: re.Match, ctx: Context) -> Norm | None:
    if m["c"]:
        yy = 0 if g(m, "yy") == "hundred" else number(m["yy"])
        return Norm(str((1900 if g(m, "c") == "nineteen" else 1800) + (yy or 0)), "DATE", "spoken year")
    if re.match(r"[\s-]+" + UNIT, m.string[m.end() : m.end() + 12], re.IGNORECASE):
        return None  # "for two thousand years": a number of units, not the year 2000
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    if not (ctx.given or m.group(0).lower().startswith("the year") or re.search(r"\b(in|by|since|until|of)\s+$", before)):
        return None  # "two thousand people"
    return Norm(str(2000 + (number(m["tail"]) or 0 if m["tail"] else 0)), "DATE", "spoken year")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@rule("decade-word", r"the\s+" + EDGE + r"(?:nineteen[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)", core=r"twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties")
def _decade_word(m: re.Match, ctx: Context) -> Norm | None:
    return Norm(f"19{_DECADE_WORDS[g(m, 'w')]}", "DATE", "decade in words", mod_of(g(m, "edge")))


@rule("year-end", r"(?:(?P<the>the|this|last|next)\s+)?(?:year[\s-]end|year's\s+end|end\s+of\s+the\s+year)", core=r"year")
def _year_end(m: re.Match, ctx: Context) -> Norm | None:
    dct = need(ctx.dct)
    step = {"last": -1, "next": 1}.get(g(m, "the") or "", 0)
    if not g(m, "the") and re.search(r"\bsince\s+$", m.string[max(0, m.start() - 7) : m.start()]):
        # "the change since year-end": counted from the close of the last year, a day
        return Norm(f"{dct.year - 1}-12-31", "DATE", "since year-end: the last year's close")
    return Norm(str(dct.year + step), "DATE", "year end", "END")


@rule("fiscal-year", r"(?P<det>the|this|that|its|last|next|the\s+latest|the\s+current|the\s+previous|the\s+prior|the\s+full|the\s+last)\s+(?:(?P<adj>full|fiscal|calendar|current|latest|previous|prior|last|past)\s+)?(?:fiscal\s+|calendar\s+)?year(?![\s-]+(?:earlier|ago|end)\b)(?!')", core=r"year")
def _fiscal_year(m: re.Match, ctx: Context) -> Norm | None:
    det, adj = g(m, "det"), g(m, "adj")
    words = f"{det} {adj or ''}"
    if not adj and "fiscal" not in m.group(0).lower() and det not in ("the latest", "the current", "the previous", "the prior", "the full", "the last"):
        return None  # plain "the year", "last year": the relative-unit rules
    if det == "the" and adj in (None, "fiscal", "calendar") and year_ended(m):
        return Norm("P1Y", "DURATION", "the fiscal year ended ...: a twelve-month period")
    dct = need(ctx.dct)
    step = -1 if re.search(r"\b(latest|previous|prior|last|past)\b", words) else 1 if "next" in words else 0
    return Norm(str(dct.year + step), "DATE", f"{words.strip()} year")


@rule("future", r"(?:(?P<the>the)\s+)?(?:(?:near|distant|foreseeable|immediate)\s+)?future(?:\s+(?P<u>quarters|years|months|weeks|days))?", core=r"future")
def _future(m: re.Match, ctx: Context) -> Norm | None:
    before = m.string[max(0, m.start() - 8) : m.start()].lower()
    after = m.string[m.end() : m.end() + 3]
    adjective = not m["u"] and re.match(r"\s[a-z]", after) and not m["the"]  # "future payments"
    # "the future Shah of Iran", "the future president": a title, not a time
    adjective = adjective or (not m["u"] and title_after(m))
    if not ctx.given and (not (m["the"] or m["u"] or re.search(r"\bin\s+$", before)) or adjective):
        return None
    return Norm("FUTURE_REF", "DATE", "vague: the future")


@rule("while", r"a\s+(?:long\s+|short\s+|little\s+)?while|a\s+long\s+time|some\s+time", core=r"while|time")
def _while(m: re.Match, ctx: Context) -> Norm | None:
    if m.group(0).lower().startswith("some") and not ctx.given:
        return None
    return Norm("PXX", "DURATION", "an unstated length of time")


@rule("week-of", r"the\s+week\s+of\s+(?P<mon>" + MONTH_ANY + r")\s+(?P<d>" + DAYNUM + r")(?:,?\s+(?P<y>" + YEAR4 + r"))?", core=r"week of")
def _week_of(m: re.Match, ctx: Context) -> Norm | None:
    month, dnum = month_num(m["mon"]), int(re.sub(r"\D", "", m["d"]))
    year = int(m["y"]) if m["y"] else A.month_year(need(ctx.dct), month, ctx.tense, day=dnum)
    try:
        return Norm(A.iso_week(dt.date(year, month, dnum)), "DATE", "the week of a date")
    except ValueError:
        return None


_DASH = r"\s*(?:-|\u2013|\u2014|and|to|through|until)\s*"


@rule("day-range", r"(?:(?P<between>between|from)\s+)?(?:(?P<d1>" + DAYNUM + r")" + _DASH + r"(?P<d2>" + DAYNUM
      + r")\s+(?:of\s+)?(?P<mon>" + MONTH_ANY + r")|(?P<mon2>" + MONTH_ANY + r")\s+(?P<e1>" + DAYNUM + r")" + _DASH
      + r"(?P<e2>" + DAYNUM + r"))(?:,?\s+(?P<y>" + YEAR4 + r"))?", core=r"\d\s*(?:-|\u2013|\u2014|and|to|through|until)\s*\d")
def _day_range(m: re.Match, ctx: Context) -> Norm | None:
    """ "3-4 January", "between 1 and 7 January 2022": one month value, bounded to the days."""
    mon = m["mon"] or m["mon2"]
    first, last = (int(re.sub(r"\D", "", x)) for x in ((m["d1"], m["d2"]) if m["mon"] else (m["e1"], m["e2"])))
    month = month_num(mon)
    if not 1 <= first < last <= 31:
        return None
    if m["y"]:
        year = int(m["y"])
    else:
        year = A.month_year(need(ctx.dct), month, ctx.tense, day=first)
    try:
        bounds = (dt.date(year, month, first), dt.date(year, month, last))
    except ValueError:
        return None
    return Norm(f"{year:04d}-{month:02d}", "DATE", "day range within a month", bounds=bounds)


_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12}


@rule("clock-words", r"(?P<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o'clock)?\s+"
      r"(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+night)", core=r"in the (?:morning|afternoon|evening)|at night")
def _clock_words(m: re.Match, ctx: Context) -> Norm | None:
    """ "4 in the morning", "ten at night": a clock time on the day the story is on."""
    word = g(m, "h")
    hour = int(word) if word.isdigit() else _HOURS[word]
    part = g(m, "part") or "night"
    if part != "morning" and hour < 12 and not (part == "night" and hour < 5):
        hour += 12
    elif part == "morning" and hour == 12:
        hour = 0
    base = ctx.ref or ctx.dct
    if base is None:
        return Norm(f"XXXX-XX-XXT{hour:02d}:00", "TIME", "clock time in words, no date")
    return Norm(f"{day(base)}T{hour:02d}:00", "TIME", "clock time in words on the running date")


@rule("long", r"(?:(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})[\s-]+)?(?P<unit>(?:second|minute|hour|day|week|month|year|decade)s?)-long",
      core=r"(?<=-)long\b")
def _long(m: re.Match, ctx: Context) -> Norm | None:
    """ "a day-long meeting", "a decades-long battle": how long the thing lasts (TimeML marks it)."""
    unit = unit_of(m["unit"])
    plural = m["unit"].lower().endswith("s") and not m["n"]
    return Norm(duration_value(None if plural else number(m["n"] or "one"), unit), "DURATION", f"{unit}-long")


_ORD_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
              "ninth": 9}
_ORD_WORDS = {**_ORD_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
              "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
              "twentieth": 20, "thirtieth": 30, **{f"twenty-{w}": 20 + n for w, n in _ORD_UNITS.items()},
              **{f"twenty {w}": 20 + n for w, n in _ORD_UNITS.items()}, "thirty-first": 31, "thirty first": 31}
_ORD_RE = "(?:" + "|".join(sorted(_ORD_WORDS, key=len, reverse=True)) + ")"


@rule("ordinal-day", r"(?:(?P<mon>" + MONTH_ANY + r")\s+(?P<o>" + _ORD_RE + r")|the\s+(?P<o2>" + _ORD_RE
      + r")\s+of\s+(?P<mon2>" + MONTH_ANY + r"))(?:,?\s+(?P<y>" + YEAR4 + r"))?", core=_ORD_RE)
def _ordinal_day(m: re.Match, ctx: Context) -> Norm | None:
    """ "March eighth", "the first of May" (spoken news): a day of a month, its year as for "March 8"."""
    month = month_num(m["mon"] or m["mon2"])
    dnum = _ORD_WORDS[g(m, "o") or g(m, "o2")]
    year = int(m["y"]) if m["y"] else A.month_year(need(ctx.dct), month, ctx.tense, day=dnum)
    try:
        return Norm(day(dt.date(year, month, dnum)), "DATE", "month and ordinal day")
    except ValueError:
        return None


# ---------------------------------------------------------------- fractions of a unit

_FRACTIONS = {"half": 0.5, "quarter": 0.25, "three quarters": 0.75, "three-quarters": 0.75}


@rule("fraction-duration", DUR_PRE + DUR_MOD + r"(?:(?P<f>half|a\s+quarter|three[\s-]quarters)\s+(?:of\s+)?an?|an?\s+(?P<f2>half|quarter)|(?P<f3>half)(?=[\s-]+(?:decade|century)))[\s-]+"
      r"(?P<unit>century|decade|year|month|day|hour|minute)(?![\s-]old)\b(?P<ago>\s+ago\b)?", core=r"half|quarter")
def _fraction_duration(m: re.Match, ctx: Context) -> Norm | None:
    """ "half a century" (P50Y), "a quarter of a century" (P25Y), "half an hour" (PT30M): the
    fraction in the next smaller unit, when it comes out whole there."""
    word = re.sub(r"\s+", " ", (g(m, "f") or g(m, "f2") or g(m, "f3") or "").replace("a ", "").strip())
    per, smaller = _SMALLER[unit_of(m["unit"])]
    amount = _FRACTIONS[word] * per
    if amount != int(amount):
        return None
    if m["ago"]:
        return _fraction_ago(int(amount), smaller, ctx, f"{word} a {unit_of(m['unit'])} ago", mod_of(g(m, "mod")))
    value = f"PT{int(amount)}{smaller[1:]}" if smaller.startswith("T") else f"P{int(amount)}{smaller}"
    direction = {"past": -1, "last": -1, "previous": -1, "next": 1, "coming": 1}.get(g(m, "dir"), 0)
    return Norm(value, "DURATION", f"duration of {word} a {unit_of(m['unit'])}", mod_of(g(m, "mod")), direction)


def _fraction_ago(amount: int, smaller: str, ctx: Context, how: str, mod: str | None) -> Norm:
    """ "half a century ago": the time that far back, at the grain of the smaller unit."""
    grain = {"Y": "year", "M": "month", "D": "day"}.get(smaller)
    dct = need(ctx.dct)
    return Norm(shifted(dct, grain, -amount) if grain else day(dct), "DATE", how, mod)


_SMALLER = {"century": (100, "Y"), "decade": (10, "Y"), "year": (12, "M"), "month": (30, "D"), "day": (24, "TH"),
            "hour": (60, "TM"), "minute": (60, "TS")}


# ---------------------------------------------------------------- the 24-hour clock

_ZONE = r"\s*(?:GMT|UTC|Z\b|local time|hrs\b|hours\b|h\b|EST|EDT|CET|CEST|IST|EAT|WAT|CAT|PST|PDT)"


@rule("clock-24", r"(?:(?P<approx>around|about|approximately|at|by|until|from)\s+)?(?<![\d.,:])(?:(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)(?=" + _ZONE
      + r")|(?P<h2>[01]?\d|2[0-3])[:h](?P<min2>[0-5]\d)(?![\d:]|\s*[ap]\.?m))(?:" + _ZONE + r")?(?:\s+\([^)]{1,12}\))?" + DAYREF,
      core=r"\d\d\s*(?:(?-i:GMT|UTC|EST|EDT|CET|CEST|IST|EAT|WAT|CAT|PST|PDT)|local|hrs|hours|h\b)|\d[:h]\d\d")
def _clock24(m: re.Match, ctx: Context) -> Norm | None:
    """ "at 0600 GMT", "14:30 local time", "at 21:45": a time of day on the 24-hour clock."""
    bare = m["h2"] is not None and not re.match(_ZONE, m.string[m.end("min2") : m.end("min2") + 12])
    if bare and g(m, "approx") not in ("at", "around", "about", "approximately", "by", "until", "from"):
        return None  # "a 2:30 lead", "ratio 3:15": only "at 21:45" or a zone says it is a time
    if re.search(r"(?:[ap]\.?m\.?|\d)\s*\(\s*$", m.string[max(0, m.start() - 12) : m.start()], re.IGNORECASE):
        return None  # "at 10:35 a.m. (0735 GMT)": the same time again, in another zone
    hour, minute = int(m["h"] or m["h2"]), int(m["min"] or m["min2"])
    base = day_of(m["day"], ctx)
    if base is None:
        return Norm(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME", "clock (24-hour), no date")
    approx = mod_of(g(m, "approx")) if g(m, "approx") in ("around", "about", "approximately") else None
    return Norm(f"{base}T{hour:02d}:{minute:02d}", "TIME", "clock (24-hour) on " + (m["day"] or "the running date"), approx)


# ---------------------------------------------------------------- "on the 3rd"


@rule("day-of-month", r"(?<=\bon )the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?=\s*[.,;:)]|\s+and\b|\s+or\b)", core=r"\d(?:st|nd|rd|th)")
def _day_of_month(m: re.Match, ctx: Context) -> Norm | None:
    """ "arrested on the 3rd.": that day in the dateline's month or the month either side, the
    nearest on the side the tense points to."""
    dct, dnum = need(ctx.dct), int(m["d"])
    months = (A.add_months(dct.replace(day=1), step) for step in (-1, 0, 1))
    days = [d for d in (_on_day(first, dnum) for first in months) if d is not None]
    best = min(days, key=lambda d: A.day_cost(dct, d, ctx.tense))  # the nearest on the tense's side
    return Norm(day(best), "DATE", "day of the month")


def _on_day(first: dt.date, dnum: int) -> dt.date | None:
    try:
        return first.replace(day=dnum)
    except ValueError:
        return None


# ---------------------------------------------------------------- the second of two days ("April 24 and [25]")

_FIRST_OF_TWO = re.compile(r"(?P<mon>" + MONTH_ANY + r")\s+(?P<d>" + DAYNUM + r")\s*(?:and|or|to|through|-|\u2013)\s*$")


@rule("second-day", r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b", core=r"\d", given_only=True)
def _second_day(m: re.Match, ctx: Context) -> Norm | None:
    """A bare day number marked after "April 24 and": a day of the same month (TimeML marks the two
    days as two expressions)."""
    first = _FIRST_OF_TWO.search(m.string, max(0, m.start() - 20), m.start())
    if first is None:
        return None
    month, dnum = month_num(first["mon"]), int(m["d"])
    year = coordinated_year(m) or A.month_year(need(ctx.dct), month, ctx.tense, day=int(re.sub(r"\D", "", first["d"])))
    try:
        return Norm(day(dt.date(year, month, dnum)), "DATE", "the second of two days")
    except ValueError:
        return None
