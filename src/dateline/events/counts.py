"""Counts the ACLED way: killed, injured, displaced, detained, and who the victims were.

A harm word ("killed", "wounded", "fatalities") is tied through the dependency parse to the
number that quantifies its victims ("three soldiers were killed", "killing dozens of
civilians", "3 fatalities", "no one was killed"). Vague quantities take ACLED's figures
("dozens" 12, "hundreds" 100, "several" 3); "at least"/"up to" and ranges give the bounds,
the lower figure being the conservative one ACLED codes. "Casualties" mixes the dead and the
wounded, so it bounds fatalities from above without asserting any. A figure whose subject is
several events ("the attacks killed 40 in all") is a total and is flagged as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Sequence

from ..model import Span
from .lexicon import Lexicon

KINDS = ("killed", "injured", "casualties", "displaced", "detained", "abducted")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "dobj", "attr", "appos", "npadvmod", "oprd"}
EVENT_NOUNS = {"attack", "strike", "airstrike", "clash", "blast", "explosion", "bombing", "raid",
               "shelling", "incident", "violence", "fighting", "operation", "assault", "ambush"}
TOTAL_WORDS = {"total", "overall", "combined", "cumulative", "altogether", "tally", "all"}


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure tied to one harm word."""

    kind: str
    value: int
    low: int
    high: int
    vague: bool = False
    victims: str | None = None  # civilians / combatants
    total: bool = False
    additive: bool = False  # "also", "another", "other": adds to a figure already given
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Counts:
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    injured: int | None = None
    displaced: int | None = None
    detained: int | None = None
    victims: str | None = None
    total: bool = False
    evidence: Span | None = None

    @property
    def empty(self) -> bool:
        return all(v is None for v in (self.fatalities, self.fatalities_high, self.injured,
                                       self.displaced, self.detained))


def parse_number(text: str, lex: Lexicon) -> int | None:
    """A cardinal from digits or words: "1,000", "twenty-five", "three"."""
    t = text.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return int(float(t))
    parts = [p for p in re.split(r"[\s-]+", t) if p and p != "and"]
    if not parts or any(p not in lex.numbers for p in parts):
        return None
    total = 0
    for p in parts:
        n = lex.numbers[p]
        total = total * n if n >= 100 and total else total + n
    return total


def figures(tokens: Sequence[Any], lex: Lexicon) -> list[Figure]:
    """Every figure in a sentence (``tokens`` is a spaCy span)."""
    out: list[Figure] = []
    for match in lex.harm.match(tokens):
        tok = tokens.doc[match.start]
        out.extend(_figures_for(tok, match.key, lex))
    return out


def _figures_for(harm: Any, kind: str, lex: Lexicon) -> list[Figure]:
    if _status_label(harm, kind):
        return []
    dead = _put_to_death(harm)
    nouns = dead or _victim_nouns(harm)
    found = []
    for noun in nouns:
        fig = _quantify(noun, kind, lex, person=bool(dead))
        if fig is not None:
            found.append(fig)
    if not found:
        return []
    if len(found) > 1:  # "two soldiers and four civilians were wounded": one figure, summed
        found = [_summed(found)]
    total = _is_total(harm)
    additive = any(t.lower_ in ("also", "another", "other", "more", "further") and not _bound(t) for t in _near(harm))
    return [replace(f, total=total, additive=additive, span=_span_of(harm)) for f in found]


def _status_label(harm: Any, kind: str) -> bool:
    """"Ten displaced people were killed", "two detained activists were freed": the adjective says who
    the people are; the verb they are the subject of says what happened to them, and counts them."""
    if kind not in ("displaced", "detained", "abducted") or harm.dep_ != "amod":
        return False
    noun = harm.head
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB"


def _bound(tok: Any) -> bool:
    """"more than 30": a bound on a figure, not a figure added to another."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ == "than"


def _summed(figs: list[Figure]) -> Figure:
    kinds = {f.victims for f in figs}
    victims = "mixed" if len(kinds - {None}) > 1 else next(iter(kinds - {None}), None)
    return Figure(figs[0].kind, sum(f.value for f in figs), sum(f.low for f in figs), sum(f.high for f in figs),
                  vague=any(f.vague for f in figs), victims=victims)


def _victim_nouns(harm: Any) -> list[Any]:
    """The tokens naming who was harmed: subject/object of the verb, the head of an adjective."""
    cands = [c for c in harm.children if c.dep_ in SUBJECT_DEPS and not _is_agent(c)]
    if harm.dep_ == "conj" and not cands:
        cands = [c for c in harm.head.children if c.dep_ in ("nsubjpass", "dobj")]
    if harm.pos_ in ("NOUN", "PROPN") and harm.lower_ not in ("dozens", "hundreds"):
        cands.append(harm)  # "3 fatalities", "12 deaths", "the bodies of four men"
    if harm.dep_ in ("amod", "acl", "relcl") or (harm.pos_ == "ADJ" and harm.dep_ != "ROOT"):
        cands.append(harm.head)  # "three people killed", "12 people dead"
    if harm.dep_ in ("acomp", "oprd", "xcomp", "ccomp"):
        cands.extend(c for c in harm.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
    if harm.dep_ == "pobj" and harm.head.lower_ == "of" and harm.head.head.pos_ in ("NOUN", "NUM"):
        cands.append(harm.head.head)  # "hundreds of civilian casualties"
    cands.extend(_toll_value(harm))
    if not cands:  # "Between six and 20 herders were killed": the range's opener parsed as a preposition
        cands.extend(o for c in harm.children if c.dep_ == "prep" and c.lower_ == "between" and c.i < harm.i
                     for o in c.children if o.dep_ == "pobj")
    if not cands and harm.tag_ == "VBG":
        cands.extend(_object_after(harm))
    return [c for c in _with_conjuncts(_through_totals(cands)) if not _subset(c)]


SUBSET_WORDS = frozenset({"among", "including"})


def _subset(tok: Any) -> bool:
    """"killed five civilians, among them a teacher": the teacher is one of the five, not a sixth
    (the parse may hang the noun on the verb instead of on "among")."""
    start = tok.left_edge.i
    before = tok.doc[max(tok.sent.start, start - 3) : start]
    return any(t.lower_ in SUBSET_WORDS for t in before) and not any(t.pos_ in ("VERB", "AUX") for t in before)


RELATIVE_PERSONS = frozenset({"who", "whom"})


def _antecedent(tok: Any) -> Any:
    """"a leader near Caloto, whom gunmen shot dead": the relative pronoun stands for the person its
    clause tells of; the parse often hangs the clause on the nearest noun (a place, "the killing"),
    so the person is the last common noun before it, past places, prepositions and commas."""
    if tok.lower_ not in RELATIVE_PERSONS:
        return tok
    for prev in reversed(tok.doc[max(tok.sent.start, tok.i - 7) : tok.i]):
        if prev.pos_ == "NOUN":
            return prev
        if prev.pos_ not in ("PUNCT", "PROPN", "ADP", "DET", "ADJ"):
            return tok  # a verb or a clause between: no noun to stand for
    return tok


def _relative_person(pronoun: Any, kind: str, lex: Lexicon) -> Figure | None:
    """"whom gunmen shot dead": the figure of the noun the pronoun stands for; "who"/"whom" tell
    of a person, so a singular noun with "a"/"an" is one victim whatever its title."""
    # only the object of an act told with its own doer ("whom gunmen shot"): "who had been killed"
    # is a background fact about the person, not this event's toll
    acted = pronoun.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in pronoun.head.children)
    noun = _antecedent(pronoun)
    if noun is pronoun or not acted:
        return None
    fig = _quantify(noun, kind, lex)
    one = noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
    kind_of = victim_kind(noun, lex)
    return fig if fig is not None or not one or kind_of is None else Figure(kind, 1, 1, 1, victims=kind_of)


def _object_after(verb: Any) -> list[Any]:
    """"killing at least seven soldiers" parsed with the soldiers as another verb's subject:
    the counted noun right after a participle is its object."""
    for tok in verb.doc[verb.i + 1 : verb.i + 6]:
        if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "nummod" for c in tok.children):
            return [tok]
        if tok.pos_ in ("VERB", "AUX") or tok.is_punct:
            return []
    return []


def _through_totals(cands: list[Any]) -> list[Any]:
    """"a total of 10 people", "a number of soldiers": the figure sits under "of"."""
    out = []
    for tok in cands:
        inner = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        out.extend(inner if tok.lemma_.lower() in ("total", "number", "toll", "tally") and inner else [tok])
    return out


def _is_agent(tok: Any) -> bool:
    return tok.dep_ == "nsubj" and tok.head.tag_ not in ("VBN",) and tok.head.lemma_ in (
        "kill", "wound", "injure", "murder", "displace", "arrest", "detain", "abduct", "kidnap")


def _toll_value(harm: Any) -> list[Any]:
    """"the death toll rose to 12": the number under the verb's "to"."""
    if harm.lemma_ not in ("toll", "death") and harm.head.lemma_ != "toll":
        return []
    verb = harm.head if harm.head.pos_ in ("VERB", "AUX") else harm.head.head
    return [g for c in verb.children if c.dep_ in ("prep", "attr", "dobj")
            for g in ([c] + [x for x in c.children if x.dep_ == "pobj"])]


def _with_conjuncts(tokens: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for tok in tokens:
        for t in [tok, *tok.conjuncts]:
            if _source_phrase(t):
                break  # "killing seven soldiers, a military officer and witnesses said": the source
            if t not in out:
                out.append(t)
    return out


REPORTING = {"say", "tell", "report", "add", "confirm", "state"}


def _source_phrase(tok: Any) -> bool:
    """A conjunct that is the subject of a following reporting verb, misattached by the parse."""
    end = max([tok.i] + [c.right_edge.i for c in tok.children if c.dep_ not in ("conj", "cc", "punct")])
    for t in tok.doc[end + 1 : end + 8]:
        if t.lemma_ in REPORTING and t.pos_ == "VERB":
            return True
        if not (t.dep_ in ("cc", "det", "amod", "compound") or t.pos_ in ("NOUN", "PROPN")):
            return False
    return False


PEOPLE_WORDS = {"people", "person", "fatality", "death", "casualty", "body", "dead", "life", "other", "others",
                "one", "some", "all", "many", "several", "few", "dozen", "dozens", "hundreds", "score", "scores",
                "who", "they", "he", "she", "them", "him", "her", "we", "each", "both", "injured", "wounded",
                "member"}  # "killing 2 QSD members": members of a group are people, whichever side they are on


def _put_to_death(harm: Any) -> list[Any]:
    """"beat two thieves to death", "a man was stabbed to death": whoever the verb acted on died
    (a person whatever the noun: "detainees", "thieves"); "sentenced to death" is a penalty."""
    verb = harm.head.head if harm.dep_ == "pobj" and harm.head.lower_ == "to" else None
    if harm.lemma_.lower() != "death" or verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() in PENALTY_VERBS:
        return []
    return _with_conjuncts(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))


PENALTY_VERBS = frozenset({"sentence", "condemn", "put"})


def _quantify(noun: Any, kind: str, lex: Lexicon, *, person: bool = False) -> Figure | None:
    if noun.lower_ in RELATIVE_PERSONS:
        return _relative_person(noun, kind, lex)
    victims = victim_kind(noun, lex)
    people = person or noun.lemma_.lower() in PEOPLE_WORDS or noun.lower_ in PEOPLE_WORDS
    if kind in ("killed", "injured", "casualties") and victims is None and not noun.like_num and not people:
        return None  # "25 heads of cattle", "three houses": not people
    value = _number_of(noun, lex)
    if value is None and person and noun.tag_ == "NN":
        value = 1, 1, 1, False  # "beat a suspected thief to death": one person, whatever the noun
    if value is None:
        return None
    n, low, high, vague = value
    return Figure(kind, n, low, high, vague=vague, victims=victims)


def _number_of(noun: Any, lex: Lexicon) -> tuple[int, int, int, bool] | None:
    """(value, low, high, vague) for a victim noun, or None when no figure is given."""
    text = noun.lower_
    if text in ("nobody", "none") or any(c.lower_ in ("no", "zero") and c.dep_ == "det" for c in noun.children):
        return 0, 0, 0, False
    if text == "one" and any(c.lower_ == "no" for c in noun.children):
        return 0, 0, 0, False
    for tok in [noun, *[c for c in noun.children if c.dep_ in ("nummod", "quantmod", "amod", "det", "compound")]]:
        found = _figure_token(tok, lex)
        if found is not None:
            return found
    if noun.lower_ in lex.vague:  # "dozens of civilians"
        n = lex.vague[noun.lower_]
        return n, n, n * 10 if n > 3 else n * 3, True
    return _singular(noun, lex)


def _figure_token(tok: Any, lex: Lexicon) -> tuple[int, int, int, bool] | None:
    rng = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", tok.text)
    if rng:
        low, high = int(rng.group(1)), int(rng.group(2))
        return low, low, high, False
    if tok.lower_ in lex.vague and tok.dep_ in ("nummod", "amod", "det", "quantmod"):
        n = lex.vague[tok.lower_]
        return n, n, max(n, n * 3), True
    if not (tok.like_num or tok.lower_ in ("dozen", "dozens", "hundreds")):
        return None
    text = _number_phrase(tok)
    n = parse_number(text, lex) if not text.lower().endswith("s") else lex.vague.get(text.lower())
    if n is None:
        return None
    low = _range_low(tok, lex)
    return (low, low, n, False) if low is not None and low < n else _bounded(tok, n)


def _range_low(tok: Any, lex: Lexicon) -> int | None:
    """"15 to 40 villagers", "between 10 to 30 people": the parse hangs the range's first figure on
    its last; ACLED codes the lowest."""
    kids = [c for c in tok.children if c.dep_ == "quantmod" and c.i < tok.i]
    if not any(c.lower_ in ("to", "-", "\u2013", "or") for c in kids):
        return None
    first = next((c for c in kids if c.like_num), None)
    return parse_number(first.text, lex) if first is not None else None


def _number_phrase(tok: Any) -> str:
    parts = [c for c in tok.children if c.dep_ in ("compound", "nummod") and c.like_num and c.i < tok.i]
    return " ".join([p.text for p in parts] + [tok.text])


def _bounded(tok: Any, n: int) -> tuple[int, int, int, bool]:
    mods = {c.lower_ for c in tok.children if c.dep_ in ("advmod", "quantmod", "amod", "prep")}
    mods |= {c.lower_ for c in tok.children for c in c.children if c.dep_ in ("advmod", "pobj")}
    if mods & {"up", "nearly", "almost", "about", "around", "approximately", "roughly"} and "least" not in mods:
        return n, 0 if "up" in mods else max(n - n // 5, 0), n, False
    if mods & {"least", "than", "over", "some"}:
        return n, n, n * 2, False
    return n, n, n, False


def _singular(noun: Any, lex: Lexicon) -> tuple[int, int, int, bool] | None:
    """"a man was killed", "the soldier died": one victim."""
    if noun.tag_ in ("NN", "NNP") and noun.lemma_.lower() in lex.single_victim:
        return 1, 1, 1, False
    return None


def victim_kind(noun: Any, lex: Lexicon) -> str | None:
    words = [noun, *[c for c in noun.subtree if c.dep_ in ("pobj", "compound", "amod") and c.i > noun.i - 4]]
    for tok in words:
        keys = lex.victims.keys_in(tok.doc[tok.i : tok.i + 1])
        if "armed" in keys:
            return "combatants"
        if "civilian" in keys:
            return "civilians"
    return None


def _is_total(harm: Any) -> bool:
    near = list(harm.children) + [harm.head]
    for tok in near + [g for c in near for g in c.children]:
        if tok.lower_ in TOTAL_WORDS and tok.lower_ != "all":
            return True
        if tok.lemma_ in EVENT_NOUNS and tok.tag_ == "NNS":
            return True
    return False


def _near(tok: Any) -> list[Any]:
    return [c for c in tok.children if c.dep_ in ("advmod", "amod", "det")] + [
        c for c in tok.subtree if c.dep_ in ("amod", "det") and c.i > tok.i - 6
    ]


def _span_of(tok: Any) -> Span:
    return Span(tok.idx, tok.idx + len(tok.text))


def combine(figs: Sequence[Figure]) -> Counts:
    """Counts for one event from its figures: additive figures add, restatements do not."""
    return Counts(
        fatalities=_total(figs, "killed"),
        fatalities_low=_total(figs, "killed", "low"),
        fatalities_high=_high(figs),
        injured=_total(figs, "injured"),
        displaced=_total(figs, "displaced"),
        detained=_total(figs, "detained"),
        victims=_victims(figs),
        total=any(f.total for f in figs),
        evidence=next((f.span for f in figs if f.kind == "killed"), figs[0].span if figs else None),
    )


def _total(figs: Sequence[Figure], kind: str, attr: str = "value") -> int | None:
    own = [f for f in figs if f.kind == kind]
    if not own:
        return None
    base = [getattr(f, attr) for f in own if not f.additive]
    extra = sum(getattr(f, attr) for f in own if f.additive)
    # Restatements of one figure: the most conservative (smallest) non-zero one.
    nonzero = [v for v in base if v]
    first = min(nonzero) if nonzero else (0 if base else 0)
    return first + extra


def _high(figs: Sequence[Figure]) -> int | None:
    killed = [f for f in figs if f.kind == "killed"]
    casualties = [f for f in figs if f.kind == "casualties"]
    if not killed and not casualties:
        return None
    base = max((f.high for f in killed if not f.additive), default=0)
    extra = sum(f.high for f in killed if f.additive)
    return max(base + extra, max((f.high for f in casualties), default=0))


def _victims(figs: Sequence[Figure]) -> str | None:
    kinds = {f.victims for f in figs if f.kind in ("killed", "injured", "casualties", "abducted") and f.victims}
    if len(kinds) > 1:
        return "mixed"
    return next(iter(kinds), None)


def merge_counts(a: Counts, b: Counts) -> Counts:
    """Two mentions of one event: never add (a restatement), keep the conservative figure."""
    return Counts(
        fatalities=_conservative(a.fatalities, b.fatalities),
        fatalities_low=_conservative(a.fatalities_low, b.fatalities_low),
        fatalities_high=_max(a.fatalities_high, b.fatalities_high),
        injured=_conservative(a.injured, b.injured),
        displaced=_conservative(a.displaced, b.displaced),
        detained=_conservative(a.detained, b.detained),
        victims=_merge_victims(a.victims, b.victims),
        total=a.total or b.total,
        evidence=a.evidence or b.evidence,
    )


def _conservative(x: int | None, y: int | None) -> int | None:
    if x is None or y is None:
        return y if x is None else x
    if 0 in (x, y):
        return max(x, y)  # "no one was killed" beside a figure: the figure is the news
    return min(x, y)


def _max(x: int | None, y: int | None) -> int | None:
    return y if x is None else x if y is None else max(x, y)


def _merge_victims(x: str | None, y: str | None) -> str | None:
    if x is None or y is None or x == y:
        return x or y
    return "mixed"
