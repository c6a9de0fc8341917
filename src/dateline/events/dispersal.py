"""A crowd dispersed is a crowd gathered.

"Police fired tear gas to disperse hundreds of students who pelted stones": no protest word, yet the
state broke up a crowd; ACLED codes a demonstration (the students' act) met by the police, not a
police attack on civilians. The crowd being dispersed stands for the protest trigger.
"""

from __future__ import annotations

from typing import Any

from .classify import CROWD_AGENTS
from .lexicon import Match, parse_entry

_DISPERSE = frozenset({"disperse", "dispersed", "dispersing", "disperses"})
_ENTRY = parse_entry("disperse/VERB")
_GROUP_HEADS = frozenset({"hundreds", "thousands", "dozens", "scores", "group", "gathering", "number"})


def dispersal_trigger(tokens: Any, words: frozenset[str]) -> Match | None:
    """The "disperse" verb whose object is a crowd or its people, as a protest trigger (``words``
    is the sentence's word set: a cheap check before any token is read)."""
    if not words & _DISPERSE:
        return None
    for tok in tokens:
        if tok.lemma_.lower() == "disperse" and tok.pos_ == "VERB" and _crowd_object(tok):
            return Match(tok.i, tok.i + 1, "protest", _ENTRY)
    return None


def _crowd_object(verb: Any) -> bool:
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        heads = [obj, *(g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)]
        if obj.lower_ in _GROUP_HEADS or obj.lemma_.lower() in _GROUP_HEADS:
            heads = heads[1:] or heads  # "hundreds of students", "a group of youths"
        if any(h.lemma_.lower() in CROWD_AGENTS or h.lower_ in CROWD_AGENTS for h in heads):
            return True
    return False
