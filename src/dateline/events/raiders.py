"""The raiders of a raid just told, named again.

"Gunmen attacked a camp on Wednesday night. The attackers used machetes and set fire to shelters":
a definite noun for the doers ("the attackers", "the assailants", "they") with no date or place of
its own tells more of the same attack, whatever the words make of it alone (the weapons read as a
clash); ACLED codes one attack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .stage import Draft

ONE_SIDED = frozenset({"Attack", "Abduction/forced disappearance"})
_DEFINITE = frozenset({"the", "these", "those"})
_DOERS = frozenset({"attacker", "assailant", "raider", "gunman", "gunmen", "militant", "militiaman", "fighter",
                    "perpetrator", "kidnapper", "abductor", "bandit", "they"})


def same_raiders(old: Draft, new: Draft) -> bool:
    """Is ``new`` the raiders of the one-sided attack ``old`` told again (no own date or place)?"""
    if old.sub not in ONE_SIDED or new.family != "violence" or new.anchored():
        return False
    return _definite_doers(new.roles.agent)


def _definite_doers(tok: Any) -> bool:
    if tok is None or tok.lemma_.lower() not in _DOERS and tok.lower_ not in _DOERS:
        return False
    return tok.lower_ == "they" or any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children)
