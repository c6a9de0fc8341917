"""Background: an event the story dates long before it was written is history, not news.

News recalls the war's start ("erupted in April 2023 and has killed tens of thousands"), an old
assassination ("since the assassination of the president in July 2021") or last year's toll
("gangs killed more than 4,000 people last year"). ACLED codes each event from the reports of its
own time, so such a sentence is context: coded again it would add a stale event, often with a
whole war's toll. The test reads the event's dates only, so it holds for any wording. A day given exactly ("on 26
September 2014") is kept: a human-rights report published years later sets out such a case as
its subject, and only a month, a year or a longer period marks a recollection.
"""

from __future__ import annotations

import datetime as dt

from ..model import EventTime

# Older than this at publication: history. News tells its own events by the day or the week; an
# event it dates only by a month or a year over half a year back ("after it moved to disband
# regional forces in April 2023", in February 2024) is what led up to them.
STALE_DAYS = 182
# A period this long ("in 2023", "last year", "from January to May") holds many events: what a
# sentence tells of it, once it is over, is a tally or a summary, not one event.
SUMMARY_DAYS = 62


def is_background(when: EventTime, published: dt.date | None) -> bool:
    """Does ``when`` (an event's dates) make it history at ``published``?"""
    if published is None or when.evidence is None or not when.date_start or not when.date_end:
        return False  # a date taken from the publication day is never history
    return is_history(dt.date.fromisoformat(when.date_start), dt.date.fromisoformat(when.date_end), published)


def is_history(start: dt.date, end: dt.date, published: dt.date | None) -> bool:
    """Is the period ``start``-``end`` (a month, a year, a span) history at ``published``?"""
    if published is None or start == end:
        return False  # "on 26 September 2014": a day told exactly is a case the report sets out, however old
    if (published - end).days > STALE_DAYS:
        return True
    return (end - start).days > SUMMARY_DAYS and end < published
