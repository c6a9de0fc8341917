"""ACLED-style actor names, inter codes and interaction codes.

ACLED names state actors by country and regime period ("Military Forces of Syria (2000-)"),
unnamed collective actors by kind and country ("Civilians (Syria)", "Protesters (France)"), and
gives each actor a type code 1-8 (``INTER``); an event's interaction code joins the two actors'
codes, smaller first (12, 18, 60). Country names and regime periods are data the project owns:
``dateline/data/actors/regimes.tsv`` and ``countries.tsv``; country names and demonyms are
:mod:`dateline.geo.countries`' (one table for the whole project).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Iterator

from ..errors import ConfigError
from ..geo import countries as geo_countries

# ACLED actor-type ("inter") codes.
STATE = 1  # state forces: military, police, government of a country (regime-qualified)
REBELS = 2  # rebel groups: organised, armed, seeking to overthrow or secede (SDF, Islamic State)
POLITICAL_MILITIA = 3  # political militias: armed, serving a political elite or party
IDENTITY_MILITIA = 4  # identity militias: armed groups of an ethnic, clan, religious or local community
RIOTERS = 5  # rioters: violent crowds with no organised armed force
PROTESTERS = 6  # protesters: non-violent demonstrators
CIVILIANS = 7  # civilians: unarmed victims
EXTERNAL = 8  # external/other forces: foreign state forces, international missions, private security

INTER: dict[int, str] = {
    STATE: "State Forces",
    REBELS: "Rebel Groups",
    POLITICAL_MILITIA: "Political Militias",
    IDENTITY_MILITIA: "Identity Militias",
    RIOTERS: "Rioters",
    PROTESTERS: "Protesters",
    CIVILIANS: "Civilians",
    EXTERNAL: "External/Other Forces",
}

KINDS: dict[str, int] = {
    "state": STATE,
    "rebel": REBELS,
    "militia": POLITICAL_MILITIA,
    "identity": IDENTITY_MILITIA,
    "rioters": RIOTERS,
    "protesters": PROTESTERS,
    "civilians": CIVILIANS,
    "external": EXTERNAL,
}

BRANCHES = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}


@dataclass(frozen=True, slots=True)
class Regime:
    iso2: str
    valid_from: dt.date
    valid_to: dt.date | None  # None while the regime lasts

    def covers(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def label(self, *, as_of: dt.date | None = None) -> str:
        """ "2000-"; "2018-2022" once the regime had ended by ``as_of`` (None: by now)."""
        ended = self.valid_to is not None and (as_of is None or self.valid_to < as_of)
        return f"{self.valid_from.year}-" + (str(self.valid_to.year) if ended else "")  # type: ignore[union-attr]


def read_tsv(text: str, *, origin: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header line; ``#`` lines are comments."""
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return
    header = [h.strip() for h in lines[0].split("\t")]
    for number, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split("\t")]
        while len(cells) > len(header) and not cells[-1]:
            cells.pop()  # trailing empty cells, as editors leave them
        if len(cells) > len(header):
            raise ConfigError(f"{origin}: row {number} has {len(cells)} columns, header has {len(header)}")
        yield dict(zip(header, cells + [""] * (len(header) - len(cells))))


def data_text(name: str) -> str:
    """A bundled file under ``dateline/data/actors``."""
    try:
        return resources.files("dateline").joinpath("data", "actors", name).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read bundled actor data {name!r}: {exc}") from exc


@functools.lru_cache(maxsize=1)
def articles() -> dict[str, str]:
    """ISO2 -> "the" for the countries ACLED writes with an article ("Military Forces of the X")."""
    rows = read_tsv(data_text("countries.tsv"), origin="countries.tsv")
    return {row["iso2"].upper(): row["article"] for row in rows if row["article"]}


@functools.lru_cache(maxsize=1)
def regimes() -> dict[str, tuple[Regime, ...]]:
    out: dict[str, list[Regime]] = {}
    for row in read_tsv(data_text("regimes.tsv"), origin="regimes.tsv"):
        try:
            regime = Regime(row["iso2"].upper(), _date(row["valid_from"]), _date(row["valid_to"]) or None)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"regimes.tsv: bad dates in row {row!r}") from exc
        out.setdefault(regime.iso2, []).append(regime)
    return {k: tuple(sorted(v, key=lambda r: r.valid_from)) for k, v in out.items()}


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text) if text else None  # type: ignore[return-value]


def country_name(iso2: str | None) -> str | None:
    """ACLED's name for a country ("Syria", "Democratic Republic of Congo"), None if unknown."""
    return geo_countries.country_name(iso2)


def country_iso(name: str | None) -> str | None:
    """The ISO2 code of a country name ("Syria", "the DRC" -> "SY", "CD"), None if unknown."""
    return geo_countries.country_code(name)


def demonym_iso(word: str | None) -> str | None:
    """The ISO2 code a demonym names ("Syrian", "Nigerians" -> "SY", "NG"), None if unknown."""
    return geo_countries.demonym_country(word)


def regime_label(iso2: str, *, on: dt.date | None = None, as_of: dt.date | None = None) -> str | None:
    """The regime period in a state actor's name for an event ``on`` a date ("2000-").

    ``as_of`` is the naming date: a regime that had ended by then shows its last year
    ("2018-2022"). It defaults to ``on``, i.e. the name a coder would have written at the time;
    pass a later date for the names of a later export. Without ``on``, the current regime.
    """
    periods = regimes().get(iso2.upper(), ())
    covering = [r for r in periods if on is None or r.covers(on)]
    if on is None:
        covering = [r for r in periods if r.valid_to is None] or list(periods[-1:])
    return covering[-1].label(as_of=as_of or on) if covering else None


def state_forces(
    iso2: str | None, *, branch: str = "military", on: dt.date | None = None, as_of: dt.date | None = None
) -> str:
    """ "Military Forces of Syria (2000-)", "Police Forces of India (2014-)", "Government of X (...)".

    ``on`` is the event's (or article's) date, which picks the regime; without it the current
    regime is used. ``as_of`` is the naming date (see :func:`regime_label`). Without a known regime
    period the name has no year ("Military Forces of Fiji"); without a country it is ACLED's bare
    "Military Forces" (callers should prefer a country).
    """
    if branch not in BRANCHES:
        raise ConfigError(f"unknown state branch {branch!r}; use one of {sorted(BRANCHES)}")
    head = BRANCHES[branch]
    name = country_name(iso2)
    if not iso2 or not name:
        return head
    the = articles().get(iso2.upper())
    label = regime_label(iso2, on=on, as_of=as_of)
    return f"{head} of {the + ' ' if the else ''}{name}" + (f" ({label})" if label else "")


def qualified(label: str, iso2: str | None) -> str:
    """ "Label (Country)" as ACLED writes collective actors; the bare label without a country."""
    name = country_name(iso2)
    return f"{label} ({name})" if name else label


def civilians(iso2: str | None) -> str:
    return qualified("Civilians", iso2)


def protesters(iso2: str | None) -> str:
    return qualified("Protesters", iso2)


def rioters(iso2: str | None) -> str:
    return qualified("Rioters", iso2)


def unidentified_armed_group(iso2: str | None) -> str:
    return qualified("Unidentified Armed Group", iso2)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, smaller first (12, 18, 27); one actor alone: 10*code.

    >>> interaction(2, 1), interaction(6, None), interaction(None, None)
    (12, 60, None)
    """
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    for code in codes:
        if code not in INTER:
            raise ConfigError(f"not an ACLED inter code: {code!r}")
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)
