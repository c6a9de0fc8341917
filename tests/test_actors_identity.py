"""Identity militias, presumed identities, state forces known by their own names (hand-built docs)."""

from __future__ import annotations

import datetime as dt

from test_actors import actors, make_doc, names


def test_a_communal_militia_is_named_for_its_community():
    doc = make_doc("Darfur communal militia shot a trader near Kutum.", places=[("Kutum", "SD")])
    assert actors(doc)[0][1:3] == ("Darfur Communal Militia (Sudan)", 4)


def test_the_flavour_word_gives_acleds_label():
    doc = make_doc("Suspected Samburu pastoral militia raided a farm. Twic clan militias fought near Turalei.",
                   places=[("Turalei", "SS")])
    assert names(doc)[:2] == ["Samburu Ethnic Militia (South Sudan)", "Twic Clan Militia (South Sudan)"]


def test_an_unnamed_tribal_militia():
    doc = make_doc("A tribal militia attacked a checkpoint in Basra.", places=[("Basra", "IQ")])
    assert names(doc)[0] == "Unidentified Tribal Militia (Iraq)"


def test_a_word_ending_in_communal_is_no_flavour():
    doc = make_doc("Intercommunal militias attacked a village in Mopti.", places=[("Mopti", "ML")])
    assert "Communal" not in " ".join(names(doc))


def test_unidentified_men_presumed_to_be_a_group_are_that_group():
    text = "Armed men (assumed Darfur communal militia) shot a trader near Kutum."
    found = actors(make_doc(text, places=[("Kutum", "SD")]))
    assert found[0][0] == "Armed men (assumed Darfur communal militia"
    assert found[0][1] == "Darfur Communal Militia (Sudan)" and len(found) == 2  # the trader


def test_presumed_to_be_without_brackets():
    text = "Gunmen believed to be members of al-Shabaab attacked a bus near Mandera."
    found = actors(make_doc(text, places=[("Mandera", "KE")]))
    assert found[0][1] == "Al Shabaab" and found[0][0].startswith("Gunmen")


def test_state_forces_known_by_their_acronyms():
    doc = make_doc("FARDC soldiers clashed with ADF rebels near Beni.", places=[("Beni", "CD")],
                   published=dt.date(2022, 2, 19))
    assert names(doc)[0] == "Military Forces of the Democratic Republic of Congo (2019-)"


def test_a_scoped_acronym_means_nothing_elsewhere():
    doc = make_doc("ISF members protested in Beirut.", places=[("Beirut", "LB")])
    assert not any(n.startswith("Military Forces of Iraq") for n in names(doc))


def test_a_countrys_positions_are_its_forces():
    doc = make_doc("NAF rebels fired mortars at Ukrainian positions near Pisky.", places=[("Pisky", "UA")],
                   published=dt.date(2022, 2, 19))
    assert "Military Forces of Ukraine (2019-)" in names(doc)


def test_a_convoy_of_military_vehicles_is_still_the_military():
    doc = make_doc("A mine hit a convoy of military vehicles near Monywa.", places=[("Monywa", "MM")],
                   published=dt.date(2022, 6, 19))
    assert "Military Forces of Myanmar (2021-)" in names(doc)


def test_forces_of_a_named_group_are_that_group():
    doc = make_doc("The joint forces of the KNDF ambushed the military troops near Loikaw.", places=[("Loikaw", "MM")],
                   published=dt.date(2022, 4, 12))
    found = actors(doc)
    assert found[0][0] == "joint forces of the KNDF" and found[0][1].startswith("KNDF")


def test_a_countrys_freedom_front_is_no_state_force():
    text = "A fighter of the Afghanistan Freedom Front (AFF) attacked a police post in Bagram."
    doc = make_doc(text, places=[("Bagram", "AF")], entities=[("the Afghanistan Freedom Front", "ORG")],
                   published=dt.date(2022, 3, 25))
    assert "AFF: Afghanistan Freedom Front" in names(doc)


def test_civilian_infrastructure_is_no_actor():
    doc = make_doc("Russian forces shelled civilian infrastructure in Mykhailivka.", places=[("Mykhailivka", "UA")],
                   published=dt.date(2022, 5, 27))
    assert not any(n.startswith("Civilians") for n in names(doc))


def test_an_off_duty_officer_is_a_civilian():
    doc = make_doc("Gunmen shot an off-duty police officer in Tulua.", places=[("Tulua", "CO")],
                   published=dt.date(2022, 6, 28))
    assert names(doc)[1] == "Civilians (Colombia)"


def test_a_local_pdf_written_after_the_acronym():
    doc = make_doc("The PDF-Madaya attacked a checkpoint in Madaya.", places=[("Madaya", "MM")],
                   published=dt.date(2022, 2, 28))
    found = actors(doc)
    assert found[0][:2] == ("PDF-Madaya", "People's Defense Force - Madaya")


def test_insurgents_linked_to_a_named_group_are_that_group():
    import dateline

    doc = dateline.load().analyze("Insurgents linked to Islamic State seized the port town of Mocimboa da Praia in "
                                  "Mozambique on Tuesday, residents said.", published="2023-08-17")
    first = doc.actors[0]
    assert doc.text[first.start:first.end].startswith("Insurgents") and first.name.startswith("Islamic State")
    assert doc.events[0].actor1.startswith("Islamic State")
