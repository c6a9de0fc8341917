"""Counts, factuality, attribution and the lexicon matcher on parsed hand-written sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from dateline.events.attribution import attribution, is_denial
from dateline.events.counts import Figure, combine, figures, merge_counts, parse_number, Counts
from dateline.events.factuality import factuality, zero_victims
from dateline.events.lexicon import PhraseTable, load_lexicon, sentence_words

pytestmark = pytest.mark.slow


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


# --- numbers and counts -----------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10_000_000))
def test_digits_round_trip(n):
    assert parse_number(f"{n:,}", load_lexicon()) == n
    assert parse_number(str(n), load_lexicon()) == n


def test_number_words(lex):
    assert parse_number("twenty-five", lex) == 25
    assert parse_number("three hundred", lex) == 300
    assert parse_number("several", lex) is None


def killed(nlp, lex, text: str) -> Counts:
    return combine(figures(nlp(text)[:], lex))


@pytest.mark.parametrize(
    "text, fatalities",
    [
        ("Gunmen killed three villagers on Monday.", 3),
        ("At least 12 soldiers were killed in the ambush.", 12),
        ("The blast killed 1 and injured 2.", 1),
        ("Militants shot dead a man near the market.", 1),
        ("Dozens of civilians were killed in the strikes.", 12),
        ("Hundreds of people died in the fighting.", 100),
        ("No one was killed in the attack.", 0),
        ("3 fatalities.", 3),
    ],
)
def test_fatalities_follow_acled_figures(nlp, lex, text, fatalities):
    assert killed(nlp, lex, text).fatalities == fatalities


def test_casualties_bound_fatalities_without_asserting_them(nlp, lex):
    counts = killed(nlp, lex, "The bombing left hundreds of civilian casualties.")
    assert counts.fatalities is None
    assert counts.fatalities_high is not None and counts.fatalities_high >= 100


def test_injured_detained_and_victims(nlp, lex):
    counts = killed(nlp, lex, "Two soldiers and four civilians were wounded, and police arrested five suspects.")
    assert counts.injured == 6
    assert counts.detained == 5
    assert counts.victims == "mixed"


def test_animals_are_not_victims(nlp, lex):
    assert killed(nlp, lex, "Armed men killed 25 heads of cattle.").fatalities is None


def test_restatements_are_not_added_but_additions_are():
    first = Figure("killed", 3, 3, 3)
    again = Figure("killed", 3, 3, 3)
    more = Figure("killed", 2, 2, 2, additive=True)
    assert combine([first, again]).fatalities == 3
    assert combine([first, more]).fatalities == 5
    assert merge_counts(Counts(fatalities=3), Counts(fatalities=5)).fatalities == 3


# --- factuality -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The army did not attack the village.", "attack", "negated"),
        ("Rebels attacked the village on Monday.", "attacked", "asserted"),
        ("The militants will attack the town next week.", "attack", "future"),
        ("The group threatened to attack schools.", "attack", "future"),
        ("Officials fear the rebels could attack the capital.", "attack", "hypothetical"),
        ("If talks fail, the army would attack the enclave.", "attack", "hypothetical"),
        ("Militants are increasingly using roadside bombs.", "bombs", "generic"),
        ("The militants are expanding hit-and-run attacks on checkpoints.", "attacks", "generic"),
        ("More than 40 leaders have been killed in the province so far this year.", "killed", "generic"),
        ("Protests against the reform have drawn millions of people since January.", "Protests", "generic"),
        ("Air strikes have killed at least 20 people in the north, monitors said.", "strikes", "asserted"),
        ("The town has been hit almost daily by artillery since 2022.", "artillery", "generic"),
        ("Killings of civilians by armed groups have continued in the province.", "Killings", "generic"),
        ("The ministry said its forces had struck targets over the past week.", "struck", "generic"),
        ("Unions have called a national strike for next Wednesday.", "strike", "future"),
        ("Earlier this month, government forces retook the town after a week of clashes.", "retook", "asserted"),
        ("Government forces attack villages every day.", "attack", "generic"),
    ],
)
def test_factuality(nlp, lex, text, word, expected):
    assert factuality(token(nlp(text), word), lex) == expected


def test_no_one_killed_leaves_the_attack_asserted(nlp, lex):
    doc = nlp("No one was killed in the attack.")
    assert factuality(token(doc, "attack"), lex) == "asserted"
    assert zero_victims(token(doc, "killed"))


# --- attribution ------------------------------------------------------------------------------


def test_attribution_from_the_reporting_verb_and_according_to(nlp, lex):
    doc = nlp("Soldiers shot dead three villagers on Monday, residents and rebels said.")
    found = attribution(token(doc, "shot"), doc[:], lex)
    assert found is not None and found[0] == "residents and rebels"
    doc = nlp("Airstrikes hit the town, according to the Syrian Observatory for Human Rights.")
    found = attribution(token(doc, "Airstrikes"), doc[:], lex)
    assert found is not None and found[0].startswith("the Syrian Observatory")
    assert doc.text[found[1].start:found[1].end] == found[0]


def test_accusers_are_the_source(nlp, lex):
    doc = nlp("Activists accused the coalition of indiscriminate bombing.")
    found = attribution(token(doc, "bombing"), doc[:], lex)
    assert found is not None and found[0] == "Activists"


def test_denials_are_recognised(nlp, lex):
    assert is_denial(nlp("The army denied the accusation.")[:], lex)
    assert is_denial(nlp("The ministry says it is careful to avoid civilian casualties.")[:], lex)
    assert not is_denial(nlp("Rebels attacked the town.")[:], lex)


# --- lexicon matcher ----------------------------------------------------------------------------


def test_phrases_match_longest_first_with_pos_and_context_filters(nlp):
    table = PhraseTable({"air": ["air strike"], "protest": ["strike/VERB@worker"], "attack": ["strike"]})
    doc = nlp("An air strike hit the town.")
    assert [m.key for m in table.match(doc[:])] == ["air"]
    doc = nlp("Workers will strike on Monday.")
    assert "protest" in {m.key for m in table.match(doc[:], context=sentence_words(doc[:]))}
    doc = nlp("Drivers will strike on Monday.")
    assert "protest" not in {m.key for m in table.match(doc[:], context=sentence_words(doc[:]))}


def test_the_bundled_lexicon_loads_and_knows_the_frames(lex):
    assert {"protest", "attack", "air", "capture", "arrest"} <= set(lex.frames.words_of("protest") and
                                                                   ["protest", "attack", "air", "capture", "arrest"])
    assert "say" in lex.attribution.words_of("reporting_verbs")


def test_more_than_is_a_bound_not_an_addition(nlp, lex):
    """Two sources' figures for one strike: "more than 30 wounded" must not make 11 additive."""
    first = figures(nlp("The strike killed at least nine civilians.")[:], lex)
    second = figures(nlp("A monitor said 11 people had been killed and more than 30 wounded.")[:], lex)
    assert not any(f.additive for f in second)
    assert combine(first + second).fatalities == 9


def test_sentences_never_cross_a_paragraph_break():
    from dateline.parse import _paragraph_pieces

    text = 'He said "it was over", a claim.\n\nPolice said they had defused a bomb.'
    pieces = list(_paragraph_pieces(text, 0, len(text)))
    assert [text[a:b].strip() for a, b in pieces] == ['He said "it was over", a claim.', "Police said they had defused a bomb."]


def test_cues_after_a_contrast_belong_to_the_other_clause(nlp, lex):
    from dateline.events.classify import protest_cues

    doc = nlp("Thousands marched peacefully through the city on Friday, while in a nearby town protesters "
              "burned tyres and threw stones at police.")
    assert "violent" not in protest_cues(doc[:], lex.protest, within=token(doc, "marched"))
    assert "violent" in protest_cues(doc[:], lex.protest, within=token(doc, "burned"))


def test_the_source_after_the_victims_is_not_counted(nlp, lex):
    doc = nlp("A bomber struck a checkpoint on Wednesday, killing at least seven soldiers and two civilians, "
              "a military officer and witnesses said.")
    assert combine(figures(doc[:], lex)).fatalities == 9


def test_a_blank_line_starts_a_sentence_for_the_parser(nlp):
    from dateline.parse import paragraph_starts

    doc = paragraph_starts(nlp.make_doc('He said "it was over", a claim\n\nPolice said they had defused a bomb.'))
    assert doc[[t.text for t in doc].index("Police")].is_sent_start


def test_the_counted_noun_after_a_participle_is_its_object_when_misparsed(nlp, lex):
    from dateline.events.counts import _object_after

    doc = nlp("The bomb went off, killing at least seven soldiers.")
    assert [t.text for t in _object_after(token(doc, "killing"))] == ["soldiers"]


# --- weapons used or stopped ----------------------------------------------------------------------


def frame_keys(nlp, lex, text: str) -> set[str]:
    from dateline.events.weapons import rekeyed

    doc = nlp(text)
    return {m.key for m in rekeyed(lex.frames.match(doc[:]), doc)}


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("Soldiers found and destroyed an IED near the road.", {"defuse"}, {"destroy"}),
        ("Over 200 artillery shells were found in the forest.", {"defuse"}, {"shelling"}),
        ("Air defences shot down two drones over the city.", {"defuse"}, set()),
        ("Troops opened fire at three drones near the base.", {"defuse"}, {"attack"}),
        ("Rebels shot down a government helicopter.", {"antiair"}, {"defuse"}),
        ("Police intercepted a boat carrying migrants.", set(), {"defuse"}),
        ("Militants destroyed the bridge with explosives.", {"destroy"}, {"defuse"}),
        ("Gunmen opened fire on a bus.", {"attack"}, {"defuse"}),
        ("Rebels fired grenade launchers at army positions.", {"launcher"}, {"grenade"}),
        ("Police fired stun grenades at the crowd.", {"nonlethal"}, {"grenade"}),
    ],
)
def test_weapons_stopped_before_use_and_weapons_fired(nlp, lex, text, present, absent):
    keys = frame_keys(nlp, lex, text)
    assert present <= keys and not absent & keys, keys


def test_a_suicide_is_no_suicide_bombing(nlp, lex):
    doc = nlp("Relatives protested after a student died by suicide.")
    assert "suicide" not in {m.key for m in lex.weapons.match(doc[:])}


# --- protests: their reason and their casualties ------------------------------------------------


def test_what_happened_before_a_protest_is_its_reason(nlp):
    from dateline.events.classify import in_reason

    doc = nlp("Residents held a protest after a man was killed by a train.")
    assert in_reason(token(doc, "killed"))
    doc = nlp("Police opened fire on the protesters, killing two of them.")
    assert not in_reason(token(doc, "two"))


def test_protesters_killed_are_counted(nlp, lex):
    assert killed(nlp, lex, "Police opened fire, killing two protesters.").fatalities == 2


def test_a_crowd_that_responded_to_a_call_is_no_reference_to_an_event(nlp, lex):
    from dateline.events.stage import _reference_only

    doc = nlp("Thousands of demonstrators responded to the call for protests.")
    assert not _reference_only(token(doc, "demonstrators"), lex)
    doc = nlp("The government condemned the attack.")
    assert _reference_only(token(doc, "attack"), lex)


@pytest.mark.parametrize(
    "text, violent",
    [
        ("The women demanded an end to violence against women.", False),
        ("They held a vigil on the anniversary of the Capitol riot.", False),
        ("Youths staged a protest by burning an effigy of the Prime Minister.", False),
        ("The protest turned violent when police arrived.", True),
        ("Violence broke out during the march.", True),
        ("A violent protest took place in Lagos.", True),
        ("Protesters burned tyres and blocked the road.", True),
    ],
)
def test_violence_said_of_the_protest_not_its_topic_or_a_symbol(nlp, lex, text, violent):
    from dateline.events.classify import protest_cues

    assert ("violent" in protest_cues(nlp(text)[:], lex.protest)) is violent


def test_one_person_is_no_mob(nlp):
    from dateline.events.stage import _one_person

    doc = nlp("An off-duty police officer shot a thief while an unspecified number of residents watched.")
    assert _one_person(token(doc, "officer"))
    assert not _one_person(token(doc, "number"))


@pytest.mark.parametrize(
    "text, intervention",
    [
        ("Police personnel were present at the venue but did not intervene.", False),
        ("Some demonstrators moved near the Ottawa-Carleton Detention Centre.", False),
        ("Police used mild lathi charge against the protesters.", True),
        ("Later, police forces removed activists from the venue.", True),
    ],
)
def test_intervention_is_an_act_of_force_on_the_protest(nlp, lex, text, intervention):
    from dateline.events.classify import protest_cues

    assert ("intervention" in protest_cues(nlp(text)[:], lex.protest)) is intervention


def test_protesters_prevented_from_marching_were_there(nlp, lex):
    doc = nlp("Police intervened and prevented the protesters from marching.")
    assert factuality(token(doc, "protesters"), lex) == "asserted"


def test_tear_gas_fired_is_force_but_not_lethal(nlp, lex):
    from dateline.events.classify import protest_cues

    cues = protest_cues(nlp("Security forces fired teargas canisters and rubber bullets at the crowd.")[:], lex.protest)
    assert "intervention" in cues and "excessive" not in cues
    assert "excessive" in protest_cues(nlp("Police fired live bullets at the crowd.")[:], lex.protest)
