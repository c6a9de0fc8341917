"""Grouping rules of the event stage, on hand-written sentences: a killing told after an
abduction is a death in it; a killing by a non-state armed group told beside a protest is its own
event; a relative pronoun's victim is counted through the noun it stands for."""

from __future__ import annotations

from dateline.events.counts import figures



def _events(pipe, text: str) -> list[dict]:
    return pipe.analyze(text).to_dict()["events"]


ABDUCTION = """date 2021-03-10 Test Wire, KADUNA

KADUNA, Nigeria (Test Wire) - Armed men kidnapped 20 worshippers from a church in Kajuru in Kaduna state on Tuesday night, police said.

A guard was shot dead during the raid, a church official said.
"""


def test_a_killing_told_after_an_abduction_is_a_death_in_it(pipe):
    events = [e for e in _events(pipe, ABDUCTION) if e["factuality"] == "asserted"]
    assert [e["sub_event_type"] for e in events] == ["Abduction/forced disappearance"]
    assert events[0]["fatalities"] == 1


PROTEST_AND_KILLING = """date 2022-09-12 Test Wire, QUITO

QUITO, Ecuador (Test Wire) - Hundreds of farmers marched through Ibarra on Sunday to demand higher prices for milk.

The march came days after the killing of a village teacher near Otavalo, whom gunmen shot dead outside his home.
"""


def test_a_killing_by_gunmen_beside_a_protest_is_its_own_event(pipe):
    subs = [e["sub_event_type"] for e in _events(pipe, PROTEST_AND_KILLING) if e["factuality"] == "asserted"]
    assert "Peaceful protest" in subs
    attack = [e for e in _events(pipe, PROTEST_AND_KILLING) if e["event_type"] == "Violence against civilians"]
    assert len(attack) == 1 and attack[0]["fatalities"] == 1


def test_the_relative_pronoun_counts_as_the_noun_it_stands_for(nlp, lex):
    doc = nlp("They mourned a teacher from Gao, whom soldiers shot dead at a checkpoint.")
    killed = [f for f in figures(doc[:], lex) if f.kind == "killed"]
    assert [(f.value, f.victims) for f in killed] == [(1, "civilians")]


def test_a_relative_pronoun_without_a_singular_noun_gives_no_figure(nlp, lex):
    doc = nlp("They mourned the teachers from Gao, whom soldiers shot dead at a checkpoint.")
    assert [f for f in figures(doc[:], lex) if f.kind == "killed"] == []


POLICE_FIRE = """date 2022-09-12 Test Wire, QUITO

QUITO, Ecuador (Test Wire) - Police shot dead two protesters as thousands marched through Ibarra on Sunday to demand higher prices for milk.
"""


def test_the_state_s_killing_of_protesters_stays_with_the_protest(pipe):
    """Only a non-state armed group's killing is split off: ACLED codes police fire as the protest's."""
    events = [e for e in _events(pipe, POLICE_FIRE) if e["factuality"] == "asserted"]
    assert [e["event_type"] for e in events] == ["Protests"]


def test_a_definite_event_noun_that_follows_something_points_back(nlp):
    from dateline.events.stage import _told_before

    back = nlp("The protests followed the killing of a local leader.")
    assert _told_before(back[1])
    fresh = nlp("Protests erupted after the killing of a local leader.")
    assert not _told_before(fresh[0])


CLASH_WITH_KIDNAPPERS = """date 2022-04-14 Test Wire, BENIN CITY

BENIN CITY, Nigeria (Test Wire) - Policemen clashed with gunmen who were abducting travellers near Benin City on Wednesday.

Five gunmen were killed in the exchange, police said.
"""


def test_a_death_after_a_clash_with_kidnappers_is_the_clash_s(pipe):
    events = [e for e in _events(pipe, CLASH_WITH_KIDNAPPERS) if e["factuality"] == "asserted"]
    abductions = [e for e in events if e["sub_event_type"] == "Abduction/forced disappearance"]
    assert all(e["fatalities"] == 0 for e in abductions)
    assert any(e["sub_event_type"] == "Armed clash" and e["fatalities"] == 5 for e in events)
