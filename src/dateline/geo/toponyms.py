"""Finding toponyms: the NER's places, plus what it misses, as :class:`Mention` records.

Beyond GPE/LOC/FAC entities: "the village of X", "X province", "X countryside", a place after a
locative preposition that the NER took for a person or missed, and a toponym leading an
organisation's name ("Aleppo Media Center"). Those rule-found mentions are ``loose``: reported
only when the gazetteer resolves them with confidence. Demonyms become country context.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..model import Entity
from .countries import countries, demonym_country
from .normalize import fold
from .resolve import Mention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_JOINERS = "al|el|ez|ad|as|ash|an|ar|at|az|de|del|du|la|le|los|las|dos|das|do|da|di|imeni|y|e"
# A name going on with a joining word after what the NER took for all of it.
_JOINED = re.compile(r"[ -](?:" + _JOINERS + r")[ -][A-Z]")
# A word of a name; an initialism keeps its periods ("U.S.", "N.D.", "L.A.").
_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:St|Ste|Mt|Ft|Pt)\.(?= [A-Z])|[A-Z][\w'\u2019-]*)"
_NAME = (r"(?:(?:al|el|as|ash|ad|ar|az|at|an)-)?" + _WORD + r"(?:[ -](?:(?:" + _JOINERS + r")[ -]){0,2}" + _WORD + r"){0,3}")
# Words that, after a name, say it is an administrative division.
DIVISION_AFTER = ("province", "governorate", "district", "region", "county", "parish", "state",
                  "oblast", "prefecture", "municipality", "department", "territory", "subdistrict", "borough")
# Words that, after a name, name the area around a place ("Idlib countryside").
AREA_AFTER = ("countryside", "outskirts", "suburbs", "area", "environs", "hinterland")
SETTLEMENT_OF = ("village", "town", "city", "hamlet", "township", "settlement", "neighborhood",
                 "neighbourhood", "suburb", "camp", "port", "island")
# Words after a name that make it a part of a town ("the Shijaia neighborhood", "Mubingi commune").
_QUARTER_AFTER = ("neighborhood", "neighbourhood", "commune", "township", "quarter")
_OF = re.compile(r"\b(" + "|".join(SETTLEMENT_OF + DIVISION_AFTER + ("capital", "outskirts", "region")) +
                 r")[ \t]+of[ \t]+(?:the[ \t]+)?(" + _NAME + r")")
_AFTER = re.compile(r"\b(" + _NAME + r") (" + "|".join(DIVISION_AFTER + AREA_AFTER + ("city", "town", "village")
                                                      + _QUARTER_AFTER) + r")\b")
# "the towns of Jubb Al-Jarrah and Mas Idyah", "the settlements of A, B and C": each is a place.
_PLURAL_OF = re.compile(r"\b(?:villages|towns|cities|settlements|neighbou?rhoods|districts|provinces|areas|regions|"
                        r"camps|suburbs) of (?:the )?((?:" + _NAME + r",\s*)*" + _NAME + r",?\s+and\s+" + _NAME + ")")
# "the battle for Manbij", "attacks on Aleppo", "the regional capital, Grozny": a place is fought over or governed from.
_FOUGHT_OVER = re.compile(r"\b(?:battle|siege|fight|assault|offensive|attacks?|airstrikes?|air strikes?|raids?|shelling)"
                          r"[ \t]+(?:for|of|on|against)[ \t]+(?:the[ \t]+)?(" + _NAME + r")"
                          r"|\bcapital,[ \t]+(" + _NAME + r")")
# "northeast of Karmah": a place as surely as "in" or "near" says.
_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+$", re.I)
_LOCATIVE = re.compile(r"\b(?i:in|near|at|outside|inside|from|to|into|towards?|around|across|through|throughout|along|of|vicinity of|"
                       r"(?:captur|seiz|storm|enter|shell|bomb|besieg|overr|recaptur|liberat|patroll?|raid|target|occup(?:y|ie|ied))(?:e|ed|es|ing|an|un|s)?)[ \t]+(?:the[ \t]+)?"
                       r"(?i:(?:north|south|east|west|central|rural|downtown|(?:north|south)?(?:east|west)(?:ern)?|northern|southern)\s+)?"
                       r"(" + _NAME + r")")
# Containers in brackets after a name: "Tulua (Valle del Cauca)", "Elwulobia (Aguata, Anambra)".
_BRACKETED = re.compile(r"(?<=[\w.)]) ?\(((?:" + _NAME + r")(?:, ?(?:" + _NAME + r"))*)\)")
# A name after a placed name and a comma, ending the phrase: "at Maryine, Kherson." names its container.
_COMMA_CONTAINER = re.compile(r"(?:\s+(?:district|village|town|city|area|community|raion|township|municipality|"
                              r"neighbou?rhood|suburb|camp))?, ?(" + _NAME + r")(?=\s*[.,;:)(]|$)")
# A wire dateline inside the text ("... title. TORRINGTON — The town ..."): capitals before a dash.
_WIRE = re.compile(r"(?:^|\n|[.!?]\s|(?<=\d{4})\s)\s*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
                   r"\s*(?:\([^)\n]{1,30}\)\s*)?(?:-{1,3}\s|[\u2013\u2014]-?(?:\s|(?=[A-Z])))")
# ... or before a colon ("... crops . BEIRUT: Israel ..."): a heading may look the same ("NOTICE:"),
# so such a name is reported only when the gazetteer resolves it with confidence.
_WIRE_COLON = re.compile(r"(?:^|\n|[.!?]\s)\s*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}): (?=[A-Z\"\u201c])")
_PLURAL_DIVISIONS = r"(?:counties|provinces|districts|parishes|governorates|regions|states|prefectures|municipalities)"
_LIST_NAME = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}"
# "Barrow, Jackson and Madison counties": each name of the list is a division.
_DIVISION_LIST = re.compile(r"((?:" + _LIST_NAME + r",\s*)*" + _LIST_NAME + r",?\s+(?:and|or)\s+" + _LIST_NAME + r")\s+"
                            + _PLURAL_DIVISIONS + r"\b")
# ... or before a state's abbreviation ("SALINA, Kan. Strong winds", "COVINGTON, Ky. (AP)").
_WIRE_STATE = re.compile(r"(?:^|\n|[.!?]\s|(?<=\d{4})\s)\s*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}),\s*"
                         r"([A-Z][a-z]{1,4}\.(?:\s?[A-Z][a-z]?\.)?)\s")
_DIVISION_NEXT = re.compile(r"(?:(?:,\s*" + _LIST_NAME + r")*,?\s+(?:and|or)\s+" + _LIST_NAME + r")?\s+(?:"
                            + "|".join(DIVISION_AFTER) + "|" + _PLURAL_DIVISIONS + r")\b")
_SETTLEMENT_NEXT = re.compile(r"\s+(?:town|village|city|hamlet)\b")
# A toponym before words for its people or its local government ("Alexandria woman", "Tillsonburg
# Mayor", "the Joliet Police"): the NER often takes such a town for a person.
_LOCAL_NEXT = re.compile(r"(" + _NAME + r") (?=(?:man|woman|men|women|boy|girl|teen|teenager|resident|residents|native|"
                         r"couple|family|Police|Sheriff|Mayor|City Council|City Manager|Town Council|councillor|"
                         r"Fire Department)\b)")
# Initials before the words for a force or its ground ("DPR positions", "STF troops"): an armed
# group, kept as a place only if the gazetteer knows it.
_INITIALS_OF_FORCE = re.compile(r"([A-Z][A-Z&-]{1,5})'?s? (?:positions?|forces|troops|fighters|militants|militia|members|"
                                r"soldiers|units?|personnel|checkpoints?|bases?|camps?|strongholds?|lines)\b")
# A legislator's party and home ("Sen. Bob Casey, D-Pa.", "Rep. Torrey Westrom, R-Elbow Lake").
_PARTY = re.compile(r"(?<![\w-])(?:[DRI]|DFL)-(" + _NAME + r")")
# "a Denver-based company", "the Sligo-born singer": the name before is a place ("U.S.-led": weaker,
# a group leads too).
_PLACE_COMPOUND = re.compile(r"(?<![\w-])((?:[A-Z]\.)+|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})-(based|born|bred|raised|"
                             r"headquartered|area|led)\b")
# Two names joined by a hyphen or a dash ("Fargo-Moorhead", "Paris-Henry County", "EU-Israel
# summit"): each may be a place; only a confident reading counts.
_NAME_PAIR = re.compile(r"(?<![\w.-])([A-Z][A-Za-z]+(?: [A-Z][a-z]+){0,2})[-\u2013]\s?([A-Z][A-Za-z]+(?: [A-Z][a-z]+){0,2})(?![\w-])")
# ... but not a people's adjective ("African-American", "Anglo-Saxon").
_PEOPLES = re.compile(r"(?:ican|ian|ean|ese|ish)$|^(?:Anglo|Afro|Franco|Sino|Indo|Greco|Austro|Judeo)$")
# Prepositions after which an unknown capitalised name is still taken for a place.
_STRONG_LOCATIVE = frozenset({"in", "near", "at", "outside", "inside", "around", "vicinity", "through", "throughout"})
# Verbs whose object is a place taken or struck ("captured Knin", "shelled Hajin"): strong as well.
_TAKING = re.compile(r"(?:captur|seiz|storm|enter|shell|bomb|besieg|overr|recaptur|liberat|patrol|raid|occup|target)", re.I)
# (Not streets, roads, squares or bridges: "Francis Street" and "Haifa Street" are not in Francis or Haifa.)
_FACILITY_WORDS = frozenset("""airport base air airbase mosque church hospital university
camp prison port harbour harbor station district neighborhood neighbourhood market stadium palace hotel""".split())
# Words after a place's name in an organisation's name ("Gainesville Police Department"); not a
# newspaper's words: "The Moscow Times" is read as a title, not a place.
_ORG_WORDS = frozenset("""police department dept city county state university college school schools council
board fire sheriff sheriff's army navy air force forces military embassy senate congress house attorney
marshals coast guard national federal hospital court district chamber public library community high police's
airport regional area symphony museum zoo transit utilities water housing office commission committee
government municipal parish township village town jail courthouse hall society association club church center
centre bureau agency authority superior circuit civic senior correctional commissioners daily journal herald
tribune gazette""".split())
# Words of an organisation's name that belong to the place it is named after ("Edgar County Sheriff").
_NAME_PART = frozenset({"county", "parish", "city", "township", "borough"})
# Words that end a place's name though they never start one alone.
_NAME_END = frozenset({"County", "City", "Parish", "Lake", "River"})
# First words naming a part of a place ("South Philadelphia", "Greater Manchester").
PART_OF = frozenset("""north south east west northeast northwest southeast southwest central northern southern
eastern western northeastern northwestern southeastern southwestern upper lower greater metro metropolitan
downtown inner outer rural""".split())
# Between a place and the container named right after it: a comma or an opening bracket, maybe after
# the word saying what the place is ("Kanii village (Masisi, ...)", "Gawardaz village, Sarbaz").
_CONTAINER_GAP = re.compile(r"(?: (?:village|town|city|hamlet|township|district|municipality|commune|locality|area))?"
                            r" ?[,(] ?")
_COMPASS_SUFFIX = re.compile(r"^([A-Z][\w' -]*?)-(?:North|South|East|West|Central|Northeast|Northwest|Southeast|Southwest)$")
# A name ending in an initialism keeps its last period ("U.S.", "D-N.D.").
_INITIALISM_END = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]?\.$")
_ADJECTIVAL = re.compile(r"(?:ean|ian|ish|ese|ic|al)$")
# A compound saying who holds or runs a place ("Serb-held", "Taliban-controlled") names no place.
_HELD = re.compile(r"-(?:held|controlled|led|run|backed|based|occupied|dominated|ruled|allied|populated)\b", re.I)
_UNCLOSED = re.compile(r" \([^)]*$")
# A span ending in a word that never ends a place's name ("the Nur Complex in"): the NER ran on.
_TRAILING_WORD = re.compile(r" (?:in|of|at|on|near|and|the|to|from)$")
# The NER's place cut short: after a joining word, or a first word that never stands alone.
_CUT_NAME = re.compile(r"(?:[ -](?:" + _JOINERS + r")|^(?:San|Santa|Santo|Sao|S\u00e3o|St\.?|Saint|Sainte|Port|Fort|Mount|"
                       r"Lake|Cape|Ciudad|Puerto|Villa|Nueva|Nuevo|New))$")
# After a name, the words for a group's forces or ground: the name is the group's ("Houthi positions").
_FORCE_AFTER = re.compile(r"'?s? (?:positions?|forces|troops|fighters|militants|militia|members|soldiers|units?|"
                          r"personnel|strongholds?|rebels|insurgents)\b")
# Titles that a capitalised word before them belongs to ("Prime Minister", "Vice President").
_TITLES = frozenset({"Minister", "President", "General"})
# After a saint's name with its possessive, what shows the possessive is the name's end, not whose
# thing follows ("in St. John's, ...", but "St. Mary's High School", "St. Michael's pupils").
_NAME_DONE = re.compile(r"\s*(?:[,.;:()]|$)|\s+(?:in|on|at|to|and|of|for|with|is|was|were|has|had|said)\b")
# A saint's name: its possessive is part of a place's name ("St. John's", "Saint George's").
_SAINT = re.compile(r"(?:St|Ste|Saint)\.? [A-Z][\w-]*['\u2019]s$")
# Leading words never part of a toponym's span.
_DROP_START = ("the ", "The ")
_DIVISION_SET = frozenset(DIVISION_AFTER)
# Divisions' words as local papers abbreviate them.
_DIVISION_ABBREVIATION = {"co": "County", "cnty": "County", "twp": "Township", "par": "Parish"}
# Sentence openers a capitalised run may start with ("An Alexandria woman").
_LEADING = frozenset("""A An The Another Every One Two Three Four Five Several Many Some Missing Local Former Young
Older Elderly Area When After Before Police Officials""".split())
_AREA_SET = frozenset(AREA_AFTER)
# Capitalised words that start sentences or titles and are not places.
_NOT_PLACE = frozenset("""The A An In On At Of And But Or For To From By With He She It They We I You His Her Their
Its This That These Those There Here When Where While After Before Since Monday Tuesday Wednesday Thursday Friday
Saturday Sunday January February March April May June July August September October November December Mr Mrs
Ms Dr President Minister General Police Army Islamic State God North South East West Northern Southern Eastern
Western Central Many Some All Ramadan Christmas Easter Eid County City Street Road Avenue Highway Route Interstate Lake River""".split())


def query_and_hint(surface: str) -> tuple[str, str | None, str | None]:
    """The name to look up, the name without its last word if that word classifies it, and what
    the word says: "Idlib province" -> ("Idlib province", "Idlib", "division")."""
    words = surface.split()
    if len(words) > 1:
        last = words[-1].lower()
        if last.rstrip(".") in _DIVISION_ABBREVIATION:  # "Loudon Co.", "Tewksbury Twp."
            name = " ".join(words[:-1])
            return f"{name} {_DIVISION_ABBREVIATION[last.rstrip('.')]}", name, "division"
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
    while end > start and text[end - 1] in ".,;:!?)\"'\u2019 " and not _INITIALISM_END.search(text, start, end):
        end -= 1
    if text[start:end].endswith(("'s", "\u2019s")) and not (_SAINT.match(text, start, end) and _NAME_DONE.match(text, end)):
        end -= 2  # "Russia's": the place without its possessive; "in St. John's (...)" keeps it (its name)
    while start < end and text[start] in "(\"'\u2018\u201c ":
        start += 1
    tail = _TRAILING_WORD.search(text, start, end)
    return (start, tail.start()) if tail and tail.start() > start else (start, end)


@dataclass(frozen=True, slots=True)
class Found:
    """A span the finder proposes: ``loose`` if only a confident resolution counts, ``keep`` if it
    stays in the places (unresolved) when it does not resolve."""

    start: int
    end: int
    loose: bool = False
    keep: bool = True


def mentions_from_spans(text: str, spans: Iterable[tuple[int, int] | Found]) -> list[Mention]:
    """Mentions for given spans, in text order; "X, Y" pairs make Y the container of X."""
    items = sorted({s if isinstance(s, Found) else Found(int(s[0]), int(s[1])) for s in spans},
                   key=lambda f: (f.start, f.end))
    out: list[Mention] = []
    for f in items:
        query, fallback, hint = query_and_hint(text[f.start : f.end].strip())
        fallback = fallback or _leading_name(query) or _without_possessive(query)
        if hint is None and _DIVISION_NEXT.match(text, f.end):
            hint = "division"  # "the Sagaing region": the NER left the word out of the span
        elif hint is None and _SETTLEMENT_NEXT.match(text, f.end):
            hint = "settlement"  # "Banin town": a town, not the country Benin
        out.append(Mention(f.start, f.end, query, hint, fallback=fallback, loose=f.loose, keep=f.keep))
    return _link_containers(text, out)


def _without_possessive(query: str) -> str | None:
    """"St. Petersburg's" (a saint's name keeps its possessive, see :func:`trim`): looked up without it
    when the gazetteer does not know it with it ("St. John's" it does)."""
    return query[:-2] if _SAINT.match(query) else None


def _leading_name(query: str) -> str | None:
    """"Beirut airport", "Incirlik Air Base": the leading name, looked up if the whole is unknown;
    "South Philadelphia", "Northeast Georgia": the place a part of it is named after."""
    words = query.split()
    if len(words) > 1 and words[0].lower() in PART_OF:
        return " ".join(words[1:])
    suffix = _COMPASS_SUFFIX.match(query)
    if suffix:  # "Shan-North", "Yangon-East": a part of the division named before the compass word
        return suffix.group(1)
    for k in range(1, len(words)):
        if words[k].lower() in _FACILITY_WORDS:
            return " ".join(words[:k])
    return None


def _link_containers(text: str, mentions: list[Mention]) -> list[Mention]:
    out = list(mentions)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        # "Hajin, Deir ez-Zor", "Tulua (Valle del Cauca)", "Kanii village (Masisi, Nord-Kivu)"
        if _CONTAINER_GAP.fullmatch(text, a.end, b.start):
            out[k] = dataclasses.replace(a, container=k + 1)
    return out


def find_spans(text: str, entities: Sequence[Entity], body_start: int) -> list[Found]:
    """Toponym spans in the body: NER places first, then rule-found ones that overlap none."""
    found = _ner_spans(text, entities, body_start)
    taken = [(f.start, f.end) for f in found]
    # An organisation's name that runs past the span ("in Reuters' Beirut bureau") vetoes keeping it unresolved.
    # A short one may itself be places ("Maryine, Kherson", see _org_spans): no veto.
    # An "organisation" running into an unclosed bracket ("Palencia (Castilla y Leon") is the NER's slip: no veto.
    orgs = [(e.start, e.end) for e in entities if e.label == "ORG" and not _short_names(text[e.start : e.end])
            and not _UNCLOSED.search(text[e.start : e.end])]
    blocked = [(e.start, e.end) for e in entities if _blocks(e, text)]
    for start, end, strong in _rule_spans(text, body_start):
        span = (start, end)
        if nationality(text[start:end]):
            continue  # "of Turkish troops": a nationality, not a place
        if strong and _extends(span, found, text):
            # "Deir ez Zor" where the NER saw "Deir": the rule's longer name replaces the NER's prefix
            found = [f for f in found if not (start <= f.start and f.end <= end)] + [Found(start, end)]
            taken = [t for t in taken if not (start <= t[0] and t[1] <= end)] + [span]
        elif not _overlaps(span, taken) and not _overlaps(span, blocked):
            found.append(Found(start, end, loose=True, keep=strong and not _inside_longer(span, orgs)))
            taken.append(span)
    for start, end in [*_org_spans(text, entities, body_start), *_pair_spans(text, body_start)]:
        if not _overlaps((start, end), taken) and not nationality(text[start:end]):
            found.append(Found(start, end, loose=True, keep=False))
            taken.append((start, end))
    return [dataclasses.replace(f, keep=False) if _force_initials(text, f) else f for f in found]


def _force_initials(text: str, f: Found) -> bool:
    """Whether the span is a group's initials before the words for its forces ("DPR positions")."""
    m = _INITIALS_OF_FORCE.match(text, f.start)
    return m is not None and m.end(1) == f.end


def _ner_spans(text: str, entities: Sequence[Entity], body_start: int) -> list[Found]:
    """The NER's places in the body, split at commas; not demonyms, common nouns or "Serb-held"."""
    found = []
    for ent in entities:
        if ent.label in PLACE_LABELS and ent.start >= body_start and not nationality(text[ent.start : ent.end]):
            for start, end in _split_entity(text, ent.start, ent.end):
                if not text[start:end][:1].isupper() or _HELD.search(text[start:end]):
                    continue  # "the gulf", "downtown": not a proper name; "Serb-held": who holds it
                start, end = ner_place_head(text, start, end)
                found.append(Found(start, end, loose=ent.label == "FAC", keep=True))
    return found


def _extends(span: tuple[int, int], found: Sequence[Found], text: str) -> bool:
    """Whether the NER's places overlapping ``span`` all lie inside it, one starting where it starts and
    going on with a joining word ("Deir" of "Deir ez Zor", "Chilpancingo" of "Chilpancingo de los Bravo"),
    or cut after one ("Santa Cruz de la" of "Santa Cruz de la Sierra") or after a name's first word alone
    ("San" of "San Pedro Garza Garcia")."""
    inside = [f for f in found if f.start < span[1] and span[0] < f.end]
    head = next((f for f in inside if f.start == span[0]), None)
    return (head is not None and all(span[0] <= f.start and f.end <= span[1] for f in inside)
            and (_JOINED.match(text, head.end) is not None or _CUT_NAME.search(text[head.start : head.end]) is not None))


def _blocks(ent: Entity, text: str) -> bool:
    """Entities a rule-found place may not overlap: numbers and real dates (the NER also calls
    some towns DATE: "near Turbat")."""
    if ent.label in ("CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME"):
        return True
    if ent.label == "DATE":
        words = text[ent.start : ent.end].split()
        return any(ch.isdigit() for ch in text[ent.start : ent.end]) or any(
            w in _NOT_PLACE or not w[:1].isupper() for w in words)
    return False


def _short_names(surface: str) -> bool:
    """One or two words, or a list of such ("Maryine, Kherson"): the NER's organisation may be places."""
    return all(0 < len(part.split()) <= 2 for part in surface.split(","))


def _org_spans(text: str, entities: Sequence[Entity], body_start: int) -> Iterable[tuple[int, int]]:
    """The place an organisation is named after: "Dublin City Council", "University of Minnesota"."""
    for ent in entities:
        if ent.label != "ORG" or ent.start < body_start:
            continue
        surface = text[ent.start : ent.end]
        if _short_names(surface) and surface[:1].isupper():
            yield from _split_entity(text, ent.start, ent.end)  # the NER's "organisation" may be a place ("Gainesville")
            continue
        head = org_head(surface)
        of = surface.find(" of ")
        if head:  # "the Kansas Department of Transportation": Kansas, not Transportation
            yield trim(text, ent.start, ent.start + head)
        elif of > 0 and surface[:of].split()[-1].lower() in _ORG_WORDS:
            yield trim(text, ent.start + of + 4, ent.end)


# Organisation words that, last in a place's name, may be part of it ("Old Town", "Falls Village",
# "the Gold Coast", "Cacuaco district"): the NER's place is cut only at the others.
_NAME_TAIL = frozenset("""town village coast district area community state national federal public regional
municipal air water housing transit utilities forces""".split())
_NER_CUT = _ORG_WORDS - _NAME_TAIL
_BODY_OF = re.compile(r"(?<=\w) (?:Town|Village|Community|International|Regional|Municipal|National)$")


def ner_place_head(text: str, start: int, end: int) -> tuple[int, int]:
    """The NER's place without the body named after it: "Henrico County Police" -> "Henrico County",
    "Whitestown Town Hall" -> "Whitestown", "the Minnesota House" -> "Minnesota" (the NER took the
    organisation or the building for the place)."""
    head = org_head(text[start:end], words=_NER_CUT)
    if not head or text[start : start + head].lower() in PART_OF:  # "North Hall": a name, not "North"'s hall
        return (start, end)
    bare = _BODY_OF.search(text, start, start + head)  # "Oakdale Town Hall": the hall of the town Oakdale
    return trim(text, start, bare.start() if bare else start + head)


def org_head(surface: str, *, words: frozenset[str] = _ORG_WORDS) -> int | None:
    """Length of the place an organisation's name starts with: "Gainesville Police Department" ->
    "Gainesville", "Edgar County Sheriff's Office" -> "Edgar County" (a county is part of the place's
    name), "Greer City Hall" -> "Greer City" (looked up without "City" if unknown); None when no organisation word follows a name."""
    org_words = words
    words = surface.split(" ")
    first = 1 if words[0] in ("the", "The") and len(words) > 2 else 0  # "the Kansas Department"
    for k in range(first + 1, min(len(words), first + 5)):
        word = words[k].lower().split("-")[0]  # "Journal-Constitution"
        if word in _NAME_PART:
            after = words[k + 1] if k + 1 < len(words) else ""
            if after[:1].isupper() and after.lower().rstrip("'s\u2019") not in org_words | _NAME_PART:
                return len(" ".join(words[: k + 1]))  # "Franklin County Auditor's Office": the county's
            continue
        if _INITIALISM_END.search(words[k - 1]) and words[k][:1].isupper():
            return len(" ".join(words[:k]))  # "U.S. Geological Survey": the initialism is the place
        if word in org_words and words[first][:1].isupper():
            # "European Commission", "Democratic Party": an adjective, not a place, heads the name.
            named = [w for w in words[:k] if w not in ("The", "the")]
            return None if len(named) == 1 and _ADJECTIVAL.search(named[0]) else len(" ".join(words[:k]))
        if not words[k][:1].isupper():
            return None
    return None


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


def _rule_spans(text: str, body_start: int) -> Iterable[tuple[int, int, bool]]:
    """(start, end, strong): strong when the words around the name say it is a place. Earlier rules
    win where two find overlapping names (see find_spans)."""
    yield from _classified_spans(text, body_start)
    yield from _listed_spans(text, body_start)
    yield from _wire_spans(text, body_start)
    yield from _locative_spans(text, body_start)
    yield from _compound_spans(text, body_start)


def _pair_spans(text: str, body_start: int) -> Iterable[tuple[int, int]]:
    """Each name of "Fargo-Moorhead", "Paris-Henry County", "the EU-Israel summit" (after every other
    rule: "KwaZulu-Natal" found otherwise stays whole)."""
    for m in _NAME_PAIR.finditer(text, body_start):
        if not any(_PEOPLES.search(m.group(k)) for k in (1, 2)):
            yield from (_name_span(text, m.start(k), m.end(k)) for k in (1, 2))


def _compound_spans(text: str, body_start: int) -> Iterable[tuple[int, int, bool]]:
    """"Denver-based", "Sligo-born": a place before a compound's verb."""
    body = text[body_start:]
    for m in _PLACE_COMPOUND.finditer(body):
        if _PEOPLES.search(m.group(1)):
            continue  # "African-led": a people leads
        yield trim(text, body_start + m.start(1), body_start + m.end(1)) + (m.group(2) != "led",)



def _classified_spans(text: str, body_start: int) -> Iterable[tuple[int, int, bool]]:
    """Names a word classifies: "the village of X", "X province", "X (Y, Z)"."""
    body = text[body_start:]
    for m in _OF.finditer(body):
        yield _name_span(text, body_start + m.start(2), body_start + m.end(2)) + (True,)
    for m in _AFTER.finditer(body):
        word = m.group(2).lower()
        end = m.end(2) if word in _DIVISION_SET else m.end(1)
        yield _name_span(text, body_start + m.start(1), body_start + end) + (True,)
    for m in _BRACKETED.finditer(body):
        if not _acronym_list(m.group(1)):
            yield from _bracketed_names(text, body_start + m.start(1), m.group(1))


def _acronym_list(inner: str) -> bool:
    """"(CGT, FO, Sud, FSU)": a bracket of mostly initials lists organisations; the one written in
    lower case ("Sud", a union) is one of them, not a region containing the name before."""
    parts = [p.strip() for p in inner.split(",")]
    return len(parts) > 2 and 2 * sum(p.isupper() for p in parts) > len(parts)


def _listed_spans(text: str, body_start: int) -> Iterable[tuple[int, int, bool]]:
    """Lists of divisions, a town before its people or police, a legislator's home."""
    body = text[body_start:]
    for m in _DIVISION_LIST.finditer(body):
        for part in re.finditer(_LIST_NAME, m.group(1)):
            yield _name_span(text, body_start + m.start(1) + part.start(), body_start + m.start(1) + part.end()) + (True,)
    for m in _LOCAL_NEXT.finditer(body):  # loose: "Jones family" is no place
        yield _name_span(text, _skip_function_words(text, body_start + m.start(1)), body_start + m.end(1)) + (False,)
    for m in _PARTY.finditer(body):
        yield _name_span(text, body_start + m.start(1), body_start + m.end(1)) + (True,)


def _wire_spans(text: str, body_start: int) -> Iterable[tuple[int, int, bool]]:
    """Wire datelines inside the text, a place fought over, the places of a plural list."""
    body = text[body_start:]
    for m in _WIRE.finditer(body):
        yield trim(text, body_start + m.start(1), body_start + m.end(1)) + (True,)
    for m in _WIRE_COLON.finditer(body):
        yield trim(text, body_start + m.start(1), body_start + m.end(1)) + (False,)
    for m in _WIRE_STATE.finditer(body):  # the state's abbreviation keeps its period ("Kan.")
        yield trim(text, body_start + m.start(1), body_start + m.end(1)) + (True,)
        yield body_start + m.start(2), body_start + m.end(2), True
    for m in _FOUGHT_OVER.finditer(body):
        group = 1 if m.group(1) else 2
        yield _name_span(text, body_start + m.start(group), body_start + m.end(group)) + (True,)
    for m in _PLURAL_OF.finditer(body):
        for part in re.finditer(_NAME, m.group(1)):
            yield _name_span(text, body_start + m.start(1) + part.start(), body_start + m.start(1) + part.end()) + (True,)


def _locative_spans(text: str, body_start: int) -> Iterable[tuple[int, int, bool]]:
    """A name after a preposition or a verb of taking, and the container named after it ("at X, Y.")."""
    body = text[body_start:]
    for m in _LOCATIVE.finditer(body):
        word = m.group(0).split(" ", 1)[0].lower()
        strong = word in _STRONG_LOCATIVE or _TAKING.match(word) is not None
        if word == "of" and _COMPASS_BEFORE.search(body, max(0, m.start() - 16), m.start()):
            strong = True
        tail = _COMMA_CONTAINER.match(body, m.end(1))
        if _FORCE_AFTER.match(body, m.end(1)):
            strong = False  # "targeted Houthi positions": a group's, not a place
        held_in = _BRACKETED.match(body, m.end(1)) is not None  # "from Nasko (Magama, Niger)": its containers follow
        yield _name_span(text, body_start + m.start(1), body_start + m.end(1)) + (strong or held_in or tail is not None,)
        if tail:  # "from Mariupol, Donetsk.": a town and its division, whatever the preposition
            yield _name_span(text, body_start + tail.start(1), body_start + tail.end(1)) + (True,)


def _skip_function_words(text: str, start: int) -> int:
    """Past leading words such as "An", "Another", "When" that a capitalised run picked up."""
    while (m := re.match(r"([A-Z][a-z]*) ", text[start:])) and m.group(1) in _LEADING:
        start += m.end()
    return start


def _bracketed_names(text: str, start: int, inner: str) -> Iterable[tuple[int, int, bool]]:
    """Each comma-separated name in the brackets: the places that contain the one just before."""
    pos = start
    for part in inner.split(","):
        s, e = trim(text, pos, pos + len(part))
        if e > s and not text[s:e].isupper():  # "(AFP)", "(SDF)": a source or a group's initials
            yield s, e, True
        pos += len(part) + 1


def _name_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The name's span, cut before any word that cannot be part of a place name ("Zara Thursday")."""
    start, end = trim(text, start, end)
    first = text[start:end].split(" ", 1)[0]
    if _HELD.search(first):  # "Serb-held Ilidza": the place is what follows
        start = min(end, start + len(first) + 1)
    pos = start
    for word in text[start:end].split(" "):
        if word in _NOT_PLACE and not (pos > start and word in _NAME_END):  # "Madison County", "Elbow Lake": one name
            end = start if word in _TITLES else pos  # "the Prime Minister's residence": no place at all
            break
        pos += len(word) + 1
    if end <= start:
        return (start, start)
    start, end = trim(text, start, end)
    head = org_head(text[start:end])  # "Richmond Fire Department": the place is the name before "Fire"
    return trim(text, start, start + head) if head else (start, end)


def _inside_longer(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e and (e - s) > (span[1] - span[0]) for s, e in others)


def _overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    if span[1] <= span[0]:
        return True  # empty: never added
    return any(span[0] < e and s < span[1] for s, e in others)


def nationality(word: str) -> bool:
    """Whether ``word`` is a demonym and not also its country's own name ("Cameroon", "Kiribati"
    name the country itself, though used as adjectives too: they are toponyms)."""
    code = demonym_country(word)
    country = countries().get(code) if code else None
    return code is not None and (country is None or fold(country.name) != fold(word))


def demonym_spans(text: str, entities: Sequence[Entity], body_start: int) -> list[tuple[int, int, str]]:
    """(start, end, ISO2) of each nationality word the NER found (NORP) that names one country."""
    out = []
    for ent in entities:
        if ent.label == "NORP" and ent.start >= body_start:
            code = demonym_country(text[ent.start : ent.end])
            if code:
                out.append((ent.start, ent.end, code))
    return out


# A name ending a clause after another and a comma: "Sulyhivka, Kharkiv." (a place and, if the
# gazetteer says the second is a first-level division, its container).
_COMMA_PAIR = re.compile(r"(?<![\w-])(" + _NAME + r"), (" + _NAME + r")(?=\s*[.,;:)(]|$)")
# Words around a span that may make one name with it: "Port of Spain", "Newfoundland and Labrador".
_JOIN_LEFT = re.compile(r"(?:^|(?<=\s))((?:[A-Z][\w'.-]* ){0,2}[A-Z][\w'.-]*) (?:of|and|of the) $")
_JOIN_RIGHT = re.compile(r" (?:of|and|of the) ([A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2})")


def comma_pairs(text: str, body_start: int) -> Iterable[tuple[tuple[int, int], tuple[int, int]]]:
    """Spans of "X, Y" ending a clause, Y a single name: the caller checks that Y is a division."""
    for m in _COMMA_PAIR.finditer(text, body_start):
        a = _name_span(text, m.start(1), m.end(1))
        b = _name_span(text, m.start(2), m.end(2))
        if a[1] > a[0] and b[1] > b[0]:
            yield a, b


def joined_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Longer spans a name may be part of, by a joining "of"/"and" with capitalised words: "Spain"
    -> "Port of Spain"; the longest first. The caller keeps one the gazetteer knows by its own name."""
    out = []
    left = _JOIN_LEFT.search(text, max(0, start - 48), start)
    if left:
        words = left.group(1).split(" ")
        out += [(left.end(1) - len(" ".join(words[k:])), end) for k in range(len(words))]
    right = _JOIN_RIGHT.match(text, end)
    if right:
        words = right.group(1).split(" ")
        out += [(start, right.start(1) + len(" ".join(words[: k + 1]))) for k in reversed(range(len(words)))]
    return out
