"""The event stage: finds event triggers sentence by sentence and codes each event the ACLED way.

For each sentence: lexicon triggers (``data/events/lexicon.json``) are grouped into one group
per event (one per family of frames, split when clauses name different perpetrators); each
group is classified (:mod:`.classify`), given its two sides (:mod:`.roles`), counts
(:mod:`.counts`), factuality (:mod:`.factuality`), source (:mod:`.attribution`), date
(``timex.event_time``) and place (``geo.event_place``). A sentence that only adds figures or a
police intervention to the event just told ("Three people were killed.", "Police fired tear
gas.") is folded into it; a denial becomes the counter-claim of the event it answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from ..actors import naming
from ..geo import countries as geo_countries
from ..geo.eventplace import SeatOf, seated
from ..geo.stage import event_place
from ..model import ActorMention, Doc, Event, EventPlace, EventTime, Sentence, Span, evidence
from ..parse import parse_sentences
from ..pipeline import Stage
from ..timex.stage import event_time
from . import classify as cls
from . import senses
from .attribution import attribution, is_denial, join_sources, teller
from .counts import Figure, combine, figures
from .crowds import settled
from .background import is_background
from .dispersal import dispersal_trigger
from .factuality import ASSERTED, disputed_claim, factuality, status_line, zero_victims
from .topics import back_reference, consequence_subject, death_topic
from .fold import FOLLOW_WINDOW, _other_day, fold as _fold, victims_target as _victims_target  # noqa: F401
from .lexicon import Lexicon, Match, load_lexicon, sentence_words
from .notes import note
from . import weapons as weapons_mod
from .roles import ActorIndex, Roles, nearest_actor, roles, target_kind
from .partners import ally as _ally, members_of as _members_of
from .sides import ARMED_INTERS, TERRITORY_SUBS, sides

TERRITORY_VERBS = {"take", "capture", "seize", "fall", "overrun", "conquer", "liberate", "recapture",
                   "retake", "retook", "retaken", "regain", "reclaim", "withdraw", "cede", "relinquish", "hand", "pull", "recover"}
TERRITORY_FRAMES = frozenset({"capture", "regain", "transfer"})
NON_STATE_ARMED = frozenset({2, 3})  # rebels and political militias (gunmen, unidentified armed groups)
KILLING_VERBS = frozenset({"kill", "shoot", "murder", "assassinate", "execute", "behead", "stab", "lynch", "gun"})
FORCIBLE = frozenset({"overran", "overrun", "overruns", "stormed", "storm", "storms", "overwhelmed"})


@dataclass
class Draft:
    """An event being built from one group of triggers (and the sentences folded into it)."""

    sub: str
    family: str
    trigger: Span
    sentence: Sentence
    sentence_index: int
    frames: frozenset[str]
    weapons: frozenset[str]
    protest: frozenset[str]
    roles: Roles
    target: str | None
    figures: list[Figure]
    factuality: str
    attribution: tuple[str, Span] | None
    mentions: list[Span] = field(default_factory=list)
    counter_claim: tuple[str, Span] | None = None
    more_sources: list[tuple[str, Span]] = field(default_factory=list)  # who else tells it, after ``attribution``
    extra_actors: list[ActorMention] = field(default_factory=list)
    clues: cls.Clues | None = None
    when: EventTime | None = None
    where: EventPlace | None = None
    last_index: int = -1  # the last sentence folded into it: the window for follow-ups runs from there
    refers_back: bool = False  # "no arrests have been made over the ambush": names an event already told
    aftermath: bool = False  # "the raid displaced 6,000 people": what the event just told brought about

    def anchored(self) -> bool:
        """Does the event's own sentence give its date or its place?"""
        inside = [e for e in (self.when and self.when.evidence, self.where and self.where.evidence) if e is not None]
        return any(self.sentence.start <= e.start < self.sentence.end for e in inside)


@dataclass(frozen=True, slots=True)
class Sent:
    """One sentence as the stage sees it."""

    index: int
    sentence: Sentence
    tokens: Any  # spaCy Span
    words: frozenset[str]


class EventStage(Stage):
    name = "events"
    needs = frozenset({"spacy", "sentences", "times", "places", "actors"})
    adds = frozenset({"events"})

    def __init__(self, lexicon: Lexicon, *, seat_of: SeatOf | None = None):
        self.lexicon = lexicon
        self.seat_of = seat_of  # where an event known only to a division or a country is coded

    @classmethod
    def default(cls, *, seat_of: SeatOf | None = None) -> "EventStage":
        return cls(load_lexicon(), seat_of=seat_of)

    def __call__(self, doc: Doc) -> None:
        drafts = find_drafts(doc, self.lexicon)
        doc.events = tuple(to_event(doc, d, self.lexicon, seat_of=self.seat_of) for d in drafts)


def find_drafts(doc: Doc, lex: Lexicon) -> list[Draft]:
    index = ActorIndex(doc)
    drafts: list[Draft] = []
    sents = _sentences(doc)
    for sent in sents:
        if is_denial(sent.tokens, lex) and _answer(drafts, sent):
            continue
        made = False
        for group in group_matches(_triggers(sent, lex, doc), doc):
            draft = make_draft(doc, sent, group, index, lex)
            made = made or draft is not None
            if draft is not None and not _fold(drafts, draft):
                drafts.append(draft)
        if not made:
            _protest_follow_up(doc, drafts, sent, lex)
            _source_follow_up(doc, drafts, sent, lex)
            _claimed_by(doc, drafts, sent, index)
    for d in drafts:
        if d.sub in TERRITORY_SUBS and _without_fighting(d, sents, lex):
            d.sub = "Non-violent transfer of territory"
    _split_totals(drafts)
    return drafts


def _split_totals(drafts: list[Draft]) -> None:
    """"The attacks killed 40 in all": a total over several events is nobody's own figure;
    it only bounds each event from above, so it is never counted twice."""
    violent = [d for d in drafts if d.family == "violence" and d.factuality == ASSERTED]
    if len(violent) < 2:
        return
    for d in violent:
        d.figures = [replace(f, value=0, low=0) if f.total and not _own_sentence(d, f) else f for f in d.figures]


def _own_sentence(d: Draft, fig: Figure) -> bool:
    """A figure in the event's own sentence is its own, even if it speaks of several clashes."""
    return fig.span is not None and d.sentence.start <= fig.span.start < d.sentence.end


def _protest_follow_up(doc: Doc, drafts: list[Draft], sent: Sent, lex: Lexicon) -> None:
    """"Police intervened.", "The rally turned violent.": no trigger, but it upgrades the protest."""
    if not drafts or drafts[-1].family != "demo" or sent.index - drafts[-1].sentence_index > FOLLOW_WINDOW:
        return
    cues = cls.protest_cues(sent.tokens, lex.protest) - cls.AIM_CUES
    old = drafts[-1]
    if not cues or old.sub not in PROTEST_SUBS:
        return
    old.protest = old.protest | cues
    old.sub = cls.protest_subtype(old.protest, harmed=any(f.value > 0 for f in old.figures if f.kind != "detained"))
    old.extra_actors.extend(a for a in doc.actors or () if sent.sentence.start <= a.start < sent.sentence.end)


def _source_follow_up(doc: Doc, drafts: list[Draft], sent: Sent, lex: Lexicon) -> None:
    """"The fighters entered the town ..., according to a fisherman." right after the capture: no
    trigger, but the event's own actor goes on in the next sentence, so its teller is one more source."""
    old = drafts[-1] if drafts else None
    if old is None or sent.index - old.sentence_index != 1 or old.factuality != ASSERTED:
        return
    if old.roles.actor1 is None or _dated(doc, sent) or not _opens_with(doc, sent, old.roles.actor1.name):
        return
    parse_sentences(doc, [sent.sentence])
    told = attribution(sent.tokens.root, sent.tokens, lex)
    if told is not None:
        old.more_sources.append(told)


def _claimed_by(doc: Doc, drafts: list[Draft], sent: Sent, index: ActorIndex) -> None:
    """"Gunmen attacked a checkpoint ... The Islamic State group claimed responsibility.": the
    group that claims an attack whose doer the story did not name is its actor (as ACLED codes it)."""
    old = drafts[-1] if drafts else None
    if old is None or sent.index - old.sentence_index > FOLLOW_WINDOW or old.factuality != ASSERTED:
        return
    if old.family != "violence" or (old.roles.actor1 is not None and not old.roles.actor1.name.startswith("Unidentified")):
        return
    words = doc.text[sent.sentence.start : sent.sentence.end].lower()
    if "claim" not in words or "responsibility" not in words:
        return  # parsing on demand is costly (and drops the doc's cached forms): only where it can matter
    parse_sentences(doc, [sent.sentence])
    claim = next((t for t in sent.tokens if t.lemma_ == "claim" and not any(c.dep_ == "neg" for c in t.children)
                  and any(c.lemma_ == "responsibility" for c in t.children)), None)
    subject = next((c for c in claim.children if c.dep_ == "nsubj"), None) if claim is not None else None
    found = index.at(subject) if subject is not None else None
    if found is not None and found[0].inter in ARMED_INTERS and not found[0].name.startswith("Unidentified"):
        old.roles = replace(old.roles, actor1=found[0], actor1_span=found[1])


def _dated(doc: Doc, sent: Sent) -> bool:
    """A date of its own (not just "before dawn") may make it another event: leave it alone."""
    return any(sent.sentence.start <= t.start < sent.sentence.end and t.granularity not in (None, "time", "vague")
               for t in doc.times or ())


def _opens_with(doc: Doc, sent: Sent, name: str) -> bool:
    """Is the sentence's first actor, near its start, the event's actor ("The fighters" for IS)?"""
    first = next((a for a in doc.actors or () if sent.sentence.start <= a.start < sent.sentence.end), None)
    return first is not None and first.start - sent.sentence.start <= 20 and first.name == name


PROTEST_SUBS = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                "Violent demonstration"}


def _without_fighting(d: Draft, sents: list[Sent], lex: Lexicon) -> bool:
    """"took over the village, but no clashes were reported": a transfer without fighting."""
    if any(f.kind == "killed" and f.value for f in d.figures):
        return False  # people were killed taking it: taken by force
    trigger = sents[0].tokens.doc.char_span(d.trigger.start, d.trigger.end, alignment_mode="expand") if sents else None
    if trigger is not None and trigger.text.lower() in FORCIBLE:
        return False
    near = [s for s in sents if 0 <= s.index - d.sentence_index <= 1]
    return any("nonviolent" in lex.territory.keys_in(s.tokens, context=s.words) for s in near)


def _sentences(doc: Doc) -> list[Sent]:
    out = []
    for i, s in enumerate(doc.sentences or ()):
        tokens = doc.spacy.char_span(s.start, s.end, alignment_mode="expand")
        if tokens is not None and len(tokens):
            out.append(Sent(i, s, tokens, sentence_words(tokens)))
    return out


def _answer(drafts: list[Draft], sent: Sent) -> bool:
    """A denial answers the latest event told just before it: record it there."""
    for d in reversed(drafts):
        if sent.index - d.sentence_index <= 3 and d.counter_claim is None:
            text = sent.tokens.text.strip()
            d.counter_claim = (text, Span(sent.sentence.start, sent.sentence.end))
            return True
    return False


# --- triggers and groups -------------------------------------------------------------------


def _triggers(sent: Sent, lex: Lexicon, doc: Doc) -> list[Match]:
    found = [m for m in lex.frames.match(sent.tokens, context=sent.words) if _valid(m, doc, lex)]
    crowd = dispersal_trigger(sent.tokens, sent.words) if not any(m.key == "protest" for m in found) else None
    found = found + [crowd] if crowd is not None else found
    found = weapons_mod.rekeyed(found, doc.spacy)
    found = [m for m in found if not _alleged(_head_token(doc, m))]
    if any(m.key == "protest" for m in found):
        # "protested after a girl died": the violence that caused a protest is its reason, not an event
        found = [m for m in found if cls.FAMILY[m.key] != "violence" or not cls.in_reason(_head_token(doc, m))
                 or _armed_act(doc, m)]
    others = [m for m in found if m.key != "gather"]
    # a development told beside a gathering ("elected officials gathered") is not its act
    acts = [m for m in others if m.key not in ("other", "nonlethal") and not cls.in_reason(_head_token(doc, m))]
    if acts or "purpose" not in cls.protest_cues(sent.tokens, lex.protest):
        return others  # a gathering is a protest only alone and with a stated aim
    return found


ALLEGING = frozenset({"accuse", "suspect", "charge", "convict", "allege"})


def _alleged(tok: Any) -> bool:
    """"a man accused of sexually harassing a woman", "suspected of theft": what someone is accused
    of describes them; it is not an event told here."""
    steps = 0
    while steps < 3 and tok.dep_ in ("pcomp", "pobj", "advmod", "conj"):
        tok, steps = tok.head, steps + 1
        if tok.lower_ in ("of", "for") and tok.head.lemma_.lower() in ALLEGING and tok.head.dep_ in ("acl", "amod"):
            return True
    return False


def _valid(m: Match, doc: Doc, lex: Lexicon) -> bool:
    tok = _head_token(doc, m)
    if senses.other_sense(tok, m.key):
        return False  # 'fired from his job', 'exploding cases': the word in another sense
    if m.key in ("capture", "regain", "transfer") and tok.lemma_.lower() in TERRITORY_VERBS | {"fall"}:
        return _territorial(tok, doc, lex) or tok.lemma_ in ("capture", "seize", "recapture")
    if m.key == "gather" and tok.pos_ not in ("VERB",):
        return False
    if tok.ent_type_ in ("DATE", "TIME", "PERSON") or (tok.pos_ == "PROPN" and m.key != "protest"):
        return False  # "March 3", "Rally" as a name
    return True


def _head_token(doc: Doc, m: Match) -> Any:
    root = doc.spacy[m.start : m.end].root
    return root.head if root.pos_ == "ADP" else root  # "set houses on fire": the verb "set"


def _territorial(verb: Any, doc: Doc, lex: Lexicon) -> bool:
    if verb.lemma_ == "fall":
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return obj is not None and is_place(obj, doc, lex)


def is_place(tok: Any, doc: Doc, lex: Lexicon) -> bool:
    """A token naming a place: a toponym, a GPE/LOC/FAC entity or a territorial noun."""
    cands = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    cands += [c for c in tok.children if c.dep_ == "appos"]  # "Novyi Bykiv, Chernihiv": a place in a region
    for t in cands:
        if t.lemma_.lower() in lex.territory_objects or t.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        if any(p.start <= t.idx < p.end for p in doc.places or ()):
            return True
    return False


@dataclass
class Group:
    family: str
    matches: list[Match]
    subject: Any = None
    clause: int = 0


def group_matches(matches: Sequence[Match], doc: Doc) -> list[list[Match]]:
    """One group per event: by family (with absorption), split on different explicit subjects."""
    families = {cls.FAMILY[m.key] for m in matches}
    groups: list[Group] = []
    for m in matches:
        subject = _explicit_subject(_head_token(doc, m))
        family = cls.FAMILY[m.key] if _armed_act(doc, m) else _family(m.key, families)
        # Across ", while ..." two clauses tell two events ("police arrested ..., while in X
        # relatives staged a sit-in").
        clause = cls.clause_index(_head_token(doc, m))
        target = next((g for g in groups if g.family == family and g.clause == clause and _same(g.subject, subject)), None)
        if target is None:
            groups.append(Group(family, [m], subject, clause))
        else:
            target.matches.append(m)
            target.subject = target.subject or subject
    return [g.matches for g in groups]


def _armed_act(doc: Doc, m: Match) -> bool:
    """"The protests followed the killing of a leader, whom gunmen shot dead": violence whose verb
    has a non-state armed subject of its own is its own event, neither the protest's reason nor its
    violence (ACLED codes only the state's force and the crowd's own violence as part of a protest)."""
    verb = _head_token(doc, m)
    subject = _explicit_subject(verb)
    if subject is None or verb.lemma_.lower() not in KILLING_VERBS:  # a killing, not a scuffle at a rally
        return False
    found = ActorIndex(doc).at(subject)
    return found is not None and found[0].inter in NON_STATE_ARMED


def _family(key: str, present: set[str]) -> str:
    own = cls.FAMILY[key]
    for big, small in cls.ABSORBS.items():
        if big in present and own in small:
            return big
    return own


def _explicit_subject(tok: Any) -> Any:
    """The verb's own named subject (pronouns and inherited subjects do not split groups)."""
    if tok.pos_ != "VERB":
        return None
    return next((c for c in tok.children if c.dep_ in ("nsubj", "agent") and c.pos_ != "PRON"), None)


def _same(a: Any, b: Any) -> bool:
    return a is None or b is None or a.lower_ == b.lower_


# --- coding one group ------------------------------------------------------------------------


def make_draft(doc: Doc, sent: Sent, group: list[Match], index: ActorIndex, lex: Lexicon) -> Draft | None:
    frames = frozenset(m.key for m in group)
    head = next(m for m in group if m.key == cls.head_frame(frames))
    tok = _head_token(doc, head)
    if _reference_only(tok, lex) or status_line(tok, lex) or (frames == {"harm"} and zero_victims(tok)):
        return None  # a mention of an event told elsewhere, a line with only the count's status, "no one was hurt"
    if len(group) == 1 and death_topic(tok):
        return None  # "since Mr. Floyd's death": what the story is about, not an attack it reports
    role = _outside_dropped(_best_roles(doc, group, tok, index), sent)
    role = _fill_from_sentence(role, sent, tok, index, territorial=bool(frames & TERRITORY_FRAMES))
    weapons = weapon_cues(sent, lex)
    frames = _refine_frames(frames, role, tok, doc, lex, weapons)
    if frames & TERRITORY_FRAMES and disputed_claim(tok):
        return None  # "claimed to have seized the post, but the army said no ground was lost"
    if frames & TERRITORY_FRAMES and _attempted(tok):
        frames = (frames - TERRITORY_FRAMES) | {"clash"}  # "attempted to capture the city": a fight, not a capture
    if _excluded(sent, frames, role, lex):
        return None
    figs = [f for f in figures(sent.tokens, lex) if not (_family_of(frames) == "demo" and _reason_figure(doc, f))]
    cues = cls.protest_cues(sent.tokens, lex.protest, within=tok)
    target = target_kind(role.patient, lex) or _victims_target(figs)
    span = Span(tok.idx, tok.idx + len(tok.text))
    where = event_place(doc, span, sent.sentence)
    clues = replace(_clues(frames, weapons, cues, role, target, figs, tok, doc, lex), foreign=_foreign(role, where, doc))
    sub = cls.classify(clues)
    if sub is None:
        return None
    when = event_time(doc, span, sent.sentence)
    if is_background(when, doc.article.published):
        return None  # "the war erupted in April 2023 and has killed tens of thousands": history
    triggers = [span] + [s for s in (_match_span(doc, m) for m in group) if not s.overlaps(span)]
    return Draft(sub, cls.FAMILY[head.key], span, sent.sentence, sent.index, frames, frozenset(weapons), cues,
                 role, target, figs, factuality(tok, lex), attribution(tok, sent.tokens, lex), triggers,
                 clues=clues, when=when, where=where,
                 refers_back=back_reference(tok) and len(group) == 1,
                 aftermath=consequence_subject(tok))


def _foreign(role: Roles, where: EventPlace, doc: Doc) -> bool:
    """State forces acting outside their own country ("Russian forces captured X" in Ukraine)."""
    a = role.actor1
    iso = where.iso2 or _story_iso(doc)
    return a is not None and a.inter == cls.STATE and bool(a.country) and bool(iso) and a.country != iso


def _match_span(doc: Doc, m: Match) -> Span:
    toks = doc.spacy[m.start : m.end]
    return Span(toks.start_char, toks.end_char)


def _family_of(frames: frozenset[str]) -> str:
    return cls.FAMILY[cls.head_frame(frames)]


def _reason_figure(doc: Doc, fig: Figure) -> bool:
    """A death the protest is about ("protested the killing of a man") is not a protest casualty."""
    if fig.span is None:
        return False
    tok = doc.spacy.char_span(fig.span.start, fig.span.end, alignment_mode="expand")
    return tok is not None and cls.in_reason(tok.root)


def _attempted(tok: Any) -> bool:
    steps = 0
    while tok.dep_ in ("xcomp", "conj", "advcl", "pcomp") and steps < 4:
        tok, steps = tok.head, steps + 1
        if tok.lemma_ in ("attempt", "try", "seek", "aim", "fail", "plan"):
            return True
    return False


def weapon_cues(sent: Sent, lex: Lexicon) -> frozenset[str]:
    return weapons_mod.weapon_cues(sent.tokens, sent.words, lex)


def _reference_only(tok: Any, lex: Lexicon) -> bool:
    """"condemned the attack", "claimed responsibility for the bombing": no new event."""
    if _told_before(tok):
        return True
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("dobj", "pobj"):
        return False  # only an event named as what someone condemns or claims ("demonstrators responded": no)
    verbs = lex.attribution.words_of("reference_verbs")
    below, head, steps = tok, tok.head, 0
    while steps < 3 and head.pos_ in ("ADP", "NOUN", "VERB") and head is not tok:
        if below.dep_ in ("nsubj", "nsubjpass"):
            return False  # "tens of thousands of demonstrators responded": they are the subject
        if head.pos_ == "VERB":
            return head.lemma_ in verbs
        below, head, steps = head, head.head, steps + 1
    return False


SEQUENCE_VERBS = frozenset({"follow", "precede"})
DEFINITE = frozenset({"the", "these", "those", "this"})


def _told_before(tok: Any) -> bool:
    """"The protests followed the killing of ...": a definite event noun as the subject of a verb of
    sequence points back to an event already told; the sentence tells what came before it."""
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
    return tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and definite and tok.head.lemma_.lower() in SEQUENCE_VERBS


def _killer_named(verb: Any, index: ActorIndex) -> bool:
    """"Separatists killed five civilians in a raid": the active subject of a killing verb, when it
    names an armed actor, is the raid's doer ("a civilian died", "were killed": no doer here)."""
    if verb.lemma_.lower() not in HARM_VERBS or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    found = index.at(subject) if subject is not None else None
    return found is not None and found[0].inter in ARMED_INTERS


def _best_roles(doc: Doc, group: list[Match], tok: Any, index: ActorIndex) -> Roles:
    first = _pronoun_agent(roles(tok, index), tok, index)
    if first.actor1 is not None and first.actor2 is not None:
        return first
    for m in group:
        head = _head_token(doc, m)
        if m.key == "harm" and not _killer_named(head, index):
            continue  # "civilian casualties": a harm word's modifiers are victims, not agents
        other = roles(head, index)
        if other.actor1 is not None and first.actor2 is not None and other.actor1.name == first.actor2.name:
            continue
        first = replace(
            first,
            agent=first.agent or other.agent,
            patient=first.patient or other.patient,
            actor1=first.actor1 or other.actor1,
            actor1_span=first.actor1_span or other.actor1_span,
            actor2=first.actor2 or (other.actor2 if other.actor2 != first.actor1 else None),
            actor2_span=first.actor2_span or (other.actor2_span if other.actor2 != first.actor1 else None),
        )
    return first


def _fill_from_sentence(role: Roles, sent: Sent, tok: Any, index: ActorIndex, *, territorial: bool) -> Roles:
    """Sides the parse did not reach: the armed actor named before the trigger is the agent,
    another armed actor in the sentence the opponent."""
    span = Span(sent.sentence.start, sent.sentence.end)
    trig = Span(tok.idx, tok.idx + len(tok.text))
    if role.actor1 is None and role.agent is None:
        # "The army put the toll at 18 and blamed the ADF": the accused did it, not the speaker
        found = _accused_in(sent, index) or nearest_actor(index, span, trig, before=True, exclude=_names(role.actor2))
        if found is not None and found[0].inter in ARMED_INTERS and _within(role.patient, found[1]):
            if role.actor2 is None:  # "a suspected MS-13 member was shot": the victim's own group
                role = replace(role, actor2=found[0], actor2_span=found[1])
        elif found is not None and found[0].inter in ARMED_INTERS:
            role = replace(role, actor1=found[0], actor1_span=found[1])
    if role.actor2 is None and index.at(role.patient) is None and not territorial:
        found = _armed_victims(sent, index, role.actor1)  # "attacked a truck, killing 4 VDP members"
        if found is not None:
            role = replace(role, actor2=found[0], actor2_span=found[1])
    if role.actor2 is None and role.actor1 is not None and not territorial:
        found = _other_armed(index, span, trig, role.actor1, _described(sent, role.actor1_span), sent.tokens.doc)
        if found is not None and not _partner(sent, found[1], role.actor1_span):
            role = replace(role, actor2=found[0], actor2_span=found[1])
    return role


def _partner(sent: Sent, other: Span, actor1: Span | None) -> bool:
    """The other armed actor is actor1's own people or its ally, not its opponent. The text comes
    from the sentence's doc only here: spaCy joins every token's text anew on each ``Doc.text``."""
    text = sent.tokens.doc.text
    return _members_of(text, other, actor1) or _ally(text, other)


def _within(tok: Any, span: Span) -> bool:
    """Is ``span`` the noun ``tok`` or one of its modifiers ("a suspected MS-13 member"), not a
    phrase further down ("an opponent of the regime")?"""
    if tok is None:
        return False
    words = [tok, *(c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod"))]
    return any(w.idx <= span.start < w.idx + len(w.text) or span.start <= w.idx < span.end for w in words)


HARM_VERBS = frozenset({"kill", "murder", "slay", "wound", "injure", "execute", "behead", "assassinate", "shoot"})


def _armed_victims(sent: Sent, index: ActorIndex, actor1: ActorMention | None):
    """An armed group named as the victims of a harm verb: its object or the object's modifier."""
    for verb in (t for t in sent.tokens if t.lemma_.lower() in HARM_VERBS and t.pos_ == "VERB"):
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            for tok in (obj, *(c for c in obj.children if c.dep_ in ("compound", "amod", "nmod", "poss"))):
                found = index.at(tok)
                if found is not None and found[0].inter in ARMED_INTERS and found[0].name not in _names(actor1):
                    return found
    return None


def _accused_in(sent: Sent, index: ActorIndex):
    for t in sent.tokens:
        if t.lemma_.lower() in ("blame", "accuse"):
            found = index.at(next((c for c in t.children if c.dep_ == "dobj"), None))
            if found is not None and found[0].inter in ARMED_INTERS:
                return found
    return None


def _outside_dropped(role: Roles, sent: Sent) -> Roles:
    """An agent the parse found outside the sentence (the dateline "MAIDUGURI, Nigeria -" read
    as the subject) is no agent: the sentence's own actors are looked for instead."""
    if role.agent is not None and role.actor1 is None and not (
            sent.sentence.start <= role.agent.idx < sent.sentence.end):
        return replace(role, agent=None)
    return role


def _names(actor: ActorMention | None) -> list[str]:
    return [actor.name] if actor is not None else []


def _other_armed(index: ActorIndex, span: Span, trig: Span, actor1: ActorMention, skip: Span | None,
                 doc: Any = None):
    for before in (False, True):
        found = nearest_actor(index, span, trig, before=before, exclude=[actor1.name])
        if found is not None and found[0].inter in ARMED_INTERS and not (skip and skip.contains(found[1])) \
                and not teller(doc, found[1]):
            return found
    return None


def _described(sent: Sent, actor: Span | None) -> Span | None:
    """The phrase that describes actor1 ("the SDF, a Kurdish-led militia alliance"): no opponent there."""
    if actor is None:
        return None
    toks = sent.tokens.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if toks is None:
        return None
    root = toks.root
    return Span(root.left_edge.idx, root.right_edge.idx + len(root.right_edge.text))


def _pronoun_agent(role: Roles, tok: Any, index: ActorIndex) -> Roles:
    """"they took the town", "which launched": the agent is the named subject of the clause
    above the pronoun ("The SDF ... advanced when they took Hajin"), else the armed actor named
    just before it."""
    if role.actor1 is not None or role.agent is None or role.agent.pos_ not in ("PRON", "DET"):
        return role
    found = _governing_subject(role.agent, index)
    if found is None:
        sent = tok.sent
        found = nearest_actor(index, Span(sent.start_char, sent.end_char), Span(role.agent.idx, role.agent.idx),
                              before=True, exclude=_names(role.actor2))
    if found is None or found[0].inter not in ARMED_INTERS:
        return role
    return replace(role, actor1=found[0], actor1_span=found[1])


def _governing_subject(pronoun: Any, index: ActorIndex):
    verb, steps = pronoun.head, 0
    while verb.dep_ != "ROOT" and steps < 4:
        verb, steps = verb.head, steps + 1
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON" and child.i < pronoun.i:
                found = index.at(child)
                if found is not None:
                    return found
    return None


def _refine_frames(frames: frozenset[str], role: Roles, tok: Any, doc: Doc, lex: Lexicon,
                   weapons: frozenset[str] = frozenset()) -> frozenset[str]:
    """"captured five militants": a capture of people is an arrest (state) or an abduction;
    a "strike" is a labour strike or a blow (:func:`.senses.strike_frame`)."""
    if "strike" in frames:
        armed = role.actor1 is not None and role.actor1.inter in ARMED_INTERS
        frames = (frames - {"strike"}) | {senses.strike_frame(tok, violent=bool(weapons or frames & cls.VIOLENT), armed_doer=armed)}
    if "capture" in frames and role.patient is not None and not is_place(role.patient, doc, lex):
        if target_kind(role.patient, lex) is not None or role.patient.pos_ == "PRON":
            if _crowd(role):
                return (frames - {"capture"}) | {"attack"}  # "residents captured a thief": mob justice
            state = role.actor1 is not None and role.actor1.inter == cls.STATE
            return (frames - {"capture"}) | {"arrest" if state else "abduct"}
    return frames


def _excluded(sent: Sent, frames: frozenset[str], role: Roles, lex: Lexicon) -> bool:
    """Crime without a political side, accidents and disasters are not coded."""
    if not frames & (cls.VIOLENT | {"loot", "destroy", "abduct"}) or frames & {"riot", "protest", "gather"}:
        return False  # a protest about a robbery is still a protest
    keys = lex.exclusions.keys_in(sent.tokens, context=sent.words)
    if not keys or (keys == {"crime"} and _crowd(role)):
        return False  # a crowd beating a thief is mob justice, which ACLED codes (mob violence)
    inters = {a.inter for a in (role.actor1, role.actor2) if a is not None}
    return not inters & (ARMED_INTERS | {cls.RIOTERS})


def _clues(frames, weapons, cues, role: Roles, target, figs, tok, doc: Doc, lex: Lexicon) -> cls.Clues:
    place_obj = _territory_object(frames, role, tok, doc, lex)
    harmed = any(f.kind in ("killed", "injured", "casualties") and f.value > 0 for f in figs)
    harmed = harmed or ("harm" in frames and not any(f.value == 0 for f in figs))
    return cls.Clues(
        frames=frames, weapons=frozenset(weapons), protest=cues,
        inter1=role.actor1.inter if role.actor1 else None,
        inter2=role.actor2.inter if role.actor2 else None,
        target=target, place_object=place_obj, harmed=harmed,
        agent_word=role.agent.lemma_.lower() if role.agent is not None else None,
        crowd=_crowd(role, tok),
    )


def _crowd(role: Roles, tok: Any = None) -> bool:
    """The agent is an unarmed crowd: a rioters/protesters/civilians actor, or a crowd noun; for a
    fight with no agent, both sides named in "between ..." are crowds ("a clash between two groups
    of villagers", "clashes between party cadres")."""
    if _one_person(role.agent):
        return False  # "an off-duty officer shot ...": one person is no mob (ACLED: a group)
    if role.actor1 is not None and role.actor1.inter is not None:
        return role.actor1.inter in (cls.RIOTERS, cls.PROTESTERS, cls.CIVILIANS)
    verdict = cls.unarmed_agent(role.agent)
    if verdict is None and tok is not None:
        sides = _between_sides(tok)
        return bool(sides) and all(cls.unarmed_agent(t, loose=True) for t in sides)
    return bool(verdict)


COLLECTIVE = frozenset({"crowd", "mob", "group", "community", "family", "public", "population", "gang", "people",
                        "youth", "locality", "village", "neighbourhood", "neighborhood"})


def _one_person(agent: Any) -> bool:
    """A singular noun for one person ("an off-duty police officer", "a man"), not a collective."""
    if agent is None or agent.tag_ not in ("NN", "NNP") or agent.lemma_.lower() in COLLECTIVE:
        return False
    if agent.lemma_.lower() not in cls.CROWD_AGENTS | cls.ARMED_AGENTS | {"person", "individual", "civilian"}:
        return False  # "an unspecified number of residents": the head is no person
    return not any(c.dep_ in ("conj", "nummod") for c in agent.children)


def _between_sides(tok: Any) -> list[Any]:
    """"a clash between X and Y", "a clash ensued between X and Y", "clashes erupted between ..."."""
    heads = [tok, tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [tok]
    heads += [c for c in tok.children if c.dep_ in ("acl", "relcl")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "between"]
    objs = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return [t for o in objs for t in (o, *o.conjuncts)]


def _territory_object(frames, role: Roles, tok: Any, doc: Doc, lex: Lexicon) -> bool:
    if not frames & {"capture", "regain", "transfer"}:
        return False
    if tok.lemma_ == "fall" or (role.patient is not None and is_place(role.patient, doc, lex)):
        return True
    return tok.pos_ == "NOUN" and any(c.dep_ == "prep" for c in tok.children)


# --- from a draft to an Event ----------------------------------------------------------------


def to_event(doc: Doc, d: Draft, lex: Lexicon, *, seat_of: SeatOf | None = None) -> Event:
    when = d.when or event_time(doc, d.trigger, d.sentence)
    where = seated(doc, d.where or event_place(doc, d.trigger, d.sentence), seat_of)
    iso = where.iso2 or _story_iso(doc) or _actor_iso(d)
    (a1, i1, s1), (a2, i2, s2) = sides(doc, d, iso)
    counts = combine(_restated(d.figures))
    event = Event(
        event_id=Event.make_id(doc.id, d.trigger, d.sub),
        article_id=doc.id,
        event_type=cls.event_type_of(d.sub),
        sub_event_type=d.sub,
        trigger=d.trigger,
        sentence=Span(d.sentence.start, d.sentence.end),
        actor1=a1, inter1=i1, actor2=a2, inter2=i2,
        interaction=naming.interaction(i1, i2),
        civilian_targeting=i2 == cls.CIVILIANS,
        fatalities=counts.fatalities if counts.fatalities is not None else 0,
        fatalities_low=counts.fatalities_low if counts.fatalities_low is not None else _zero_low(counts),
        fatalities_high=counts.fatalities_high,
        injured=counts.injured, displaced=counts.displaced, detained=counts.detained,
        victims=counts.victims or _victims_from(i2, d),
        factuality=d.factuality,
        attribution=d.attribution[0] if d.attribution else None,
        sources=join_sources([d.attribution[0] if d.attribution else None, *(n for n, _ in d.more_sources)]),
        counter_claim=d.counter_claim[0] if d.counter_claim else None,
        source=doc.article.source,
        mentions=tuple(d.mentions),
        **_time_fields(when), **_place_fields(where),
        evidence=evidence({
            "actor1": s1, "actor2": s2, "date": when.evidence, "location": where.evidence,
            "fatalities": counts.evidence if counts.fatalities is not None else None,
            "counts": counts.evidence if counts.fatalities is None else None, "attribution": d.attribution[1] if d.attribution else None,
            "counter_claim": d.counter_claim[1] if d.counter_claim else None,
        }) + tuple((f"attribution.{i}", span) for i, (_, span) in enumerate(d.more_sources, 2)),
    )
    event = settled(event, (d.roles.actor1, d.roles.actor2, *d.extra_actors))  # settlers in mob violence
    return replace(event, notes=note(event))


def _zero_low(counts) -> int | None:
    return 0 if counts.fatalities_high is not None else None


def _restated(figs: list[Figure]) -> list[Figure]:
    return figs


def _victims_from(inter2: int | None, d: Draft) -> str | None:
    if inter2 == cls.CIVILIANS and any(f.value for f in d.figures if f.kind in ("killed", "injured")):
        return "civilians"
    return None


def _time_fields(t: EventTime) -> dict[str, Any]:
    return {"event_date": t.event_date, "date_start": t.date_start, "date_end": t.date_end,
            "time_precision": t.time_precision}


def _place_fields(p: EventPlace) -> dict[str, Any]:
    return {"location": p.location, "latitude": p.latitude, "longitude": p.longitude,
            "geonameid": p.geonameid, "country": p.country or naming.country_name(p.iso2), "iso2": p.iso2,
            "admin1": p.admin1, "admin2": p.admin2, "geo_precision": p.geo_precision}


def _actor_iso(d: Draft) -> str | None:
    actors = (d.roles.actor1, d.roles.actor2)
    return next((a.country for a in actors if a is not None and a.country and a.inter != cls.EXTERNAL), None)


def _story_iso(doc: Doc) -> str | None:
    found = geo_countries.story_country(doc)
    if found:
        return found
    return next((a.country for a in doc.actors or () if a.country), None)
