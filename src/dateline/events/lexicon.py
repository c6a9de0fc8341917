"""The event lexicon (``data/events/lexicon.json``) and a matcher over spaCy tokens.

An entry is a lowercase lemma sequence; one word may carry a part-of-speech filter
(``fire/VERB``) and any entry a context word that must occur in the same sentence
(``strike/VERB@worker``). Matching is on lemmas or lowercase forms, longest entry first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

from ..errors import ModelError


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[str, ...]
    pos: str | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """``start``/``end`` are token indices into the spaCy doc (end exclusive)."""

    start: int
    end: int
    key: str
    entry: Entry


def parse_entry(text: str) -> Entry:
    phrase, _, context = text.partition("@")
    phrase, _, pos = phrase.partition("/")
    return Entry(tuple(phrase.lower().split()), pos or None, context.lower() or None)


class PhraseTable:
    """Entries grouped by key ("protest", "air", ...), indexed by their first word."""

    def __init__(self, groups: Mapping[str, Iterable[str]]):
        index: dict[str, list[tuple[str, Entry]]] = {}
        for key, phrases in groups.items():
            for phrase in phrases:
                entry = parse_entry(phrase)
                index.setdefault(entry.words[0], []).append((key, entry))
        for items in index.values():
            items.sort(key=lambda pair: -len(pair[1].words))
        self._index: dict[str, tuple[tuple[str, Entry], ...]] = {k: tuple(v) for k, v in index.items()}  # never changed

    def match(self, tokens: Sequence[Any], *, context: frozenset[str] = frozenset()) -> list[Match]:
        """Non-overlapping matches over ``tokens`` (a sentence span), longest first at each position."""
        forms, at = _view(tokens)
        index = self._index
        out: list[Match] = []
        i, n = 0, len(tokens)
        while i < n:
            # most tokens begin no entry: test that here, without a call per token
            found = self._match_at(tokens, forms, at, i, context) if not index.keys().isdisjoint(forms[at + i]) else None
            if found:
                out.extend(found)
                i = found[0].end - at
            else:
                i += 1
        return out

    def _match_at(self, tokens: Sequence[Any], forms: list, at: int, i: int, context: frozenset[str]) -> list[Match]:
        """Matches starting at ``tokens[i]``; ``forms`` are the doc's token forms, ``at`` the doc
        index of ``tokens[0]`` (tokens are reached only to check a POS filter)."""
        hits: list[Match] = []
        for form in forms[at + i]:
            for key, entry in self._index.get(form, ()):
                size = len(entry.words)
                if hits and size < hits[0].end - hits[0].start:
                    break
                if _fits(forms, at + i, len(tokens) - i, entry, context) and (
                    not entry.pos or tokens[i].pos_ == entry.pos
                ):
                    hits.append(Match(at + i, at + i + size, key, entry))
        return _dedupe(hits)

    def first_words(self) -> frozenset[str]:
        return frozenset(self._index)

    def first_forms(self) -> frozenset[str]:
        """Every lowercase form that can begin a match: the entries' first words and the
        inflections that ``_forms`` takes back to them ("raped", "shelling", "protests")."""
        return frozenset(f for word in self._index for f in (word, *_inflections(word)))

    def may_start(self, tokens: Sequence[Any], i: int) -> bool:
        """Whether an entry's words occur at ``tokens[i]`` (POS and context filters aside): a
        looser test than :meth:`match`, for choosing what to parse before POS is final (so the
        forms are worked out for the few tokens looked at, and not kept)."""
        for form in _token_forms(tokens[i]):
            for _key, entry in self._index.get(form, ()):
                size = len(entry.words)
                if i + size <= len(tokens) and all(
                    w in _token_forms(t) for w, t in zip(entry.words[1:], tokens[i + 1 : i + size])
                ):
                    return True
        return False

    def words_of(self, key: str) -> frozenset[str]:
        """The single-word entries of one group (e.g. the reporting verbs)."""
        return frozenset(e.words[0] for items in self._index.values() for k, e in items if k == key and len(e.words) == 1)

    def keys_in(self, tokens: Sequence[Any], *, context: frozenset[str] = frozenset()) -> set[str]:
        return {m.key for m in self.match(tokens, context=context)}


def _dedupe(hits: list[Match]) -> list[Match]:
    if not hits:
        return []
    longest = max(h.end - h.start for h in hits)
    seen: dict[str, Match] = {}
    for h in hits:
        if h.end - h.start == longest:
            seen.setdefault(h.key, h)
    return list(seen.values())


# Key of a spaCy Doc's ``user_data`` holding its tokens' forms, worked out once for the doc:
# every phrase table reads the same tokens (the parse stage drops it when it changes lemmas).
FORMS_KEY = "dateline.forms"


def doc_forms(doc: Any) -> list[tuple[str, ...]]:
    """The forms of every token of a spaCy doc (see :func:`_token_forms`), by token index."""
    forms = doc.user_data.get(FORMS_KEY)
    if forms is None:
        forms = doc.user_data[FORMS_KEY] = _all_forms(doc)
    return forms


def _all_forms(doc: Any) -> list[tuple[str, ...]]:
    from spacy.attrs import LEMMA, LOWER, POS

    strings = doc.vocab.strings
    seen: dict[tuple[int, int, int], tuple[str, ...]] = {}
    out = []
    for key in map(tuple, doc.to_array([LOWER, LEMMA, POS]).reshape(len(doc), 3).tolist()):
        found = seen.get(key)
        if found is None:
            found = seen[key] = _forms_of(strings[key[0]], strings[key[1]].lower(), strings[key[2]])
        out.append(found)
    return out


def _view(tokens: Sequence[Any]) -> tuple[list[tuple[str, ...]], int]:
    """The forms of the doc ``tokens`` (consecutive tokens: a span) come from, and the doc
    index of the first token."""
    if not len(tokens):
        return [], 0
    first = tokens[0]
    return doc_forms(first.doc), first.i


def _forms(tok: Any) -> tuple[str, ...]:
    return doc_forms(tok.doc)[tok.i]


def _token_forms(tok: Any) -> tuple[str, ...]:
    return _forms_of(tok.lower_, tok.lemma_.lower(), tok.pos_)


def _forms_of(lower: str, lemma: str, pos: str) -> tuple[str, ...]:
    """A token's lowercase form and lemma, and for a verb or noun the stems the lemmatiser
    may have missed."""
    forms = (lower,) if lower == lemma else (lemma, lower)
    if pos == "VERB":
        return forms + _stems(lower)
    if pos == "NOUN" and lower.endswith("s") and not lower.endswith("ss"):
        return forms + (lower[:-1],)  # plurals the lemmatiser missed
    return forms


# Regular verb endings and what replaces them in the stem ("carried" -> "carry").
STEM_ENDINGS = (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", ""))


@lru_cache(maxsize=8192)
def _stems(word: str) -> tuple[str, ...]:
    """Regular inflections, for when the lemmatiser stumbles ("raped" -> "rap")."""
    out: list[str] = []
    for suffix, repl in STEM_ENDINGS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: -len(suffix)] + repl)
    return tuple(out)


def _inflections(word: str) -> set[str]:
    """The forms that ``_stems`` or the plural rule of ``_forms`` take back to ``word``."""
    out = {word + "s"}
    for suffix, repl in STEM_ENDINGS:
        if word.endswith(repl):
            form = word[: len(word) - len(repl)] + suffix
            if len(form) - len(suffix) >= 3:
                out.add(form)
    return out


def _fits(forms: list, j: int, room: int, entry: Entry, context: frozenset[str]) -> bool:
    """Whether ``entry``'s words are the forms from doc index ``j`` on (``room`` tokens left in
    the span) and its context word is in ``context``; the POS filter is the caller's."""
    if len(entry.words) > room:
        return False
    for k, word in enumerate(entry.words):
        if word not in forms[j + k]:
            return False
    return entry.context is None or entry.context in context


@dataclass(frozen=True)
class Lexicon:
    frames: PhraseTable
    weapons: PhraseTable
    protest: PhraseTable
    victims: PhraseTable
    harm: PhraseTable
    exclusions: PhraseTable
    factuality: Mapping[str, frozenset[str]]
    attribution: PhraseTable
    numbers: Mapping[str, int]
    vague: Mapping[str, int]
    single_victim: frozenset[str]
    territory_objects: frozenset[str]
    territory: PhraseTable


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read the bundled lexicon once per process."""
    try:
        raw = resources.files("dateline").joinpath("data/events/lexicon.json").read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError, ModuleNotFoundError) as exc:
        raise ModelError(f"cannot read the event lexicon: {exc}") from exc
    return _build(data)


def _build(data: Mapping[str, Any]) -> Lexicon:
    return Lexicon(
        frames=PhraseTable(data["frames"]),
        weapons=PhraseTable(data["weapon_cues"]),
        protest=PhraseTable(data["protest_cues"]),
        victims=PhraseTable(data["victims"]),
        harm=PhraseTable(data["harm"]),
        exclusions=PhraseTable(data["exclusions"]),
        factuality=MappingProxyType({k: frozenset(v) for k, v in data["factuality"].items()}),
        attribution=PhraseTable(data["attribution"]),
        numbers=MappingProxyType(dict(data["numbers"])),
        vague=MappingProxyType(dict(data["vague_numbers"])),
        single_victim=frozenset(data["single_victim"]),
        territory_objects=frozenset(data["territory_objects"]),
        territory=PhraseTable(data.get("territory_cues", {})),
    )


# Key of a spaCy Doc's ``user_data`` holding the words of its sentences already worked out, with
# the forms they came from (new forms, after a later parse, make them stale).
WORDS_KEY = "dateline.sentence_words"


def sentence_words(tokens: Sequence[Any]) -> frozenset[str]:
    """Lemmas and lowercase forms in a sentence, for ``@context`` filters."""
    forms, at = _view(tokens)
    if not len(tokens):
        return frozenset()
    user_data = tokens[0].doc.user_data
    made_from, known = user_data.get(WORDS_KEY, (None, None))
    if made_from is not forms:
        known = {}
        user_data[WORDS_KEY] = (forms, known)
    if (at, len(tokens)) not in known:
        known[(at, len(tokens))] = frozenset(f for found in forms[at : at + len(tokens)] for f in found)
    return known[(at, len(tokens))]
