"""Word senses and rhetoric: when a trigger word found by the lexicon is no event.

Long news uses conflict words in other senses ("Zhang was fired from his job", "despite
exploding coronavirus cases", "the withdrawal of the draft law") and in rhetoric ("Death,
unemployment, low wages ...", "describing the workers as hostages", "articles attacking
discrimination"). Coding those as events is the GDELT failure. Each rule below reads the
dependency parse around the trigger's head token and the context words of one block of
``data/events/senses.json``; :func:`other_sense` is true when any rule says the word is used
in a sense that reports no event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Callable, Iterable, Mapping

Words = frozenset[str]


@dataclass(frozen=True, slots=True)
class Senses:
    """The blocks of ``senses.json``: block name -> list name -> lemmas."""

    blocks: Mapping[str, Mapping[str, Words]]

    def __call__(self, block: str, name: str) -> Words:
        return self.blocks[block][name]


@lru_cache(maxsize=1)
def load_senses() -> Senses:
    text = resources.files("dateline.data.events").joinpath("senses.json").read_text(encoding="utf-8")
    return senses_from(json.loads(text))


def senses_from(data: Mapping[str, Any]) -> Senses:
    blocks = {
        name: MappingProxyType({k: frozenset(v) for k, v in block.items() if isinstance(v, list)})
        for name, block in data.items()
        if isinstance(block, dict)
    }
    return Senses(MappingProxyType(blocks))


def other_sense(tok: Any, key: str, *, senses: Senses | None = None) -> bool:
    """Is the trigger whose head token is ``tok`` (frame ``key``) used in a sense that is no event?"""
    s = senses or load_senses()
    return any(rule(tok, key, s) for rule in RULES)


# --- small readers of the parse ------------------------------------------------------------


def lemma(tok: Any) -> str:
    return tok.lemma_.lower()


def children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Any, preps: Iterable[str]) -> list[Any]:
    """Objects of ``tok``'s prepositions (and of its particle's: 'pulled out of the deal')."""
    wanted = set(preps)
    heads = [tok] + children(tok, "prt") + [c for c in children(tok, "prep") if c.lower_ in ("out", "away", "off")]
    return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in wanted
            for o in p.children if o.dep_ in ("pobj", "pcomp")]


def passive(tok: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def coordinated(tok: Any) -> list[Any]:
    """The conjuncts of the list ``tok`` belongs to, ``tok`` included."""
    first = tok
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    found, todo = [], [first]
    while todo:
        t = todo.pop()
        found.append(t)
        todo.extend(children(t, "conj"))
    return found


def list_head(tok: Any) -> Any:
    """The first conjunct: it carries the list's relation to the rest of the sentence."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def related(tok: Any) -> list[Any]:
    """Words that say what a trigger is about: its subject, object, the noun it modifies."""
    out = children(tok, "nsubj", "nsubjpass", "dobj", "attr", "compound")
    if tok.dep_ in ("amod", "acl", "compound", "nmod") and tok.head is not tok:
        out.append(tok.head)
    return out + prep_objects(tok, ("of", "in", "on"))


# --- the rules -----------------------------------------------------------------------------


AIMED = frozenset({"at", "on", "upon", "into", "toward", "towards", "over"})


def dismissal(tok: Any, key: str, s: Senses) -> bool:
    """'was fired from his job', 'fired the editor': one fires at people, and dismisses them."""
    if lemma(tok) not in s("dismissal", "verbs") or tok.pos_ != "VERB":
        return False
    if any(c.lower_ in AIMED for c in children(tok, "prep")):
        return False  # 'fired at', even stranded: 'he was fired at by soldiers'
    if any(lemma(o) in s("dismissal", "from") for o in prep_objects(tok, ("from",))):
        return True
    return any(_human(p, s) for p in children(tok, "dobj", "nsubjpass"))


def _human(tok: Any, s: Senses) -> bool:
    if lemma(tok) in s("dismissal", "counts"):  # 'dozens of workers were fired', not 'dozens of rounds'
        return any(_human(o, s) for o in prep_objects(tok, ("of",)))
    return tok.ent_type_ == "PERSON" or tok.lower_ in s("dismissal", "pronouns") or lemma(tok) in s("dismissal", "people")


def growth(tok: Any, key: str, s: Senses) -> bool:
    """'exploding coronavirus cases', 'an explosion in prices': a number grows, nothing blows up."""
    if lemma(tok) not in s("growth", "words"):
        return False
    return any(lemma(w) in s("growth", "quantities") for w in related(tok))


def revocation(tok: Any, key: str, s: Senses) -> bool:
    """'the withdrawal of the draft law', 'withdrew from the race': a document or a bid taken back."""
    if lemma(tok) == "walk" and any(c.lower_ == "back" for c in tok.children) and children(tok, "dobj"):
        return True  # 'walked back the allegations'
    if lemma(tok) not in s("revocation", "words"):
        return False
    objects = children(tok, "dobj", "nsubjpass") + prep_objects(tok, ("of",))
    if any(lemma(o) in s("revocation", "objects") for o in objects):
        return True
    return any(lemma(o) in s("revocation", "from_bodies") for o in prep_objects(tok, ("from", "of")))


def forced_march(tok: Any, key: str, s: Senses) -> bool:
    """'were marched into the forest at gunpoint': captives are marched, marchers march."""
    if lemma(tok) not in s("forced_march", "words") or tok.pos_ != "VERB":
        return False
    if passive(tok) or any(_marched_object(o) for o in children(tok, "dobj")):
        return True
    if any(lemma(o) in s("forced_march", "points") for o in prep_objects(tok, ("at",))):
        return True
    return any(lemma(c) in s("forced_march", "captives") for c in children(tok, "nsubj"))


def _marched_object(tok: Any) -> bool:
    """'marched the hostages': a person or a group, not 'this past Saturday' or '10 km'."""
    return tok.ent_type_ not in ("DATE", "TIME", "QUANTITY", "CARDINAL") and tok.pos_ in ("NOUN", "PROPN", "PRON")


def social_ills(tok: Any, key: str, s: Senses) -> bool:
    """'Death, unemployment, low wages and hunger': a harm among social ills, with nobody named."""
    if tok.pos_ != "NOUN" or tok.dep_ not in ("conj", "nsubj", "dobj", "pobj", "attr", "ROOT", "appos"):
        return False
    items = coordinated(tok)
    if not any(lemma(t) in s("social_ills", "nouns") for t in items if t is not tok):
        return False
    return not children(tok, "nummod", "poss", "prep", "compound")


def compound_modifier(tok: Any, key: str, s: Senses) -> bool:
    """'riot gear', 'death threats', 'arrest warrant': a trigger noun naming a kind of thing."""
    first = list_head(tok)
    hyphened = first.dep_ == "amod" and tok.i > 0 and tok.doc[tok.i - 1].text == "-"  # 'anti-riot police'
    if key == "change" or tok.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ") or not (first.dep_ in ("compound", "nmod") or hyphened):
        return False
    if tok.pos_ == "ADJ" and not hyphened:
        return False
    head = first.head
    if not _common_nouns_between(tok, head):
        return False  # 'Workers in Tamil Nadu strike MRF tyre factory workers': a headline misread as one noun
    if not head.text.replace("-", "").isalpha():
        return False  # 'outrages".' left as one token: the head word cannot be read
    return head.pos_ in ("NOUN", "PROPN") and lemma(head) not in s("compound_heads", "events")


def _common_nouns_between(tok: Any, head: Any) -> bool:
    between = tok.doc[tok.i + 1 : head.i] if tok.i < head.i else []
    return all(t.pos_ == "NOUN" and t.dep_ == "compound" for t in between)


def negated_noun(tok: Any, key: str, s: Senses) -> bool:
    """'no arrests were made', 'cleared without the need for any arrests'."""
    if tok.pos_ == "VERB":
        return any(_denied(o, s) for o in children(tok, "dobj"))  # 'encountered no resistance'
    if tok.pos_ != "NOUN":
        return False
    if _denied(tok, s):
        return True
    t = tok
    for _ in range(5):  # up through 'the need for', 'any use of' to the preposition
        if t.dep_ not in ("pobj", "prep", "compound", "conj", "nmod") or t.head is t:
            return False
        t = t.head
        if t.lower_ in s("negation", "without"):
            return True
    return False


def _denied(tok: Any, s: Senses) -> bool:
    return any(c.lower_ in s("negation", "no") for c in children(tok, "det"))


def show(tok: Any, key: str, s: Senses) -> bool:
    """'the attacks demonstrate that ...', 'demonstrated its resolve': to demonstrate = to show."""
    if lemma(tok) not in s("show", "words") or tok.pos_ != "VERB":
        return False
    if children(tok, "dobj") or passive(tok) or any(c.lower_ == "as" for c in children(tok, "mark")):
        return True  # 'as demonstrated in our investigations', 'was demonstrated by'

    # 'demonstrates that/how ...'; not xcomp ('demonstrated to demand ...' is a protest) nor a bare
    # ccomp, which is mostly a run-on headline ('nurses demonstrate in Karachi Members are ...')
    return any((c.tag_ in ("IN", "WDT", "WP", "WRB") and c.dep_ in ("mark", "advmod", "nsubj", "dobj"))
               or (c.dep_ == "aux" and c.lower_ in s("show", "modals"))  # 'demonstrated it would not ...'
               for cc in children(tok, "ccomp") for c in cc.children)


def rhetoric(tok: Any, key: str, s: Senses) -> bool:
    """'describing the workers as hostages', 'treated like prisoners', 'likened it to a massacre'."""
    first = list_head(tok)
    prep = first.head
    if first.dep_ != "pobj" or prep is first or prep.head is prep:
        return False
    verb = lemma(prep.head)
    word = prep.lower_
    return ((word == "as" and verb in s("rhetoric", "as_verbs"))
            or (word == "like" and verb in s("rhetoric", "like_verbs") | s("rhetoric", "as_verbs"))
            or (word == "to" and verb in s("rhetoric", "liken_verbs")))


def abstract_target(tok: Any, key: str, s: Senses) -> bool:
    """'articles attacking discrimination', 'attacks on religion', 'fought for the rights of'."""
    if lemma(tok) not in s("abstract_target", "words"):
        return False
    if any(lemma(c) in s("abstract_target", "verbal") for c in children(tok, "amod", "advmod", "compound")):
        return True
    if lemma(tok) == "blast" and tok.pos_ == "VERB" and any(p.lower_ in ("as", "for") for p in children(tok, "prep")):
        return True  # 'blasted the move as aggression', 'blasted him for ...'

    if any(_named(o, s("abstract_target", "abstracts")) for o in _targets(tok)):
        return True
    return any(lemma(w) in s("abstract_target", "speakers") for w in _doers(tok))


def _named(tok: Any, words: Words) -> bool:
    """The lemma or the form: 'rights' (the plural) is listed, not 'right' ('the far right')."""
    return lemma(tok) in words or tok.lower_ in words


def _targets(tok: Any) -> list[Any]:
    if lemma(tok) in ("bombard", "bombardment"):
        return []  # bombarding is judged by what it is done with (weapons)
    return children(tok, "dobj", "nsubjpass") + prep_objects(tok, ("on", "against", "for"))


def _doers(tok: Any) -> list[Any]:
    doers = children(tok, "nsubj")
    if tok.dep_ in ("acl", "relcl") and tok.head is not tok:
        doers.append(tok.head)  # 'articles attacking ...'
    if tok.dep_ == "attr":
        doers += children(tok.head, "nsubj")  # 'the books were attacks on ...'
    return doers


def bombard_with_words(tok: Any, key: str, s: Senses) -> bool:
    """'bombarded me with slander': bombarding with anything but weapons is talk."""
    if lemma(tok) not in ("bombard", "bombardment"):
        return False
    means = prep_objects(tok, ("with",))
    return bool(means) and not any(lemma(m) in s("weapons", "nouns") for m in means)


def strike_idiom(tok: Any, key: str, s: Senses) -> bool:
    """'striking roots', 'struck a deal', 'a striking contrast': no stoppage and no blow."""
    if lemma(tok) not in s("strike_idioms", "words") and tok.lower_ != "striking":
        return False
    if tok.pos_ == "ADJ" or (tok.dep_ == "amod" and tok.lower_ == "striking"):
        return lemma(tok.head) not in s("strike_idioms", "strikers")
    if any(lemma(o) in s("strike_idioms", "objects") for o in children(tok, "dobj")):
        return True
    downs = [c for c in children(tok, "prt") if c.lower_ in ("down", "off", "out")]
    objs = children(tok, "dobj", "nsubjpass")
    return bool(downs) and any(lemma(o) in s("strike_idioms", "down_objects") for o in objs)


def media_capture(tok: Any, key: str, s: Senses) -> bool:
    """'captured on camera', 'Street View captured a thief', 'captured the mood of the nation'."""
    if lemma(tok) not in s("media_capture", "words") or tok.pos_ != "VERB":
        return False
    media = s("media_capture", "media")
    if any(lemma(w) in media for w in _after_preps(tok, ("on", "in", "by", "with"))):
        return True
    if any(lemma(c) in media or _has_compound(c, media) for c in children(tok, "nsubj")):
        return True
    return any(lemma(o) in s("media_capture", "objects") for o in children(tok, "dobj", "nsubjpass"))


def _after_preps(tok: Any, preps: Iterable[str]) -> list[Any]:
    """The two words after each preposition: the parser often misattaches 'on camera beating ...'."""
    wanted = set(preps)
    return [w for p in children(tok, "prep") if p.lower_ in wanted for w in tok.doc[p.i + 1 : p.i + 3]]


def _has_compound(tok: Any, words: Words) -> bool:
    return any(lemma(c) in words for c in children(tok, "compound"))


def figurative_burning(tok: Any, key: str, s: Senses) -> bool:
    """'burning caste conflicts', 'a burning issue', 'burning the midnight oil'."""
    if lemma(tok) not in s("figurative_burning", "words"):
        return False
    about = children(tok, "dobj") + ([tok.head] if tok.dep_ in ("amod", "compound") else [])
    return any(lemma(w) in s("figurative_burning", "abstracts") for w in about)


def dead_idiom(tok: Any, key: str, s: Senses) -> bool:
    """'a dead language', 'dead set against', 'a dead end'."""
    if lemma(tok) not in s("dead_idioms", "words"):
        return False
    if tok.dep_ == "advmod":
        return True
    return tok.dep_ == "amod" and lemma(tok.head) in s("dead_idioms", "things")


def engage_sense(tok: Any, key: str, s: Senses) -> bool:
    """'engaged to a girl', 'engaged in talks', 'engage the community'."""
    if lemma(tok) not in s("engage_senses", "words"):
        return False
    if prep_objects(tok, s("engage_senses", "preps")):
        return True
    things = prep_objects(tok, ("in", "with")) + children(tok, "dobj")
    return any(lemma(o) in s("engage_senses", "peaceful") for o in things)


def resting(tok: Any, key: str, s: Senses) -> bool:
    """'I lay down on the floor': lying down is no surrender unless arms are laid down."""
    if lemma(tok) not in s("rest", "verbs") or key != "agreement":
        return False
    return not any(lemma(o) in s("rest", "arms") for o in children(tok, "dobj", "nsubjpass"))


def mobilise_support(tok: Any, key: str, s: Senses) -> bool:
    """'to rally support for democracy', 'rallied behind the leader': gathering support, no rally."""
    if lemma(tok) not in s("mobilise_support", "words") or tok.pos_ != "VERB":
        return False
    wanted = s("mobilise_support", "objects")
    return any(lemma(o) in wanted for o in children(tok, "dobj")) or bool(prep_objects(tok, s("mobilise_support", "preps")))


def abstract_theft(tok: Any, key: str, s: Senses) -> bool:
    """'stole the election', 'stealing our future': nothing was taken from anyone's hands."""
    if lemma(tok) not in s("abstract_theft", "words"):
        return False
    objects = children(tok, "dobj", "nsubjpass") + prep_objects(tok, ("of",))
    return bool(objects) and all(lemma(o) in s("abstract_theft", "abstracts") for o in objects)


def death_sentence(tok: Any, key: str, s: Senses) -> bool:
    """'sentenced to death', 'condemned to death': a sentence, not a killing."""
    if lemma(tok) not in s("sentence", "words") or tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ == "to" and lemma(prep.head) in s("sentence", "verbs")


def surrender_abstract(tok: Any, key: str, s: Senses) -> bool:
    """'surrendered his dictatorial powers': a power or a document given up, not fighters."""
    if lemma(tok) not in s("surrender_abstract", "words") or tok.pos_ != "VERB":
        return False
    objects = children(tok, "dobj", "nsubjpass")
    return bool(objects) and all(lemma(o) in s("surrender_abstract", "objects") for o in objects)


def off_the_track(tok: Any, key: str, s: Senses) -> bool:
    """'going off-track', 'went off the road': 'off' with its own object is a preposition."""
    if lemma(tok) not in s("go_off", "words"):
        return False
    offs = [c for c in tok.children if c.lower_ == "off"]
    return any(children(o, "pobj") for o in offs)


def shot_idiom(tok: Any, key: str, s: Senses) -> bool:
    """'a parting shot at Maduro', 'a long shot', 'a booster shot'."""
    if lemma(tok) not in s("shot_idioms", "words") and tok.lower_ not in s("shot_idioms", "words"):
        return False
    mods = s("shot_idioms", "modifiers")
    if any(lemma(c) in mods for c in children(tok, "amod", "compound", "nmod", "nsubj")):
        return True  # nsubj: 'Mug shot of ...' read as a sentence
    return tok.dep_ in ("acl", "compound") and lemma(tok.head) in mods  # 'parting' misread as the noun


def disease_toll(tok: Any, key: str, s: Senses) -> bool:
    """'43,308 Covid-19 cases and 399 deaths', 'cases of COVID-19 with 44,145 deaths'."""
    if lemma(tok) not in s("disease_toll", "words"):
        return False
    causes = s("disease_toll", "causes")
    if any(lemma(o) in causes or _has_compound(o, causes) for o in prep_objects(tok, ("from", "of"))):
        return True  # 'died from COVID-19', 'deaths from cancer'
    if tok.pos_ != "NOUN":
        return False
    near = coordinated(tok)
    if tok.dep_ == "pobj" and tok.head.lower_ == "with":
        near += children(tok.head.head, "dobj", "nsubj") + [tok.head.head]
    return any(lemma(t) in s("disease_toll", "counts") for t in near if t is not tok)


def abstract_damage(tok: Any, key: str, s: Senses) -> bool:
    """'with the intention of damaging their honor', 'destroyed his reputation'."""
    if lemma(tok) not in s("abstract_damage", "words") or tok.pos_ != "VERB":
        return False
    objects = children(tok, "dobj", "nsubjpass")
    return bool(objects) and all(lemma(o) in s("abstract_damage", "abstracts") for o in objects)


def medical(tok: Any, key: str, s: Senses) -> bool:
    """'cardiac arrest', 'hard-hitting reports': a medical arrest, a forceful style."""
    if lemma(tok) not in s("medical", "words") and tok.lower_ not in s("medical", "words"):
        return False
    if lemma(tok) == "hit" and tok.dep_ != "amod":
        return False  # 'hit hard by shelling' is a blow; only 'hard-hitting reports' is a style
    return any(lemma(c) in s("medical", "modifiers") for c in children(tok, "amod", "compound", "advmod", "npadvmod"))


def deploy_abstract(tok: Any, key: str, s: Senses) -> bool:
    """'deploying a familiar tactic': a tactic or a tool put to use, no forces moved."""
    if lemma(tok) not in s("deploy_abstract", "words"):
        return False
    objects = children(tok, "dobj", "nsubjpass") + prep_objects(tok, ("of",))
    return bool(objects) and all(lemma(o) in s("deploy_abstract", "objects") for o in objects)


def formal_protest(tok: Any, key: str, s: Senses) -> bool:
    """'protested to the government of Nigeria', 'lodged a protest with the embassy'."""
    if lemma(tok) not in s("formal_protest", "words"):
        return False
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and lemma(tok.head) in s("formal_protest", "lodge_verbs"):
        return bool(prep_objects(tok, ("with", "to"))) or lemma(tok.head) == "lodge"
    if tok.pos_ != "VERB":
        return False
    return any(_addressee(o, s) for o in prep_objects(tok, ("to",)))


def _addressee(tok: Any, s: Senses) -> bool:
    return tok.ent_type_ in ("ORG", "GPE", "NORP") or lemma(tok) in s("formal_protest", "addressees")


def hit_abstract(tok: Any, key: str, s: Senses) -> bool:
    """'the crisis is hitting the economy', 'prices hit a record high'."""
    if lemma(tok) not in s("hit_abstract", "words") or tok.pos_ != "VERB":
        return False
    objects = children(tok, "dobj", "nsubjpass")
    return bool(objects) and all(lemma(o) in s("hit_abstract", "objects") for o in objects)


def abstract_march(tok: Any, key: str, s: Senses) -> bool:
    """'the march of authoritarianism', 'the march of time'."""
    if lemma(tok) not in s("abstract_march", "words") or tok.pos_ != "NOUN":
        return False
    return any(lemma(o) in s("abstract_march", "of_objects") for o in prep_objects(tok, ("of",)))


def confiscation(tok: Any, key: str, s: Senses) -> bool:
    """'police seized HK$15,670 from her wallet', 'seized drugs': goods taken, no ground."""
    if key not in ("capture", "regain") or lemma(tok) not in s("confiscation", "words"):
        return False
    objects = children(tok, "dobj", "nsubjpass")
    return bool(objects) and all(_money(o) or lemma(o) in s("confiscation", "goods") for o in objects)


def _money(tok: Any) -> bool:
    return tok.ent_type_ == "MONEY" or any(sign in tok.text for sign in "$€£¥₦₹")


def computer_hack(tok: Any, key: str, s: Senses) -> bool:
    """'phone-hacking charges', 'hacked her email account': breaking into data, no machete."""
    if lemma(tok) not in s("computer_hack", "words") and tok.lower_ not in s("computer_hack", "words"):
        return False
    near = children(tok, "compound", "dobj", "nsubjpass", "npadvmod") + prep_objects(tok, ("into", "of"))
    return any(lemma(w) in s("computer_hack", "targets") or _has_compound(w, s("computer_hack", "targets")) for w in near)


def beat_idiom(tok: Any, key: str, s: Senses) -> bool:
    """'beating a hasty retreat', 'beat the deadline', 'beat the odds'."""
    if lemma(tok) not in s("beat_idioms", "words") or tok.pos_ != "VERB":
        return False
    objects = children(tok, "dobj")
    return bool(objects) and all(lemma(o) in s("beat_idioms", "objects") for o in objects)


def tortured_idiom(tok: Any, key: str, s: Senses) -> bool:
    """'a tortured genius', 'tortured logic': tormented or contorted, nobody tortured."""
    if lemma(tok) not in s("tortured_idioms", "words") and tok.lower_ not in s("tortured_idioms", "words"):
        return False
    return tok.dep_ == "amod" and lemma(tok.head) in s("tortured_idioms", "things")


def fight_to(tok: Any, key: str, s: Senses) -> bool:
    """'fought to end the practice', 'battling to hide its missteps': campaigning, no combat."""
    if lemma(tok) not in s("fight_to", "words") or tok.pos_ != "VERB":
        return False
    aims = [c for c in children(tok, "xcomp", "advcl") if any(a.lower_ == "to" for a in children(c, "aux"))]
    return bool(aims) and all(lemma(a) in s("fight_to", "aims") for a in aims)


def film_shoot(tok: Any, key: str, s: Senses) -> bool:
    """'to shoot his own footage', 'shot a documentary': filming."""
    if lemma(tok) not in s("film_shoot", "words") or tok.pos_ != "VERB":
        return False
    return any(lemma(o) in s("film_shoot", "objects") for o in children(tok, "dobj", "nsubjpass"))


def personified(tok: Any, key: str, s: Senses) -> bool:
    """'Nigeria is dying', 'the country is burning', 'the death of democracy'."""
    if lemma(tok) not in s("personified", "words"):
        return False
    bodies = s("personified", "bodies")
    subjects = children(tok, "nsubj") + (children(tok.head, "nsubj") if tok.dep_ == "acomp" else [])
    if tok.pos_ == "NOUN":
        subjects = prep_objects(tok, ("of",)) + children(tok, "poss")
    named = lemma(tok) != "burn"  # 'Kano was burning' may be fire; 'Nigeria is dying' is a figure
    return any((named and t.ent_type_ == "GPE") or lemma(t) in bodies for t in subjects)


def figurative_adjective(tok: Any, key: str, s: Senses) -> bool:
    """'her disarming sense of humour', 'an arresting image', 'an explosive report'."""
    if lemma(tok) not in s("figurative_adjectives", "words") and tok.lower_ not in s("figurative_adjectives", "words"):
        return False
    return tok.dep_ == "amod" and lemma(tok.head) in s("figurative_adjectives", "heads")


def solidarity(tok: Any, key: str, s: Senses) -> bool:
    """'we stand with the people of Burma', 'join our channel': solidarity or a subscription."""
    if key != "gather" or tok.pos_ != "VERB":
        return False
    if lemma(tok) == "stand":
        return (any(p.lower_ in s("solidarity", "stand_preps") for p in children(tok, "prep"))
                or any(lemma(o) in s("solidarity", "stand_in") for o in prep_objects(tok, ("in",))))
    if lemma(tok) != "join":
        return False
    objects = children(tok, "dobj")
    crowds = s("solidarity", "join_crowds") | s("compound_heads", "events")
    return bool(objects) and not any(lemma(o) in crowds or o.ent_type_ in ("NORP", "CARDINAL") for o in objects)


def execute_plan(tok: Any, key: str, s: Senses) -> bool:
    """'police executed five search warrants', 'execute its mission'."""
    if lemma(tok) not in s("execute_plan", "words") or tok.pos_ != "VERB":
        return False
    objects = children(tok, "dobj", "nsubjpass")
    return bool(objects) and all(lemma(o) in s("execute_plan", "objects") for o in objects)


def release_info(tok: Any, key: str, s: Senses) -> bool:
    """'the army released footage of the offensive', 'police released the names'."""
    if lemma(tok) not in s("release_info", "words") or tok.pos_ != "VERB":
        return False
    objects = children(tok, "dobj", "nsubjpass")
    return bool(objects) and all(lemma(o) in s("release_info", "objects") for o in objects)


def animals(tok: Any, key: str, s: Senses) -> bool:
    """'the illegal whale killing', 'dogs and cats are killed for food', 'a dead dog'."""
    if lemma(tok) not in s("animals", "words") and tok.lower_ not in s("animals", "words"):
        return False
    near = children(tok, "dobj", "nsubjpass", "compound", "nsubj") + prep_objects(tok, ("of",))
    if tok.dep_ == "amod":
        near.append(tok.head)
    beasts = s("animals", "animals")
    return bool(near) and all(lemma(t) in beasts for t in near if t.pos_ in ("NOUN", "PROPN")) and \
        any(lemma(t) in beasts for t in near)


def closed_premises(tok: Any, key: str, s: Senses) -> bool:
    """'several clinics had closed their doors', 'schools were closed': a place that closes is no
    crowd gathering or blocking; 'traders closed their shops' keeps its doers."""
    if key != "gather" or lemma(tok) not in s("closed_premises", "words") or tok.pos_ != "VERB":
        return False
    premises = s("closed_premises", "premises")
    doers = children(tok, "nsubj") or prep_objects(tok, ("by",)) + children(tok, "agent")
    if doers:
        return all(lemma(d) in premises for d in doers)
    closed = children(tok, "nsubjpass")
    return bool(closed) and all(lemma(c) in premises for c in closed)


# --- "strike": a stoppage of work or a blow ------------------------------------------------


def strike_frame(tok: Any, *, violent: bool, armed_doer: bool, senses: Senses | None = None) -> str:
    """The frame a "strike" trigger (head token ``tok``) stands for: "protest" for a labour strike,
    "attack" for a blow. Who strikes decides first ("doctors began a strike" after a killing is
    still a strike); then a struck object ("the army struck rebel positions"); then the sentence:
    a weapon or violence named with it, or an armed doer, make it a blow."""
    s = senses or load_senses()
    if labour_strike(tok, s):
        return "protest"
    return "attack" if struck_at(tok, s) or violent or armed_doer else "protest"


def labour_strike(tok: Any, s: Senses, *, back: int = 4) -> bool:
    """"teachers went on strike", "a strike by doctors", "the nurses' strike", "workers struck",
    "a three-day strike over unpaid wages": people who work stop working; "the strike" after one
    was told is that strike (followed back through at most ``back`` earlier mentions)."""
    if lemma(tok) not in s("strike_idioms", "words") and tok.lower_ != "striking":
        return False
    if back and _told_before(tok, s, back):
        return True
    workers = s("strike_idioms", "strikers")
    if any(lemma(d) in workers for doer in strike_doers(tok) for d in coordinated(doer)):
        return True
    if tok.pos_ == "NOUN" and any(lemma(c) in s("labour_strike", "kinds") for c in children(tok, "amod", "compound", "npadvmod")):
        return True  # "an indefinite strike", "a three-day strike", "strike action"
    about = prep_objects(tok, ("over", "for", "against")) + (prep_objects(tok.head, ("over", "for")) if tok.dep_ == "dobj" else [])
    return any(lemma(t) in s("labour_strike", "demands") for o in about for t in o.subtree)


DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "our"})


def _told_before(tok: Any, s: Senses, back: int) -> bool:
    """"the strike" refers to the last strike told before it: a labour, general or hunger strike
    (or one people were "on") makes it that stoppage; an air or drone strike does not."""
    if tok.pos_ != "NOUN" or not any(c.lower_ in DEFINITE for c in children(tok, "det", "poss")):
        return False
    words = s("strike_idioms", "words")
    prev = next((t for t in reversed(tok.doc[: tok.i]) if lemma(t) in words and t.pos_ == "NOUN"), None)
    if prev is None:
        return False
    kinds = {lemma(c) for c in children(prev, "amod", "compound")}
    return bool(kinds & s("labour_strike", "stoppages")) or prev.head.lower_ == "on" or labour_strike(prev, s, back=back - 1)


def strike_doers(tok: Any) -> list[Any]:
    """Who strikes: the verb's subject, the noun's "by"/"of" phrase, owner or modifier, the subject of
    the verb that has the strike as object ("doctors began a strike") or the people "on strike"."""
    if tok.pos_ == "VERB":
        verb = tok.head if tok.dep_ in ("conj", "xcomp") and not children(tok, "nsubj") else tok
        return children(verb, "nsubj") or ([tok.head] if tok.dep_ in ("amod", "acl") else [])
    if tok.dep_ == "amod":
        return [tok.head]  # "striking nurses"
    noun = tok.head if tok.dep_ == "compound" else tok  # "strike action"
    found = children(noun, "poss", "compound") + prep_objects(noun, ("by", "of"))
    if noun.dep_ == "dobj":
        found += children(noun.head, "nsubj")
    if noun.dep_ == "pobj" and noun.head.lower_ == "on":
        holder = noun.head.head
        found += [holder] if holder.pos_ in ("NOUN", "PROPN") else children(holder, "nsubj")
    return found


def struck_at(tok: Any, s: Senses) -> bool:
    """"the army struck rebel positions", "jets struck the town": a strike with an object is a blow
    ("struck work", a South Asian "went on strike", is not)."""
    if tok.pos_ != "VERB" or lemma(tok) not in s("strike_idioms", "words"):
        return False
    objects = children(tok, "dobj", "nsubjpass")
    return bool(objects) and not any(lemma(o) in s("labour_strike", "work") for o in objects)


Rule = Callable[[Any, str, Senses], bool]
RULES: tuple[Rule, ...] = (
    dismissal, growth, revocation, forced_march, social_ills, compound_modifier, negated_noun,
    show, rhetoric, abstract_target, bombard_with_words, strike_idiom, media_capture,
    figurative_burning, dead_idiom, engage_sense, resting, mobilise_support, abstract_theft,
    death_sentence, surrender_abstract, off_the_track, shot_idiom, disease_toll, abstract_damage,
    medical, deploy_abstract, formal_protest, hit_abstract, abstract_march, confiscation,
    computer_hack, beat_idiom, tortured_idiom, fight_to, film_shoot, personified, figurative_adjective,
    solidarity, execute_plan, release_info, animals, closed_premises,
)
