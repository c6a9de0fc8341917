"""An event at a place the gazetteer lacks falls back to the story's places, not the dateline's."""

from __future__ import annotations

from dateline.geo.stage import event_place
from dateline.model import Article, Doc, Place, Sentence, Span

TEXT = "BEIRUT (Wire) - Fighters took the village of Qaryat on Monday. Hajin fell last year."


def place(word: str, **fields) -> Place:
    start = TEXT.index(word)
    return Place(start, start + len(word), **fields)


def test_unresolved_event_place_is_not_put_at_the_reporters_dateline():
    doc = Doc(
        Article(id="a", text=TEXT, dateline="BEIRUT", body_start=TEXT.index("Fighters")),
        sentences=(Sentence(TEXT.index("Fighters"), TEXT.index("Hajin") - 1), Sentence(TEXT.index("Hajin"), len(TEXT))),
        places=(
            place("BEIRUT", name="Beirut", latitude=33.9, longitude=35.5, country_code="LB",
                  feature_code="PPLC", role="dateline"),
            place("Qaryat", name="Qaryat"),
            place("Hajin", name="Hajin", latitude=34.7, longitude=40.8, country_code="SY", feature_code="PPL"),
        ),
    )
    trigger = Span(TEXT.index("took"), TEXT.index("took") + 4)
    where = event_place(doc, trigger, doc.sentences[0])
    assert where.location == "Qaryat"
    assert (where.iso2, where.geo_precision) == ("SY", 3)


def _doc(text: str, *places: Place) -> Doc:
    return Doc(Article(id="b", text=text), sentences=(Sentence(0, len(text)),), places=places)


def _at(text: str, word: str, **fields) -> Place:
    start = text.index(word)
    return Place(start, start + len(word), **fields)


def test_a_country_named_as_a_modifier_or_across_a_border_is_not_the_event_place():
    text = "Hajin fell. Residents accused the US-led coalition of bombing near the border with Iraq."
    hajin = _at(text, "Hajin", name="Hajin", latitude=34.7, longitude=40.8, country_code="SY", feature_code="PPL")
    us = _at(text, "US", name="United States", latitude=39.8, longitude=-98.6, country_code="US", feature_code="PCLI")
    iraq = _at(text, "Iraq", name="Iraq", latitude=33.0, longitude=44.0, country_code="IQ", feature_code="PCLI")
    doc = _doc(text, hajin, us, iraq)
    second = Sentence(text.index("Residents"), len(text))
    trigger = Span(text.index("bombing"), text.index("bombing") + 7)
    where = event_place(doc, trigger, second)
    assert (where.location, where.iso2) == ("Hajin", "SY")
    assert where.geo_precision == 2  # named elsewhere in the story: around it, not known to be in it
