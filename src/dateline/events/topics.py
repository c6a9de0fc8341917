"""Event nouns that name an event as a topic of the story, not as an event it reports.

Long news keeps returning to an event it has told or that everyone knows: "Mr. Floyd's death",
"protests since the death of X", "the anniversary of his death", "no arrests have been made over
the ambush". Such a noun is what the sentence is about; coded as an event it is a second copy of
an event the story reports elsewhere (a killing verb makes that one) or of one it does not report
at all. The rules read the dependency parse around the noun's head token.
"""

from __future__ import annotations

from typing import Any

DEFINITE = frozenset({"the", "these", "those", "this", "that", "its", "their", "his", "her"})
# Prepositions that make an event what something is about or after ("arrests over the ambush",
# "an inquiry into the killing", "blamed for the attack", "since the raid").
ABOUT = frozenset({"over", "into", "about", "for", "behind", "since", "following", "after", "regarding"})
# Prepositions that put a death in the background of what the sentence tells.
DEATH_TOPIC_PREPS = ABOUT | frozenset({"despite", "amid", "before", "until", "concerning", "surrounding", "around"})
# Nouns whose "of" makes a death their topic: "the anniversary of his death".
TOPIC_NOUNS = frozenset({"anniversary", "aftermath", "wake", "news", "circumstances", "cause", "investigation",
                         "inquiry", "probe", "memory", "commemoration", "video", "footage", "coverage", "trial"})
# Verbs whose object is the death they caused: "resulting in the death of", "caused the death of".
RESULT_VERBS = frozenset({"result", "cause", "lead", "leave", "bring", "claim", "inflict"})
DEATH_NOUNS = frozenset({"death"})
# A preposition and its head that make a death a penalty or a charge's subject, not an event.
PHRASES = frozenset({("by", "punishable"), ("with", "connection"), ("to", "sentence"), ("to", "condemn")})


def back_reference(tok: Any) -> bool:
    """"No arrests have been made over the ambush": a definite event noun that is only the object
    of such a preposition names an event the story has told, not a new one."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in tok.children)
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and definite and tok.head.lower_ in ABOUT


# Verbs of what an event brought about: "the raid displaced 6,000 people", "the attack forced
# families to flee", "the assault sparked protests".
CONSEQUENCE_VERBS = frozenset({"displace", "force", "prompt", "spark", "trigger", "drive", "send", "uproot",
                               "cause", "lead", "leave"})


def consequence_subject(tok: Any) -> bool:
    """"The raid displaced an estimated 6,000 people": a definite event noun as the subject of
    what it brought about names the event just told (its aftermath), not a new one."""
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in tok.children)
    verb = tok.head
    return (tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and definite and tok.tag_ == "NN"
            and verb.lemma_.lower() in CONSEQUENCE_VERBS and verb.i > tok.i)


def death_topic(tok: Any) -> bool:
    """"Mr. Floyd's death", "since the death of X", "the anniversary of his death", "protests over
    her death": a death noun the sentence is about, not an attack it reports. A death a verb
    caused ("resulting in the death of two") is the toll of the event that verb tells."""
    if tok.lemma_.lower() not in DEATH_NOUNS or tok.pos_ != "NOUN" or _caused(tok):
        return False
    if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children):
        return True  # "Floyd's death": a person known by name to the reader
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in DEATH_TOPIC_PREPS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in TOPIC_NOUNS:
        return True
    if tok.dep_ == "pobj" and (head.lower_, head.head.lemma_.lower()) in PHRASES:
        return True  # "punishable by death", "charged in connection with the deaths of"
    return _of_a_named_person(tok)


def _of_a_named_person(tok: Any) -> bool:
    """"The death of George Floyd sparked protests": a named person's death as a topic."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    person = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return person is not None and (person.ent_type_ == "PERSON" or person.pos_ == "PROPN")


def _caused(tok: Any) -> bool:
    """The death is the object of a verb that caused it, directly or through "in"/"to"."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("in", "to"):
        head = head.head
    return head.pos_ == "VERB" and head.lemma_.lower() in RESULT_VERBS
