"""Where a story is, for a toponym the gazetteer has no reading of at all.

A caller who gives the spans says they are places ("Harwinton", "the Kanawha River", "Squirrel
Hill"). When the gazetteer lacks the name, the best estimate of where it lies is where the story
is: local news names the creek, the park and the hamlet of the town it is about. The story's focus
is its most-named town (or county, or feature), else its most-named first-level division, else its
most-named country. The estimate keeps the mention's own name and no GeoNames id.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Iterable, Sequence

from .gazetteer import Entry
from .nearby import haversine, is_local

# Entries at or above this id are none of GeoNames' (build.COUNTY_ID_BASE starts the counties'):
# an estimate stands for a place the gazetteer lacks.
ESTIMATE_ID = 990_000_000
# What an estimate is based on, said in its reason.
AT_FOCUS = "at=story focus (no reading of its own)"
AT_FOCUS_STRAY = "at=story focus (its only readings lie far from the story)"
# A local story: at least CLUSTER_NAMES of its other readings within CLUSTER_KM of its focus. There,
# a village (under STRAY_POPULATION people, not a capital) read more than STRAY_KM from every other
# place of the story is a namesake of a place the gazetteer lacks ("Logan" in a story of Springfield,
# Missouri, read in Pennsylvania): the story's focus is the better estimate. A city that far is
# what the story means (a local paper names Chicago, Moscow, Tehran).
CLUSTER_NAMES = 2
CLUSTER_KM = 100.0
STRAY_POPULATION = 10_000
STRAY_KM = 500.0


def _tier(e: Entry) -> int:
    """0 a town, county or feature; 1 a first-level division; 2 a country; 3 a region or continent."""
    if e.is_country:
        return 2
    if e.fcode in ("RGN", "CONT"):
        return 3
    return 1 if e.fcode in ("ADM1", "ADM1H") else 0


def story_focus(chosen: Iterable[Entry | None]) -> Entry | None:
    """The most-named reading of the finest tier the story has (ties: the first named)."""
    placed = [e for e in chosen if e is not None and e.has_position]
    if not placed:
        return None
    finest = min(_tier(e) for e in placed)
    if finest == 3:
        return None  # "Europe", "the Middle East": no place to stand for a village
    counts = Counter(e.geonameid for e in placed if _tier(e) == finest)
    best = counts.most_common(1)[0][0]
    return next(e for e in placed if e.geonameid == best)


def estimate(name: str, focus: Entry) -> Entry:
    """An entry for ``name`` at the story's focus: its country and division, no feature code."""
    return dataclasses.replace(focus, geonameid=ESTIMATE_ID, name=name, fclass="", fcode="", population=0,
                               admin2=None, kind=3, admin1=None if focus.is_country else focus.admin1,
                               admin1_name=None if focus.is_country else focus.admin1_name)


def estimated_picks(names: Sequence[str], keys: Sequence[str], chosen: Sequence[Entry | None],
                    holders: Sequence[int | None] = ()) -> list[Entry | None]:
    """For each unread name (None in ``chosen``) and each stray village (:func:`is_stray`), its
    estimate: at the place it is said to lie in (``holders[i]`` indexes it, "X, Y" or "X (Y)") when
    that is a town or lies in another country than the story's focus, else at the focus; None
    elsewhere. ``keys`` tell one name's mentions from another's."""
    focus = story_focus(chosen)
    out: list[Entry | None] = []
    for i, (n, e) in enumerate(zip(names, chosen)):
        unread = e is None or (focus is not None and is_stray(i, keys, chosen, focus))
        base = _holder(i, holders, chosen, focus) or focus if unread else None
        out.append(estimate(n, base) if base is not None else None)
    return out


def _holder(i: int, holders: Sequence[int | None], chosen: Sequence[Entry | None], focus: Entry | None) -> Entry | None:
    """The reading of the place mention ``i`` is said to lie in, when it is a town or the story's focus
    lies in another country (the focus is finer than a division the story is in)."""
    k = holders[i] if i < len(holders) else None
    h = chosen[k] if k is not None else None
    if h is None or not h.has_position or h.geonameid >= ESTIMATE_ID or _tier(h) == 3:
        return None
    if focus is None or _tier(h) == 0:
        return h  # "X, Springfield": beside that town
    # A focus in another country is another story's place; one across a state line may be the nearer.
    return h if focus.country != h.country else None


def is_stray(i: int, keys: Sequence[str], chosen: Sequence[Entry | None], focus: Entry) -> bool:
    """Whether reading ``i`` is a village read far from every other place of a local story."""
    e = chosen[i]
    if (e is None or e.fclass != "P" or not 0 < e.population < STRAY_POPULATION or e.fcode.startswith(("PPLC", "PPLA"))
            or e.geonameid == focus.geonameid or not e.has_position):
        return False
    others = [o for k, o in zip(keys, chosen) if k != keys[i] and o is not None and is_local(o) and o.geonameid < ESTIMATE_ID]
    if sum(haversine(o.lat, o.lon, focus.lat, focus.lon) <= CLUSTER_KM for o in others) < CLUSTER_NAMES:
        return False
    return all(haversine(e.lat, e.lon, o.lat, o.lon) > STRAY_KM for o in others)


def local_focus(chosen: Sequence[Entry | None]) -> Entry | None:
    """The story's focus when the story is local: a town (or county, or feature) with at least
    CLUSTER_NAMES other places of the story read within CLUSTER_KM of it. Only there does a name
    the gazetteer lacks most likely lie beside it (the creek, the township, the neighbourhood of a
    local paper's town); a story of far-apart places has no one place to stand for it."""
    focus = story_focus(chosen)
    if focus is None or _tier(focus) != 0:
        return None
    near = {o.geonameid for o in chosen if o is not None and is_local(o) and o.geonameid < ESTIMATE_ID
            and o.geonameid != focus.geonameid and haversine(o.lat, o.lon, focus.lat, focus.lon) <= CLUSTER_KM}
    return focus if len(near) >= CLUSTER_NAMES else None
