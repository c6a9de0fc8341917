"""EVENTS round 5 rules on hand-written sentences: a named part of a town codes to the town, a
raid's destruction folds into it, background and back-references are no new events, a death noun
as a topic is no attack, a nationality before a military act names the state's forces."""

from __future__ import annotations

import pytest

from dateline.events.topics import back_reference, death_topic
from test_geo_eventplace_rules import TOWN, where_of


# ------------------------------------------------------------------ a named part of a town (no gazetteer)

_where = where_of


@pytest.mark.parametrize(
    "text, part",
    [
        ("Gunmen shot dead a trader in the Kawangware neighbourhood of Nairobi on Monday.", "Kawangware"),
        ("A grenade exploded in Nairobi's Eastleigh district late on Friday.", "Eastleigh"),
        ("Police fired tear gas at a crowd in Kibera, a neighbourhood of Nairobi.", "Kibera"),
        ("Two men were stabbed in Majengo in Nairobi on Sunday.", "Majengo"),
    ],
)
def test_a_named_part_of_a_town_codes_to_the_town(text, part):
    trigger = next(w for w in ("shot", "exploded", "fired", "stabbed") if w in text)
    where = _where(text, trigger, {part: {}, "Nairobi": TOWN})
    assert where.location == "Nairobi" and where.geo_precision == 1
    assert text[where.evidence.start : where.evidence.end] == part  # the words that said where


def test_a_section_of_a_populated_place_in_the_gazetteer_codes_to_the_town():
    text = "Soldiers raided homes in the Kalobeyei section of Kakuma on Tuesday."
    where = _where(text, "raided", {"Kalobeyei": dict(TOWN, feature_code="PPLX", latitude=1.01), "Kakuma": TOWN})
    assert where.location == "Kakuma"


@pytest.mark.parametrize(
    "text, village",
    [
        ("Five people were killed in Kayamla village in Konduga on Monday.", "Kayamla"),
        ("Rebels burned the village of Mbau in Oicha on Monday.", "Mbau"),
    ],
)
def test_a_village_named_in_a_town_stays_the_village(text, village):
    trigger = "killed" if "killed" in text else "burned"
    where = _where(text, trigger, {village: {}, text.split(" in ")[-1].split(" on ")[0]: TOWN})
    assert where.location == village


# ------------------------------------------------------------------ words in the parse

def token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Protests have spread across the country since Mr. Okafor's death.", True),
        ("Students marched to mark the anniversary of her death.", True),
        ("Relatives demanded an inquiry over the death of the teacher.", True),
        ("The death of Thomas Sankara still divides the country.", True),
        ("Apostasy is punishable by death in the country.", True),
        # a death a verb caused is the toll of the event that verb tells
        ("The blast destroyed the market, resulting in the death of two traders.", False),
        ("The fire caused the death of a guard.", False),
    ],
)
def test_a_death_noun_the_sentence_is_about_is_a_topic(nlp, text, expected):
    assert death_topic(token(nlp(text), "death")) is expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Two men were arrested over the ambush.", "ambush", True),
        ("Police opened an investigation into the killing.", "killing", True),
        ("Gunmen staged an ambush on the road.", "ambush", False),
        ("Two men were arrested over an ambush on the Kitgum road.", "ambush", False),
    ],
)
def test_a_definite_event_noun_about_which_something_is_done_points_back(nlp, text, word, expected):
    assert back_reference(token(nlp(text), word)) is expected


# ------------------------------------------------------------------ whole articles through the pipeline


def events(pipe, text: str) -> list[dict]:
    return pipe.analyze(text, published="2024-05-14").to_dict()["events"]


@pytest.mark.slow
def test_destruction_told_right_after_a_raid_is_the_raid(pipe):
    text = ("GOMA - Gunmen killed six civilians in an attack on the village of Kiwanja in Rutshuru territory on "
            "Sunday, local officials said.\n\n\"They shot at everyone and they burned our houses,\" a resident said.\n\n"
            "Several granaries were also set on fire, according to the officials.")
    found = events(pipe, text)
    assert [(e["sub_event_type"], e["fatalities"]) for e in found] == [("Attack", 6)]


@pytest.mark.slow
def test_destruction_with_its_own_place_and_doer_stays_its_own_event(pipe):
    text = ("GOMA - Gunmen killed six civilians in an attack on the village of Kiwanja in Rutshuru territory on "
            "Sunday, local officials said.\n\nOn Monday, Mai-Mai militiamen burned a school in Masisi.")
    subs = [e["sub_event_type"] for e in events(pipe, text)]
    assert subs == ["Attack", "Looting/property destruction"]


@pytest.mark.slow
def test_nobody_hurt_is_no_event_of_its_own(pipe):
    text = ("BAMAKO - Unknown gunmen fired at a gendarmerie post in Kati on Saturday night, the army said.\n\n"
            "Officials said no civilians were hurt.")
    found = events(pipe, text)
    assert len(found) == 1 and found[0]["actor2"] != "Civilians (Mali)"


@pytest.mark.slow
def test_what_an_actor_does_as_a_rule_is_background(pipe):
    text = ("ABUJA - Officials blamed the Lakurawa group, which has been fighting the army for control of the "
            "border forests, for the raid on Monday.")
    clashes = [e for e in events(pipe, text) if e["sub_event_type"] == "Armed clash"]
    assert clashes == []


@pytest.mark.slow
def test_a_later_mention_of_the_ambush_is_the_same_ambush(pipe):
    text = ("KAMPALA - Gunmen ambushed an army truck near Kotido on Saturday, killing three soldiers, the army "
            "said.\n\nThe region has seen cattle raids for decades.\n\nThe district commissioner said schools "
            "would reopen next week.\n\nNo arrests have been made over the ambush.")
    violent = [e for e in events(pipe, text) if e["event_type"] in ("Battles", "Violence against civilians")]
    assert len(violent) == 1 and violent[0]["fatalities"] == 3


@pytest.mark.slow
def test_a_death_noun_as_topic_is_no_attack(pipe):
    text = ("LAGOS - Hundreds of people marched through Ikeja on Saturday, a year after Mr. Adewale's death.\n\n"
            "Rights groups have held vigils every month since the death of the activist.")
    subs = [e["sub_event_type"] for e in events(pipe, text)]
    assert "Attack" not in subs and "Peaceful protest" in subs


@pytest.mark.slow
def test_a_killing_the_story_reports_is_still_an_attack(pipe):
    text = ("LAGOS - Gunmen shot dead an activist outside his home in Ikeja on Friday, police said.\n\n"
            "His death has shocked rights groups.")
    found = events(pipe, text)
    assert [(e["sub_event_type"], e["fatalities"]) for e in found] == [("Attack", 1)]
    # who tells the event ("police said") is not its other side
    assert found[0]["actor2"] == "Civilians (Nigeria)"


# ------------------------------------------------------------------ a nationality before a military act

@pytest.mark.slow
@pytest.mark.parametrize(
    "text, actor1",
    [
        ("BEIRUT - Israeli strikes killed four people in the village of Aitaroun on Monday.", "Military Forces of Israel"),
        ("ERBIL - Turkish air strikes hit two villages near Amadiya on Monday, killing a shepherd.",
         "Military Forces of Turkey"),
    ],
)
def test_a_nationality_before_a_military_act_names_the_states_forces(pipe, text, actor1):
    found = events(pipe, text)
    assert found and found[0]["actor1"].startswith(actor1)


@pytest.mark.slow
def test_a_country_name_before_a_verb_is_no_demonym():
    from dateline.actors.stage import Context, find_state_strikes

    ctx = Context("LB", None, None)
    assert find_state_strikes("Israel strikes back at the Hezbollah positions.", ctx) == []
    assert [c.name.split(" (")[0] for c in find_state_strikes("Israeli strikes hit Tyre.", ctx)] == [
        "Military Forces of Israel"]


# ------------------------------------------------------------------ the raid's doer and its toll

@pytest.mark.slow
def test_the_subject_of_the_killing_verb_is_the_raider(pipe):
    text = "MAIDUGURI - ISWAP fighters killed seven farmers in a raid on the village of Kirawa on Tuesday."
    found = events(pipe, text)
    assert [e["sub_event_type"] for e in found] == ["Attack"]
    assert found[0]["actor1"].startswith("Islamic State (West Africa)") and found[0]["fatalities"] == 7


@pytest.mark.slow
def test_a_victim_named_among_the_dead_is_one_of_them(pipe):
    text = "KADUNA - Gunmen killed five civilians, among them a teacher, in Kajuru on Friday, police said."
    assert [e["fatalities"] for e in events(pipe, text)] == [5]


# ------------------------------------------------------------------ unknown doers, tellers, "to death"

@pytest.mark.slow
def test_unknown_men_who_shoot_are_an_unidentified_armed_group_not_a_mob(pipe):
    text = "On 2 May 2024, unknown men shot a human rights defender outside his office in Eldoret (Uasin Gishu)."
    found = events(pipe, text)
    assert [(e["sub_event_type"], e["actor1"]) for e in found] == [("Attack", "Unidentified Armed Group (Kenya)")]


@pytest.mark.slow
def test_the_teller_is_not_the_other_side_of_a_mob_attack(pipe):
    text = "On 2 May 2024, a mob beat two suspected cattle thieves in Kapsabet (Nandi), police said."
    found = events(pipe, text)
    assert [(e["sub_event_type"], e["actor2"]) for e in found] == [("Mob violence", "Civilians (Kenya)")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, fatalities",
    [
        ("On 2 May 2024, a trader was hacked to death in Kapsabet (Nandi).", 1),
        ("On 2 May 2024, soldiers tortured three detainees to death in Kapsabet (Nandi).", 3),
        ("On 2 May 2024, villagers stoned a suspected witch to death in Kapsabet (Nandi).", 1),
        ("On 2 May 2024, a mob beat two suspected cattle thieves to death in Kapsabet (Nandi).", 2),
    ],
)
def test_whoever_is_put_to_death_is_counted(pipe, text, fatalities):
    assert [e["fatalities"] for e in events(pipe, text)] == [fatalities]


@pytest.mark.slow
def test_a_death_sentence_is_no_fatality(pipe):
    text = "On 2 May 2024, a court in Nairobi sentenced two men to death for a robbery."
    assert all(e["fatalities"] == 0 for e in events(pipe, text))
