"""Word tables and regular-expression fragments for English time expressions.

Everything here is immutable data written for this project; the patterns in
:mod:`dateline.timex.rules` are assembled from these fragments once, at import time.
"""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "mid-afternoon": "AF", "midafternoon": "AF", "mid afternoon": "AF", "midday": "MI", "noon": "MI",
    "tonight": "NI", "daytime": "DT", "dawn": "MO", "dusk": "EV",
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1, "final": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7, "8th": 8, "9th": 9,
    "10th": 10, "11th": 11, "12th": 12, "13th": 13, "14th": 14, "15th": 15, "16th": 16,
    "17th": 17, "18th": 18, "19th": 19, "20th": 20, "21st": 21,
}
_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Quantities with no definite number: TIMEX3 writes them as "X" ("PXY" for "several years").
VAGUE_QUANTITIES = ("a few", "few", "several", "many", "some", "recent", "the coming", "coming")
# Duration units: TIMEX3 letter, whether it sits after "T" (times of day), days for ordering.
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}
UNIT_DAYS = {"S": 1 / 86400, "TM": 1 / 1440, "H": 1 / 24, "D": 1, "W": 7, "M": 30.4, "Q": 91.3, "Y": 365.25,
             "DE": 3652.5, "CE": 36525}


def number(words: str) -> int | None:
    """An integer from digits or English number words ("twenty-four", "a", "1,000"); None if vague."""
    w = words.lower().strip().replace(",", "")
    if w.isdigit():
        return int(w)
    if w in ("a", "an", "one", "a single", "single"):
        return 1
    if w in ("a couple of", "couple of", "a couple", "a pair of"):
        return 2
    if w in ("a hundred", "a thousand", "a dozen"):
        return {"a hundred": 100, "a thousand": 1000, "a dozen": 12}[w]
    if w in ("half a", "a half"):
        return None
    total = 0
    for part in re.split(r"[\s-]+", w):
        if part in _UNITS_WORDS:
            total += _UNITS_WORDS[part]
        elif part in _TENS_WORDS:
            total += _TENS_WORDS[part]
        elif part in ("hundred", "thousand"):
            total = max(total, 1) * (100 if part == "hundred" else 1000)
        elif part == "and":
            continue
        else:
            return None
    return total


def _alt(words, *, cased: bool = False) -> str:
    """A regex alternation, longest first; ``cased`` requires Title or UPPER case (proper nouns)."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not cased:
        return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"
    forms = [f(w) for w in ordered for f in (str.title, str.upper)]
    return "(?-i:" + "|".join(re.escape(w) for w in forms) + ")"


_MONTH_FULL = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_ABBR = [m for m in MONTHS if m not in _MONTH_FULL and m != "may"]
# "Sept." / "Sept" / "September"; an abbreviation without its dot only before a day number.
MONTH = "(?:" + _alt(_MONTH_FULL, cased=True) + "|" + _alt(_MONTH_ABBR, cased=True) + r"\.)"
MONTH_ANY = "(?:" + _alt(_MONTH_FULL, cased=True) + "|" + _alt(_MONTH_ABBR, cased=True) + r"\.?)"
WEEKDAY = "(?:" + _alt([w for w in WEEKDAYS if len(w) > 5], cased=True) + ")"
SEASON = _alt(SEASONS)
PART = _alt(["morning", "afternoon", "evening", "night", "overnight"])
NUMWORD = (
    r"(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|" + _alt(_UNITS_WORDS) + r"[\s-](?:hundred|thousand)|"
    + r"(?:" + _alt(_TENS_WORDS) + r"(?:[\s-]" + _alt(_UNITS_WORDS) + r")?)|" + _alt(_UNITS_WORDS)
    + r"|a couple of|couple of|a few|several|a hundred|a thousand|a|an|one|some|many|a dozen|dozens of|hundreds of)"
)
UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))"
ORDINAL = _alt(ORDINALS)
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"


def unit_of(word: str) -> str:
    """The singular unit for a unit word: "centuries" -> "century", "hours" -> "hour"."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w
