"""EVENTS-MISC rules on hand-written sentences: status lines, labour strikes, exchanges of fire,
downed aircraft, victims named as members of an armed group."""

from __future__ import annotations

import pytest

from dateline.events.factuality import status_line

pytestmark = pytest.mark.slow



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
        # no count given for the harm
        ("He gave no figure for casualties.", "casualties", True),
        ("Officials did not give a toll of casualties.", "casualties", True),
        ("Officials gave a toll of casualties.", "casualties", False),
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


# ------------------------------------------------------------------ labour strikes are protests

@pytest.mark.parametrize(
    "text, word",
    [
        ("Doctors began a strike after a colleague was killed by a patient's relatives.", "strike"),
        ("Teachers launched a strike over the killing of a colleague by bandits.", "strike"),
        ("Workers at a rifle factory began a strike over pay.", "strike"),
        ("A strike by nurses entered its third day.", "strike"),
        ("The teachers' strike entered its third day.", "strike"),
        ("Junior doctors struck for higher wages.", "struck"),
        ("The union called an indefinite strike.", "strike"),
        ("The drivers held a three-day strike over unpaid salaries.", "strike"),
        ("Factory workers struck work to protest the layoffs.", "struck"),
    ],
)
def test_people_who_work_stopping_work_is_a_labour_strike(nlp, text, word):
    from dateline.events.senses import load_senses, strike_frame

    tok = token(nlp(text), word)
    assert strike_frame(tok, violent=True, armed_doer=False, senses=load_senses()) == "protest"


@pytest.mark.parametrize(
    "text, word, violent, armed, expected",
    [
        # a struck object is a blow, whoever strikes
        ("Jets struck the town before dawn.", "struck", False, False, "attack"),
        ("The army said it struck rebel positions.", "struck", False, True, "attack"),
        # no doer and no object: the sentence decides, as before
        ("The strike killed four people.", "strike", True, False, "attack"),
        ("The strike closed the schools.", "strike", False, False, "protest"),
    ],
)
def test_a_strike_without_strikers_is_read_from_its_object_and_its_sentence(nlp, text, word, violent, armed, expected):
    from dateline.events.senses import load_senses, strike_frame

    tok = token(nlp(text), word)
    assert strike_frame(tok, violent=violent, armed_doer=armed, senses=load_senses()) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2023, doctors began a strike in Nairobi, Kenya, after a colleague was killed by a patient's relatives.",
        "On 3 March 2023, workers at a rifle factory in Kaduna, Nigeria, began a strike over pay.",
    ],
)
def test_a_labour_strike_told_with_a_killing_or_a_weapon_is_a_peaceful_protest(pipe, text):
    assert sub_events(pipe, text) == ["Peaceful protest"]


def test_an_air_strike_stays_an_air_strike(pipe):
    text = "On 3 March 2023, an air strike killed five people in Maarrat al-Numan, Syria."
    assert sub_events(pipe, text) == ["Air/drone strike"]


# ------------------------------------------------------------------ armed victims with no patient parsed

def test_armed_victims_of_a_harm_verb_are_the_second_side_when_the_patient_names_no_actor(pipe):
    # the patient is a truck, and the phrase "militants believed to be JNIM" spans the parse of the
    # whole sentence, so no opponent is looked for in it: the victims of "killing" name the side
    text = "On 4 May 2023, militants believed to be JNIM attacked a truck near Djibo, Burkina Faso, killing four VDP members."
    found = events(pipe, text)
    assert [e["sub_event_type"] for e in found] == ["Armed clash"]
    assert found[0]["actor2"] == "VDP: Volunteer for Defense of Homeland" and found[0]["civilian_targeting"] is not True


def test_civilian_victims_stay_civilians(pipe):
    found = events(pipe, "On 3 March 2023, gunmen killed two farmers near Afgooye, Somalia.")
    assert [(e["sub_event_type"], e["actor2"]) for e in found] == [("Attack", "Civilians (Somalia)")]


# ------------------------------------------------------------------ a place that closes is no gathering

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Several clinics had already closed their doors.", True),
        ("Schools were closed on Monday.", True),
        ("Traders closed their shops in protest.", False),
        ("Protesters shut the main road.", False),
        ("The road was closed by protesters.", False),
    ],
)
def test_a_place_closing_is_no_crowd_act(nlp, text, expected):
    from dateline.events.senses import other_sense

    verb = next(t for t in nlp(text) if t.lemma_ in ("close", "shut"))
    assert other_sense(verb, "gather") is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Doctors went on strike on Monday. The government said the strike would harm patients.", "protest"),
        ("Workers began a general strike on Monday. Officials said the strike killed the economy.", "protest"),
        ("An air strike hit the town on Monday. The strike killed five people.", "attack"),
    ],
)
def test_the_strike_is_the_strike_told_before(nlp, text, expected):
    from dateline.events.senses import load_senses, strike_frame

    doc = nlp(text)
    last = [t for t in doc if t.lemma_ == "strike"][-1]
    assert strike_frame(last, violent=True, armed_doer=False, senses=load_senses()) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("A helicopter was nearly downed after it came close to a drone.", "downed", "hypothetical"),
        ("Rebels almost overran the base on Monday.", "overran", "hypothetical"),
        # an attack that nearly killed happened; "almost 20" qualifies the number
        ("A policeman was nearly killed when gunmen opened fire.", "killed", "asserted"),
        ("Almost 20 people were killed.", "killed", "asserted"),
    ],
)
def test_what_nearly_happened_did_not(nlp, lex, text, word, expected):
    from dateline.events.factuality import factuality

    assert factuality(token(nlp(text), word), lex) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 3 March 2023, heavy fire was exchanged between troops and rebels near Beni, Congo.", "Armed clash"),
        # an aircraft that was hit is the target of anti-aircraft fire, not the weapon of an air strike
        ("On 3 March 2023, an army helicopter crashed near Beni, Congo, after being hit by rebel fire.",
         "Shelling/artillery/missile attack"),
        ("On 3 March 2023, rebels opened fire on an army helicopter near Beni, Congo.", "Shelling/artillery/missile attack"),
        ("On 3 March 2023, helicopter gunships fired on the village of Kibirizi, Congo, killing four civilians.",
         "Air/drone strike"),
        ("On 3 March 2023, warplanes struck the town of Maarrat al-Numan, Syria, killing five people.", "Air/drone strike"),
    ],
)
def test_fire_exchanged_and_aircraft_hit(pipe, text, expected):
    assert sub_events(pipe, text) == [expected]


def test_the_pilots_of_a_downed_helicopter_are_counted(pipe):
    found = events(pipe, "On 3 March 2023, rebels shot down an army helicopter near Beni, Congo, killing its two pilots.")
    assert [(e["sub_event_type"], e["fatalities"]) for e in found] == [("Shelling/artillery/missile attack", 2)]


def test_the_strike_follows_a_chain_of_mentions_back_to_the_strikers(nlp):
    from dateline.events.senses import load_senses, strike_frame

    doc = nlp("The strike by 3,000 car workers entered its second month. The minister wants an end to the strike. "
              "He said the strike will harm the families of workers.")
    last = [t for t in doc if t.lemma_ == "strike"][-1]
    assert strike_frame(last, violent=True, armed_doer=False, senses=load_senses()) == "protest"


def test_members_of_a_group_killed_are_counted(pipe):
    # counts.PEOPLE_WORDS: "members" are people, whichever side they are on
    found = events(pipe, "On 4 May 2023, in Djibo, Burkina Faso, JNIM militants ambushed and killed four VDP members.")
    assert [(e["sub_event_type"], e["fatalities"]) for e in found] == [("Armed clash", 4)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # small arms fired with no unarmed target: a fight (the existing small-arms rule)
        ("On 5 February 2023, observers recorded bursts of fire from small arms near the front line at Bakhmut, Ukraine.",
         "Armed clash"),
        ("On 5 February 2023, a burst of gunfire killed two civilians at a checkpoint in Kano, Nigeria.", "Attack"),
    ],
)
def test_a_burst_of_fire_is_shooting(pipe, text, expected):
    assert sub_events(pipe, text) == [expected]


def test_the_group_named_inside_the_victim_phrase_is_the_victims_side(pipe):
    # the parse finds no doer; the only armed group before the verb is the victim's own
    found = events(pipe, "On 3 March 2023, a suspected MS-13 member was shot dead in San Miguel, El Salvador.")
    assert [(e["sub_event_type"], e["actor2"]) for e in found] == [("Armed clash", "MS-13: Mara Salvatrucha")]
    assert found[0]["actor1"] != "MS-13: Mara Salvatrucha"
