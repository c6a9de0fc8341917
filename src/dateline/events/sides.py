"""The two sides of an event, named the ACLED way, with ACLED's defaults when unnamed.

Protesters and rioters are always actor1 of their events ("Protesters (Kenya)"), the forces
that intervene actor2; violence against civilians has "Civilians (Country)" as actor2; an
unnamed perpetrator is "Unidentified Armed Group (Country)"; territory is taken from the
opponent the article names most. State forces fighting outside their own country are ACLED's
external forces (inter 8). ``d`` is the event stage's ``Draft``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Sequence

from ..actors import naming
from ..model import ActorMention, Doc, Span
from . import classify as cls
from .attribution import teller
from .roles import ActorIndex

if TYPE_CHECKING:  # the draft is the event stage's; only its attributes are read here
    from .stage import Draft

ARMED_INTERS = {1, 2, 3, 4, 8}
TERRITORY_SUBS = {"Government regains territory", "Non-state actor overtakes territory",
                  "Non-violent transfer of territory"}
Side = tuple[str | None, int | None, Span | None]


def sides(doc: Doc, d: Draft, iso: str | None) -> tuple[Side, Side]:
    r = d.roles
    one: Side = (named(r.actor1, iso), _inter(r.actor1, _own_iso(d)), r.actor1_span)
    two: Side = (named(r.actor2, iso), _inter(r.actor2, _own_iso(d)), r.actor2_span)
    etype = cls.event_type_of(d.sub)
    if etype in ("Battles", "Explosions/Remote violence"):
        one, two = _armed_branch(one), _armed_branch(two)
    if etype == "Protests":
        return _protest_sides(doc, d, iso, one, two)
    if etype == "Riots":
        return _riot_sides(doc, d, iso, one, two)
    if d.sub in TERRITORY_SUBS and two[0] is None and one[0] is not None:
        # the loser from elsewhere in the story only when the taker is named: with neither side
        # named here ("The conquest of the last pocket ..."), the story's most named actor may well
        # be the taker, and the event would be told in reverse
        two = _previous_opponent(doc, d, one[0], iso)
    if one[0] is None and (etype in ("Battles", "Explosions/Remote violence", "Violence against civilians")):
        one = (naming.unidentified_armed_group(iso), 3, _span_of(r.agent))
    if d.sub == "Armed clash" and two[0] is None:
        two = _unnamed_opponent(one, iso, doc)
    if etype == "Violence against civilians" and two[1] != cls.CIVILIANS:
        two = (naming.civilians(iso), cls.CIVILIANS, two[2] or _span_of(r.patient))
    elif two[0] is None and etype == "Explosions/Remote violence" and _people_harmed(d, "civilians"):
        two = (naming.civilians(iso), cls.CIVILIANS, _span_of(r.patient))
    elif two[0] is None and etype == "Explosions/Remote violence":
        two = _harmed_forces(doc, d, one[0], iso)
        if two[0] is None and _people_harmed(d, None) and not _people_harmed(d, "combatants"):
            two = (naming.civilians(iso), cls.CIVILIANS, _span_of(r.patient))  # "injuring a 12-year-old"
    elif two[0] is None and d.sub == "Looting/property destruction" and one[1] in ARMED_INTERS:
        two = (naming.civilians(iso), cls.CIVILIANS, None)  # ACLED: the owners of what was looted or burnt
    if d.sub == "Other" and one[0] is None and "displace" in d.frames:
        one = (naming.civilians(iso), cls.CIVILIANS, None)  # the displaced
    if d.sub == "Arrests" and one[0] is None:
        one = (naming.state_forces(iso, branch="police", on=doc.article.published), 1, None)
    if d.sub == "Arrests" and two[0] is None:
        two = (naming.civilians(iso), cls.CIVILIANS, None)
    if two[0] is not None and two[1] is None and etype != "Protests":
        # a group label ("Journalists (Afghanistan)") is ACLED's associated actor of "Civilians (X)"
        two = (naming.civilians(iso), cls.CIVILIANS, two[2])
    return one, two


def _armed_branch(side: Side) -> Side:
    """"government drones struck", "rebels overran government positions": in a battle or a strike
    the government is its armed forces (ACLED codes "Military Forces of X", not "Government of X")."""
    name = side[0]
    if name is None or not name.startswith("Government of ") or side[1] != cls.STATE:
        return side
    return ("Military Forces of " + name[len("Government of "):], side[1], side[2])


def _unnamed_opponent(one: Side, iso: str | None, doc: Doc) -> Side:
    """A clash has two sides. With one named: "a shoot-out between rival gangs" or "between unknown
    shooters" is that group on both sides; state forces fought an unidentified armed group; a
    rebel group, the state's military."""
    name, inter, _ = one
    if name is None or inter is None:
        return None, None, None
    if any(name.startswith(label) for label in UNNAMED_GROUPS):
        return name, inter, None
    if inter == naming.REBELS and iso:
        return naming.state_forces(iso, branch="military", on=doc.article.published), cls.STATE, None
    if inter in (cls.STATE, cls.EXTERNAL):
        return naming.unidentified_armed_group(iso), 3, None
    return None, None, None


def _people_harmed(d: Draft, kind: str | None) -> bool:
    return any(f.victims == kind and f.value > 0 for f in d.figures if f.kind in ("killed", "injured", "casualties"))


def _harmed_forces(doc: Doc, d: Draft, actor1: str | None, iso: str | None) -> Side:
    """A bomb that hit a vehicle or a post, "killing three soldiers": the victims' force is actor2."""
    harms = [f.span for f in d.figures if f.kind in ("killed", "injured", "casualties") and f.span is not None]
    index = ActorIndex(doc)
    for m in doc.actors or ():
        near = any(h.end <= m.start <= h.end + 40 and m.end <= d.sentence.end for h in harms)
        if near and m.inter in ARMED_INTERS and named(index.resolve(m), iso) != actor1:
            m = index.resolve(m)
            return named(m, iso), _inter(m, _own_iso(d)), Span(m.start, m.end)
    return None, None, None


def _previous_opponent(doc: Doc, d: Draft, actor1: str | None, iso: str | None) -> Side:
    """Territory is taken from someone: the armed actor the article has named most often
    before the trigger (the nearest on a tie), other than the taker."""
    index = ActorIndex(doc)
    counts: dict[str, int] = {}
    inters: dict[str, int | None] = {}
    for m in (index.resolve(a) for a in doc.actors or () if a.end <= d.trigger.start):
        name = named(m, iso)
        if m.inter in ARMED_INTERS and name and name != actor1:
            counts[name] = counts.get(name, 0) + 1
            inters[name] = _inter(m, _own_iso(d))
    if not counts:
        return None, None, None
    order = list(counts)
    best = max(order, key=lambda n: (counts[n], order.index(n)))
    return best, inters[best], None


def _protest_sides(doc: Doc, d: Draft, iso: str | None, one: Side, two: Side) -> tuple[Side, Side]:
    actors = [a for a in (d.roles.actor1, d.roles.actor2, *d.extra_actors) if a is not None]
    actors += _sentence_actors(doc, d)
    protesters: Side = (naming.protesters(_crowd_country(actors, iso)), cls.PROTESTERS, None)
    if d.sub == "Peaceful protest":
        # ACLED codes a counter-protest met on the day as protesters on both sides (interaction 66)
        return protesters, (protesters if _countered(doc, d) else (None, None, None))
    force = next((a for a in actors if a.inter in (1, 3, 8)), None)
    if force is None:
        return protesters, (None, None, None)
    return protesters, (named(force, iso), _inter(force, _own_iso(d)), Span(force.start, force.end))


def _countered(doc: Doc, d: Draft) -> bool:
    """Counter-protesters are named in the protest's sentence or just after it."""
    return COUNTER.search(doc.text, d.sentence.start, min(len(doc.text), d.sentence.end + COUNTER_REACH)) is not None


def _riot_sides(doc: Doc, d: Draft, iso: str | None, one: Side, two: Side) -> tuple[Side, Side]:
    crowd = [a for a in (d.roles.actor1, *d.extra_actors, *_sentence_actors(doc, d)) if a is not None]
    rioters: Side = (naming.rioters(_crowd_country(crowd, None) or _group_country(d.roles.actor1) or iso), cls.RIOTERS, None)
    if two[1] not in (1, 3, 8) and one[1] not in (1, 3, 8):
        force = next((a for a in [*d.extra_actors, *_sentence_actors(doc, d)] if a.inter in (1, 8)), None)
        if force is not None:
            two = (named(force, iso), _inter(force, _own_iso(d)), Span(force.start, force.end))
    if d.sub == "Mob violence":
        if "clash" in d.frames and two[1] in (None, cls.PROTESTERS, cls.RIOTERS, cls.CIVILIANS):
            return rioters, rioters  # "a clash between two groups": crowds on both sides (55)
        if two[1] is None or two[1] in (cls.PROTESTERS, cls.RIOTERS):
            two = (naming.civilians(iso), cls.CIVILIANS, two[2])
        return rioters, two
    state = two if two[1] in (1, 3, 8) else one if one[1] in (1, 3, 8) else (None, None, None)
    return rioters, state


def _group_country(actor: ActorMention | None) -> str | None:
    """"Israeli settlers" hurling stones in the West Bank are Rioters (Israel): a militia that
    riots keeps its own country."""
    return actor.country if actor is not None and actor.inter == cls.MILITIA and actor.country else None


def _crowd_country(actors: Sequence[ActorMention], iso: str | None) -> str | None:
    """"Palestinian rioters" in Jerusalem are Rioters (Palestine): the crowd's own country first."""
    crowd = next((a for a in actors if a.inter in (cls.RIOTERS, cls.PROTESTERS) and a.country), None)
    return crowd.country if crowd is not None and _demonymnamed(crowd) else iso


def _demonymnamed(actor: ActorMention) -> bool:
    return actor.name not in GENERIC_NAMES


def _sentence_actors(doc: Doc, d: Draft) -> list[ActorMention]:
    """The actors named in the event's sentence, but not who tells it ("..., police said")."""
    spans = {d.sentence.start: d.sentence.end}
    return [a for a in doc.actors or () if any(s <= a.start < e for s, e in spans.items())
            and not teller(doc.spacy, a)]


def _own_iso(d: Draft) -> str | None:
    """The country of the event's own place (not a guess from the story): decides external forces."""
    return d.where.iso2 if d.where is not None else None


def _inter(actor: ActorMention | None, iso: str | None) -> int | None:
    """State forces outside their own country are ACLED's external forces (8)."""
    if actor is None:
        return None
    if actor.inter in (cls.STATE, cls.EXTERNAL) and actor.kind == "state" and actor.country and iso:
        return cls.STATE if actor.country == iso else cls.EXTERNAL
    return actor.inter


COUNTER = re.compile(r"\bcounter[- ]?(?:protest|demonstrat|rall|picket|march)", re.IGNORECASE)
COUNTER_REACH = 600  # characters after the protest's sentence where a counter-protest still belongs to it
UNNAMED_GROUPS = ("Unidentified ",)
GENERIC_NAMES = {"Protesters": "protesters", "Rioters": "rioters", "Civilians": "civilians",
                 "Unidentified Armed Group": "unidentified_armed_group"}
BRANCH_NAMES = {"Military Forces": "military", "Police Forces": "police", "Government": "government"}


def named(actor: ActorMention | None, iso: str | None) -> str | None:
    """The actor's ACLED name, with the event's country where the actor stage had none."""
    if actor is None:
        return None
    if actor.name in GENERIC_NAMES:
        return getattr(naming, GENERIC_NAMES[actor.name])(actor.country or iso)
    if actor.name in BRANCH_NAMES and (actor.country or iso):
        return naming.state_forces(actor.country or iso, branch=BRANCH_NAMES[actor.name])
    return actor.name


def _span_of(tok: Any) -> Span | None:
    return None if tok is None else Span(tok.idx, tok.idx + len(tok.text))
