"""The gazetteer reader: indexed look-ups in the local SQLite store, never loaded whole.

Look-ups by name are cached per :class:`Gazetteer` in a bounded LRU cache, so a batch of articles
naming the same places queries SQLite once per name.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import os
import sqlite3
from pathlib import Path

from ..errors import GazetteerError
from .normalize import fold, fuzzy
from .schema import SCHEMA_VERSION, Entry, connect, ensure_indexes

ENV_VAR = "DATELINE_GAZETTEER"
_COLUMNS = "p.id, p.name, p.fclass, p.fcode, p.country, p.admin1, p.admin1_name, p.admin2, p.population, p.lat, p.lon"
# A look-up returns at most this many candidates, the most populous first.
MAX_CANDIDATES = 60
# Keys shorter than this are too ambiguous to match loosely.
MIN_FUZZY_LEN = 5
# ... and must also be this similar in spelling to the name matched.
FUZZY_RATIO = 0.75


def default_path() -> Path:
    """``$DATELINE_GAZETTEER``, else ``${XDG_DATA_HOME:-~/.local/share}/dateline/gazetteer.sqlite``."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "dateline" / "gazetteer.sqlite"


class Gazetteer:
    """Read-only access to a built gazetteer file."""

    def __init__(self, path: str | os.PathLike, *, cache_size: int = 8192):
        self.path = str(path)
        try:
            ensure_indexes(self.path)
            self._conn = connect(self.path, readonly=True)
            version = self._conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open the gazetteer {self.path}: {exc}") from exc
        if not version or version[0] != SCHEMA_VERSION:
            raise GazetteerError(f"{self.path} is not a dateline gazetteer (rebuild it: dateline gazetteer build)")
        self.candidates = functools.lru_cache(maxsize=cache_size)(self._candidates)
        self.entry = functools.lru_cache(maxsize=cache_size)(self._entry)
        self.division = functools.lru_cache(maxsize=4096)(self._division)
        self.seat = functools.lru_cache(maxsize=4096)(self._seat)

    @classmethod
    def open(cls, path: str | os.PathLike | None = None, *, build: bool = True) -> "Gazetteer":
        """Open the gazetteer at ``path`` (default :func:`default_path`), building it if absent."""
        target = Path(path) if path is not None else default_path()
        if not cls.exists(target):  # absent, or built by another version of dateline
            if not build:
                raise GazetteerError(f"no current gazetteer at {target} (run: dateline gazetteer build)")
            from .build import build as build_gazetteer

            build_gazetteer(target)
        return cls(target)

    @staticmethod
    def exists(path: str | os.PathLike) -> bool:
        """Whether ``path`` holds a gazetteer of this version (an older one is to be rebuilt)."""
        return Path(path).is_file() and file_version(path) == SCHEMA_VERSION

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise GazetteerError(f"gazetteer query failed on {self.path}: {exc}") from exc

    def _candidates(self, name: str) -> tuple[Entry, ...]:
        """Entries a name may denote: exact folded matches, else transliteration-tolerant ones."""
        key = fold(name)
        if not key:
            return ()
        rows = self._query(
            f"SELECT {_COLUMNS}, MIN(n.kind) FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? "
            f"GROUP BY p.id ORDER BY p.population DESC LIMIT {MAX_CANDIDATES}", (key,))
        if len(key.replace(" ", "")) >= MIN_FUZZY_LEN:
            if not rows:
                rows = self._fuzzy_rows(key)
            elif not any(_is_division(row) for row in rows):
                # "Al Hasakeh" is an alternate name of the city only; the governorate is spelt
                # "Al-Hasakah": a division by another transliteration is still a reading.
                known = {row[0] for row in rows}
                rows += [row for row in self._fuzzy_rows(key) if _is_division(row) and row[0] not in known]
        return tuple(Entry(*row) for row in rows)

    def _fuzzy_rows(self, key: str) -> list[tuple]:
        """Rows sharing the loose key whose spelling is also close (the key alone over-merges)."""
        rows = self._query(
            f"SELECT {_COLUMNS}, 3, n.key FROM name n JOIN place p ON p.id = n.id WHERE n.fkey = ? "
            f"ORDER BY p.population DESC LIMIT {MAX_CANDIDATES * 4}", (fuzzy(key),))
        seen: set[int] = set()
        out = []
        for row in rows:
            if row[0] not in seen and _similar(key, row[-1]):
                seen.add(row[0])
                out.append(row[:-1])
        return out[:MAX_CANDIDATES]

    def _entry(self, geonameid: int) -> Entry | None:
        rows = self._query(f"SELECT {_COLUMNS}, 0 FROM place p WHERE p.id = ?", (geonameid,))
        return Entry(*rows[0]) if rows else None

    def _division(self, country: str, admin1: str | None) -> Entry | None:
        """The country (``admin1`` None) or its first-level division ``admin1``, by primary key."""
        if admin1 is None:
            from .countries import countries

            info = countries().get(country)
            found = self.entry(info.geonameid) if info else None
            return found or self._first(f"SELECT {_COLUMNS}, 0 FROM place p WHERE p.country = ? "
                                        "AND p.fcode >= 'PCL' AND p.fcode < 'PCM' ORDER BY p.population DESC LIMIT 1", (country,))
        rows = self._query("SELECT id FROM admin1 WHERE country = ? AND code = ?", (country, admin1))
        found = self.entry(rows[0][0]) if rows else None
        return found or self._first(f"SELECT {_COLUMNS}, 0 FROM place p WHERE p.country = ? AND p.admin1 = ? "
                                    "AND p.fcode = 'ADM1' LIMIT 1", (country, admin1))

    def _seat(self, country: str, admin1: str | None = None) -> tuple[float, float] | None:
        """(lat, lon) of the seat of ``admin1`` (a division's name) in ``country``, or of the
        country's capital when ``admin1`` is None; None when the gazetteer knows neither.

        ACLED codes an event whose exact place is unknown at the capital of the smallest area the
        source names, not at the area's middle. The default gazetteer marks no division seats, and a
        division's most populous town is most often its capital or main town."""
        sql, args = (_CAPITAL, (country,)) if admin1 is None else (_DIVISION_SEAT, (country, admin1))
        rows = self._query(sql, args)
        return (rows[0][0], rows[0][1]) if rows else None

    def _first(self, sql: str, args: tuple) -> Entry | None:
        """A slower scan, for gazetteers whose divisions are not under GeoNames' own ids."""
        rows = self._query(sql, args)
        return Entry(*rows[0]) if rows else None

    def places_named_in(self, name: str, country: str, admin1: str | None) -> tuple[Entry, ...]:
        """Candidates for ``name`` inside a country (and division), for containment ("X, Y")."""
        return tuple(e for e in self.candidates(name)
                     if e.country == country and (admin1 is None or e.admin1 == admin1))

    def count(self) -> int:
        return self._query("SELECT COUNT(*) FROM place", ())[0][0]


# A division's seat: the PPLA a loaded GeoNames dump marks, else its most populous town (the fcode
# range keeps to the place(country, fcode) index on a large loaded dump).
_DIVISION_SEAT = ("SELECT lat, lon FROM place WHERE country = ? AND fcode >= 'PPL' AND fcode < 'PPM' AND admin1_name = ? "
                  "AND lat IS NOT NULL ORDER BY fcode IN ('PPLA', 'PPLC') DESC, population DESC LIMIT 1")
_CAPITAL = ("SELECT lat, lon FROM place WHERE country = ? AND fcode = 'PPLC' AND lat IS NOT NULL "
            "ORDER BY population DESC LIMIT 1")


def file_version(path: str | os.PathLike) -> str | None:
    """The version a gazetteer file was built with; None when it is no gazetteer."""
    try:
        with contextlib.closing(connect(str(path), readonly=True)) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _is_division(row: tuple) -> bool:
    fcode = row[3] or ""
    return fcode == "ADM1" or fcode.startswith("PCL")


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a.replace(" ", ""), b.replace(" ", "")).ratio() >= FUZZY_RATIO


def as_gazetteer(gazetteer: "Gazetteer | str | os.PathLike | None") -> Gazetteer:
    """Accept an open :class:`Gazetteer`, a path, or None for the default store."""
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    return Gazetteer.open(gazetteer)
