"""The actor stage with the real spaCy parse (the measurement over ACLED rows: tests/test_eval_actors.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors.stage import ActorStage
from dateline.model import Article, Doc, Place

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parse():
    from dateline.parse import ParseStage, load_nlp

    return ParseStage(load_nlp())


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
