"""The geoparsing and event-location harnesses: readers and scoring on small files the tests write."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate.event_location import LocationScores, _count, read_examples
from dateline.evaluate.geoparse import (
    GoldArticle, GoldToponym, read_corpus, reanchor, score_end_to_end, score_given_spans,
)
from dateline.geo.stage import PlaceStage
from dateline.model import Article, Doc, Place, Span
from test_geo_tiny import write_tiny

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Fire in Alexandria, Louisiana. Then Nowhere.]]></text>
<toponyms count="3">
<toponym><start>8</start><end>18</end><phrase>Alexandria</phrase><gaztag geonameid="2"><name>Alexandria</name>
<fclass>P</fclass><fcode>PPL</fcode><lat>31.31</lat><lon>-92.45</lon></gaztag></toponym>
<toponym><start>20</start><end>29</end><phrase>Louisiana</phrase><gaztag geonameid="3"><name>Louisiana</name>
<fclass>A</fclass><fcode>ADM1</fcode><lat>31.0</lat><lon>-92.0</lon></gaztag></toponym>
<toponym><start>36</start><end>43</end><phrase>Nowhere</phrase></toponym>
</toponyms></article></articles>"""

GEOVIRUS = """<articles><article><text>Cases rose in Hajin and in Aleppo.</text><locations>
<location><name>Hajin</name><start>15</start><end>20</end><lat>34.69</lat><lon>40.83</lon></location>
<location><name>Aleppo</name><start>27</start><end>33</end><lat>36.2</lat><lon>37.16</lon></location>
</locations></article></articles>"""


def test_reanchor_moves_drifted_offsets_onto_the_name():
    text = "Cases rose in Hajin and in Aleppo."
    assert reanchor(text, "Hajin", 14) == 14
    assert reanchor(text, "Hajin", 15) == 14
    assert reanchor(text, "Mosul", 3) is None


def test_readers_and_given_span_scores(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    (tmp_path / "gv.xml").write_text(GEOVIRUS, encoding="utf-8")
    lgl = list(read_corpus(str(tmp_path / "lgl.xml")))
    assert [t.name for t in lgl[0].toponyms] == ["Alexandria", "Louisiana", "Nowhere"]
    assert lgl[0].toponyms[2].lat is None
    gv = list(read_corpus(str(tmp_path / "gv.xml")))
    assert [gv[0].text[t.start : t.end] for t in gv[0].toponyms] == ["Hajin", "Aleppo"]
    stage = PlaceStage.default(gazetteer=write_tiny(tmp_path))
    scores = score_given_spans(lgl + gv, stage).as_dict()
    assert scores["gold_toponyms"] == 4 and scores["accuracy_161km"] == 1.0
    assert scores["geonameid_match"] == 1.0  # GeoVirus has no ids: only LGL's two count


def test_end_to_end_precision_and_recall():
    text = "In Hajin and Mars."
    art = GoldArticle("a", text, (GoldToponym(3, 8, "Hajin", 34.69, 40.83),))
    doc = Doc(Article(id="a", text=text))
    doc.places = (Place(3, 8, latitude=34.7, longitude=40.8), Place(13, 17, latitude=0.0, longitude=0.0),
                  Place(13, 17, role="demonym"))
    scores = score_end_to_end([art], [doc]).as_dict()
    assert scores["accuracy_161km"] == 1.0
    assert scores["precision_161km"] == 0.5
    assert scores["span_recall"] == 1.0


def test_event_location_reader_rebuilds_offsets_from_tokens(tmp_path):
    row = {"text": "The Baghdad office was destroyed.", "tokens": [
        {"text": "The", "start": 0, "end": 3}, {"text": "Baghdad", "start": 4, "end": 11},
        {"text": "office", "start": 12, "end": 18}, {"text": "was", "start": 19, "end": 22},
        {"text": "destroyed", "start": 23, "end": 32}],
        "spans": [{"start": 23, "end": 32, "token_start": 4, "token_end": 4, "label": "VERB"},
                  {"start": 1, "end": 1, "token_start": 1, "token_end": 1, "label": "LOCATION"}]}
    path = tmp_path / "el.jsonl"
    path.write_text(json.dumps(row) + "\n" + json.dumps({"text": "No spans.", "tokens": []}) + "\n")
    examples = read_examples(str(path))
    assert len(examples) == 1
    assert examples[0].locations == (Span(4, 11),) and examples[0].trigger == Span(23, 32)
    scores = LocationScores()
    _count(scores, examples[0], Span(4, 11))
    _count(scores, examples[0], None)
    assert scores.as_dict()["accuracy"] == 0.5


SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev" / "geoparsing" / "GeoVirus.xml"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared data absent")
def test_geovirus_offsets_reanchor_on_every_name():
    for art in list(read_corpus(str(SHARED)))[:40]:
        for t in art.toponyms:
            assert art.text[t.start : t.end] == t.name
