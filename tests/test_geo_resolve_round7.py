"""Session 4, round 7 of resolution given the spans (GEO-GOLD). Each rule over a tiny gazetteer
written here (GeoNames' own format, loaded by the real loader)."""

from __future__ import annotations

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.nearby import Nearby
from dateline.geo.resolve import Mention, Resolver
from test_geo_tiny import tiny_gazetteer

# Two towns of one name in two states, each state with a county of one name: only in Texas do the
# town and the county lie together (the Tennessee county is 380 km from the Tennessee town).
TOGETHER = [
    (1, "Athens", "Athens", "", 35.44, -84.59, "P", "PPL", "US", "TN", 14000),
    (2, "Athens", "Athens", "", 32.20, -95.86, "P", "PPL", "US", "TX", 13000),
    (3, "Henderson County", "Henderson County", "", 35.59, -88.35, "A", "ADM2", "US", "TN", 0),
    (4, "Henderson County", "Henderson County", "", 32.22, -95.85, "A", "ADM2", "US", "TX", 0),
    (5, "Mexico City", "Mexico City", "Mexico", 19.43, -99.13, "P", "PPLC", "MX", "09", 12000000),
    (6, "Mexico", "Mexico", "", 23.0, -102.0, "A", "PCLI", "MX", "00", 120000000),
]


def test_a_town_and_a_county_that_lie_together_pick_each_other(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, TOGETHER)))
    town, county = resolver.resolve([Mention(0, 6, "Athens"), Mention(20, 36, "Henderson County", hint="division")])
    assert (town.entry.admin1, county.entry.admin1) == ("TX", "TX")
    assert "together=" in town.reason
    alone = resolver.resolve([Mention(0, 6, "Athens")])[0]
    assert alone.entry.admin1 == "TN"  # alone, the larger town


def test_one_place_read_by_two_names_does_not_vouch_for_itself(tmp_path):
    gazetteer = Gazetteer(tiny_gazetteer(tmp_path, TOGETHER))
    keys = ["mexico", "mexico city"]
    cands = [gazetteer.candidates("Mexico"), gazetteer.candidates("Mexico City")]
    city = next(e for e in cands[0] if e.name == "Mexico City")
    assert Nearby(keys, cands, km=30.0).share(city, "mexico") == 0.0
    county = next(e for e in gazetteer.candidates("Henderson County") if e.admin1 == "TX")
    near = Nearby(["athens", "henderson county"], [gazetteer.candidates("Athens"), [county]], km=30.0)
    assert [near.share(e, "athens") for e in gazetteer.candidates("Athens")] == [0.0, 1.0]


# GeoNames knows one Mount Pleasant also as "Mt. Pleasant", the other only by its whole name.
ABBREVIATED = [
    (11, "Mount Pleasant", "Mount Pleasant", "Mt. Pleasant", 32.79, -79.86, "P", "PPL", "US", "SC", 81000),
    (12, "Mount Pleasant", "Mount Pleasant", "", 40.96, -91.55, "P", "PPL", "US", "IA", 8400),
    (13, "Iowa City", "Iowa City", "", 41.66, -91.53, "P", "PPL", "US", "IA", 75000),
]


def test_an_abbreviated_word_of_a_name_is_also_looked_up_written_out(tmp_path):
    from dateline.geo.normalize import expanded_abbreviations

    assert expanded_abbreviations("Mt. Pleasant") == ("Mount Pleasant",)
    assert expanded_abbreviations("W. Columbia") == ("West Columbia",)
    assert expanded_abbreviations("S.C.") == () and expanded_abbreviations("Mountain View") == ()
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, ABBREVIATED)))
    found = resolver.candidates(Mention(0, 12, "Mt. Pleasant"))
    assert sorted(e.admin1 for e in found) == ["IA", "SC"]
    assert all(e.kind == 0 for e in found if e.admin1 == "IA")  # its own name, written out
    story = resolver.resolve([Mention(0, 12, "Mt. Pleasant"), Mention(30, 39, "Iowa City")])
    assert story[0].entry.admin1 == "IA"


FOCUS = [
    (21, "Pittsburgh", "Pittsburgh", "", 40.44, -80.0, "P", "PPL", "US", "PA", 300000),
    (22, "Harrisburg", "Harrisburg", "", 40.27, -76.88, "P", "PPLA", "US", "PA", 49000),
    (23, "Pennsylvania", "Pennsylvania", "", 40.9, -77.8, "A", "ADM1", "US", "PA", 12700000),
    (24, "Europe", "Europe", "", 48.69, 9.14, "L", "CONT", "", "", 741000000),
]


def test_a_given_place_the_gazetteer_lacks_lies_at_the_story_s_most_named_town(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, FOCUS)))
    story = [Mention(0, 10, "Harrisburg"), Mention(20, 33, "Squirrel Hill"), Mention(40, 50, "Pittsburgh"),
             Mention(60, 70, "Pittsburgh"), Mention(80, 92, "Pennsylvania")]
    plain = resolver.resolve(story)
    assert plain[1] is None  # resolution proper reads nothing
    given = resolver.resolve_given(story)
    hill = given[1]
    assert (hill.lat, hill.lon) == (40.44, -80.0) and hill.entry.admin1 == "PA"  # Pittsburgh, named twice
    assert hill.entry.name == "Squirrel Hill" and hill.entry.geonameid >= 900_000_000
    assert hill.score == 0.0 and hill.margin == 0.0 and "story focus" in hill.reason
    assert given[0].entry.name == "Harrisburg"  # the readings themselves are as before


def test_a_story_s_focus_is_its_finest_named_tier(tmp_path):
    from dateline.geo.focus import story_focus

    gazetteer = Gazetteer(tiny_gazetteer(tmp_path, FOCUS))
    state, = gazetteer.candidates("Pennsylvania")
    europe, = gazetteer.candidates("Europe")
    town, = gazetteer.candidates("Harrisburg")
    assert story_focus([state, None, state]) is state  # no town: the division
    assert story_focus([state, town, state]) is town
    assert story_focus([europe, None]) is None  # a continent places no village
    resolver = Resolver(gazetteer)
    assert resolver.resolve_given([Mention(0, 6, "Europe"), Mention(10, 20, "Nowhere")])[1] is None


STRAY = [
    (31, "Springfield", "Springfield", "", 37.21, -93.29, "P", "PPL", "US", "MO", 160000),
    (32, "Rogersville", "Rogersville", "", 37.12, -93.06, "P", "PPL", "US", "MO", 3000),
    (33, "Greene County", "Greene County", "", 37.26, -93.34, "A", "ADM2", "US", "MO", 0),
    (34, "Logan", "Logan", "", 40.53, -78.40, "P", "PPL", "US", "PA", 5000),
    (35, "Chicago", "Chicago", "", 41.85, -87.65, "P", "PPL", "US", "IL", 2700000),
]


def test_a_village_read_far_from_a_local_story_is_estimated_at_its_focus(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, STRAY)))
    story = [Mention(0, 11, "Springfield"), Mention(20, 31, "Rogersville"), Mention(40, 53, "Greene County"),
             Mention(60, 65, "Logan"), Mention(70, 77, "Chicago"), Mention(80, 91, "Springfield")]
    assert resolver.resolve(story)[3].entry.admin1 == "PA"  # resolution proper: the only Logan there is
    given = resolver.resolve_given(story)
    assert (given[3].lat, given[3].entry.admin1) == (37.21, "MO") and "far from the story" in given[3].reason
    assert given[4].entry.name == "Chicago"  # a city that far is what a local paper means
    # two names alone are no local story to measure a stray by
    pair = resolver.resolve_given([Mention(0, 11, "Springfield"), Mention(20, 25, "Logan")])
    assert pair[1].entry.admin1 == "PA"


DEMONYM = [
    (41, "German", "German", "", 54.2, -4.6, "A", "ADM1", "IM", "05", 6000),
    (42, "Germany", "Germany", "", 51.5, 10.5, "A", "PCLI", "DE", "00", 82000000),
    (43, "England", "England", "", 52.16, -1.5, "A", "ADM1", "GB", "ENG", 53000000),
    (44, "United Kingdom", "United Kingdom", "England", 54.0, -2.0, "A", "PCLI", "GB", "00", 66000000),
]


def test_a_demonym_is_its_country_even_where_a_division_bears_it_as_its_name(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, DEMONYM)))
    assert resolver.candidates(Mention(0, 6, "German"))[0].name == "Germany"
    assert resolver.candidates(Mention(0, 7, "England"))[0].name == "England"  # a country's alias: the division


def test_readings_either_side_of_a_grid_line_are_near(tmp_path):
    from dateline.geo.schema import Entry

    def town(gid, lat, lon):
        return Entry(gid, f"T{gid}", "P", "PPL", "NO", "01", None, None, 1000, lat, lon)

    north, south, far = town(1, 60.05, 10.99), town(2, 59.95, 11.01), town(3, 62.0, 11.0)
    near = Nearby(["a", "b", "c"], [[north], [south], [far]], km=30.0)
    assert near.share(north, "a") == 0.5  # the town across the degree line, not the one 220 km north
    assert near.share(far, "c") == 0.0


HOLDERS = FOCUS + [
    (51, "Oslo", "Oslo", "", 59.91, 10.75, "A", "ADM1", "NO", "12", 700000),
    (52, "Ohio", "Ohio", "", 40.3, -82.8, "A", "ADM1", "US", "OH", 11600000),
]


def test_an_unknown_place_said_to_lie_in_a_division_abroad_is_estimated_there(tmp_path):
    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, HOLDERS)))
    story = [Mention(0, 10, "Pittsburgh"), Mention(20, 30, "Pittsburgh"), Mention(40, 48, "Akershus", container=3),
             Mention(50, 54, "Oslo"), Mention(60, 69, "Nowhereton", container=5), Mention(71, 75, "Ohio")]
    given = resolver.resolve_given(story)
    assert (given[2].lat, given[2].entry.country) == (59.91, "NO")  # "Akershus, Oslo": in Norway, not at Pittsburgh
    assert given[4].lat == 40.44  # "Nowhereton, Ohio": the story's own town is nearer than the state's middle
