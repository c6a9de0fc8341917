"""A tiny gazetteer written by the tests in GeoNames' own formats, and tests of the dump loader."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dateline.errors import GazetteerError
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.loader import create_empty, load, parse_geonames_line

# geonameid name ascii alternates lat lon fclass fcode cc cc2 admin1 admin2 admin3 admin4 pop elev dem tz date
ROWS = [
    (1, "Alexandria", "Alexandria", "Al Iskandariyah", 31.2, 29.92, "P", "PPLA", "EG", "06", 5000000),
    (2, "Alexandria", "Alexandria", "", 31.31, -92.45, "P", "PPL", "US", "LA", 48000),
    (3, "Louisiana", "Louisiana", "", 31.0, -92.0, "A", "ADM1", "US", "LA", 4600000),
    (4, "Egypt", "Egypt", "Misr", 27.0, 30.0, "A", "PCLI", "EG", "00", 98000000),
    (5, "United States", "United States", "USA,America", 39.76, -98.5, "A", "PCLI", "US", "00", 327000000),
    (6, "Hajin", "Hajin", "Hajeen", 34.69, 40.83, "P", "PPL", "SY", "07", 37000),
    (7, "Deir ez-Zor", "Deir ez-Zor", "Dayr az Zawr,Deir Ezzor", 35.03, 40.1, "A", "ADM1", "SY", "07", 1200000),
    (8, "Syria", "Syria", "", 35.0, 38.0, "A", "PCLI", "SY", "00", 17000000),
    (9, "Hajin", "Hajin", "", 36.0, 35.0, "P", "PPL", "TR", "01", 900),
    (10, "Baghuz Fawqani", "Baghuz Fawqani", "Baghouz,Al Baghuz", 34.45, 40.93, "P", "PPL", "SY", "07", 10000),
    (11, "Beirut", "Beirut", "Bayrut", 33.89, 35.5, "P", "PPLC", "LB", "04", 1900000),
    (12, "Lebanon", "Lebanon", "", 33.83, 35.83, "A", "PCLI", "LB", "00", 6800000),
    (13, "Aleppo", "Aleppo", "Halab", 36.2, 37.16, "P", "PPLA", "SY", "09", 2000000),
]


def geonames_line(row) -> str:
    gid, name, ascii_, alts, lat, lon, fclass, fcode, cc, a1, pop = row
    cols = [str(gid), name, ascii_, alts, str(lat), str(lon), fclass, fcode, cc, "", a1, "", "", "", str(pop),
            "", "0", "UTC", "2020-01-01"]
    assert len(cols) == 19
    return "\t".join(cols) + "\n"


def tiny_gazetteer(tmp_path: Path, rows: list[tuple]) -> Path:
    """A gazetteer holding only ``rows``, loaded from a GeoNames-format file as a user's dump would be."""
    dump = tmp_path / "XX.txt"
    dump.write_text("".join(geonames_line(r) for r in rows), encoding="utf-8")
    path = tmp_path / "gaz.sqlite"
    create_empty(path)
    load(path, dump)
    return path


def write_tiny(tmp_path, *, zipped: bool = False):
    """A gazetteer file with :data:`ROWS` loaded through the real loader; returns its path."""
    dump = tmp_path / "XX.txt"
    dump.write_text("".join(geonames_line(r) for r in ROWS), encoding="utf-8")
    if zipped:
        archive = tmp_path / "XX.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            zf.write(dump, "XX.txt")
        dump = archive
    path = tmp_path / "gaz.sqlite"
    create_empty(path)
    load(path, dump)
    return path


@pytest.fixture
def tiny(tmp_path):
    gaz = Gazetteer(write_tiny(tmp_path))
    yield gaz
    gaz.close()


def test_loader_reads_zip_and_finds_by_name_and_alternate(tmp_path):
    gaz = Gazetteer(write_tiny(tmp_path, zipped=True))
    assert {e.country for e in gaz.candidates("Alexandria")} == {"EG", "US"}
    assert [e.geonameid for e in gaz.candidates("Halab")] == [13]
    assert gaz.candidates("Alexandria")[0].population == 5000000  # most populous first
    assert gaz.candidates("nowhere at all") == ()


def test_transliteration_variants_match_loosely(tiny):
    assert [e.geonameid for e in tiny.candidates("Baghouz")] == [10]
    assert [e.geonameid for e in tiny.candidates("Baghuz")] == [10]  # no exact name: loose key
    assert tiny.candidates("Baghuz")[0].kind == 3


def test_division_and_admin1_names(tiny):
    assert tiny.division("SY", "07").name == "Deir ez-Zor"
    assert tiny.division("SY", None).name == "Syria"
    hajin = [e for e in tiny.candidates("Hajin") if e.country == "SY"][0]
    assert hajin.admin1_name == "Deir ez-Zor"  # from the bundled admin1 table


def test_alternate_names_file_adds_names_of_known_entries_only(tmp_path, tiny):
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("100\t6\tar\tHajjin\t\t\t\t\t\t\n101\t999\ten\tNowhere\t\t\t\t\t\t\n102\t6\tlink\thttp://x\t\t\t\t\t\t\n")
    stats = load(tiny.path, alt)
    assert (stats.rows, stats.skipped) == (2, 1)
    fresh = Gazetteer(tiny.path)
    assert [e.geonameid for e in fresh.candidates("Hajjin")] == [6]
    assert fresh.candidates("Nowhere") == ()


def test_bad_lines_are_skipped_and_bad_files_raise(tmp_path):
    assert parse_geonames_line("not\ta\trow\n", {}) is None
    assert parse_geonames_line(geonames_line(ROWS[0]).replace("31.2", "north"), {}) is None
    with pytest.raises(GazetteerError):
        load(tmp_path / "missing.sqlite", tmp_path / "x.txt")
    with pytest.raises(GazetteerError):
        Gazetteer(tmp_path / "nothing.sqlite")


def test_older_gazetteer_gains_the_country_index_on_open(tmp_path):
    import sqlite3

    path = write_tiny(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX place_country")
    gaz = Gazetteer(path)
    plan = " ".join(str(r) for r in gaz._conn.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM place WHERE country = 'SY' AND fcode >= 'PCL' AND fcode < 'PCM'"))
    assert "place_country" in plan
    assert gaz.division("SY", None).name == "Syria"
    gaz.close()


def test_read_only_older_gazetteer_still_opens(tmp_path):
    import os
    import sqlite3

    path = write_tiny(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP INDEX place_country")
    os.chmod(path, 0o444)
    try:
        gaz = Gazetteer(path)
        assert gaz.division("EG", None).name == "Egypt"
        gaz.close()
    finally:
        os.chmod(path, 0o644)


def test_a_division_spelt_another_way_joins_a_city_found_by_an_alternate(tmp_path):
    rows = [(21, "Al Hasakah", "Al Hasakah", "Al Hasakeh", 36.5, 40.75, "P", "PPLA", "SY", "01", 400000),
            (22, "Al-Hasakah", "Al-Hasakah", "", 36.4, 40.9, "A", "ADM1", "SY", "01", 1500000)]
    gaz = Gazetteer(tiny_gazetteer(tmp_path, rows))
    found = {e.geonameid: e.kind for e in gaz.candidates("Al Hasakeh")}
    gaz.close()
    assert found == {21: 1, 22: 3}  # the city by its alternate, the governorate by its loose key
