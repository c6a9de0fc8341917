"""The data model: one :class:`Doc` owns the article text; every other record holds offsets into it.

Records are frozen dataclasses (slots, picklable so they cross process and Dask boundaries).
Offsets are Python string indices into ``Doc.text``: ``start`` inclusive, ``end`` exclusive.
Records never copy the text they point at; :meth:`Doc.to_dict` adds it when serialising.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

Evidence = tuple[tuple[str, "Span"], ...]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Article:
    """What was read from the input, before any analysis."""

    id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    dateline: str | None = None  # the wire dateline place, e.g. "BEIRUT"
    title: str | None = None
    url: str | None = None
    body_start: int = 0  # offset where the story starts, after a header line and wire dateline
    origin: str | None = None  # "path" or "path:line", for messages

    @staticmethod
    def make_id(text: str) -> str:
        """A stable id from the content, so re-reading the same text gives the same id."""
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention from the NER (spaCy labels: GPE, LOC, ORG, NORP, PERSON, DATE, ...)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised to TimeML/TIMEX3.

    ``value`` is the TIMEX3 value ("2019-01-23", "2018-12", "2019-W04", "P4M", "PAST_REF");
    ``begin``/``end_date`` are ISO dates bounding the interval it denotes (None when it denotes
    none, e.g. a bare duration); ``anchor`` is the ISO date it was resolved against and ``rule``
    names the rule that produced the value, so every value can be traced.
    """

    start: int
    end: int
    value: str | None
    type: str = "DATE"  # DATE, TIME, DURATION, SET
    begin: str | None = None
    end_date: str | None = None
    granularity: str | None = None  # day week month quarter season year decade century time duration vague
    anchor: str | None = None
    rule: str | None = None
    mod: str | None = None  # TIMEX3 mod: START, END, MID, APPROX, BEFORE, AFTER ...


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym mention and, when resolved, its gazetteer entry."""

    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature_code: str | None = None
    feature_class: str | None = None
    population: int | None = None
    score: float | None = None
    reason: str | None = None
    role: str = "toponym"  # toponym, demonym (country context only), dateline


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor, normalised to ACLED's naming.

    ``name`` is ACLED-style ("Military Forces of Syria (2000-)", "Civilians (Syria)");
    ``inter`` is ACLED's actor-type code 1-8; ``antecedent`` indexes the earlier mention in
    ``Doc.actors`` that this one refers back to ("the militants" after "Islamic State").
    """

    start: int
    end: int
    name: str
    inter: int | None = None
    country: str | None = None  # ISO2
    kind: str | None = None  # state, rebel, militia, identity, rioters, protesters, civilians, external
    antecedent: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One event, ACLED's column names where ACLED has the field."""

    event_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    trigger: Span
    sentence: Span
    event_date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: int | None = None
    interaction: int | None = None
    civilian_targeting: bool | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    country: str | None = None
    iso2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    displaced: int | None = None
    detained: int | None = None
    victims: str | None = None
    factuality: str = "asserted"
    attribution: str | None = None
    # Every distinct source of the merged mentions, the first (``attribution``) first, joined by
    # "; ": merging must not drop who else reported the event.
    sources: str | None = None
    counter_claim: str | None = None
    source: str | None = None
    notes: str | None = None
    evidence: Evidence = ()
    mentions: tuple[Span, ...] = ()  # every trigger merged into this event (the audit trail)

    def evidence_dict(self) -> dict[str, list[int]]:
        out = {"trigger": self.trigger.as_list(), "sentence": self.sentence.as_list()}
        out.update({name: span.as_list() for name, span in self.evidence})
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.name in ("trigger", "sentence", "evidence", "mentions"):
                continue
            out[f.name] = getattr(self, f.name)
        out["evidence"] = self.evidence_dict()
        out["mentions"] = [m.as_list() for m in self.mentions]
        return out

    @staticmethod
    def make_id(article_id: str, trigger: Span, sub_event_type: str) -> str:
        key = f"{article_id}:{trigger.start}:{trigger.end}:{sub_event_type}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# Layers a stage may declare in ``needs``/``adds``; "text" is always there.
LAYERS = ("text", "spacy", "sentences", "entities", "times", "places", "actors", "events", "merged")


@dataclass(eq=False)
class Doc:
    """The analysis of one article: owns the text; stages fill the layers in order.

    Layers are tuples of frozen records, ``None`` until the stage that adds them has run.
    ``spacy`` holds the spaCy ``Doc`` (never serialised).
    """

    article: Article
    spacy: Any = None
    sentences: tuple[Sentence, ...] | None = None
    entities: tuple[Entity, ...] | None = None
    times: tuple[TimeExpr, ...] | None = None
    places: tuple[Place, ...] | None = None
    actors: tuple[ActorMention, ...] | None = None
    events: tuple[Event, ...] | None = None
    merged: bool = False
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def id(self) -> str:
        return self.article.id

    def has(self, layer: str) -> bool:
        if layer == "text":
            return True
        value = getattr(self, layer)
        return bool(value) if layer == "merged" else value is not None

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_of(self, offset: int) -> Sentence | None:
        for sent in self.sentences or ():
            if sent.start <= offset < sent.end:
                return sent
        return None

    def to_dict(self, *, keep_all: bool = False) -> dict[str, Any]:
        a = self.article
        events = [e for e in self.events or () if keep_all or e.factuality == "asserted"]
        return {
            "id": a.id,
            "published": a.published.isoformat() if a.published else None,
            "source": a.source,
            "dateline": a.dateline,
            "title": a.title,
            "url": a.url,
            "times": [time_dict(self.text, t) for t in self.times or ()],
            "places": [place_dict(self.text, p) for p in self.places or ()],  # role: toponym, demonym (its country), dateline
            "actors": [actor_dict(self.text, m) for m in self.actors or ()],
            "events": [e.to_dict() for e in events],
        }


def _record_dict(text: str, record: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {"start": record.start, "end": record.end, "text": text[record.start : record.end]}
    for f in dataclasses.fields(record):
        if f.name not in ("start", "end") and f.name not in skip:
            out[f.name] = getattr(record, f.name)
    return out


def time_dict(text: str, t: TimeExpr) -> dict[str, Any]:
    return _record_dict(text, t)


def place_dict(text: str, p: Place) -> dict[str, Any]:
    return _record_dict(text, p)


def actor_dict(text: str, m: ActorMention) -> dict[str, Any]:
    return _record_dict(text, m)


def as_date(value: str | dt.date | dt.datetime | None) -> dt.date | None:
    """Accept an ISO string, a ``date`` or a ``datetime`` (the contract's ``published``)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError as exc:
        from .errors import InputError

        raise InputError(f"not an ISO date: {value!r}") from exc


def evidence(pairs: Mapping[str, Span | None]) -> Evidence:
    """Build an ``Event.evidence`` tuple from a mapping, dropping fields without a span."""
    return tuple((k, v) for k, v in pairs.items() if v is not None)


@dataclass(frozen=True, slots=True)
class EventTime:
    """When an event happened, as ACLED codes it (``time_precision`` 1 day, 2 week, 3 month+)."""

    event_date: str | None
    date_start: str | None
    date_end: str | None
    time_precision: int | None
    evidence: Span | None = None  # the time expression used, None when the publication date was
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened, as ACLED codes it (``geo_precision`` 1 town, 2 near/part, 3 region)."""

    location: str | None
    latitude: float | None = None
    longitude: float | None = None
    geonameid: int | None = None
    country: str | None = None  # country name, ACLED-style ("Syria")
    iso2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geo_precision: int | None = None
    evidence: Span | None = None
    reason: str | None = None
