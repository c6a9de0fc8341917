"""Merging the mentions of one event inside an article.

Two event mentions are one event when they have the same sub-event type (or are the same
protest, one telling of an intervention the other did not), the same factuality, overlapping
dates, the same place (or one has none) and the same sides (or one side unnamed). The merged
event keeps the first mention's trigger, fills its gaps from the others, keeps every
trigger in ``mentions`` and every piece of evidence (a field both mentions support keeps the
first span under its name and the others as ``name.2``, ``name.3``: the audit trail), every
distinct source in ``sources``, and takes the conservative figures: restated counts are never
added.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Doc, Event, Span
from ..pipeline import Stage
from .attribution import join_sources
from .counts import Counts, merge_counts
from .notes import note

PROTEST_RANK = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2,
                "Violent demonstration": 3}
DEFAULT_PREFIXES = ("Unidentified Armed Group", "Civilians", "Protesters", "Rioters")
FILLABLE = ("actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "attribution",
            "counter_claim", "injured", "displaced", "detained", "victims")
DATE_FIELDS = ("event_date", "date_start", "date_end", "time_precision")
PLACE_FIELDS = ("location", "latitude", "longitude", "geo_precision", "geonameid", "country", "iso2",
                "admin1", "admin2")


class MergeStage(Stage):
    name = "merge"
    needs = frozenset({"events"})
    adds = frozenset({"merged"})

    def __call__(self, doc: Doc) -> None:
        doc.events = tuple(_with_sources(e) for e in merge_events(doc.events or ()))
        doc.merged = True


def _with_sources(e: Event) -> Event:
    """An event told once has its one source in ``sources`` too."""
    return e if e.sources is not None or e.attribution is None else replace(e, sources=e.attribution)


def merge_events(events: tuple[Event, ...] | list[Event]) -> list[Event]:
    out: list[Event] = []
    for event in events:
        for i, kept in enumerate(out):
            if compatible(kept, event):
                out[i] = merge_pair(kept, event)
                break
        else:
            out.append(event)
    return out


def compatible(a: Event, b: Event) -> bool:
    return (
        _same_kind(a, b)
        and a.factuality == b.factuality
        and _dates_overlap(a, b)
        and _same_place(a, b)
        and _same_sides(a, b)
    )


def _same_kind(a: Event, b: Event) -> bool:
    return a.sub_event_type == b.sub_event_type or (a.sub_event_type in PROTEST_RANK and b.sub_event_type in PROTEST_RANK)


def _dates_overlap(a: Event, b: Event) -> bool:
    da, db = dict(a.evidence).get("date"), dict(b.evidence).get("date")
    if da is None or db is None or not (a.date_start and b.date_start):
        return True  # one date is only the publication date: no evidence against
    return a.date_start <= (b.date_end or b.date_start) and b.date_start <= (a.date_end or a.date_start)


def _same_place(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None or not (_own(a, "location") and _own(b, "location")):
        return True  # a place taken from elsewhere in the article is no evidence against
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    return a.location == b.location or _contains(a, b) or _contains(b, a)


def _contains(area: Event, e: Event) -> bool:
    """"In eastern Syria" and "in Baghous, Syria" can tell one event: the area holds the town."""
    if area.geo_precision != 3 or area.country is None or area.country != e.country:
        return False
    return area.location in (area.country, e.admin1)


def _own(e: Event, key: str) -> bool:
    """Is the evidence for ``key`` inside the event's own (first) sentence?"""
    span = dict(e.evidence).get(key)
    return span is not None and e.sentence.start <= span.start < e.sentence.end


def _same_sides(a: Event, b: Event) -> bool:
    straight = _same_actor(a.actor1, b.actor1) and _same_actor(a.actor2, b.actor2)
    swapped = a.event_type == "Battles" and _same_actor(a.actor1, b.actor2) and _same_actor(a.actor2, b.actor1)
    return straight or swapped


def _same_actor(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y or _default(x) or _default(y)


def _default(name: str) -> bool:
    return name.startswith(DEFAULT_PREFIXES[0])


def merge_pair(a: Event, b: Event) -> Event:
    """``a`` absorbs ``b``: gaps filled, evidence and mentions joined, figures not added."""
    fields = {f: getattr(b, f) for f in FILLABLE if getattr(a, f) is None and getattr(b, f) is not None}
    fields.update(_better_actors(a, b))
    if "date" not in dict(a.evidence) and "date" in dict(b.evidence):
        fields.update({f: getattr(b, f) for f in DATE_FIELDS})
    if a.location is None and b.location is not None:
        fields.update({f: getattr(b, f) for f in PLACE_FIELDS})
    fields.update(_counts_fields(merge_counts(_counts(a), _counts(b))))
    fields["sub_event_type"], fields["event_type"] = _severer(a, b)
    fields["evidence"] = _join_evidence(a.evidence, b.evidence)
    fields["sources"] = _sources(a, b)
    fields["mentions"] = tuple(dict.fromkeys(a.mentions + b.mentions))
    if fields.get("inter2", a.inter2) == 7 or a.civilian_targeting:
        fields["civilian_targeting"] = True
    merged = replace(a, **fields)
    return replace(merged, notes=note(merged))


def _one_force(x: str, y: str | None) -> bool:
    """"Police Forces of Mexico (2018-)" and its "... State Police" are one side."""
    return y is not None and (x.startswith(y) or y.startswith(x))


def _better_actors(a: Event, b: Event) -> dict:
    out: dict = {}
    if a.actor1 and _default(a.actor1) and b.actor1 and not _default(b.actor1) and not _one_force(b.actor1, a.actor2):
        out.update(actor1=b.actor1, inter1=b.inter1)
    if a.actor2 and _default(a.actor2) and b.actor2 and not _default(b.actor2) and not _one_force(b.actor2, a.actor1):
        out.update(actor2=b.actor2, inter2=b.inter2)
    if out:
        from ..actors.naming import interaction

        out["interaction"] = interaction(out.get("inter1", a.inter1), out.get("inter2", a.inter2))
    return out


def _severer(a: Event, b: Event) -> tuple[str, str]:
    if a.sub_event_type in PROTEST_RANK and PROTEST_RANK.get(b.sub_event_type, -1) > PROTEST_RANK[a.sub_event_type]:
        return b.sub_event_type, b.event_type
    return a.sub_event_type, a.event_type


def _counts(e: Event) -> Counts:
    explicit = "fatalities" in dict(e.evidence)
    return Counts(
        fatalities=e.fatalities if explicit else None,
        fatalities_low=e.fatalities_low, fatalities_high=e.fatalities_high,
        injured=e.injured, displaced=e.displaced, detained=e.detained, victims=e.victims,
        evidence=dict(e.evidence).get("fatalities"),
    )


def _counts_fields(c: Counts) -> dict:
    return {
        "fatalities": c.fatalities if c.fatalities is not None else 0,
        "fatalities_low": c.fatalities_low, "fatalities_high": c.fatalities_high,
        "injured": c.injured, "displaced": c.displaced, "detained": c.detained, "victims": c.victims,
    }


def _sources(a: Event, b: Event) -> str | None:
    return join_sources([a.sources or a.attribution, b.sources or b.attribution])


def _join_evidence(a: tuple[tuple[str, Span], ...], b: tuple[tuple[str, Span], ...]) -> tuple[tuple[str, Span], ...]:
    """``a``'s evidence, then ``b``'s; a name already present gets the next free ``.N`` suffix."""
    out = list(a)
    seen = {(k.split(".")[0], v) for k, v in a}
    for key, span in b:
        base = key.split(".")[0]
        if (base, span) in seen:
            continue  # the same words already support this field
        out.append((_free_name(base, {k for k, _ in out}), span))
        seen.add((base, span))
    return tuple(out)


def _free_name(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}.{n}" in taken:
        n += 1
    return f"{base}.{n}"
