"""A one-sentence ACLED-style note for each event, generated from its coded fields.

"On 23 January 2019, QSD: Syrian Democratic Forces took control of Baghouz from Islamic State
(Syria) in Deir ez-Zor." The date phrase follows the time precision (on a day, around a week,
in a month), the verb phrase the sub-event type, and the figures close the sentence.
"""

from __future__ import annotations

import datetime as dt

from ..model import Event

TEMPLATES: dict[str, str] = {
    "Armed clash": "{a1} clashed with {a2}",
    "Government regains territory": "{a1} regained control of {where} from {a2}",
    "Non-state actor overtakes territory": "{a1} took control of {where} from {a2}",
    "Non-violent transfer of territory": "{a1} took over {where} from {a2} without fighting",
    "Chemical weapon": "{a1} used chemical weapons against {a2}",
    "Air/drone strike": "{a1} carried out an air/drone strike on {a2}",
    "Suicide bomb": "a suicide bomber from {a1} attacked {a2}",
    "Shelling/artillery/missile attack": "{a1} shelled {a2}",
    "Remote explosive/landmine/IED": "an explosive device planted by {a1} went off against {a2}",
    "Grenade": "{a1} threw a grenade at {a2}",
    "Peaceful protest": "{a1} held a peaceful protest",
    "Protest with intervention": "{a1} held a protest and {a2} intervened",
    "Excessive force against protesters": "{a2} used excessive force against {a1}",
    "Violent demonstration": "{a1} demonstrated violently",
    "Mob violence": "{a1} attacked {a2}",
    "Agreement": "{a1} reached an agreement with {a2}",
    "Arrests": "{a1} arrested {a2}",
    "Change to group/activity": "{a1} changed its activity",
    "Disrupted weapons use": "{a1} disrupted weapons use by {a2}",
    "Headquarters or base established": "{a1} established a base",
    "Looting/property destruction": "{a1} looted or destroyed property of {a2}",
    "Other": "a strategic development involving {a1} took place",
    "Sexual violence": "{a1} committed sexual violence against {a2}",
    "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}",
}
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}


def note(event: Event) -> str:
    """The note for a coded event (uses its date, actors, place and counts)."""
    where = event.location or "an unspecified place"
    text = TEMPLATES[event.sub_event_type].format(
        a1=event.actor1 or "an unidentified actor", a2=event.actor2 or "unidentified targets", where=where
    )
    text = text.replace(" against unidentified targets", "").replace(" on unidentified targets", "")
    text = text.replace(" from unidentified targets", "").replace(" at unidentified targets", "")
    place = _place(event) if event.sub_event_type not in TERRITORY else _region(event)
    lead = _date_phrase(event)
    sentence = f"{lead}{text}{place}{_figures(event)}."
    return sentence[0].upper() + sentence[1:]


def _date_phrase(event: Event) -> str:
    if not event.event_date:
        return ""
    try:
        day = dt.date.fromisoformat(event.event_date[:10])
    except ValueError:
        return ""
    when = f"{day.day} {day:%B %Y}"
    if event.time_precision == 3:
        return f"In {day:%B %Y}, "
    if event.time_precision == 2:
        return f"Around {when}, "
    return f"On {when}, "


def _place(event: Event) -> str:
    if not event.location:
        return f" in {event.country}" if event.country else ""
    region = f" ({event.admin1})" if event.admin1 and event.admin1 != event.location else ""
    return f" in {event.location}{region}"


def _region(event: Event) -> str:
    if event.admin1 and event.admin1 != event.location:
        return f" in {event.admin1}"
    return f" in {event.country}" if event.country and event.country != event.location else ""


def _figures(event: Event) -> str:
    if event.fatalities:
        noun = "fatality" if event.fatalities == 1 else "fatalities"
        return f", with {event.fatalities} {noun}"
    return ""
