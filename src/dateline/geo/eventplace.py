"""Event geolocation: which of a sentence's places is where the event happened, coded as ACLED does.

A place earns its claim from the words before it: "in X", "near X", "the village of X", "X
countryside" say where something happened; "said in X", "told reporters in X" say where a speaker
stood, and "from X" where a person came from. Ties go to the place nearest the trigger, then to
the most specific. ``geo_precision``: 1 the named town itself, 2 near it or a part of a region
(a district), 3 a first-level division, a country or a place that could not be resolved.
Everything here works on ``doc.places`` and the text: no gazetteer query, so it is cheap per event.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Callable, Sequence

from ..model import Doc, Entity, EventPlace, Place, Sentence, Span
from .centres import COUNTRY_CENTRES
from .countries import country_name, story_country, topic_place
from .focus import AT_FOCUS

# (country, first-level division's name or None) -> (lat, lon) of its seat (``Gazetteer.seat``).
SeatOf = Callable[[str, "str | None"], "tuple[float, float] | None"]

# Words just before a place that say the event was there (strong) or around it (near).
_AT = re.compile(r"(?:\b(?:in|at|on|inside|into|across|through|throughout|within|over|of|hit|struck|attacked|bombed|"
                 r"shelled|captured|seized|stormed|entered|targeted|raided)\s+(?:the\s+)?(?:[\w'\u2019-]+,?\s+){0,3}?)$", re.I)
_NEAR = re.compile(r"(?:\b(?:near|outside|around|nearby|close to|outskirts of|edge of|north of|south of|east of|"
                   r"west of|northeast of|northwest of|southeast of|southwest of|km from|kilometers from|"
                   r"kilometres from|miles from|road to|way to|toward|towards)\s+(?:the\s+)?(?:\w+\s+){0,2}?)$", re.I)
# Words before a place that say it is not where the event happened.
_ELSEWHERE = re.compile(r"(?:\b(?:from|to|said|says|told|reported|announced|statement|spokesman|spokeswoman|"
                        r"correspondent|based|headquartered|native|resident|residents|embassy|visit|visited|"
                        r"returned|flew|fled|travelled|traveled)\b[^.;]{0,25})$", re.I)
# Distance from the trigger, in characters, that costs a place one point (about ten words): the event's
# place is most often named in the trigger's own clause.
CHARS_PER_POINT = 60.0
# A sentence that opens on its place and that place's container ("On 2 June, in San Juan (San Juan),
# teachers gathered ...", "In Hajin, Deir ez-Zor, ..."): the place frames everything the sentence tells.
SCENE_BONUS = 2.0
# A place inside an organisation's name ("the Confederation of Indigenous Nationalities of Ecuador").
ORG_NAME_PENALTY = 1.0
_SCENE = re.compile(r"\s*(?:[^,.;]{0,60},\s*)?(?:in|near|at|around|outside|inside)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?$", re.I)
# A place in the trigger's own locative phrase ("captured in X") over one elsewhere in the sentence.
ATTACHED_BONUS = 0.5
_AREA_AFTER = re.compile(r"^\s*(?:countryside|outskirts|suburbs|area|region|environs|hinterland|border)\b", re.I)
_TOWN_CODES = ("PPL",)
# How far after an unresolved place its container may be named ("X village of Y district in Z province").
CONTAINER_REACH = 80
_COMPOUND = re.compile(r"^-(?:led|run|backed|based|born|made|funded|supported|allied|trained|owned|brokered|sponsored)\b", re.I)
_BORDER_WITH = re.compile(r"\bborders?\s+with\s+(?:the\s+)?$", re.I)
_CONTAINS = re.compile(r"^(?:\s*,\s*(?:a\s+\w+\s+(?:in|of|near)\s+)?|\s+in\s+(?:the\s+)?(?:\w+(?:ern|ral)\s+)?|"
                       r"\s+(?:\w+\s+)?(?:neighbou?rhood|district|area|village|town|suburb|quarter|region|LGA|county|"
                       r"province|countryside)\s+(?:of|in)\s+(?:the\s+)?)$",
                       re.I)

# A container named first: "Afghanistan's northern Mazar-e-Sharif", "the Baghdad neighborhood of Adamiyah".
_CONTAINS_NEXT = re.compile(r"^(?:['\u2019]s\s+(?:[\w-]+,?\s+){0,3}?(?:the\s+)?|\s+(?:[\w-]+\s+)?(?:neighbou?rhood|district|area|"
                            r"village|town|suburb|quarter|enclave|city|region|province)\s+of\s+(?:the\s+)?)$", re.I)


_FACILITY_IN = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:bar|restaurant|cafe|hotel|hospital|university|college|school|market|"
                          r"mosque|church|stadium|bridge|prison|checkpoint|airport|base|station|camp|compound|mall|"
                          r"office|building|palace|embassy),?\s+(?:in|at|near|of)\s+(?:the\s+)?", re.I)
_RELATIVE_TO = re.compile(r"(?:kilomet(?:er|re)s?|km|miles?)\b[^.;]{0,25}?\b(?:north|south|east|west|northeast|northwest|"
                          r"southeast|southwest)(?:ern)?\s+of\s+(?:the\s+)?$", re.I)
_SETTLEMENT_END = re.compile(r"\s(?:village|town|neighbou?rhood|district|area|camp|quarter)$", re.I)
EXTERNAL_FORCES = 8  # ACLED's actor type of foreign and international forces
_OF_IN = re.compile(r"^\s+(?:of|in)\s+(?:the\s+)?$", re.I)
# A text that says where its event is coded ("(coded to Mokambo, Mahagi)", "location coded to X",
# "coded to the nearest town, X", "coded as provincial capital X") names the event's place outright;
# "fatalities coded to the X event" says where the dead are counted, not where this event was.
_CODED_AT = re.compile(r"(?<!fatalities )(?<!casualties )(?<!deaths )\bcoded\s+(?:to|as|at|in)\s+(?:the\s+)?(?:(?:nearest|closest)\s+(?:town|village|city|location)|"
                       r"admin(?:istrative)?\s+cent(?:er|re)|(?:provincial|district|regional|state|county)\s+(?:capital|"
                       r"headquarters|seat)|(?:town|village|city|location)\s+of)?[\s,:]*$", re.I)
CODED_CUE = 6.0


def event_place(doc: Doc, trigger: Span, sentence: Sentence) -> EventPlace:
    """Where the event with ``trigger`` in ``sentence`` happened; the story's country if nothing better."""
    places = _toponyms(doc, sentence.start, sentence.end)
    best = _coded_elsewhere(doc, places) or _best(doc, places, trigger, sentence)
    if best is None:
        scene = _paragraph_scene(doc, sentence)
        if scene is not None:
            return _coded(doc, scene[0], near=scene[1], reason="the place of the sentence before, in its paragraph")
        best = _article_place(doc)
        if best is None:
            return _country_only(doc)
        # Named elsewhere in the story: the event is around it, not known to be in it.
        return _coded(doc, best, near=True, reason="the article's main place")
    place, near = best
    holding = _town_holding(doc, place, places)
    if holding is not None:
        # The part's words say where; the event is coded to the town that holds it.
        coded = _coded(doc, holding, near=False, reason="the town that holds the named part")
        return replace(coded, evidence=Span(place.start, place.end))
    town = _town_of_part(doc, place, places)
    if town is not None:
        return _coded(doc, town, near=False, reason="the town its named part lies in")
    outer = _contradicting_container(doc, place)
    if outer is not None:
        return _inside(doc, place, outer)
    return _coded(doc, place, near=near, reason="near the trigger" if near else "where the trigger happened")


def _paragraph_scene(doc: Doc, sentence: Sentence) -> tuple[Place, bool] | None:
    """"In El Fasher, the army and the RSF fought on Monday. Shells landed on a market during the
    fighting": a sentence that names no place goes on where its paragraph's sentence before it
    happened (one a place cue such as "in X" anchors), not at the story's first place."""
    before = [s for s in doc.sentences or () if s.end <= sentence.start]
    if not before or re.search(r"\n[ \t]*\n", doc.text[before[-1].end : sentence.start]):
        return None
    prev = before[-1]
    cued = [p for p in _toponyms(doc, prev.start, prev.end) if _cue(doc.text, p)[0] > 2.0]
    found = _best(doc, cued, Span(prev.start, prev.start), prev) if cued else None
    return found


# The names that follow a place as its containers: "X, Luhansk", "X (Masisi, Nord-Kivu)", "X town (Y, Z)".
_CHAIN = re.compile(r"(?:\s+(?:town|village|city|area|district|municipality))?\s*[,(]\s*(?:[^,()\n]{1,40}?,\s*){0,3}", re.I)


def _contradicting_container(doc: Doc, p: Place) -> Place | None:
    """A first-level division or country the text names as ``p``'s container that the reading
    of ``p`` lies outside ("Ustynivka, Luhansk" read as the Ustynivka of another province): that
    reading is a namesake, and the container is all the text tells for sure."""
    if _unread(p) or (p.feature_code or "").startswith(("PCL", "RGN")):
        return None
    chain = [q for q in doc.places or () if q.latitude is not None and p.end <= q.start <= p.end + CONTAINER_REACH
             and _CHAIN.fullmatch(doc.text, p.end, q.start)]
    for q in chain:
        if (q.feature_code or "").startswith("ADM1") and q.country_code == p.country_code and q.admin1 != p.admin1:
            # The town the text names inside that division is nearer than the division's seat.
            return next((t for t in chain if (t.feature_code or "").startswith(_TOWN_CODES)
                         and (t.country_code, t.admin1) == (q.country_code, q.admin1)), q)
    # Across countries one container's own reading is as likely the wrong one ("Nord-Ouest" read
    # in Haiti): two that agree on another country ("Barh (Maqbanah, Taizz)" read in India) settle it.
    abroad = [q for q in chain if q.country_code and q.country_code != p.country_code]
    agreeing = [q for q in abroad if q.country_code == abroad[0].country_code] if abroad else []
    return agreeing[0] if len(agreeing) >= 2 else None


# Words that make a name a part of a town: "the Casa Verde neighborhood", "Cavour square", "Colonia X".
_PART_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|district|sector|square|quarter|ward|suburb|colony|area|plaza|park|street|road|market)\b", re.I)
_OF_IN_AFTER_PART = re.compile(r"\s+\w+\s+(?:of|in)\s+(?:the\s+)?$", re.I)
_PART_BEFORE = re.compile(r"\b(?:colonia|barrio|bairro)\s+$", re.I)
# How far a part's reading may lie from the town the sentence names before it is a namesake.
PART_REACH_KM = 100.0


def _town_of_part(doc: Doc, p: Place, places: Sequence[Place]) -> Place | None:
    """"In Natal, a man was shot in the Pajucara neighborhood": a named part of a town read far
    from the town the sentence names is a namesake elsewhere; the event is in that town."""
    if _unread(p) or not (_PART_AFTER.match(doc.text, p.end) or _PART_BEFORE.search(doc.text, max(0, p.start - 12), p.start)):
        return None
    towns = [q for q in places if q is not p and q.latitude is not None and (q.feature_code or "").startswith("PPL")]
    if not towns or any(_km(p.latitude, p.longitude, q.latitude, q.longitude) <= PART_REACH_KM for q in towns):
        return None
    # The town the part belongs to is where the sentence says things happen ("in Natal") or the
    # one the part is "of"/"in" ("the Chinatown neighborhood of Los Angeles").
    return next((q for q in towns if _OF_IN_AFTER_PART.match(doc.text, p.end, q.start) or (
        _cue(doc.text, q)[0] > 0 and not _CHAIN.fullmatch(doc.text, p.end, q.start))), None)


# The words that tie a named part of a town to the town: "the Rwangoma neighbourhood of Beni",
# "Hodan district in Mogadishu", "Rwangoma, a neighbourhood of Beni", "Kaptagat in Eldoret" (part
# named first) and "Mogadishu's Hodan district", "the Beni neighbourhood of Rwangoma" (town first).
_PART_WORDS = r"(?:neighbou?rhoods?|district|quarter|suburb|sector|ward|section|commune|township|estate|locality|area)"
_PART_THEN_TOWN = re.compile(r"\s+(?:" + _PART_WORDS + r"\s+)?(?:of|in)\s+(?:the\s+)?(?:(?:city|town)\s+of\s+)?"
                             r"|,\s+(?:a|the)\s+(?:[\w-]+\s+)?" + _PART_WORDS + r"\s+(?:of|in)\s+(?:the\s+)?", re.I)
_TOWN_THEN_PART = re.compile(r"['\u2019]s\s+(?:[\w-]+\s+)?|\s+" + _PART_WORDS + r"\s+of\s+", re.I)
# A settlement of its own, not a part: "Kayamla village in Konduga", "the village of X in Y".
_OWN_SETTLEMENT = re.compile(r"\s+(?:village|hamlet|camp)\b", re.I)
_OWN_BEFORE = re.compile(r"\b(?:village|hamlet|camp|town)\s+of\s+(?:the\s+)?$", re.I)


def _town_holding(doc: Doc, p: Place, places: Sequence[Place]) -> Place | None:
    """A named part of a town (a neighbourhood, a district of a city, a GeoNames section PPLX or a
    name the gazetteer lacks) that the text ties to the town it lies in: ACLED codes the event to
    the town, not to the part. A village "in" a town's district is its own place and stays."""
    code = p.feature_code or ""
    if not (_unread(p) or code == "PPLX") or _own_settlement(doc.text, p):
        return None
    towns = [q for q in places if q is not p and q.latitude is not None and (q.feature_code or "").startswith("PPL")
             and (q.feature_code or "") != "PPLX"]
    for q in towns:
        if q.start >= p.end and _PART_THEN_TOWN.fullmatch(doc.text, p.end, q.start):
            return q
        if q.end <= p.start and _TOWN_THEN_PART.fullmatch(doc.text, q.end, p.start):
            return q
    return None


def _own_settlement(text: str, p: Place) -> bool:
    return bool(_OWN_SETTLEMENT.match(text, p.end) or _OWN_BEFORE.search(text, max(0, p.start - 20), p.start))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _inside(doc: Doc, p: Place, outer: Place) -> EventPlace:
    """``p`` named inside ``outer`` but read elsewhere: its name, at ``outer`` (precision 2 at a town, else 3)."""
    name = doc.text[p.start : p.end]
    town = (outer.feature_code or "").startswith(_TOWN_CODES)
    return EventPlace(location=name, latitude=outer.latitude, longitude=outer.longitude,
                      country=country_name(outer.country_code), iso2=outer.country_code, admin1=outer.admin1,
                      geo_precision=2 if town else 3, evidence=Span(p.start, p.end),
                      reason=f"read outside its named container; placed at {outer.name}")


def _coded_elsewhere(doc: Doc, places: Sequence[Place]) -> tuple[Place, bool] | None:
    """A place the text says the event is coded to, in another sentence ("... across Dara
    governorate. Coded to provincial capital Dar'a."), when the event's own sentence says none."""
    if "coded" not in doc.text.lower():
        return None  # every such cue says "coded": a story without the word has none (most stories)
    if any(_CODED_AT.search(doc.text, max(0, p.start - 40), p.start) for p in places):
        return None
    coded = [p for p in _toponyms(doc, 0, len(doc.text)) if _CODED_AT.search(doc.text, max(0, p.start - 40), p.start)]
    return (coded[0], False) if coded else None


def _toponyms(doc: Doc, start: int, end: int) -> list[Place]:
    return [p for p in doc.places or () if p.role == "toponym" and start <= p.start and p.end <= end]


def _best(doc: Doc, places: Sequence[Place], trigger: Span, sentence: Sentence) -> tuple[Place, bool] | None:
    text = doc.text
    orgs = [e for e in doc.entities or () if e.label == "ORG"]
    scored = []
    for p in places:
        if _not_a_location(text, p):
            continue
        cue, near = _cue(text, p)
        scored.append((cue + _context_score(text, p, places, trigger, sentence, orgs), -p.start, p, near))
    if not scored:
        return None
    score, _, place, near = max(scored, key=lambda s: (s[0], s[1]))
    return place, near


def _context_score(text: str, p: Place, places: Sequence[Place], trigger: Span, sentence: Sentence,
                   orgs: Sequence[Entity]) -> float:
    """Everything but the cue words: nearness to the trigger, specificity, the other places, the frame."""
    gap = p.start - trigger.end if p.start >= trigger.end else trigger.start - p.end
    score = -min(abs(gap), 300) / CHARS_PER_POINT + _specificity(p) - _container_penalty(text, p, places)
    score += ATTACHED_BONUS if _attached(text, trigger, p) else 0.0
    score += SCENE_BONUS if _SCENE.match(text, sentence.start, p.start) and _contained(text, p, places) else 0.0
    if any(e.start <= p.start and p.end <= e.end and (e.end - e.start) > (p.end - p.start) for e in orgs):
        score -= ORG_NAME_PENALTY  # "the Confederation of Indigenous Nationalities of Ecuador": a name, not a place
    return score - _facility_penalty(text, p, places)


# The trigger's own locative phrase: "were captured in Afghanistan", "was shot dead Sunday in Harare".
_ATTACHED = re.compile(r"\s*(?:[\w'-]+\s+){0,3}?(?:in|at|inside|near|outside|into|on|across)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?", re.I)


def _attached(text: str, trigger: Span, p: Place) -> bool:
    return p.start >= trigger.end and _ATTACHED.fullmatch(text, trigger.end, p.start) is not None


def _contained(text: str, p: Place, places: Sequence[Place]) -> bool:
    """Whether the text names ``p``'s container right after it ("San Juan (San Juan)", "Hajin, Deir ez-Zor")."""
    return any(q.start > p.end and re.fullmatch(r"\s*[(,]\s*", text[p.end : q.start]) for q in places)


def _not_a_location(text: str, p: Place) -> bool:
    """"US-led coalition" names a country as a modifier; "near the border with Iraq" names the far
    side of a border; "the invasion of Ukraine" names what protesters are against: none is where the
    event happened, even when nothing else is named."""
    return topic_place(text, p) or bool(_COMPOUND.match(text[p.end : p.end + 15]) or _BORDER_WITH.search(text[max(0, p.start - 20) : p.start]))


def _cue(text: str, p: Place) -> tuple[float, bool]:
    """How strongly the words around ``p`` make it the event's place, and whether they say "near"."""
    before = text[max(0, p.start - 40) : p.start]
    after = text[p.end : p.end + 15]
    at = _AT.search(before) is not None
    if _CODED_AT.search(before):
        return CODED_CUE, False
    if _COMPOUND.match(after):
        return -2.0, False  # "US-led", "Saudi-backed": a modifier, not a location
    if _ELSEWHERE.search(before) and not _AT.search(before[-12:]):
        return -2.0, False
    if _AREA_AFTER.match(after):
        return 2.5, True
    if _RELATIVE_TO.search(before):
        return 0.5, True  # "260 kilometers south of Cairo": a landmark to measure from
    if _NEAR.search(before):
        return 2.3, True
    return (2.5, False) if at else (0.0, False)


def _container_penalty(text: str, p: Place, places: Sequence[Place]) -> float:
    """A place named as the container of another ("Huriyah neighborhood of Baghdad", "Hajin,
    Deir ez-Zor") is where the event happened only if the smaller place is not."""
    for q in places:
        # "forces of Pakistan in Kharan city": a town holds no country or province.
        if q.end <= p.start and p.start - q.end <= 30 and not (_size(q) >= 2 and _size(q) > _size(p)) and (
                _CONTAINS.match(text[q.end : p.start]) or _SETTLEMENT_END.search(text, q.start, q.end)
                and _OF_IN.match(text[q.end : p.start])):
            return 1.5  # "Kayamla village of Konduga LGA" as well
        if p.end <= q.start and q.start - p.end <= 40 and _CONTAINS_NEXT.match(text[p.end : q.start]):
            return 1.5
    return 0.0


def _size(p: Place) -> int:
    """0 a town or an unresolved name, 1 a district, 2 a first-level division or region, 3 a country."""
    code = p.feature_code or ""
    return 3 if code.startswith("PCL") else 2 if code.startswith(("ADM1", "RGN")) else 1 if code.startswith("ADM") else 0


def _facility_penalty(text: str, p: Place, places: Sequence[Place]) -> float:
    """"the Rio Rosas bar in Chihuahua", "Virginia Tech in Blacksburg": a building's or a campus's
    name is coded at the town it stands in when the sentence names that town."""
    m = _FACILITY_IN.match(text, p.end)
    if m is None:
        return 0.0
    return 1.5 if any(q.start == m.end() for q in places if q is not p) else 0.0


def _unread(p: Place) -> bool:
    """A place with no reading of its own: unresolved, or only estimated at the story's focus
    (geo.focus). An event there is coded as at an unknown place (its container, else the
    country), not at the estimate, which the text does not support."""
    return p.latitude is None or p.reason == AT_FOCUS


def _specificity(p: Place) -> float:
    """The smallest place named wins a tie: an event is coded at the most precise location given.
    A name the gazetteer lacks is most often a village or a quarter."""
    code = p.feature_code or ""
    if _unread(p):
        return 0.8
    if code in ("PPLC", "PPLA"):
        return 0.6
    if code.startswith("PPL"):
        return 0.8
    if code.startswith(("ADM2", "ADM3")):
        return 0.5
    if code.startswith(("ADM1", "RGN")):
        return 0.2
    return -0.5


def _article_place(doc: Doc) -> Place | None:
    """The article's first resolved town or division, else its dateline place."""
    toponyms = [p for p in doc.places or () if p.role in ("toponym", "dateline") and not _unread(p)]
    # The dateline is where the reporter files from: used only when the story names nothing else.
    story = [p for p in toponyms if p.role != "dateline"]
    local = [p for p in story if not (p.feature_code or "").startswith("PCL")]
    return (local or story or toponyms or [None])[0]


def _coded(doc: Doc, p: Place, *, near: bool, reason: str) -> EventPlace:
    if _unread(p):
        return _unresolved(doc, p)
    code = p.feature_code or ""
    if code.startswith(_TOWN_CODES):
        precision = 2 if near else 1
    elif code.startswith(("ADM2", "ADM3", "ADMD")):
        precision = 2
    else:
        precision = 3
    return EventPlace(
        location=_location_name(doc, p), latitude=p.latitude, longitude=p.longitude, geonameid=p.geonameid,
        country=country_name(p.country_code), iso2=p.country_code, admin1=p.admin1, admin2=p.admin2,
        geo_precision=precision, evidence=Span(p.start, p.end), reason=f"{reason}: {p.reason or ''}".strip(),
    )


def _location_name(doc: Doc, p: Place) -> str:
    if (p.feature_code or "").startswith("PCL"):
        return country_name(p.country_code) or p.name or doc.text[p.start : p.end]
    return p.name or doc.text[p.start : p.end]


def _unresolved(doc: Doc, p: Place) -> EventPlace:
    """A place the gazetteer lacks: keep its name, locate it at the smallest area the text supports."""
    name = p.name or doc.text[p.start : p.end]
    area, named = _container(doc, p)
    if area is not None:
        town = named and (area.feature_code or "").startswith(_TOWN_CODES)
        return EventPlace(location=name, latitude=area.latitude, longitude=area.longitude,
                          country=country_name(area.country_code), iso2=area.country_code, admin1=area.admin1,
                          admin2=area.admin2, geo_precision=2 if town else 3, evidence=Span(p.start, p.end),
                          reason=f"unresolved; placed at {area.name}" + (", named as its container" if named else ""))
    iso2 = story_country(doc) or _actors_country(doc)
    lat, lon = COUNTRY_CENTRES.get(iso2, (None, None)) if iso2 else (None, None)
    return EventPlace(location=name, latitude=lat, longitude=lon, country=country_name(iso2), iso2=iso2,
                      geo_precision=3, evidence=Span(p.start, p.end), reason="unresolved; placed at the story's country")


def _container(doc: Doc, p: Place) -> tuple[Place | None, bool]:
    """The smallest area the text places ``p`` in: the first resolved town or division named just
    after it ("X village in Idlib governorate", "X area in Srinagar city", "X (Aguata, Anambra)"),
    else a town of the story inside a division it names, else that division, else the article's
    first resolved town; and whether the
    text names it as the container."""
    resolved = [q for q in doc.places or () if q.role in ("toponym", "dateline") and q.latitude is not None
                and not (q.feature_code or "").startswith("PCL")]
    after = [q for q in resolved if p.end <= q.start <= p.end + CONTAINER_REACH
             and not re.search(r"[.;]\s", doc.text[p.end : q.start])]
    divisions = [q for q in resolved if (q.feature_code or "").startswith(("ADM1", "ADM2"))]
    if after:
        return after[0], True
    # The dateline is where the reporter files from (BEIRUT for a story about Syria): a last resort.
    story = [q for q in resolved if q.role != "dateline"] or resolved
    # A town of the story inside the division it names is a smaller area than the division
    # ("in Manaus (Amazonas), ... in the Novo Aleixo neighborhood": Manaus, not Amazonas' middle).
    towns = [q for q in story if (q.feature_code or "").startswith(_TOWN_CODES)
             and any((d.country_code, d.admin1) == (q.country_code, q.admin1) for d in divisions)]
    return (towns or divisions or story or [None])[0], False


def _actors_country(doc: Doc) -> str | None:
    """The country of the story's first actor that has one ("Military Forces of Yemen", "Kashmir
    Rebels (India)"): when no place resolves, the country the event most likely happened in.
    Forces abroad (ACLED's external forces, type 8) say nothing of where they act."""
    return next((a.country for a in doc.actors or () if a.country and a.inter != EXTERNAL_FORCES), None)


def _country_only(doc: Doc) -> EventPlace:
    iso2 = story_country(doc) or _actors_country(doc)
    if not iso2:
        return EventPlace(None)
    lat, lon = COUNTRY_CENTRES.get(iso2, (None, None))
    return EventPlace(location=country_name(iso2), latitude=lat, longitude=lon, country=country_name(iso2),
                      iso2=iso2, geo_precision=3, reason="no place named: the story's country")


def seated(doc: Doc, where: EventPlace, seat_of: SeatOf | None) -> EventPlace:
    """An event placed at the middle of a first-level division or a country moves to the area's
    seat (its capital or main town), where ACLED codes an event known only to that area; its
    name, precision and evidence stay."""
    if seat_of is None or where.geo_precision != 3 or where.latitude is None or not where.iso2:
        return where
    point = (where.latitude, where.longitude)
    division = next((p for p in doc.places or () if (p.feature_code or "").startswith("ADM1")
                     and (p.latitude, p.longitude) == point and p.country_code and p.admin1), None)
    if division is not None:
        seat = seat_of(division.country_code, division.admin1)
    elif COUNTRY_CENTRES.get(where.iso2) == point or any(
            (p.feature_code or "").startswith("PCL") and (p.latitude, p.longitude) == point for p in doc.places or ()):
        seat = seat_of(where.iso2, None)
    else:
        return where
    return replace(where, latitude=seat[0], longitude=seat[1]) if seat else where
