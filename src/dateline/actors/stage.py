"""The actor stage: finds who acts in an article and names them the way ACLED does.

Three finders, in order of trust: the lexicon of named actors (aliases and acronyms), named
organisations from the NER that look like armed groups, and generic nouns ("troops", "gunmen",
"protesters") normalised with the country their modifier names or the story's country.
Overlaps go to the more trusted finder; then :mod:`.coref` links later mentions to earlier ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from ..geo import countries as geo_countries
from ..model import ActorMention, Doc
from ..pipeline import Stage
from . import naming
from .coref import Candidate, link
from .where import is_division, loose_country, rough_country
from .lexicon import REF_SETS, ActorEntry, GenericEntry, Lexicon, as_paths, load_lexicon

DETERMINERS = frozenset({"the", "its", "their", "these", "those", "this", "that", "his", "her", "our"})
BLOCKERS = frozenset({"unidentified", "unknown", "suspected", "alleged", "masked", "unnamed", "other", "rival"})
# Words that may sit between a determiner or a country and the noun ("Syrian regime forces").
MODIFIERS = frozenset(
    {"regime", "government", "pro-government", "security", "state", "national", "federal", "local", "armed",
     "heavily", "islamist", "jihadist", "pro-regime", "loyalist", "army", "police", "angry", "irate", "young",
     "militant", "extremist", "insurgent", "rebel", "allied", "paramilitary", "elite", "special", "opposition",
     "islamic", "joint", "civilian", "peaceful", "female", "male", "student", "striking", "innocent", "unarmed", "fellow",
     "municipal", "provincial", "military", "ground", "riot", "traffic", "border"}
     | BLOCKERS
)
STATE_WORDS = frozenset({"regime", "government", "pro-government", "security", "state", "national", "federal",
                         "pro-regime", "loyalist", "army", "police", "paramilitary", "joint", "allied", "elite"})
MILITIA_TERMS = frozenset({"militia", "militias", "militiamen"})
# Nouns for armed men that a flavour word still makes an identity militia: "tribal militants",
# "clan gunmen" (ACLED: "Unidentified Tribal Militia (Iraq)").
FLAVOURABLE = MILITIA_TERMS | {"militants", "gunmen", "fighters"}
BRANCH = {"military": "military", "police": "police", "government": "government"}
# Organisation names that look like armed groups, and the inter code their last word suggests.
ORG_WORDS = {"Army": 2, "Front": 2, "Liberation": 2, "Resistance": 2, "Militia": 3,
             "Brigade": 3, "Brigades": 3, "Battalion": 3, "Cartel": 3, "Gang": 3, "Forces": 3, "Force": 3}
REBEL_WORDS = frozenset({"Liberation", "Freedom", "Resistance", "Revolutionary", "Front", "Movement", "Islamic"})
# Organisations ACLED names as associated actors of protests and riots (parties, unions, associations).
CIVIC_WORDS = frozenset({"Party", "Union", "Unions", "Congress", "Association", "Federation", "Council", "Committee",
                         "League", "Movement", "Organisation", "Organization", "Syndicate", "Confederation",
                         "Alliance", "Forum", "Coalition", "Society", "Collective", "Network", "Assembly"})
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9&-]{1,11})\)")
WORD_BEFORE = re.compile(r"([\w.'’-]+)\s+$")
OF_THE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
ABSORBED = frozenset({"armed", "military", "state", "coref"})  # "joint forces of the KNDF", "SDF fighters"
PLURAL_DEMONYM = re.compile(r"\b[A-Z][a-z]+s\b(?!['’]|\s+[a-z]+(?:ed|ing)?\s+(?:by|of)\b)")
NEXT_IS_FORCE = re.compile(r"\s+(?:[\w-]+\s+)?(?:soldiers?|troops|forces|army|military|police|security|militia|"
                           r"militiamen|fighters|personnel|officers|units|aircraft|warplanes|jets)\b", re.IGNORECASE)
NEXT_IS_POST = re.compile(r"\s+(?:positions?|posts?|outposts?|bases?|checkpoints?|barracks|convoys?|"
                          r"garrisons?|strongholds?|lines|trenches)\b", re.IGNORECASE)
# The word before "militia" that makes it an identity militia, and ACLED's word for it.
MILITIA_FLAVOURS = {"ethnic": "Ethnic", "communal": "Communal", "community": "Communal", "clan": "Clan",
                    "sub-clan": "Sub-Clan", "subclan": "Sub-Clan", "tribal": "Tribal", "caste": "Caste",
                    "pastoral": "Ethnic", "pastoralist": "Ethnic"}
FLAVOURED = re.compile(r"(?:(?<![\w-])(?P<name>(?:[A-Z][\w'’-]*\s+){0,2}))?"
                       r"(?<![\w-])(?P<flavour>(?i:ethnic|communal|community|sub-clan|subclan|clan|tribal|caste|pastoralist|pastoral))"
                       r"\s+$")
# Between an unidentified mention and the group it is taken to be: " (assumed ", ", believed to be members of ",
# or the group it is said to belong to: "insurgents linked to", "militants loyal to".
PRESUMED = re.compile(r"\s*[(,]?\s*(?:(?:assumed|suspected|presumed|believed|thought|alleged|allegedly|reportedly|likely|"
                      r"possibly|probably|coded)(?:\s+(?:to\s+be|as|to\s+belong\s+to))?|"
                      r"(?:linked|affiliated|allied|aligned|tied|loyal)\s+(?:to|with)|belonging\s+to)\s+"
                      r"(?:(?:members?|elements?|fighters?|militants?)\s+of\s+)?(?:the\s+|an?\s+)?")
PLANTED = re.compile(r"(?<![\w-])([A-Z][\w'’]+)-(?:planted|laid|placed|fired|launched)\b")
# Members of state forces ACLED codes as civilians: off duty, or no longer serving ("former policemen",
# "retired soldiers", "ex-soldiers"), said before the noun or in brackets after it ("(assumed off duty)").
OFF_DUTY = re.compile(r"(?:\b(?:off[- ]duty|former|retired)\s+(?:[\w-]+\s+){0,2}|\bex-)$", re.IGNORECASE)
OFF_DUTY_AFTER = re.compile(r"(?:\s+\w+){0,2}?\s*[\[(,]\s*(?:who\s+was\s+|(?:assumed|presumed|reportedly|allegedly)\s+)?"
                            r"off[- ]duty\b", re.IGNORECASE)
NEXT_IS_THING = re.compile(r"\s+(?:infrastructures?|property|properties|buildings?|houses?|homes?|facilit(?:y|ies)|"
                           r"objects?|areas?|targets?|sites?|installations?|structures?|neighbou?rhoods?)\b",
                           re.IGNORECASE)
EITHER = re.compile(r"\s*/\s*|\s+or\s+|\s+and/or\s+")
COORDINATED = re.compile(r"([A-Z][\w.'’-]+)\s+(?:and|or|&)\s+$")


@dataclass(frozen=True, slots=True)
class Context:
    """What naming a mention needs to know about its article."""

    story: str | None  # ISO2 of the story's country
    published: dt.date | None
    as_of: dt.date | None = None  # naming date for regime periods; None: the publication date

    def state(self, iso2: str | None, branch: str) -> str:
        return naming.state_forces(iso2, branch=branch, on=self.published, as_of=self.as_of)

    def render(self, template: str, iso2: str | None) -> str:
        """Fill a lexicon name: {country}, {military}, {police}, {government}."""
        if "{" not in template:
            return template
        country = naming.country_name(iso2)
        if country is None:  # no country known: "Islamic State", not "Islamic State (None)"
            template = template.replace(" ({country})", "").replace("{country}", "")
        return (template.replace("{country}", country or "")
                .replace("{military}", self.state(iso2, "military"))
                .replace("{police}", self.state(iso2, "police"))
                .replace("{government}", self.state(iso2, "government")))


class ActorStage(Stage):
    name = "actors"
    needs = frozenset({"sentences", "entities", "places"})
    adds = frozenset({"actors"})

    def __init__(self, lexicon: Lexicon, *, as_of: dt.date | None = None):
        self.lexicon = lexicon
        self.as_of = as_of

    @classmethod
    def default(
        cls, *, extra: str | Path | Sequence[str | Path] | None = None, as_of: dt.date | None = None
    ) -> "ActorStage":
        """The bundled lexicon plus user files (``extra``, then the ``DATELINE_ACTORS`` variable).

        ``as_of`` names state actors as of that date ("Pakistan (2018-2022)" for a 2022 event named
        after April 2022); by default each article is named as of its publication date.
        """
        return cls(load_lexicon(as_paths(extra)), as_of=as_of)

    def __call__(self, doc: Doc) -> None:
        doc.actors = tuple(find_actors(doc, self.lexicon, as_of=self.as_of))


def find_actors(doc: Doc, lexicon: Lexicon, *, as_of: dt.date | None = None) -> list[ActorMention]:
    body = doc.article.body_start
    ctx = Context(story_country(doc, lexicon), doc.article.published, as_of)
    named = [c for c in find_named(doc.text, lexicon, ctx) if c.start >= body]
    generic = [c for c in (*find_tribes(doc.text, ctx), *find_unknown_forces(doc.text), *find_generic(doc, lexicon, ctx),
                           *find_peoples(doc.text, ctx),
                           *find_state_strikes(doc.text, ctx))
               if c.start >= body]
    named = operates_under(doc.text, contingents(doc.text, coded_as(doc.text, either_or(doc.text, named))))
    chosen = absorb(doc.text, named, generic)
    for cand in (*find_orgs(doc, ctx), *generic):
        if not any(cand.start < o.end and o.start < cand.end for o in chosen):
            chosen.append(cand)
    return [to_mention(c) for c in link(presumed(doc.text, chosen))]


def presumed(text: str, cands: list[Candidate]) -> list[Candidate]:
    """ "armed men (assumed Darfur communal militia)", "gunmen presumed to be Bassa militiamen": the
    unidentified mention is the group named after it, and the two are one mention."""
    out: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start, -c.end)):
        prev = out[-1] if out else None
        if prev is not None and _unnamed(prev) and _identifies(cand) and PRESUMED.fullmatch(text, prev.end, cand.start):
            out[-1] = replace(cand, start=prev.start)
        else:
            out.append(cand)
    return out


def _unnamed(c: Candidate) -> bool:
    return c.kind in ("armed", "gang") and c.source == "generic" or _state_noun(c)


def _identifies(c: Candidate) -> bool:
    return c.source in ("named", "org") and c.inter in (2, 3, 4) or c.kind == "identity" or _state_noun(c)


def _state_noun(c: Candidate) -> bool:
    """ "Security forces (presumed police and military)": a generic state force that the words in
    brackets narrow to one branch; the first branch named is the one ACLED codes."""
    return c.source == "generic" and c.inter == naming.STATE and bool(c.term)


# A noun phrase the text then says is to be read as a named actor: "anti-Houthi forces (coded as
# Saudi-led coalition)", "armed youth (presumed to be X)". The phrase is that actor's mention.
CODED_AS = re.compile(r"(?P<np>(?<![\w'’-])[\w'’-]+(?:\s+[\w'’-]+){0,2}?\s+(?:forces|fighters|troops|militants|gunmen|"
                      r"men|youths?|elements|members|militiamen|units|groups?))\s*\(\s*(?:coded|assumed|presumed|"
                      r"believed|suspected|thought|understood)(?:\s+(?:to\s+be|as))?\s+(?:the\s+)?$", re.IGNORECASE)


def coded_as(text: str, named: list[Candidate]) -> list[Candidate]:
    """A named actor in brackets after the noun phrase it identifies takes the phrase into its span."""
    out = []
    for cand in named:
        m = CODED_AS.search(text, max(0, cand.start - 80), cand.start)
        out.append(replace(cand, start=m.start("np")) if m else cand)
    return out


def to_mention(c: Candidate) -> ActorMention:
    kind = {"armed": "militia", "gang": "militia"}.get(c.kind, c.kind)
    kind = kind if kind in naming.KINDS or kind == "group" else None
    return ActorMention(c.start, c.end, c.name, c.inter, c.country, kind, c.antecedent)


def story_country(doc: Doc, lexicon: Lexicon | None = None) -> str | None:
    """The country the story happens in (ISO2), which qualifies unnamed actors.

    Where the events are, not who is involved: the resolved toponyms vote, demonyms do not
    ("Russian forces shelled Kharkiv" is a story in Ukraine), and the wire dateline counts half
    (a Syria story is often datelined BEIRUT). With neither, the NER's countries, demonyms and
    named actors' home countries vote instead.
    """
    votes: Counter[str] = Counter()
    head = geo_countries.dateline_country(doc.article.dateline)
    for place in doc.places or ():
        if place.role == "dateline":
            head = place.country_code or head
        elif (vote := _place_vote(doc, place)) is not None:
            votes[vote[0]] += vote[1]
    if head:  # a wire dateline is where the reporter is: it only breaks ties (BEIRUT for a Syria story)
        votes[head] += 0.5
    if votes:
        return max(votes, key=lambda code: votes[code])
    named = find_named(doc.text, lexicon, Context(None, None)) if lexicon is not None else []
    return fallback_country(doc, [c for c in named if c.start >= doc.article.body_start])


def _place_vote(doc: Doc, place) -> tuple[str, float] | None:
    """A resolved place's country and weight in the story vote. A country's own name counts half:
    it is often the topic, not the scene ("marched in Sens against the invasion of Ukraine")."""
    text = doc.text[place.start : place.end]
    if place.role == "demonym" or _demonym_text(doc, place):
        return None
    if not place.country_code:
        return None
    return place.country_code, 0.5 if geo_countries.country_code(text) == place.country_code else 1.0


def _demonym_text(doc: Doc, place) -> bool:
    """A toponym whose words are a demonym ("Russian") says who, not where."""
    return geo_countries.demonym_country(doc.text[place.start : place.end]) is not None


def fallback_country(doc: Doc, named: Sequence[Candidate]) -> str | None:
    """A vote when no toponym was resolved: place names looked up roughly count twice, demonyms and
    named actors' home countries once; ties go to the first in reading order."""
    votes: list[tuple[int, str, float]] = [(c.start, c.country, 1) for c in named if c.country]
    for p in doc.places or ():
        code = p.country_code or (rough_country(doc.text[p.start : p.end]) if p.role == "toponym" else None)
        if code:
            votes.append((p.start, code, 1 if p.role == "demonym" or _demonym_text(doc, p) else 2))
        elif p.role == "toponym" and (code := loose_country(doc.text[p.start : p.end])):
            votes.append((p.start, code, 0.5))  # a small town or another spelling: weaker than a demonym
    for ent in doc.entities or ():
        text = doc.text[ent.start : ent.end]
        if ent.label in ("GPE", "LOC") and (code := geo_countries.country_code(text) or rough_country(text)):
            votes.append((ent.start, code, 2))
        elif ent.label == "NORP" and (code := geo_countries.demonym_country(text)):
            votes.append((ent.start, code, 1))
    counts: Counter[str] = Counter()
    for _, code, weight in sorted(votes):
        counts[code] += weight
    return counts.most_common(1)[0][0] if counts else None


# --- named actors from the lexicon -------------------------------------------------------------


# ACLED's own style written in the text: "the Military Forces of Armenia", "Police Forces of the
# Dominican Republic (2020-)", and plain "the armed forces of Tajikistan"; named again with the
# regime period of the article's date.
ACLED_STATE = re.compile(r"\b(?P<branch>(?i:military|police|armed|security))\s+(?i:forces)\s+of\s+(?:the\s+)?"
                         r"(?P<country>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
                         r"(?:\s+\(\d{4}-(?:\d{4})?\))?")


def find_acled_state(text: str, ctx: Context) -> list[Candidate]:
    out = []
    for m in ACLED_STATE.finditer(text):
        words = m.group("country").split()
        while words and not naming.country_iso(" ".join(words)):
            words = words[:-1]  # "Armenia fired": the longest run of words that is a country
        if not words:
            continue
        code = naming.country_iso(" ".join(words))
        end = m.end() if len(words) == len(m.group("country").split()) else m.start("country") + len(" ".join(words))
        inter = naming.STATE if not ctx.story or code == ctx.story else naming.EXTERNAL
        branch = "police" if m.group("branch").lower() == "police" else "military"  # armed/security forces: the army
        out.append(Candidate(m.start(), end, ctx.state(code, branch), inter, code,
                             "state" if inter == naming.STATE else "external", "named", term=m.group().lower()))
    return out


def find_named(text: str, lexicon: Lexicon, ctx: Context) -> list[Candidate]:
    out = [c for pattern, entry in lexicon.templates for c in _template_matches(text, pattern, entry, ctx)]
    out.extend(find_acled_state(text, ctx))
    for m in lexicon.alias_pattern.finditer(text):
        entry = lexicon.lookup(m.group(), ctx.story, ctx.published)
        if entry is not None and not any(c.start <= m.start() < c.end for c in out):
            out.append(named_candidate(text, m.start(), m.end(), entry, ctx))
    for m in PLANTED.finditer(text):  # "a Houthi-planted landmine": the alias before the hyphen
        entry = lexicon.lookup(m.group(1), ctx.story, ctx.published)
        if entry is not None:
            out.append(named_candidate(text, m.start(1), m.end(1), entry, ctx))
    return sorted(out, key=lambda c: c.start)


def either_or(text: str, named: list[Candidate]) -> list[Candidate]:
    """ "ISWAP/Boko Haram militants": ACLED's "A and/or B" when a report cannot tell the two apart."""
    out: list[Candidate] = []
    for cand in named:
        prev = out[-1] if out else None
        if prev and prev.name != cand.name and EITHER.fullmatch(text, prev.end, cand.start) and "and/or" not in prev.name:
            cand = replace(cand, start=prev.start, name=f"{prev.name} and/or {cand.name}", inter=min(
                prev.inter or 9, cand.inter or 9), refs=prev.refs | cand.refs)
            out[-1] = cand
        else:
            out.append(cand)
    return out


def contingents(text: str, named: list[Candidate]) -> list[Candidate]:
    """ "ATMIS UPDF", "AMISOM KDF": a multinational mission's national contingent, which ACLED names
    as the mission with the contributing country: "ATMIS: ... (2022-) (Uganda)"."""
    out: list[Candidate] = []
    for cand in named:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "external" and cand.kind == "state" and cand.country
                and cand.country != prev.country and not text[prev.end : cand.start].strip()):
            out[-1] = replace(prev, end=cand.end, name=naming.qualified(prev.name, cand.country))
        else:
            out.append(cand)
    return out


UNDER = re.compile(r"(?:\s+(?:fighters|forces|members|units|militants|troops))?\s*,?\s+(?:(?:who|which|that)\s+"
                   r"(?:operates?|fights?|serves?)|operating|fighting|serving)\s+under\s+(?:the\s+)?", re.IGNORECASE)


def operates_under(text: str, named: list[Candidate]) -> list[Candidate]:
    """ "JWS which operates under OPS": a faction fighting under an umbrella is coded as the umbrella."""
    out: list[Candidate] = []
    for cand in named:
        prev = out[-1] if out else None
        if prev is not None and prev.name != cand.name and UNDER.fullmatch(text, prev.end, cand.start):
            out[-1] = replace(cand, start=prev.start)
        else:
            out.append(cand)
    return out


def _off_duty(text: str, start: int, end: int | None = None) -> bool:
    before = OFF_DUTY.search(text, max(0, start - 30), start) is not None
    return before or (end is not None and OFF_DUTY_AFTER.match(text, end) is not None)


def named_candidate(text: str, start: int, end: int, entry: ActorEntry, ctx: Context, slot: str = "") -> Candidate:
    if entry.kind == "state" and _off_duty(text, start, end):  # "an off-duty military police officer"
        code = entry.country or ctx.story
        return Candidate(start, end, naming.civilians(code), naming.CIVILIANS, code, "civilians", "generic",
                         term=text[start:end].lower())
    country = ctx.story if "{country}" in entry.name else entry.country or ctx.story
    name = ctx.render(entry.name.replace("{name}", slot), country)
    soft = not any(ch.isupper() for ch in text[start:end])
    pre = _before(text, start)
    return Candidate(start, end, name, entry.inter, country, entry.kind, "named", term=text[start:end].lower(),
                     definite=pre.definite, blocked=pre.blocked, soft=soft, refs=entry.refs)


def _template_matches(text: str, pattern: re.Pattern[str], entry: ActorEntry, ctx: Context) -> list[Candidate]:
    if not entry.applies(ctx.story, ctx.published) or (entry.country and ctx.story and entry.country != ctx.story):
        return []
    out = []
    for m in pattern.finditer(text):
        words = m.group("name").split()
        if words[0].lower() in DETERMINERS:  # "The Kalay PDF" at a sentence start
            words = words[1:]
        if words:
            start = m.start("name") + m.group("name").index(words[0])
            start = start if m.start("name") == m.start() else m.start()  # "PDF-Madaya": the whole name
            out.append(named_candidate(text, start, m.end(), entry, ctx, " ".join(words)))
    return out


def absorb(text: str, named: list[Candidate], generic: list[Candidate]) -> list[Candidate]:
    """The noun around a named actor joins its span: "Islamic State militants", "fighters of the SDF"."""
    out = []
    for cand in named:
        after = next((g for g in generic if g.kind in ABSORBED and g.start == cand.end + 1
                      and text[cand.end].isspace()), None)
        before = next((g for g in generic if g.kind in ABSORBED and g.end < cand.start
                       and OF_THE.fullmatch(text, g.end, cand.start)), None)
        start = before.start if before and not before.blocked else cand.start
        out.append(replace(cand, start=start, end=after.end if after else cand.end))
    return out


def find_peoples(text: str, ctx: Context) -> list[Candidate]:
    """A nationality as a plural noun names people: "Palestinians" -> "Civilians (Palestine)"."""
    out = []
    for m in PLURAL_DEMONYM.finditer(text):
        code = geo_countries.demonym_country(m.group())
        if code and geo_countries.demonym_country(m.group()[:-1]) == code:
            name = naming.civilians(code)
            out.append(Candidate(m.start(), m.end(), name, naming.CIVILIANS, code, "civilians", "generic",
                                 term=m.group().lower()))
    return out


# A nationality before a military act names the state's forces that carried it out: "Israeli
# strikes killed four", "Russian shelling hit the town". Weapons are left out: a weapon's
# nationality is often its maker's ("Iranian drones" launched by another army).
STATE_ACT = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:air|drone|missile|rocket|artillery)\s+)?(?:air\s*strikes?|strikes?|"
                       r"raids?|shelling|bombardments?|bombings?|airstrikes?|incursions?|offensive|fire|gunfire)\b")
MILITARY = GenericEntry(kind="military", label=None, needs_modifier=True, terms=())


def find_state_strikes(text: str, ctx: Context) -> list[Candidate]:
    """ "Israeli strikes" -> the demonym as "Military Forces of Israel" (inter 1 at home, 8 abroad)."""
    out = []
    for m in STATE_ACT.finditer(text):
        word = m.group(1)
        code = geo_countries.demonym_country(word)
        if code is None or geo_countries.country_code(word) or word.endswith("s"):
            continue  # "Israel strikes Gaza" is a verb; "Palestinians" are people
        name, inter, kind = generic_name(MILITARY, code, ctx)
        out.append(Candidate(m.start(1), m.end(1), name, inter, code, kind, "generic", term=word.lower()))
    return out


# --- organisations from the NER -----------------------------------------------------------------


def find_orgs(doc: Doc, ctx: Context) -> list[Candidate]:
    """Organisations the lexicon does not know: armed-looking names as actors, others as associates."""
    out = []
    for ent in doc.entities or ():
        if ent.label != "ORG" or ent.start < doc.article.body_start:
            continue
        cand = org_candidate(doc.text, ent.start, ent.end, ctx)
        if cand is not None:
            out.append(cand)
    return out


def org_candidate(text: str, start: int, end: int, ctx: Context) -> Candidate | None:
    """ "Indian National Congress (INC)" -> "INC: Indian National Congress", ACLED's "ACRONYM: Name"."""
    name = re.sub(r"^the\s+", "", text[start:end], flags=re.IGNORECASE)
    words = name.split()
    if len(words) < 2 or _state_org(words):
        return None
    acronym = ACRONYM_AFTER.match(text, end)
    full = f"{acronym.group(1)}: {name}" if acronym else name
    stop = acronym.end() if acronym else end
    inter = next((ORG_WORDS[w] for w in reversed(words) if w in ORG_WORDS), None)
    if inter is not None:
        kind = "rebel" if inter == 2 else "militia"
        return Candidate(start, stop, full, inter, ctx.story, kind, "org", refs=REF_SETS[kind])
    if any(w in CIVIC_WORDS for w in words):
        return Candidate(start, stop, full, None, ctx.story, "group", "org")
    return None


def _state_org(words: list[str]) -> bool:
    """ "Nigerian Army", "Syrian Arab Army": state forces, left to the generic finder; a country's
    "Freedom Front" or "Liberation Army" is not the state's."""
    words = words[1:] if words[0].lower() == "the" else words
    first = re.sub(r"['’]s$", "", words[0]) if words else ""
    if REBEL_WORDS & set(words):
        return False
    return bool(geo_countries.demonym_country(first) or geo_countries.country_code(first)) or "Police" in words


# --- generic nouns ------------------------------------------------------------------------------


def find_generic(doc: Doc, lexicon: Lexicon, ctx: Context) -> list[Candidate]:
    out = []
    for m in lexicon.generic_pattern.finditer(doc.text):
        entry = lexicon.generic_by_term[re.sub(r"\s+", " ", m.group().lower())]
        out.extend(generic_candidates(doc, m.start(), m.end(), entry, ctx))
    return out


def generic_candidates(doc: Doc, start: int, end: int, entry: GenericEntry, ctx: Context) -> list[Candidate]:
    """The mention of a generic noun, and one more for a coordinated country ("Russian and Ukrainian forces")."""
    cand = generic_candidate(doc, start, end, entry, ctx)
    if cand is None or cand.start == start:  # no country modifier before the noun
        return [cand] if cand else []
    m = COORDINATED.search(doc.text, max(0, cand.start - 40), cand.start)
    other = _country_word(m.group(1)) if m else None
    if not m or not other or entry.kind not in BRANCH:
        return [cand]
    name, inter, kind = generic_name(entry, other, ctx)
    extra = Candidate(m.start(1), m.end(1), name, inter, other, kind, "generic", term=cand.term)
    return [extra, cand]


def generic_candidate(doc: Doc, start: int, end: int, entry: GenericEntry, ctx: Context) -> Candidate | None:
    pre = _before(doc.text, start)
    if _inside_proper_name(doc.text, start, end) and not pre.country:
        return None
    if entry.kind == "government" and NEXT_IS_FORCE.match(doc.text, end):
        return None  # "government soldiers": a modifier of the forces that follow
    if entry.kind == "government" and NEXT_IS_POST.match(doc.text, end):
        entry = replace(entry, kind="military")  # "government positions" are held by its forces
    term = re.sub(r"\s+", " ", doc.text[start:end].lower())
    if term == "civilian" and NEXT_IS_THING.match(doc.text, end):
        return None  # "civilian infrastructure was damaged": things, not people
    if entry.needs_modifier and not (pre.country or pre.statey or (entry.definite_ok and pre.definite)):
        return None
    if term in FLAVOURABLE and (flavoured := flavoured_militia(doc.text, start, end, ctx)) is not None:
        return flavoured
    if term in MILITIA_TERMS and pre.proper and not pre.country and pre.proper_start is not None:
        if _entity_label(doc, pre.proper_start) or not _sentence_initial(doc.text, pre.proper_start):
            return identity_militia(doc, pre.proper_start, end, pre.proper, ctx)
    if term in MILITIA_TERMS and pre.country and pre.country != ctx.story:
        word = doc.text[pre.start : start].strip()
        if is_division(word, ctx.story):  # "Niger militiamen" in Nigeria: of Niger State, not of Niger
            return identity_militia(doc, pre.start, end, word, ctx)
    if entry.foreign:
        return foreign_people(doc.text, pre, end, entry, term)
    country = pre.country or ctx.story
    if entry.kind in BRANCH and _off_duty(doc.text, pre.start, end):
        entry = replace(entry, kind="civilians", label="Civilians", unit=None)  # ACLED: off duty, a civilian
    name, inter, kind = generic_name(entry, country, ctx)
    return Candidate(pre.start, end, name, inter, country, kind, "generic", term=term, definite=pre.definite,
                     blocked=pre.blocked)


# "migrants from Ethiopia" (one country; "from El Salvador, Honduras and Cuba" is several).
FROM_COUNTRY = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?!\s*(?:,|and\b|or\b))")


def foreign_people(text: str, pre: "Prefix", end: int, entry: GenericEntry, term: str) -> Candidate:
    """ "Afghan migrants" -> "Civilians (Afghanistan)"; "33 migrants" -> ACLED's "Civilians (International)":
    people from elsewhere are not named for the country they are found in."""
    m = FROM_COUNTRY.match(text, end)
    country = pre.country or (geo_countries.country_code(m.group(1)) if m else None)
    label = entry.label or "Civilians"
    name = naming.qualified(label, country) if country else f"{label} (International)"
    return Candidate(pre.start, end, name, naming.KINDS[entry.kind], country, entry.kind, "generic", term=term,
                     definite=pre.definite, blocked=True)


def generic_name(entry: GenericEntry, country: str | None, ctx: Context) -> tuple[str, int | None, str]:
    if entry.kind in BRANCH:
        inter = naming.STATE if not ctx.story or country == ctx.story else naming.EXTERNAL
        name = ctx.state(country, BRANCH[entry.kind]) + (f" {entry.unit}" if entry.unit else "")
        return name, inter, "state" if inter == naming.STATE else "external"
    if entry.kind == "group":
        return naming.qualified(entry.label or "", country), None, "group"
    if entry.kind == "coref":
        return "", None, "coref"
    kind = {"armed": "militia", "gang": "militia"}.get(entry.kind, entry.kind)
    return naming.qualified(entry.label or "", country), naming.KINDS[kind], entry.kind


def _inside_proper_name(text: str, start: int, end: int) -> bool:
    """ "Civilian JTF", "Police Militia": a capitalised noun followed by another capitalised word."""
    nxt = re.match(r"(?:['’]s)?\s+([A-Z])", text[end : end + 5])
    return text[start].isupper() and nxt is not None and not _sentence_initial(text, start)


def _sentence_initial(text: str, start: int) -> bool:
    return start == 0 or text[max(0, start - 2) : start].strip() in ("", ".", "!", "?", '"')


# A tribe's armed men: "Bani Nawf tribesmen", "tribesmen from the Al Jaramah tribe", "members of Zaiter
# tribe" (ACLED: "Bani Nawf Tribal Militia (Yemen)"). The name is up to three capitalised words or
# Arabic particles ("Al", "bin") right before the noun.
_TRIBE_NAME = r"(?P<name>(?:[A-Z][\w'’-]*|al|bin|ibn|bani|beni)(?:\s+(?:[A-Z][\w'’-]*|al|bin|ibn|bani|beni)){0,3})"
TRIBESMEN = re.compile(r"(?<![\w'’-])" + _TRIBE_NAME + r"\s+tribesm[ae]n\b|"
                       r"\b(?i:tribesm[ae]n|members?|fighters|gunmen|militiamen)\s+(?:of|from)\s+(?:the\s+)?"
                       + _TRIBE_NAME.replace("name", "name2") + r"\s+tribe\b")


# Forces of a state the report cannot name: "shelled by unspecified military forces", "unidentified
# aircraft" (ACLED: "Unidentified Military Forces", an external/other force). Armed men stay an armed group.
UNKNOWN_FORCES = re.compile(r"\b(?i:unidentified|unknown|unspecified)\s+(?:military\s+forces|forces|troops|aircraft|"
                            r"warplanes|jets|helicopters|aerial\s+targets)\b")


def find_unknown_forces(text: str) -> list[Candidate]:
    return [Candidate(m.start(), m.end(), "Unidentified Military Forces", naming.EXTERNAL, None, "external", "generic",
                      term=m.group().lower(), blocked=True) for m in UNKNOWN_FORCES.finditer(text)]


def find_tribes(text: str, ctx: Context) -> list[Candidate]:
    out = []
    for m in TRIBESMEN.finditer(text):
        key = "name" if m.group("name") else "name2"
        words = m.group(key).split()
        while words and (words[0].lower() in DETERMINERS or not words[0][:1].isupper()):
            words = words[1:]  # "The Bani Nawf": the name starts at its first capitalised non-article word
        if words and not _country_word(words[-1]):
            name = naming.qualified(f"{' '.join(words)} Tribal Militia", ctx.story)
            out.append(Candidate(m.start(), m.end(), name, naming.IDENTITY_MILITIA, ctx.story, "identity",
                                 "generic", term="tribesmen"))
    return out


def identity_militia(doc: Doc, start: int, end: int, proper: str, ctx: Context) -> Candidate:
    """ "Fulani militia" -> "Fulani Ethnic Militia (Nigeria)"; a place's militia is "Communal"."""
    label = _entity_label(doc, start)
    place = label in ("GPE", "LOC", "FAC") or is_division(proper, ctx.story)  # "Katsina militiamen": a state's
    flavour = "Communal" if place else "Ethnic"
    name = naming.qualified(f"{proper} {flavour} Militia", ctx.story)
    return Candidate(start, end, name, naming.IDENTITY_MILITIA, ctx.story, "identity", "generic", term="militia")


def flavoured_militia(text: str, start: int, end: int, ctx: Context) -> Candidate | None:
    """ "Darfur communal militia", "Bassa ethnic militiamen", "Twic clan militia": ACLED's identity
    militias, named "X Communal Militia (Sudan)"; without a name, "Unidentified Tribal Militia (Iraq)"."""
    m = FLAVOURED.search(text, max(0, start - 80), start)
    if m is None:
        return None
    flavour = MILITIA_FLAVOURS[m.group("flavour").lower()]
    words = (m.group("name") or "").split()
    while words and words[0].lower() in DETERMINERS | MODIFIERS | {"a", "an", "assumed", "presumed"}:
        words = words[1:]
    label = f"{' '.join(words) or 'Unidentified'} {flavour} Militia"
    first = m.start("name") + m.group("name").index(words[0]) if words else m.start("flavour")
    return Candidate(first, end, naming.qualified(label, ctx.story), naming.IDENTITY_MILITIA, ctx.story, "identity",
                     "generic", term=text[start:end].lower())


def _entity_label(doc: Doc, offset: int) -> str | None:
    return next((e.label for e in doc.entities or () if e.start <= offset < e.end), None)


@dataclass(frozen=True, slots=True)
class Prefix:
    """What precedes a noun: where the mention starts and what its modifiers say."""

    start: int
    definite: bool = False  # "the", "its", "these" ...
    blocked: bool = False  # "unidentified", "suspected" ...: never refers back
    country: str | None = None  # "Syrian", "Russia's", "U.S."
    statey: bool = False  # "regime", "government", "security" ...
    proper: str | None = None  # a capitalised word right before the noun ("Fulani")
    proper_start: int | None = None


def _before(text: str, start: int) -> Prefix:
    """Walk back over up to four modifiers before the noun at ``start``."""
    pos, iso, statey, blocked = start, None, False, False
    for _ in range(4):
        m = WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if not m:
            break
        word, low = m.group(1), m.group(1).lower()
        if low in DETERMINERS:
            return Prefix(pos, True, blocked, iso, statey)
        code = _country_word(word)
        if code and not iso:
            iso, pos = code, m.start(1)
            continue
        if word in MODIFIERS or (low in MODIFIERS and _sentence_initial(text, m.start(1))):
            # "Government jets bombed ...": a sentence's first word is capitalised, not a name
            blocked, statey, pos = blocked or low in BLOCKERS, statey or low in STATE_WORDS, m.start(1)
            continue
        if word[:1].isupper() and pos == start and not re.search(r"-(?:led|backed|allied|aligned|based)$", low):
            return Prefix(pos, False, blocked, iso, statey, word, m.start(1))
        break
    return Prefix(pos, False, blocked, iso, statey)


def _country_word(word: str) -> str | None:
    """ISO2 of "Syrian", "Russia's", "U.S." (a capitalised word only)."""
    if not word[:1].isupper():
        return None
    bare = re.sub(r"['’]s$", "", word)
    return geo_countries.demonym_country(bare) or geo_countries.country_code(bare)
