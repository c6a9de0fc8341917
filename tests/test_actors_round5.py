"""ACTORS round 5: the story's country from small or differently spelled places, a phrase the text
then identifies as a named actor, and state forces narrowed by the words in brackets (hand-built docs)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from dateline.actors import stage as actor_stage
from dateline.actors import where
from test_actors import actors, make_doc, names


@pytest.fixture
def tiny_gazetteer(monkeypatch):
    """A gazetteer of four places: one known only by another spelling, one name shared by two
    countries' towns of a like size, one small town, one division."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, fclass TEXT, fcode TEXT, country TEXT,"
        " admin1 TEXT, admin1_name TEXT, admin2 TEXT, population INTEGER, lat REAL, lon REAL);"
        "CREATE TABLE name (key TEXT, fkey TEXT, id INTEGER, kind INTEGER);"
        "INSERT INTO place VALUES (1, 'Idlib', 'P', 'PPLA', 'SY', '', '', '', 128000, 0, 0);"
        "INSERT INTO name VALUES ('idleb', 'idleb', 1, 1);"
        "INSERT INTO place VALUES (2, 'Zarow', 'P', 'PPL', 'AA', '', '', '', 9000, 0, 0);"
        "INSERT INTO place VALUES (3, 'Zarow', 'P', 'PPL', 'BB', '', '', '', 8000, 0, 0);"
        "INSERT INTO name VALUES ('zarow', 'zarow', 2, 0), ('zarow', 'zarow', 3, 0);"
        "INSERT INTO place VALUES (4, 'Quillby', 'P', 'PPL', 'FR', '', '', '', 2500, 0, 0);"
        "INSERT INTO place VALUES (5, 'Quillby', 'P', 'PPL', 'BE', '', '', '', 300, 0, 0);"
        "INSERT INTO name VALUES ('quillby', 'quillby', 4, 0), ('quillby', 'quillby', 5, 0);"
    )
    monkeypatch.setattr(where, "_gazetteer", lambda: conn)
    where._loose.cache_clear()
    where._city.cache_clear()
    yield conn
    where._loose.cache_clear()
    where._city.cache_clear()


def test_another_spelling_of_a_town_gives_its_country(tiny_gazetteer):
    assert where.loose_country("Idleb") == "SY"


def test_a_generic_word_after_the_name_is_dropped(tiny_gazetteer):
    assert where.loose_country("Idleb city") == "SY"
    assert where.loose_country("Quillby village") == "FR"  # 2,500 people against 300 abroad


def test_a_name_two_countries_share_gives_no_country(tiny_gazetteer):
    assert where.loose_country("Zarow") is None
    assert where.loose_country("Nowhere Else") is None


def test_an_unresolved_small_town_qualifies_the_crowd(monkeypatch):
    monkeypatch.setattr(actor_stage, "rough_country", lambda name: None)
    monkeypatch.setattr(actor_stage, "loose_country", lambda name: {"Quillby": "FR"}.get(name))
    doc = make_doc("About 80 people protested in Quillby against a landfill.", places=[("Quillby", None)])
    assert "Protesters (France)" in names(doc)


def test_a_loose_place_is_outvoted_by_a_named_actor(monkeypatch):
    """A small town's name is weak evidence: a named actor's home country counts for more."""
    monkeypatch.setattr(actor_stage, "rough_country", lambda name: None)
    monkeypatch.setattr(actor_stage, "loose_country", lambda name: {"Quillby": "FR"}.get(name))
    doc = make_doc("Unknown gunmen killed an SDF fighter near Quillby.", places=[("Quillby", None)])
    assert "Unidentified Armed Group (Syria)" in names(doc)


def test_a_phrase_coded_as_a_named_actor_is_that_actor():
    text = "Anti-Houthi forces (coded as Saudi-led coalition) bombed a fuel depot in Hajjah."
    found = actors(make_doc(text, places=[("Hajjah", "YE")]))
    assert found[0][0].startswith("Anti-Houthi forces (coded as")
    assert found[0][1:3] == ("Operation Restoring Hope", 8)


def test_unnamed_fighters_presumed_to_be_a_named_group():
    text = "Armed youths (presumed to be al-Shabaab) stormed a police post in Mandera."
    found = actors(make_doc(text, places=[("Mandera", "KE")]))
    assert found[0][0].startswith("Armed youths") and found[0][1] == "Al Shabaab"


def test_a_coded_as_place_is_no_actor():
    text = "Protesters gathered in Kan Su villages (coded as Kan Su) in Sagaing region."
    assert names(make_doc(text, places=[("Sagaing", "MM")])) == ["Protesters (Myanmar)"]


def test_security_forces_presumed_police_are_the_police():
    text = "Protesters marched in Omdurman. Security forces (presumed police and military) fired tear gas."
    found = actors(make_doc(text, places=[("Omdurman", "SD")]))
    forces = next(a for a in found if a[0].startswith("Security forces"))
    assert forces[1].startswith("Police Forces of Sudan") and forces[2] == 1


def test_plain_security_forces_stay_military():
    text = "Protesters marched in Omdurman. Security forces fired tear gas."
    found = actors(make_doc(text, places=[("Omdurman", "SD")]))
    assert any(a[0] == "Security forces" and a[1].startswith("Military Forces of Sudan") for a in found)


def test_migrants_without_a_nationality_are_international():
    text = "Gendarmes detained 40 migrants near the border in Edirne."
    assert "Civilians (International)" in names(make_doc(text, places=[("Edirne", "TR")]))


def test_migrants_take_their_nationality_not_the_scene():
    doc = make_doc("Police detained 12 Afghan migrants in Van.", places=[("Van", "TR")])
    assert "Civilians (Afghanistan)" in names(doc)
    doc = make_doc("Police arrested 20 migrants from Eritrea in Kassala.", places=[("Kassala", "SD")])
    assert "Civilians (Eritrea)" in names(doc)


def test_migrants_from_several_countries_are_international():
    text = "Police detained 60 migrants from Haiti, Cuba and Venezuela in Tapachula."
    assert "Civilians (International)" in names(make_doc(text, places=[("Tapachula", "MX")]))


def test_a_country_named_as_the_topic_does_not_outvote_the_scene():
    """ "in Lyon against the invasion of Ukraine": the city is the scene, the country the topic."""
    text = "Against the invasion of Ukraine, about 300 people rallied in Lyon."
    doc = make_doc(text, places=[("Lyon", "FR"), ("Ukraine", "UA")])
    assert "Protesters (France)" in names(doc)


def test_a_country_named_alone_still_gives_the_story():
    doc = make_doc("About 300 people rallied in Ukraine against the war.", places=[("Ukraine", "UA")])
    assert "Protesters (Ukraine)" in names(doc)


def test_a_missions_national_contingent_names_the_country():
    text = "Al Shabaab militants shelled ATMIS UPDF at a base near Afgooye. AMISOM KDF soldiers returned fire."
    found = names(make_doc(text, places=[("Afgooye", "SO")]))
    assert "ATMIS: African Union Transition Mission in Somalia (2022-) (Uganda)" in found
    assert "AMISOM: African Union Mission in Somalia (2007-) (Kenya)" in found


def test_a_mission_alone_has_no_contingent():
    text = "Al Shabaab militants shelled an ATMIS base near Afgooye."
    assert "ATMIS: African Union Transition Mission in Somalia (2022-)" in names(make_doc(text, places=[("Afgooye", "SO")]))


def test_a_state_of_the_country_names_a_communal_militia():
    doc = make_doc("On Monday, Sokoto militiamen abducted four traders near Isa.", places=[("Isa", "NG")])
    assert names(doc)[0] == "Sokoto Communal Militia (Nigeria)"


def test_a_division_that_is_also_a_country_is_the_division():
    """ "Niger militiamen" in a Nigerian story are of Niger State, not of the Republic of Niger."""
    doc = make_doc("On Monday, Niger militiamen rustled cattle near Mokwa.", places=[("Mokwa", "NG")])
    assert names(doc)[0] == "Niger Communal Militia (Nigeria)"


def test_a_people_still_names_an_ethnic_militia():
    doc = make_doc("On Monday, Fulani militiamen attacked farmers near Agatu.", places=[("Agatu", "NG")])
    assert names(doc)[0] == "Fulani Ethnic Militia (Nigeria)"


def test_tribesmen_are_their_tribes_militia():
    doc = make_doc("Bani Dhabyan tribesmen blocked the road near Marib.", places=[("Marib", "YE")])
    assert names(doc)[0] == "Bani Dhabyan Tribal Militia (Yemen)"
    doc = make_doc("Gunmen from the Al Awalik tribe clashed near Ataq.", places=[("Ataq", "YE")])
    assert names(doc)[0] == "Al Awalik Tribal Militia (Yemen)"


def test_tribesmen_without_a_name_are_no_tribal_militia():
    doc = make_doc("Yemeni tribesmen blocked the road near Marib.", places=[("Marib", "YE")])
    assert not any("Tribal" in n for n in names(doc))


def test_a_security_guard_is_private_security():
    doc = make_doc("Gunmen shot dead a security guard at a bank in Cali.", places=[("Cali", "CO")])
    assert ("security guard", "Private Security Forces (Colombia)", 8) in [a[:3] for a in actors(doc)]
    doc = make_doc("A stone hit an Israeli security guard in Hebron.", places=[("Hebron", "PS")])
    assert "Private Security Forces (Israel)" in names(doc)


def test_acleds_own_state_name_in_the_text_gets_its_period():
    text = "The ministry said the Military Forces of Armenia fired at the positions of the Military Forces of Azerbaijan near Tovuz."
    found = names(make_doc(text, places=[("Tovuz", "AZ")]))
    assert "Military Forces of Armenia (2018-)" in found  # abroad: inter 8, but named as ACLED does
    assert "Military Forces of Azerbaijan (2003-)" in found
    assert "Military Forces of" not in found


def test_acleds_state_name_with_an_article_and_a_following_word():
    text = "Police Forces of the Dominican Republic arrested ten people in Santiago."
    doc = make_doc(text, places=[("Santiago", "DO")], published=dt.date(2022, 4, 25))
    assert names(doc)[0] == "Police Forces of the Dominican Republic (2020-)"
    doc = make_doc(text, places=[("Santiago", "DO")], published=dt.date(2019, 4, 25))
    assert names(doc)[0] == "Police Forces of the Dominican Republic (2012-)"  # the regime of the article's date


def test_a_flavour_word_before_militants_makes_an_identity_militia():
    doc = make_doc("Unidentified tribal militants clashed in Basra.", places=[("Basra", "IQ")])
    assert names(doc)[0] == "Unidentified Tribal Militia (Iraq)"
    doc = make_doc("On Monday, Garre clan gunmen raided a village near Mandera.", places=[("Mandera", "KE")])
    assert names(doc)[0] == "Garre Clan Militia (Kenya)"


def test_forces_the_report_cannot_name():
    doc = make_doc("The town was shelled by unspecified military forces overnight near Izium.", places=[("Izium", "UA")])
    assert ("unspecified military forces", "Unidentified Military Forces", 8) in [a[:3] for a in actors(doc)]


def test_unknown_gunmen_stay_an_armed_group():
    doc = make_doc("Unknown gunmen shot a trader near Izium.", places=[("Izium", "UA")])
    assert names(doc)[0] == "Unidentified Armed Group (Ukraine)"


def test_an_officer_said_to_be_off_duty_after_the_noun_is_a_civilian():
    doc = make_doc("Gunmen killed a police officer (assumed off duty) in Bria.", places=[("Bria", "CF")])
    assert ("police officer", "Civilians (Central African Republic)", 7) in [a[:3] for a in actors(doc)]
    doc = make_doc("Gunmen killed a police officer, who was off duty, in Bria.", places=[("Bria", "CF")])
    assert "Civilians (Central African Republic)" in names(doc)


def test_former_members_of_the_forces_are_civilians():
    doc = make_doc("Two former policemen were arrested in Ghazni.", places=[("Ghazni", "AF")])
    assert names(doc)[0] == "Civilians (Afghanistan)"
    doc = make_doc("Two policemen were arrested in Ghazni.", places=[("Ghazni", "AF")])
    assert names(doc)[0].startswith("Police Forces of Afghanistan")


def test_a_faction_operating_under_an_umbrella_is_the_umbrella():
    text = "Syrian National Army fighters operating under Operation Peace Spring shelled QSD positions near Manbij."
    found = actors(make_doc(text, places=[("Manbij", "SY")]))
    assert found[0][:2] == ("Syrian National Army fighters operating under Operation Peace Spring", "Operation Peace Spring")
    text = "Syrian National Army fighters shelled QSD positions near Manbij."
    assert names(make_doc(text, places=[("Manbij", "SY")]))[0] == "JWS: Syrian National Army"


def test_the_forces_of_a_country_in_plain_words():
    text = "The Taliban clashed with the military forces of Tajikistan near Imam Sahib."
    found = actors(make_doc(text, places=[("Imam Sahib", "AF")]))
    assert ("military forces of Tajikistan", "Military Forces of Tajikistan (1994-)", 8) in [a[:3] for a in found]
    doc = make_doc("The security forces of the Kurdistan Region arrested two men in Erbil.", places=[("Erbil", "IQ")])
    assert not any("Kurdistan" in n for n in names(doc))  # not a country: left to the generic noun


def test_youths_are_people_until_the_crowd_is_violent():
    """ "three youths were shot": victims, not rioters; an angry crowd of them is still rioters."""
    doc = make_doc("Soldiers shot three youths in Kale.", places=[("Kale", "MM")])
    assert ("youths", "Civilians (Myanmar)", 7) in [a[:3] for a in actors(doc)]
    doc = make_doc("Irate youths burned tyres in Kale.", places=[("Kale", "MM")])
    assert names(doc)[0] == "Rioters (Myanmar)"
