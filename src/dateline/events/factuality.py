"""Factuality of an event mention: asserted, negated, hypothetical, future or generic.

Read from the trigger and the verbs that govern it: a negation on the trigger or its verb
("did not attack") negates the event, but a negated victim ("no one was killed") leaves the
attack asserted with no fatalities; "will"/"plans to"/"threatened to" make it future; modals,
"if", "on the verge of", "fears of" make it hypothetical; a habit or trend ("are expanding
attacks", "increasingly", a bare plural like "attacks on checkpoints" under a present-tense
verb) makes it generic.
"""

from __future__ import annotations

from typing import Any, Iterator

from .lexicon import Lexicon

ASSERTED, NEGATED, HYPOTHETICAL, FUTURE, GENERIC = "asserted", "negated", "hypothetical", "future", "generic"
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "relcl", "acl", "conj", "pobj", "dobj", "prep", "agent", "nsubj",
               "nsubjpass", "attr", "appos", "compound", "amod", "npadvmod"}
# "after a bombing campaign", "since the attack": the event is background to the main clause,
# whose modality ("on the verge of", "will") does not reach it.
TEMPORAL = {"after", "since", "following", "during", "amid", "amidst", "before", "despite"}
STOP_AT = {"say", "report", "tell", "claim", "accuse", "blame", "allege", "state", "add", "confirm"}


def factuality(trigger: Any, lex: Lexicon) -> str:
    """``trigger`` is the head token of the event's trigger."""
    chain = list(_governors(trigger))
    for check in (_negated, _future, _unknown, _hypothetical, _generic):
        result = check(trigger, chain, lex)
        if result:
            return result
    return ASSERTED


def _governors(tok: Any) -> Iterator[Any]:
    """The trigger and the tokens above it, up to a reporting verb or the sentence root."""
    yield tok
    seen = 0
    while tok.dep_ != "ROOT" and seen < 8:
        if tok.dep_ not in CLAUSE_DEPS or tok.lower_ in TEMPORAL:
            break
        tok = tok.head
        seen += 1
        if tok.lemma_ in STOP_AT:
            break
        yield tok


def _negated(trigger: Any, chain: list[Any], lex: Lexicon) -> str | None:
    for tok in chain[:3]:
        if tok.pos_ not in ("VERB", "AUX") and tok is not trigger:
            continue
        for child in tok.children:
            if child.dep_ == "neg":
                return NEGATED
            if child.dep_ == "det" and child.lower_ == "no" and tok is trigger:
                return NEGATED
        if tok is not trigger and tok.lemma_ in ("deny", "refute", "reject") and tok.pos_ == "VERB":
            return NEGATED
    return NEGATED if _not_yet(chain) else None


def _not_yet(chain: list[Any]) -> bool:
    """"the mission has yet to deploy", "the army is yet to retake the town": it has not happened."""
    for below, tok in zip(chain, chain[1:3]):
        if below.dep_ == "xcomp" and tok.lemma_ in ("have", "be") and any(
                c.dep_ == "advmod" and c.lower_ == "yet" for c in tok.children):
            return True
    return False


def _future(trigger: Any, chain: list[Any], lex: Lexicon) -> str | None:
    aux = lex.factuality["future_aux"]
    verbs = lex.factuality["future_verbs"]
    for below, tok in zip([trigger] + chain, chain):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in aux for c in tok.children):
            return FUTURE
        # A verb reached from its conjunct is a sibling, not a governor: 'police were called and arrests were made'
        if tok is not trigger and tok.lemma_ in verbs and tok.pos_ == "VERB" and below.dep_ != "conj":
            return FUTURE
        if _going_to(tok):
            return FUTURE
    return None


def _going_to(tok: Any) -> bool:
    head = tok.head
    return tok.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ in ("is", "are", "am", "'re", "'s") for c in head.children)


# "the number of casualties is unknown": the harm word is only what the count would be of
AMOUNT_OF = frozenset({"number", "toll", "extent", "figure", "count", "scale"})


def _unknown(trigger: Any, chain: list[Any], lex: Lexicon) -> str | None:
    """"Casualties unknown.", "the number of casualties is unclear": a status line says nothing
    happened or not, so the harm word is no event of its own (it is not asserted)."""
    words = lex.factuality["unknown_words"]
    subject = trigger
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in AMOUNT_OF:
        subject = trigger.head.head
    if trigger.pos_ not in ("NOUN", "PROPN") or subject.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        return None
    pred = subject.head
    said = [pred] + [c for c in pred.children if c.dep_ in ("acomp", "attr", "oprd")]
    if subject.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in subject.sent):
        said += [c for c in subject.children if c.dep_ == "amod"]  # "Unknown casualties." with no verb
    return HYPOTHETICAL if any(t.lemma_.lower() in words and t is not subject for t in said) else None


# What a coding line gives as the count: "Casualties: none.", "Fatalities: nil."
NO_COUNT = frozenset({"none", "nil", "zero", "unknown", "unclear", "unconfirmed", "n/a"})


def status_line(trigger: Any, lex: Lexicon) -> bool:
    """"Casualties unknown.", "Fatalities: none.", "The number of casualties is unclear.": the line
    only tells the state of the count; its harm noun is no event at all, not even a hypothetical."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    if _unknown(trigger, [], lex) is not None or _no_figure(trigger):
        return True
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in trigger.sent)
    return verbless and trigger.dep_ == "ROOT" and any(
        c.dep_ in ("appos", "amod", "attr", "npadvmod") and c.lower_ in NO_COUNT for c in trigger.children)


# What is said (or not) about a harm: "gave no figure for casualties", "no word on casualties"
REPORT_NOUNS = AMOUNT_OF | {"word", "detail", "information", "report", "estimate", "breakdown"}


def _no_figure(trigger: Any) -> bool:
    """"He gave no figure for casualties", "did not give a toll of casualties": the harm word only
    names what no count was given for."""
    head = trigger.head
    if trigger.dep_ != "pobj" or head.lower_ not in ("of", "for", "on", "about") or head.head.lemma_.lower() not in REPORT_NOUNS:
        return False
    noun = head.head
    return any(c.lower_ == "no" for c in noun.children) or any(c.dep_ == "neg" for c in noun.head.children)


# "was nearly downed", "almost overran the base": it did not happen. A harm verb is left alone:
# "was nearly killed" tells an attack that happened, with no death.
NEAR_MISS = frozenset({"nearly", "almost"})
HARM_LEMMAS = frozenset({"kill", "die", "wound", "injure", "hurt", "murder", "slay"})


def _hypothetical(trigger: Any, chain: list[Any], lex: Lexicon) -> str | None:
    aux = lex.factuality["hypothetical_aux"]
    words = lex.factuality["hypothetical_words"]
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() not in HARM_LEMMAS and any(
            c.dep_ == "advmod" and c.lower_ in NEAR_MISS for c in trigger.children):
        return HYPOTHETICAL
    for below, tok in zip([trigger] + chain, chain):
        for child in tok.children:
            if child.dep_ == "aux" and child.lower_ in aux and not _past_perfect_modal(child, tok):
                return HYPOTHETICAL
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return HYPOTHETICAL
        # A modal or "if" is shared by conjuncts ("could attack and kill"), but "thwart", "prevent"
        # make only what they stop unreal: its conjunct ("thwarted and clashed"), a circumstance
        # ("fighting under X, thwarted ...", "foiled it, killing two") or its doer happened.
        sibling = tok is not trigger and below.dep_ in ("conj", "advcl", "nsubj")
        if tok is not trigger and not sibling and tok.lemma_.lower() in words and not _people_stopped(trigger, tok):
            return HYPOTHETICAL
    return None


# Triggers that name people, not acts: "prevented the protesters" stops people who were there.
PEOPLE_TRIGGERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher", "crowd", "mob"})


def _people_stopped(trigger: Any, tok: Any) -> bool:
    return trigger.lemma_.lower() in PEOPLE_TRIGGERS and tok.lemma_.lower() in ("prevent", "stop", "deter", "avoid")


def _past_perfect_modal(aux: Any, verb: Any) -> bool:
    """"could have been killed" stays hypothetical; "can" in reported past is rare: keep simple."""
    return False


def _generic(trigger: Any, chain: list[Any], lex: Lexicon) -> str | None:
    words = lex.factuality["generic_words"]
    for tok in chain:
        if tok.lemma_.lower() in words or any(c.lemma_.lower() in words and c.dep_ in ("advmod", "amod") for c in tok.children):
            return GENERIC
    if trigger.tag_ == "NNS" and not _specific(trigger) and _present_governor(chain):
        return GENERIC
    if (trigger.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in trigger.children)
            and _plural_subject(trigger) and not _dated(trigger)):
        return GENERIC
    if _trend(chain) or _description(trigger):
        return GENERIC
    return None


def _description(verb: Any) -> bool:
    """"the cartel, which has been fighting rival groups for control of the region", "a group that
    attacks convoys": a present or ongoing clause that describes an actor tells what it does, not
    an event of this report (a dated clause still does: "which attacked the town on Monday")."""
    if verb.dep_ not in ("relcl", "acl") or verb.pos_ != "VERB" or _dated(verb):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ in ("VBZ", "VBP") and not aux:
        return True
    return verb.tag_ == "VBG" and bool(aux & {"is", "are", "has", "have", "been"}) and not aux & {"was", "were", "had"}


# A stretch of time reaching up to now (or up to then): with a perfect it tells a tally or a trend
# ("have been killed so far this year", "have drawn millions since January"), not one event.
SPAN_OF_TIME = {("since",), ("so", "far"), ("this", "year"), ("this", "month"), ("in", "recent"),
                ("over", "the", "past"), ("in", "the", "past"), ("almost", "daily"), ("every", "day")}


def _trend(chain: list[Any]) -> bool:
    verb = next((t for t in chain if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not _present_perfect(verb):
        return False
    if verb.lemma_ == "continue":
        return True  # "killings of civilians have continued": a trend
    words = [t.lower_ for t in verb.subtree]
    return any(tuple(words[i : i + len(k)]) == k for k in SPAN_OF_TIME for i in range(len(words)))


def _present_perfect(verb: Any) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("have", "has", "'ve", "had", "'d") for c in verb.children)


HABITUAL = {"every", "each", "daily", "weekly", "nightly", "most", "many"}


def _dated(verb: Any) -> bool:
    """"Earlier this month, forces retook ...": a dated clause is a past event, whatever the tagger
    made of an irregular past form."""
    for child in verb.children:
        toks = list(child.subtree)
        if any(t.ent_type_ == "DATE" for t in toks) and not any(t.lower_ in HABITUAL for t in toks):
            return True
    return False


def _specific(noun: Any) -> bool:
    """A plural event noun with a number or a definite reference names particular events."""
    return any(c.dep_ in ("nummod", "poss") or c.lower_ in ("the", "these", "those", "two", "both") for c in noun.children)


def _present_governor(chain: list[Any]) -> bool:
    for tok in chain[1:]:
        if tok.pos_ in ("VERB", "AUX"):
            aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
            if tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VBG" and any(a.lower_ in ("is", "are", "'re") for a in aux)):
                return True
            return False
    return False


def _plural_subject(verb: Any) -> bool:
    return any(c.dep_ == "nsubj" and c.tag_ == "NNS" for c in verb.children)


def zero_victims(trigger: Any) -> bool:
    """"no one was killed", "nobody was hurt": the harm word's own subject is negated."""
    for child in trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (
            child.lower_ in ("nobody", "none") or any(c.lower_ == "no" for c in child.children)
        ):
            return True
    return False


CLAIM_VERBS = frozenset({"claim", "allege", "boast"})
DENY_VERBS = frozenset({"deny", "refute", "reject", "dismiss"})


def disputed_claim(trigger: Any) -> bool:
    """"A commander claimed his forces had seized two positions, but the army said no ground had
    been lost" / "... but the army denied it": a claim answered in the same sentence by a denial
    or a negated statement is not told as fact."""
    claim = _claim_above(trigger)
    if claim is None:
        return False
    for answer in (c for c in claim.children if c.dep_ == "conj"):
        if answer.lemma_ in DENY_VERBS or any(
                t.dep_ == "neg" or (t.dep_ == "det" and t.lower_ == "no") for t in answer.subtree):
            return True
    return False


def _claim_above(tok: Any) -> Any:
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "xcomp", "conj") or tok.head is tok:
            return None
        tok = tok.head
        if tok.lemma_ in CLAIM_VERBS:
            return tok
    return None
