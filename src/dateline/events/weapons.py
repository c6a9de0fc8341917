"""Weapons in a sentence: which ones were used, and which were only found, seized or stopped.

ACLED codes a weapon that was prevented from being used (a bomb defused or destroyed, a cache
seized, a drone or missile intercepted or shot down) as "Disrupted weapons use", not as the
remote violence the weapon would have caused. A manned aircraft shot down is an attack on its
crew, by anti-aircraft fire. These rules re-key the trigger matches of one sentence before they
are grouped into events.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from .lexicon import Lexicon, Match

# Verbs that stop a weapon from being used: what they act on was never fired.
DISRUPT_VERBS = frozenset({
    "find", "discover", "seize", "recover", "confiscate", "defuse", "destroy", "dismantle", "remove", "locate",
    "unearth", "detect", "neutralize", "neutralise", "disarm", "intercept", "foil", "thwart", "uncover",
    "dispose", "clear", "deactivate", "impound", "retrieve", "spot",
})
# Things that are fired or set off: intercepting one stops a weapon.
PROJECTILES = frozenset({
    "drone", "uav", "missile", "rocket", "projectile", "shell", "bomb", "ied", "mine", "landmine", "explosive",
    "weapon", "arm", "ammunition", "grenade", "device", "munition", "cache", "ordnance", "uxo", "mortar",
    "aerial",
})
FIRE_VERBS = frozenset({"fire", "shoot", "open"})
# "shot down", "downed", "brought down": what they bring down was in the air.
DOWNING_VERBS = frozenset({"shoot", "down", "bring"})
AIRCRAFT = frozenset({"helicopter", "jet", "plane", "aircraft", "warplane", "bomber", "gunship", "fighter", "airplane"})
WEAPON_NOUN_FRAMES = frozenset({"explosion", "grenade", "shelling", "bombing", "air", "launcher"})
INSTRUMENTAL = frozenset({"with", "by", "using", "in", "through"})
MAX_STEPS = 6


def weapon_cues(tokens: Any, words: frozenset[str], lex: Lexicon) -> frozenset[str]:
    """Weapons named in the sentence, except as a description of a person ("an explosives expert")."""
    keys = set()
    for m in lex.weapons.match(tokens, context=words):
        tok = tokens.doc[m.start : m.end].root
        describes = tok.dep_ in ("compound", "amod", "nmod") and bool(lex.victims.keys_in(tok.doc[tok.head.i : tok.head.i + 1]))
        if not describes or tok.head.lemma_ in ("attack", "strike", "blast", "explosion", "position", "base", "convoy", "vehicle"):
            keys.add("shelling" if m.key == "air" and _hit_aircraft(tok) else m.key)
    return frozenset(keys)


# What happens to an aircraft that was fired on: "the helicopter crashed after being hit".
STRUCK_VERBS = frozenset({"hit", "strike", "down", "shoot", "target", "crash"})


def _hit_aircraft(tok: Any) -> bool:
    """A crewed aircraft that is what was hit, not what fired ("a helicopter was hit by rebel fire",
    "the jet crashed after being hit"): anti-aircraft fire, coded like a crewed aircraft shot down."""
    if tok.lemma_.lower() not in AIRCRAFT:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "on"):
        return tok.head.head.lemma_.lower() in FIRE_VERBS  # "fired at a helicopter", "opened fire on it"
    if tok.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return False
    verb = tok.head
    return verb.lemma_.lower() in STRUCK_VERBS and (tok.dep_ != "nsubj" or verb.lemma_.lower() == "crash")


def rekeyed(matches: Sequence[Match], doc: Any) -> list[Match]:
    """Matches with weapons that were stopped re-keyed as ``defuse``; interceptions of anything but a
    weapon dropped ("intercepted a boat", "an intercepted attack"); a shot-down aircraft re-keyed as
    anti-aircraft fire (``antiair``)."""
    out = []
    for m in matches:
        key = _key(m, doc)
        if key is not None:
            out.append(m if key == m.key else replace(m, key=key))
    return out


def _key(m: Match, doc: Any) -> str | None:
    toks = doc[m.start : m.end]
    root = toks.root
    if m.key == "defuse" and root.lemma_.lower() in {"intercept", "interception"} | DOWNING_VERBS:
        return _intercepted(root)
    if m.key == "attack" and root.lemma_.lower() in FIRE_VERBS:
        return _fired(root)
    if m.key in WEAPON_NOUN_FRAMES and root.pos_ in ("NOUN", "PROPN") and _stopped(root):
        return "defuse"  # "seized a cache ... with 500 kg of explosives", "artillery shells were found"
    if m.key in ("destroy", "capture", "regain") and root.pos_ == "VERB" and _acts_on_weapon(root):
        return "defuse"  # "found and destroyed an IED", "seized a cache of weapons"
    return m.key


def _intercepted(verb: Any, *, pronoun: bool = False) -> str | None:
    objects = _objects(verb)
    lemmas = {t.lemma_.lower() for o in objects for t in o.subtree}
    if lemmas & PROJECTILES or (pronoun and any(o.pos_ == "PRON" for o in objects)):
        return "defuse"
    if lemmas & AIRCRAFT and verb.lemma_.lower() in DOWNING_VERBS:
        return "antiair"  # a crewed aircraft shot down: an attack on it, by anti-aircraft fire
    return None


def _fired(verb: Any) -> str | None:
    """"opened fire at three drones": firing at an incoming weapon intercepts it; "missiles fired
    from ships" only describes the missiles (the noun carries the event)."""
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in PROJECTILES and _intercepted_in(verb.sent):
        return None  # "shot down a drone and missiles fired from ships": only describes the missiles
    if any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return _intercepted(verb, pronoun=True) or "attack"  # "shooting it down"
    targets = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on") for g in c.children]
    targets += [g for c in verb.children if c.dep_ == "dobj"  # "opened fire at", "fired missiles at"
                for p in c.children if p.dep_ == "prep" and p.lower_ in ("at", "on") for g in p.children]
    heads = {t.lemma_.lower() for t in targets} | {t.lemma_.lower() for g in targets for t in g.conjuncts}
    return "defuse" if heads & (PROJECTILES - {"weapon", "arm", "ammunition", "cache", "mortar"}) else "attack"


def _intercepted_in(sent: Any) -> bool:
    return any(t.lemma_.lower() in ("intercept", "interception") or (t.lemma_ == "shoot" and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in t.children)) for t in sent)


def _objects(verb: Any) -> list[Any]:
    """What a verb acts on: its object, or the passive subject ("the drone was intercepted"), or the
    noun it heads ("interception of a missile")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "obj")]
    found += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    if verb.dep_ in ("amod", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        found.append(verb.head)  # "the intercepted drone"
    return found


def _stopped(noun: Any) -> bool:
    """Is this weapon noun what a disrupting verb acts on (through "of"/"with" phrases and lists)?"""
    tok, steps = noun, 0
    while steps < MAX_STEPS and tok.dep_ in ("dobj", "nsubjpass", "pobj", "prep", "conj", "appos", "compound", "obj"):
        if tok.dep_ == "prep" and tok.head.pos_ == "VERB" and tok.lower_ in INSTRUMENTAL:
            return False  # "destroyed the bridge with explosives": the weapon was used
        tok, steps = tok.head, steps + 1
        if tok.pos_ == "VERB":
            return tok.lemma_.lower() in DISRUPT_VERBS
    return False


def _acts_on_weapon(verb: Any) -> bool:
    """The object itself (or a list of them, or "a cache of ...") is a weapon; a weapon named further
    down ("a truck belonging to the mine") is not what was destroyed."""
    heads = [h for o in _objects(verb) for h in (o, *o.conjuncts)]
    heads += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return any(h.lemma_.lower() in PROJECTILES and not _in_name(h) for h in heads)


def _in_name(tok: Any) -> bool:
    """"the Essakane Mine": a proper name that ends in a weapon word ("an IED" is no name)."""
    return tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)
