"""Follow-up fixes on parsed hand-written sentences: factuality of conjoined verbs, roles, harm lines."""

from __future__ import annotations

import pytest

from dateline.events.factuality import factuality


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # 'thwarted and clashed': the clash is a sibling act of thwarting, it happened
        ("Loyalist forces thwarted and clashed with rebel fighters near the port.", "clashed", "asserted"),
        ("Police foiled an attack on the market.", "attack", "hypothetical"),
        # a modal is shared by its conjuncts
        ("The rebels could attack and burn the village.", "burn", "hypothetical"),
    ],
)
def test_a_conjoined_verb_is_not_governed_by_its_sibling(nlp, lex, text, word, expected):
    assert factuality(token(nlp(text), word), lex) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Casualties unknown.", "Casualties", "hypothetical"),
        ("Casualties are unknown.", "Casualties", "hypothetical"),
        ("The number of casualties is unclear.", "casualties", "hypothetical"),
        # the attack is known; only who did it is not
        ("The perpetrators of the attack are unknown.", "attack", "asserted"),
        ("Unknown gunmen attacked the checkpoint.", "attacked", "asserted"),
        ("Casualties were reported among the soldiers.", "Casualties", "asserted"),
    ],
)
def test_a_status_line_on_casualties_asserts_no_harm(nlp, lex, text, word, expected):
    assert factuality(token(nlp(text), word), lex) == expected


def test_a_misparsed_shooting_with_an_unknown_gunman_stays_asserted(nlp, lex):
    doc = nlp("On 22 May 2022, unknown militant shot and killed a civilian in the village.")
    assert factuality(token(doc, "killed"), lex) == "asserted"
    assert factuality(token(doc, "shot"), lex) == "asserted"
    assert factuality(token(nlp("Unknown casualties."), "casualties"), lex) == "hypothetical"


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Troops, fighting under the brigade, thwarted the advance of the rebels.", "fighting", "asserted"),
        ("The army foiled the plot, killing two militants.", "killing", "asserted"),
        ("Heavy fighting prevented the delivery of aid.", "fighting", "asserted"),
        ("The attack was foiled by the police.", "attack", "hypothetical"),
        ("Police prevented an attack on the market.", "attack", "hypothetical"),
    ],
)
def test_only_what_is_thwarted_is_unreal(nlp, lex, text, word, expected):
    assert factuality(token(nlp(text), word), lex) == expected
