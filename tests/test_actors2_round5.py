"""ACTORS-2 round 5: settlers in mob violence are ACLED's "Rioters" with the settlers as associated
actor, and a sentence-initial capitalised modifier ("Government jets") still names the state."""

from __future__ import annotations

from dateline.events.crowds import settled
from dateline.model import ActorMention, Event, Span
from test_actors import actors, make_doc

SETTLERS = ActorMention(0, 8, "Settlers (Israel)", 3, "IL", "militia")


def _event(sub, a1, i1, a2, i2, **more):
    return Event(event_id="e", article_id="a", event_type="Riots", sub_event_type=sub, trigger=Span(0, 1),
                 sentence=Span(0, 10), actor1=a1, inter1=i1, actor2=a2, inter2=i2, **more)


def test_settlers_named_second_in_mob_violence_become_the_rioters_first():
    # "Palestinians clashed with settlers": the settlers are still the mob, actor1
    event = _event("Mob violence", "Rioters (Palestine)", 5, "Settlers (Israel)", 3,
                   evidence=(("actor1", Span(0, 12)), ("actor2", Span(30, 38))))
    out = settled(event, (None, SETTLERS))
    assert (out.actor1, out.inter1, out.assoc_actor_1) == ("Rioters (Israel)", 5, "Settlers (Israel)")
    assert (out.actor2, out.inter2, out.interaction) == ("Rioters (Palestine)", 5, 55)
    assert dict(out.evidence) == {"actor1": Span(30, 38), "actor2": Span(0, 12)}


def test_settlers_already_renamed_rioters_keep_the_settlers_as_associate():
    event = _event("Mob violence", "Rioters (Israel)", 5, "Civilians (Palestine)", 7)
    out = settled(event, (SETTLERS, None))
    assert (out.actor1, out.assoc_actor_1, out.actor2, out.interaction) == (
        "Rioters (Israel)", "Settlers (Israel)", "Civilians (Palestine)", 57)


def test_settlers_looting_keep_their_own_name():
    event = _event("Looting/property destruction", "Settlers (Israel)", 3, "Civilians (Palestine)", 7)
    assert settled(event, (SETTLERS, None)) == event


def test_a_mob_with_no_settlers_is_unchanged():
    event = _event("Mob violence", "Rioters (Kenya)", 5, "Civilians (Kenya)", 7)
    mob = ActorMention(0, 3, "Rioters (Kenya)", 5, "KE", "rioters")
    assert settled(event, (mob, None)) == event


def test_capitalised_modifier_at_sentence_start_names_the_state():
    doc = make_doc("Rebels fled. Government jets bombed Ariha.", places=[("Ariha", "SY")])
    found = {text: (name, inter) for text, name, inter, _ in actors(doc)}
    assert found["Government jets"] == ("Military Forces of Syria (2000-)", 1)


def test_capitalised_modifier_inside_a_sentence_is_still_a_name():
    # "the Government" mid-sentence is not sentence-initial: only the first word is relaxed
    doc = make_doc("On Monday Security jets bombed Ariha.", places=[("Ariha", "SY")])
    assert "Military Forces of Syria (2000-)" not in [name for _, name, _, _ in actors(doc)]
