"""Invariants of the actor stage over random word salad built from actor words."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.actors.stage import ActorStage
from dateline.model import Article, Doc, Place, Sentence

WORDS = ["the", "The", "Syrian", "troops", "SDF", "Islamic", "State", "militants", "group", "police", "fired", "on",
         "protesters", "in", "Hajin", "and", "Russian", "forces", "unidentified", "gunmen", "killed", "civilians",
         "Kalay", "PDF", "Palestinians", "marched", "of", "Union", "(NU)", "'s", "people", ".", ",", "Taliban"]
STAGE = ActorStage.default()


def make(words: list[str], published: dt.date) -> Doc:
    text = " ".join(words)
    doc = Doc(Article(id="h", text=text, published=published))
    doc.sentences = (Sentence(0, len(text)),) if text else ()
    doc.entities = ()
    at = text.find("Hajin")
    doc.places = (Place(at, at + 5, country_code="SY"),) if at >= 0 else ()
    return doc


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
def test_mentions_are_ordered_disjoint_and_link_backwards(words, published):
    doc = make(words, published)
    STAGE(doc)
    previous_end = 0
    for i, m in enumerate(doc.actors):
        assert previous_end <= m.start < m.end <= len(doc.text)
        previous_end = m.end
        assert m.name and (m.inter is None or 1 <= m.inter <= 8)
        assert m.antecedent is None or 0 <= m.antecedent < i
        if m.antecedent is not None:
            assert doc.actors[m.antecedent].name == m.name
