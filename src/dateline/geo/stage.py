"""The place stage: find the article's toponyms, resolve them against the gazetteer.

``doc.places`` lists, in text order, the wire dateline's place (role "dateline") when it is
found in the text before the body, every toponym of the body (role "toponym", resolved or not)
and every demonym that names a country (role "demonym": country context only).
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import defaultdict
from typing import Iterator, Sequence

from ..model import Doc, Entity, EventPlace, Place, Sentence, Span
from ..pipeline import Stage
from .build import COUNTY_ID_BASE
from .countries import ACTOR_DEMONYM, actor_demonym, country_code, dateline_country, demonym_country, topic_place
from .focus import AT_FOCUS, estimate, local_focus
from .demonym_places import listed_demonyms, regional_people
from .gazetteer import Gazetteer, as_gazetteer
from .schema import Entry
from .resolve import Choice, Mention, Resolver, haversine
from .normalize import fold
from .toponyms import (PART_OF, Found, comma_pairs, demonym_spans, find_spans, joined_spans, mentions_from_spans,
                        query_and_hint)

# An unresolved "place" shaped like an adjective of nationality or faith ("Kurdish") is the NER's slip.
_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:ish|ese|ian|ic|ite)s?$")
# A capitalised word just before: the name is part of a longer one ("Johns Hopkins").
_NAME_BEFORE = re.compile(r"[A-Z][\w.'-]* $")
_STREET_AFTER = re.compile(r" (?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Dr\.|Lane|Way|Highway|Pike)(?!\w)")
# Below this score a toponym found in running text is reported unresolved rather than guessed.
MIN_SCORE = 3.0
# ... or when a place elsewhere of the same name is nearly as likely (a coin toss is not a reading).
MIN_MARGIN = 0.5
SOLE_MARGIN = 99.0
# A story naming STORY_NAMES different places or more gives a reading context to earn: the floor
# rises by STORY_FLOOR (a short report or an ACLED note has little context to offer).
STORY_FLOOR = 0.5
STORY_NAMES = 6
# How much a demonym of an acting force counts towards the country context (a plain demonym: 0.5).
ACTOR_PRIOR = 0.0
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\b")


class PlaceStage(Stage):
    name = "places"
    needs = frozenset({"sentences", "entities"})
    adds = frozenset({"places"})

    def __init__(self, gazetteer: Gazetteer, *, min_score: float = MIN_SCORE, min_margin: float = MIN_MARGIN):
        """``min_score``/``min_margin``: below them a toponym of running text is left unresolved
        (its span kept) rather than guessed; given spans (``resolve_spans``) are always resolved."""
        self.gazetteer = gazetteer
        self.resolver = Resolver(gazetteer)
        self.min_score = min_score
        self.min_margin = min_margin

    @classmethod
    def default(cls, *, gazetteer: "Gazetteer | str | os.PathLike | None" = None) -> "PlaceStage":
        """The stage over ``gazetteer``: an open one, a path, or None for the default store."""
        return cls(as_gazetteer(gazetteer))

    def __call__(self, doc: Doc) -> None:
        text, body = doc.text, doc.article.body_start
        entities = doc.entities or ()
        mentions = self._mentions(text, entities, body)
        demonyms = demonym_spans(text, entities, body)
        head = self._dateline_mention(doc)
        actor = [actor_demonym(text, s, e) for s, e, _ in demonyms]
        prior = _story_prior(text, demonyms, actor, dateline_country(doc.article.dateline))
        all_mentions = ([head] if head else []) + mentions
        raw = self._resolve(text, all_mentions, prior=prior, home=dateline_country(doc.article.dateline))
        choices = vouched(text, all_mentions, raw, self._accepted(text, all_mentions, raw), min_margin=self.min_margin)
        people = person_names(text, entities)
        choices = unread_at_focus(text, all_mentions, raw, choices, people=people | _called_otherwise(text, entities))
        places = [_place(m, c) for m, c in zip(all_mentions, choices)]
        places = [p for p, m in zip(places, all_mentions)
                  if (p.latitude is not None or (m.keep and not _ADJECTIVE.match(text[p.start : p.end])))
                  and not (m.loose and text[p.start : p.end] in people)]
        places += _repeats(text, body, places, [(e.start, e.end) for e in entities if e.label == "PERSON"], people)
        places += self._demonym_places(text, entities, body, places)
        doc.places = tuple(sorted(places, key=lambda p: (p.start, p.end)))

    def _demonym_places(self, text: str, entities: Sequence[Entity], body: int, places: Sequence[Place]) -> list[Place]:
        """The demonyms that refer to their country ("Russian officials"), listed as the country with
        role "demonym" (never an event's place; their country context is the NER's NORP as before)."""
        out = []
        for s, e, code in listed_demonyms(text, entities, body):
            if not any(p.start < e and s < p.end for p in places):
                out.append(_demonym_place(s, e, code, self.gazetteer.division(code, None),
                                          reason=ACTOR_DEMONYM if actor_demonym(text, s, e) else "demonym"))
        for s, e, names in regional_people(text, entities, body):
            region = next((c for n in names for c in self.gazetteer.candidates(n) if c.kind == 0 and c.fcode in _REGIONS and c.country), None)
            if region is not None and not any(p.start < e and s < p.end for p in places):
                out.append(_demonym_place(s, e, region.country, region, reason="demonym"))
        return out

    def _mentions(self, text: str, entities: Sequence[Entity], body: int) -> list[Mention]:
        found = joined_names(text, find_spans(text, entities, body), self.gazetteer)
        found = division_pairs(text, body, found, entities, self.gazetteer)
        return mentions_from_spans(text, split_brackets(text, found))

    def _resolve(self, text: str, mentions: Sequence[Mention], *, prior: dict[str, float],
                 home: str | None) -> list[Choice | None]:
        """Resolve the story's mentions; a country named as what the story is about ("the war of
        Russia against Ukraine" in a report from Poznan) is resolved alone and lends the others no context."""
        topics = {i for i, m in enumerate(mentions) if m.role == "toponym" and topic_country(text, m)}
        blank = [dataclasses.replace(m, query="", fallback=None) if i in topics else m for i, m in enumerate(mentions)]
        raw = self._compass_checked(blank, self.resolver.resolve(blank, prior=prior, home=home), prior=prior, home=home)
        for i in topics:
            raw[i] = self.resolver.resolve([dataclasses.replace(mentions[i], container=None)])[0]
        return raw

    def _compass_checked(self, mentions: Sequence[Mention], raw: Sequence[Choice | None], *,
                         prior: dict[str, float], home: str | None) -> list[Choice | None]:
        """A division named only by a compass word ("(Moroto, Northern)", "(Bui, Nord-Ouest)")
        is a region of many countries: it counts only where the story's other names, resolved without
        it, place the story; else it is dropped and they are read without its pull. When no other
        name has a reading at all, it stays the story's one guess."""
        compass = {i for i, (m, c) in enumerate(zip(mentions, raw))
                   if c is not None and c.entry.is_division and fold(m.query) in COMPASS_NAMES}
        if not compass:
            return list(raw)
        blank = [dataclasses.replace(m, query="", fallback=None) if i in compass else m for i, m in enumerate(mentions)]
        second = self.resolver.resolve(blank, prior=prior, home=home)
        countries = {c.entry.country for i, c in enumerate(second) if c is not None and i not in compass}
        if not countries or all(raw[i].entry.country in countries for i in compass):
            return list(raw)  # nothing else read anywhere: the compass region is the only guess there is
        return [(raw[i] if raw[i].entry.country in countries else None) if i in compass else c
                for i, c in enumerate(second)]

    def _accepted(self, text: str, mentions: Sequence[Mention], choices: Sequence[Choice | None]) -> list[Choice | None]:
        """The readings confident enough to report; None for the others (their spans may stay, unresolved)."""
        floor = self.min_score + (STORY_FLOOR if len({fold(m.query) for m in mentions}) >= STORY_NAMES else 0.0)
        kept = [c if self._confident(c, floor) and not _part_of_large(m, c) and not _outside_container(text, i, mentions, choices)
                else None for i, (m, c) in enumerate(zip(mentions, choices))]
        return _stray_quarters(text, mentions, _unsupported_compass(text, mentions, kept))

    def _confident(self, choice: Choice | None, floor: float) -> bool:
        if choice is None:
            return False
        # A clear reading (resolve.UNIQUE_OWN) passes without the story's support only when no place
        # of that name lies elsewhere at all: a lone town name in a short report.
        return (choice.clear and choice.margin >= SOLE_MARGIN) or (
            choice.score >= floor and choice.margin >= self.min_margin)

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Place | None]:
        """Resolve given toponym spans (gold spans): one :class:`Place` or None per span, in order."""
        mentions = mentions_from_spans(text, spans)
        choices = self.resolver.resolve_given(mentions, prior=_text_prior(text))
        by_span = {(m.start, m.end): _place(m, c) for m, c in zip(mentions, choices)}
        return [by_span.get((int(s), int(e))) for s, e in spans]

    def _dateline_mention(self, doc: Doc) -> Mention | None:
        """The wire dateline's first place ("KABUL" of "KABUL, Afghanistan"), where it occurs in the header."""
        line = doc.article.dateline
        if not line:
            return None
        name = line.split(",")[0].strip()
        found = doc.text.find(name, 0, max(doc.article.body_start, 0))
        if found < 0 or not name:
            return None
        query, fallback, hint = query_and_hint(name.title() if name.isupper() else name)
        return Mention(found, found + len(name), query, hint, fallback=fallback, role="dateline")


# Names of regions that are only a compass point, in the languages ACLED and wire copy use.
COMPASS_NAMES = frozenset(fold(w) for w in """north south east west northeast northwest southeast southwest
north-east north-west south-east south-west northern southern eastern western central centre center
nord sud est ouest nord-est nord-ouest sud-est sud-ouest centre-nord centre-sud centre-est centre-ouest
norte sur este oeste nordeste noroeste sudeste sudoeste centro""".split())
# What a people not of a country is named after: a region of a country ("Ohioans", "South Ossetians";
# "Europeans", "West Africans" name a continent's or a region's many countries, no place).
_REGIONS = frozenset({"ADM1", "RGN", "TERR"})
# Feature codes of a first-level division: "X, Y" makes Y X's container only when Y is one.
_FIRST_LEVEL = frozenset({"ADM1", "ADM1H"})


def unread_at_focus(text: str, mentions: Sequence[Mention], raw: Sequence[Choice | None],
                    choices: Sequence[Choice | None], *, people: frozenset[str] = frozenset()) -> list[Choice | None]:
    """A name the NER found whole that the gazetteer has no reading of at all ("Squirrel Hill",
    "Kanawha River", a township) is estimated at the focus of a local story (:func:`.focus.local_focus`),
    as a given span is: local news names the features of the town it is about. A name found only by
    a loose rule, an adjective, a person's initials ("T.R."), a name with a number ("District 3") or
    a surname of the story's people ("McMahon" of "Jessica McMahon") is no place for sure, and stays out."""
    focus = local_focus([c.entry if c else None for c in choices])
    if focus is None:
        return list(choices)
    out = list(choices)
    for i, (m, r, c) in enumerate(zip(mentions, raw, choices)):
        if c is None and r is None and m.keep and not m.loose and m.role == "toponym" and _could_be_place(m, text[m.start : m.end], people):
            e = estimate(m.fallback or m.query, focus)
            out[i] = Choice(e, 0.0, AT_FOCUS, e.lat, e.lon, margin=0.0)
    return out


_INITIALS = re.compile(r"^(?:[A-Z]\.\s?){1,3}$|\d")
# Not near the town a local story is about: a sea, a state's style ("the Islamic Republic").
_FAR_KINDS = re.compile(r"\b(?:Ocean|Sea|Gulf|Republic|Kingdom|Empire)\b")


def _could_be_place(m: Mention, name: str, people: frozenset[str]) -> bool:
    """Whether an unread name may be a local place; a compass word cut off the looked-up name
    ("South Coast" looked up as "Coast", "West Nile virus") leaves a common word, not a name."""
    cut = name.split(" ", 1)[0].lower() in COMPASS_NAMES and not (m.fallback or m.query).startswith(name.split(" ", 1)[0])
    return not (cut or _ADJECTIVE.match(name) or _INITIALS.search(name) or _FAR_KINDS.search(name) or name in people)


def _called_otherwise(text: str, entities: Sequence[Entity]) -> frozenset[str]:
    """One-word names the NER labels a person or an organisation somewhere in the story. Weak evidence
    for a name the gazetteer knows (the small model calls many towns PERSON), enough against one it
    lacks: "Balqon" (GPE once, ORG and PERSON elsewhere) is a firm. A longer name labelled so is
    often the place's body ("Tennessee Colony" of a list of addresses is a PERSON once)."""
    return frozenset(w for e in entities if e.label in ("PERSON", "ORG") and " " not in (w := text[e.start : e.end]))


def joined_names(text: str, found: Sequence[Found], gazetteer: Gazetteer) -> list[Found]:
    """"Port" and "Spain" of "Port of Spain", "Newfoundland and Labrador": a span and the words
    joined to it by "of"/"and" are one place when the gazetteer knows the whole by its own name
    (else "Spain" would be a country inside a town's name)."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.end)):
        if any(g.start <= f.start and f.end <= g.end for g in out):
            continue  # swallowed by a joined name found before it
        whole = _joined(text, f, gazetteer)
        if whole is not None:
            out = [g for g in out if not (whole.start <= g.start and g.end <= whole.end)]
        out.append(whole or f)
    return out


def _joined(text: str, f: Found, gazetteer: Gazetteer) -> Found | None:
    for s, e in joined_spans(text, f.start, f.end):
        if any(c.kind == 0 for c in gazetteer.candidates(text[s:e])):
            return Found(s, e)
    return None


def division_pairs(text: str, body: int, found: Sequence[Found], entities: Sequence[Entity],
                   gazetteer: Gazetteer) -> list[Found]:
    """"trying to gain Sulyhivka, Kharkiv.": the NER missed both, but a name ending the clause after
    a comma that the gazetteer knows as a first-level division is the container of the name before
    it; both are places (the first kept unresolved if the gazetteer lacks it)."""
    out = list(found)
    people = [(e.start, e.end) for e in entities if e.label == "PERSON" and " " in text[e.start : e.end]]
    for a, b in comma_pairs(text, body):
        if any(s < a[1] and a[0] < e for s, e in people) or not _is_first_level(text[b[0] : b[1]], gazetteer):
            continue
        for span, loose in ((a, True), (b, False)):
            same = [f for f in out if (f.start, f.end) == span]
            if same:
                out = [dataclasses.replace(f, keep=True) if f in same else f for f in out]
            elif not any(f.start < span[1] and span[0] < f.end for f in out):
                out.append(Found(span[0], span[1], loose=loose, keep=True))
    return out


def _is_first_level(name: str, gazetteer: Gazetteer) -> bool:
    return fold(name) not in COMPASS_NAMES and any(
        c.kind <= 1 and c.fcode in _FIRST_LEVEL for c in gazetteer.candidates(name))


# "the war of Russia against Ukraine", "protests against France", "peace in Ukraine": the country a
# war or a protest is against or for, not where the protest is.
_AGAINST = re.compile(r"\b(?:against|peace\s+(?:in|for)|ceasefire\s+in)\s+(?:the\s+)?$", re.I)


def topic_country(text: str, m: Mention) -> bool:
    """Whether the mention is a country named as what the story is about, not where it happens."""
    return country_code(m.query) is not None and (
        topic_place(text, m) or _AGAINST.search(text, max(0, m.start - 16), m.start) is not None)


# Words between a place and the place it is said to lie in: "Gawardaz village in Sarbaz county",
# "Bwikhonge and Bunambutye sub-counties of Bulambuli district", "Tawileh town in Al Hasakeh", and
# the last of a bracketed list "X (District, Province)" even when the NER missed the district.
_LIES_IN = re.compile(r"\s*,\s*|\s*\((?:[^(),.;]{1,40},\s*){0,2}|\s+(?:[\w-]+\s+){0,3}?(?:in|of)\s+(?:the\s+)?")


def vouched(text: str, mentions: Sequence[Mention], raw: Sequence[Choice | None],
            kept: Sequence[Choice | None], *, min_margin: float = MIN_MARGIN) -> list[Choice | None]:
    """Readings too weak to report alone that the text vouches for: a short report names a village
    the gazetteer lacks with the district or province it lies in ("X village in Y county", "X (Y,
    Z)"), or names one town and no other place, a town with no namesake nearly as likely. The reading is kept when it contradicts no named
    container and lies in the country of every town or division the story resolved (a country
    named as a topic, "the war in Ukraine", says nothing of where the story's places lie)."""
    countries = {c.entry.country for c in kept if c is not None and not c.entry.is_country}
    placed = bool(countries)
    out = list(kept)
    for i, (m, c) in enumerate(zip(mentions, raw)):
        if out[i] is not None or c is None or c.entry.kind > 1 or "within=-" in c.reason or not m.keep:
            continue
        if countries and c.entry.country not in countries:
            continue
        if _holds_unplaced(text, i, mentions, raw) or (
                not placed and c.entry.kind == 0 and c.margin >= min_margin and _sole_candidate(i, mentions, raw)):
            out[i] = c
    return out


def _holds_unplaced(text: str, i: int, mentions: Sequence[Mention], raw: Sequence[Choice | None]) -> bool:
    """Whether mention ``i`` is named as the container of a place the gazetteer lacks."""
    return any(raw[k] is None and mentions[k].end <= mentions[i].start and mentions[i].start - mentions[k].end <= 40
               and _LIES_IN.fullmatch(text, mentions[k].end, mentions[i].start) for k in range(i))


def _sole_candidate(i: int, mentions: Sequence[Mention], raw: Sequence[Choice | None]) -> bool:
    """Whether mention ``i`` is the only place of the story with a reading besides countries."""
    return not any(c is not None and not c.entry.is_country for k, c in enumerate(raw) if k != i)


def split_brackets(text: str, spans: Sequence[Found]) -> list[Found]:
    """A span running across an unclosed bracket ("Tocopilla (Antofagasta" of "in Tocopilla
    (Antofagasta), teachers ...") is a place and its container: two names, looked up apart."""
    out: list[Found] = []
    for f in spans:
        cut = text.find(" (", f.start, f.end)
        if cut > f.start and ")" not in text[cut : f.end] and f.end - cut > 3:
            out += [dataclasses.replace(f, end=cut), dataclasses.replace(f, start=cut + 2)]
        else:
            out.append(f)
    return out


def _outside_container(text: str, i: int, mentions: Sequence[Mention], choices: Sequence[Choice | None]) -> bool:
    """Whether the reading of mention ``i`` lies in another country than the first division up its
    chain of containers named in brackets ("Kanii (Masisi, Nord-Kivu)", Masisi read in Armenia): the
    gazetteer lacks the place meant, and a namesake abroad is no reading of it. (Commas alone may
    join a list, "Moscow, Kiev, Minsk": no chain of containers.)"""
    c, k, seen = choices[i], mentions[i].container, {i}
    while c is not None and k is not None and k not in seen:
        up = choices[k]
        if up is not None and (up.entry.is_country or up.entry.fcode in _FIRST_LEVEL):
            return (up.entry.country != c.entry.country and not c.entry.is_country
                    and _named_container(text, mentions[i], mentions[k], up))
        seen.add(k)
        k = mentions[k].container
    return False


# After a container that ends its phrase: a closing bracket or punctuation, maybe after a word ("Unity
# state)"); not a comma going on to another name (a list: "Moscow, Kiev, Minsk and Riga").
_PHRASE_END = re.compile(r"(?:\s+[a-z]+)?\s*(?:[.;:)]|,(?!\s*[A-Z])|$)")


def _named_container(text: str, m: Mention, container: Mention, reading: Choice) -> bool:
    """Whether ``container`` is named as where ``m`` lies: it closes a bracket opened just before or
    after ``m`` ("m (x, container)"), or it is a first-level division ending the phrase ("m, Kirkuk.")."""
    if not _PHRASE_END.match(text, container.end):
        return False
    opened = text.rfind("(", 0, container.start)
    bracketed = opened >= m.start - 1 and ")" not in text[opened : container.end]
    return bracketed or reading.entry.fcode in _FIRST_LEVEL


# Words saying a name is a part of a town: "the Barrocas neighborhood", "the neighbourhood of X".
_QUARTER_NEXT = re.compile(r" (?:neighbou?rhoods?|quarters?|wards?|suburbs?|localit(?:y|ies))\b")
_QUARTER_BEFORE = re.compile(r"\b(?:neighbou?rhoods?|quarters?|suburbs?) of (?:the )?$")


def _stray_quarters(text: str, mentions: Sequence[Mention], choices: list[Choice | None]) -> list[Choice | None]:
    """A neighbourhood lies in the story's town: a reading of it farther than 161 km from every other
    place the story reads ("in Mossoro ... in the Barrocas neighborhood" read as a town across the
    country) is a namesake, not it."""
    points = [(i, c) for i, c in enumerate(choices) if c is not None and c.lat is not None and not c.entry.is_country]
    out = list(choices)
    for i, (m, c) in enumerate(zip(mentions, choices)):
        if c is None or c.lat is None or not (_QUARTER_NEXT.match(text, m.end) or _QUARTER_BEFORE.search(text, max(0, m.start - 20), m.start)):
            continue
        others = [haversine(c.lat, c.lon, o.lat, o.lon) for k, o in points if k != i]
        if others and min(others) > 161.0:
            out[i] = None
    return out


def _part_of_large(m: Mention, choice: Choice) -> bool:
    """"Northern Europe", "Eastern China" looked up as Europe or China: a part of a country or a
    continent lies far from its middle, so the whole is no reading of the part (a state is small enough)."""
    words = m.query.split()
    return (len(words) > 1 and words[0].lower() in PART_OF and choice.entry.fcode.startswith(("PCL", "CONT", "RGN"))
            and fold(choice.entry.name) != fold(m.query))


def _unsupported_compass(text: str, mentions: Sequence[Mention], choices: list[Choice | None]) -> list[Choice | None]:
    """"(Sirt, West)", "Ku Le (East)": a region called only by a compass word ("West", "Northern") is
    read in the country the story's other places lie in; alone, the word names no country."""
    countries = {c.entry.country for m, c in zip(mentions, choices) if c and text[m.start : m.end].lower() not in PART_OF}
    return [None if c and text[m.start : m.end].lower() in PART_OF and c.entry.country not in countries else c
            for m, c in zip(mentions, choices)]


def person_names(text: str, entities: Sequence[Entity]) -> frozenset[str]:
    """Surnames of the story's people ("Jones" of "Tom Jones"), unless the NER calls the name a
    place as often. A lone PERSON is no evidence: the small model calls many towns PERSON."""
    votes: dict[str, int] = defaultdict(int)
    for e in entities:
        surface = text[e.start : e.end]
        if e.label == "PERSON" and " " in surface:
            votes[surface.rsplit(" ", 1)[1]] += 1
        elif e.label in ("GPE", "LOC"):
            votes[surface] -= 1
    return frozenset(name for name, n in votes.items() if n > 0)


def _repeats(text: str, body: int, places: Sequence[Place], persons: Sequence[tuple[int, int]],
             people: frozenset[str] = frozenset()) -> list[Place]:
    """Other occurrences of a name resolved in the story, which the NER labelled otherwise or missed
    (one sense per discourse: "Alexandria" stays the same Alexandria throughout)."""
    taken = [(p.start, p.end) for p in places]
    out: list[Place] = []
    seen: set[str] = set()
    for p in places:
        name = text[p.start : p.end]
        if p.latitude is None or p.role != "toponym" or p.reason == AT_FOCUS or name in seen or name in people or len(name) < 3 or not name[0].isupper():
            continue
        seen.add(name)
        for m in _whole_words(name, text[body:]):
            start, end = body + m.start(), body + m.end()
            if (any(s < end and start < e for s, e in taken) or _NAME_BEFORE.search(text[max(0, start - 40) : start])
                    or _STREET_AFTER.match(text, end)):  # "1200 DeKalb Ave.": a street, not the town
                continue
            if not any(s < end and start < e and (s < start or e > end) for s, e in persons):  # "George Washington"
                out.append(dataclasses.replace(p, start=start, end=end, reason=(p.reason or "") + " repeat"))
                taken.append((start, end))
    return out


_FREE_BEFORE = re.compile(r"(?<![\w-])")


def _whole_words(name: str, text: str) -> Iterator[re.Match]:
    """The whole-word finds of ``name`` (no word character or hyphen on either side), as a
    look-behind regex would give them, faster: a pattern that starts with the name itself is
    searched for as a literal, and the look-behind is checked at each find."""
    pattern = re.compile(re.escape(name) + r"(?![\w-])")
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if _FREE_BEFORE.match(text, m.start()) is None:
            pos = m.start() + 1  # a longer word ends here; a find inside this one may still follow
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.start() + 1


def _prior(dateline_code: str | None, demonym_codes: Sequence[str], *, actors: Sequence[str] = ()) -> dict[str, float]:
    """Country context: the dateline's country, the demonyms' and, weaker, the acting forces' countries
    ("Russian forces shelled X": most often abroad, yet an army acts at home too)."""
    prior: dict[str, float] = defaultdict(float)
    if dateline_code:
        prior[dateline_code] += 2.0
    for code in demonym_codes:
        prior[code] += 0.5
    for code in actors:
        prior[code] += ACTOR_PRIOR
    return prior


def _story_prior(text: str, demonyms: Sequence[tuple[int, int, str]], actor: Sequence[bool],
                 dateline_code: str | None) -> dict[str, float]:
    """:func:`_prior` of a story; "the Ukrainian community", "in solidarity with Ukrainians" name a
    people abroad or a cause, no vote for where the story is."""
    votes = [(code, a) for (s, e, code), a in zip(demonyms, actor) if not topic_place(text, Span(s, e))]
    return _prior(dateline_code, [c for c, a in votes if not a], actors=[c for c, a in votes if a])


def _text_prior(text: str) -> dict[str, float]:
    """Country context from demonyms anywhere in a text (no NER needed)."""
    found = [(demonym_country(m.group()), actor_demonym(text, m.start(), m.end())) for m in _CAPITALISED.finditer(text)]
    return _prior(None, [c for c, a in found if c and not a], actors=[c for c, a in found if c and a])


def _place(m: Mention, choice: Choice | None) -> Place:
    if choice is None:
        return Place(m.start, m.end, name=m.fallback or m.query, role=m.role)
    e = choice.entry
    return Place(
        m.start, m.end, name=e.name, geonameid=e.geonameid if e.geonameid < COUNTY_ID_BASE else None,
        latitude=choice.lat, longitude=choice.lon, country_code=e.country, admin1=e.admin1_name,
        admin2=e.name if e.fcode == "ADM2" else None, feature_code=e.fcode or None, feature_class=e.fclass or None,
        population=e.population or None, score=choice.score, reason=choice.reason, role=m.role,
    )


def _demonym_place(start: int, end: int, code: str, country: Entry | None, *, reason: str) -> Place:
    """A demonym's place: its country's entry (the code alone when the gazetteer lacks the country)."""
    if country is None:
        return Place(start, end, name=None, country_code=code, role="demonym", reason=reason)
    return Place(start, end, name=country.name, geonameid=country.geonameid, latitude=country.lat,
                 longitude=country.lon, country_code=code, feature_code=country.fcode,
                 feature_class=country.fclass, population=country.population or None, role="demonym", reason=reason)


def event_place(doc: Doc, trigger: Span, sentence: Sentence) -> EventPlace:
    """Where the event whose trigger is ``trigger`` happened (see :mod:`.eventplace`)."""
    from .eventplace import event_place as locate

    return locate(doc, trigger, sentence)
