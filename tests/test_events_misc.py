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
