"""The rules: one compiled pattern per kind of time expression, and the handler that normalises it.

Detection runs every pattern over the text and keeps the longest non-overlapping matches
(:mod:`dateline.timex.detect`); normalisation calls the winning rule's handler with the match and
a :class:`Context` (publication date, running reference date, tense). A handler returns a
:class:`Norm` or ``None`` to veto a match the pattern over-generated ("May" the verb).
Spans follow TimeML: determiners and modifiers are in ("the third quarter", "early next year"),
prepositions are out ("on Wednesday" -> "Wednesday").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from . import anchor as A
from .lexicon import (
    DAYNUM, MONTH, MONTH_ANY, MONTHS, ORDINALS, PART, PARTS_OF_DAY, SEASON, SEASONS, WEEKDAY, WEEKDAYS, YEAR4,
)


@dataclass(frozen=True, slots=True)
class Context:
    dct: dt.date | None  # the publication date
    ref: dt.date | None  # the running reference date the text set last (defaults to dct)
    tense: str = "past"  # past, present, future
    prev: str | None = None  # value of the last calendar expression, for "a year earlier"
    given: bool = False  # the span is known to be a time expression (gold spans): no vetoes


@dataclass(frozen=True, slots=True)
class Norm:
    value: str | None
    type: str
    rule: str
    mod: str | None = None
    direction: int = 0  # durations: -1 ends at the anchor ("the past 48 hours"), +1 starts there
    reach: int | None = None  # vague past ("in recent days"): how many days back it plausibly covers
    bounds: tuple[dt.date, dt.date] | None = None  # a range ("3-4 January") narrower than its value


class Unresolved(Exception):
    """Raised inside a handler when the expression needs a publication date that is missing."""


def need(d: dt.date | None) -> dt.date:
    if d is None:
        raise Unresolved
    return d


def day(d: dt.date) -> str:
    return d.isoformat()


def month_value(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


_MODS = {"early": "START", "earlier": "START", "beginning": "START", "start": "START",
         "late": "END", "later": "END", "end": "END", "mid": "MID", "middle": "MID",
         "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
         "nearly": "LESS_THAN", "almost": "LESS_THAN", "less": "LESS_THAN", "under": "LESS_THAN",
         "more": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
         "no more than": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE"}


def mod_of(word: str | None) -> str | None:
    if not word:
        return None
    w = word.lower().replace("the ", "").split()[0].rstrip("-")
    return _MODS.get(w) or _MODS.get(word.lower())


UNIT_CORE = r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur"

Handler = Callable[[re.Match, Context], Norm | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler
    core: re.Pattern  # a word every match contains: the full pattern only runs near one
    given_only: bool = False  # only for spans known to be time expressions (gold spans)


RULES: list[Rule] = []


def rule(name: str, pattern: str, core: str, *, given_only: bool = False) -> Callable[[Handler], Handler]:
    """Register a handler with its pattern, compiled once, bounded by non-word characters.

    ``core`` is a cheap regex for a word every match contains; scanning for it first and running
    the full pattern only around its hits keeps the stage fast on long articles.
    """

    def register(fn: Handler) -> Handler:
        compiled = re.compile(r"(?<![\w/])(?:" + pattern + r")(?![\w])", re.IGNORECASE)
        cue = re.compile(r"(?<![A-Za-z])(?:" + core + ")", re.IGNORECASE)
        RULES.append(Rule(name, compiled, fn, cue, given_only))
        return fn

    return register


def g(m: re.Match, name: str) -> str | None:
    """A named group, lower-cased, or None when it did not take part."""
    value = m.groupdict().get(name)
    return value.lower() if value else None


def month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_num(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


EDGE = r"(?:(?P<edge>early|late|mid|middle of|the middle of|the end of|end of|the beginning of|beginning of|the start of|start of)[\s-]+)?"

# ---------------------------------------------------------------- absolute dates


@rule("iso-date", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)", core=r"\d{4}-\d\d")
def _iso(m: re.Match, ctx: Context) -> Norm | None:
    try:
        d = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return Norm(day(d), "DATE", "iso-date")


@rule("numeric-date", r"(?<![\d./-])(?:(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})|(?P<a2>[0-3]?\d)([.-])(?P<b2>[0-3]?\d)\5(?P<y2>(?:19|20)\d\d))(?![\d./-]?\d)",
      core=r"\d[/.-]\d")
def _numeric(m: re.Match, ctx: Context) -> Norm | None:
    """ "3/12/2013", "24/02/2013", "25.09.2020": month first as in US news unless that cannot be,
    or unless the day-first reading lies far nearer the dateline (weighing the wrong side for the tense)."""
    a, b, y = (m["a"], m["b"], m["y"]) if m["a"] else (m["a2"], m["b2"], m["y2"])
    year = int(y) if int(y) > 99 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    readings = [r for r in (_ymd(year, int(a), int(b), "US order"), _ymd(year, int(b), int(a), "day first")) if r]
    if not readings:
        return None
    if ctx.dct is not None and len(readings) == 2 and 3 * A.day_cost(ctx.dct, readings[1][0], ctx.tense) < A.day_cost(ctx.dct, readings[0][0], ctx.tense):
        readings.reverse()  # "12/3/2013" written on 14 March 2013: the 12th of March, not a December ahead
    return Norm(day(readings[0][0]), "DATE", f"numeric-date ({readings[0][1]})")


def _ymd(year: int, month: int, dnum: int, how: str) -> tuple[dt.date, str] | None:
    try:
        return dt.date(year, month, dnum), how
    except ValueError:
        return None


_WD_PREFIX = r"(?:(?P<wd>" + WEEKDAY + r"),?\s+)?"


@rule("month-day-year", _WD_PREFIX + EDGE + r"(?:(?P<mon>" + MONTH_ANY + r")\s+(?P<d>" + DAYNUM
      + r")|(?P<d2>" + DAYNUM + r")\s+(?:of\s+)?(?P<mon2>" + MONTH_ANY + r"))(?:,\s*|\s+)(?P<y>" + YEAR4 + r")", core=MONTH_ANY)
def _mdy(m: re.Match, ctx: Context) -> Norm | None:
    mon, d = (m["mon"], m["d"]) if m["mon"] else (m["mon2"], m["d2"])
    try:
        value = day(dt.date(int(m["y"]), month_num(mon), int(re.sub(r"\D", "", d))))
    except ValueError:
        return None
    return Norm(value, "DATE", "explicit date", mod_of(g(m, "edge")))


@rule("month-day", _WD_PREFIX + EDGE + r"(?:(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<mon>" + MONTH_ANY + r")\s+(?P<d>" + DAYNUM
      + r")(?!\s*(?:[,.]\s*)?\d{4}\b|[:.]\d)|(?:the\s+)?(?P<d2>" + DAYNUM + r")\s+(?:of\s+)?(?P<mon2>" + MONTH_ANY + r"))"
      r"(?:,?\s+(?P<yr>last|next|this)\s+year(?!['\u2019]s))?", core=MONTH_ANY)
def _md(m: re.Match, ctx: Context) -> Norm | None:
    mon, d = (m["mon"], m["d"]) if m["mon"] else (m["mon2"], m["d2"])
    month, dnum = month_num(mon), int(re.sub(r"\D", "", d))
    if m["mon"] and mon.lower() == "may" and not m["wd"] and not d[-1:].isalpha() and int(dnum) > 31:
        return None
    if ctx.dct is None:
        return Norm(f"XXXX-{month:02d}-{dnum:02d}", "DATE", "month-day, no publication date")
    rel = g(m, "rel")
    year = ctx.dct.year if rel else coordinated_year(m) or A.month_year(ctx.dct, month, ctx.tense, day=dnum)
    if m["yr"]:  # "on August 28 last year", "on May 5 this year"
        rel, year = None, ctx.dct.year + {"last": -1, "this": 0, "next": 1}[g(m, "yr")]
    try:
        value = day(_relative_day(dt.date(year, month, dnum), ctx.dct, rel))
    except ValueError:
        return None
    how = f"month-day: {rel}" if rel else f"month-day: {g(m, 'yr')} year" if m["yr"] else f"month-day: nearest {ctx.tense} year"
    return Norm(value, "DATE", how, mod_of(g(m, "edge")))


_COORDINATED = re.compile(
    r"(?:,?\s+(?:and|or|to|through|until|till)\s+|\s*[-\u2013\u2014]\s*)(?:(?:early|late|mid)[\s-]+)?(?:"
    + MONTH_ANY + r"(?:\s+" + DAYNUM + r")?|" + DAYNUM + r"\s+(?:of\s+)?" + MONTH_ANY + r"),?\s+(?P<y>" + YEAR4 + r")\b"
)


def coordinated_year(m: re.Match) -> int | None:
    """The year a date without one shares with the next ("in June and July 2018", "from 3 June to
    5 July 2018"): written once, after the last of them."""
    after = _COORDINATED.match(m.string, m.end())
    return int(after["y"]) if after else None


def _relative_day(d: dt.date, dct: dt.date, rel: str | None) -> dt.date:
    """"last Oct. 23": the latest such day before the dateline; "next May 4": the first after it."""
    if rel in ("last", "past") and d >= dct:
        return A.add_years(d, -1)
    if rel in ("next", "coming") and d <= dct:
        return A.add_years(d, 1)
    return d


@rule("month-year", EDGE + r"(?:(?P<mon>" + MONTH_ANY + r"),?\s+(?:of\s+)?(?P<y>" + YEAR4 + r")|(?P<y2>" + YEAR4 + r")\s+(?!May\b)(?P<mon2>"
      + MONTH + r")(?!\s+\d))", core=MONTH_ANY)
def _my(m: re.Match, ctx: Context) -> Norm | None:
    """ "March 2019", "March of 2019", and the year first ("in 2017 December")."""
    year, mon = (m["y"], m["mon"]) if m["mon"] else (m["y2"], m["mon2"])
    return Norm(f"{int(year):04d}-{month_num(mon):02d}", "DATE", "explicit month", mod_of(g(m, "edge")))


@rule("month", EDGE + r"(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<mon>" + MONTH
      + r")(?:\s+(?P<rel2>last|next|this)\s+year|\s+(?P<rel3>a year ago|this year))?", core=MONTH_ANY)
def _month(m: re.Match, ctx: Context) -> Norm | None:
    word = m["mon"]
    # "May" and "March" are also a verb and a name, a bare "Jun." a name ("Zhu Jun."): a preposition or
    # a determiner before them says they are months
    if (word.lower() in ("may", "march") or word.endswith(".")) and not ctx.given and not (m["rel"] or m["edge"] or m["rel2"] or m["rel3"]):
        before = m.string[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(r"\b(in|of|since|until|till|by|from|to|through|during|for|and|or|between|early|late|mid|the|last|next|this)[\s-]+$", before):
            return None  # the verb or the name
    month = month_num(word)
    dct = need(ctx.dct)
    rel = g(m, "rel") or g(m, "rel2") or g(m, "rel3")
    if rel in ("last", "a year ago") and (m["rel2"] or m["rel3"]):
        year = dct.year - 1
    elif rel == "next" and m["rel2"]:
        year = dct.year + 1
    elif rel == "this" or rel == "this year":
        year = dct.year
    elif rel in ("last", "past"):
        # the month just ended is "last month"; "last February" written in March is a year back
        year = dct.year if month < dct.month - 1 else dct.year - 1
    elif rel in ("next", "coming"):
        year = dct.year if month > dct.month else dct.year + 1
    else:
        year = coordinated_year(m) or A.month_year(dct, month, ctx.tense)
    return Norm(f"{year:04d}-{month:02d}", "DATE", f"month: {rel or ctx.tense}", mod_of(g(m, "edge")))


@rule("year", r"(?:(?P<pre>fiscal|calendar|model|early|late|mid|middle of|the end of|end of|the beginning of|beginning of|the start of|start of|the summer of|the spring of|the fall of|the autumn of|the winter of|summer|spring|fall|autumn|winter)[\s-]+)?(?<![$\d.,])(?P<y>" + YEAR4 + r")(?!\s*(?:%|percent|[.,]\d))(?:\s+(?P<open>or later|or earlier|and beyond))?", core=r"\d{4}")
def _year(m: re.Match, ctx: Context) -> Norm | None:
    after = m.string[m.end() : m.end() + 16].lower()
    if not ctx.given and re.match(r"\s+(?:people|troops|soldiers|civilians|men|women|tons|km|miles|dollars|feet|meters|members|residents|fighters|units|shares|cars|jobs|hours)\b", after):
        return None
    if not ctx.given and not m["pre"] and _LABEL.search(m.string, max(0, m.start() - 14), m.start()):
        return None  # "military order 1651", "Resolution 1441", "Flight 1549": a number, not a year
    pre = g(m, "pre") or ""
    season = next((code for word, code in SEASONS.items() if word in pre), None)
    if season:
        return Norm(f"{m['y']}-{season}", "DATE", "explicit season")
    # "until 1994 or later", "for 1990 and beyond": the year, left open on one side
    edge = {"or later": "EQUAL_OR_MORE", "and beyond": "EQUAL_OR_MORE", "or earlier": "EQUAL_OR_LESS"}.get(g(m, "open"))
    return Norm(m["y"], "DATE", "explicit year", mod_of(pre) or edge)


_LABEL = re.compile(r"\b(?:[Nn]o\.|[Nn]umber|[Oo]rder|[Rr]esolution|[Dd]ecree|[Ff]light|[Rr]oute|[Hh]ighway|[Aa]rticle|[Ss]ection|"
                    r"[Pp]aragraph|[Bb]us|[Rr]oom|[Cc]ode|[Ii]tem|[Uu]nit|[Ll]ot|[Cc]ase)\s+$")


@rule("decade", r"(?:the\s+)?" + EDGE + r"(?:(?P<c>1[6-9]|20)(?P<d>\d)0|'(?P<s>\d)0)'?s", core=r"0'?s\b")
def _decade(m: re.Match, ctx: Context) -> Norm | None:
    if m["s"]:
        return Norm(_short_decade(int(m["s"]), ctx.dct), "DATE", "decade", mod_of(g(m, "edge")))
    return Norm(m["c"] + m["d"], "DATE", "decade", mod_of(g(m, "edge")))


def _short_decade(digit: int, dct: dt.date | None) -> str:
    """ "the '80s": the latest such decade that is not more than one decade ahead of the dateline."""
    year = (dct or dt.date(1999, 1, 1)).year
    century = year // 100 - (1 if digit * 10 > year % 100 + 10 else 0)
    return f"{century:02d}{digit}"


@rule("century", r"(?:the\s+)?" + EDGE + r"(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century", core=r"centur")
def _century(m: re.Match, ctx: Context) -> Norm | None:
    return Norm(f"{int(m['n']) - 1:02d}", "DATE", "century", mod_of(g(m, "edge")))


# ---------------------------------------------------------------- days relative to the dateline

_REL_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "the day before yesterday": -2,
             "the day after tomorrow": 2}


@rule("relative-day", r"(?:(?P<edge>early|late|earlier|later)\s+)?(?:(?P<pre>mid-?afternoon|midday|morning|afternoon|evening|night)\s+)?(?P<w>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight)(?:\s+(?P<part>" + PART + r"))?", core=r"today|yesterday|tomorrow|tonight")
def _relday(m: re.Match, ctx: Context) -> Norm | None:
    word = g(m, "w")
    if not ctx.given and _generic_day(m):
        return None
    dct = need(ctx.dct)
    d = dct + dt.timedelta(days=_REL_DAYS[word])
    part = g(m, "part") or g(m, "pre") or ("night" if word == "tonight" else None)  # "mid-afternoon yesterday"
    value = day(d) + ("T" + PARTS_OF_DAY[part] if part else "")
    kind = "TIME" if word == "tonight" or m["pre"] else "DATE"
    return Norm(value, kind, f"{word}: publication date {_REL_DAYS[word]:+d} days", mod_of(g(m, "edge")))


# "today's youth", "in today's world", "the people of tomorrow": the present or the future age, not a day
_GENERIC_AFTER = re.compile(r"(?:'s|\u2019s)\s+(?:[a-z]+\s+)?(?:world|youth|society|generations?|young|children|kids|culture|"
                            r"standards|technology|economy|environment|age)\b")
_GENERIC_BEFORE = re.compile(r"\bthe\s+(?:[a-z]+\s+)?(?:[a-z]+s|people|world|society|generation|youth)\s+of\s+$", re.IGNORECASE)


def _generic_day(m: re.Match) -> bool:
    if m["pre"] or m["part"] or m["edge"]:
        return False
    if g(m, "w") == "today" and _GENERIC_AFTER.match(m.string, m.end()):
        return True
    return g(m, "w") == "tomorrow" and _GENERIC_BEFORE.search(m.string, max(0, m.start() - 30), m.start()) is not None


_PLURAL_PARTNER = re.compile(r"\s+(?:and|or)\s+(?:" + WEEKDAY + r")\s+(?P<p>morning|afternoon|evening|night)s\b", re.IGNORECASE)


@rule("weekday", r"(?:the\s+(?P<ana>previous|preceding|prior|following|next)\s+|(?P<rel>last|next|this|past|coming|this past|this coming)\s+)?(?:(?P<edge>early|late)\s+)?(?P<wd>" + WEEKDAY + r")(?!s\b)(?:\s+(?P<part>" + PART + r"))?", core=WEEKDAY)
def _weekday(m: re.Match, ctx: Context) -> Norm | None:
    rel = g(m, "rel")
    shift = -1 if rel in ("last", "past", "this past") else 1 if rel in ("next", "coming", "this coming") else 0
    wd = weekday_num(m["wd"])
    plural = None if rel or m["ana"] or m["part"] else _PLURAL_PARTNER.match(m.string, m.end())
    if plural:  # "on Monday and Tuesday nights": every Monday night, as the plural says
        return Norm(f"XXXX-WXX-{wd}T{PARTS_OF_DAY[plural['p'].lower()]}", "SET", "every weekday: its partner's plural")
    if ctx.dct is None:
        return Norm(f"XXXX-WXX-{wd}", "DATE", "weekday, no publication date")
    anchor = ctx.dct  # news anchors bare weekdays to the dateline, not to a date set in the text
    if m["ana"]:  # "down from the previous Friday": counted from the day the story is on
        anchor, shift = ctx.ref or ctx.dct, -1 if m["ana"] in ("previous", "preceding", "prior") else 1
    d = A.weekday_resolve(anchor, wd, ctx.tense, shift=shift)
    part = g(m, "part")
    # "Wednesday night" is dated to the day, as news annotation does; an evening is a time of day.
    value, kind = (day(d) + "TEV", "TIME") if part == "evening" else (day(d), "DATE")
    how = {-1: "latest before", 1: "first after", 0: "first on or after" if ctx.tense == "future" else "latest on or before"}[shift]
    return Norm(value, kind, f"weekday: {how} {anchor.isoformat()} ({ctx.tense})", mod_of(g(m, "edge")))


_CLOCK = r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)"
_TZ = r"(?:\s+(?:EST|EDT|GMT|UTC|CST|PST|PDT|CDT|local time|\([A-Z]{3,4}\)))?"
DAYREF = r"(?:,?\s+(?:on\s+)?(?P<day>" + WEEKDAY + r"|today|yesterday|tomorrow|" + MONTH_ANY + r"\s+" + DAYNUM + r"))?"


@rule("clock", r"(?:(?P<approx>around|about|approximately|roughly|at)\s+)?(?:" + _CLOCK + r"|(?P<named>noon|midnight|midday))" + _TZ + DAYREF, core=r"\d\s*[ap]\.?m|noon|midnight|midday")
def _clock(m: re.Match, ctx: Context) -> Norm | None:
    if m["named"]:
        hour, minute = (24 if g(m, "named") == "midnight" else 12), 0
    else:
        hour, minute = int(m["h"]), int(m["min"] or 0)
        if hour > 12:
            return None
        hour = hour % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    base = day_of(m["day"], ctx)
    if base is None:
        return Norm(f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "TIME", "clock time, no date")
    approx = mod_of(g(m, "approx")) if g(m, "approx") != "at" else None
    return Norm(f"{base}T{hour:02d}:{minute:02d}", "TIME", "clock time on " + (m["day"] or "the publication date"), approx)


def day_of(word: str | None, ctx: Context) -> str | None:
    """The ISO day a weekday, relative day or month-day names, or the publication date."""
    if ctx.dct is None:
        return None
    if not word:
        return day(ctx.ref or ctx.dct)  # a bare clock time belongs to the day the story is on
    w = word.lower()
    if w in _REL_DAYS:
        return day(ctx.dct + dt.timedelta(days=_REL_DAYS[w]))
    if w.rstrip(".") in WEEKDAYS:
        return day(A.weekday_resolve(ctx.dct, weekday_num(w), ctx.tense))
    mon, d = word.split()[0], int(re.sub(r"\D", "", word.split()[-1]))
    try:
        return day(dt.date(A.month_year(ctx.dct, month_num(mon), ctx.tense, day=d), month_num(mon), d))
    except ValueError:
        return None


@rule("part-of-day", r"(?P<rel>this|last|yesterday|tomorrow|early this|late last|late this|early|late|the|that)\s+(?P<part>morning|afternoon|evening|night)|(?P<solo>overnight|mid-?afternoon|mid afternoon)", core=r"morning|afternoon|evening|night|overnight|midafternoon")
def _partofday(m: re.Match, ctx: Context) -> Norm | None:
    rel, part = g(m, "rel") or "this", g(m, "part") or g(m, "solo")
    if rel in ("the", "that", "early", "late"):
        if rel in ("early", "late") or (rel == "the" and not ctx.given):
            return None  # "the night of 3-4 January": the dates carry it
        base = need(ctx.ref or ctx.dct)
    else:
        dct = need(ctx.dct)
        shift = -1 if rel in ("last", "yesterday", "late last") and not (rel == "last" and part != "night") else 0
        shift = 1 if rel == "tomorrow" else shift
        base = dct + dt.timedelta(days=shift)
    return Norm(f"{day(base)}T{PARTS_OF_DAY[part]}", "TIME", f"part of day: {rel} {part}")


# ---------------------------------------------------------------- calendar units relative to the dateline

_REL = r"(?P<rel>last|past|previous|preceding|next|coming|this|current|following|same|that|prior|recent|latest|upcoming)"


@rule("relative-unit", r"(?:(?P<edge>early|late|mid|earlier|later|the end of|the beginning of|the start of|the middle of)[\s-]+)?"
      r"(?:(?P<the>the)\s+|this\s+(?=past\b))?" + _REL + r"\s+(?P<unit>week|weekend|month|year|decade|century|" + SEASON + r")(?:\s+or\s+so)?", core=r"week|month|year|decade|century|" + SEASON)
def _relunit(m: re.Match, ctx: Context) -> Norm | None:
    rel, unit = g(m, "rel"), g(m, "unit")
    anaphoric = rel in ("following", "same", "that", "prior", "preceding") or (rel in ("next", "previous") and m["the"])
    anchor = anaphor_anchor(ctx) if anaphoric else need(ctx.dct)
    step = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "recent": -1, "latest": -1,
            "next": 1, "coming": 1, "following": 1, "upcoming": 1}.get(rel, 0)
    if rel == "past" and m["the"] and unit in ("year", "month", "week", "decade"):
        step = -1
    if unit in SEASONS:
        return Norm(_season(anchor, SEASONS[unit], step), "DATE", f"season: {rel}", mod_of(g(m, "edge")))
    if unit in ("decade", "century") and not m["edge"] and _stretch_back(m):
        # "over the past decade": the ten years up to now, not the 1980s
        return Norm(f"P{10 if unit == 'decade' else 100}Y", "DURATION", f"the {rel} {unit}: a stretch ending now", direction=-1)
    if unit == "week" and m["the"] and rel in ("past", "last"):
        # "in the past week": the seven days up to the dateline, mostly the week of three days before
        return Norm(A.iso_week(anchor - dt.timedelta(days=3)), "DATE", f"the {rel} week: the seven days to {anchor.isoformat()}")
    value = _unit_value(anchor, unit, step)
    return Norm(value, "DATE", f"{rel} {unit} from {anchor.isoformat()}", mod_of(g(m, "edge")))


_OVER_THE = re.compile(r"\b(?:over|for|throughout|during)\s+the\s+$", re.IGNORECASE)


def _stretch_back(m: re.Match) -> bool:
    """ "the past decade", "over the last century": a stretch reaching back to now. "In the last
    decade" written in 1998 may be the 1980s, so "last" is a stretch only after "over"/"for" the."""
    before = m.string[max(0, m.start() - 16) : m.start()] + ("the " if m["the"] else "")
    if g(m, "rel") == "past":
        return before.lower().endswith("the ")
    return g(m, "rel") == "last" and _OVER_THE.search(before) is not None


def year_ended(m: re.Match) -> bool:
    """ "the year ended March 31": an accounting period of twelve months, dated by its end."""
    return re.match(r"\s+end(?:ed|ing)\b", m.string[m.end() : m.end() + 8]) is not None


def anaphor_anchor(ctx: Context) -> dt.date:
    """What "that year", "the following month" count from: the period the text named last
    ("in June 1998 ... later that year" is 1998), else the running date, else the dateline."""
    span = A.interval(ctx.prev) if ctx.prev else None
    return span[0] if span else need(ctx.ref or ctx.dct)


def _unit_value(anchor: dt.date, unit: str, step: int) -> str:
    if unit == "week":
        return A.iso_week(anchor + dt.timedelta(weeks=step))
    if unit == "weekend":
        sat = A.weekday_resolve(anchor, 6, "past" if step <= 0 else "future", shift=step)
        if step == 0:
            sat = anchor + dt.timedelta(days=6 - anchor.isoweekday())
        return A.iso_week(sat) + "-WE"
    if unit == "month":
        return month_value(A.add_months(anchor, step))
    if unit == "decade":
        return str(anchor.year // 10 + step)
    if unit == "century":
        return f"{anchor.year // 100 + step:02d}"
    return str(anchor.year + step)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(anchor: dt.date, code: str, step: int, tense: str = "present") -> str:
    """A season's year: ``step`` -1 the latest one already begun before now, +1 the next to begin."""
    start = dt.date(anchor.year, _SEASON_START[code], 1)
    if code == "WI" and anchor.month <= 2:
        start = dt.date(anchor.year - 1, 12, 1)
    year = start.year
    if step < 0 or (step == 0 and tense == "past"):
        ended = A.add_months(start, 3) <= anchor
        year = year if ended or (step == 0 and start <= anchor) else year - 1
    elif step > 0 or tense == "future":
        year = year if start > anchor else year + 1
    return f"{year}-{code}"


@rule("season", EDGE + r"(?:(?P<the>the|this|last|next|past)\s+)?(?P<s>" + SEASON + r")(?:\s+(?:of\s+)?(?P<y>" + YEAR4 + r"))?", core=SEASON)
def _season_rule(m: re.Match, ctx: Context) -> Norm | None:
    code = SEASONS[g(m, "s")]
    if g(m, "s") == "fall" and not m["y"] and re.match(r"\s+of\s+(?!\d)", m.string[m.end() : m.end() + 8]):
        return None  # "the fall of Kabul", "the fall of the regime": a collapse, not autumn
    if m["y"]:
        return Norm(f"{m['y']}-{code}", "DATE", "explicit season", mod_of(g(m, "edge")))
    before = m.string[max(0, m.start() - 10) : m.start()].lower()
    if not (ctx.given or m["the"] or m["edge"] or re.search(r"\b(in|during|over|by|until|since|through|this)\s+$", before)):
        return None
    rel = g(m, "the") or "the"
    step = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
    return Norm(_season(need(ctx.dct), code, step, ctx.tense), "DATE", f"season: {rel} ({ctx.tense})", mod_of(g(m, "edge")))


@rule("this-unit", r"(?P<edge>earlier|later|early|late|mid|the end of|end of|the beginning of|beginning of|the start of|the middle of|the rest of)[\s-]+this\s+(?P<unit>week|month|year|decade|century)", core=r"this")
def _this_unit(m: re.Match, ctx: Context) -> Norm | None:
    return Norm(_unit_value(need(ctx.dct), g(m, "unit"), 0), "DATE", "this unit", mod_of(g(m, "edge")))


@rule("the-unit", r"(?:(?P<edge>earlier|later|early|late|the end of|the beginning of|the start of|the middle of)\s+)?(?P<the>the|this|that)\s+(?P<unit>week|weekend|month|year|day)(?!-)", core=r"week|month|year|day")
def _the_unit(m: re.Match, ctx: Context) -> Norm | None:
    unit, det = g(m, "unit"), g(m, "the")
    if unit == "year" and det == "the" and year_ended(m):
        return Norm("P1Y", "DURATION", "the year ended ...: a twelve-month period")
    if det == "the" and _apposed(m, ctx, unit):
        return Norm(ctx.prev, "DATE", f"the {unit}: in apposition to the {unit} just named", mod_of(g(m, "edge")))
    anchor = anaphor_anchor(ctx) if det == "that" else need(ctx.dct)
    if unit == "day":
        # "the day" is too often not a date ("a great day for Poland") to mark unasked
        return Norm(day(anchor), "DATE", f"{det} day: the running date") if det != "the" or (ctx.ref and ctx.given) else None
    step = -1 if unit == "weekend" and ctx.tense == "past" and anchor.isoweekday() < 6 else 0
    value = _unit_value(anchor, unit, 1 if unit == "weekend" and ctx.tense == "future" else step)
    return Norm(value, "DATE", f"{det} {unit}: the one of {anchor.isoformat()}", mod_of(g(m, "edge")))


def _apposed(m: re.Match, ctx: Context, unit: str) -> bool:
    """ "in 2020, the year Arbery was murdered", "Oct. 12, the day before the crash": right after a
    comma that follows a date of the same grain, "the year"/"the day" is that date again."""
    if ctx.prev is None or m["edge"] or not re.search(r"\S,\s+$", m.string[max(0, m.start() - 4) : m.start()]):
        return False
    span = A.interval(ctx.prev)
    return span is not None and span[2] == unit


# ---------------------------------------------------------------- quarters and halves

# "that quarter", but not the conjunction in "said that third-quarter profit rose"
_QREL = r"(?P<q>that(?=[\s-]+(?:fiscal[\s-]+)?(?:quarter|half|period)\b)|first|second|third|fourth|1st|2nd|3rd|4th|latest|last|past|current|this|year-earlier|year-ago|previous|prior|next|same|final|recent|comparable|corresponding|year-before)"


@rule("quarter", r"(?:(?P<the>the|this|last)\s+)?(?:(?P<ys>" + YEAR4 + r"|this year's|last year's|next year's)\s+)?(?:" + _QREL + r"[\s-]+)?(?:fiscal[\s-]+)?(?:(?P<q2>first|second|third|fourth)[\s-]+)?(?P<u>quarter|half|period)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>" + YEAR4 + r")|\s+of\s+(?P<yr>this|last|next|the)\s+year)?(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year))?|(?P<qn>Q[1-4])\s*(?P<y2>" + YEAR4 + r")", core=r"quarter|half|period|Q[1-4]")
def _quarter(m: re.Match, ctx: Context) -> Norm | None:
    norm = _quarter_value(m, ctx)
    if norm is None or not m["ago"] or norm.rule == "year-earlier quarter":
        return norm
    # "the quarter a year ago", "the corresponding period last year": the same quarter, a year back
    return Norm(A.shift_value(norm.value, -1), "DATE", f"{norm.rule}, a year back")


_HALF_OF_LONGER = re.compile(r"\s+of\s+(?:the\s+)?(?:'\d0s|\d{3}0s|decade|century|[a-z]+ties)\b")
_YEAR_EARLIER_WORDS = ("year-earlier", "year-ago", "comparable", "year-before")


def _quarter_value(m: re.Match, ctx: Context) -> Norm | None:
    if m["qn"]:
        return Norm(f"{m['y2']}-{m['qn'].upper()}", "DATE", "explicit quarter")
    word, unit = g(m, "q") or g(m, "q2"), g(m, "u")
    if unit == "period" and word is None and m["ys"] and m["ys"][0].isdigit() and m["the"]:
        if _named_quarter(ctx):  # "third-quarter net ... from $4 million in the 1988 period": that quarter of 1988
            return Norm(f"{m['ys']}-{ctx.prev[5:]}", "DATE", "the year's period: the quarter named last")
        return Norm(m["ys"], "DATE", "the year's period")  # "the 1988 period": that year's results
    if unit == "period" and word not in (*_YEAR_EARLIER_WORDS, "latest", "same", "corresponding"):
        return None
    if word is None and not m["the"] and not m["y"] and not m["ys"]:
        return None
    if unit == "half" and not m["y"] and _HALF_OF_LONGER.match(m.string, m.end()):
        return None  # "the last half of the '80s": a part of the decade, not of a year
    if not (m["y"] or m["yr"]) and _PART_OF_OTHER.match(m.string, m.end()):
        return None  # "the past half decade", "the first half of this article", "the same period of time"
    if unit == "period" and word in ("same", "corresponding") and not _named_period(ctx):
        # "within the same period" after a span of days: that span, not a quarter; "the same period
        # last year" after "the first seven months of 2020": within the year before (shifted below)
        return Norm(str(anaphor_anchor(ctx).year), "DATE", "the same period: its year") if m["ago"] else None
    letter = "Q" if unit != "half" else "H"
    year = _quarter_year(m, ctx)
    if unit == "quarter" and word is None and year is None and g(m, "the") == "the" and _named_quarter(ctx):
        # "the quarter" after "the fiscal first quarter" is that quarter, not the last calendar one
        return Norm(ctx.prev, "DATE", "the quarter: the one named last")
    if word in ORDINALS and ORDINALS[word] > 0:
        n = ORDINALS[word]
        if year is None:
            dct = need(ctx.dct)
            current = A.quarter(dct) if letter == "Q" else (dct.month - 1) // 6 + 1
            year = dct.year - 1 if ctx.tense == "past" and n > current else dct.year
        return Norm(f"{year}-{letter}{n}", "DATE", f"{word} {unit}")
    return _relative_quarter(word, letter, year, ctx, unit)


def _named_quarter(ctx: Context) -> bool:
    return ctx.prev is not None and re.match(r"^\d{4}-Q\d$", ctx.prev) is not None


def _named_period(ctx: Context) -> bool:
    return ctx.prev is not None and re.match(r"^\d{4}-[QH]\d$", ctx.prev) is not None


# After "half", "quarter" or "period": a longer unit it is part of, or "of" and something not a year.
_PART_OF_OTHER = re.compile(
    r"[\s-]+(?:decade|century|hour|minute|second|day|week|month|mile|point|time)s?\b|-to-"  # "quarter-to-quarter"
    r"|\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+|fiscal\s+)?(?:year|fiscal|\d{4})\b)(?:the\s+|this\s+|a\s+|an\s+|its\s+|his\s+|her\s+|their\s+)?[a-z]",
    re.IGNORECASE,
)


def _quarter_year(m: re.Match, ctx: Context) -> int | None:
    y = m["y"] or (m["ys"] if m["ys"] and m["ys"][0].isdigit() else None)
    if y:
        return int(y)
    rel = (g(m, "ys") or g(m, "yr") or "").split("'")[0].split()[0] if (m["ys"] or m["yr"]) else None
    if rel is None:
        return None
    dct = need(ctx.dct)
    return dct.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel]  # "the second half of the year"


def _relative_quarter(word: str | None, letter: str, year: int | None, ctx: Context, unit: str) -> Norm:
    dct = need(ctx.dct)
    if letter == "H":
        return Norm(f"{year or dct.year}-H{(dct.month - 1) // 6 + 1}", "DATE", "half")
    latest = A.add_months(dct, -3)  # the last completed quarter is the one reported on
    if word in ("current", "this"):
        base = dct
    elif word == "next":
        base = A.add_months(dct, 3)
    else:
        base = latest
    value = f"{base.year if year is None else year}-Q{A.quarter(base)}"
    if word in _YEAR_EARLIER_WORDS:
        prev = ctx.prev if ctx.prev and re.match(r"^\d{4}-Q\d$", ctx.prev) else value
        return Norm(A.shift_value(prev, -1), "DATE", "year-earlier quarter")
    if word in ("same", "that", "corresponding") and ctx.prev and re.match(r"^\d{4}-Q\d$", ctx.prev):
        return Norm(ctx.prev, "DATE", "the same quarter")
    return Norm(value, "DATE", f"{word or 'the'} {unit}: relative to {dct.isoformat()}")


# "the year-ago period" is one expression; in "year-earlier results" the time word is the adjective alone.
@rule("year-earlier", r"(?:the\s+)?(?P<w>year-earlier|year-ago|year-before)\s+(?P<u>period)|(?P<w2>year-earlier|year-ago|year-before|a\s+year\s+(?:earlier|ago|before))", core=r"year")
def year_earlier(m: re.Match, ctx: Context) -> Norm | None:
    prev = ctx.prev if ctx.prev and re.match(r"^\d{4}-(Q\d|H\d)$", ctx.prev) else None
    if prev and (not m.group(0).lower().startswith("a") or _compares(m)):
        return Norm(A.shift_value(prev, -1), "DATE", f"a year before {prev}")
    words = g(m, "w") or g(m, "w2") or m.group(0).lower()
    if words.startswith("a") and words.endswith("ago"):
        return Norm(str(need(ctx.dct).year - 1), "DATE", "a year ago: publication year - 1")
    base = need(ctx.ref or ctx.dct)
    return Norm(str(base.year - 1), "DATE", "a year earlier: running year - 1")


_FIGURE = re.compile(r"\d|%|\bpercent\b|\bcents?\b")


def _compares(m: re.Match) -> bool:
    """Whether "a year ago/earlier" compares results ("narrowed from a year earlier", "up from $10
    million a year ago"): a comparison word right before it or figures in its sentence. Only then is
    it the quarter just named, a year back, not a plain year back ("A year ago, the rebels took the city")."""
    text = m.string
    if re.search(r"\b(?:from|than|with|over|versus|vs\.)\s+$", text[max(0, m.start() - 10) : m.start()], re.IGNORECASE):
        return True
    start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 200)
    ends = [e for e in (text.find(". ", m.end()), text.find("\n", m.end())) if e >= 0]
    end = min([*ends, m.end() + 200])
    return _FIGURE.search(text, max(start, 0), end) is not None


# Relative dates ("two days ago", "the next day") and durations register after these, then the rarer
# rules (holidays, spoken years, fiscal years...), in order: the order breaks ties.
from . import durations  # noqa: E402,F401
from . import vague  # noqa: E402,F401
from . import special  # noqa: E402,F401
