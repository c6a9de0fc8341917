"""Session 3, round 6 of resolution (LGL-RES): counties with positions of their own, and the
gazetteer's version. Each rule over a tiny gazetteer or fake data written here."""

from __future__ import annotations

import sqlite3
import sys
import types

import pytest

from dateline.errors import GazetteerError
from dateline.geo.gazetteer import Gazetteer, file_version
from dateline.geo.resolve import Mention, Resolver
from dateline.geo.schema import SCHEMA_VERSION
from test_geo_tiny import tiny_gazetteer


def _zip(state, county, lat, lon, kind="STANDARD", country="US"):
    return {"state": state, "county": county, "lat": str(lat), "long": str(lon), "zip_code_type": kind,
            "country": country}


@pytest.fixture
def fake_zipcodes(monkeypatch):
    rows = [_zip("IN", "Boone County", 40.0, -86.4), _zip("IN", "Boone County", 40.2, -86.6),
            _zip("IN", "Boone County", 10.0, 10.0, kind="MILITARY"),  # an APO address, not in the county
            _zip("MO", "Boone County", 38.95, -92.33), _zip("AE", "", 50.0, 8.0, country="DE")]
    by_state = lambda state: [z for z in rows if z["state"] == state]  # noqa: E731
    monkeypatch.setitem(sys.modules, "zipcodes", types.SimpleNamespace(filter_by_state=by_state))


def test_a_county_lies_at_the_mean_of_its_zip_codes(fake_zipcodes):
    from dateline.geo.build import county_positions

    positions = county_positions(["IN", "MO", "AE", "IN"])
    assert positions[("IN", "boone county")] == (40.1, -86.5)
    assert positions[("MO", "boone county")] == (38.95, -92.33)
    assert len(positions) == 2  # military and foreign addresses place no county


def test_the_default_build_gives_us_counties_their_position(fake_zipcodes):
    from dateline.geo.build import _county_rows

    rows = {row.name + " " + row.admin1: row for row, _ in _county_rows({})}
    assert (rows["Boone County IN"].lat, rows["Boone County IN"].lon) == (40.1, -86.5)
    assert rows["Boone County KY"].lat is None  # no ZIP code named it: the resolver places it


def test_without_the_zipcodes_package_counties_have_no_position(monkeypatch):
    from dateline.geo.build import county_positions

    monkeypatch.setitem(sys.modules, "zipcodes", None)  # import fails
    assert county_positions(["IN"]) == {}


def test_a_gazetteer_of_another_version_is_to_be_rebuilt(tmp_path):
    path = tiny_gazetteer(tmp_path, [(1, "Lebanon", "Lebanon", "", 39.43, -84.2, "P", "PPL", "US", "OH", 20600)])
    assert file_version(path) == SCHEMA_VERSION and Gazetteer.exists(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value='0' WHERE key='schema'")
    assert not Gazetteer.exists(path)
    with pytest.raises(GazetteerError):
        Gazetteer.open(path, build=False)
    assert file_version(tmp_path / "absent.sqlite") is None


# Two counties of one name in two states, with positions, and a town of the story across the state
# line from one of them: only nearness tells them apart (neither lies in the town's state).
COUNTIES = [
    (1, "Boone County", "Boone County", "", 38.97, -84.73, "A", "ADM2", "US", "KY", 0),
    (2, "Boone County", "Boone County", "", 38.99, -92.31, "A", "ADM2", "US", "MO", 0),
    (3, "Cincinnati", "Cincinnati", "", 39.1, -84.51, "P", "PPL", "US", "OH", 300000),
]


def test_a_county_near_the_story_s_towns_is_the_one_meant(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, COUNTIES)))
    found = resolver.resolve([Mention(0, 12, "Boone County", hint="division"), Mention(20, 30, "Cincinnati")])
    assert found[0].entry.admin1 == "KY" and "near=+1.50" in found[0].reason
    assert found[0].margin >= 1.5


def _town(gid, country, population, admin1="01"):
    from dateline.geo.schema import Entry

    return Entry(gid, "Cambridge", "P", "PPL", country, admin1, None, None, population, 0.0, float(gid))


def test_a_country_s_first_vote_does_not_grow_with_its_namesakes():
    from dateline.geo.resolve import _soft_votes

    # five small American towns of the name and one English city of 120,000
    found = [_town(n, "US", 1000, admin1=str(n)) for n in range(1, 6)] + [_town(9, "GB", 120000)]
    ctx = _soft_votes(["cambridge", "other"], [found, []], {})
    assert ctx.country_share("GB", "other") > ctx.country_share("US", "other")


TOWNS = [
    (11, "Omaha", "Omaha", "", 41.26, -95.94, "P", "PPL", "US", "NE", 400000),
    (12, "Nato", "Nato", "", 13.6, 123.5, "P", "PPL", "PH", "05", 5583),
    (13, "Los Angeles", "Los Angeles", "L.A.,LA", 34.05, -118.24, "P", "PPL", "US", "CA", 3900000),
    (14, "Saint Petersburg", "Saint Petersburg", "St. Petersburg", 59.94, 30.31, "P", "PPLA", "RU", "66", 5000000),
]


def test_a_town_s_name_in_capitals_is_the_town_but_initials_are_not(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, TOWNS)))
    assert [e.name for e in resolver.candidates(Mention(0, 5, "OMAHA"))] == ["Omaha"]
    assert resolver.candidates(Mention(0, 4, "NATO")) == ()  # a village of 5,000 is not what "NATO" means
    assert [e.name for e in resolver.candidates(Mention(0, 4, "L.A."))] == ["Los Angeles"]
    assert resolver.candidates(Mention(0, 2, "LA")) == ()  # bare capitals: initials of anything


def test_a_possessive_left_on_a_name_is_looked_up_without_it(tmp_path):
    from dateline.geo.normalize import name_variants

    assert name_variants("St. Petersburg\u2019s")[0] == "St. Petersburg"
    assert name_variants("Texas'")[0] == "Texas"
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, TOWNS)))
    assert resolver.resolve([Mention(0, 16, "St. Petersburg's")])[0].entry.country == "RU"


COUNTRIES = [
    (21, "Honduras", "Honduras", "", 15.0, -86.5, "A", "PCLI", "HN", "00", 9000000),
    (22, "El Salvador", "El Salvador", "", 13.83, -88.92, "A", "PCLI", "SV", "00", 6400000),
]


def test_a_country_said_to_lie_in_another_country_is_one_of_a_list(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, COUNTRIES)))
    # "12 countries, including Honduras, El Salvador": the comma reads like "X, Y" (X in Y)
    found = resolver.resolve([Mention(0, 8, "Honduras", container=1), Mention(10, 21, "El Salvador")])
    assert found[0].entry.country == "HN" and "within" not in found[0].reason
    assert found[0].score >= 6.0


def test_a_part_s_people_name_the_part_before_the_fallback_does(tmp_path):
    rows = [(31, "South Ossetia", "South Ossetia", "", 42.33, 44.0, "A", "ADM1", "GE", "XX", 50000),
            (32, "North Ossetia", "North Ossetia", "", 43.0, 44.5, "A", "ADM1", "RU", "68", 700000)]
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, rows)))
    # "South Ossetian militias": the finder's fallback is "Ossetian", which names nothing
    found = resolver.resolve([Mention(0, 14, "South Ossetian", fallback="Ossetian")])[0]
    assert found.entry.name == "South Ossetia"


BESIDE_ROWS = [
    (41, "Gaza", "Gaza", "", 31.5, 34.47, "P", "PPL", "PS", "GZ", 410000),
    (42, "Gaza", "Gaza", "", -23.7, 32.8, "A", "ADM1", "MZ", "02", 385000),
    (43, "Israel", "Israel", "", 31.5, 34.75, "A", "PCLI", "IL", "00", 8000000),
]


def test_a_place_beside_a_country_the_story_names_beats_a_namesake_far_away(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, BESIDE_ROWS)))
    alone = resolver.resolve([Mention(0, 4, "Gaza")])[0]
    assert alone.entry.country == "MZ"  # a province of as many people, and nothing else said
    found = resolver.resolve([Mention(0, 4, "Gaza"), Mention(20, 26, "Israel")])
    assert found[0].entry.country == "PS" and "beside=+1.00" in found[0].reason


COHERENT = [
    (51, "Paris", "Paris", "", 33.66, -95.56, "P", "PPL", "US", "TX", 1000000),
    (52, "Paris", "Paris", "", 36.3, -88.33, "P", "PPL", "US", "TN", 10000),
    (53, "Henry County", "Henry County", "", 36.33, -88.3, "A", "ADM2", "US", "TN", 0),
    (54, "Henry County", "Henry County", "", 39.93, -85.4, "A", "ADM2", "US", "IN", 0),
    (55, "Dover", "Dover", "", 36.49, -87.84, "P", "PPL", "US", "TN", 1400),
    (56, "Dover", "Dover", "", 39.16, -75.52, "P", "PPL", "US", "DE", 38000),
]


def test_the_division_every_other_name_could_lie_in_weighs_two_points(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, COHERENT)))
    found = resolver.resolve([Mention(0, 5, "Paris"), Mention(10, 22, "Henry County"), Mention(30, 35, "Dover")])
    assert found[0].entry.admin1 == "TN" and "could=+2.00" in found[0].reason


def test_an_english_county_looked_up_as_its_town_is_the_english_town(tmp_path):
    rows = [(61, "Cambridge", "Cambridge", "", 42.37, -71.11, "P", "PPL", "US", "MA", 105000),
            (62, "Cambridge", "Cambridge", "", 52.2, 0.12, "P", "PPL", "GB", "ENG", 120000),
            (63, "Boston", "Boston", "", 42.36, -71.06, "P", "PPL", "US", "MA", 600000)]
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, rows)))
    # a story also naming Boston still means England by "Cambridgeshire"
    found = resolver.resolve([Mention(0, 14, "Cambridgeshire"), Mention(20, 26, "Boston")])
    assert found[0].entry.country == "GB"
    assert resolver.resolve([Mention(0, 9, "Cambridge"), Mention(20, 26, "Boston")])[0].entry.country == "US"


def test_a_people_s_name_is_its_land_less_ia(tmp_path):
    from dateline.geo.normalize import name_variants

    assert "Abkhazia" in name_variants("Abkhaz")
    rows = [(71, "Abkhazia", "Abkhazia", "", 43.0, 41.0, "A", "ADM1", "GE", "02", 240000)]
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, rows)))
    assert resolver.resolve([Mention(0, 6, "Abkhaz")])[0].entry.name == "Abkhazia"
    assert resolver.candidates(Mention(0, 5, "Abkha")) == ()  # only a whole name and "-ia" match


def test_a_country_s_official_long_name_is_the_country():
    from dateline.geo.countries import country_code

    assert country_code("People's Republic of China") == "CN"
    assert country_code("the Islamic Republic of Iran") == "IR"
    assert country_code("Republic of China") == "TW"  # not the People's Republic


def test_a_loose_find_resolves_alone_as_a_town_of_a_hundred_thousand(tmp_path):
    rows = [(81, "Joliet", "Joliet", "", 41.53, -88.08, "P", "PPL", "US", "IL", 100000),
            (82, "Kankakee", "Kankakee", "", 41.12, -87.86, "P", "PPL", "US", "IL", 50000)]
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, rows)))
    # "the Joliet Police said": found inside an organisation's name, with nothing else to vouch for it
    assert resolver.resolve([Mention(4, 10, "Joliet", loose=True, keep=False)])[0].entry.name == "Joliet"
    assert resolver.resolve([Mention(4, 12, "Kankakee", loose=True, keep=False)])[0] is None
