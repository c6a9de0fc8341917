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
        self._index = MappingProxyType({k: tuple(v) for k, v in index.items()})

    def match(self, tokens: Sequence[Any], *, context: frozenset[str] = frozenset()) -> list[Match]:
        """Non-overlapping matches over ``tokens`` (a sentence span), longest first at each position."""
        out: list[Match] = []
        i, n = 0, len(tokens)
        while i < n:
            found = self._match_at(tokens, i, context)
            if found:
                out.extend(found)
                i = found[0].end - tokens[0].i
            else:
                i += 1
        return out

    def _match_at(self, tokens: Sequence[Any], i: int, context: frozenset[str]) -> list[Match]:
        tok = tokens[i]
        hits: list[Match] = []
        for form in _forms(tok):
            for key, entry in self._index.get(form, ()):
                size = len(entry.words)
                if hits and size < hits[0].end - hits[0].start:
                    break
                if _fits(tokens, i, entry, context):
                    hits.append(Match(tok.i, tok.i + size, key, entry))
        return _dedupe(hits)

    def first_words(self) -> frozenset[str]:
        return frozenset(self._index)

    def first_forms(self) -> frozenset[str]:
        """Every lowercase form that can begin a match: the entries' first words and the
        inflections that ``_forms`` takes back to them ("raped", "shelling", "protests")."""
        return frozenset(f for word in self._index for f in (word, *_inflections(word)))

    def may_start(self, tokens: Sequence[Any], i: int) -> bool:
        """Whether an entry's words occur at ``tokens[i]`` (POS and context filters aside): a
        looser test than :meth:`match`, for choosing what to parse before POS is final."""
        for form in _forms(tokens[i]):
            for _key, entry in self._index.get(form, ()):
                size = len(entry.words)
                if i + size <= len(tokens) and all(w in _forms(t) for w, t in zip(entry.words, tokens[i : i + size])):
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


# Key of a spaCy Doc's ``user_data`` holding its tokens' forms, filled as they are asked for:
# every phrase table reads the same tokens (the parse stage drops it when it changes lemmas).
FORMS_KEY = "dateline.forms"


def _forms(tok: Any) -> tuple[str, ...]:
    user_data = tok.doc.user_data
    cache = user_data.get(FORMS_KEY)
    if cache is None:
        cache = user_data[FORMS_KEY] = {}
    found = cache.get(tok.i)
    if found is None:
        found = cache[tok.i] = _token_forms(tok)
    return found


def _token_forms(tok: Any) -> tuple[str, ...]:
    lower, lemma = tok.lower_, tok.lemma_.lower()
    forms = (lower,) if lower == lemma else (lemma, lower)
    if tok.pos_ == "VERB":
        return forms + _stems(lower)
    if tok.pos_ == "NOUN" and lower.endswith("s") and not lower.endswith("ss"):
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


def _fits(tokens: Sequence[Any], i: int, entry: Entry, context: frozenset[str]) -> bool:
    if i + len(entry.words) > len(tokens):
        return False
    for word, tok in zip(entry.words, tokens[i : i + len(entry.words)]):
        if word not in _forms(tok):
            return False
    if entry.pos and tokens[i].pos_ != entry.pos:
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


def sentence_words(tokens: Sequence[Any]) -> frozenset[str]:
    """Lemmas and lowercase forms in a sentence, for ``@context`` filters."""
    return frozenset(f for tok in tokens for f in _forms(tok))
