"""Rules for vague references ("now", "recently", "the future") and sets ("every Friday", "daily").

Registered after :mod:`.rules` and before :mod:`.special` (registration order breaks ties).
"""

from __future__ import annotations

import re

from .lexicon import MONTH, NUMWORD, PART, PARTS_OF_DAY, SEASON, SEASONS, UNIT, UNITS, WEEKDAY, number, unit_of
from .durations import duration_value
from .rules import Context, Norm, g, month_num, rule, weekday_num

# After "the future": a title or a name it qualifies ("the future Shah", "the future president").
_TITLE_AFTER = re.compile(r"\s+(?:(?-i:[A-Z])|(?:president|king|queen|leader|prime|wife|husband|emperor)\b)", re.IGNORECASE)


def title_after(m: re.Match) -> bool:
    """ "the future Shah of Iran", "the future president": "future" qualifies a title, unless a
    preposition of time comes before ("in the near future Obama will ...")."""
    before = m.string[max(0, m.start() - 6) : m.start()]
    return _TITLE_AFTER.match(m.string, m.end()) is not None and not re.search(r"\b(?:in|for|into)\s+$", before, re.IGNORECASE)
_VAGUE_CORE = r"now|current|present|recent|lately|previous|former|soon|shortly|past|future|term|possible|moment|these days"


# ---------------------------------------------------------------- vague references and sets

_VAGUE = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "so far": None, "to date": None,
    "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "in the past": "PAST_REF", "once": None, "earlier": None, "recent": "PAST_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the long term": "FUTURE_REF", "the longer term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF", "the coming days": "FUTURE_REF", "in the coming days": "FUTURE_REF",
}


# Words that are time expressions only when someone has marked them as such (gold spans).
_GIVEN_ONLY = {"recent": "PAST_REF", "already": "PRESENT_REF", "once": "PAST_REF", "earlier": "PAST_REF",
               "yet": "PRESENT_REF", "the time": "PAST_REF", "a later date": "FUTURE_REF", "then": "PAST_REF",
               "later": "FUTURE_REF", "before": "PAST_REF", "the moment": "PRESENT_REF"}
# Vague adverbs news annotators rarely mark and event dating never needs: normalised when given.
_UNMARKED = frozenset({"previously", "soon", "shortly", "presently"})


@rule("marked-vague", r"(?P<w>recent|already|once|earlier|yet|the time|a later date|then|later|before|the moment)",
      core=r"recent|already|once|earlier|yet|time|later|then|before|moment", given_only=True)
def _marked_vague(m: re.Match, ctx: Context) -> Norm | None:
    if g(m, "w") == "then" and ctx.prev and _UNTIL_THEN.search(m.string, max(0, m.start() - 8), m.start()):
        return Norm(ctx.prev, "DATE", "until then: the time the text named last")  # "ends Nov. 30. Until then, ..."
    return Norm(_GIVEN_ONLY[g(m, "w")], "DATE", f"vague: {g(m, 'w')}")


_UNTIL_THEN = re.compile(r"\b(?:until|till|by|since)\s+$", re.IGNORECASE)


@rule("vague", r"(?P<w>then[\s-]current|this\s+(?:(?-i:[a-z]+)\s+)?moment|right now|now|currently|nowadays|these days|at present|presently|at the moment|the present|recently|lately|previously|formerly|the past|soon|shortly|the (?:near |distant )?future|the (?:near|long|longer|short) term|as soon as possible|current)", core=_VAGUE_CORE)
def _vague(m: re.Match, ctx: Context) -> Norm | None:
    w = g(m, "w")
    w = "the future" if w.startswith("the") and w.endswith("future") else w
    if w.startswith("then"):
        return Norm("PAST_REF", "DATE", "vague: then current")  # "the then-current price": current then, past now
    if w.startswith("this"):
        return Norm("PRESENT_REF", "DATE", "vague: this moment")  # "at this crucial moment"
    if w in _UNMARKED and not ctx.given:
        return None
    value = _VAGUE.get(w)
    if w == "current":
        after = m.string[m.end() : m.end() + 20].lower()
        if not ctx.given and (re.match(r"\s+(?:account|affairs|events|law|rules?|system|form|regime|crisis)\b", after) or not after.startswith(" ")):
            return None
    if w == "the present" and re.match(r"\s+\w", m.string[m.end() : m.end() + 3]):
        return None
    if w == "the past" and _COUNTED.match(m.string, m.end()):
        return None  # "the past half decade", "the past three summers": a stretch the rest of the phrase counts
    if w == "the future" and not ctx.given and title_after(m):
        return None  # "the future Shah of Iran", "the future president": a title, not a time
    return Norm(value, "DATE", f"vague: {w}") if value else None


_COUNTED = re.compile(r"\s+(?:half|few|several|couple|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"fifteen|twenty|thirty|forty|fifty|hundred)\b", re.IGNORECASE)


_SET_UNIT = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q", "hour": "PT1H",
             "night": "P1D", "morning": "P1D", "evening": "P1D", "weekend": "P1W"}
_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
            "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q", "biweekly": "P2W"}


@rule("set", r"(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<wd>" + WEEKDAY + r")(?:\s+(?P<partw>" + PART + r"))?|(?P<mon>" + MONTH + r")|(?P<unit>day|week|month|year|quarter|hour|night|morning|evening|weekend|" + SEASON + r"))|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly)|(?P<wds>" + WEEKDAY + r")s(?:\s+(?P<part>" + PART + r")s)?|(?P<wdn>" + WEEKDAY + r")\s+(?P<partn>morning|afternoon|evening|night)s|(?P<times>once|twice|(?:three|four|five|\d+) times)\s+(?:a|per|each|every)\s+(?P<unit2>day|week|month|year)", core=r"every|each|daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|once|twice|times|" + WEEKDAY)
def _set(m: re.Match, ctx: Context) -> Norm | None:
    if m["wd"] or m["wds"] or m["wdn"]:  # "every Friday", "Fridays", "Tuesday nights", "every Sunday night"
        part = g(m, "part") or g(m, "partn") or g(m, "partw")
        wd = weekday_num(m["wd"] or m["wds"] or m["wdn"])
        return Norm(f"XXXX-WXX-{wd}" + ("T" + PARTS_OF_DAY[part] if part else ""), "SET", "every weekday")
    if m["mon"]:
        return Norm(f"XXXX-{month_num(m['mon']):02d}", "SET", "every month named")
    if m["adv"]:
        return Norm(_ADVERBS[g(m, "adv")], "SET", "frequency adverb")
    unit = g(m, "unit") or g(m, "unit2")
    if unit in SEASONS:
        return Norm(f"XXXX-{SEASONS[unit]}", "SET", "every season")
    if m["other"] and unit in UNITS:  # "every other day": every second one
        return Norm(duration_value(2, unit), "SET", f"every other {unit}")
    return Norm(_SET_UNIT[unit], "SET", f"every {unit}")


@rule("every-n", r"every\s+(?P<n>" + NUMWORD + r"|few|couple of)\s+(?P<unit>" + UNIT + r")", core=r"every")
def _every_n(m: re.Match, ctx: Context) -> Norm | None:
    """ "every two weeks" (P2W), "every few days" (PXD): a set with that period, not a duration."""
    unit = unit_of(m["unit"])
    value = duration_value(number(m["n"]), unit)
    return Norm(value, "SET", f"every {m['n']} {unit}s") if value else None
