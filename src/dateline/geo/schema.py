"""The gazetteer's SQLite schema, shared by the builder, the dump loader and the reader.

``place`` holds one row per GeoNames entry; ``name`` one row per distinct look-up key of an entry
(``key`` the folded name, ``fkey`` the transliteration-tolerant key, ``kind`` 0 for the entry's
own name, 1 for an alternate name, 2 for a weak form such as a county's name without "County").
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from typing import Iterable

from .normalize import fold, fuzzy

# The layout and the content of a default build: a gazetteer of another version is rebuilt on set-up
# ("2": US counties have positions of their own).
SCHEMA_VERSION = "2"

DDL = """
CREATE TABLE IF NOT EXISTS place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, fclass TEXT, fcode TEXT, country TEXT,
    admin1 TEXT, admin1_name TEXT, admin2 TEXT, population INTEGER, lat REAL, lon REAL
);
CREATE TABLE IF NOT EXISTS name (key TEXT NOT NULL, fkey TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS admin1 (country TEXT, code TEXT, name TEXT, id INTEGER, PRIMARY KEY (country, code));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS name_unique ON name(id, key);
"""

INDEXES = """
CREATE INDEX IF NOT EXISTS name_key ON name(key);
CREATE INDEX IF NOT EXISTS name_fkey ON name(fkey);
CREATE INDEX IF NOT EXISTS place_country ON place(country, fcode);
"""

# Indexes a gazetteer built by an older version may lack, added when it is opened (if writable).
LATE_INDEXES = ("place_country", "CREATE INDEX IF NOT EXISTS place_country ON place(country, fcode)")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: the row written to the ``place`` table and, read back as a candidate
    for a name, ``kind`` says how the name matched it (0 its own name, 1 an alternate name, 2 a
    weak form, 3 a transliteration-tolerant match)."""

    geonameid: int
    name: str
    fclass: str
    fcode: str
    country: str | None
    admin1: str | None
    admin1_name: str | None
    admin2: str | None
    population: int
    lat: float | None
    lon: float | None
    kind: int = 0

    @property
    def is_country(self) -> bool:
        return self.fcode.startswith("PCL")

    @property
    def is_division(self) -> bool:
        return self.fcode.startswith("ADM") or self.is_country

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    def values(self) -> tuple:
        """The ``place`` table's columns, in its order."""
        return (self.geonameid, self.name, self.fclass, self.fcode, self.country, self.admin1,
                self.admin1_name, self.admin2, self.population, self.lat, self.lon)


PlaceRow = Entry  # the name the builders use for a row they write


def name_rows(geonameid: int, name: str, alternates: Iterable[str] = (), *, kind: int = 1) -> list[tuple]:
    """The ``name`` rows of one entry: its own name (kind 0) and each Latin-script alternate."""
    rows: dict[str, tuple] = {}
    main = fold(name)
    if main:
        rows[main] = (main, fuzzy(main), geonameid, 0)
    for alt in alternates:
        key = fold(alt)
        if len(key) >= 2 and key not in rows and not key.isdigit():
            rows[key] = (key, fuzzy(key), geonameid, kind)
    return list(rows.values())


def connect(path: str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the gazetteer; the reader opens it read-only so several processes can share it."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, check_same_thread=False)
    return conn


def ensure_indexes(path: str) -> bool:
    """Add the indexes an older gazetteer file lacks; False when the file cannot be written
    (it still works, only its country look-ups scan the table)."""
    name, ddl = LATE_INDEXES
    with contextlib.closing(connect(path, readonly=True)) as conn:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type='index' AND name=?", (name,)).fetchone():
            return True
    if not os.access(path, os.W_OK):
        return False
    try:
        with contextlib.closing(connect(path)) as conn, conn:
            conn.execute(ddl)
    except sqlite3.OperationalError:  # read-only medium or locked by a writer: keep the slower scan
        return False
    return True


def insert_places(conn: sqlite3.Connection, rows: Iterable[PlaceRow]) -> None:
    conn.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", (r.values() for r in rows))


def insert_names(conn: sqlite3.Connection, rows: Iterable[tuple]) -> None:
    conn.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?,?)", rows)
