"""Finding toponyms: the NER's places, plus what it misses, as :class:`Mention` records.

Beyond GPE/LOC/FAC entities: "the village of X", "X province", "X countryside", a place after a
locative preposition that the NER took for a person or missed, and a toponym leading an
organisation's name ("Aleppo Media Center"). Those rule-found mentions are ``loose``: reported
only when the gazetteer resolves them with confidence. Demonyms become country context.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterable, Sequence

from ..model import Entity
from .countries import demonym_country
from .resolve import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAME = r"[A-Z][\w'\u2019-]*(?:[ -](?:(?:al|el|ez|ad|as|ash|an|ar|at|az|de|del|du|la|le|of|on|upon)[ -])?[A-Z][\w'\u2019-]*){0,3}"
# Words that, after a name, say it is an administrative division.
DIVISION_AFTER = ("province", "governorate", "district", "region", "county", "parish", "state",
                  "oblast", "prefecture", "municipality", "department", "territory", "subdistrict", "borough")
# Words that, after a name, name the area around a place ("Idlib countryside").
AREA_AFTER = ("countryside", "outskirts", "suburbs", "area", "environs", "hinterland")
SETTLEMENT_OF = ("village", "town", "city", "hamlet", "township", "settlement", "neighborhood",
                 "neighbourhood", "suburb", "camp", "port")
_OF = re.compile(r"\b(" + "|".join(SETTLEMENT_OF + DIVISION_AFTER + ("capital", "outskirts", "region")) +
                 r") of (?:the )?(" + _NAME + r")")
_AFTER = re.compile(r"\b(" + _NAME + r") (" + "|".join(DIVISION_AFTER + AREA_AFTER + ("city", "town", "village")) + r")\b")
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside|from|to|into|towards?|around|across|of) (?:the )?(" + _NAME + r")")
# Leading words never part of a toponym's span.
_DROP_START = ("the ", "The ")
_DIVISION_SET = frozenset(DIVISION_AFTER)
_AREA_SET = frozenset(AREA_AFTER)
# Capitalised words that start sentences or titles and are not places.
_NOT_PLACE = frozenset("""The A An In On At Of And But Or For To From By With He She It They We I You His Her Their
Its This That These Those There Here When Where While After Before Since Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March April May June July August September October November December Mr Mrs
Ms Dr President Minister General Police Army Islamic State God""".split())


def query_and_hint(surface: str) -> tuple[str, str | None, str | None]:
    """The name to look up, the name without its last word if that word classifies it, and what
    the word says: "Idlib province" -> ("Idlib province", "Idlib", "division")."""
    words = surface.split()
    if len(words) > 1:
        last = words[-1].lower()
        if last in _DIVISION_SET:
            return surface, " ".join(words[:-1]), "division"
        if last in ("city", "town", "village"):
            return surface, " ".join(words[:-1]), "settlement"
    return surface, None, None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of a mention without a leading "the", a possessive or surrounding punctuation."""
    for word in _DROP_START:
        if text.startswith(word, start) and end - start > len(word):
            start += len(word)
    while end > start and text[end - 1] in ".,;:!?)\"'\u2019 ":
        end -= 1
    if text[start:end].endswith(("'s", "\u2019s")):
        end -= 2
    while start < end and text[start] in "(\"'\u2018\u201c ":
        start += 1
    return start, end


def mentions_from_spans(text: str, spans: Iterable[tuple[int, int]], *, loose: Sequence[bool] = ()) -> list[Mention]:
    """Mentions for given spans; "X, Y" pairs make Y the container of X."""
    ordered = sorted(set(spans))
    out: list[Mention] = []
    for k, (start, end) in enumerate(ordered):
        query, fallback, hint = query_and_hint(text[start:end].strip())
        out.append(Mention(start, end, query, hint, fallback=fallback, loose=bool(loose[k]) if k < len(loose) else False))
    return _link_containers(text, out)


def _link_containers(text: str, mentions: list[Mention]) -> list[Mention]:
    out = list(mentions)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        gap = text[a.end : b.start]
        if gap.strip() == "," and len(gap) <= 3:
            out[k] = dataclasses.replace(a, container=k + 1)
    return out


def find_spans(text: str, entities: Sequence[Entity], body_start: int) -> tuple[list[tuple[int, int]], list[bool]]:
    """Toponym spans in the body: NER places first, then rule-found ones that overlap none."""
    spans: list[tuple[int, int]] = []
    loose: list[bool] = []
    taken: list[tuple[int, int]] = []
    for ent in entities:
        if ent.label in PLACE_LABELS and ent.start >= body_start:
            for start, end in _split_entity(text, ent.start, ent.end):
                spans.append((start, end)), loose.append(ent.label == "FAC")
                taken.append((start, end))
    blocked = [(e.start, e.end) for e in entities if e.label not in PLACE_LABELS | {"PERSON", "ORG", "NORP"}]
    for start, end in _rule_spans(text, body_start):
        if not _overlaps((start, end), taken) and not _overlaps((start, end), blocked):
            spans.append((start, end)), loose.append(True)
            taken.append((start, end))
    return spans, loose


def _split_entity(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An entity "Hajin, Deir ez-Zor" is two toponyms; trim each."""
    out = []
    pos = start
    for part in re.split(r"(,\s*)", text[start:end]):
        if part and not part.startswith(","):
            s, e = trim(text, pos, pos + len(part))
            if e > s:
                out.append((s, e))
        pos += len(part)
    return out


def _rule_spans(text: str, body_start: int) -> Iterable[tuple[int, int]]:
    body = text[body_start:]
    for m in _OF.finditer(body):
        yield _name_span(text, body_start + m.start(2), body_start + m.end(2))
    for m in _AFTER.finditer(body):
        word = m.group(2).lower()
        end = m.end(2) if word in _DIVISION_SET or word in ("city", "town", "village") else m.end(1)
        yield _name_span(text, body_start + m.start(1), body_start + end)
    for m in _LOCATIVE.finditer(body):
        yield _name_span(text, body_start + m.start(1), body_start + m.end(1))


def _name_span(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trim(text, start, end)
    first = text[start:end].split(" ", 1)[0]
    if first in _NOT_PLACE:
        return (start, start)
    return (start, end)


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    if span[1] <= span[0]:
        return True  # empty: never added
    return any(span[0] < e and s < span[1] for s, e in others)


def demonym_spans(text: str, entities: Sequence[Entity], body_start: int) -> list[tuple[int, int, str]]:
    """(start, end, ISO2) of each nationality word the NER found (NORP) that names one country."""
    out = []
    for ent in entities:
        if ent.label == "NORP" and ent.start >= body_start:
            code = demonym_country(text[ent.start : ent.end])
            if code:
                out.append((ent.start, ent.end, code))
    return out
