"""Countries: ACLED-style names, name and demonym look-ups, and a story's main country.

The country table is GeoNames' countryInfo.txt, bundled in ``dateline/data/geonames`` (CC BY 4.0).
ACLED names a few countries differently from GeoNames; :data:`ACLED_NAMES` holds those.
Everything here is small and immutable, cached once per process.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Iterable

from ..errors import GazetteerError
from .demonyms import DEMONYMS
from .normalize import fold

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Doc, Place

# Where ACLED's country column differs from GeoNames' country name.
ACLED_NAMES = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "NL": "Netherlands",
    "PS": "Palestine",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "VA": "Vatican City",
    "MF": "Saint-Martin",
    "BL": "Saint-Barthelemy",
    "BQ": "Caribbean Netherlands",
    "VI": "Virgin Islands, U.S.",
    "VG": "British Virgin Islands",
}

# Other names a news text uses for a country (folded form -> ISO2); written for this project.
COUNTRY_ALIASES = {
    "us": "US", "u s": "US", "usa": "US", "u s a": "US", "america": "US", "united states of america": "US",
    "the united states": "US", "uk": "GB", "u k": "GB", "britain": "GB", "great britain": "GB",
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "drc": "CD", "dr congo": "CD", "d r congo": "CD", "democratic republic of congo": "CD",
    "congo kinshasa": "CD", "zaire": "CD", "congo brazzaville": "CG", "republic of congo": "CG",
    "congo": "CD", "cote divoire": "CI", "burma": "MM", "palestine": "PS",
    "palestinian territories": "PS", "occupied palestinian territory": "PS", "holland": "NL",
    "netherlands": "NL", "czech republic": "CZ", "swaziland": "SZ", "east timor": "TL",
    "timor leste": "TL", "macedonia": "MK", "uae": "AE", "emirates": "AE", "russian federation": "RU",
    "persia": "IR", "south korea": "KR", "republic of korea": "KR", "north korea": "KP", "dprk": "KP",
    "cape verde": "CV", "vatican city": "VA", "the gambia": "GM", "the bahamas": "BS",
    "kyrgyz republic": "KG", "turkiye": "TR", "bosnia": "BA", "herzegovina": "BA",
    "the philippines": "PH", "the netherlands": "NL", "the congo": "CD", "laos": "LA",
    "viet nam": "VN", "brunei darussalam": "BN", "the sudan": "SD", "ceylon": "LK",
    "mainland china": "CN", "prc": "CN", "republic of china": "TW", "saudi": "SA", "ksa": "SA",
    # Official long names news uses in full.
    "peoples republic of china": "CN", "islamic republic of iran": "IR", "syrian arab republic": "SY",
    "kingdom of saudi arabia": "SA", "republic of ireland": "IE", "federal republic of germany": "DE",
    "united mexican states": "MX", "republic of india": "IN", "federal republic of nigeria": "NG",
    "islamic republic of afghanistan": "AF", "islamic republic of pakistan": "PK", "republic of iraq": "IQ",
    "republic of turkey": "TR", "republic of south africa": "ZA", "republic of the philippines": "PH",
}


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    name: str
    capital: str
    population: int
    continent: str
    geonameid: int
    neighbours: tuple[str, ...]


def data_path(name: str):
    """A bundled GeoNames file (``dateline/data/geonames/NAME``)."""
    return resources.files("dateline").joinpath("data", "geonames", name)


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """The bundled country table, by ISO2 code."""
    try:
        text = data_path("countryInfo.txt").read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"cannot read the bundled countryInfo.txt: {exc}") from exc
    return {c.iso2: c for c in _parse_country_info(text.splitlines())}


def _parse_country_info(lines: Iterable[str]) -> Iterable[Country]:
    for line in lines:
        cols = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(cols) < 18 or cols[0] == "ISO" or len(cols[0]) != 2:
            continue
        yield Country(
            iso2=cols[0], iso3=cols[1], name=cols[4].strip(), capital=cols[5].strip(),
            population=int(cols[7] or 0), continent=cols[8], geonameid=int(cols[16] or 0),
            neighbours=tuple(n for n in cols[17].split(",") if n),
        )


def country_name(iso2: str | None) -> str | None:
    """ACLED-style country name for an ISO2 code ("SY" -> "Syria"), None when unknown."""
    if not iso2:
        return None
    code = iso2.upper()
    if code in ACLED_NAMES:
        return ACLED_NAMES[code]
    country = countries().get(code)
    return country.name if country else None


@functools.lru_cache(maxsize=1)
def _name_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in countries().values():
        index.setdefault(fold(c.name), c.iso2)
    for code, name in ACLED_NAMES.items():
        index.setdefault(fold(name), code)
    index.update(COUNTRY_ALIASES)
    return index


def country_code(name: str | None) -> str | None:
    """ISO2 of a country named ``name`` ("Syria", "the DRC", "U.S."), else None."""
    if not name:
        return None
    key = fold(name)
    if key.startswith("the "):
        return _name_index().get(key) or _name_index().get(key[4:])
    return _name_index().get(key)


@functools.lru_cache(maxsize=1)
def _capital_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in sorted(countries().values(), key=lambda c: -c.population):
        if c.capital:
            index.setdefault(fold(c.capital), c.iso2)
    return index


def capital_country(name: str | None) -> str | None:
    """ISO2 of the country whose capital is ``name`` ("BEIRUT" -> "LB"), else None."""
    return _capital_index().get(fold(name)) if name else None


def demonym_country(word: str | None) -> str | None:
    """ISO2 of the country a demonym names ("Syrian", "Iraqis" -> "SY", "IQ"), else None."""
    if not word:
        return None
    key = fold(word)
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return DEMONYMS[key[:-1]]
    return None


def dateline_country(dateline: str | None) -> str | None:
    """ISO2 a wire dateline points at: "KABUL, Afghanistan", "BEIRUT", "Syria"."""
    if not dateline:
        return None
    parts = [p.strip() for p in dateline.split(",") if p.strip()]
    for part in reversed(parts):
        code = country_code(part)
        if code:
            return code
    return capital_country(parts[0]) if parts else None


# A demonym that modifies a force, a weapon or an attack ("Russian forces shelled ...", "Turkish
# drone", "Saudi-led coalition air raids", "the Russian invasion of ...") names who acts, not where:
# an army acts abroad as often as at home, so it is no evidence of the event's country.
_ACTOR_AFTER = re.compile(
    r"(?:-led\b|\s+(?:[\w-]+\s+){0,2}?(?:forces?|troops|soldiers|servicem[ae]n|army|armed\s+forces|military|navy|"
    r"air\s*force|warplanes?|jets?|aircraft|planes?|helicopters?|drones?|missiles?|rockets?|shell(?:s|ing)|artillery|"
    r"air\s*strikes?|air\s+raids?|strikes?|bombardments?|bombings?|invasion|occupation|offensive|aggression|"
    r"tanks?|units?|positions?|coalition|border\s+guards?|gunboats?|warships?)\b)", re.I)
ACTOR_DEMONYM = "demonym of an actor"
# What such a demonym counts towards the story's country: less than a place, so one named place outweighs it.
ACTOR_VOTE = 0.5


def actor_demonym(text: str, start: int, end: int) -> bool:
    """Whether the demonym at ``text[start:end]`` modifies a force or an attack ("Russian forces")."""
    return _ACTOR_AFTER.match(text, end) is not None


# A country that is what an event is about, not where it is: "protested the invasion of Ukraine",
# "in solidarity with Palestine", "Russia's invasion", "the Russian military invasion", "the Russian embassy";
# and a community abroad: "the Ukrainian community" protests where it lives, not in Ukraine.
_TOPIC_BEFORE = re.compile(r"\b(?:(?:invasion|occupation|war|aggression|solidarity|support|sanctions)\s+"
                           r"(?:of|in|on|with|for|against)|(?:embassy|consulate)\s+of)\s+(?:the\s+)?$", re.I)
_TOPIC_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:military\s+)?(?:invasion|occupation|aggression|war|embassy|consulate|"
                         r"community|diaspora|refugees|migrants)\b", re.I)


def topic_place(text: str, place: "Place") -> bool:
    """Whether ``place`` names what the text is about rather than where: "the invasion of Ukraine"."""
    return bool(_TOPIC_BEFORE.search(text, max(0, place.start - 40), place.start) or _TOPIC_AFTER.match(text, place.end))


def _vote(text: str, place: "Place") -> float:
    """What ``place`` counts towards the story's country (see :func:`story_country`)."""
    if place.role == "dateline":
        return 2.0
    if topic_place(text, place):
        return 0.0
    return ACTOR_VOTE if place.reason == ACTOR_DEMONYM else 1.0


def story_country(doc: "Doc") -> str | None:
    """ISO2 of the story's main country: the dateline's, else the one its places and demonyms name most.

    The dateline counts twice; each toponym and demonym once, a demonym of an actor half, a country
    the story is about (the object of "invasion of", "solidarity with") not at all.
    """
    votes: Counter[str] = Counter()  # float weights
    order: dict[str, int] = {}
    head = dateline_country(doc.article.dateline)
    if head:
        votes[head] += 2
        order.setdefault(head, -1)
    for i, place in enumerate(doc.places or ()):
        vote = _vote(doc.text, place) if place.country_code else 0.0
        if vote:
            votes[place.country_code] += vote
            order.setdefault(place.country_code, i)
    if not votes:
        return None
    return max(votes, key=lambda code: (votes[code], -order[code]))
