"""ACLED classification: from the frames and cues of one event group to a type and sub-event type.

A group is the set of trigger frames that describe one event (usually one clause), the weapon
and protest cues found around it, and what is known of its two sides. The order of the rules
follows ACLED's own precedence: the weapon decides a remote-violence type over the mere
killing, a change of territory outranks the fighting that produced it, a protest stays a
protest (upgraded by intervention, force or violence) whatever else happens in it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .lexicon import sentence_words

SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
}

# Which frames describe which kind of event; a sentence holds one event per family
# unless its clauses have different perpetrators.
FAMILY: dict[str, str] = {
    "protest": "demo", "gather": "demo", "riot": "demo",
    "clash": "violence", "attack": "violence", "harm": "violence", "air": "violence",
    "bombing": "violence", "shelling": "violence", "explosion": "violence", "grenade": "violence",
    "suicide": "violence", "chemical": "violence", "capture": "violence", "regain": "violence",
    "transfer": "transfer", "loot": "property", "destroy": "property", "abduct": "abduct",
    "arrest": "arrest", "sexual": "sexual", "defuse": "defuse", "agreement": "agreement",
    "change": "change", "base": "base", "strike": "violence", "displace": "displace", "other": "other",
    "nonlethal": "nonlethal", "antiair": "violence", "launcher": "violence",
}

# Families that a co-occurring family swallows (the ACLED coder writes one event).
# A weapon found or stopped ("defuse") in a fight or an arrest is part of it; "other" developments
# (an election, refugees arriving) told with an event are its context.
ABSORBS: dict[str, frozenset[str]] = {
    "demo": frozenset({"violence", "property", "arrest", "abduct", "change", "base", "displace", "other", "nonlethal"}),
    "violence": frozenset({"property", "transfer", "change", "base", "displace", "defuse", "other"}),
    "arrest": frozenset({"change", "displace", "defuse", "other"}),
    "abduct": frozenset({"change", "displace", "other"}),
    "property": frozenset({"displace", "other"}),
    "agreement": frozenset({"other"}),
    "change": frozenset({"other"}),
    # ACLED: sexual violence outranks the beating, detention or abduction it comes with
    "sexual": frozenset({"violence", "arrest", "abduct", "property", "displace", "other"}),
}

# When one group holds several frames, the head trigger is the most specific.
PRIORITY = (
    "suicide", "chemical", "defuse", "protest", "riot", "regain", "capture", "transfer", "antiair", "air",
    "grenade", "explosion", "shelling", "bombing", "sexual", "abduct", "clash", "attack", "arrest",
    "loot", "destroy", "agreement", "base", "change", "strike", "displace", "gather", "harm", "other",
    "nonlethal", "launcher",
)

WEAPON_ORDER = ("suicide", "chemical", "air", "grenade", "ied", "shelling")
WEAPON_SUBTYPE = {
    "suicide": "Suicide bomb",
    "chemical": "Chemical weapon",
    "air": "Air/drone strike",
    "grenade": "Grenade",
    "ied": "Remote explosive/landmine/IED",
    "shelling": "Shelling/artillery/missile attack",
}
FRAME_WEAPON = {"suicide": "suicide", "chemical": "chemical", "air": "air", "grenade": "grenade",
                "explosion": "ied", "shelling": "shelling", "antiair": "shelling"}
VIOLENT = frozenset({"clash", "attack", "harm", "air", "bombing", "shelling", "explosion", "grenade",
                     "suicide", "chemical", "antiair"})

# Who "bombs" from the air when no weapon is named.
AIR_AGENTS = frozenset({"coalition", "regime", "government", "army", "military", "force", "jet", "plane",
                        "aircraft", "warplane", "air force", "alliance", "nato"})
STATE, MILITIA, PROTESTERS, RIOTERS, CIVILIANS, EXTERNAL = 1, 3, 6, 5, 7, 8


@dataclass(frozen=True, slots=True)
class Clues:
    """Everything the classifier looks at for one event group."""

    frames: frozenset[str]
    weapons: frozenset[str] = frozenset()
    protest: frozenset[str] = frozenset()  # excessive, intervention, violent, purpose
    inter1: int | None = None
    inter2: int | None = None
    target: str | None = None  # "civilians" or "armed", from the victims/objects
    place_object: bool = False  # a capture verb whose object is a place
    harmed: bool = False  # someone was killed or injured
    agent_word: str | None = None  # the agent's head lemma when no actor was named ("coalition")
    crowd: bool = False  # the agent is an unarmed crowd or community ("villagers", "party supporters")
    foreign: bool = False  # actor1 is state forces outside their own country


def head_frame(frames: frozenset[str] | set[str]) -> str:
    for frame in PRIORITY:
        if frame in frames:
            return frame
    raise ValueError(f"no known frame in {sorted(frames)}")


def classify(clues: Clues) -> str | None:
    """The ACLED sub-event type for a group, or None when ACLED would code nothing."""
    f = clues.frames
    for rule in (_special, _demo, _territory, _remote, _person, _strategic):
        sub = rule(clues, f)
        if sub is not None:
            return sub or None
    return None


def event_type_of(sub_event_type: str) -> str:
    return SUB_EVENT_TYPES[sub_event_type]


# Frames that show a weapon was used on someone, not only found or stopped.
USED = frozenset({"clash", "attack", "harm", "abduct", "arrest", "capture", "regain", "loot", "sexual"})


def _special(c: Clues, f: frozenset[str]) -> str | None:
    if f & {"protest", "riot"}:
        return None  # a protest against a suicide bombing is a protest
    if "suicide" in f or ("suicide" in c.weapons and f & VIOLENT):
        return "Suicide bomb"
    if "chemical" in f:
        return "Chemical weapon"
    if "defuse" in f and not f & USED:
        return "Disrupted weapons use"  # ACLED: a weapon stopped before use; fighting or arrests outrank it
    return None


def _demo(c: Clues, f: frozenset[str]) -> str | None:
    protest = "protest" in f or c.inter1 == PROTESTERS or ("gather" in f and "purpose" in c.protest)
    if "riot" in f or c.inter1 == RIOTERS:
        return "Violent demonstration" if protest or "demand" in c.protest else "Mob violence"
    if not protest:
        return None
    return protest_subtype(c.protest, harmed=c.harmed)


def protest_subtype(cues: frozenset[str], *, harmed: bool) -> str:
    if "violent" in cues:
        return "Violent demonstration"
    # ACLED: lethal weapons used on the protest, or force on it that killed or seriously hurt
    # someone; a death told without any force on the protest ("marched after three students
    # were killed") is its reason, not excessive force
    force = bool(cues & {"excessive", "intervention"})
    if harmed and ("excessive" in cues or ("death" in cues and force)):
        return "Excessive force against protesters"
    if force:
        return "Protest with intervention"
    return "Peaceful protest"


def _territory(c: Clues, f: frozenset[str]) -> str | None:
    if f & {"capture", "regain"} and c.place_object:
        # ACLED: a government regains its own territory; a foreign state's forces, like a
        # non-state group, overtake it
        state = c.inter1 == STATE and not c.foreign
        return "Government regains territory" if state else "Non-state actor overtakes territory"
    if "transfer" in f and c.place_object:
        return "Non-violent transfer of territory"
    return None


def _remote(c: Clues, f: frozenset[str]) -> str | None:
    if not f & VIOLENT or ("clash" in f and not f & {"air", "explosion", "grenade", "shelling", "bombing"}):
        return None  # a fight with mortars or grenades is still a fight: ACLED's armed clash
    weapons = set(c.weapons) | {FRAME_WEAPON[x] for x in f if x in FRAME_WEAPON}
    if "bombing" in f and not weapons & {"air", "ied", "grenade", "shelling"}:
        air = c.inter1 in (STATE, EXTERNAL) or c.agent_word in AIR_AGENTS
        weapons.add("air" if air else "ied")
    if "antiair" in f:
        return "Shelling/artillery/missile attack"  # an aircraft shot down: anti-aircraft fire
    if "small_arms" in c.weapons and "air" not in weapons and _armed_target(c):
        return "Armed clash"  # small arms fired at armed men: they can answer, a fight (ACLED)
    for weapon in WEAPON_ORDER:
        if weapon in weapons:
            return WEAPON_SUBTYPE[weapon]
    return None


def _armed_target(c: Clues) -> bool:
    """Not known to be unarmed: small arms fired at a position or place are fired at its defenders."""
    if c.inter2 is not None:
        return c.inter2 not in (CIVILIANS, PROTESTERS, RIOTERS)
    return c.target != "civilians"


def _person(c: Clues, f: frozenset[str]) -> str | None:
    if (c.crowd or _stone_throwers(c)) and f & {"clash", "attack", "harm", "destroy", "loot"} and not f & {"sexual", "abduct"}:
        return _rioting(c)  # violence by an unarmed crowd: rioters
    if "sexual" in f:
        return "Sexual violence"
    if "abduct" in f:
        return "Abduction/forced disappearance"
    if f & {"clash", "attack", "harm"}:
        return _clash_or_attack(c, f)
    if "arrest" in f:
        # A non-state armed group "detaining" people abducts them (ACLED).
        return "Abduction/forced disappearance" if c.inter1 in (2, 3, 4) else "Arrests"
    return None


def _stone_throwers(c: Clues) -> bool:
    """ACLED: a militia (settlers, party supporters) that only throws stones acts as a mob of
    rioters; with a gun, a bomb or any other weapon named it is the armed group."""
    return c.inter1 == MILITIA and c.weapons - {"nonlethal"} == {"stones"}


def _rioting(c: Clues) -> str:
    """ACLED: rioters who state a demand ("burned tyres to denounce fuel prices") hold a violent
    demonstration; a crowd with no demand (a lynching, a brawl) is mob violence."""
    return "Violent demonstration" if "demand" in c.protest else "Mob violence"


def _clash_or_attack(c: Clues, f: frozenset[str]) -> str:
    if "clash" in f:
        return "Armed clash"  # a fight has two armed sides, whatever the victims were
    if c.inter2 == CIVILIANS or (c.inter2 is None and c.target == "civilians"):
        return "Attack"
    if c.inter2 is not None or c.target == "armed" or "clash" in f:
        return "Armed clash"
    return "Attack"  # someone or something unarmed was attacked: no sign of a fight


def _strategic(c: Clues, f: frozenset[str]) -> str | None:
    if f & {"loot", "destroy"} and c.crowd:
        return _rioting(c)
    if f & {"loot", "destroy"}:
        return "Looting/property destruction"
    if "agreement" in f:
        return "Agreement"
    if "base" in f:
        return "Headquarters or base established"
    if "change" in f:
        return "Change to group/activity"
    if f & {"displace", "other"}:
        return "Other"  # ACLED's "Other" developments: displacement, elections, mass graves, threats
    return ""  # frames found (e.g. a bare "gather") but nothing ACLED codes


# Words that open the reason for a protest ("to demand justice for a man who was killed",
# "against violence", "after a fire destroyed houses"): cues below them tell why people
# protested, not what happened at the protest.
PURPOSE_HEADS = frozenset({
    "demand", "denounce", "against", "over", "for", "after", "following", "oppose", "condemn", "criticize",
    "criticise", "express", "support", "call", "urge", "regarding", "about", "concerning", "amid", "justice",
    "solidarity", "reject", "decry", "because", "since", "due", "protest", "ask", "request", "seek", "press",
    "demanding", "denouncing", "calling", "say", "state", "claim", "allege", "accuse", "report", "of", "prevent",
    "stop", "end", "halt", "investigate", "death", "killing", "murder", "victim", "case", "release",
})
CROWD_NOUNS = frozenset({"protester", "protestor", "demonstrator", "crowd", "rioter", "mob", "marcher",
                         "participant", "youth", "student", "group", "people", "they"})


def protest_cues(tokens, table, *, within=None) -> frozenset[str]:
    """Protest cue keys (``intervention``, ``excessive``, ``violent``, ``purpose``) that describe the
    protest itself: cues inside the reason for the protest or in a clause about someone else are
    left out. With ``within`` (the trigger), cues in a contrasting clause ("..., while in X a
    protest turned violent") belong to that clause's event, not this one."""
    keys = set()
    for m in table.match(tokens, context=sentence_words(tokens)):  # "remove/VERB@police": police in the sentence
        tok = tokens.doc[m.start]
        if within is not None and clause_index(tok) != clause_index(within):
            continue
        if m.key == "demand":
            keys.update(AIM_CUES)  # a demand is a stated aim, and says the crowd is demonstrating
        elif m.key == "violent" and not _violent_act(tokens.doc[m.start : m.end].root):
            continue
        elif m.key in ("intervention", "excessive") and _not_done(tokens.doc[m.start : m.end].root):
            continue
        elif m.key == "excessive" and _nonlethal_fire(tokens.doc[m.start : m.end].root):
            keys.add("intervention")  # "fired tear gas", "fired in the air": force, but not lethal
        elif m.key == "violent" and tok.dep_ == "amod" and tok.head.lemma_.lower() in PROTEST_WORDS:
            keys.add(m.key)  # "a violent protest": said of the protest itself
        elif m.key == "purpose" or not in_reason(tok):
            keys.add(m.key)
    return frozenset(keys)


AIM_CUES = frozenset({"purpose", "demand"})
# Burnt as a symbol, not as damage: ACLED codes a protest that burns an effigy as peaceful.
SYMBOLS = frozenset({"effigy", "flag", "photo", "photograph", "picture", "portrait", "poster", "banner", "copy",
                     "shirt", "uniform", "book", "coffin", "placard", "image", "document", "letter", "mask"})
TOPIC_WORDS = frozenset({"violence", "violent", "riot"})
ERUPT = frozenset({"erupt", "break", "ensue", "flare", "occur", "spark", "mar", "follow", "escalate", "turn"})


def _violent_act(tok) -> bool:
    """Is this violence cue what the protesters did? "violence" is usually the topic ("an end to
    violence against women", "the Capitol riot"): it counts only when the protest turned violent,
    violence broke out, or they acted violently. A burnt effigy or flag is a symbol."""
    if tok.lemma_.lower() in ("burn", "torch", "set") and _burnt_symbol(tok):
        return False
    if tok.lemma_.lower() not in TOPIC_WORDS:
        return True
    if tok.dep_ in ("acomp", "oprd", "xcomp", "attr"):
        return True  # "the protest turned violent", "became violent"
    if tok.dep_ == "amod":
        return tok.head.lemma_.lower() in PROTEST_WORDS  # "a violent protest", not "violent acts" (a topic)
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in ERUPT:
        return True  # "violence broke out"
    return tok.dep_ == "pobj" and tok.head.lower_ == "into"  # "descended into violence"


PROTEST_WORDS = frozenset({"protest", "demonstration", "rally", "march", "clash", "confrontation", "crowd", "mob",
                           "protester", "demonstrator", "scuffle", "incident"})


def _not_done(tok) -> bool:
    """"police were present but did not intervene", "the Detention Centre": a cue that reports no
    act of force (negated, or part of a name or a compound noun)."""
    if tok.pos_ == "PROPN" or tok.dep_ == "compound":
        return True
    return any(c.dep_ == "neg" for c in tok.children)


NONLETHAL = frozenset({"tear", "teargas", "rubber", "pellet", "water", "stun", "smoke", "canister", "blank", "air",
                       "warning", "pepper", "plastic", "gas"})


def _nonlethal_fire(tok) -> bool:
    """"fired tear gas and rubber bullets", "fired shots in the air": what was fired is no lethal weapon."""
    if tok.lemma_.lower() not in ("fire", "shoot", "open"):
        return False
    fired = [c for c in tok.children if c.dep_ in ("dobj", "prep")]
    return any(t.lower_ in NONLETHAL for c in fired for t in c.subtree)


def _burnt_symbol(verb) -> bool:
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return any(o.lemma_.lower() in SYMBOLS for o in objects) and not any(
        o.lemma_.lower() not in SYMBOLS for o in objects)


CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though", "but"})


def clause_index(tok) -> int:
    """Which side of a ", while"/", whereas"/", but" break ``tok`` is on: a surface cut, as the
    parse of a long coordinated sentence often attaches the second clause's verbs to the first."""
    sent = tok.sent
    return bisect.bisect_right(_clause_breaks(sent), tok.i)


# Key of a spaCy Doc's ``user_data`` holding each sentence's clause breaks, by (start, end): every
# trigger and cue of a sentence asks for them.
BREAKS_KEY = "dateline.clause_breaks"


def _clause_breaks(sent) -> list[int]:
    """The token indices of the sentence's ", while"/", but" breaks, in order."""
    known = sent.doc.user_data.setdefault(BREAKS_KEY, {})
    if (sent.start, sent.end) not in known:
        known[(sent.start, sent.end)] = [t.i for t in sent if t.lower_ in CONTRAST_MARKS and t.i > sent.start
                                         and sent.doc[t.i - 1].text in (",", ";")]
    return known[(sent.start, sent.end)]


HARM_VERBS = frozenset({"kill", "die", "shoot", "injure", "wound", "murder", "beat", "arrest", "detain",
                        "abduct", "kidnap", "rape", "torture", "attack", "assault", "disappear"})


# Conjunctions that open what came before and caused the protest ("after a girl died").
CAUSE_MARKS = frozenset({"after", "because", "since", "following"})


def in_reason(tok) -> bool:
    steps, crowd_act = 0, False
    while tok.dep_ != "ROOT" and steps < 12:
        if _aim(tok):
            return True  # "to stop labour insecurity": an aim, not an act
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CAUSE_MARKS for c in tok.children):
            return True  # "held a protest after a person was killed": the cause, not what happened at it
        if tok.dep_ in ("relcl", "acl") and _about_someone_else(tok):
            return True
        crowd_act = crowd_act or (tok.dep_ == "relcl" and _crowd_head(tok))
        tok, steps = tok.head, steps + 1
        # "the killing of a man" names a reason; "opened fire, killing two" is an act; what a crowd
        # did ("hundreds of students who pelted stones, officials said") is what happened
        if (tok.lemma_.lower() in PURPOSE_HEADS or (tok.lower_ in PURPOSE_HEADS and tok.pos_ != "VERB")) \
                and not (crowd_act and (_crowd_of(tok) or _teller_root(tok))):
            return True
    return False


# "hundreds of students who threw stones": the "of" of a crowd's size names no reason
CROWD_SIZES = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "group", "crowd", "band", "gang"})


def _crowd_of(tok) -> bool:
    return tok.lower_ == "of" and tok.head.lower_ in CROWD_SIZES


REPORT_ROOTS = frozenset({"say", "report", "state"})


def _teller_root(tok) -> bool:
    """"..., officials said": the sentence's reporting verb, whose teller is no crowd, frames the
    whole story, not a reason for a protest (what protesters "say" still is one)."""
    if tok.dep_ != "ROOT" or tok.lemma_.lower() not in REPORT_ROOTS:
        return False
    tellers = [c for c in tok.children if c.dep_ == "nsubj"]
    return bool(tellers) and not any(t.lemma_.lower() in CROWD_NOUNS | CROWD_AGENTS for t in tellers)


def _aim(tok) -> bool:
    infinitive = tok.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    # "used stumps to barricade the road" is an act; "fired tear gas to disperse students who threw
    # stones" is the dispersal done, and the crowd's stones are what happened, not an aim
    return infinitive and tok.head.lemma_ != "use" and tok.lemma_.lower() != "disperse"


def _about_someone_else(clause) -> bool:
    """"a man who was killed", "the teacher who was beaten": a clause about a victim."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in clause.children)
    if passive:
        return True
    return clause.lemma_ in HARM_VERBS and clause.head.lemma_.lower() not in CROWD_NOUNS


def _crowd_head(clause) -> bool:
    head = clause.head
    return head.lemma_.lower() in CROWD_NOUNS or (head.tag_ == "NNS" and head.lemma_.lower() in CROWD_AGENTS)


# Who riots when no armed actor is named: crowds, communities and party supporters.
CROWD_AGENTS = frozenset({
    "people", "resident", "villager", "local", "student", "youth", "crowd", "mob", "supporter",
    "cadre", "activist", "worker", "vendor", "settler", "farmer", "herder", "relative", "family", "community",
    "inhabitant", "citizen", "trader", "driver", "neighbour", "neighbor", "pupil", "fan", "parent", "villagers",
    "protester", "demonstrator", "rioter", "inmate", "prisoner", "passenger", "motorist", "shopkeeper", "man",
    "men", "woman", "women", "member", "mourner", "worshipper", "devotee", "believer",
})
ARMED_AGENTS = frozenset({
    "soldier", "troop", "police", "policeman", "officer", "militant", "fighter", "rebel", "insurgent", "gunman",
    "gunmen", "guard", "army", "force", "personnel", "militiaman", "militia", "commander", "terrorist", "bandit",
    "jihadist", "gang", "gangster", "assailant", "attacker", "paramilitary", "jawan", "combatant", "kidnapper",
    "abductor", "hitman", "sicario", "cartel", "extremist", "separatist", "pirate", "mercenary", "military",
})


# Modifiers that hide who did it: someone who could not be identified acted as an armed group.
UNKNOWN_DOERS = frozenset({"unknown", "unidentified", "masked", "hooded"})


# Sides of a fight that are unorganised unless said to be armed ("two groups", "rival factions").
LOOSE_SIDES = frozenset({"group", "faction", "individual", "side", "family", "camp"})


def unarmed_agent(tok, *, loose: bool = False) -> bool | None:
    """True for a crowd or community as agent, False for an armed one, None when unknown. With
    ``loose``, an unqualified group or faction counts as a crowd (the two sides of a brawl)."""
    if tok is None:
        return None
    words = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    words += [c for c in tok.children if c.dep_ in ("compound", "amod")]
    lemmas = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
    if lemmas & ARMED_AGENTS or "armed" in lemmas or lemmas & UNKNOWN_DOERS:
        return False  # "unknown men shot the activist": ACLED's unidentified armed group, not a mob
    crowd = CROWD_AGENTS | LOOSE_SIDES if loose else CROWD_AGENTS
    return True if lemmas & crowd else None
