"""Demonyms that refer to their country, listed among a story's places (role "demonym").

"Russian officials", "the Palestinians", "Israeli-Egyptian peace", "Georgian-controlled villages"
say something of a country the way its name does (CLIFF lists them too). Not every nationality word
is such a reference; these kinds are left out, by their grammar:

- a language ("spoke only French", "in Spanish.", "French immersion", "English-speaking");
- a cuisine, a kind of music or a heritage ("Italian food", "Irish pub", "Irish songs", "Irish heritage");
- the head of a people's compound name ("Native American", "American Indians", "African-Americans",
  "Atakapa Indians"), or a part's people ("Northern Irish", "East German"): not the country;
- a surname ("French said", "Mr. Irish");
- inside a name the NER calls an organisation, a person, a work or a language ("American Airlines").

Listing them is a reporting choice: they never become an event's place and lend the story no more
country context than they did before (see :func:`dateline.geo.toponyms.demonym_spans`).
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ..model import Entity
from .countries import demonym_country
from .toponyms import nationality

# One or two capitalised words: "Russian", "Palestinians", "South Korean", "Sri Lankan".
_CANDIDATE = re.compile(r"(?<![\w'\u2019.])[A-Z][a-z]+(?: [A-Z][a-z]+)?(?![\w'\u2019])")
# NER labels of names a demonym may start without naming a place: "American Airlines", "Dawn French".
_BLOCKING = frozenset({"ORG", "PERSON", "LANGUAGE", "WORK_OF_ART", "PRODUCT", "FAC", "LAW"})

# Bodies of a state: a demonym heading their name names the state.
_STATE_BODY = re.compile(r"\b(?:Ministry|Ministries|MoD|Army|Navy|Air Force|Coast Guard|Border Guards?|Police|"
                         r"Government|Authority|Parliament|Embassy|Consulate|Cabinet|Armed Forces)\b")
_LANGUAGE_AFTER = re.compile(r"-speak(?:ing|ers?)\b|\s+(?:languages?|class(?:es)?|courses?|lessons?|teachers?|"
                             r"immersion|speak(?:ing|ers?)|translations?|subtitles|dictionar(?:y|ies)|grammar)\b")
_LANGUAGE_BEFORE = re.compile(r"\b(?:speaks?|spoke|spoken|speaking|learn(?:s|ed|t|ing)?|teach(?:es|ing)?|taught|"
                              r"fluent\s+in|(?:translated|dubbed)\s+(?:in)?to|written\s+in)\s+(?:(?:only|fluent|good|broken|"
                              r"some|little|both)\s+)?$", re.I)
# "in French." / "in French and Farsi": "in" before a bare demonym ending its phrase names a language.
_IN_BEFORE = re.compile(r"\bin\s+(?:both\s+)?$")
_PHRASE_END = re.compile(r"\s*[.,;:!?)\"\u201d]")
_CULTURE_AFTER = re.compile(r"\s+(?:food|foods|cuisine|dish(?:es)?|restaurants?|pubs?|grocery|groceries|deli|bakery|"
                            r"sausages?|breads?|pastr(?:y|ies)|wines?|beers?|music|songs?|rock|folk|dances?|dancing|"
                            r"heritage|cooking|recipes?)\b")
# Words before a demonym that make it part of a people's or a region's name.
_PEOPLE_BEFORE = re.compile(r"\b(?:Native|Indigenous|First|African|Asian|Latin|Hispanic|Anglo|Afro|"
                            r"Northern|Southern|Eastern|Western|North|South|East|West|Central)[ -]$")
# A capitalised word mid-sentence just before ("Atakapa Indians", "American Indians"): a compound name.
_NAME_BEFORE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+ $")
_SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|added|explained|noted|wrote|asked|replied)\b")
_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Rev)\.?\s+$")


def listed_demonyms(text: str, entities: Sequence[Entity], body_start: int) -> list[tuple[int, int, str]]:
    """(start, end, ISO2) of the demonyms in the body that refer to their country (see the module)."""
    blocking = [e for e in entities if e.label in _BLOCKING]
    return [(s, e, code) for s, e, code in _demonym_words(text, body_start)
            if not any(_blocks(text, b, s, e) for b in blocking) and refers_to_country(text, s, e)]


def _blocks(text: str, entity: Entity, start: int, end: int) -> bool:
    """Whether the NER's ``entity`` makes the demonym at ``start:end`` part of a name. A country's
    state body named by its demonym is the country's ("the Georgian Foreign Ministry", "the Lebanese
    Army"); an entity that is the demonym alone ("Sri Lankan" as PERSON) is the NER's slip."""
    if not (entity.start < end and start < entity.end) or (entity.start == start and entity.end == end):
        return False
    return not (entity.label == "ORG" and _STATE_BODY.search(text, end, entity.end))


def regional_people(text: str, entities: Sequence[Entity], body_start: int) -> list[tuple[int, int, list[str]]]:
    """(start, end, names it may be formed from) of each people the NER found (NORP) that names no
    country: "Ohioans", "South Ossetian", "Texan", "European" are formed from "Ohio", "South Ossetia",
    "Texas", "Europe" (the caller keeps a name the gazetteer knows as a division, region or continent)."""
    out = []
    for e in entities:
        word = text[e.start : e.end]
        if (e.label == "NORP" and e.start >= body_start and demonym_country(word) is None and word[:1].isupper()
                and refers_to_country(text, e.start, e.end)):
            stem = word[:-1] if word.endswith("ns") else word
            if stem.endswith("n"):
                out.append((e.start, e.end, [stem[:-1], stem[:-2], stem[:-1] + "s"]))
    return out


def _demonym_words(text: str, body_start: int) -> Iterator[tuple[int, int, str]]:
    """Every demonym word of the body, a two-word one ("South Korean") before its parts."""
    pos = body_start
    while (m := _CANDIDATE.search(text, pos)) is not None:
        words = m.group()
        code = _country_of(words)
        if code is None and " " in words:
            first = words.split(" ")[0]
            code, end = _country_of(first), m.start() + len(first)
        else:
            end = m.end()
        if code is not None:
            yield m.start(), end, code
        pos = end if code is not None else m.start() + len(words.split(" ")[0])


def _country_of(words: str) -> str | None:
    """The country a demonym names; None for other words and for a country's own name ("Cameroon")."""
    return demonym_country(words) if nationality(words) else None


def refers_to_country(text: str, start: int, end: int) -> bool:
    """Whether the demonym at ``text[start:end]`` refers to its country (see the module's list)."""
    before = text[max(0, start - 30) : start]
    plural = text[end - 1] == "s" and demonym_country(text[start : end - 1]) is not None
    return not (_language(text, start, end, before) or _CULTURE_AFTER.match(text, end)
                or _PEOPLE_BEFORE.search(before) or _NAME_BEFORE.search(before)
                or _TITLE_BEFORE.search(before) or (not plural and _SPEAKS_AFTER.match(text, end)))


def _language(text: str, start: int, end: int, before: str) -> bool:
    if _LANGUAGE_AFTER.match(text, end) or _LANGUAGE_BEFORE.search(before):
        return True
    return bool(_IN_BEFORE.search(before) and _PHRASE_END.match(text, end))
