"""Who stands beside an event's actor rather than against it.

"Fighters of the Rapid Support Forces stormed ..." names the group's own people before "of";
"fought alongside federal troops", "backed by the army" name a partner. Neither is the opponent a
sentence's other armed actor would otherwise be taken for. Text rules on character spans only.
"""

from __future__ import annotations

import re

from ..model import Span

# "Fighters of the paramilitary Rapid Support Forces": the people named before "of" are the group's own.
_OF_THE_GROUP = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)

# "fought alongside federal troops", "backed by the army": a partner, not the other side.
_ALLY_BEFORE = re.compile(r"\b(?:alongside|together\s+with|along\s+with|backed\s+by|supported\s+by|allied\s+with|"
                          r"in\s+support\s+of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$", re.I)


def ally(text: str, found: Span) -> bool:
    return _ALLY_BEFORE.search(text, max(0, found.start - 40), found.start) is not None


def members_of(text: str, found: Span, actor1: Span | None) -> bool:
    """Is the mention ``found`` the members of actor1 ("fighters of the RSF"), not its opponent?"""
    return actor1 is not None and found.end <= actor1.start and bool(_OF_THE_GROUP.fullmatch(text, found.end, actor1.start))
