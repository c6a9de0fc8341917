"""Round 7 of the place stage (GEO-E2E, session 4): demonyms listed as their country, and the
end-to-end scorer's two conventions. Texts written for these tests; the tiny gazetteer, no spaCy."""

from __future__ import annotations

import pytest

from dateline.evaluate.geoparse import GoldArticle, GoldToponym, score_end_to_end
from dateline.geo.demonym_places import listed_demonyms, refers_to_country
from dateline.geo.eventplace import event_place
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.stage import PlaceStage
from dateline.geo.toponyms import find_spans, nationality, org_head, query_and_hint
from dateline.model import Article, Doc, Entity, Place, Span
from test_geo_stage import make_doc
from test_geo_tiny import ROWS, tiny_gazetteer, write_tiny


@pytest.fixture
def stage(tmp_path):
    return PlaceStage.default(gazetteer=Gazetteer(write_tiny(tmp_path)))


def _refers(text: str, word: str) -> bool:
    start = text.index(word)
    return refers_to_country(text, start, start + len(word))


def _listed(text: str, ents: list[tuple[str, str]] = ()) -> list[str]:
    entities = [Entity(text.index(s), text.index(s) + len(s), label) for s, label in ents]
    return [text[s:e] for s, e, _ in listed_demonyms(text, entities, 0)]


@pytest.mark.parametrize("text, word", [
    ("Egyptian officials met on Monday.", "Egyptian"),
    ("The talks stalled because the Lebanese refused.", "Lebanese"),
    ("Two Moldovans were arrested at the border.", "Moldovans"),
    ("a Kenyan-brokered truce held", "Kenyan"),
    ("the Peruvian-Chilean border", "Chilean"),
    ("He wrote in Portuguese newspapers.", "Portuguese"),
])
def test_a_demonym_naming_people_or_a_state_refers_to_its_country(text, word):
    assert _refers(text, word)


@pytest.mark.parametrize("text, word", [
    ("She speaks fluent Hungarian at home.", "Hungarian"),  # a language
    ("The leaflet was printed in Hungarian.", "Hungarian"),
    ("They enrolled in a Portuguese class.", "Portuguese"),
    ("a Dutch-speaking town", "Dutch"),
    ("We had Ethiopian food downtown.", "Ethiopian"),  # a cuisine, a kind of music, a heritage
    ("the band played Cuban music all night", "Cuban"),
    ("a festival of Greek heritage", "Greek"),
    ("the museum of Native American art", "American"),  # the head of a people's compound name
    ("honouring African-Americans in the city", "Americans"),
    ("land of the Mandan and Hidatsa Indians", "Indians"),
    ("a Northern Irish village", "Irish"),  # a part's people, not the country
    ("Smith and Welsh said the budget was short.", "Welsh"),  # a surname
    ("a letter from Mr. English to the board", "English"),
])
def test_a_demonym_that_is_a_language_a_style_a_compound_or_a_surname_does_not(text, word):
    assert not _refers(text, word)


def test_a_demonym_inside_a_company_name_is_not_listed_but_a_state_body_is():
    text = "He flew American Airlines; the Lebanese Army closed the road."
    assert _listed(text, [("American Airlines", "ORG"), ("the Lebanese Army", "ORG")]) == ["Lebanese"]


def test_a_demonym_the_ner_took_alone_for_a_person_is_still_listed():
    text = "Nobody expected the Sri Lankan to win."
    assert _listed(text, [("Sri Lankan", "PERSON")]) == ["Sri Lankan"]


def test_a_country_whose_name_is_also_its_adjective_is_a_toponym_not_a_demonym():
    assert nationality("Syrians") and nationality("Kenyan")
    assert not nationality("Cameroon") and not nationality("Kiribati")
    assert _listed("Troops left Cameroon in May.") == []


def test_a_listed_demonym_is_its_country_with_role_demonym(stage):
    text = "Syrian officials said the road to Hajin was open."
    doc = make_doc(text, [("Syrian", "NORP"), ("Hajin", "GPE")])
    stage(doc)
    demonym = next(p for p in doc.places if p.role == "demonym")
    assert (text[demonym.start : demonym.end], demonym.name, demonym.geonameid) == ("Syrian", "Syria", 8)
    assert (demonym.latitude, demonym.longitude, demonym.feature_code) == (35.0, 38.0, "PCLI")
    listed = doc.to_dict()["places"]
    assert [(p["text"], p["role"]) for p in listed] == [("Syrian", "demonym"), ("Hajin", "toponym")]


def test_a_demonym_the_ner_labelled_a_place_is_listed_as_a_demonym_not_a_toponym(stage):
    text = "Egyptians voted on Sunday."
    doc = make_doc(text, [("Egyptians", "GPE")])
    stage(doc)
    assert [(text[p.start : p.end], p.role, p.country_code) for p in doc.places] == [("Egyptians", "demonym", "EG")]


def test_a_culture_demonym_is_not_listed(stage):
    text = "The Syrian food stall in Hajin was busy."
    doc = make_doc(text, [("Syrian", "NORP"), ("Hajin", "GPE")])
    stage(doc)
    assert [p.role for p in doc.places] == ["toponym"]


def test_a_demonym_is_never_the_events_place(stage):
    text = "Syrian gunmen attacked a convoy."
    doc = make_doc(text, [("Syrian", "NORP")])
    stage(doc)
    assert any(p.role == "demonym" for p in doc.places)
    trigger = text.index("attacked")
    ep = event_place(doc, Span(trigger, trigger + 8), doc.sentences[0])
    assert ep.evidence is None or (ep.evidence.start, ep.evidence.end) != (0, 6)


def test_end_to_end_counts_every_role_unless_told_to_keep_toponyms_only():
    text = "Syrian troops entered Hajin."
    art = GoldArticle("a", text, (GoldToponym(0, 6, "Syrian", 35.0, 38.0), GoldToponym(22, 27, "Hajin", 34.69, 40.83)))
    doc = Doc(Article(id="a", text=text))
    doc.places = (Place(0, 6, latitude=35.0, longitude=38.0, role="demonym"),
                  Place(22, 27, latitude=34.7, longitude=40.8))
    every = score_end_to_end([art], [doc]).as_dict()
    toponyms = score_end_to_end([art], [doc], roles=frozenset({"toponym"})).as_dict()
    assert (every["accuracy_161km"], every["outputs"], every["precision_161km"]) == (1.0, 2, 1.0)
    assert (toponyms["accuracy_161km"], toponyms["outputs"]) == (0.5, 1)


# --- finding toponyms ------------------------------------------------------------------------

def _spans(text: str, ents: list[tuple[str, str]] = ()) -> list[tuple[str, bool]]:
    """(span, kept even when unresolved) of each place found."""
    entities = [Entity(text.index(s), text.index(s) + len(s), label) for s, label in ents]
    return [(text[f.start : f.end], f.keep) for f in find_spans(text, entities, 0)]


@pytest.mark.parametrize("text, name", [
    ("Mill closes. GRANTSBURG --- The town's mill closed.", "GRANTSBURG"),
    ("Budget passes. LOWER FALLS\u2014The board voted.", "LOWER FALLS"),
    ("Budget passes. OAKVILLE \u2013 The board voted.", "OAKVILLE"),
])
def test_a_wire_dateline_before_three_hyphens_or_a_tight_dash_is_a_place(text, name):
    assert (name, True) in _spans(text)


def test_a_name_in_capitals_before_a_colon_is_a_place_only_if_resolved():
    assert ("AMMAN", False) in _spans("Talks resume . AMMAN: The king met envoys.")


def test_the_ners_place_stops_at_the_body_named_after_it():
    text = "He was held in the Pike County Jail and the Ardmore Police said so at Oakdale Town Hall."
    found = _spans(text, [("Pike County Jail", "GPE"), ("Ardmore Police", "GPE"), ("Oakdale Town Hall", "FAC")])
    assert [s for s, _ in found][:3] == ["Pike County", "Ardmore", "Oakdale"]


@pytest.mark.parametrize("name", ["Old Town", "Falls Village", "the Gold Coast", "Cacuaco district", "North Hall"])
def test_a_place_whose_name_ends_in_a_word_of_bodies_is_not_cut(name):
    text = f"They moved to {name} in May."
    assert _spans(text, [(name, "GPE")])[0][0] == name.removeprefix("the ")


@pytest.mark.parametrize("name, place", [
    ("Pike County Assessor's Office", "Pike County"),  # a county's name ends at "County"
    ("the Pike County Health Department", "the Pike County"),
    ("Ardmore Superior Court", "Ardmore"),  # words of a body's name, not of a place's
    ("The Ardmore Daily Herald", "The Ardmore"),
    ("Ardmore Journal-Standard", "Ardmore"),
    ("Salt Lake City Council", "Salt Lake City"),
])
def test_the_place_an_organisation_is_named_after(name, place):
    assert name[: org_head(name)] == place


def test_a_place_before_based_or_born_is_a_place_and_a_peoples_lead_is_not():
    text = "A Brainerd-based firm hired a Tulsa-born chef; the Zulu-led talks and African-led plans went on."
    found = _spans(text)
    assert ("Brainerd", True) in found and ("Tulsa", True) in found
    assert ("Zulu", False) in found  # "-led": a group leads as well: only a confident reading counts
    assert not [s for s, _ in found if s.startswith("Africa")]


def test_each_name_of_a_hyphenated_pair_is_a_loose_place_but_not_a_peoples_compound():
    found = _spans("Floods reached Fargo-Moorhead and the Henry-Clay County line; Anglo-Saxon and Afro-Cuban.")
    assert ("Fargo", False) in found and ("Moorhead", False) in found
    assert ("Clay County", False) in found
    assert not [s for s, _ in found if s in ("Anglo", "Saxon", "Afro", "Cuban")]


def test_a_hyphenated_name_another_rule_found_whole_stays_whole():
    text = "Officials of the KwaZulu-Natal province met."
    assert [s for s, _ in _spans(text)] == ["KwaZulu-Natal province"]


def test_a_minnesota_legislators_party_names_the_home_town():
    assert ("Cook", True) in _spans("Senate Tax Chairman Tom Bakk, DFL-Cook, said so.")


def test_a_people_named_after_a_region_of_a_country_is_listed_as_that_region(stage):
    text = "Louisianans voted on Sunday in Alexandria."
    doc = make_doc(text, [("Louisianans", "NORP"), ("Alexandria", "GPE")])
    stage(doc)
    people = next(p for p in doc.places if text[p.start : p.end] == "Louisianans")
    assert (people.role, people.name, people.country_code, people.feature_code) == ("demonym", "Louisiana", "US", "ADM1")


def test_a_people_named_after_a_continent_is_not_listed(tmp_path):
    africa = (14, "Africa", "Africa", "", 7.2, 21.1, "L", "CONT", "", "00", 1100000000)
    stage = PlaceStage.default(gazetteer=Gazetteer(tiny_gazetteer(tmp_path, [*ROWS, africa])))
    assert [c.fcode for c in stage.gazetteer.candidates("Africa")] == ["CONT"]
    text = "Egyptians and Africans met in Alexandria."
    doc = make_doc(text, [("Egyptians", "NORP"), ("Africans", "NORP"), ("Alexandria", "GPE")])
    stage(doc)
    assert "Africans" not in [text[p.start : p.end] for p in doc.places]


@pytest.mark.parametrize("surface, query", [("Loudon Co.", "Loudon County"), ("Pike Co", "Pike County"),
                                            ("Tewksbury Twp.", "Tewksbury Township")])
def test_a_divisions_abbreviated_word_is_looked_up_written_out(surface, query):
    assert query_and_hint(surface) == (query, surface.split()[0], "division")


def test_a_name_after_an_abbreviated_saint_or_mount_is_one_name():
    text = "He was taken to St. Cloud Hospital, then driven to Mt. Vernon."
    assert [s for s, _ in _spans(text)] == ["St. Cloud", "Mt. Vernon"]
