"""ACLED's own conventions for an event's place: where the text says it is coded, and the seat of
an area the event is known only to (hand-made places and a tiny gazetteer, no real data)."""

from __future__ import annotations

from dateline.geo.centres import COUNTRY_CENTRES
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.eventplace import event_place, seated
from dateline.model import Article, Doc, EventPlace, Place, Sentence, Span
from test_geo_tiny import tiny_gazetteer


def _doc(text: str, places: list[tuple[str, dict]], *, split: bool = False) -> Doc:
    made, at = [], 0
    for name, fields in places:
        start = text.index(name, at)
        made.append(Place(start, start + len(name), name=name, **fields))
        at = start + len(name)
    cut = text.index(". ") + 1 if split else len(text)
    sentences = (Sentence(0, cut),) + ((Sentence(cut + 1, len(text)),) if split else ())
    return Doc(Article(id="t", text=text), sentences=sentences, places=tuple(made))


def _where(doc: Doc, trigger: str) -> EventPlace:
    at = doc.text.index(trigger)
    return event_place(doc, Span(at, at + len(trigger)), doc.sentence_of(at))


_TOWN = dict(feature_code="PPL", country_code="AR")
_PROVINCE = dict(feature_code="ADM1", country_code="AR", admin1="Chubut", latitude=-44.0, longitude=-68.0)


def test_the_place_a_text_says_the_event_is_coded_to_wins_over_the_province_it_happened_in():
    doc = _doc("On 8 June, in Chubut province (coded to Rawson), nurses marched.",
               [("Chubut", _PROVINCE), ("Rawson", dict(_TOWN, latitude=-43.3, longitude=-65.1))])
    where = _where(doc, "marched")
    assert (where.location, where.latitude, where.geo_precision) == ("Rawson", -43.3, 1)


def test_coded_to_the_nearest_town_and_to_the_admin_centre_name_the_place():
    for phrase in ("Location not found, coded to the nearest town, Ginchi.", "(a location coded to admin center, Ginchi)"):
        text = f"Rebels clashed with police in Boni kebele. {phrase}"
        doc = _doc(text, [("Boni", {}), ("Ginchi", dict(feature_code="PPL", country_code="ET", latitude=9.0, longitude=38.1))])
        assert _where(doc, "clashed").location == "Ginchi", phrase


def test_a_coded_to_place_in_the_next_sentence_is_the_events_place():
    doc = _doc("Militants detonated a bomb in an unspecified location in Ninewa province. Coded as provincial capital Mosul city.",
               [("Ninewa", dict(feature_code="ADM1", country_code="IQ", latitude=36.0, longitude=42.5)),
                ("Mosul", dict(feature_code="PPL", country_code="IQ", latitude=36.34, longitude=43.13))], split=True)
    assert _where(doc, "detonated").location == "Mosul"


def test_fatalities_coded_to_another_event_do_not_move_this_one():
    doc = _doc("Rebels shelled positions near Shyrokyne. One soldier was killed (fatalities coded to Shchastia event).",
               [("Shyrokyne", dict(feature_code="PPL", country_code="UA", latitude=47.1, longitude=37.8)),
                ("Shchastia", dict(feature_code="PPL", country_code="UA", latitude=48.7, longitude=39.2))], split=True)
    assert _where(doc, "shelled").location == "Shyrokyne"


def _seats(tmp_path) -> Gazetteer:
    # geonameid name ascii alternates lat lon fclass fcode cc admin1 population
    rows = [(1, "Chubut", "Chubut", "", -44.0, -68.0, "A", "ADM1", "AR", "04", 600000),
            (2, "Comodoro Rivadavia", "Comodoro Rivadavia", "", -45.86, -67.5, "P", "PPL", "AR", "04", 180000),
            (3, "Rawson", "Rawson", "", -43.3, -65.1, "P", "PPL", "AR", "04", 30000),
            (4, "Buenos Aires", "Buenos Aires", "", -34.6, -58.4, "P", "PPLC", "AR", "07", 13000000),
            (5, "Cordoba", "Cordoba", "", -31.4, -64.2, "P", "PPL", "AR", "05", 1400000),
            (6, "Neuquen", "Neuquen", "", -38.95, -68.06, "P", "PPLA", "AR", "15", 240000),
            (7, "Cutral Co", "Cutral Co", "", -38.93, -69.23, "P", "PPL", "AR", "15", 500000)]
    return Gazetteer(tiny_gazetteer(tmp_path, rows))


def test_seats_are_a_divisions_marked_seat_else_its_largest_town_and_the_national_capital(tmp_path):
    seats = _seats(tmp_path)
    assert seats.seat("AR", "Chubut") == (-45.86, -67.5)  # no seat marked: the largest town
    assert seats.seat("AR", "Neuquen") == (-38.95, -68.06)  # the seat a loaded GeoNames dump marks (PPLA)
    assert seats.seat("AR", None) == (-34.6, -58.4)
    assert seats.seat("XX", None) is None


def test_an_event_known_only_to_a_province_is_coded_at_its_main_town(tmp_path):
    seats = _seats(tmp_path)
    doc = _doc("Teachers protested in Chubut province.", [("Chubut", _PROVINCE)])
    where = seated(doc, _where(doc, "protested"), seats.seat)
    assert (where.location, where.latitude, where.longitude, where.geo_precision) == ("Chubut", -45.86, -67.5, 3)


def test_an_event_known_only_to_a_country_is_coded_at_its_capital(tmp_path):
    doc = _doc("Truck drivers protested across Argentina.", [("Argentina", dict(
        feature_code="PCLI", country_code="AR", latitude=COUNTRY_CENTRES["AR"][0], longitude=COUNTRY_CENTRES["AR"][1]))])
    where = seated(doc, _where(doc, "protested"), _seats(tmp_path).seat)
    assert (where.latitude, where.longitude, where.geo_precision) == (-34.6, -58.4, 3)


def test_a_town_and_a_district_keep_their_own_coordinates(tmp_path):
    seats = _seats(tmp_path)
    doc = _doc("Police fired at protesters in Rawson.", [("Rawson", dict(_TOWN, latitude=-43.3, longitude=-65.1, admin1="Chubut"))])
    where = _where(doc, "fired")
    assert seated(doc, where, seats.seat) == where
    assert seated(doc, where, None) == where


def test_an_unplaced_village_in_a_story_naming_no_country_takes_its_actors_country():
    from dateline.model import ActorMention

    text = "Government forces clashed with rebels in Dubicha village."
    doc = _doc(text, [("Dubicha", {})])
    doc.actors = (ActorMention(0, 17, "Military Forces of Ethiopia (2018-)", inter=1, country="ET"),)
    where = _where(doc, "clashed")
    assert (where.location, where.iso2, (where.latitude, where.longitude), where.geo_precision) == (
        "Dubicha", "ET", COUNTRY_CENTRES["ET"], 3)
    doc.actors = (ActorMention(0, 17, "Military Forces of Russia (2000-)", inter=8, country="RU"),)
    assert _where(doc, "clashed").iso2 is None  # forces abroad do not say where they act


def test_a_town_read_outside_the_province_the_text_names_for_it_is_placed_at_that_province():
    sumy = dict(feature_code="ADM1", country_code="UA", admin1="Sumy", latitude=50.9, longitude=34.8)
    namesake = dict(feature_code="PPL", country_code="UA", admin1="Odesa", latitude=46.5, longitude=30.7)
    doc = _doc("Russian forces shelled houses in Baranivka, Sumy.", [("Baranivka", namesake), ("Sumy", sumy)])
    where = _where(doc, "shelled")
    assert (where.location, where.latitude, where.admin1, where.geo_precision) == ("Baranivka", 50.9, "Sumy", 3)
    inside = dict(namesake, admin1="Sumy", latitude=51.1, longitude=34.1)
    doc = _doc("Russian forces shelled houses in Baranivka, Sumy.", [("Baranivka", inside), ("Sumy", sumy)])
    assert (_where(doc, "shelled").latitude, _where(doc, "shelled").geo_precision) == (51.1, 1)


def test_a_named_part_of_a_town_read_far_from_that_town_is_coded_at_the_town():
    natal = dict(feature_code="PPL", country_code="BR", latitude=-5.8, longitude=-35.2)
    far = dict(feature_code="PPL", country_code="BR", latitude=-28.4, longitude=-53.9)
    text = "On 31 March, in Natal (Rio Grande do Norte), a man was killed in the Pajucara neighborhood by gunmen."
    doc = _doc(text, [("Natal", natal), ("Pajucara", far)])
    assert (_where(doc, "killed").location, _where(doc, "killed").latitude) == ("Natal", -5.8)
    near = dict(far, latitude=-5.79, longitude=-35.21)  # the part read inside the town: it stays
    assert _where(_doc(text, [("Natal", natal), ("Pajucara", near)]), "killed").location == "Pajucara"


def test_a_district_followed_by_its_province_is_no_part_of_a_town():
    sinjar = dict(feature_code="PPL", country_code="IQ", latitude=36.3, longitude=41.9)
    karbala = dict(feature_code="PPL", country_code="IQ", latitude=32.6, longitude=44.0)
    doc = _doc("Militants killed a child in Sinjar district, Ninewa.", [("Sinjar", sinjar), ("Ninewa", karbala)])
    assert _where(doc, "killed").location == "Sinjar"


def test_a_country_named_before_in_a_town_is_not_inside_that_town():
    doc = _doc("Militants fired rockets at a compound of the military forces of Pakistan in Kharan city (Balochistan).",
               [("Pakistan", dict(feature_code="PCLI", country_code="PK", latitude=30.0, longitude=70.0)),
                ("Kharan", dict(feature_code="PPL", country_code="PK", latitude=28.6, longitude=65.4))])
    assert _where(doc, "fired").location == "Kharan"


def test_a_town_read_abroad_while_two_of_its_named_containers_agree_on_another_country():
    mangu = dict(feature_code="PPL", country_code="NG", latitude=9.5, longitude=9.1)
    plateau = dict(feature_code="ADM1", country_code="NG", admin1="Plateau", latitude=9.2, longitude=9.5)
    abroad = dict(feature_code="PPL", country_code="MY", latitude=3.15, longitude=101.76)
    text = "A mob killed two men in Ampang (Mangu, Plateau)."
    where = _where(_doc(text, [("Ampang", abroad), ("Mangu", mangu), ("Plateau", plateau)]), "killed")
    assert (where.location, where.iso2, where.latitude, where.geo_precision) == ("Ampang", "NG", 9.5, 2)
    # One container read abroad alone is as likely the wrong reading: the town keeps its own.
    alone = _where(_doc("A mob killed two men in Ampang (Plateau).", [("Ampang", abroad), ("Plateau", plateau)]), "killed")
    assert (alone.iso2, alone.latitude) == ("MY", 3.15)


def test_a_province_named_as_a_village_inside_another_province_is_placed_at_the_named_town():
    tete = dict(feature_code="ADM1", country_code="MZ", admin1="Tete", latitude=-15.5, longitude=33.0)
    town = dict(feature_code="PPL", country_code="MZ", admin1="Cabo Delgado", latitude=-11.35, longitude=40.35)
    cabo = dict(feature_code="ADM1", country_code="MZ", admin1="Cabo Delgado", latitude=-12.5, longitude=39.0)
    doc = _doc("Militants ambushed a truck outside the village of Tete (Mocimboa da Praia, Cabo Delgado).",
               [("Tete", tete), ("Mocimboa da Praia", town), ("Cabo Delgado", cabo)])
    where = _where(doc, "ambushed")
    assert (where.location, where.latitude, where.geo_precision) == ("Tete", -11.35, 2)
