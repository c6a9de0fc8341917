"""EVENTS-MISC rules on hand-written sentences: status lines, labour strikes, exchanges of fire,
downed aircraft, victims named as members of an armed group."""

from __future__ import annotations

import pytest

from dateline.events.factuality import status_line

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipe():
    import dateline

    return dateline.load()


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


def events(pipe, text: str, *, keep_all: bool = False) -> list[dict]:
    return pipe.analyze(text, published="2023-03-05", keep_all=keep_all).to_dict()["events"]


# ------------------------------------------------------------------ status lines (no event at all)

@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Casualties unknown.", "Casualties", True),
        ("Fatalities: unknown.", "Fatalities", True),
        ("Casualties: none.", "Casualties", True),
        ("Fatalities: nil.", "Fatalities", True),
        ("The number of casualties is unclear.", "casualties", True),
        ("Unknown casualties.", "casualties", True),
        # a count, or a report of harm, is a figure for the event told before: not a bare status
        ("Fatalities: 3.", "Fatalities", False),
        ("Casualties were reported among the soldiers.", "Casualties", False),
        ("Gunmen killed two farmers; casualties unknown.", "killed", False),
    ],
)
def test_a_status_line_is_told_from_a_line_with_harm(nlp, lex, text, word, expected):
    assert status_line(token(nlp(text), word), lex) is expected


def test_a_status_line_is_no_event_even_with_keep_all(pipe):
    text = "On 3 March 2023, gunmen attacked a village in Borno state, Nigeria.\n\nCasualties unknown.\n\nFatalities: none."
    found = events(pipe, text, keep_all=True)
    assert [e["sub_event_type"] for e in found] == ["Attack"]
    assert found[0]["factuality"] == "asserted"
    assert events(pipe, "Fatalities unknown.", keep_all=True) == []


# ------------------------------------------------------------------ exchanges of fire, downed aircraft

def sub_events(pipe, text: str) -> list[str]:
    return [e["sub_event_type"] for e in events(pipe, text)]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2023, soldiers and rebels exchanged heavy fire near Beni, Congo.",
        "On 3 March 2023, the army and the rebels traded fire near Beni, Congo.",
        "On 3 March 2023, troops and rebels exchanged sporadic gunfire near Beni, Congo.",
    ],
)
def test_an_exchange_of_fire_with_an_adjective_or_traded_fire_is_an_armed_clash(pipe, text):
    assert sub_events(pipe, text) == ["Armed clash"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a drone or missile brought down never struck: ACLED's disrupted weapons use
        ("On 3 March 2023, Ukrainian forces downed a Russian drone over Kharkiv.", "Disrupted weapons use"),
        ("On 3 March 2023, a drone was downed by air defences over Belgorod, Russia.", "Disrupted weapons use"),
        # a crewed aircraft brought down: fire on its crew (the convention of 'shot down a helicopter')
        ("On 3 March 2023, rebels downed a military helicopter near Beni, Congo.", "Shelling/artillery/missile attack"),
        ("On 3 March 2023, rebels brought down an army jet near Beni, Congo.", "Shelling/artillery/missile attack"),
    ],
)
def test_downed_and_brought_down_read_like_shot_down(pipe, text, expected):
    assert sub_events(pipe, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2023, the government brought down fuel prices in Nairobi.",
        "The scandal brought down the government in Nairobi on 3 March 2023.",
    ],
)
def test_bringing_down_what_does_not_fly_is_no_event(pipe, text):
    assert events(pipe, text) == []


def test_workers_who_downed_tools_are_on_strike(pipe):
    assert sub_events(pipe, "On 3 March 2023, workers downed tools at the port of Mombasa, Kenya.") == ["Peaceful protest"]
