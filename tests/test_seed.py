"""The seed article (``../shared/seed/``), coded as issue 2 says an analyst would.

What ``dateline extract`` prints for the seed is the asserted events of ``Dateline.analyze``: these
tests read them through the API. The seed's text belongs to its publisher and is never copied
into the project; the tests skip when ``../shared/seed/`` is absent.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

SEED_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seed"
SEED = SEED_DIR / "reuters-2019-01-25-beirut.txt"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SEED.is_file(), reason="../shared/seed/ is not present beside the project"),
]

BAGHOUZ = re.compile(r"\bbagh?o?u[zs]\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="module")
def events(text) -> list[dict[str, Any]]:
    import dateline

    return dateline.load().analyze(text).to_dict()["events"]


def brief(event: dict[str, Any]) -> str:
    return (
        f"{event.get('sub_event_type')} | {event.get('event_date')} (tp {event.get('time_precision')}) | "
        f"{event.get('location')} | {event.get('actor1')} vs {event.get('actor2')} | "
        f"fat {event.get('fatalities')} | attr {event.get('attribution')!r}"
    )


def listing(events: list[dict[str, Any]]) -> str:
    return "\n".join("  " + brief(e) for e in events) or "  (no events)"


def ascii_of(value: str | None) -> str:
    return unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode("ascii")


def has(value: str | None, needle: str) -> bool:
    """Case- and accent-insensitive containment ("Hajīn" has "Hajin")."""
    return needle.casefold() in ascii_of(value).casefold()


def within(value: str | None, first: str, last: str) -> bool:
    if not value:
        return False
    return dt.date.fromisoformat(first) <= dt.date.fromisoformat(value[:10]) <= dt.date.fromisoformat(last)


def test_the_baghouz_regex_accepts_the_usual_spellings():
    assert all(BAGHOUZ.search(n) for n in ("Baghouz", "Baghuz", "Al Baghuz Fawqani", "Baghous"))
    assert not BAGHOUZ.search("Baghdad")


def test_sdf_overtakes_baghouz_from_islamic_state(events):
    hits = [
        e for e in events
        if e["sub_event_type"] == "Non-state actor overtakes territory" and BAGHOUZ.search(ascii_of(e.get("location")))
    ]
    assert hits, "no 'Non-state actor overtakes territory' at Baghouz:\n" + listing(events)
    event = hits[0]
    # "residents and rebels said on Wednesday" (2019-01-23); the week before publication is accepted.
    assert within(event["event_date"], "2019-01-19", "2019-01-25"), brief(event)
    assert event["time_precision"] in (1, 2), brief(event)
    assert event["iso2"] == "SY", brief(event)
    assert has(event["actor1"], "Syrian Democratic Forces"), brief(event)
    assert has(event["actor2"], "Islamic State"), brief(event)


def test_sdf_took_hajin_last_month(events):
    hits = [e for e in events if has(e.get("location"), "Hajin")]
    assert hits, "no event placed at Hajin:\n" + listing(events)
    event = hits[0]
    assert event["event_type"] == "Battles", brief(event)
    assert event["sub_event_type"] == "Non-state actor overtakes territory", brief(event)
    assert (event["event_date"] or "").startswith("2018-12"), brief(event)
    assert event["time_precision"] == 3, brief(event)
    assert has(event["actor1"], "Syrian Democratic Forces"), brief(event)


def test_coalition_air_campaign_killed_dozens_according_to_residents(events):
    hits = [e for e in events if e["sub_event_type"] == "Air/drone strike" and has(e.get("actor1"), "Coalition")]
    assert hits, "no coalition Air/drone strike:\n" + listing(events)
    event = hits[0]
    assert event["fatalities"] == 12, brief(event)  # "dozens" is 12 by ACLED's rule
    assert has(event["attribution"], "resident"), brief(event)


def test_no_event_for_the_future_sleeper_cell_warning(text, events):
    at = text.find("sleeper cells")
    assert at >= 0
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    inside = [e for e in events if start <= e["evidence"]["trigger"][0] < (end if end >= 0 else len(text))]
    assert not inside, "an asserted event from the sleeper-cell warning:\n" + listing(inside)
