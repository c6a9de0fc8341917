"""Resolution rules added on top of the base ranking, each over a tiny gazetteer written here."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.normalize import name_variants
from dateline.geo.stage import PlaceStage
from test_geo_tiny import tiny_gazetteer

ROWS = [
    (101, "Lebanon", "Lebanon", "", 33.83, 35.83, "A", "PCLI", "LB", "00", 6800000),
    (102, "Lebanon", "Lebanon", "", 39.43, -84.2, "P", "PPL", "US", "OH", 20600),
    (103, "Ohio", "Ohio", "", 40.25, -82.75, "A", "ADM1", "US", "OH", 11500000),
    (104, "Readington", "Readington", "", 40.57, -74.74, "P", "PPL", "US", "NJ", 16000),
    (105, "Oxford", "Oxford", "", 51.75, -1.26, "P", "PPL", "GB", "ENG", 150000),
    (106, "Texas", "Texas", "", 31.25, -99.25, "A", "ADM1", "US", "TX", 28000000),
    (107, "Texas", "Texas", "", 41.1, -83.4, "P", "PPL", "US", "OH", 900),
]


@pytest.fixture
def stage(tmp_path):
    return PlaceStage.default(gazetteer=Gazetteer(tiny_gazetteer(tmp_path, ROWS)))


def resolve(stage, text: str, *names: str):
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return stage.resolve_spans(text, spans)


def test_a_named_division_draws_its_towns_over_famous_namesakes(stage):
    alone = resolve(stage, "Police in Lebanon said the road was closed.", "Lebanon")[0]
    assert alone.country_code == "LB"  # nothing else said: the well-known place
    text = "Police in Lebanon said the road was closed, the Ohio patrol added."
    town, state = resolve(stage, text, "Lebanon", "Ohio")
    assert (town.country_code, town.admin1, town.feature_code) == ("US", "Ohio", "PPL")
    assert "in_named" in town.reason


def test_name_variants_strip_kind_words_and_peoples():
    assert "Readington" in name_variants("Readington Township")
    assert "Groton" in name_variants("Town of Groton")
    assert "Oxford" in name_variants("Oxfordshire")
    assert name_variants("Texan")[0] == "Texas"
    assert "South Ossetia" in name_variants("South Ossetians")
    assert "Ohio" in name_variants("Ohioans")
    assert name_variants("Rome") == ()


def test_unknown_names_resolve_through_their_variants(stage):
    text = "Voters in Readington Township and Oxfordshire, and Ohioans and a Texan."
    places = resolve(stage, text, "Readington Township", "Oxfordshire", "Ohioans", "Texan")
    assert [p.name for p in places] == ["Readington", "Oxford", "Ohio", "Texas"]


def test_surnames_of_the_story_people_are_not_places(tmp_path):
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    text = "Mayor Tom Hajin spoke. Aid reached Aleppo. Later the board heard of Hajin and his plan."
    doc = make_doc(text, [("Tom Hajin", "PERSON"), ("Aleppo", "GPE")])
    stage(doc)
    assert [doc.text[p.start : p.end] for p in doc.places if p.role == "toponym"] == ["Aleppo"]
    doc = make_doc("Aid reached Hajin. Later the board heard of Hajin and Aleppo.", [("Hajin", "GPE"), ("Aleppo", "GPE")])
    stage(doc)
    assert [doc.text[p.start : p.end] for p in doc.places].count("Hajin") == 2


def test_a_name_only_an_organisation_suggests_needs_more_context(tmp_path):
    from dateline.geo.resolve import Mention, Resolver
    from test_geo_tiny import write_tiny

    resolver = Resolver(Gazetteer(write_tiny(tmp_path)))
    said = Mention(0, 5, "Hajin", loose=True, keep=True)  # "the village of Hajin"
    unsaid = Mention(0, 5, "Hajin", loose=True, keep=False)  # "the Hajin Trading Company"
    assert resolver.resolve([said], prior={"SY": 1.0})[0].entry.country == "SY"
    assert resolver.resolve([unsaid], prior={"SY": 1.0}) == [None]


def test_the_object_of_a_verb_of_taking_is_a_place(tmp_path):
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    doc = make_doc("Rebels captured Hajin and later stormed Qabr Essa, officials in Aleppo said.", [("Aleppo", "GPE")])
    stage(doc)
    found = {doc.text[p.start : p.end]: p for p in doc.places}
    assert found["Hajin"].country_code == "SY"
    assert "Qabr Essa" in found and found["Qabr Essa"].latitude is None  # kept, unresolved


def test_a_division_and_a_place_inside_it_are_one_reading_not_rivals():
    from dateline.geo.gazetteer import Entry
    from dateline.geo.resolve import _far

    country = Entry(1, "Mexico", "A", "PCLI", "MX", None, None, None, 128000000, 23.0, -102.0)
    state = Entry(2, "Mexico", "A", "ADM1", "MX", "15", "Mexico", None, 17000000, 19.4, -99.6)
    city = Entry(3, "Toluca", "P", "PPLA", "MX", "15", "Mexico", None, 900000, 19.28, -99.65)
    elsewhere = Entry(4, "Mexico", "P", "PPL", "US", "MO", "Missouri", None, 11000, 39.17, -91.88)
    assert not _far(country, state) and not _far(state, city)
    assert _far(country, elsewhere) and _far(state, elsewhere)


def test_who_holds_a_place_is_not_part_of_its_name(tmp_path):
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    doc = make_doc("Shells fell in Rebel-held Hajin near Aleppo, and in Kurdish-controlled areas.", [("Aleppo", "GPE")])
    stage(doc)
    names = [doc.text[p.start : p.end] for p in doc.places if p.role == "toponym"]
    assert "Hajin" in names and not any("-held" in n or "-controlled" in n for n in names)


def test_a_container_named_first_yields_to_the_place_inside_it(tmp_path):
    from dateline.geo.eventplace import event_place
    from dateline.model import Span
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    for text in ("A car bomb exploded in Syria's eastern Hajin on Sunday.",
                 "A car bomb exploded in Aleppo's southern enclave of Hajin on Sunday."):
        first = "Syria" if "Syria" in text else "Aleppo"
        doc = make_doc(text, [(first, "GPE"), ("Hajin", "GPE")])
        stage(doc)
        trig = text.index("exploded")
        ep = event_place(doc, Span(trig, trig + 8), doc.sentences[0])
        assert doc.text[ep.evidence.start : ep.evidence.end] == "Hajin"


def test_the_place_in_the_trigger_clause_beats_one_far_off(tmp_path):
    from dateline.geo.eventplace import event_place
    from dateline.model import Span
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    text = ("Fighting went on in Aleppo for a week, residents of the old quarter and the markets there said, "
            "and on Sunday jets bombed Hajin.")
    doc = make_doc(text, [("Aleppo", "GPE"), ("Hajin", "GPE")])
    stage(doc)
    trig = text.index("bombed")
    ep = event_place(doc, Span(trig, trig + 6), doc.sentences[0])
    assert text[ep.evidence.start : ep.evidence.end] == "Hajin"


def test_a_division_named_outright_is_not_a_namesake_town_in_another_named_division(stage):
    text = "Floods hit Ohio and Texas this week."
    ohio, texas = resolve(stage, text, "Ohio", "Texas")
    assert (texas.feature_code, texas.admin1) == ("ADM1", "Texas")


HOME_ROWS = [
    (201, "Dovra", "Dovra", "", 47.6, 34.6, "P", "PPL", "UA", "04", 45000),
    (202, "Kelin", "Kelin", "", 43.7, 24.9, "P", "PPL", "BG", "15", 20000),
    (203, "Kelin", "Kelin", "", 48.9, 37.1, "P", "PPL", "UA", "07", 8000),
    (204, "Russia", "Russia", "", 60.0, 100.0, "A", "PCLI", "RU", "00", 140000000),
]


@pytest.fixture
def home_resolver(tmp_path):
    from dateline.geo.resolve import Resolver

    return Resolver(Gazetteer(tiny_gazetteer(tmp_path, HOME_ROWS)))


def test_the_dateline_country_carries_places_the_story_names_with_the_other_side(home_resolver):
    from dateline.geo.resolve import Mention

    # "Russian forces shelled the city of Dovra ... Kelin": a report filed from Kyiv.
    mentions = [Mention(0, 5, "Dovra", loose=True), Mention(10, 15, "Kelin"),
                Mention(20, 26, "Russia")]
    prior = {"RU": 1.5}
    away = home_resolver.resolve(mentions, prior=prior)
    home = home_resolver.resolve(mentions, prior=prior, home="UA")
    # "the city of Dovra": said to be a place and the only Dovra there is, so resolved even abroad
    assert away[0].entry.country == "UA" and away[0].clear
    assert home[0].entry.country == "UA" and "home=" in home[0].reason
    assert home[1].entry.country == "UA" and "home=" in home[1].reason
    assert home[2].entry.country == "RU"  # the other side's country is still itself


def test_names_in_brackets_after_a_place_contain_it(tmp_path):
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    doc = make_doc("On Monday, gunmen killed two men in Hajin (Deir ez-Zor).", [])
    stage(doc)
    found = {doc.text[p.start : p.end]: p for p in doc.places}
    assert found["Hajin"].country_code == "SY" and found["Hajin"].latitude == 34.69
    assert found["Deir ez-Zor"].feature_code == "ADM1"


def test_a_short_organisation_with_a_comma_is_two_places(tmp_path):
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    doc = make_doc("Shells fell on Hajin, Aleppo.", [("Hajin, Aleppo", "ORG")])
    stage(doc)
    found = {doc.text[p.start : p.end]: p for p in doc.places}
    assert found["Aleppo"].country_code == "SY" and "Hajin, Aleppo" not in found


def test_a_place_said_to_be_one_with_a_single_clear_reading_resolves_without_context(home_resolver):
    from dateline.geo.resolve import Mention

    said = home_resolver.resolve([Mention(0, 5, "Dovra", loose=True, keep=True)])[0]  # "in Dovra"
    unsaid = home_resolver.resolve([Mention(0, 5, "Dovra", loose=True, keep=False)])[0]  # "Dovra Trading"
    rivals = home_resolver.resolve([Mention(0, 5, "Kelin", loose=True, keep=True)])[0]  # two Kelins
    assert said is not None and said.clear and said.entry.country == "UA"
    assert unsaid is None and rivals is None


def test_a_name_after_a_placed_name_and_a_comma_is_its_container(tmp_path):
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    doc = make_doc("Artillery hit positions at Qabr Essa, Aleppo. Casualties unknown.", [])
    stage(doc)
    found = {doc.text[p.start : p.end]: p for p in doc.places}
    assert found["Aleppo"].country_code == "SY" and found["Qabr Essa"].latitude is None


def test_a_short_organisation_does_not_veto_the_places_inside_it(tmp_path):
    from test_geo_stage import make_doc
    from test_geo_tiny import write_tiny

    stage = PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))
    doc = make_doc("Artillery hit positions at Qabr Essa, Aleppo.", [("Qabr Essa, Aleppo.", "ORG")])
    stage(doc)
    found = {doc.text[p.start : p.end]: p for p in doc.places}
    assert "Qabr Essa" in found and found["Aleppo"].country_code == "SY"


SOLE_ROWS = [
    (301, "Zittau", "Zittau", "", 50.9, 14.8, "P", "PPL", "DE", "13", 2500),
    (302, "Ukraine", "Ukraine", "", 49.0, 32.0, "A", "PCLI", "UA", "00", 44000000),
    (303, "England", "England", "", 52.16, -1.0, "A", "ADM1", "GB", "ENG", 53000000),
    (304, "United Kingdom", "United Kingdom", "England,Britain", 54.75, -2.7, "A", "PCLI", "GB", "00", 66000000),
    (305, "Seoul", "Seoul", "", 37.57, 126.98, "P", "PPLC", "KR", "11", 10000000),
    (306, "Eu", "Eu", "", 50.05, 1.42, "P", "PPL", "FR", "28", 7000),
    (307, "Benin", "Benin", "", 9.5, 2.25, "A", "PCLI", "BJ", "00", 12000000),
]


@pytest.fixture
def sole_resolver(tmp_path):
    from dateline.geo.resolve import Resolver

    return Resolver(Gazetteer(tiny_gazetteer(tmp_path, SOLE_ROWS)))


def test_a_name_no_other_place_bears_resolves_at_a_smaller_size(sole_resolver):
    from dateline.geo.resolve import Mention

    # "demonstrated in Zittau": a town of a few thousand, the only Zittau there is
    alone = sole_resolver.resolve([Mention(0, 6, "Zittau", loose=True, keep=True)])[0]
    assert alone is not None and alone.clear and alone.entry.country == "DE"
    # ... but not when the story's other places point to another country
    elsewhere = sole_resolver.resolve([Mention(0, 6, "Zittau", loose=True, keep=True), Mention(10, 17, "Ukraine")])
    assert elsewhere[0] is None


def test_a_division_of_that_very_name_beats_the_country_an_alias_names(sole_resolver):
    from dateline.geo.resolve import Mention

    england = sole_resolver.resolve([Mention(0, 7, "England")])[0]
    assert england.entry.fcode == "ADM1" and england.entry.name == "England"


def test_division_names_lose_the_generic_word_geonames_keeps():
    from dateline.geo.build import division_base

    assert division_base("Zaporizhzhya Oblast") == "Zaporizhzhya"
    assert division_base("Kabardino-Balkariya Republic") == "Kabardino-Balkariya"
    assert division_base("Region of Magallanes") == "Magallanes"
    assert division_base("Northern Province") is None  # no name left
    assert division_base("Idlib") is None


def test_a_city_and_its_district_resolve_to_the_city(sole_resolver):
    from dateline.geo.resolve import Mention, _variants

    assert _variants("Seoul City - Yongsan")[:3] == ("Seoul City", "Seoul", "Yongsan")
    found = sole_resolver.resolve([Mention(0, 20, "Seoul City - Yongsan")])[0]
    assert found.entry.name == "Seoul"


COULD_ROWS = [
    (401, "Paris", "Paris", "", 33.66, -95.56, "P", "PPL", "US", "TX", 25000),
    (402, "Paris", "Paris", "", 36.3, -88.33, "P", "PPL", "US", "TN", 10000),
    (403, "Henry County", "Henry County", "", 36.33, -88.3, "A", "ADM2", "US", "TN", 32000),
    (404, "Henry County", "Henry County", "", 36.68, -79.87, "A", "ADM2", "US", "VA", 50000),
]


def test_a_reading_in_a_state_the_other_names_could_share_wins(tmp_path):
    from dateline.geo.resolve import Mention, Resolver

    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, COULD_ROWS)))
    alone = resolver.resolve([Mention(0, 5, "Paris")])[0]
    paired = resolver.resolve([Mention(0, 5, "Paris"), Mention(20, 32, "Henry County")])
    assert alone.entry.admin1 == "TX"  # the larger Paris when nothing else is named
    assert paired[0].entry.admin1 == "TN" and "could=" in paired[0].reason  # no Henry County in Texas
    assert paired[1].entry.admin1 == "TN"


def test_an_acronym_is_not_a_town_written_in_lower_case(sole_resolver):
    from dateline.geo.resolve import Mention

    assert sole_resolver.candidates(Mention(0, 2, "EU")) == ()  # the Union, not the town of Eu
    assert [e.name for e in sole_resolver.candidates(Mention(0, 2, "Eu"))] == ["Eu"]


def test_a_country_is_not_a_village_spelt_two_letters_away(sole_resolver):
    from dateline.geo.resolve import Mention

    assert sole_resolver.candidates(Mention(0, 5, "Banin")) == ()  # "Banin town in Idleb countryside"
    assert [e.name for e in sole_resolver.candidates(Mention(0, 6, "Beninn"))] == ["Benin"]  # a typo


HOLDER_ROWS = [
    (501, "Donetsk", "Donetsk", "", 48.0, 37.8, "P", "PPLA", "UA", "05", 900000),
    (502, "Donetsk", "Donetsk", "", 48.1, 37.6, "A", "ADM1", "UA", "05", 4100000),
    (503, "Donetsk", "Donetsk", "", 48.35, 39.95, "P", "PPL", "RU", "61", 50000),
]


def test_a_name_another_lies_in_is_read_as_a_division(tmp_path):
    from dateline.geo.resolve import Mention, Resolver

    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, HOLDER_ROWS)))
    # "Russian forces shelled the village of Novohnativka, Donetsk": the oblast, not Russia's Donetsk
    mentions = [Mention(0, 12, "Novohnativka", container=1), Mention(14, 21, "Donetsk")]
    found = resolver.resolve(mentions, prior={"RU": 0.5})[1]
    assert (found.entry.country, found.entry.fcode) == ("UA", "ADM1") and "holds=" in found.reason


COUNTY_ROWS = [
    (601, "Hamilton", "Hamilton", "", 40.4, -85.9, "P", "PPL", "US", "IN", 20000),
    (602, "Hamilton County", "Hamilton County", "", 40.07, -86.05, "A", "ADM2", "US", "IN", 340000),
    (603, "Boone County", "Boone County", "", 40.05, -86.47, "A", "ADM2", "US", "IN", 67000),
]


def test_a_bare_name_among_named_counties_is_a_county(tmp_path):
    from dateline.geo.resolve import Mention, Resolver

    resolver = Resolver(Gazetteer(tiny_gazetteer(tmp_path, COUNTY_ROWS)))
    # "neighboring counties and their rates include: Hamilton, 6 percent; ... Boone County"
    alone = resolver.resolve([Mention(0, 8, "Hamilton")])[0]
    listed = resolver.resolve([Mention(0, 8, "Hamilton"), Mention(30, 42, "Boone County")])[0]
    assert alone.entry.fcode == "PPL"
    assert listed.entry.fcode == "ADM2" and "county=" in listed.reason


LONE_ROWS = [
    (401, "Jena", "Jena", "", 50.93, 11.59, "P", "PPL", "DE", "15", 104712),
    (402, "Jena", "Jena", "", 19.65, 85.93, "P", "PPL", "IN", "21", 8143),
    (403, "Lourdes", "Lourdes", "", 43.09, -0.05, "P", "PPL", "FR", "76", 15786),
    (404, "Lourdes", "Lourdes", "", 10.2, 123.9, "P", "PPL", "PH", "07", 11155),
    (405, "Zaporizhzhia", "Zaporizhzhia", "", 47.82, 35.19, "P", "PPL", "UA", "26", 710052),
    (406, "Dhi Qar", "Dhi Qar", "", 31.1, 46.2, "A", "ADM1", "IQ", "09", 872126),
    (408, "South Kivu", "South Kivu", "", -3.0, 28.0, "A", "ADM1", "CD", "12", 5000000),
]


@pytest.fixture
def lone_resolver(tmp_path):
    from dateline.geo.resolve import Resolver

    return Resolver(Gazetteer(tiny_gazetteer(tmp_path, LONE_ROWS)))


def test_a_town_ten_times_its_namesakes_leads_clearly(lone_resolver):
    from dateline.geo.resolve import DOMINANT_LEAD, Mention

    # "demonstrated in Jena": the German city of 100,000, not the Indian town of 8,000
    jena = lone_resolver.resolve([Mention(0, 4, "Jena", hint="settlement")])[0]
    assert jena.entry.country == "DE" and jena.margin >= DOMINANT_LEAD
    # ... but two towns of a size stay a coin toss
    lourdes = lone_resolver.resolve([Mention(0, 7, "Lourdes", hint="settlement")])[0]
    assert lourdes.margin < DOMINANT_LEAD


def test_spelling_variants_swap_one_transliteration_habit():
    from dateline.geo.normalize import spelling_variants

    assert "Zaporizhzhia" in spelling_variants("Zaporizhia")
    assert "Zaporizhia" in spelling_variants("Zaporizhzhia")
    assert "Dhi Qar" in spelling_variants("Thi Qar")
    assert "South Kivu" in spelling_variants("Sud-Kivu")
    assert spelling_variants("Sergele") == ()  # "Sergeli" is another place
    assert spelling_variants("Kabul") == ()


def test_unknown_spellings_resolve_through_their_variants(lone_resolver):
    from dateline.geo.resolve import Mention

    zap, thi = lone_resolver.resolve([Mention(0, 10, "Zaporizhia"), Mention(20, 27, "Thi Qar")])
    assert zap.entry.geonameid == 405 and thi.entry.geonameid == 406


def test_a_french_compass_prefix_is_looked_up_in_english(lone_resolver):
    from dateline.geo.resolve import Mention

    kivu = lone_resolver.resolve([Mention(0, 8, "Sud-Kivu")])[0]
    assert kivu.entry.geonameid == 408
