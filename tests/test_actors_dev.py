"""The actor stage with the real spaCy parse, and the measurement over ACLED dev rows (skips without ../shared)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors.measure import ActorScores, measure, read_rows, score_row
from dateline.actors.stage import ActorStage
from dateline.model import Article, Doc, Place

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse():
    from dateline.parse import ParseStage, load_nlp

    return ParseStage(load_nlp())


class NoPlaces:
    """A stand-in place stage: the tests give the country through the dateline."""

    name = "places"

    def __call__(self, doc: Doc) -> None:
        doc.places = ()


def test_parsed_article_names_and_links_actors(parse):
    text = ("Islamic State militants attacked an army post near Deir al-Zor on Monday. "
            "The jihadists killed four Syrian soldiers, and the group later withdrew.")
    doc = Doc(Article(id="p", text=text, published=dt.date(2019, 3, 4), dateline="Syria"))
    parse(doc)
    doc.places = (Place(text.index("Deir"), text.index("Deir") + 12, country_code="SY"),)
    ActorStage.default()(doc)
    by_text = {doc.text[a.start : a.end]: a for a in doc.actors}
    assert by_text["Islamic State militants"].name == "Islamic State (Syria)"
    assert by_text["jihadists"].name == "Islamic State (Syria)"
    assert by_text["Syrian soldiers"].name == "Military Forces of Syria (2000-)"
    group = by_text["group"]
    assert group.name == "Islamic State (Syria)" and group.antecedent is not None


def test_score_row_counts_found_names():
    doc = Doc(Article(id="r", text="Police fired on protesters."))
    doc.actors = ()
    scores = ActorScores()
    score_row(scores, {"actor1": "Protesters (Kenya)", "actor2": ""}, doc)
    assert scores.present["actor1"] == 1 and scores.found["actor1"] == 0 and scores.recall("actor1") == 0.0


def test_measure_on_acled_dev_rows(shared_dir, parse):
    path = shared_dir / "data/dev/acled_notes/acled_notes_dev.csv"
    rows = list(read_rows(str(path), limit=60))
    scores = measure(rows, [parse, NoPlaces(), ActorStage.default()], gold_country=True)
    assert scores.rows == 60
    # A floor well under the dev figure (about 0.8 with the gold country): catches a broken stage.
    assert scores.recall("actor1") >= 0.5
