"""The toponym finder's rules on hand-written sentences (spans only: no gazetteer, no spaCy)."""

from __future__ import annotations

from dateline.geo.toponyms import find_spans, org_head
from dateline.model import Entity


def spans(text: str, ents: list[tuple[str, str]] = ()) -> dict[str, tuple[bool, bool]]:
    """Each found surface with (loose, keep); ``ents`` are (surface, label) at first occurrence."""
    entities = [Entity(text.index(s), text.index(s) + len(s), label) for s, label in ents]
    return {text[f.start : f.end]: (f.loose, f.keep) for f in find_spans(text, entities, 0)}


def test_org_head_keeps_a_county_and_stops_at_the_organisation():
    cases = {
        "Gainesville Police Department": "Gainesville",
        "Edgar County Sheriff's Office": "Edgar County",
        "Mount Pleasant High School": "Mount Pleasant",
        "Kansas City Police": "Kansas City",
        "Boone County Jail": "Boone County",
    }
    for surface, place in cases.items():
        assert surface[: org_head(surface)] == place


def test_org_head_none_for_a_place_alone_or_an_adjective():
    for surface in ("Edgar County", "Lore City", "European Commission", "The European Centre for Disease Control",
                    "Democratic Party"):
        assert org_head(surface) is None


def test_place_in_an_organisation_after_a_preposition():
    found = spans("Firefighters from the Richmond Fire Department were called.")
    assert "Richmond" in found and "Richmond Fire Department" not in found


def test_county_after_of_is_one_name():
    found = spans("Donations go to the Friends of Madison County Public Library.")
    assert "Madison County" in found and "Madison" not in found


def test_organisation_named_after_a_county():
    found = spans("He was held in the Boone County Jail on Monday.", [("the Boone County Jail", "ORG")])
    assert "Boone County" in found


def test_each_name_of_a_list_of_counties():
    found = spans("School boards in Barrow, Jackson and Madison counties tweaked their policies.")
    assert {"Barrow", "Jackson", "Madison"} <= set(found)


def test_a_list_of_counties_gives_each_the_division_hint():
    from dateline.geo.toponyms import mentions_from_spans

    text = "Storms hit Harvey, Harper and Kingman counties."
    mentions = mentions_from_spans(text, find_spans(text, [], 0))
    assert {text[m.start : m.end]: m.hint for m in mentions}["Harper"] == "division"


def test_town_before_its_people_or_police_is_a_loose_place():
    found = spans("An Alexandria woman was charged after Joliet Police arrived.")
    assert found["Alexandria"] == (True, False) and found["Joliet"] == (True, False)


def test_legislator_home_after_party_letter():
    found = spans("Rep. Torrey Westrom, R-Elbow Lake, spoke.")
    assert found["Elbow Lake"] == (True, True)


def test_initialisms_keep_their_periods():
    found = spans("said Rep. Earl Pomeroy, D-N.D. Bonuses were debated in the U.S. Senate.")
    assert "N.D." in found and "U.S." in found


def test_a_sentence_final_period_is_not_part_of_a_name():
    found = spans("Fighting went on in Syria.", [("Syria", "GPE")])
    assert list(found) == ["Syria"]


def test_each_place_of_a_plural_list():
    found = spans("ISIS began by storming the towns of Jubb Al-Jarrah and Mas Idyah from two axes.")
    assert found["Jubb Al-Jarrah"][1] and found["Mas Idyah"][1]


def test_a_quarter_named_before_its_word():
    found = spans("Troops staged an incursion into the Shijaia neighborhood outside the city.")
    assert "Shijaia" in found


def test_compass_of_is_a_strong_cue():
    found = spans("The man was captured northeast of Karmah on Monday.")
    assert found["Karmah"] == (True, True)


def test_object_of_patrolling_is_a_place():
    found = spans("Military police patrolled Lhokseumawe for a week.")
    assert found["Lhokseumawe"] == (True, True)


def test_doubled_spaces_and_islands():
    found = spans("A soldier was killed in the district of  Al-Bayaa and another on the island of Lipsi.")
    assert found["Al-Bayaa"][1] and found["Lipsi"][1]


def test_a_place_fought_over_or_governed_from():
    found = spans("Fighters were killed in the battle for Manbij; a policeman was shot outside the regional capital, Grozny.")
    assert found["Manbij"][1] and found["Grozny"][1]


def test_names_with_two_joining_words():
    found = spans("On 20 January, in Barra dos Coqueiros (Sergipe), a man was killed.")
    assert "Barra dos Coqueiros" in found and "Sergipe" in found


def test_a_town_and_its_division_after_any_preposition():
    found = spans("Twenty civilians were evacuated from Mariupol, Donetsk.")
    assert found["Mariupol"] == (True, True) and found["Donetsk"] == (True, True)


def test_a_name_before_town_is_hinted_a_settlement():
    from dateline.geo.toponyms import mentions_from_spans

    text = "Regime forces shelled Banin town in Idleb countryside."
    mentions = mentions_from_spans(text, find_spans(text, [], 0))
    assert {text[m.start : m.end]: m.hint for m in mentions}["Banin"] == "settlement"


def test_a_newspapers_title_names_no_place():
    found = spans("Igor Dmitrowsky told The Moscow Times on Monday.", [("The Moscow Times", "ORG")])
    assert "Moscow" not in found


def test_a_street_is_not_looked_up_as_the_town_it_is_named_after():
    from dateline.geo.toponyms import mentions_from_spans

    text = "Francis Street runs between King Street and the river."
    (mention,) = mentions_from_spans(text, [(0, len("Francis Street"))])
    assert mention.fallback is None


def test_a_container_after_a_classifier_word():
    found = spans("Russian forces shelled Ukrainian positions in Virnopillia district, Kharkiv. No casualties.")
    assert found["Kharkiv"] == (True, True)


def test_a_rule_name_going_on_past_the_ners_place_replaces_it():
    found = spans("Coalition forces raided Breiha village, Deir ez Zor. One arrested.", [("Deir", "GPE")])
    assert "Deir ez Zor" in found and "Deir" not in found
