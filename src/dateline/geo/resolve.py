"""Toponym resolution: rank each mention's gazetteer candidates the way an analyst would.

Evidence weighed, each a term of the score recorded in the place's ``reason``:
population (how often a place is the one meant), feature type (countries and divisions are named
more than hamlets), how the name matched (own name, alternate, transliteration), the document's
countries and first-level divisions (dateline, demonyms, the other places), containment
("Hajin, Deir ez-Zor": the first must lie inside the second), and distance to the story's other
places. Resolution runs in rounds: each round's choices become the next round's context.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from .countries import country_code, demonym_country
from .gazetteer import Entry, Gazetteer

ROUNDS = 3
_TYPE_BONUS = {"CONT": 2.5, "ADM1": 0.6, "ADM2": 0.6, "PPLC": 1.2, "PPLA": 0.3}
_KIND_BONUS = {0: 1.0, 1: 0.0, 2: -0.3, 3: -0.8}
# Below this score a mention found by a loose rule is not reported as a place.
MIN_LOOSE_SCORE = 4.0


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym to resolve. ``query`` is the name to look up (the mention less words such as
    "province"); ``hint`` is "division" or "settlement" when the text says which; ``container``
    indexes the mention this one is said to lie in; ``loose`` marks a mention found by a rule
    rather than the NER, reported only when it resolves with confidence."""

    start: int
    end: int
    query: str
    hint: str | None = None
    container: int | None = None
    role: str = "toponym"
    loose: bool = False
    fallback: str | None = None  # looked up when ``query`` finds nothing ("Idlib" for "Idlib province")
    keep: bool = True  # stays in the places, unresolved, when it does not resolve


@dataclass(frozen=True, slots=True)
class Choice:
    entry: Entry
    score: float
    reason: str
    lat: float | None
    lon: float | None


@dataclass
class _Context:
    countries: Mapping[str, float]
    admin1s: Mapping[tuple[str, str], float]
    points: Sequence[tuple[int, float, float]]  # (geonameid, lat, lon) of the places chosen

    def country_share(self, code: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(code, 0.0) / total if code and total else 0.0

    def admin1_share(self, entry: Entry) -> float:
        total = sum(self.admin1s.values())
        key = (entry.country or "", entry.admin1 or "")
        return self.admin1s.get(key, 0.0) / total if total else 0.0


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class Resolver:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def candidates(self, mention: Mention) -> tuple[Entry, ...]:
        found = self.gazetteer.candidates(mention.query)
        if not found and mention.fallback:
            found = self.gazetteer.candidates(mention.fallback)
        if _is_acronym(mention.query):  # "SDF", "IS": only a place known by exactly that name
            found = tuple(e for e in found if e.kind == 0 or e.is_division)
        code = country_code(mention.query) or demonym_country(mention.query)
        if code:  # a country's name, alias or demonym: the country itself leads
            country = self.gazetteer.division(code, None)
            if country is not None:
                found = (country,) + tuple(e for e in found if e.geonameid != country.geonameid)
        return found

    def resolve(self, mentions: Sequence[Mention], *, prior: Mapping[str, float] | None = None) -> list[Choice | None]:
        """Choose an entry for every mention; None where the gazetteer has no candidate."""
        cands = [self.candidates(m) for m in mentions]
        prior = dict(prior or {})
        ctx = _Context(_soft_votes(cands, prior), {}, ())
        picks: list[Choice | None] = [None] * len(mentions)
        for _ in range(ROUNDS):
            picks = [self._pick(i, m, cands[i], ctx, picks) for i, m in enumerate(mentions)]
            ctx = _context_from(picks, prior)
        return [self._positioned(p, picks) if p else None for p in picks]

    def _pick(self, i: int, m: Mention, cands, ctx: _Context, previous) -> Choice | None:
        if not cands:
            return None
        container = previous[m.container] if m.container is not None else None
        scored = [(self._score(i, m, e, ctx, container), e) for e in cands]
        (score, parts), entry = max(scored, key=lambda x: x[0][0])
        if m.loose and score < MIN_LOOSE_SCORE:
            return None
        return Choice(entry, round(score, 3), parts, entry.lat, entry.lon)

    def _score(self, i: int, m: Mention, e: Entry, ctx: _Context, container: Choice | None) -> tuple[float, str]:
        terms = {
            "pop": 0.4 * math.log10(max(e.population, 0) + 1),
            "type": 3.0 if e.is_country else _TYPE_BONUS.get(e.fcode, 0.0),
            "name": _KIND_BONUS.get(e.kind, 0.0),
            "country": 2.5 * ctx.country_share(e.country),
            "admin1": 0.0 if e.is_country else 1.5 * ctx.admin1_share(e),
            "near": _nearness(i, e, ctx.points),
            "hint": _hint_bonus(m.hint, e),
            "within": _containment(e, container),
        }
        total = sum(terms.values())
        reason = " ".join(f"{k}={v:+.2f}" for k, v in terms.items() if v)
        return total, f"{e.fcode} {e.country or ''} {reason}".strip()

    def _positioned(self, choice: Choice, picks: Sequence[Choice | None]) -> Choice:
        """Give an entry without coordinates (a county) the best position the context supports."""
        e = choice.entry
        if e.has_position:
            return choice
        town = self._namesake_town(e)
        if town is not None:
            return Choice(e, choice.score, choice.reason + " at=namesake town", town.lat, town.lon)
        near = [p for p in picks if p and p.entry.fclass == "P" and p.lat is not None
                and (p.entry.country, p.entry.admin1) == (e.country, e.admin1)]
        if near:
            lat, lon = sum(p.lat for p in near) / len(near), sum(p.lon for p in near) / len(near)
            return Choice(e, choice.score, choice.reason + " at=story places in division", lat, lon)
        division = self.gazetteer.division(e.country, e.admin1) if e.country else None
        if division is not None and division.has_position:
            return Choice(e, choice.score, choice.reason + " at=division", division.lat, division.lon)
        return choice

    def _namesake_town(self, e: Entry) -> Entry | None:
        base = e.name.rsplit(" ", 1)[0] if " " in e.name else e.name
        towns = [t for t in self.gazetteer.places_named_in(base, e.country or "", e.admin1)
                 if t.fclass == "P" and t.kind == 0]
        return towns[0] if towns else None


def _is_acronym(query: str) -> bool:
    letters = query.replace(".", "").replace(" ", "")
    return 0 < len(letters) <= 5 and letters.isupper()


def _soft_votes(cands: Sequence[Sequence[Entry]], prior: Mapping[str, float]) -> dict[str, float]:
    """Country votes before any choice: each mention spreads one vote over its candidates'
    countries, in proportion to their population, so an unambiguous name votes fully."""
    votes: dict[str, float] = defaultdict(float, prior)
    for found in cands:
        weights: dict[str, float] = defaultdict(float)
        for e in found:
            if e.country:
                weights[e.country] += math.log10(max(e.population, 0) + 10) + (4 if e.is_division else 0)
        total = sum(weights.values())
        for code, w in weights.items():
            votes[code] += w / total
    return votes


def _context_from(picks: Sequence[Choice | None], prior: Mapping[str, float]) -> _Context:
    countries: dict[str, float] = defaultdict(float, prior)
    admin1s: dict[tuple[str, str], float] = defaultdict(float)
    points = []
    for i, p in enumerate(picks):
        if p is None or p.entry.country is None:
            continue
        countries[p.entry.country] += 1.0
        if p.entry.admin1 and not p.entry.is_country:
            admin1s[(p.entry.country, p.entry.admin1)] += 1.0
        if p.entry.has_position and (p.entry.fclass == "P" or p.entry.fcode in _POINT_CODES):
            points.append((p.entry.geonameid, p.entry.lat, p.entry.lon))
    return _Context(countries, admin1s, points)


# Entries whose position stands for the place well enough to measure distance from.
_POINT_CODES = frozenset({"ADM2", "ADM3", "PPLX"})


def _nearness(i: int, e: Entry, points: Sequence[tuple[int, float, float]]) -> float:
    if not e.has_position or e.is_division or not points:
        return 0.0
    # Other places only: a name repeated must not vouch for itself.
    others = [haversine(e.lat, e.lon, lat, lon) for gid, lat, lon in points if gid != e.geonameid]
    if not others:
        return 0.0
    d = min(others)
    return 1.5 if d < 50 else 1.0 if d < 161 else 0.5 if d < 500 else 0.0


def _hint_bonus(hint: str | None, e: Entry) -> float:
    if hint == "division":
        return 2.0 if e.is_division and not e.is_country else -1.0
    if hint == "settlement":
        return 1.0 if e.fclass == "P" else -1.0
    return 0.0


def _containment(e: Entry, container: Choice | None) -> float:
    if container is None:
        return 0.0
    c = container.entry
    if c.country is None or e.country != c.country:
        return -3.0
    if c.fcode == "ADM1" and e.admin1 != c.admin1:
        return -1.5
    return 4.0
