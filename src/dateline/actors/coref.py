"""Linking actor mentions across an article.

Two rules, in the order an analyst reads:
- a mention with the same ACLED name as an earlier one refers back to it ("the SDF" after
  "Syrian Democratic Forces", "the army" after "Nigerian troops");
- a generic armed noun ("the militants", "the group", "jihadists") refers back to the most recent
  named non-state armed actor that such a noun is used for (the lexicon's ``refs``: "jihadists"
  is said of Islamic State, not of the SDF), and takes its name; "unidentified gunmen" never does, and "the group"
  with nothing to refer to is dropped.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

# Generic nouns that may refer back without a determiner ("Militants then stormed the town").
LINKABLE_BARE = frozenset(
    {"militants", "jihadists", "insurgents", "fighters", "rebels", "extremists", "terrorists", "guerrillas",
     "militiamen", "militant", "jihadist", "insurgent", "rebel", "fighter"}
)
# Kinds of named actors that armed nouns can refer back to.
ARMED_KINDS = frozenset({"rebel", "militia", "identity"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """An actor mention being built: span, ACLED fields and how it was found."""

    start: int
    end: int
    name: str
    inter: int | None
    country: str | None
    kind: str
    source: str  # named, org, generic; "linked" once a generic noun took a named actor's name
    term: str = ""  # the generic noun as written, lower case
    definite: bool = False  # "the"/"its"/"these" before it
    blocked: bool = False  # "unidentified", "unknown", "suspected": never refers back
    soft: bool = False  # a named match through a generic word ("rebels" in Syria): coreference may override
    refs: frozenset[str] = frozenset()  # for a named actor: the generic nouns that may refer back to it
    antecedent: int | None = None


def may_refer_back(c: Candidate) -> bool:
    if c.blocked:
        return False
    if c.kind == "coref":
        return c.definite
    if c.source == "generic" and c.kind == "armed":
        return c.definite or c.term in LINKABLE_BARE
    return c.soft and (c.definite or c.term in LINKABLE_BARE)


def is_named_armed(c: Candidate) -> bool:
    return c.source in ("named", "org", "linked") and not c.soft and (c.kind in ARMED_KINDS or c.inter in (2, 3, 4))


def link(cands: list[Candidate]) -> list[Candidate]:
    """Resolve references in reading order; drops "the group" mentions with no antecedent."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if may_refer_back(c):
            target = _last(out, lambda o, c=c: is_named_armed(o) and (c.kind == "coref" or c.term in o.refs))
            if target is not None:
                ref = out[target]
                c = dataclasses.replace(c, name=ref.name, inter=ref.inter, country=ref.country, kind=ref.kind,
                                        refs=ref.refs, source="linked")
            elif c.kind == "coref":
                continue
        elif c.kind == "coref":
            continue
        same = _last(out, lambda o, name=c.name: o.name == name)
        out.append(dataclasses.replace(c, antecedent=same))
    return out


def _last(items: list[Candidate], test) -> int | None:
    for i in range(len(items) - 1, -1, -1):
        if test(items[i]):
            return i
    return None

