"""Generic "militants" in an Indian story are not a named rebel movement: only Kashmir's own
wording names Kashmir's rebels. Sentences written for this test."""

from __future__ import annotations


def _actor1(pipe, text: str) -> str | None:
    events = pipe.analyze(text, published="2024-05-01").to_dict()["events"]
    return events[0]["actor1"] if events else None


def test_unnamed_militants_in_the_north_east_are_an_unidentified_group(pipe):
    text = "Suspected militants opened fire on a village in Assam's Kokrajhar district on Monday, killing two farmers."
    assert _actor1(pipe, text) == "Unidentified Armed Group (India)"


def test_kashmiri_militants_are_kashmirs_rebels(pipe):
    text = "Kashmiri militants attacked an army patrol in Kupwara district of Jammu and Kashmir on Monday, killing a soldier."
    assert _actor1(pipe, text) == "Kashmir Rebels (India)"
