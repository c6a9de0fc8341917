"""Toponym resolution: rank each mention's gazetteer candidates the way an analyst would.

Evidence weighed, each a term of the score recorded in the place's ``reason``:
population (how often a place is the one meant), feature type (countries and divisions are named
more than hamlets), how the name matched (own name, alternate, transliteration), the document's
countries and first-level divisions (dateline, demonyms, the other places), containment
("Hajin, Deir ez-Zor": the first must lie inside the second), and distance to the story's other
places. Resolution runs in rounds: each round's choices become the next round's context.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from .countries import country_code, demonym_country
from .focus import AT_FOCUS, AT_FOCUS_STRAY, estimated_picks
from .gazetteer import Entry, Gazetteer
from .nearby import Nearby, haversine  # haversine: also imported from here by the stage and the evaluations
from .normalize import expanded_abbreviations, fold, name_variants, spelling_variants

ROUNDS = 3
# A place inside a division the story names ("Lebanon ... Ohio") over its namesakes elsewhere.
NAMED_DIVISION = 1.0
_TYPE_BONUS = {"CONT": 2.5, "RGN": 2.0, "ADM1": 0.6, "ADM2": 0.6, "PPLC": 1.2, "PPLA": 0.3}
_KIND_BONUS = {0: 1.0, 1: 0.0, 2: -0.3, 3: -0.8}
# A mention found by a loose rule is resolved only if its best candidate is prominent in itself
# (population, type, name match: at least MIN_LOOSE_OWN) or, when the words around it say it is a
# place, if the story's context carries it to MIN_LOOSE_TOTAL.
MIN_LOOSE_OWN = 3.0
MIN_LOOSE_TOTAL = 5.0
# ... and a mention whose words do not say it is a place (inside an organisation's name, after "of"
# or "from") needs more of the story's context to carry it.
MIN_WEAK_TOTAL = 6.5
# ... unless the words say it is a place ("in X", "X (Y)") and its reading is clear: a town of some
# size (UNIQUE_OWN) with no namesake elsewhere within UNIQUE_MARGIN of it. Short reports (ACLED
# notes, briefs) name one village and nothing else to vouch for it.
UNIQUE_OWN = 2.8
UNIQUE_MARGIN = 2.5
# ... and a name no other place bears at all needs less size: a town of a few thousand people
# ("demonstrated in Zittau") is what a report means when it names nothing else.
SOLE_OWN = 1.8
SOLE = 99.0
# A place in the wire dateline's country, over its namesakes abroad.
HOME_BONUS = 0.8
# A reading in a division where the story's other names could also lie, by their share.
COULD_SHARE = 2.0
# A reading with readings of the story's other names within TOGETHER_KM of it, by their share:
# local news names a town with its county and its neighbours (see :mod:`.nearby`).
TOGETHER = 1.5
TOGETHER_KM = 30.0
# A bare name that is also a county of a division whose counties the story names in full.
COUNTY_LIST = 1.5
# A name another is said to lie in is more often a division than a town ("X, Donetsk").
HOLDER_DIVISION = 2.0
# A reading abroad within BESIDE_KM of the middle of a country the story names gains BESIDE.
BESIDE = 1.0
BESIDE_KM = 500.0
# How close a loose match must be spelt to a country's name to stand for it.
COUNTRY_SPELLING = 0.9
# A reading an order of magnitude (DOMINANT times) more populous than every namesake elsewhere,
# named as a place and matched no worse, is what a short report means ("demonstrated in Jena":
# the German city of 100,000, not the Indian town of 8,000): it leads by at least DOMINANT_LEAD,
# unless the story's other names point somewhere (then they decide, as in local news).
DOMINANT = 10.0
DOMINANT_LEAD = 1.0
_OWN_TERMS = ("pop", "type", "name", "hint")


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
    margin: float = 99.0  # lead over the best candidate lying elsewhere (over 161 km away)
    clear: bool = False  # said to be a place, of some size, with no close rival reading elsewhere


def _margin(score: float, best: Entry, scored) -> float:
    """The lead over the best reading elsewhere, judged without the "could" term: what the other
    names could share picks among readings but is too weak to make a guess a certainty."""
    own_could = next(could for (_, _, _, could), e in scored if e is best)
    rivals = [total - could for (total, _, _, could), e in scored if e.geonameid != best.geonameid and _far(best, e)]
    return score - own_could - max(rivals) if rivals else 99.0


def _dominant(best: Entry, scored) -> bool:
    """Whether ``best`` outnumbers every namesake elsewhere DOMINANT times over, by an own name
    ("Jena" and "Jena"), not an alternate one a rival might carry more often."""
    rivals = [e for _, e in scored if e.geonameid != best.geonameid and _far(best, e)]
    return best.kind == 0 and best.fclass == "P" and bool(rivals) and all(
        e.population * DOMINANT <= best.population for e in rivals)


def _far(a: Entry, b: Entry) -> bool:
    if _contains(a, b) or _contains(b, a):
        return False  # "Mexico" the country or its state, "New York" the state or its city: one reading
    if not (a.has_position and b.has_position):
        return (a.country, a.admin1) != (b.country, b.admin1)
    return haversine(a.lat, a.lon, b.lat, b.lon) > 161.0


def _contains(outer: Entry, inner: Entry) -> bool:
    """Whether ``inner`` lies in ``outer``, a country or first-level division, by their codes."""
    if outer.country is None or inner.country != outer.country or outer is inner:
        return False
    return outer.is_country or (outer.fcode == "ADM1" and outer.admin1 is not None and inner.admin1 == outer.admin1)


class _Context:
    """Votes for countries and divisions, kept per name so that a mention is judged by the
    *other* names of the story (a name repeated ten times must not vouch for itself)."""

    def __init__(self) -> None:
        self.countries: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.admin1s: dict[str, dict[tuple[str, str], float]] = defaultdict(lambda: defaultdict(float))
        self.points: list[tuple[str, float, float]] = []  # (name key, lat, lon) of the places chosen
        # (name key, ISO2, lat, lon) of the countries chosen: a place near a country the story names
        # (Gaza beside Israel) is likelier than a namesake a continent away.
        self.lands: list[tuple[str, str, float, float]] = []
        # Divisions the story names outright ("Ohio", "Ind."), by the name that named them.
        self.named: dict[tuple[str, str], set[str]] = defaultdict(set)
        # Counties the story names in full ("Boone County"), by division: a bare name in a list of
        # them ("Hamilton, 6 percent; Hendricks, 7.3") is one more county.
        self.counties: dict[tuple[str, str], set[str]] = defaultdict(set)
        # The wire dateline's country: a report filed from KYIV is mostly about Ukrainian places,
        # however often it names the other side ("Russian forces shelled ...").
        self.home: str | None = None
        # For each name, the first-level divisions any of its readings lies in: local news names
        # places of one state, and a reading whose state the other names could share is likelier.
        self._possible: dict[str, frozenset[tuple[str, str]]] = {}
        self.nearby: Nearby | None = None
        # Shares already worked out, by (what, item, name): every candidate of every name asks
        # them, and they change only with a vote (which empties this).
        self._known: dict[tuple, float] = {}

    @property
    def possible(self) -> dict[str, frozenset[tuple[str, str]]]:
        return self._possible

    @possible.setter
    def possible(self, value: dict[str, frozenset[tuple[str, str]]]) -> None:
        self._possible = value
        self._known.clear()

    def vote_country(self, key: str, code: str, weight: float) -> None:
        self.countries[key][code] += weight
        self._known.clear()

    def vote_admin1(self, key: str, admin1: tuple[str, str], weight: float) -> None:
        self.admin1s[key][admin1] += weight
        self._known.clear()

    def has_votes(self, key: str) -> bool:
        """Whether the story's other names (or the prior) say anything about countries."""
        return any(name != key and any(tally.values()) for name, tally in self.countries.items())

    def country_share(self, code: str | None, key: str) -> float:
        if not code:
            return 0.0
        known = ("country", code, key)
        if known not in self._known:
            self._known[known] = _share(self.countries, code, key)
        return self._known[known]

    def admin1_share(self, entry: Entry, key: str) -> float:
        where = (entry.country or "", entry.admin1 or "")
        known = ("admin1", where, key)
        if known not in self._known:
            self._known[known] = _share(self.admin1s, where, key)
        return self._known[known]

    def could_share(self, entry: Entry, key: str) -> float:
        """The share of the story's other names with a reading in this entry's division."""
        if entry.is_country or not entry.admin1 or not self.possible:
            return 0.0
        where = (entry.country or "", entry.admin1)
        known = ("could", where, key)
        if known not in self._known:
            others = [divisions for name, divisions in self.possible.items() if name != key]
            self._known[known] = sum(where in d for d in others) / len(others) if others else 0.0
        return self._known[known]

    def names_division(self, entry: Entry, key: str) -> bool:
        """Whether another name of the story is the first-level division this entry lies in."""
        return bool(self.named.get((entry.country or "", entry.admin1 or ""), set()) - {key})


def _share(votes: Mapping[str, Mapping], item, key: str) -> float:
    total = mine = 0.0
    for name, tally in votes.items():
        if name != key:
            total += sum(tally.values())
            mine += tally.get(item, 0.0)
    return mine / total if total else 0.0


class Resolver:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def candidates(self, mention: Mention) -> tuple[Entry, ...]:
        found = _merged(self.gazetteer.candidates(mention.query),
                        *(self.gazetteer.candidates(v) for v in expanded_abbreviations(mention.query)))
        if not found and mention.fallback:
            found = self.gazetteer.candidates(mention.fallback)
        for variant in () if found else _all_variants(mention):
            found = tuple(e for e in self.gazetteer.candidates(variant) if e.kind <= 1)
            if found:
                break
        if found and mention.query.lower().endswith("shire") and fold(found[0].name) != fold(mention.query):
            # "Cambridgeshire" looked up as "Cambridge": an English county is about its English town
            found = tuple(e for e in found if e.country == "GB") or found
        # A country's name is misspelt by a letter at most ("Mauritious"); "Banin" is a village, not Benin.
        found = tuple(e for e in found if not (e.is_country and e.kind == 3 and not _near_spelling(mention.query, e.name)))
        if _is_acronym(mention.query):  # "SDF", "IS": only a place known by exactly that name
            # ... written in capitals too ("EU" is the Union, not the town of Eu) or a division or region
            found = tuple(e for e in found if (e.kind == 0 and e.name.isupper()) or e.is_division or e.fcode in ("RGN", "CONT")
                          or _capitalised_town(mention.query, e) or _initialism(mention.query, e))
        named = country_code(mention.query)
        code = named or demonym_country(mention.query)
        if named and any(e.kind == 0 and e.fcode == "ADM1" for e in found):
            code = None  # "England", "Scotland": the division of that very name, not its country
            # (a demonym keeps its country: "German" is Germany, not a parish of the Isle of Man)
            found = tuple(e for e in found if not (e.is_country and e.kind > 0))
        if code:  # a country's name, alias or demonym: the country itself leads
            country = self.gazetteer.division(code, None)
            if country is not None:
                found = (country,) + tuple(e for e in found if e.geonameid != country.geonameid)
        return found

    def resolve(self, mentions: Sequence[Mention], *, prior: Mapping[str, float] | None = None,
                home: str | None = None) -> list[Choice | None]:
        """Choose an entry for every mention; None where the gazetteer has no candidate.
        ``home`` is the ISO2 country of the wire dateline, when there is one."""
        looked: dict[tuple[str, str | None], tuple[Entry, ...]] = {}  # a name repeated is looked up once
        cands = [_looked_up(looked, m, self.candidates) for m in mentions]
        prior = dict(prior or {})
        keys = [fold(m.query) for m in mentions]
        ctx = _soft_votes(keys, cands, prior)
        ctx.home = home
        ctx.possible = _possible_divisions(keys, cands)
        ctx.nearby = Nearby(keys, cands, km=TOGETHER_KM)
        holders = {m.container for m in mentions if m.container is not None}
        picks: list[Choice | None] = [None] * len(mentions)
        for _ in range(ROUNDS):
            picks = self._round(mentions, keys, cands, ctx, picks, holders)
            possible, nearby = ctx.possible, ctx.nearby
            ctx = _context_from(keys, picks, prior)
            ctx.home = home
            ctx.possible, ctx.nearby = possible, nearby
        return [self._positioned(p, picks) if p else None for p in picks]

    def resolve_given(self, mentions: Sequence[Mention], *, prior: Mapping[str, float] | None = None,
                      home: str | None = None) -> list[Choice | None]:
        """:meth:`resolve` for spans the caller says are places: a name the gazetteer has no reading
        of is estimated to lie where the story is (:mod:`.focus`), with score 0 and no margin."""
        picks = self.resolve(mentions, prior=prior, home=home)
        guesses = estimated_picks([m.query for m in mentions], [fold(m.query) for m in mentions],
                                  [p.entry if p else None for p in picks], [m.container for m in mentions])
        return [p if g is None or not m.keep else
                Choice(g, 0.0, AT_FOCUS_STRAY if p else AT_FOCUS, g.lat, g.lon, margin=0.0)
                for m, p, g in zip(mentions, picks, guesses)]

    def _round(self, mentions: Sequence[Mention], keys: Sequence[str], cands, ctx: _Context,
               previous: Sequence[Choice | None], holders: set[int]) -> list[Choice | None]:
        """One round of choices. A name repeated with the same words around it (same hint, same
        container reading) is scored once: its reading depends on nothing else."""
        done: dict[tuple, Choice | None] = {}
        picks: list[Choice | None] = []
        for i, m in enumerate(mentions):
            container = previous[m.container] if m.container is not None else None
            same = (keys[i], m.query, m.fallback, m.hint, m.loose, m.keep, id(container), i in holders)
            if same not in done:
                ranked = self._ranked(keys[i], m, cands[i], ctx, previous, i in holders)
                done[same] = self._pick(keys[i], m, ranked, ctx)
            picks.append(done[same])
        return picks

    def _ranked(self, key: str, m: Mention, cands, ctx: _Context, previous, holds: bool = False) -> list:
        """Every candidate with its (total, own, reason, could), in candidate order; ``holds`` when
        another mention is said to lie in this one ("X, Donetsk": the oblast more than the city)."""
        container = previous[m.container] if m.container is not None else None
        # "California" is the state even in a story naming Maryland, home of a town California.
        own_division = any(e.kind == 0 and e.fcode == "ADM1" for e in cands)
        return [(self._score(key, m, e, ctx, container, own_division, holds), e) for e in cands]

    def _pick(self, key: str, m: Mention, scored, ctx: _Context) -> Choice | None:
        if not scored:
            return None
        (score, own, parts, could), entry = max(scored, key=lambda x: x[0][0])
        at_home = m.keep and ctx.home is not None and entry.country == ctx.home
        margin = _margin(score, entry, scored)
        if margin > 0 and not ctx.has_votes(key) and _dominant(entry, scored):
            margin = max(margin, DOMINANT_LEAD)
        # A name no other place bears needs less size, unless the story points elsewhere.
        sole = margin >= SOLE and (not ctx.has_votes(key) or ctx.country_share(entry.country, key) > 0)
        clear = m.keep and margin >= UNIQUE_MARGIN and own >= (SOLE_OWN if sole else UNIQUE_OWN)
        # What the other names could share says which reading, not whether a loose find is a place.
        if m.loose and not (at_home or clear) and own < MIN_LOOSE_OWN and score - could < (MIN_LOOSE_TOTAL if m.keep else MIN_WEAK_TOTAL):
            return None
        return Choice(entry, round(score, 3), parts, entry.lat, entry.lon, round(margin, 3), clear)

    def _score(self, key: str, m: Mention, e: Entry, ctx: _Context, container: Choice | None,
               own_division: bool = False, holds: bool = False) -> tuple[float, float, str, float]:
        """(total, the part owed to the entry itself, the reason listing every term, and the part that
        only chooses among readings: "could", "together" and "county")."""
        terms = {
            "pop": 0.4 * math.log10(max(e.population, 0) + 1),
            "type": 3.0 if e.is_country else _TYPE_BONUS.get(e.fcode, 0.0),
            "name": _KIND_BONUS.get(e.kind, 0.0),
            "country": 2.5 * ctx.country_share(e.country, key),
            "admin1": 0.0 if e.is_country else 1.5 * ctx.admin1_share(e, key),
            "could": 0.0 if own_division and not e.is_division else COULD_SHARE * ctx.could_share(e, key),
            "together": TOGETHER * ctx.nearby.share(e, key) if ctx.nearby else 0.0,
            "in_named": NAMED_DIVISION if not (e.is_division or own_division) and ctx.names_division(e, key) else 0.0,
            "near": _nearness(key, e, ctx.points),
            "beside": _beside(key, e, ctx.lands),
            "hint": _hint_bonus(m.hint, e),
            "county": COUNTY_LIST if e.fcode == "ADM2" and e.kind == 2 and bool(ctx.counties.get((e.country or "", e.admin1 or ""), set()) - {key}) else 0.0,
            "holds": HOLDER_DIVISION if holds and e.is_division else 0.0,
            "within": _containment(e, container),
            "home": HOME_BONUS if ctx.home and e.country == ctx.home and not e.is_country else 0.0,
        }
        total = sum(terms.values())
        own = sum(terms[k] for k in _OWN_TERMS)
        reason = " ".join(f"{k}={v:+.2f}" for k, v in terms.items() if v)
        return total, own, f"{e.fcode} {e.country or ''} {reason}".strip(), terms["could"] + terms["county"] + terms["together"]

    def _positioned(self, choice: Choice, picks: Sequence[Choice | None]) -> Choice:
        """Give an entry without coordinates (a county) the best position the context supports."""
        e = choice.entry
        if e.has_position:
            return choice
        near = [p for p in picks if p and p.entry.fclass == "P" and p.lat is not None
                and (p.entry.country, p.entry.admin1) == (e.country, e.admin1)]
        if near:  # local news names a county with its towns: the middle of those
            lat, lon = sum(p.lat for p in near) / len(near), sum(p.lon for p in near) / len(near)
            return dataclasses.replace(choice, reason=choice.reason + " at=story places in division", lat=lat, lon=lon)
        town = self._namesake_town(e)
        if town is not None:
            return dataclasses.replace(choice, reason=choice.reason + " at=namesake town", lat=town.lat, lon=town.lon)
        division = self.gazetteer.division(e.country, e.admin1) if e.country else None
        if division is not None and division.has_position:
            return dataclasses.replace(choice, reason=choice.reason + " at=division", lat=division.lat, lon=division.lon)
        return choice

    def _namesake_town(self, e: Entry) -> Entry | None:
        base = e.name.rsplit(" ", 1)[0] if " " in e.name else e.name
        towns = [t for t in self.gazetteer.places_named_in(base, e.country or "", e.admin1)
                 if t.fclass == "P" and t.kind == 0]
        return towns[0] if towns else None


def _merged(found: tuple[Entry, ...], *more: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The readings of a name written two ways ("Mt. Pleasant", "Mount Pleasant"), each once, matched
    as well as either way matched it."""
    best: dict[int, Entry] = {}
    for e in (e for group in (found, *more) for e in group):
        if e.geonameid not in best or e.kind < best[e.geonameid].kind:
            best[e.geonameid] = e
    return tuple(best.values())


def _looked_up(looked: dict, m: Mention, candidates) -> tuple[Entry, ...]:
    """``candidates(m)``, once per (query, fallback): nothing else of the mention is read."""
    if (m.query, m.fallback) not in looked:
        looked[(m.query, m.fallback)] = candidates(m)
    return looked[(m.query, m.fallback)]


# "Seoul City - Yongsan", "Manaus - North Zone": a city and its district, the way ACLED and
# local reports name a part of a city.
_CITY_PART = re.compile(r"^(.+?) [-\u2013] (.+)$")
_CITY_WORD = re.compile(r" (?:city|City|CITY)$")


def _variants(name: str) -> tuple[str, ...]:
    """Other forms of an unknown name: :func:`name_variants`, then the city of "City - District"
    and each part without a trailing "City" ("Seoul City" -> "Seoul")."""
    out: list[str] = []
    parts = _CITY_PART.match(name)
    for part in (parts.group(1), parts.group(2)) if parts else (name,):
        out += [part] if part != name else []
        bare = _CITY_WORD.sub("", part)
        out += [bare] if bare != part else []
    return tuple(out) + name_variants(name) + spelling_variants(name)


def _all_variants(mention: Mention) -> tuple[str, ...]:
    """The variants of the name as written, then of its fallback: "South Ossetian" is South
    Ossetia before its fallback "Ossetian" is anything."""
    out = _variants(mention.query) if mention.fallback else ()
    return out + tuple(v for v in _variants(mention.fallback or mention.query) if v not in out)


def _near_spelling(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio() >= COUNTRY_SPELLING


# A word of capitals this long or longer is a headline's or a dateline's town ("OMAHA", "XENIA") when
# a town of some size bears that very name; shorter ones are initials ("SDF", "EU").
CAPS_TOWN_LETTERS = 4
CAPS_TOWN_POPULATION = 10_000


def _capitalised_town(query: str, e: Entry) -> bool:
    """"OMAHA", "XENIA": a town's own name set in capitals, not an organisation's initials ("NATO"
    is also a village of 5,000 in the Philippines: too small to be what a word in capitals means)."""
    return (len(query) >= CAPS_TOWN_LETTERS and query.isalpha() and e.kind == 0 and e.fclass == "P"
            and e.population >= CAPS_TOWN_POPULATION)


def _initialism(query: str, e: Entry) -> bool:
    """"L.A.", "N.Y.": initials with periods abbreviate a place's name, as its alternate names record."""
    return "." in query and e.kind == 1 and e.fclass in ("P", "A")


def _is_acronym(query: str) -> bool:
    letters = query.replace(".", "").replace(" ", "")
    return 0 < len(letters) <= 5 and letters.isupper()


def _possible_divisions(keys: Sequence[str], cands: Sequence[Sequence[Entry]]) -> dict[str, frozenset[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, found in zip(keys, cands):
        out[key].update((e.country, e.admin1) for e in found if e.kind <= 1 and e.country and e.admin1 and not e.is_country)
    return {key: frozenset(d) for key, d in out.items()}


def _soft_votes(keys: Sequence[str], cands: Sequence[Sequence[Entry]], prior: Mapping[str, float]) -> _Context:
    """Country votes before any choice: each mention spreads one vote over its candidates'
    countries, in proportion to the likeliest reading in each (population, divisions first), so an
    unambiguous name votes fully. A country's share does not grow with how many namesakes it has:
    twenty small American Cambridges are not twenty votes against the English one."""
    ctx = _Context()
    for code, weight in prior.items():
        ctx.vote_country("", code, weight)
    for key, found in zip(keys, cands):
        weights: dict[str, float] = defaultdict(float)
        for e in found:
            if e.country:
                weight = math.log10(max(e.population, 0) + 10) + (4 if e.is_division else 0)
                weights[e.country] = max(weights[e.country], weight)
        total = sum(weights.values())
        for code, w in weights.items():
            ctx.vote_country(key, code, w / total)
    return ctx


def _context_from(keys: Sequence[str], picks: Sequence[Choice | None], prior: Mapping[str, float]) -> _Context:
    ctx = _Context()
    for code, weight in prior.items():
        ctx.vote_country("", code, weight)
    for key, p in zip(keys, picks):
        if p is None or p.entry.country is None:
            continue
        ctx.vote_country(key, p.entry.country, 1.0)
        if p.entry.admin1 and not p.entry.is_country:
            ctx.vote_admin1(key, (p.entry.country, p.entry.admin1), 1.0)
        if p.entry.fcode == "ADM1" and p.entry.admin1:
            ctx.named[(p.entry.country, p.entry.admin1)].add(key)
        if p.entry.fcode == "ADM2" and p.entry.kind == 0 and p.entry.admin1:
            ctx.counties[(p.entry.country, p.entry.admin1)].add(key)
        if p.entry.has_position and (p.entry.fclass == "P" or p.entry.fcode in _POINT_CODES):
            ctx.points.append((key, p.entry.lat, p.entry.lon))
        if p.entry.is_country and p.entry.has_position:
            ctx.lands.append((key, p.entry.country, p.entry.lat, p.entry.lon))
    return ctx


# Entries whose position stands for the place well enough to measure distance from.
_POINT_CODES = frozenset({"ADM2", "ADM3", "PPLX"})


def _nearness(key: str, e: Entry, points: Sequence[tuple[str, float, float]]) -> float:
    if not e.has_position or (e.is_division and e.fcode != "ADM2") or not points:
        return 0.0
    # A point more than 500 km north or south is farther than 500 km: no need to measure it.
    others = [haversine(e.lat, e.lon, lat, lon) for name, lat, lon in points
              if name != key and not _surely_beyond(e.lat, lat, 500.0)]
    if not others:
        return 0.0
    d = min(others)
    return 1.5 if d < 50 else 1.0 if d < 161 else 0.5 if d < 500 else 0.0


# Kilometres per degree of latitude, rounded down (6371 km * pi / 180 = 111.19).
_KM_PER_DEGREE = 111.0


def _surely_beyond(lat1: float, lat2: float, km: float) -> bool:
    """Whether two latitudes alone put two points farther apart than ``km`` (a great circle is
    never shorter than the difference of latitudes); 5 km of slack keeps rounding out of it."""
    return abs(lat1 - lat2) * _KM_PER_DEGREE > km + 5.0


def _beside(key: str, e: Entry, lands: Sequence[tuple[str, str, float, float]]) -> float:
    """A reading abroad near the middle of a country the story names ("Gaza" in a story naming
    Israel): a small lead over namesakes far from every country named."""
    if not e.has_position or e.is_country or not lands:
        return 0.0
    near = any(name != key and code != e.country and not _surely_beyond(e.lat, lat, BESIDE_KM)
               and haversine(e.lat, e.lon, lat, lon) < BESIDE_KM for name, code, lat, lon in lands)
    return BESIDE if near else 0.0


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
    if e.is_country and c.is_country and e.country != c.country:
        return 0.0  # "Honduras, El Salvador": a list of countries, not one inside the other
    if c.country is None or e.country != c.country:
        return -3.0
    if c.fcode == "ADM1" and e.admin1 != c.admin1:
        return -1.5
    return 4.0
