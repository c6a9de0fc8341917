"""FRESH-2 round 5: rules found by coding two more unseen articles (a Manipur riot and curfew, an
Ituri displacement-camp attack), each tested here on sentences written for the test: the doers'
dead count ("five assailants"), an undated sentence runs on from the event's date and not from the
report's, the raid's doers named again ("The attackers ...") tell the same raid, "displaced" before
victims is who they are, a crowd dispersed is a demonstration, and the crowd's violence in a
relative clause under "to disperse" and ", officials said" is the crowd's act."""

from __future__ import annotations

import pytest

PUB = "2024-05-01"  # a Wednesday

pipeline = pytest.mark.slow



def asserted(pipe, text: str) -> list[dict]:
    return pipe.analyze(text, published=PUB).to_dict()["events"]


def _one(events: list[dict], sub: str) -> dict:
    found = [e for e in events if e["sub_event_type"] == sub]
    assert len(found) == 1, [(e["sub_event_type"], e["event_date"]) for e in events]
    return found[0]


@pipeline
def test_the_dead_attackers_count_with_the_dead_soldiers(pipe):
    text = ("On Monday, troops fought raiders near the town of Kalemie, the army said. "
            "Four soldiers and nine raiders were killed, a spokesman said.")
    clash = _one(asserted(pipe, text), "Armed clash")
    assert clash["fatalities"] == 13


@pipeline
def test_an_undated_sentence_runs_on_from_the_event_not_the_report(pipe):
    text = ("Gunmen stormed a market in Kamako on Sunday evening, the Red Cross said in a bulletin on Tuesday. "
            "Six traders were kidnapped, witnesses said.")
    events = asserted(pipe, text)
    kidnap = _one(events, "Abduction/forced disappearance")
    assert kidnap["event_date"] == "2024-04-28"


@pipeline
def test_the_raiders_named_again_are_the_same_raid(pipe):
    text = ("Armed men raided a village near Beni on Saturday, killing five farmers, local officials said. "
            "The assailants carried spears and rifles and shot at fleeing women.")
    events = asserted(pipe, text)
    assert [e["sub_event_type"] for e in events] == ["Attack"]
    assert events[0]["fatalities"] == 5


@pipeline
def test_displaced_before_the_victims_says_who_they_are(pipe):
    text = "Six displaced women were killed when gunmen attacked a site near Kalehe on Monday."
    attack = _one(asserted(pipe, text), "Attack")
    assert attack["fatalities"] == 6
    assert attack["displaced"] is None


@pipeline
def test_a_crowd_dispersed_with_its_violence_is_a_riot(pipe):
    text = ("Soldiers fired water cannon on Tuesday to disperse a crowd of youths who hurled rocks "
            "and burned tyres outside a police station in Bukavu, the mayor said.")
    riot = _one(asserted(pipe, text), "Violent demonstration")
    assert riot["actor1"].startswith("Rioters")
    assert riot["event_type"] == "Riots"


@pipeline
def test_a_crowd_dispersed_without_violence_is_a_protest_met_by_force(pipe):
    text = "Police fired tear gas on Monday to disperse hundreds of traders in Goma, witnesses said."
    protest = _one(asserted(pipe, text), "Protest with intervention")
    assert protest["actor1"].startswith("Protesters")


@pipeline
def test_troops_dispersing_fighters_is_no_protest(pipe):
    text = "Troops fired mortars on Monday to disperse rebels massing near Rutshuru, the army said."
    assert all(e["event_type"] not in ("Protests", "Riots") for e in asserted(pipe, text))


@pipeline
def test_a_generic_aside_does_not_cut_a_protest_story(pipe):
    text = ("Police fired tear gas at protesters in Kisumu on Monday. "
            "Such marches usually follow killings of traders by unknown gunmen. "
            "Twelve people were injured, a doctor said.")
    events = asserted(pipe, text)
    assert len(events) == 1, [(e["sub_event_type"], e["event_date"]) for e in events]
    assert events[0]["injured"] == 12


def test_a_protest_reason_under_a_crowds_own_words_stays_a_reason(nlp, lex):
    from dateline.events import classify as cls

    doc = nlp("Protesters said the soldiers had burned their homes.")
    assert "violent" not in cls.protest_cues(doc[:], lex.protest)


@pipeline
def test_a_reported_air_strike_after_a_protest_stays_its_own_event(pipe):
    text = ("On Monday, hundreds of farmers protested outside the governor's office in Kaduna. "
            "The air force said its jets had bombed a camp near Birnin Gwari on Monday, killing at least 9 bandits.")
    subs = sorted(e["sub_event_type"] for e in asserted(pipe, text))
    assert subs == ["Air/drone strike", "Peaceful protest"]
