"""Who did what to whom: actor1 and actor2 from the dependency roles around a trigger.

The agent is the subject of an active trigger verb, the ``by`` phrase of a passive one, the
subject of a light verb ("carried out an airstrike"), the modifier or ``by`` phrase of an event
noun ("a Taliban attack", "airstrikes by the coalition"), or the accused of an accusation. The
patient is the object, the passive subject, or the ``on``/``against``/``with`` phrase. Each
role's head token is mapped to the actor mention covering it, following antecedent links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from ..model import ActorMention, Doc, Span
from .lexicon import Lexicon

LIGHT_VERBS = {"carry", "launch", "conduct", "stage", "wage", "hold", "mount", "perpetrate", "commit",
               "execute", "organize", "organise", "lead", "unleash", "claim", "make", "orchestrate", "use"}
PATIENT_PREPS = {"on", "against", "at", "upon", "targeting", "toward", "towards", "with", "into"}
ACCUSE = {"accuse", "blame", "hold", "charge"}
TAKE = {"retake", "retook", "retaken", "recapture", "capture", "seize", "take", "wrest", "reclaim", "regain", "liberate", "free",
        "overrun", "conquer"}
SYMMETRIC = {"clash", "fight", "engage", "battle", "exchange", "skirmish"}
# Participles whose "by" phrase names who used the weapon ("shells fired by the army"); not "escorted by".
USED_BY = {"fire", "launch", "plant", "lay", "drop", "detonate", "throw", "hurl", "shoot", "conduct", "carry",
           "use", "deploy", "place", "set"}
FIGHT_NOUNS = {"fighting", "firefight", "gunfight", "shootout", "shoot-out", "gunbattle", "confrontation"}
UNIDENTIFIED = {"unidentified", "unknown", "suspected", "masked", "armed", "unnamed", "gunman", "gunmen",
                "assailant", "attacker", "attackers", "assailants"}


@dataclass(frozen=True, slots=True)
class Roles:
    agent: Any = None  # spaCy token heading the agent phrase
    patient: Any = None  # spaCy token heading the patient phrase
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    actor1_span: Span | None = None
    actor2_span: Span | None = None


class ActorIndex:
    """Maps token offsets to the doc's actor mentions, resolving antecedents."""

    def __init__(self, doc: Doc):
        self.actors = tuple(doc.actors or ())

    def at(self, tok: Any) -> tuple[ActorMention, Span] | None:
        if tok is None:
            return None
        for tok_ in _phrase_tokens(tok):
            for m in self.actors:
                if m.start <= tok_.idx < m.end:
                    return self.resolve(m), Span(m.start, m.end)
        return None

    def resolve(self, m: ActorMention) -> ActorMention:
        seen = 0
        while m.antecedent is not None and 0 <= m.antecedent < len(self.actors) and seen < 10:
            m, seen = self.actors[m.antecedent], seen + 1
        return m

    def in_range(self, start: int, end: int) -> list[ActorMention]:
        return [m for m in self.actors if start <= m.start and m.end <= end]

    def overlapping(self, start: int, end: int) -> list[ActorMention]:
        return [m for m in self.actors if m.end > start and m.start < end]


def _phrase_tokens(tok: Any) -> list[Any]:
    """The head first, then its compound/appositive/conjunct modifiers that may carry the name."""
    out = [tok]
    out += [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "appos", "nmod")]
    out += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return out


def roles(trigger: Any, index: ActorIndex) -> Roles:
    known = lambda tok: index.at(tok) is not None  # noqa: E731 - a between-phrase of actors, not of places
    agent, patient = (_verb_roles if trigger.pos_ in ("VERB", "AUX") else _noun_roles)(trigger, known)
    if agent is not None and agent.dep_ == "nsubj" and not known(agent):
        agent = _subject(agent.head, known)
    if agent is not None and not known(agent):
        agent = _apposed_actor(agent, known) or _user_of(agent, known) or agent
    agent = _member_of(agent, index) or agent
    if (agent is None or not known(agent)) and trigger.lemma_.lower() in SYMMETRIC | FIGHT_NOUNS:
        agent, patient = _fight_sides(trigger, known) or (agent, patient)
    a1 = index.at(_accused(agent)) or _first_of(agent, index) or index.at(agent) or index.at(_owner(agent))
    a2 = index.at(patient)
    if a2 is None and trigger.lemma_.lower() in TAKE:  # "retook the town from the rebels"
        a2 = next(filter(None, (index.at(_prep_object(t, preps={"from"})) for t in _taken(trigger))), None)
    if a1 and a2 and a1[0].name == a2[0].name and a1[1] == a2[1]:
        a2 = None
    if a1 and a2 is None and _two_sided(trigger):
        a1, a2 = _coordinated(agent, a1, index)
    return Roles(agent, patient, a1[0] if a1 else None, a2[0] if a2 else None,
                 a1[1] if a1 else None, a2[1] if a2 else None)


def _member_of(agent: Any, index: ActorIndex) -> Any:
    """"Fighters of the Rapid Support Forces stormed ...", "members of the militia": a group's
    people, named only as fighters or members, act as the group."""
    if agent is None or not _unnamed(index.at(agent)):
        return None
    of = next((c for c in agent.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == agent.i + 1), None)
    if of is None or agent.head.i <= of.i:
        return None
    # the words between "of" and the verb ("of the paramilitary Rapid Support Forces"), however parsed
    doc = agent.doc
    for tok in doc[of.i + 1 : agent.head.i]:
        found = index.at(tok)
        if found is not None and not _unnamed(found):
            return tok
    return None


def _unnamed(found) -> bool:
    return found is None or found[0].name.startswith("Unidentified")


def _user_of(weapon: Any, known) -> Any:
    """"A drone launched by the Houthis struck ...", "Government jets bombed ...": the subject is the
    weapon, its user the doer."""
    user = _by_phrase(weapon)
    if user is not None and known(user):
        return user
    # "Government jets bombed ...", "army helicopters fired ...": the owner named before the weapon
    return next((c for c in weapon.children if c.dep_ in ("compound", "amod", "nmod") and c.i < weapon.i and known(c)), None)


def _two_sided(trigger: Any) -> bool:
    """A fight has two sides: "clashed", "clashes between ...", "a firefight"."""
    return trigger.lemma_.lower() in SYMMETRIC | FIGHT_NOUNS or _between(trigger) is not None or (
        trigger.dep_ in ("nsubj", "nsubjpass") and _between(trigger.head) is not None)


def _first_of(agent: Any, index: ActorIndex) -> tuple[ActorMention, Span] | None:
    """"the Myanmar military forces and Pyu Saw Htee members burned ...": of actors coordinated in
    the subject, the first named is actor1 (ACLED's order; the others are its associates)."""
    if agent is None or not any(t.dep_ == "cc" for t in agent.doc[agent.left_edge.i : agent.i]):
        return None
    # a name cut by the parse ("pro-Hadi and Giants Brigades forces": "pro" left outside) still counts
    inside = index.overlapping(agent.left_edge.idx, agent.idx + len(agent.text))
    if len({index.resolve(m).name for m in inside}) < 2:
        return None
    return index.resolve(inside[0]), Span(inside[0].start, inside[0].end)


def _apposed_actor(tok: Any, known) -> Any:
    """"(Katha district, Sagaing region), the combined force of the KIA fought ...": the place read
    as the subject has the actor as its apposition."""
    for c in tok.children:
        if c.dep_ == "appos":
            found = c if known(c) else _apposed_actor(c, known)
            if found is not None:
                return found
    return None


def _fight_sides(trigger: Any, known) -> tuple[Any, Any] | None:
    """"a clash broke out between the army and the KIA" (the parse may hang "between" on a verb
    next to the trigger): the two sides when the trigger's own subject names no actor."""
    near = [trigger, *(c for c in trigger.children if c.dep_ in ("ccomp", "conj", "xcomp", "advcl"))]
    near += [trigger.head] if trigger.dep_ in ("nsubj", "nsubjpass") else []
    pairs = [p for t in near if (p := _between(t, known)) is not None]
    return next((p for p in pairs if known(p[0])), None)


def _coordinated(agent: Any, a1: tuple[ActorMention, Span], index: ActorIndex):
    """"Russian and Ukrainian forces clashed": two actors inside one phrase, in reading order."""
    if agent is None:
        return a1, None
    end = agent.idx + len(agent.text)  # the head and what precedes it, not a clause after it
    inside = [m for m in index.in_range(agent.left_edge.idx, end) if index.resolve(m).name != a1[0].name]
    if not inside:
        return a1, None
    other = (index.resolve(inside[0]), Span(inside[0].start, inside[0].end))
    return (other, a1) if other[1].start < a1[1].start else (a1, other)


def _taken(verb: Any) -> list[Any]:
    """The verb and the words of its own clause a "from" hangs on: the parse may attach it to the
    object, its "of" noun or a place after it ("the village of X in Y oblast from Z")."""
    heads = [t.head for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "from" and t.i > verb.i
             and _in_clause(t.head, verb)]
    return [verb] + [h for h in heads if h.i != verb.i]


def _in_clause(tok: Any, verb: Any) -> bool:
    """No other verb stands between ``tok`` and ``verb`` ("forces that fled from X" is another clause)."""
    while tok.i != verb.i and tok.dep_ != "ROOT":
        if tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return tok.i == verb.i


def _accused(agent: Any) -> Any:
    """"The army put the toll at 18 and blamed the ADF": the army is the source, the ADF the doer."""
    if agent is None or agent.dep_ != "nsubj":
        return None
    verb = agent.head
    for v in (verb, *verb.conjuncts):
        if v.lemma_.lower() in ("blame", "accuse"):
            return _child(v, "dobj")
    return None


def _owner(tok: Any) -> Any:
    """"The air force said its jets had bombed ...": "its" is the subject of the clause above."""
    if tok is None or not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
        return None
    head = tok.head
    while head.dep_ in ("ccomp", "conj", "xcomp") and head.head is not head:
        head = head.head
        subject = _subject(head)
        if subject is not None:
            return subject
    return None


def _verb_roles(verb: Any, known=lambda tok: True) -> tuple[Any, Any]:
    if verb.lemma_ == "fall":  # "the town fell to the rebels": the taker is under "to"
        return _prep_object(verb, preps={"to"}), _subject(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    agent = _child(verb, "agent", pobj=True) if passive else _subject(verb)
    if agent is None and verb.dep_ == "acl":  # "shells fired by the army hit ...": a participle's "by"
        agent = _child(verb, "agent", pobj=True)
    if agent is None and passive:  # "was beaten up and injured by residents"
        agent = next((a for v in verb.conjuncts if (a := _child(v, "agent", pobj=True)) is not None), None)
    patient = _child(verb, "nsubjpass") if passive else _child(verb, "dobj")
    if patient is not None and patient.lemma_ in ("fire", "shot", "gunfire"):  # "opened fire at/on X"
        patient = _prep_object(patient) or _prep_object(verb)
    patient = patient or _prep_object(verb)
    if patient is None and not passive:  # "shot and killed an officer": the object both verbs share
        patient = next((o for v in verb.conjuncts if v.i > verb.i and (o := _child(v, "dobj")) is not None), None)
    if agent is None:
        agent = _inherited_subject(verb)
    if verb.lemma_ in SYMMETRIC and patient is not None and patient.ent_type_ in ("DATE", "TIME"):
        patient = None  # "the army and the RSF fought on Monday": a day is no side
    if agent is not None and patient is None and verb.lemma_ in SYMMETRIC:
        patient = next(iter(agent.conjuncts), None)  # "NPA militants and the military engaged in a firefight"
    if patient is None:
        patient = next(iter(_between(verb, known) or ()), None)
    return agent, patient


def _subject(verb: Any, known=lambda tok: True) -> Any:
    """The verb's subject; of two (a place phrase mis-parsed as one), the first that names an actor."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return next((c for c in subjects if known(c)), next(iter(subjects), None))


def _inherited_subject(verb: Any) -> Any:
    """A participle or conjunct shares its head's subject ("clashed ..., killing three")."""
    tok, steps = verb, 0
    while tok.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acl", "relcl") and steps < 4:
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
            # "gunmen firing on the crowd", "a group of people tortured ..." (a mis-parsed main verb)
            return tok.head if tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBD") else None
        raised = tok.dep_ == "xcomp"  # "the SSPDF are alleged to have attacked": the raised subject
        tok, steps = tok.head, steps + 1
        subject = _subject(tok) or _child(tok, "agent", pobj=True) or (_child(tok, "nsubjpass") if raised else None)
        if subject is not None:
            return subject
    return None


def _between(tok: Any, known=lambda tok: True) -> tuple[Any, Any] | None:
    """"fighting between the KIA and the military": the two sides; of several "between" phrases
    ("between Namtu and Da Baung, a clash broke out between the army and the KIA"), one naming actors."""
    pairs = []
    for c in tok.children:
        first = _child(c, "pobj") if c.dep_ == "prep" and c.lower_ == "between" else None
        if first is not None:
            pairs.append((first, next(iter(first.conjuncts), None)))
    return next((p for p in pairs if known(p[0]) or (p[1] is not None and known(p[1]))), next(iter(pairs), None))


def _noun_roles(noun: Any, known=lambda tok: True) -> tuple[Any, Any]:
    sides = _between(noun, known) or (_between(noun.head, known) if noun.dep_ in ("nsubj", "nsubjpass") else None)
    if sides is not None:
        return sides
    agent = _by_phrase(noun)
    patient = _prep_object(noun, preps=PATIENT_PREPS | {"of"})
    head = noun.head
    if agent is None and noun.dep_ == "dobj" and head.lemma_ in LIGHT_VERBS:
        # the doer of "X carried out an air strike" is X, not the noun's modifier ("air")
        agent = _subject(head) or _inherited_subject(head)
    agent = agent or _modifier(noun)
    if agent is None and noun.dep_ == "pobj" and head.lower_ == "of" and head.head.head.lemma_ in ACCUSE:
        agent = head.head if head.head.dep_ == "dobj" else None
    if agent is None and noun.dep_ == "pobj" and head.head.lemma_ in ACCUSE:
        agent = _child(head.head, "dobj")
    return agent, patient


def _by_phrase(noun: Any) -> Any:
    """"airstrikes by the coalition", and through a participle: "shells fired by the military"."""
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            return _child(c, "pobj")
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.lower() in USED_BY and (agent := _child(c, "agent", pobj=True)) is not None:
            return agent
    head = noun.head  # "mortar bombs fired by the army hit ...", the participle parsed as the main verb
    if noun.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in USED_BY:
        return _child(head, "agent", pobj=True)
    return None


def _modifier(noun: Any) -> Any:
    for c in noun.children:
        named = c.dep_ in ("compound", "poss", "nmod") or (c.dep_ == "amod" and c.text[:1].isupper())
        if named and c.pos_ in ("PROPN", "NOUN", "ADJ") and c.i < noun.i:
            return c
    for c in noun.children:  # "a Houthi-planted landmine": the name before the participle's hyphen
        if c.dep_ == "amod" and c.tag_ == "VBN" and c.i < noun.i:
            named = next((g for g in c.children if g.i < c.i and g.text[:1].isupper()), None)
            if named is not None:
                return named
    return None


def _child(tok: Any, dep: str, *, pobj: bool = False) -> Any:
    for c in tok.children:
        if c.dep_ == dep:
            return _child(c, "pobj") if pobj else c
    return None


def _prep_object(tok: Any, preps: set[str] | frozenset[str] = PATIENT_PREPS) -> Any:
    """The object of the first patient preposition after ``tok`` ("On 8 January, X fired at Y":
    the date's "on" before the verb is no target)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i:
            obj = _child(c, "pobj")
            if obj is not None:
                return obj
    return None


def unidentified(tok: Any) -> bool:
    """"unidentified gunmen", "unknown assailants", "armed men": ACLED's Unidentified Armed Group."""
    if tok is None:
        return False
    words = {tok.lower_, tok.lemma_.lower()} | {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    return bool(words & UNIDENTIFIED) and tok.lemma_.lower() not in ("police", "soldier", "troop", "force")


def nearest_actor(index: ActorIndex, sentence: Span, trigger: Span, *, before: bool,
                  exclude: Sequence[str] = ()) -> tuple[ActorMention, Span] | None:
    """The closest actor mention on one side of the trigger, inside the sentence."""
    cands = [m for m in index.in_range(sentence.start, sentence.end)
             if (m.end <= trigger.start if before else m.start >= trigger.end)]
    cands = [m for m in cands if index.resolve(m).name not in exclude]
    if not cands:
        return None
    m = cands[-1] if before else cands[0]
    return index.resolve(m), Span(m.start, m.end)


def target_kind(tok: Any, lex: Lexicon) -> str | None:
    """"civilians" or "armed" for the patient's head noun (and its "of" object)."""
    if tok is None:
        return None
    owners = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    if tok.lemma_.lower() in ("member", "supporter", "leader", "official") and owners:
        # "a member of the USDP party" is a civilian; "members of the militia" are not
        return "armed" if any("armed" in lex.victims.keys_in(o.doc[o.i : o.i + 1]) for o in owners) else "civilians"
    for t in [tok, *owners]:
        keys = lex.victims.keys_in(t.doc[t.i : t.i + 1])
        if "armed" in keys:
            return "armed"
        if "civilian" in keys:
            return "civilians"
    return None
