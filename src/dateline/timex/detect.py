"""Finding time expressions and turning rule matches into :class:`~dateline.model.TimeExpr` records.

Every pattern runs once over the text (compiled regexes, no per-token Python loop); overlapping
matches are settled longest first. Expressions are then normalised in reading order so that a
date the text sets ("On March 3, ...") can anchor what follows ("the next day").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterator

from ..model import TimeExpr
from . import anchor as A
from .rules import RULES, Context, Norm, Rule, Unresolved

# Verbs of scheduled news events; in the present tense (or progressive) within a few words before
# a date they mean the future ("meets Monday", "is flying to Paris on Monday"). Not after a
# determiner (the noun: "a visit Friday") or "to" (an infinitive the verb before it governs).
_NEAR_END = r"(?=(?:\s+[\w.,'-]+){0,3}?\s+(?:on\s+)?$)"
_SCHEDULED = (
    r"(?<!\bto )(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\btheir )"
    r"(?:(?:meets?|begins?|starts?|opens?|closes?|resumes?|votes?|arrives?|leaves|visits?|travels?|heads|returns?|"
    r"holds?|go(?:es)?|expires?|convenes?|testif(?:y|ies)|hosts?|signs?|launch(?:es)?|debates?|attends?|flies|"
    r"unveils|takes? office|kicks? off|ends|matures|takes? effect|goes into effect|comes? into (?:force|effect))|(?:is|are|am)\s+(?!being\b)\w+ing)" + _NEAR_END
)
# "had been due to expire Friday": a plan already overtaken; "had" voids the future marker after it.
_HAD = re.compile(r"\bhad\s+(?:been\s+)?$", re.IGNORECASE)

_FUTURE = re.compile(
    # "will", but not the noun ("against his will", "the political will")
    r"\b(?:will(?<!\bthe will)(?<!\bhis will)(?<!\bher will)(?<!\btheir will)(?<!\bits will)(?<!\bour will)(?<!\bmy will)"
    r"(?<!\bfree will)(?<!\bpolitical will)(?<!\bgood will)(?<!\bill will)(?<!\bown will)(?<!\bpeople's will)|shall|won't|wo n't|would|'ll|going to|plans? to|planned to|plans? for|planned for|planning|expects? to|"
    r"expected to|scheduled(?: to| for)?|due to (?!(?-i:[a-z]+(?:ing|tion|sion|ment|ness|ity|ance|ence|ure|age|ism|cy|ty))\b)(?!(?:the|a|an|his|her|its|their|this|that|these|those|our|my|your|lack|poor|bad|heavy|high|low|concerns?|fears?|security|health|safety|pressure|weather|illness|rain|war|covid)\b)(?=(?-i:[a-z]))|set to|aims? to|intends? to|hopes? to|is to|are to|"
    r"next(?<!\bthe next)(?<!\bvery next)(?! to\b)|upcoming|coming|"
    r"tomorrow|as (?:soon|early) as|deadline|payable|effective|(?<!previously )(?<!originally )(?<!as )planned|"
    r"(?<!\bthe )(?<!\bits )(?<!\btheir )(?<!\ba )plans|"
    # a commitment to a later act ("agreed to acquire"), not to a thing ("agreed to a truce")
    r"(?:agree[sd]?|agreement|deal|pledged?|promised?|vowed?|offered|offer|bid|proposal|proposed) to "
    r"(?!(?:a|an|the|on|in|at|by|for|from|with|this|that|last|next|it|its|their|his|her)\b)[a-z]+|"
    r"" + _SCHEDULED + r")\b",
    re.IGNORECASE,
)
# -ed words that are not past verbs: "succeed", "hundred", and participles used as adjectives
# ("a still unspecified date") or in the present passive ("is expected").
_NOT_PAST = r"(?!(?:succeed|exceed|proceed|need|indeed|feed|speed|seed|breed|bleed|hundred|red|bed|shed|wed|sacred|naked|wicked|hatred|kindred|rugged|ragged)\b)"
_PAST = re.compile(
    # the word boundary first: the look-behinds then run only at word starts
    r"\b(?<!\bbe )(?<!\bto )(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bis )(?<!\bare )(?<!\bstill )(?<!\bremain )(?<!\bremains )" + _NOT_PAST
    + r"(?:was|were|had|did|said|told|ago|last|yesterday|earlier|been|came|went|took|began|fled|left|fell|"
    r"held|won|lost|met|saw|made|gave|killed|wrote|spoke|broke|stole|shot|fought|caught|brought|sought|sent|spent|"
    r"built|struck|drove|rode|chose|swore|tore|ran|sat|stood|knew|grew|threw|flew|drew|led|sold|felt|kept|heard|paid|"
    r"became|got|ate|hid|sank|rang|sang|(?-i:[a-z]+ed))\b",
    re.IGNORECASE,
)
# A sentence or clause ends at a full stop, but not at the dot of an initial or a title ("Daniel P.
# Davison", "Mr. Schwarz", "Jan. 6", "U.S. officials").
_ABBREV = ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Jr", "Co", "Inc", "Corp", "No",
           "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ltd", "Bros", "Vs", "vs")
_CLAUSE_BREAK = re.compile(r"[.;!?\n][\"'\u201d\u2019)]*\s|\s[-\u2013\u2014]\s")
_NO_BREAK = re.compile(r"(?:\b[A-Z]|[A-Z.]\w|\b(?:" + "|".join(_ABBREV) + r"))\.[ \t]$")
# "postponed until Tuesday", "extended through January": the new date lies ahead.
_DEFERRED = re.compile(r"\b(?:postpon|delay|adjourn|defer|extend|put off|pushed back|push back|recess)\w*\b.*\b(?:until|till|to|through)\s+$",
                       re.IGNORECASE)


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the expression's clause before it (up to 110 characters) and after it (50)."""
    left = text[max(0, start - 110) : start]
    breaks = [b for b in _CLAUSE_BREAK.finditer(left) if not _NO_BREAK.search(left, 0, b.end())]
    if breaks:
        left = left[breaks[-1].end() :]
    right = text[end : end + 50]
    cut = next((b for b in _CLAUSE_BREAK.finditer(right) if not _NO_BREAK.search(right, 0, b.end())), None)
    return left, right[: cut.start()] if cut else right


# An infinitive after the last past verb ("to testify", not "to the" or "shot to death"): its act
# follows that verb, on either side of the dateline. Not after a verb that says the act happened or
# did not ("began to deteriorate", "tried to flee", "refused to sign"): that act is as past as its verb.
_INFINITIVE = re.compile(
    r"\bto(?<!\bbegan to)(?<!\bstarted to)(?<!\bcontinued to)(?<!\btried to)(?<!\bmanaged to)(?<!\bfailed to)(?<!\battempted to)"
    r"(?<!\brefused to)(?<!\bseemed to)(?<!\bappeared to)(?<!\bused to)(?<!\bhad to)(?<!\bcame to)(?<!\bhelped to)(?<!\bceased to)"
    r"\s+(?!(?:a|an|the|this|that|these|those|its|his|her|their|our|my|your|be|have|about|\d|"
    r"on|in|at|by|for|from|with|over|after|before|until|"
    r"death|date|power|court|jail|prison|office|trial|war|town|hospital|safety|bed|school|church|market)\b)[a-z]+\b(?<!ed)"
)


_REPORTING = re.compile(r"said|told|added|announced|stated|reported", re.IGNORECASE)


def _reporting_far(left: str, m: re.Match) -> bool:
    """A reporting verb dates the expression only when it stands right before it ("said on
    Monday"); further back, the clause it introduces carries its own tense ("said they expect
    the deal to close by Dec. 15")."""
    return _REPORTING.fullmatch(m.group(0)) is not None and len(left) - m.end() > 6


def tense_at(text: str, start: int, end: int) -> str:
    """The tense governing a time expression, from a cheap look at the words around it.

    A future marker close by (before it in its clause, or right after it) wins; otherwise a
    past verb nearby makes it past; otherwise present. News prose defaults to the past.
    """
    left, right = _clause_around(text, start, end)
    if text.startswith("'s", end) or text.startswith("\u2019s", end):
        return "past"  # "Wednesday's ruling": an occasion already known
    future = [m.end() for m in _FUTURE.finditer(left) if not _HAD.search(left, 0, m.start())]
    past = [m.end() for m in _PAST.finditer(left) if not _reporting_far(left, m)]
    if re.search(r"\bsince\s+$", left):
        return "past"  # "since Monday": a start already behind
    if re.fullmatch(r"\W*(?:up\s+)?(?:by|until|till)\s+", left, re.IGNORECASE) and _PAST.search(right):
        return "past"  # a fronted "Up until Saturday, Saudi Arabia had executed ...": the main clause's tense
    if _FRONTED.fullmatch(left):
        main = _main_clause_tense(text, end)
        if main is not None:
            return main  # "On Tuesday, the league plans to hold a news conference": the main clause's tense
    if (not past and re.search(r"\b(?:by|before|until|till)\s+$", left)) or _DEFERRED.search(left):
        return "future"  # a deadline or an end still ahead, or a date something was put off to
    if future and (not past or future[-1] >= past[-1]):
        return "future"  # the nearest marker before the expression decides
    overtaken = _HAD.search(left) is not None or any(_HAD.search(left, 0, m.start()) for m in _FUTURE.finditer(left))
    if past and not overtaken and any(m.start() >= past[-1] for m in _INFINITIVE.finditer(left)):
        return "present"  # "subpoenaed him to testify on Feb. 10": the act may lie either side
    if past:
        return "past"
    if _FUTURE.match(right.lstrip()[:20]):
        return "future"
    if _PAST.search(right):
        return "past"
    if re.search(r"\b(?:is|are|am|says|say|now)\b", left + " " + right, re.IGNORECASE):
        return "present"
    return "past"


# A date that opens its sentence ("On Tuesday, ...", "Next month, ..."): nothing before it to say its tense.
_FRONTED = re.compile(r"[\W_]*(?:(?:but|and|so|yet|then|meanwhile|also)\s+)?(?:(?:on|in|at|by|from|during|early|late|as of|starting|beginning)\s+)?",
                      re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;!?\n]")
_RELATIVE = re.compile(r",\s*(?:who|which|whose|where)\b[^,]*,", re.IGNORECASE)
# The plain markers of a future main clause (not "vacation plans", "the hastily planned trip").
_MAIN_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are) going to|plans? to|intends? to|expects? to|(?:is|are) (?:scheduled|due|set|expected) to|"
    r"(?:is|are) to)\b|'ll\b",
    re.IGNORECASE,
)


def _main_clause_tense(text: str, end: int) -> str | None:
    """The tense of the sentence a fronted date opens: its first future marker or past verb,
    within the sentence (up to 150 characters on)."""
    right = text[end : end + 150]
    stop = _SENTENCE_END.search(right)
    right = _RELATIVE.sub(",", right[: stop.start()] if stop else right)  # "police, who will investigate, said"
    future = next((m.start() for m in _MAIN_FUTURE.finditer(right)), None)
    past = next((m.start() for m in _PAST.finditer(right)), None)
    if future is not None and (past is None or future < past):
        return "future"
    return "past" if past is not None else None


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    rule: Rule
    match: re.Match


_ORDER = {r.name: i for i, r in enumerate(RULES)}
# Vetoes ("May" the verb) do not depend on the dates, so a fixed probe context can test them.
_PROBE = Context(dt.date(2000, 6, 15), dt.date(2000, 6, 15), "past")


def find(text: str, start: int = 0, end: int | None = None, *, given: bool = False) -> list[Match]:
    """Matches of every rule in ``text[start:end]``, longest first without overlaps.

    A match its handler vetoes does not block shorter ones ("the 1988 period" -> "1988").
    ``given`` says the span is known to be a time expression, which lifts the vetoes.
    """
    end = len(text) if end is None else end
    rules = RULES if given else [r for r in RULES if not r.given_only]
    windows = _all_windows([r.core for r in rules], text, start, end)  # per core regex: several rules share one
    found = [Match(m.start(), m.end(), r, m) for r in rules for m in _scan(r, text, start, end, windows)]
    found.sort(key=lambda c: (c.start - c.end, _ORDER[c.rule.name], c.start))
    taken: list[Match] = []
    probe = _PROBE if not given else dataclasses.replace(_PROBE, given=True)
    for cand in found:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken) and _plausible(cand, probe):
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken


# How far a match may reach before and after its core word ("the past several [weeks]").
_BEFORE, _AFTER = 90, 60


def _scan(
    rule: Rule, text: str, start: int, end: int, seen: dict[str, list[list[int]]] | None = None
) -> Iterator[re.Match]:
    """The rule's matches, running its full pattern only in windows around its core word.

    ``seen`` keeps the windows of each core regex already scanned in this text and range.
    """
    windows = None if seen is None else seen.get(rule.core.pattern)
    if windows is None:
        windows = _windows(rule.core, text, start, end)
        if seen is not None:
            seen[rule.core.pattern] = windows
    for lo, hi in windows:
        yield from rule.pattern.finditer(text, lo, hi)


def _windows(core: re.Pattern, text: str, start: int, end: int) -> list[list[int]]:
    return _joined([hit.span() for hit in core.finditer(text, start, end)], text, start, end)


def _all_windows(cores: list[re.Pattern], text: str, start: int, end: int) -> dict[str, list[list[int]]]:
    """The windows of every core regex, by pattern. One scan finds where any core matches; each
    core is then tried only there, which gives what its own scan would (the same matches, left to
    right without overlaps) at a third of the cost of forty scans of the text."""
    unique = list({c.pattern: c for c in cores}.values())
    hits = _core_hits(unique, text, start, end)
    if hits is None:
        return {c.pattern: _windows(c, text, start, end) for c in unique}
    return {c.pattern: _joined(h, text, start, end) for c, h in zip(unique, hits)}


# Every core regex starts so (see rules.rule); the union of them keeps it once, before the cores.
_CUE_START = "(?<![A-Za-z])"


@functools.lru_cache(maxsize=8)
def _union(patterns: tuple[str, ...], flags: int) -> re.Pattern | None:
    """A regex matching, empty, wherever one of the core ``patterns`` matches; None if they cannot
    be joined (a core of another shape, or with groups whose numbers would shift)."""
    if not all(p.startswith(_CUE_START) for p in patterns):
        return None
    try:
        union = re.compile(_CUE_START + "(?=" + "|".join("(?:" + p[len(_CUE_START):] + ")" for p in patterns) + ")", flags)
    except re.error:
        return None
    return union if union.groups == 0 else None


def _core_hits(cores: list[re.Pattern], text: str, start: int, end: int) -> list[list[tuple[int, int]]] | None:
    """Each core's matches in ``text[start:end]``, as its own ``finditer`` gives them; None when
    the cores cannot be scanned together."""
    union = _union(tuple(c.pattern for c in cores), cores[0].flags) if cores and len({c.flags for c in cores}) == 1 else None
    if union is None or any(c.groups for c in cores):
        return None
    hits: list[list[tuple[int, int]]] = [[] for _ in cores]
    free = [start] * len(cores)  # where each core's next match may begin: after its last one
    for at in union.finditer(text, start, end):
        p = at.start()
        for k, core in enumerate(cores):
            m = core.match(text, p, end) if p >= free[k] else None
            if m is not None:
                if m.end() == p:
                    return None  # an empty match: finditer has its own rules for those
                hits[k].append(m.span())
                free[k] = m.end()
    return hits


def _joined(spans: list[tuple[int, int]], text: str, start: int, end: int) -> list[list[int]]:
    """Windows around the core's hits, overlapping ones joined."""
    windows: list[list[int]] = []
    for hit_start, hit_end in spans:
        lo, hi = max(start, hit_start - _BEFORE), _word_end(text, min(end, hit_end + _AFTER), end)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return windows


def _word_end(text: str, pos: int, end: int) -> int:
    """Move a window's end past the word it cuts, so word-boundary checks stay true."""
    while pos < end and (text[pos].isalnum() or text[pos] == "_"):
        pos += 1
    return pos


def _plausible(cand: Match, probe: Context) -> bool:
    try:
        return cand.rule.handler(cand.match, probe) is not None
    except Unresolved:
        return True


def normalise(cand: Match, ctx: Context) -> Norm | None:
    """Run the rule's handler; None if the handler vetoes the match."""
    try:
        return cand.rule.handler(cand.match, ctx)
    except Unresolved:
        return Norm(None, _type_guess(cand.rule.name), f"{cand.rule.name}: needs a publication date")


def _type_guess(rule: str) -> str:
    return {"duration": "DURATION", "vague-units": "DURATION", "set": "SET", "clock": "TIME"}.get(rule, "DATE")


def to_time(start: int, end: int, norm: Norm, dct: dt.date | None) -> TimeExpr:
    """The record for a normalised expression, with the interval it denotes and its granularity."""
    begin = finish = gran = None
    span = A.interval(norm.value)
    if norm.bounds is not None:
        begin, finish = norm.bounds[0].isoformat(), norm.bounds[1].isoformat()
        gran = "day"
    elif span is not None:
        begin, finish, gran = span[0].isoformat(), span[1].isoformat(), span[2]
    elif norm.type == "DURATION":
        gran = "duration"
        begin, finish = _duration_interval(norm, dct)
    elif norm.value in ("PAST_REF", "PRESENT_REF", "FUTURE_REF") or norm.type == "SET":
        gran = "vague"
        if norm.reach and dct is not None:
            begin, finish = (dct - dt.timedelta(days=norm.reach)).isoformat(), dct.isoformat()
    return TimeExpr(
        start=start, end=end, value=norm.value, type=norm.type, begin=begin, end_date=finish,
        granularity=gran, anchor=dct.isoformat() if dct else None, rule=norm.rule, mod=norm.mod,
    )


def _duration_interval(norm: Norm, dct: dt.date | None) -> tuple[str | None, str | None]:
    """A duration anchored to the dateline ("the past 48 hours") denotes an interval; others none."""
    if dct is None or not norm.direction or norm.value is None:
        return None, None
    if norm.reach:  # "in recent days": the plausible stretch before the dateline
        return (dct - dt.timedelta(days=norm.reach)).isoformat(), dct.isoformat()
    if norm.direction < 0:
        first = A.back_from(dct, norm.value)
        return (first.isoformat(), dct.isoformat()) if first else (None, None)
    days = A.duration_days(norm.value)
    if days is None:
        return None, None
    return dct.isoformat(), (dct + dt.timedelta(days=max(round(days) - 1, 0))).isoformat()


_NEAR = 400  # characters within which a named period still frames what follows


@dataclass(slots=True)
class Running:
    """What the text has set so far while reading in order: the reference date and last value."""

    dct: dt.date | None
    ref: dt.date | None = None
    prev: str | None = None
    prev_end: int = -1
    period: str | None = None  # the last quarter or half named: what "a year earlier" compares with
    period_end: int = -1

    def context(self, text: str, start: int, end: int, *, given: bool = False) -> Context:
        prev = self.prev if start - self.prev_end < _NEAR else None
        prev = self.period if self.period and start - self.period_end < _NEAR else prev
        return Context(self.dct, self.ref or self.dct, tense_at(text, start, end), prev, given)

    def update(self, norm: Norm, end: int) -> None:
        value = norm.value or ""
        if norm.bounds and norm.bounds[0] == norm.bounds[1] and norm.type == "DURATION":
            self.ref = norm.bounds[0]  # "three days later": the story moves on to that day
        if norm.type != "DATE" and norm.type != "TIME":
            return
        if re.match(r"^\d{4}-\d\d-\d\d", value) and not norm.rule.startswith(("clock", "part of day")):
            self.ref = dt.date.fromisoformat(value[:10])
        if re.match(r"^\d{4}(-|$)", value) and not _comparison(norm.rule):
            self.prev, self.prev_end = value, end
            if re.match(r"^\d{4}-[QH]\d$", value):
                self.period, self.period_end = value, end


def _comparison(rule: str) -> bool:
    """A period named to compare with ("a year earlier", "the quarter a year ago", "the 1988
    period"): not the period the story is about, so it frames neither "the quarter" nor "a year earlier"."""
    return rule.startswith(("a year", "year-earlier", "the year's period")) or rule.endswith("a year back")


def detect(text: str, *, published: dt.date | None, start: int = 0) -> list[TimeExpr]:
    """All time expressions in ``text[start:]``, normalised against ``published``."""
    running = Running(published)
    out: list[TimeExpr] = []
    for cand in find(text, start):
        if cand.rule.name != "holiday" and is_name(text, cand.start, cand.end):
            continue
        norm = normalise(cand, running.context(text, cand.start, cand.end))
        if norm is None:
            continue
        s, e = _trim(text, cand.start, cand.end)
        out.append(to_time(s, e, norm, published))
        running.update(norm, cand.end)
    return out


# Common time words; capitalised inside a sentence they are part of a name ("This Week", "60 Minutes").
_COMMON = frozenset(
    "week weekend weeks month months year years day days hour hours minute minutes second seconds noon midnight "
    "morning afternoon evening night today tonight tomorrow yesterday now future past time decade decades century "
    "quarter spring summer fall autumn winter daily weekly".split()
)
_PAPERS = frozenset({"daily", "weekly", "monthly", "nightly"})
_OPENS = ".!?:;\"'`(_\u201c\u2018\u2014-"


def is_name(text: str, start: int, end: int) -> bool:
    """Whether a match is a title or name rather than a time: a common time word capitalised
    mid-sentence ("ABC's This Week", "VOA Today", "High Noon")."""
    words = re.findall(r"[A-Za-z0-9]+", text[start:end])
    if not words or not any(w.lower() in _COMMON and w.istitle() for w in words):
        return False
    if len(words) == 1 and words[0].lower() in _PAPERS and re.match(r"\s+[A-Z][a-z]", text[end : end + 3]):
        return True  # "Daily Trust", "The Weekly Standard": a newspaper's name
    if any(w.lower() in _COMMON and w.istitle() for w in words[1:]):
        return True
    before = text[max(0, start - 3) : start].rstrip()
    return bool(before) and before[-1] not in _OPENS and words[0].lower() in _COMMON


# TimeML leaves prepositions and focus words ("only", "just") out of the span but keeps hedges in
# ("nearly two years", "at least 72 hours"; the hedge is also recorded as ``mod``), and leaves out
# the determiner of a noun a hyphenated duration modifies ("the [two-week] siege").
_LEADING = re.compile(
    r"(?:between|from|at(?!\s+least\b)|only|just|barely|some|right)\s+"
    r"|the\s+(?=\S+-(?:second|minute|hour|day|night|week|month|quarter|year|decade)\b)"
    r"|the\s+(?=(?:days|weeks|months|years|decades)\b(?!\s+ahead\b))",
    re.IGNORECASE,
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,\n\t":
        end -= 1
    lead = _LEADING.match(text, start, end)
    if lead and lead.end() < end:
        start = lead.end()
    return start, end
