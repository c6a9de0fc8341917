"""Folding follow-up sentences into the event just told.

"Three people were killed." after an attack, "Police fired tear gas." after a protest, "The
victim died on 15 February." after a beating: a sentence that only adds figures, an
intervention, more of the same raid or a later death is the same event, not a new one. The
rules here decide when a new draft adds to an earlier one (:func:`fold`) and what it adds.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as _date
from typing import TYPE_CHECKING, Any, Sequence

from . import classify as cls
from .counts import Figure
from .raiders import same_raiders
from .sides import TERRITORY_SUBS

if TYPE_CHECKING:
    from .stage import Draft

FOLLOW_WINDOW = 2  # sentences after an event that may still add to it
ONE_SIDED = frozenset({"Attack", "Abduction/forced disappearance"})


def victims_target(figs: Sequence[Figure]) -> str | None:
    kinds = {f.victims for f in figs if f.victims}
    if kinds == {"civilians"}:
        return "civilians"
    return "armed" if kinds == {"combatants"} else None



def fold(drafts: list[Draft], new: Draft) -> bool:
    """Fold a sentence that only adds to the event just told; True when folded."""
    if _back_reference(drafts, new) or _aftermath(drafts, new):
        return True
    # a generic or hypothetical aside between ("The students had gathered to demand ...") tells no
    # event: it does not cut the story of the last event told as fact
    told = [d for d in drafts if d.factuality == new.factuality]
    recent = _recent(told, new)
    if new.family == "property":
        # a raid's story runs on, like a protest's: "they burned the houses", "houses were set on fire"
        recent = _recent(told, new, story=True)
    # a death after an abduction is the raid's only when no violent event just told takes it
    old = next((d for d in recent if _adds_to(d, new)), None) or next(
        (d for d in recent if d.family == "abduct" and _death_in_raid(new) and _follows(d, new)
         and not _beside_violence(drafts, d)), None)
    if old is not None:
        _absorb(old, new)
    return old is not None


def _recent(drafts: list[Draft], new: Draft, *, story: bool = False) -> list[Draft]:
    """The drafts a new one may add to, latest first: those of the last sentence told, in the window
    (``story``: the window of every event follows the last sentence folded into it)."""
    out: list[Draft] = []
    for old in reversed(drafts):
        start = max(old.sentence_index, old.last_index) if story else _window_start(old)
        if new.sentence_index - start > FOLLOW_WINDOW:
            break
        out.append(old)
        if old.sentence_index < new.sentence_index:
            break
    return out


def _beside_violence(drafts: list[Draft], old: Draft) -> bool:
    """"police clashed with men who were abducting commuters": the clash is the event told; a
    later death is its toll, not the abduction's."""
    return any(d.sentence_index == old.sentence_index and d.family == "violence" for d in drafts)


def _follows(old: Draft, new: Draft) -> bool:
    return new.sentence_index != old.sentence_index and new.factuality == old.factuality and not _other_day(old, new)


def _window_start(old: Draft) -> int:
    """A protest's story runs on (tear gas, arrests, the injured): its window follows the last sentence told."""
    return max(old.sentence_index, old.last_index) if old.family == "demo" else old.sentence_index


def _adds_to(old: Draft, new: Draft) -> bool:
    if new.sentence_index == old.sentence_index or new.factuality != old.factuality:
        return False
    if old.family in ("violence", "demo") and _later_death(new):
        return True  # "The victim died on 15 February": a later death of a victim already told
    if _other_day(old, new):
        return False  # "On Monday, a roadside bomb ...": its own date, so another event
    if old.family == "demo":
        return new.family in ("demo", "violence", "arrest", "property") and (
            bool(new.protest - cls.AIM_CUES) or new.family == "demo" or _policing(new) or _toll_only(new)
            or _crowd_violence(new))
    if old.sub in ONE_SIDED and new.sub == "Sexual violence" and (
            _no_new_agent(old, new) or new.roles.actor1 is None or _unidentified(new.roles.actor1)):
        return True  # "They attacked the village. The militia raped a woman": ACLED codes sexual violence
    if old.family == "violence" and _raid_destruction(old, new):
        return True
    if old.family != "violence" or new.family != "violence":
        return False
    if same_raiders(old, new):
        return True  # "The attackers used machetes and set fire to shelters": the raid told again
    if old.sub == "Armed clash" and new.sub in TERRITORY_SUBS and _no_new_agent(old, new):
        return True  # "they clashed ... the village was liberated": one territorial event
    if new.frames <= {"harm", "attack", "explosion", "bombing"} and _no_new_agent(old, new):
        return True
    if not new.anchored() and _no_new_agent(old, new) and cls.event_type_of(new.sub) == cls.event_type_of(old.sub):
        return True  # "They set fire to homes and shot at residents": more of the same raid
    return False


def _back_reference(drafts: list[Draft], new: Draft) -> bool:
    """"No arrests have been made over the ambush" paragraphs after the ambush: a definite event noun
    with no date, place, doer or figure of its own is a mention of the latest event of its family."""
    if not new.refers_back or new.anchored() or new.roles.actor1 is not None or any(f.value for f in new.figures):
        return False
    old = next((d for d in reversed(drafts) if d.family == new.family and d.factuality == new.factuality), None)
    if old is not None:
        old.mentions.extend(new.mentions)
    return old is not None


def _aftermath(drafts: list[Draft], new: Draft) -> bool:
    """"The raid displaced 6,000 people" after the raid: its figures (the displaced) and its words
    join the latest event of its family told as fact; the place it names is where people went."""
    if not new.aftermath or new.roles.actor1 is not None and not _unidentified(new.roles.actor1):
        return False
    old = next((d for d in reversed(drafts) if d.family == new.family and d.factuality == new.factuality), None)
    if old is not None:
        old.figures.extend(f for f in new.figures if f.kind not in ("killed", "injured"))
        old.mentions.extend(new.mentions)
    return old is not None


def _raid_destruction(old: Draft, new: Draft) -> bool:
    """"They burned the houses", "Several houses were set on fire" right after a raid, with no
    date, place or perpetrator of its own: the raid's destruction. ACLED codes the attack, not a
    second property-destruction event; a named other group or its own date or place is another event."""
    if new.family != "property" or new.anchored() or old.sub not in ONE_SIDED | {"Armed clash"}:
        return False
    agent = new.roles.actor1
    return agent is None or _unidentified(agent) or (old.roles.actor1 is not None and agent.name == old.roles.actor1.name)


def _death_in_raid(new: Draft) -> bool:
    """A shooting told right after an abduction, with no date or place of its own and no named
    perpetrator, is the raid's violence: ACLED codes one abduction whose fatalities include it."""
    unnamed = new.roles.actor1 is None or _unidentified(new.roles.actor1)
    return new.family == "violence" and new.frames <= {"harm", "attack"} and unnamed and not new.anchored()


def _crowd_violence(new: Draft) -> bool:
    """"A group of people threw stones at officers" right after a protest: its rioting."""
    return new.sub == "Mob violence"


def _policing(new: Draft) -> bool:
    """Right after a protest, arrests and non-lethal force by the state are its policing: ACLED codes
    one protest event (with intervention or excessive force), not separate Arrests or Attack events."""
    agent = new.roles.actor1
    state = agent is None or agent.inter == cls.STATE
    killed = any(f.kind == "killed" and f.value > 0 for f in new.figures)
    return state and not killed and (new.family == "arrest" or (agent is not None and new.sub == "Attack"))


def _toll_only(new: Draft) -> bool:
    """"11 officers were slightly injured": a harm told with no act and no agent is the last event's toll."""
    return new.frames <= {"harm"} and (new.roles.actor1 is None or _unidentified(new.roles.actor1)) \
        and new.roles.agent is None


def _later_death(new: Draft) -> bool:
    """A harm told of someone already named, with no new perpetrator ("the victim died", "he
    succumbed to his wounds"): the subject of an intransitive "died" is the victim."""
    unnamed = new.roles.actor1 is None or _unidentified(new.roles.actor1)
    return new.frames <= {"harm"} and unnamed and (_definite(new.roles.agent) or _definite(new.roles.patient))


def _definite(tok: Any) -> bool:
    """"the victim", "he", "his brother": someone already named."""
    if tok is None:
        return False
    return tok.pos_ == "PRON" or any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "his", "her", "their")
                                     for c in tok.children)


def _other_day(old: Draft, new: Draft) -> bool:
    a, b = old.when, new.when
    own = b is not None and b.evidence is not None and new.sentence.start <= b.evidence.start < new.sentence.end
    if not own or a is None or a.evidence is None or a.date_start is None or b.date_start is None:
        return False  # the event's date was only the publication date: no evidence against
    # A day's slack: "an overnight raid" reported on Sunday and "arrived late on Saturday"; none
    # when the sentence counts days from the last ("A day earlier, a bomb ..."): another day.
    slack = 0 if _COUNTED_DAYS.search(b.rule or "") else 1
    return _days(a.date_end or a.date_start, b.date_start) > slack or _days(b.date_end or b.date_start, a.date_start) > slack


_COUNTED_DAYS = re.compile(r"\bdays? (?:earlier|later)\b|\bday from the running date\b")


def _days(earlier: str, later: str) -> int:
    try:
        return (_date.fromisoformat(later[:10]) - _date.fromisoformat(earlier[:10])).days
    except ValueError:
        return 0  # a partial date ("2023-06"): no evidence of another day


def _reclassified(old: Draft) -> str | None:
    """Figures told after the event can show who its victims were ("One woman was killed")."""
    harmed = any(f.kind in ("killed", "injured", "casualties") and f.value > 0 for f in old.figures)
    target = old.clues.target or victims_target(old.figures)
    return cls.classify(replace(old.clues, harmed=old.clues.harmed or harmed, target=target))


def _no_new_agent(old: Draft, new: Draft) -> bool:
    a, b = old.roles.actor1, new.roles.actor1
    # An unidentified perpetrator is no evidence of another agent: a later claim names it.
    return a is None or b is None or a.name == b.name or _unidentified(a)


def _unidentified(actor: Any) -> bool:
    return actor.name.startswith("Unidentified Armed Group")


def _named_agent(old: Draft, new: Draft) -> None:
    """A later sentence naming who did it ("Al Shabaab said it had killed ...") fills an
    unidentified or missing perpetrator."""
    a, b = old.roles.actor1, new.roles.actor1
    other = old.roles.actor2
    # the victims' own force (its unit named or not: "the officers fought back") is not the perpetrator
    if b is not None and not _unidentified(b) and (a is None or _unidentified(a)) and not _same_force(other, b):
        old.roles = replace(old.roles, actor1=b, actor1_span=new.roles.actor1_span)


def _same_force(a: Any, b: Any) -> bool:
    """"Police Forces of Mexico (2018-)" and its "... State Police": one force."""
    return a is not None and (a.name.startswith(b.name) or b.name.startswith(a.name))


def _absorb(old: Draft, new: Draft) -> None:
    old.last_index = max(old.last_index, new.sentence_index)
    old.figures.extend(new.figures)
    if old.family == "violence":
        _named_agent(old, new)
    if (old.when is None or old.when.evidence is None) and new.when is not None and new.when.evidence is not None:
        old.when = new.when  # "arrived late on Saturday": the date the first sentence lacked
    if new.sub == "Sexual violence":
        old.sub = new.sub  # it outranks the attack or abduction it was part of
    elif new.sub in TERRITORY_SUBS and old.sub == "Armed clash":
        state = old.roles.actor1 is not None and old.roles.actor1.inter == cls.STATE
        foreign = old.clues is not None and old.clues.foreign
        old.sub = "Government regains territory" if state and not foreign else new.sub
    elif old.family == "violence" and old.clues is not None:
        old.sub = _reclassified(old) or old.sub
    old.mentions.extend(new.mentions)
    old.protest = old.protest | new.protest
    old.weapons = old.weapons | new.weapons
    if old.family == "demo":
        if _crowd_violence(new):
            old.protest = old.protest | {"violent"}
        elif _policing(new) and new.family == "arrest":
            old.protest = old.protest | {"intervention"}  # "Police detained 30 students": the protest's arrests
        harmed = any(f.kind in ("killed", "injured") and f.value > 0 for f in old.figures)
        if old.sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                       "Violent demonstration"):
            old.sub = cls.protest_subtype(old.protest, harmed=harmed)
        for actor in (new.roles.actor1, new.roles.actor2):
            if actor is not None:
                old.extra_actors.append(actor)
    if old.attribution is None:
        old.attribution = new.attribution
    elif new.attribution is not None:
        old.more_sources.append(new.attribution)  # a second teller is a source too, not dropped
    old.more_sources.extend(new.more_sources)
