"""Settlers in mob violence: ACLED's crowd convention applied once the sub-event is known.

In a riot ACLED names the acting crowd "Rioters (X)" whatever group it is, and keeps the group as
the associated actor: settlers who stone a village are actor1 "Rioters (Israel)", associated actor
"Settlers (Israel)", whoever the sentence put first ("Palestinians clashed with settlers" still has
the settlers as actor1). For looting or seizing land the settlers stay actor1 under their own
name (inter 3), which is what the lexicon already gives; only "Mob violence" is touched here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..actors import naming
from ..model import ActorMention, Event

SETTLERS = "Settlers ("
RIOTERS_INTER = 5


def settled(event: Event, mentions: Sequence[ActorMention | None]) -> Event:
    """The mob-violence event with its settler side as actor1 "Rioters (X)" and the settlers as
    associated actor; any other event unchanged. ``mentions``: the draft's actors (roles and
    extras), where the settlers may be named even though the sides already read "Rioters"."""
    if event.sub_event_type != "Mob violence":
        return event
    settler = _settler_name(event, mentions)
    if settler is None:
        return event
    if _is_settlers(event.actor2) and not _is_settlers(event.actor1):
        event = _swapped(event)  # "Palestinians clashed with settlers": the settlers are the mob
    rioters = naming.rioters(_country_of(settler, mentions))
    return replace(event, actor1=rioters, inter1=RIOTERS_INTER, assoc_actor_1=_joined(event.assoc_actor_1, settler),
                   interaction=naming.interaction(RIOTERS_INTER, event.inter2))


def _settler_name(event: Event, mentions: Sequence[ActorMention | None]) -> str | None:
    if _is_settlers(event.actor1) or _is_settlers(event.actor2):
        return event.actor1 if _is_settlers(event.actor1) else event.actor2
    # the riot sides already renamed actor1 "Rioters (X)": the settlers are among the mentions
    if event.inter1 != RIOTERS_INTER:
        return None
    return next((m.name for m in mentions if m is not None and _is_settlers(m.name)), None)


def _country_of(settler: str, mentions: Sequence[ActorMention | None]) -> str | None:
    return next((m.country for m in mentions if m is not None and m.name == settler and m.country), None)


def _is_settlers(name: str | None) -> bool:
    return bool(name) and name.startswith(SETTLERS)


def _swapped(event: Event) -> Event:
    flip = {"actor1": "actor2", "actor2": "actor1"}
    return replace(event, actor1=event.actor2, inter1=event.inter2, assoc_actor_1=event.assoc_actor_2,
                   actor2=event.actor1, inter2=event.inter1, assoc_actor_2=event.assoc_actor_1,
                   civilian_targeting=event.inter1 == 7,
                   evidence=tuple((flip.get(k, k), s) for k, s in event.evidence))


def _joined(assoc: str | None, name: str) -> str:
    """ACLED joins several associated actors with "; "."""
    if not assoc:
        return name
    return assoc if name in assoc.split("; ") else f"{assoc}; {name}"
