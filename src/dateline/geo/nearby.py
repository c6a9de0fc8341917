"""Where a story's names could lie together: local news names a town with its county, its
neighbours and the river through it, so a reading with some reading of the story's other names close
by ("Athens" beside "Henderson County", both in east Texas) is likelier than a namesake whose state
merely has a county of that name three hundred kilometres away.

Every reading of every name counts, not only the ones chosen so far: two names that are each
ambiguous ("Richmond", "Madison County") pick each other out where their readings meet.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Sequence

from .gazetteer import Entry

# Kilometres per degree of latitude, rounded down (6371 km * pi / 180 = 111.19).
_KM_PER_DEGREE = 111.0


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def is_local(e: Entry) -> bool:
    """Whether a reading's position says where it lies to within a county: a town, a county, a
    feature; not a country, a first-level division or a region, whose middle is only a convention."""
    return (e.has_position and e.kind <= 1 and not e.is_country
            and e.fcode not in ("ADM1", "ADM1H", "RGN", "CONT"))


class Nearby:
    """The positions of the local readings of each name of a story, on a grid of whole degrees."""

    def __init__(self, keys: Sequence[str], cands: Sequence[Sequence[Entry]], *, km: float):
        self.km = km
        self._cells: dict[str, dict[tuple[int, int], list[Entry]]] = defaultdict(lambda: defaultdict(list))
        for key, found in zip(keys, cands):
            for e in found:
                if is_local(e):
                    self._cells[key][(math.floor(e.lat), math.floor(e.lon))].append(e)
        self._known: dict[tuple[int, str], float] = {}

    def share(self, e: Entry, key: str) -> float:
        """The share of the story's other names (those with a local reading) that have a local
        reading within ``km`` of ``e``; 0 for a reading that is not local itself."""
        if not is_local(e):
            return 0.0
        known = (e.geonameid, key)
        if known not in self._known:
            others = [cells for name, cells in self._cells.items() if name != key]
            close = sum(self._close(e, cells) for cells in others)
            self._known[known] = close / len(others) if others else 0.0
        return self._known[known]

    def _close(self, e: Entry, cells: dict[tuple[int, int], list[Entry]]) -> bool:
        """Whether ``cells`` hold a reading near ``e`` other than ``e`` itself ("Mexico City" is
        also called "Mexico": the same place read by two names vouches for nothing)."""
        lat, lon = e.lat, e.lon
        rows = math.ceil(self.km / _KM_PER_DEGREE)
        cols = math.ceil(self.km / max(_KM_PER_DEGREE * math.cos(math.radians(min(abs(lat) + rows, 89.0))), 1.0))
        row, col = math.floor(lat), math.floor(lon)
        return any(o.geonameid != e.geonameid and haversine(lat, lon, o.lat, o.lon) <= self.km
                   for r in range(row - rows, row + rows + 1) for c in range(col - cols, col + cols + 1)
                   for o in cells.get((r, c), ()))
