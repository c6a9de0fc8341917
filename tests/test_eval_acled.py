"""The ACLED scorer on hand-made rows: what counts as right, and what the per-row error file holds."""

import json
from collections import Counter

from dateline.evaluate.acled import Pair, macro_f1, row_record, score, summary, write_rows
from dateline.model import Event, Span

GOLD = {"event_type": "Battles", "sub_event_type": "Armed clash", "interaction": "12", "inter1": "1",
        "actor1": "Military Forces of Mali (2021-)", "actor2": "JNIM: Group for Support of Islam and Muslims",
        "fatalities": "3", "event_date": "2022-03-01", "location": "Niono", "admin1": "Segou",
        "country": "Mali", "latitude": "14.25", "longitude": "-5.99", "notes": "On 1 March 2022, ..."}


def _event(**kw) -> Event:
    base = dict(event_id="e1", article_id="a1", event_type="Battles", sub_event_type="Armed clash",
                trigger=Span(0, 5), sentence=Span(0, 20), event_date="2022-03-01",
                actor1="Military Forces of Mali (2021-)", actor2="JNIM: Group for Support of Islam and Muslims",
                inter1=1, interaction=12, fatalities=3, location="Niono", country="Mali",
                latitude=14.25, longitude=-5.99, geo_precision=1)
    base.update(kw)
    return Event(**base)


def test_a_right_event_scores_on_every_field():
    result = summary(score([Pair(GOLD, _event())]))
    for key in ("event_type_accuracy", "sub_event_accuracy", "interaction_accuracy", "actor1_accuracy",
                "fatalities_exact", "location_within_25km", "location_within_161km", "date_exact"):
        assert result[key] == 1.0, key


def test_a_place_300_km_off_misses_both_radii_and_a_missing_event_misses_everything():
    far = _event(latitude=14.25 + 2.7)  # about 300 km north
    result = summary(score([Pair(GOLD, far), Pair(GOLD, None)]))
    assert result["location_within_161km"] == 0.0
    assert result["event_type_accuracy"] == 0.5


def test_macro_f1_averages_over_gold_classes():
    value, per = macro_f1(Counter({("A", "A"): 1, ("B", "A"): 1}))
    assert per["A"] == 2 / 3 and per["B"] == 0.0 and value == 1 / 3


def test_row_record_holds_gold_and_predicted_place_and_distance(tmp_path):
    rec = row_record(Pair(GOLD, _event(latitude=15.25)))
    assert rec["gold_place"] == "Niono, Segou, Mali" and rec["pred_place"] == "Niono"
    assert 105 < rec["km"] < 115 and rec["pred_geo_precision"] == 1
    path = tmp_path / "rows.jsonl"
    write_rows(path, [Pair(GOLD, None)])
    row = json.loads(path.read_text())
    assert row["pred_sub"] == "(none)" and row["km"] is None and row["pred_place"] is None
