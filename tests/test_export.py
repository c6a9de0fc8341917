"""Exports: ACLED's 31 columns in order, JSONL and Parquet round trips, GeoJSON points."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings

from dateline.errors import ExportError
from dateline.export import (
    ACLED_COLUMNS, EVENT_SCHEMA, categories, event_from_dict, event_rows, events_from_table, export,
    export_file, iso_numeric, read_events_jsonl, regions,
)
from dateline.model import Event, Span
from record_strategies import events, unique_events

HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
          "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
          "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
          "tags,timestamp")


def strike(**kw) -> Event:
    base = dict(event_id="e1", article_id="a1", event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike", trigger=Span(10, 18), sentence=Span(0, 60),
                event_date="2019-01-23", time_precision=1, actor1="Military Forces of Syria (2000-)", inter1=1,
                actor2="Civilians (Syria)", inter2=7, interaction=17, civilian_targeting=True,
                location="Hajin", latitude=34.695123, longitude=40.831, geo_precision=1, iso2="SY",
                country="Syria", admin1="Deir ez-Zor", fatalities=12, source="Wire", notes="A strike.",
                evidence=(("location", Span(30, 35)),))
    base.update(kw)
    return Event(**base)


def run(fmt, evs, **kw) -> bytes:
    out = io.BytesIO()
    export(fmt, evs, out, **kw)
    return out.getvalue()


def test_taxonomy_has_acled_25_sub_event_types_in_6_types():
    cats = categories()
    assert len(cats) == 25
    assert len({c.event_type for c in cats.values()}) == 6
    assert cats["Peaceful protest"].disorder_type == "Demonstrations"
    assert cats["Armed clash"].disorder_type == "Political violence"
    assert cats["Arrests"].disorder_type == "Strategic developments"


def test_regions_and_iso_numeric():
    assert regions()["SY"] == "Middle East" and regions()["ML"] == "Western Africa"
    assert iso_numeric("SY") == 760 and iso_numeric("ml") == 466 and iso_numeric(None) is None


def test_acled_csv_header_is_acleds_31_columns():
    text = run("acled-csv", []).decode()
    assert text.splitlines()[0] == HEADER
    assert len(ACLED_COLUMNS) == 31


def test_acled_csv_row_values():
    stamp = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    [row] = csv.DictReader(io.StringIO(run("acled-csv", [strike()], timestamps={"a1": stamp}).decode()))
    assert row["year"] == "2019" and row["disorder_type"] == "Political violence"
    assert (row["iso"], row["region"], row["country"]) == ("760", "Middle East", "Syria")
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["latitude"], row["fatalities"], row["interaction"]) == ("34.6951", "12", "17")
    assert row["timestamp"] == str(int(stamp.timestamp())) and row["admin3"] == ""


def test_acled_csv_conventions_for_missing_values():
    [row] = csv.DictReader(io.StringIO(run("acled-csv", [strike(
        fatalities=None, civilian_targeting=False, latitude=None, iso2=None, country=None)]).decode()))
    assert row["fatalities"] == "0"  # ACLED codes an unreported toll as 0
    assert row["civilian_targeting"] == "" and row["latitude"] == "" and row["region"] == ""


def test_country_name_filled_from_iso2():
    [row] = csv.DictReader(io.StringIO(run("acled-csv", [strike(country=None, iso2="ML")]).decode()))
    assert row["country"] == "Mali"


def test_geojson_points_and_null_geometry():
    data = json.loads(run("geojson", [strike(), strike(event_id="e2", latitude=None, longitude=None)]))
    assert data["type"] == "FeatureCollection"
    first, second = data["features"]
    assert first["geometry"] == {"type": "Point", "coordinates": [40.831, 34.695123]}
    assert first["properties"]["evidence"]["location"] == [30, 35]
    assert second["geometry"] is None


def test_geojson_empty_is_valid():
    assert json.loads(run("geojson", [])) == {"type": "FeatureCollection", "features": []}


def test_parquet_has_the_event_schema(tmp_path):
    path = tmp_path / "e.parquet"
    assert export_file("parquet", [strike(), strike(event_id="e2")], str(path)) == 2
    table = pq.read_table(path)
    assert table.schema.equals(EVENT_SCHEMA)
    assert list(events_from_table(table))[0] == strike()


def test_unknown_format_and_unwritable_path(tmp_path):
    with pytest.raises(ExportError, match="unknown format"):
        run("xml", [])
    with pytest.raises(ExportError, match="cannot write"):
        export_file("jsonl", [], str(tmp_path / "missing" / "x.jsonl"))


def test_bad_jsonl_event_is_an_export_error():
    with pytest.raises(ExportError, match="line 2"):
        list(read_events_jsonl(["", "{}"]))


@settings(max_examples=50, deadline=None)
@given(evs=unique_events())
def test_jsonl_round_trip(evs):
    lines = run("jsonl", evs).decode().splitlines()
    assert list(read_events_jsonl(lines)) == evs


@settings(max_examples=50, deadline=None)
@given(event=events())
def test_dict_and_arrow_round_trips(event):
    assert event_from_dict(json.loads(json.dumps(event.to_dict()))) == event
    assert list(events_from_table(event_rows([event]))) == [event]


def test_a_closed_pipe_is_not_an_export_error():
    class ClosedPipe(io.RawIOBase):
        def writable(self):
            return True

        def write(self, data):
            raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(BrokenPipeError):
        export("jsonl", [strike()], ClosedPipe())
