"""ACLED classification rules, from hand-built clues (no parsing)."""

from __future__ import annotations

import pytest

from dateline.events.classify import Clues, SUB_EVENT_TYPES, classify, event_type_of, head_frame, protest_subtype


def clues(*frames: str, **kw) -> Clues:
    return Clues(frames=frozenset(frames), **kw)


def test_the_taxonomy_has_acleds_25_sub_event_types_in_6_types():
    assert len(SUB_EVENT_TYPES) == 25
    assert len(set(SUB_EVENT_TYPES.values())) == 6


@pytest.mark.parametrize(
    "given, expected",
    [
        (clues("attack", weapons=frozenset({"air"})), "Air/drone strike"),
        (clues("harm", weapons=frozenset({"shelling"})), "Shelling/artillery/missile attack"),
        (clues("explosion"), "Remote explosive/landmine/IED"),
        (clues("attack", weapons=frozenset({"grenade", "shelling"})), "Grenade"),
        (clues("suicide", weapons=frozenset({"ied"})), "Suicide bomb"),
        (clues("defuse", weapons=frozenset({"ied"})), "Disrupted weapons use"),
    ],
)
def test_the_weapon_decides_remote_violence(given, expected):
    assert classify(given) == expected


def test_bombing_without_a_weapon_is_from_the_air_for_state_forces_and_an_ied_otherwise():
    assert classify(clues("bombing", inter1=1)) == "Air/drone strike"
    assert classify(clues("bombing", agent_word="coalition")) == "Air/drone strike"
    assert classify(clues("bombing", inter1=2)) == "Remote explosive/landmine/IED"


def test_attack_on_civilians_versus_armed_clash():
    assert classify(clues("attack", inter1=2, inter2=7)) == "Attack"
    assert classify(clues("attack", target="civilians")) == "Attack"
    assert classify(clues("attack", inter1=2, inter2=1)) == "Armed clash"
    assert classify(clues("clash")) == "Armed clash"


def test_territory_goes_to_the_government_only_when_state_forces_take_it():
    assert classify(clues("capture", inter1=1, place_object=True)) == "Government regains territory"
    assert classify(clues("capture", inter1=2, place_object=True)) == "Non-state actor overtakes territory"
    assert classify(clues("transfer", place_object=True)) == "Non-violent transfer of territory"


def test_detentions_by_non_state_groups_are_abductions():
    assert classify(clues("arrest", inter1=1)) == "Arrests"
    assert classify(clues("arrest", inter1=2)) == "Abduction/forced disappearance"


def test_protest_upgrades():
    assert protest_subtype(frozenset(), harmed=False) == "Peaceful protest"
    assert protest_subtype(frozenset({"intervention"}), harmed=False) == "Protest with intervention"
    assert protest_subtype(frozenset({"excessive"}), harmed=True) == "Excessive force against protesters"
    assert protest_subtype(frozenset({"violent", "intervention"}), harmed=False) == "Violent demonstration"
    assert classify(clues("riot")) == "Mob violence"
    assert classify(clues("riot", "protest")) == "Violent demonstration"


def test_a_gathering_needs_a_purpose_to_be_a_protest():
    assert classify(clues("gather")) is None
    assert classify(clues("gather", protest=frozenset({"purpose"}))) == "Peaceful protest"


def test_head_frame_prefers_the_specific_trigger():
    assert head_frame({"harm", "attack", "air"}) == "air"
    assert event_type_of("Mob violence") == "Riots"


def test_a_weapon_stopped_before_use_is_disrupted_weapons_use_unless_it_was_used_on_someone():
    assert classify(clues("defuse", "explosion")) == "Disrupted weapons use"
    assert classify(clues("defuse", "explosion", "harm")) == "Remote explosive/landmine/IED"
    assert classify(clues("defuse", "arrest", inter1=1)) == "Arrests"


def test_a_protest_against_a_suicide_bombing_is_a_protest():
    assert classify(clues("protest", "suicide")) == "Peaceful protest"


def test_small_arms_fired_at_armed_men_are_a_clash_even_with_heavy_weapons():
    assert classify(clues("attack", weapons=frozenset({"shelling", "small_arms"}), inter2=1)) == "Armed clash"
    assert classify(clues("attack", weapons=frozenset({"shelling", "small_arms"}), target="civilians")) \
        == "Shelling/artillery/missile attack"
    assert classify(clues("attack", weapons=frozenset({"air", "small_arms"}), inter2=1)) == "Air/drone strike"


def test_an_aircraft_shot_down_is_anti_aircraft_fire():
    assert classify(clues("antiair", weapons=frozenset({"air"}))) == "Shelling/artillery/missile attack"


def test_other_developments_and_riot_control_munitions():
    assert classify(clues("other")) == "Other"
    assert classify(clues("displace")) == "Other"
    assert classify(clues("nonlethal")) is None
    assert head_frame(frozenset({"other", "nonlethal"})) == "other"


def test_a_foreign_states_forces_overtake_territory_they_do_not_regain_it():
    assert classify(clues("capture", inter1=1, place_object=True, foreign=True)) == "Non-state actor overtakes territory"


def test_rioters_who_state_a_demand_hold_a_violent_demonstration():
    assert classify(clues("destroy", crowd=True, protest=frozenset({"purpose", "demand"}))) == "Violent demonstration"
    assert classify(clues("destroy", crowd=True)) == "Mob violence"
    assert classify(clues("attack", crowd=True, protest=frozenset({"purpose"}))) == "Mob violence"


def test_a_death_is_excessive_force_only_when_force_was_used_on_the_protest():
    assert protest_subtype(frozenset({"death", "purpose"}), harmed=True) == "Peaceful protest"
    assert protest_subtype(frozenset({"death", "intervention"}), harmed=True) == "Excessive force against protesters"
    assert protest_subtype(frozenset({"intervention"}), harmed=True) == "Protest with intervention"
    assert protest_subtype(frozenset({"excessive"}), harmed=True) == "Excessive force against protesters"


def test_a_militia_that_only_throws_stones_is_a_mob():
    stones = clues("attack", inter1=3, inter2=7, weapons=frozenset({"stones"}))
    assert classify(stones) == "Mob violence"
    armed = clues("attack", inter1=3, inter2=7, weapons=frozenset({"stones", "arms"}))
    assert classify(armed) == "Attack"
    assert classify(clues("attack", inter1=2, inter2=7, weapons=frozenset({"stones"}))) == "Attack"
