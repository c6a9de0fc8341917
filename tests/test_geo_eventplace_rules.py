"""Event place rules on hand-written sentences with hand-made places (no gazetteer, no spaCy)."""

from __future__ import annotations

from dateline.geo.eventplace import event_place
from dateline.model import Article, Doc, Place, Sentence, Span

TOWN = dict(latitude=1.0, longitude=1.0, country_code="XX", feature_code="PPL")
COUNTRY = dict(latitude=2.0, longitude=2.0, country_code="XX", feature_code="PCLI")


def where_of(text: str, trigger: str, places: dict[str, dict]):
    """The event place of ``trigger`` in a one-sentence doc whose places are ``places`` (word -> fields)."""
    made = []
    for word, fields in places.items():
        start = text.index(word)
        made.append(Place(start, start + len(word), name=word, **fields))
    doc = Doc(Article(id="e", text=text), sentences=(Sentence(0, len(text)),),
              places=tuple(sorted(made, key=lambda p: p.start)))
    at = text.index(trigger)
    return event_place(doc, Span(at, at + len(trigger)), doc.sentences[0])


def _pick(text: str, trigger: str, places: dict[str, dict]) -> str:
    where = where_of(text, trigger, places)
    return text[where.evidence.start : where.evidence.end]


def test_the_triggers_own_locative_phrase_wins():
    text = "Men held at Kabul were captured early on Sunday in Kandahar."
    assert _pick(text, "captured", {"Kabul": TOWN, "Kandahar": TOWN}) == "Kandahar"


def test_a_landmark_measured_from_is_not_the_place():
    text = "In Mallawi, 260 kilometers south of Cairo, radicals shot and killed a civilian."
    assert _pick(text, "shot", {"Mallawi": TOWN, "Cairo": TOWN}) == "Mallawi"


def test_a_building_yields_to_the_town_it_stands_in():
    text = "Gunmen walked into the Rio Rosas bar in Chihuahua and began shooting."
    assert _pick(text, "shooting", {"Rio Rosas": {}, "Chihuahua": TOWN}) == "Chihuahua"


def test_a_capital_named_after_its_country_wins():
    text = "Kabila was shot at his desk in Congo's capital, Kinshasa, in 2001."
    assert _pick(text, "shot", {"Congo": COUNTRY, "Kinshasa": TOWN}) == "Kinshasa"


def test_a_village_of_a_district_is_the_village():
    text = "Five civilians were killed in Kayamla village of Konduga LGA when a jet dropped a bomb."
    assert _pick(text, "killed", {"Kayamla village": {}, "Konduga LGA": {}}) == "Kayamla village"


def test_a_sentence_opening_on_a_place_and_its_container_is_framed_there():
    text = ("On 2 June 2022, in San Juan (Cuyo), teachers of the Union of Ecuador gathered and blocked "
            "some streets towards Mendoza to demand a raise.")
    places = {"San Juan": TOWN, "Cuyo": dict(TOWN, feature_code="ADM1"), "Mendoza": TOWN}
    assert _pick(text, "demand", places) == "San Juan"


def test_a_place_inside_an_organisations_name_is_not_the_events():
    from dateline.model import Entity

    text = "Supporters of the Confederation of Nationalities of Ecuador blocked roads in Cangahua."
    start = text.index("the Confederation")
    made = [Place(text.index("Ecuador"), text.index("Ecuador") + 7, name="Ecuador", **COUNTRY),
            Place(text.index("Cangahua"), text.index("Cangahua") + 8, name="Cangahua", **TOWN)]
    doc = Doc(Article(id="o", text=text), sentences=(Sentence(0, len(text)),), places=tuple(made),
              entities=(Entity(start, text.index(" blocked"), "ORG"),))
    at = text.index("blocked")
    where = event_place(doc, Span(at, at + 7), doc.sentences[0])
    assert where.location == "Cangahua"
