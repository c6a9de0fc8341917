"""An event at a name the gazetteer lacks is coded as at an unknown place (its container, else the
country), also when the place stage estimated that name at the story's focus (geo.focus): the text
does not support the estimate. Text and places written for this test."""

from __future__ import annotations

from dateline.geo.eventplace import event_place
from dateline.geo.focus import AT_FOCUS
from dateline.model import Article, Doc, Place, Sentence, Span

TEXT = "Gunmen attacked Kessick Ford, a hamlet in Ohio, on Sunday. Millvale police said two died."


def _doc(estimated: bool) -> Doc:
    doc = Doc(Article(id="t", text=TEXT))
    doc.sentences = (Sentence(0, 58), Sentence(59, len(TEXT)))
    hamlet = TEXT.index("Kessick Ford")
    ohio = TEXT.index("Ohio")
    town = TEXT.index("Millvale")
    at_focus = dict(latitude=40.0, longitude=-83.0, country_code="US", score=0.0, reason=AT_FOCUS) if estimated else {}
    doc.places = (
        Place(hamlet, hamlet + 12, name="Kessick Ford", **at_focus),
        Place(ohio, ohio + 4, name="Ohio", geonameid=5165418, latitude=40.25, longitude=-82.5,
              country_code="US", admin1="Ohio", feature_code="ADM1", feature_class="A"),
        Place(town, town + 8, name="Millvale", geonameid=1, latitude=40.0, longitude=-83.0,
              country_code="US", admin1="Ohio", feature_code="PPL", feature_class="P"),
    )
    return doc


def test_an_estimated_place_is_coded_like_an_unresolved_one():
    trig = TEXT.index("attacked")
    plain = event_place(_doc(False), Span(trig, trig + 8), Sentence(0, 58))
    estimated = event_place(_doc(True), Span(trig, trig + 8), Sentence(0, 58))
    assert estimated == plain
    assert estimated.location == "Kessick Ford" and estimated.geonameid is None
    assert estimated.geo_precision == 3 and estimated.admin1 == "Ohio"  # at its named container, not the estimate
