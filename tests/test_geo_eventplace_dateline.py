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
