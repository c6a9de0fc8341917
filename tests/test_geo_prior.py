"""Demonyms of actors and countries a story is about are not the event's country (hand-made places)."""

from __future__ import annotations

from dateline.geo.countries import ACTOR_DEMONYM, actor_demonym, story_country, topic_place
from dateline.geo.eventplace import event_place
from dateline.geo.stage import _prior, _text_prior
from dateline.model import Article, Doc, Place, Sentence, Span


def _at(text: str, word: str, **kw) -> Place:
    start = text.index(word)
    return Place(start, start + len(word), word, **kw)


def test_a_demonym_before_a_force_or_a_weapon_names_an_actor():
    for text, word in (("Russian forces shelled the town.", "Russian"), ("A Turkish drone struck a car.", "Turkish"),
                       ("Saudi-led coalition air raids hit.", "Saudi"), ("the Russian military invasion", "Russian"),
                       ("Iraqi air strikes targeted a hill.", "Iraqi")):
        start = text.index(word)
        assert actor_demonym(text, start, start + len(word)), text


def test_a_demonym_of_people_or_a_community_is_not_an_actor():
    for text, word in (("Syrian refugees protested.", "Syrian"), ("the Ukrainian community gathered.", "Ukrainian")):
        start = text.index(word)
        assert not actor_demonym(text, start, start + len(word)), text


def test_an_actors_demonym_does_not_sway_the_gazetteer_prior():
    assert dict(_prior(None, ["UA"], actors=["RU"])) == {"UA": 0.5, "RU": 0.0}
    assert _text_prior("Russian forces shelled Pravdyne, Kherson.").get("RU", 0.0) == 0.0
    assert _text_prior("Russian residents fled Pravdyne.")["RU"] == 0.5


def test_a_country_named_as_the_object_of_a_topic_is_not_where_the_event_is():
    text = "About 200 people demonstrated in Valence against the invasion of Ukraine."
    assert topic_place(text, _at(text, "Ukraine"))
    assert not topic_place(text, _at(text, "Valence"))
    text = "Activists protested in front of the Russian embassy in Yerevan."
    assert topic_place(text, _at(text, "Russian"))
    assert not topic_place(text, _at(text, "Yerevan"))


def test_story_country_skips_topics_and_halves_actors():
    text = "Protesters in Valence denounced the Russian invasion of Ukraine and met French police officers."
    places = (_at(text, "Valence", role="toponym"), _at(text, "Russian", country_code="RU", role="demonym"),
              _at(text, "Ukraine", country_code="UA", role="toponym", latitude=49.0, longitude=32.0),
              _at(text, "French", country_code="FR", role="demonym"))
    assert story_country(Doc(Article(id="t", text=text), places=places)) == "FR"
    text = "Russian forces and Ukrainian forces clashed near Izium, Kharkiv."
    places = (_at(text, "Russian", country_code="RU", role="demonym", reason=ACTOR_DEMONYM),
              _at(text, "Kharkiv", country_code="UA", role="toponym", latitude=50.0, longitude=36.2))
    assert story_country(Doc(Article(id="k", text=text), places=places)) == "UA"


def test_the_invaded_country_is_not_the_protests_place():
    text = "On 27 February, people demonstrated in Cartagena to condemn the war in Ukraine."
    cartagena = _at(text, "Cartagena", role="toponym", country_code="ES", latitude=37.6, longitude=-0.98,
                    feature_code="PPLA2")
    ukraine = _at(text, "Ukraine", role="toponym", country_code="UA", latitude=49.0, longitude=32.0,
                  feature_code="PCLI")
    doc = Doc(Article(id="c", text=text), sentences=(Sentence(0, len(text)),), places=(cartagena, ukraine))
    trigger = Span(text.index("condemn"), text.index("condemn") + 7)
    assert event_place(doc, trigger, doc.sentences[0]).iso2 == "ES"


def test_a_community_abroad_and_an_embassy_of_a_country_are_topics():
    text = "Members of the Ukrainian community protested at the embassy of Russia in Milan."
    assert topic_place(text, _at(text, "Ukrainian"))
    assert topic_place(text, _at(text, "Russia"))
    assert not topic_place(text, _at(text, "Milan"))
