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
from typing import Sequence

from ..model import Doc, Entity, EventPlace, Place, Sentence, Span
from ..pipeline import Stage
from .build import COUNTY_ID_BASE
from .countries import ACTOR_DEMONYM, actor_demonym, dateline_country, demonym_country
from .gazetteer import Gazetteer, as_gazetteer
from .resolve import Choice, Mention, Resolver
from .normalize import fold
from .toponyms import PART_OF, Found, demonym_spans, find_spans, mentions_from_spans, query_and_hint

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
        mentions = mentions_from_spans(text, split_brackets(text, find_spans(text, entities, body)))
        demonyms = demonym_spans(text, entities, body)
        head = self._dateline_mention(doc)
        actor = [actor_demonym(text, s, e) for s, e, _ in demonyms]
        prior = _prior(dateline_country(doc.article.dateline), [d[2] for d, a in zip(demonyms, actor) if not a],
                       actors=[d[2] for d, a in zip(demonyms, actor) if a])
        all_mentions = ([head] if head else []) + mentions
        home = dateline_country(doc.article.dateline)
        raw = self.resolver.resolve(all_mentions, prior=prior, home=home)
        choices = vouched(text, all_mentions, raw, self._accepted(text, all_mentions, raw), min_margin=self.min_margin)
        places = [_place(m, c) for m, c in zip(all_mentions, choices)]
        people = person_names(text, entities)
        places = [p for p, m in zip(places, all_mentions)
                  if (p.latitude is not None or (m.keep and not _ADJECTIVE.match(text[p.start : p.end])))
                  and not (m.loose and text[p.start : p.end] in people)]
        places += _repeats(text, body, places, [(e.start, e.end) for e in entities if e.label == "PERSON"], people)
        places += [Place(s, e, text[s:e], country_code=code, role="demonym", reason=ACTOR_DEMONYM if a else "demonym")
                   for (s, e, code), a in zip(demonyms, actor)]
        doc.places = tuple(sorted(places, key=lambda p: (p.start, p.end)))

    def _accepted(self, text: str, mentions: Sequence[Mention], choices: Sequence[Choice | None]) -> list[Choice | None]:
        """The readings confident enough to report; None for the others (their spans may stay, unresolved)."""
        floor = self.min_score + (STORY_FLOOR if len({fold(m.query) for m in mentions}) >= STORY_NAMES else 0.0)
        kept = [c if self._confident(c, floor) and not _part_of_large(m, c) else None for m, c in zip(mentions, choices)]
        return _unsupported_compass(text, mentions, kept)

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
        choices = self.resolver.resolve(mentions, prior=_text_prior(text))
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
        if p.latitude is None or p.role != "toponym" or name in seen or name in people or len(name) < 3 or not name[0].isupper():
            continue
        seen.add(name)
        for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text[body:]):
            start, end = body + m.start(), body + m.end()
            if (any(s < end and start < e for s, e in taken) or _NAME_BEFORE.search(text[max(0, start - 40) : start])
                    or _STREET_AFTER.match(text, end)):  # "1200 DeKalb Ave.": a street, not the town
                continue
            if not any(s < end and start < e and (s < start or e > end) for s, e in persons):  # "George Washington"
                out.append(dataclasses.replace(p, start=start, end=end, reason=(p.reason or "") + " repeat"))
                taken.append((start, end))
    return out


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
        admin2=e.name if e.fcode == "ADM2" else None, feature_code=e.fcode, feature_class=e.fclass,
        population=e.population or None, score=choice.score, reason=choice.reason, role=m.role,
    )


def event_place(doc: Doc, trigger: Span, sentence: Sentence) -> EventPlace:
    """Where the event whose trigger is ``trigger`` happened (see :mod:`.eventplace`)."""
    from .eventplace import event_place as locate

    return locate(doc, trigger, sentence)
