"""``dateline gazetteer load FILE``: add a GeoNames dump to the gazetteer, streaming it.

Accepts the main dump format (``allCountries.zip``, a country file such as ``SY.zip``,
``cities1000.zip``, or the plain ``.txt`` inside; 19 tab-separated columns) and the alternate
names file (``alternateNamesV2.zip`` / ``alternateNames.zip`` or their ``.txt``). Rows are read one
at a time and written in batches, so memory stays bounded whatever the file's size. Entries
already present (same geonameid) are replaced: a dump's real coordinates win over the estimated
positions of the default build.
"""

from __future__ import annotations

import io
import os
import sqlite3
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, TextIO

from ..errors import GazetteerError
from .build import strip_division
from .schema import DDL, INDEXES, PlaceRow, connect, insert_names, insert_places, name_rows

BATCH = 5000
# alternateNames "isolanguage" values that are codes or links, not names.
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid", "phon", "piny"})


@dataclass(frozen=True, slots=True)
class LoadStats:
    kind: str  # "geonames" or "alternate names"
    rows: int
    skipped: int


@contextmanager
def open_dump(path: str | os.PathLike) -> Iterator[tuple[str, TextIO]]:
    """Open a dump, zipped or plain; yields (member or file name, text stream)."""
    p = Path(path)
    try:
        if zipfile.is_zipfile(p):
            with zipfile.ZipFile(p) as zf:
                member = _dump_member(zf)
                with zf.open(member) as raw:
                    yield member, io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        else:
            with open(p, encoding="utf-8", newline="\n") as fh:
                yield p.name, fh
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read {p}: {exc}") from exc


def _dump_member(zf: zipfile.ZipFile) -> str:
    names = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith(("readme", "iso-languagecodes"))]
    if not names:
        raise GazetteerError(f"{zf.filename}: no GeoNames .txt file inside")
    return max(names, key=lambda n: zf.getinfo(n).file_size)


def create_empty(path: str | os.PathLike) -> None:
    """A gazetteer with the schema and the bundled division names but no places (to load dumps into)."""
    from .build import admin1_table
    from .schema import SCHEMA_VERSION

    conn = connect(str(path))
    try:
        conn.executescript(DDL + INDEXES)
        conn.executemany("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)",
                         ((c, k, n, i) for (c, k), (n, i) in admin1_table().items()))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        conn.commit()
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot create a gazetteer at {path}: {exc}") from exc
    finally:
        conn.close()


def load(gazetteer_path: str | os.PathLike, dump: str | os.PathLike) -> LoadStats:
    """Load ``dump`` into the gazetteer file at ``gazetteer_path`` (which must exist)."""
    if not Path(gazetteer_path).exists():
        raise GazetteerError(f"no gazetteer at {gazetteer_path} (run: dateline gazetteer build)")
    conn = connect(str(gazetteer_path))
    try:
        conn.executescript(DDL)
        with open_dump(dump) as (name, stream):
            if "alternatename" in name.lower():
                stats = _load_alternates(conn, stream)
            else:
                stats = _load_geonames(conn, stream)
        conn.executescript(INDEXES)
        conn.commit()
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot load {dump} into {gazetteer_path}: {exc}") from exc
    finally:
        conn.close()
    return stats


def _admin1_names(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """The division names (a few thousand rows, small) to label loaded places with."""
    return {(c, k): n for c, k, n in conn.execute("SELECT country, code, name FROM admin1")}


def _load_geonames(conn: sqlite3.Connection, stream: TextIO) -> LoadStats:
    admin1 = _admin1_names(conn)
    rows = skipped = 0
    places: list[PlaceRow] = []
    names: list[tuple] = []
    for line in stream:
        parsed = parse_geonames_line(line, admin1)
        if parsed is None:
            skipped += 1
            continue
        row, alternates = parsed
        places.append(row)
        names.extend(name_rows(row.geonameid, row.name, alternates))
        if row.fcode == "ADM2":  # "Boone" for "Boone County", as the default build indexes counties
            names.extend((key, fkey, gid, 2) for key, fkey, gid, _ in name_rows(row.geonameid, strip_division(row.name))[:1])
        rows += 1
        if len(places) >= BATCH:
            _flush(conn, places, names)
            places, names = [], []
    _flush(conn, places, names)
    return LoadStats("geonames", rows, skipped)


def _flush(conn: sqlite3.Connection, places: list[PlaceRow], names: list[tuple]) -> None:
    insert_places(conn, places)
    insert_names(conn, names)


def parse_geonames_line(line: str, admin1: dict[tuple[str, str], str]) -> tuple[PlaceRow, list[str]] | None:
    """One row of the GeoNames main format (19 columns) as a :class:`PlaceRow` and its alternates."""
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) < 19 or not cols[0].isdigit():
        return None
    try:
        lat, lon = float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError:
        return None
    country, code = cols[8] or None, cols[10] or None
    a1_name = admin1.get((country or "", code or ""))
    row = PlaceRow(int(cols[0]), cols[1], cols[6], cols[7], country, code, a1_name, cols[11] or None,
                   population, lat, lon)
    alternates = [cols[2]] + [a for a in cols[3].split(",") if a]
    return row, alternates


def _load_alternates(conn: sqlite3.Connection, stream: TextIO) -> LoadStats:
    """alternateNames rows: (id, geonameid, language, name, ...); names of entries not in the gazetteer are skipped."""
    rows = skipped = 0
    batch: list[tuple] = []
    for line in stream:
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 4 or not cols[1].isdigit() or cols[2] in _NOT_NAMES:
            skipped += 1
            continue
        batch.extend(name_rows(int(cols[1]), cols[3])[:1])
        rows += 1
        if len(batch) >= BATCH:
            _insert_known(conn, batch)
            batch = []
    _insert_known(conn, batch)
    return LoadStats("alternate names", rows, skipped)


def _insert_known(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    """Insert alternate names (kind 1) only for entries the gazetteer holds."""
    conn.executemany(
        "INSERT OR IGNORE INTO name SELECT ?, ?, ?, 1 WHERE EXISTS (SELECT 1 FROM place WHERE id = ?)",
        ((key, fkey, gid, gid) for key, fkey, gid, _ in rows))
