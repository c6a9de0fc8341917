"""Finding toponyms, round 6: names joined by "of"/"and", "X, Division" pairs the NER missed, regions
named by a compass word, lists of initials, saints' possessives (tiny gazetteer, no spaCy)."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.stage import PlaceStage
from dateline.geo.toponyms import find_spans, trim
from dateline.model import Entity
from test_geo_stage import make_doc, places_by_text
from test_geo_tiny import tiny_gazetteer

ROWS = [
    (1, "Port of Spain", "Port of Spain", "", 10.67, -61.52, "P", "PPLC", "TT", "05", 49000),
    (2, "Spain", "Spain", "", 40.0, -4.0, "A", "PCLI", "ES", "00", 46000000),
    (3, "Newfoundland and Labrador", "Newfoundland and Labrador", "", 52.0, -56.0, "A", "ADM1", "CA", "05", 560000),
    (4, "St. John's", "St. John's", "", 47.56, -52.71, "P", "PPL", "CA", "05", 110000),
    (5, "Saint John", "Saint John", "St John", 49.25, -2.13, "A", "ADM1", "JE", "09", 2800),
    (6, "Kharkiv", "Kharkiv", "", 49.5, 36.5, "A", "ADM1", "UA", "07", 3000000),
    (7, "Nord", "Nord", "", 19.6, -72.3, "A", "ADM1", "HT", "09", 260000),
    (8, "Moroto", "Moroto", "", 2.53, 34.67, "P", "PPLA", "UG", "C", 14000),
    (9, "Northern", "Northern", "", 9.5, -1.0, "A", "ADM1", "GH", "06", 600000),
    (10, "Tamale", "Tamale", "", 9.4, -0.85, "P", "PPLA", "GH", "06", 360000),
    (11, "Uganda", "Uganda", "", 1.25, 32.5, "A", "PCLI", "UG", "00", 40000000),
    (12, "Poznan", "Poznan", "", 52.4, 16.9, "P", "PPLA", "PL", "86", 536000),
    (13, "Poznan", "Poznan", "", 50.6, 26.0, "P", "PPL", "UA", "19", 1400),
    (14, "Ukraine", "Ukraine", "", 49.0, 32.0, "A", "PCLI", "UA", "00", 44000000),
    (15, "Shan", "Shan", "", 21.5, 98.0, "A", "ADM1", "MM", "17", 1600000),
    (16, "Masis", "Masis", "", 40.07, 44.43, "P", "PPL", "AM", "08", 18000),
    (17, "Nord Kivu", "Nord Kivu", "Nord-Kivu", -0.8, 29.0, "A", "ADM1", "CD", "19", 1400000),
]


@pytest.fixture(scope="module")
def stage(tmp_path_factory):
    path = tiny_gazetteer(tmp_path_factory.mktemp("round6"), ROWS)
    return PlaceStage.default(gazetteer=Gazetteer(path))


def test_a_country_inside_a_towns_name_is_the_town(stage):
    # The NER returns "Port" and "Spain": joined by "of" they make a town the gazetteer knows.
    doc = make_doc("Dockers protested in Port of Spain on Friday.", [("Port", "GPE"), ("Spain", "GPE")])
    stage(doc)
    found = places_by_text(doc)
    assert set(found) == {"Port of Spain"} and found["Port of Spain"].country_code == "TT"


def test_a_division_named_with_and_is_one_place(stage):
    doc = make_doc("They gathered in St. John's (Newfoundland and Labrador) at noon.",
                   [("St. John's", "GPE"), ("Newfoundland", "GPE"), ("Labrador", "GPE")])
    stage(doc)
    found = places_by_text(doc)
    assert found["Newfoundland and Labrador"].country_code == "CA"
    assert found["St. John's"].country_code == "CA" and "Labrador" not in found


def test_two_places_joined_by_and_stay_two_when_the_whole_is_unknown(stage):
    doc = make_doc("Floods hit Kharkiv and Moroto.", [("Kharkiv", "GPE"), ("Moroto", "GPE")])
    stage(doc)
    assert {"Kharkiv", "Moroto"} <= set(places_by_text(doc))


def test_a_saints_possessive_is_part_of_the_name():
    text = "a bar in St. John's, and Russia's army"
    assert text[slice(*trim(text, 9, 19))] == "St. John's"
    assert text[slice(*trim(text, 25, 33))] == "Russia"


def test_a_saints_possessive_before_what_it_owns_is_dropped():
    text = "pupils of St. Mary's High School"
    assert text[slice(*trim(text, 10, 20))] == "St. Mary"


def test_a_name_and_a_division_after_a_comma_are_places_the_ner_missed(stage):
    doc = make_doc("Russian forces clashed with the army trying to gain Sulyhivka, Kharkiv. No casualties.",
                   [("Russian", "NORP"), ("Sulyhivka", "PERSON")])
    stage(doc)
    found = places_by_text(doc)
    assert found["Kharkiv"].country_code == "UA"
    assert "Sulyhivka" in found and found["Sulyhivka"].latitude is None  # kept, unresolved


def test_a_person_before_a_division_is_not_a_place(stage):
    doc = make_doc("The winner was John Smith, Kharkiv.", [("John Smith", "PERSON")])
    stage(doc)
    assert "John Smith" not in places_by_text(doc)


def test_a_compass_region_counts_only_where_the_other_names_place_the_story(stage):
    # "Northern" alone is Ghana's region in the gazetteer; Moroto says the story is in Uganda.
    doc = make_doc("Police fought raiders near Rupa (Moroto, Northern).", [("Rupa", "GPE"), ("Moroto", "GPE"),
                                                                          ("Northern", "GPE")])
    stage(doc)
    found = places_by_text(doc)
    assert found["Moroto"].country_code == "UG"
    assert found["Northern"].latitude is None


def test_a_compass_region_the_story_supports_is_kept(stage):
    doc = make_doc("Traders protested in Tamale (Northern).", [("Tamale", "GPE"), ("Northern", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Northern"].country_code == "GH"


def test_a_compass_region_does_not_pull_the_story_abroad(stage):
    doc = make_doc("Gunmen killed a man in Golombali (Moroto, Nord).", [("Golombali", "GPE"), ("Moroto", "GPE"),
                                                                       ("Nord", "GPE")])
    stage(doc)
    assert all(p.country_code != "HT" for p in doc.places)
    assert places_by_text(doc)["Moroto"].country_code == "UG"


def test_a_compass_region_is_the_one_guess_when_nothing_else_resolves(stage):
    doc = make_doc("Gunmen killed a man in Golombali (Nord).", [("Golombali", "GPE"), ("Nord", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Nord"].country_code == "HT"


def test_a_bracket_of_initials_lists_organisations_not_containers():
    text = "Teachers marched in Orleans at the call of unions (CGT, FO, Sud, FSU)."
    spans = {text[f.start : f.end] for f in find_spans(text, (Entity(20, 27, "GPE"),), 0)}
    assert "Sud" not in spans and "Orleans" in spans


def test_a_bracket_of_places_still_names_containers():
    text = "Gunmen attacked Nseh (Bui, Nord-Ouest) at night."
    spans = {text[f.start : f.end] for f in find_spans(text, (Entity(16, 20, "GPE"),), 0)}
    assert {"Bui", "Nord-Ouest"} <= spans


def test_initials_before_forces_are_not_kept_as_an_unknown_place(stage):
    doc = make_doc("Ukrainian forces fired mortars at DPR positions near Kharkiv.", [("DPR", "GPE"), ("Kharkiv", "GPE")])
    stage(doc)
    found = places_by_text(doc)
    assert "DPR" not in found and "Kharkiv" in found


def test_a_spanish_y_joins_a_regions_name():
    text = "Women protested in Palencia (Castilla y Leon), demanding equality."
    spans = {text[f.start : f.end] for f in find_spans(text, (), 0)}
    assert "Castilla y Leon" in spans


def test_an_organisation_running_into_an_unclosed_bracket_vetoes_nothing():
    text = "Women protested in Palencia (Castilla y Leon), demanding equality."
    org = Entity(19, text.index(")"), "ORG")  # the NER's "Palencia (Castilla y Leon"
    found = {text[f.start : f.end]: f for f in find_spans(text, (org,), 0)}
    assert found["Palencia"].keep


def test_a_country_the_story_is_against_lends_no_context(stage):
    # "the war of Russia against Ukraine" in a report from Poznan: Ukraine is the topic, not the place.
    doc = make_doc("Activists rallied in Poznan, criticising the war of Russia against Ukraine.",
                   [("Poznan", "GPE"), ("Ukraine", "GPE")])
    stage(doc)
    found = places_by_text(doc)
    assert found["Poznan"].country_code == "PL"
    assert found["Ukraine"].country_code == "UA"  # still reported as a place


def test_a_country_where_the_story_happens_still_lends_context(stage):
    doc = make_doc("Shelling hit Poznan, Ukraine.", [("Poznan", "GPE"), ("Ukraine", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Poznan"].country_code == "UA"


def test_a_division_with_a_compass_suffix_is_looked_up_without_it(stage):
    doc = make_doc("Fighting broke out near the town (Muse district, Shan-North state).", [("Shan-North", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Shan-North"].country_code == "MM"


def test_a_reading_outside_the_named_division_is_no_reading(stage):
    # The gazetteer lacks Masisi (Nord-Kivu); Masis in Armenia is a namesake, not the place.
    doc = make_doc("Fighters clashed in Kanii village (Masisi, Nord-Kivu).", [("Kanii", "GPE"), ("Masisi", "GPE"),
                                                                             ("Nord-Kivu", "GPE")])
    stage(doc)
    found = places_by_text(doc)
    assert found["Nord-Kivu"].country_code == "CD"
    assert found["Masisi"].latitude is None


def test_a_village_word_before_the_bracket_still_links_the_container():
    from dateline.geo.toponyms import mentions_from_spans
    text = "Fighters clashed in Kanii village (Masisi, Nord-Kivu)."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Kanii", "Masisi", "Nord-Kivu")]
    mentions = mentions_from_spans(text, spans)
    assert [m.container for m in mentions] == [1, 2, None]


def test_a_list_of_cities_is_no_chain_of_containers(stage):
    # "Moroto, Kharkiv, Tamale": a list; Kharkiv (a division) does not make Moroto a namesake abroad.
    doc = make_doc("Flights will link Moroto, Kharkiv, Tamale and Poznan.", [("Moroto", "GPE"), ("Kharkiv", "GPE"),
                                                                           ("Tamale", "GPE"), ("Poznan", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Moroto"].country_code == "UG"


def test_a_division_ending_the_phrase_is_the_towns_container(stage):
    doc = make_doc("Fighting hit Masisi, Nord-Kivu, on Monday.", [("Masisi", "GPE"), ("Nord-Kivu", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Masisi"].latitude is None


def test_a_community_abroad_lends_no_country_context(stage):
    doc = make_doc("Members of the Ukrainian community protested in Poznan.", [("Ukrainian", "NORP"), ("Poznan", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Poznan"].country_code == "PL"


def test_a_plain_demonym_still_lends_country_context(stage):
    doc = make_doc("Ukrainian villagers fled Poznan.", [("Ukrainian", "NORP"), ("Poznan", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Poznan"].country_code == "UA"


def _spans(text: str, ents=()) -> set[str]:
    return {text[f.start : f.end] for f in find_spans(text, tuple(ents), 0)}


def _kept(text: str, ents=()) -> set[str]:
    return {text[f.start : f.end] for f in find_spans(text, tuple(ents), 0) if f.keep}


def test_a_span_running_on_into_a_preposition_is_cut():
    text = "Militants attacked a post near the Nur Complex in Kirkuk."
    ent = Entity(text.index("the Nur"), text.index(" Kirkuk"), "FAC")  # the NER's "the Nur Complex in"
    assert "Nur Complex" in _spans(text, [ent])


def test_a_name_the_ner_cut_after_a_joining_word_is_taken_whole():
    text = "Workers marched in Santa Cruz de la Sierra on Monday."
    ent = Entity(text.index("Santa"), text.index(" Sierra"), "GPE")  # "Santa Cruz de la"
    assert "Santa Cruz de la Sierra" in _spans(text, [ent])


def test_a_name_the_ner_cut_after_its_first_word_is_taken_whole():
    text = "Neighbours protested in San Pedro Garza Garcia on Monday."
    ent = Entity(text.index("San"), text.index(" Pedro"), "GPE")  # "San"
    assert "San Pedro Garza Garcia" in _spans(text, [ent])


def test_a_word_before_a_title_is_no_place():
    assert not any(s.startswith("Prime") for s in _spans("People protested near the Prime Minister's residence."))


def test_a_place_naming_a_facility_stays_a_place():
    # "the Kokkadicholai base", "the Ar Rutba desert": a place named for what lies there (kept, strong).
    assert "Kokkadicholai" in _kept("We have captured the Kokkadicholai base of the Tigers.")
    assert "Ar Rutba" in _kept("Airstrikes hit a hideout in the Ar Rutba desert.")


def test_a_saints_city_with_a_possessive_is_still_the_city(stage):
    doc = make_doc("Flights landed in St. John's on Monday.", [("St. John's", "GPE")])
    stage(doc)
    assert places_by_text(doc)["St. John's"].country_code == "CA"
    from dateline.geo.toponyms import mentions_from_spans
    text = "St. Petersburg's main street"
    assert mentions_from_spans(text, [(0, 16)])[0].fallback == "St. Petersburg"


def test_a_neighbourhood_far_from_the_storys_town_is_a_namesake(stage):
    doc = make_doc("A man was shot in Moroto, in the Tamale neighborhood.", [("Moroto", "GPE"), ("Tamale", "GPE")])
    stage(doc)
    found = places_by_text(doc)
    assert found["Moroto"].country_code == "UG" and found["Tamale"].latitude is None


def test_a_neighbourhood_alone_keeps_its_reading(stage):
    doc = make_doc("A man was shot in the Tamale neighborhood.", [("Tamale", "GPE")])
    stage(doc)
    assert places_by_text(doc)["Tamale"].country_code == "GH"


def test_a_persian_ezafe_joins_a_name():
    assert "Shahr e Kord" in _spans("Teachers protested in Shahr e Kord city on Monday.")


def test_a_bracket_of_containers_after_another_bracket_is_read():
    text = "Drones struck Hays (coded to district level) (Al Hudaydah) on Monday."
    assert "Al Hudaydah" in _kept(text)


def test_a_name_before_its_bracketed_containers_is_a_place():
    text = "Militiamen rustled cattle from Nasko (Magama, Niger)."
    assert {"Nasko", "Magama"} <= _kept(text)


def test_a_target_is_a_place_but_a_groups_positions_are_not():
    assert "Al Bayda City" in _kept("Air raids targeted Al Bayda City overnight.")
    assert "Houthi" not in _kept("Air raids targeted Houthi positions overnight.")
