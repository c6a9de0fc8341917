"""Event place rules on hand-written sentences with hand-made places (no gazetteer, no spaCy)."""

from __future__ import annotations

from dateline.geo.eventplace import event_place
from dateline.model import Article, Doc, Place, Sentence, Span

TOWN = dict(latitude=1.0, longitude=1.0, country_code="XX", feature_code="PPL")
COUNTRY = dict(latitude=2.0, longitude=2.0, country_code="XX", feature_code="PCLI")


def _pick(text: str, trigger: str, places: dict[str, dict]) -> str:
    made = []
    for word, fields in places.items():
        start = text.index(word)
        made.append(Place(start, start + len(word), name=word, **fields))
    doc = Doc(Article(id="e", text=text), sentences=(Sentence(0, len(text)),),
              places=tuple(sorted(made, key=lambda p: p.start)))
    at = text.index(trigger)
    where = event_place(doc, Span(at, at + len(trigger)), doc.sentences[0])
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
