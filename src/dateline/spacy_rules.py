"""Two spaCy components of the English pipeline, done faster with the same results.

:class:`AttributeRules` applies the ``attribute_ruler``'s patterns by table look-up;
:class:`Lemmas` caches the rule lemmatiser's answers. :class:`~dateline.parse.ParseStage`
uses both in place of the components (``tests/test_parse.py`` checks them against spaCy's).
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator, Sequence

import numpy


class AttributeRules:
    """spaCy's ``attribute_ruler`` patterns, applied by table look-up instead of a Matcher.

    Why: the Matcher tries every pattern at every token and builds a Span per match, about a
    tenth of the spaCy pass on news text. These patterns test a token's TAG/LOWER/DEP/IS_SPACE
    (a few also a neighbour's), so the rules that apply to a token depend only on those four
    values: they are worked out once per distinct combination (cached) and written with one
    array operation per document. A word form that no rule names (by equality, a list or a
    regular expression) counts as one and the same "other" form, which keeps the cache small.
    The result is the attribute ruler's: rules apply in pattern order, later ones winning.
    :meth:`build` returns None for patterns of another kind.
    """

    FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
    LOWER = 1  # position of LOWER in FEATURES
    CACHE_LIMIT = 200_000

    def __init__(self, rules: list[tuple[int, list[tuple[int, dict]], dict[int, int]]], strings: Any):
        self.strings = strings
        compiled = [(n, [(off, _compile(spec, strings)) for off, spec in toks], attrs) for n, toks, attrs in rules]
        self.single = [(n, toks[0][1], attrs) for n, toks, attrs in compiled if len(toks) == 1]
        self.multi = [(n, toks, attrs) for n, toks, attrs in compiled if len(toks) > 1]
        named, regexes = _lower_tests([tests for _n, tests, _a in self.single])
        self._named = numpy.array(sorted(named), dtype=numpy.uint64)
        self._lower_regexes = regexes
        # The "other" form stands for a word no rule names; it must fail every test on LOWER.
        self._reducible = 0 not in named and not any(r.search("") for r in regexes)
        self._cache: dict[tuple[int, ...], list[tuple[int, dict[int, int]]]] = {}
        self._regex_cache: dict[tuple[str, int], bool] = {}
        self._named_by_regex: dict[int, bool] = {}

    @classmethod
    def build(cls, ruler: Any) -> "AttributeRules | None":
        rules = []  # one entry per alternative of a pattern, in pattern order
        for number, pattern in enumerate(ruler.patterns):
            for alternative in pattern["patterns"]:
                if not _supported(alternative):
                    return None
                index = pattern["index"] % len(alternative)
                tokens = [(i - index, spec) for i, spec in enumerate(alternative)]
                rules.append((number, tokens, ruler.attrs[number]))
        return cls(rules, ruler.vocab.strings)

    def apply(self, sdoc: Any, ranges: Sequence[tuple[int, int]] | None = None) -> dict[int, numpy.ndarray]:
        """Set the rules' attributes on the tokens in ``ranges`` (default all) in one array write;
        returns, for each attribute set, which tokens of the doc it was set on."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        ranges = [(0, len(sdoc))] if ranges is None else ranges
        index = numpy.concatenate([numpy.arange(a, b) for a, b in ranges] or [numpy.arange(0)])
        if not len(index):
            return {}
        feats = sdoc.to_array([TAG, LOWER, DEP, IS_SPACE]).reshape(len(sdoc), -1)
        uniq, inverse = numpy.unique(self._reduced(feats[index]), axis=0, return_inverse=True)
        merged = [_merged(self._rules_for(tuple(row))) for row in uniq.tolist()]
        changes = _Changes(index, inverse.reshape(-1), merged)
        chosen = numpy.zeros(len(sdoc), dtype=bool)
        chosen[index] = True
        extra: dict[int, list[tuple[int, dict[int, int]]]] = {}
        for i, number, attrs in self._multi_hits(feats, chosen):
            extra.setdefault(i, []).append((number, attrs))
        for i, found in extra.items():
            changes.replace(i, _merged(self._rules_for(tuple(self._reduced(feats[i : i + 1])[0].tolist())) + found))
        return changes.write(sdoc)

    def _reduced(self, feats: numpy.ndarray) -> numpy.ndarray:
        """``feats`` with every word form that no rule names replaced by the "other" form (0)."""
        if not self._reducible:
            return feats
        lowers = feats[:, self.LOWER]
        keep = numpy.isin(lowers, self._named)
        if self._lower_regexes:
            values, where = numpy.unique(lowers, return_inverse=True)
            hit = numpy.array([self._regex_named(v) for v in values.tolist()], dtype=bool)
            keep |= hit[where.reshape(-1)]
        out = feats.copy()
        out[~keep, self.LOWER] = 0
        return out

    def _rules_for(self, feat: tuple[int, ...]) -> list[tuple[int, dict[int, int]]]:
        found = self._cache.get(feat)
        if found is None:
            if len(self._cache) > self.CACHE_LIMIT:
                self._cache.clear()
            found = [(n, attrs) for n, spec, attrs in self.single if _token_matches(spec, feat, self.strings)]
            self._cache[feat] = found
        return found

    def _multi_hits(self, feats: numpy.ndarray, chosen: numpy.ndarray) -> Iterator[tuple[int, int, dict]]:
        """(token, rule, attributes) for the rules of several tokens that match at a chosen token.

        The candidates narrow token test by token test, the regular expressions last, so that
        they are tried on a few tokens only."""
        n = len(feats)
        for number, tokens, attrs in self.multi:
            found = numpy.nonzero(chosen)[0]
            for off, tests in sorted(tokens, key=lambda pair: any(kind == "REGEX" for _p, kind, _o in pair[1])):
                found = found[(found + off >= 0) & (found + off < n)]
                found = found[self._mask(tests, feats[found + off])]
            for i in found.tolist():
                yield i, number, attrs

    def _mask(self, tests: list[tuple[int, str, Any]], feats: numpy.ndarray) -> numpy.ndarray:
        """Which tokens pass ``tests`` (vectorised over the document)."""
        mask = numpy.ones(len(feats), dtype=bool)
        for pos, kind, operand in tests:
            col = feats[:, pos]
            if kind == "eq":
                mask &= col == numpy.uint64(operand)
            elif kind in ("IN", "NOT_IN"):
                inside = numpy.isin(col, numpy.array(sorted(operand), dtype=numpy.uint64))
                mask &= inside if kind == "IN" else ~inside
            else:  # a regular expression: once per distinct value
                values, where = numpy.unique(col, return_inverse=True)
                found = numpy.array([self._search(operand, v) for v in values.tolist()], dtype=bool)
                mask &= found[where.reshape(-1)]
        return mask

    def _regex_named(self, value: int) -> bool:
        """Whether a regular expression of the rules matches this word form (cached)."""
        found = self._named_by_regex.get(value)
        if found is None:
            if len(self._named_by_regex) > self.CACHE_LIMIT:
                self._named_by_regex.clear()
            found = self._named_by_regex[value] = any(self._search(r, value) for r in self._lower_regexes)
        return found

    def _search(self, regex: Any, value: int) -> bool:
        key = (regex.pattern, value)
        found = self._regex_cache.get(key)
        if found is None:
            if len(self._regex_cache) > self.CACHE_LIMIT:
                self._regex_cache.clear()
            found = self._regex_cache[key] = regex.search(self.strings[value] if value else "") is not None
        return found


class _Changes:
    """The attributes the rules set, per token of ``index``: a table of values and a mask of
    which are set, one row per distinct combination of features, spread to the tokens."""

    def __init__(self, index: numpy.ndarray, inverse: numpy.ndarray, merged: list[dict[int, int]]):
        self.index = index
        self.attrs = sorted({a for m in merged for a in m})
        self.values = numpy.zeros((len(merged), len(self.attrs)), dtype=numpy.uint64)
        self.set = numpy.zeros((len(merged), len(self.attrs)), dtype=bool)
        for row, attrs in enumerate(merged):
            self._fill(row, attrs)
        self.values, self.set = self.values[inverse], self.set[inverse]
        self._row = {i: k for k, i in enumerate(index.tolist())}

    def _fill(self, row: int, attrs: dict[int, int]) -> None:
        for a, value in attrs.items():
            col = self.attrs.index(a)
            self.values[row, col], self.set[row, col] = value, True

    def replace(self, i: int, attrs: dict[int, int]) -> None:
        """Token ``i`` (a doc index) gets ``attrs`` instead (multi-token rules were added)."""
        new = sorted(set(self.attrs) | set(attrs))
        if new != self.attrs:
            self._widen(new)
        row = self._row[i]
        self.values[row], self.set[row] = 0, False
        self._fill(row, attrs)

    def _widen(self, attrs: list[int]) -> None:
        cols = [attrs.index(a) for a in self.attrs]
        values = numpy.zeros((len(self.index), len(attrs)), dtype=numpy.uint64)
        mask = numpy.zeros((len(self.index), len(attrs)), dtype=bool)
        values[:, cols], mask[:, cols] = self.values, self.set
        self.attrs, self.values, self.set = attrs, values, mask

    def write(self, sdoc: Any) -> dict[int, numpy.ndarray]:
        used = self.set.any(axis=0)
        attrs = [a for a, u in zip(self.attrs, used.tolist()) if u]
        if not attrs:
            return {}
        cols = numpy.nonzero(used)[0]
        values, mask = self.values[:, cols], self.set[:, cols]
        array = sdoc.to_array(attrs).reshape(len(sdoc), -1)
        sub = array[self.index]
        sub[mask] = values[mask]
        array[self.index] = sub
        sdoc.from_array(attrs, array)
        out = {}
        for k, a in enumerate(attrs):
            out[a] = numpy.zeros(len(sdoc), dtype=bool)
            out[a][self.index] = mask[:, k]
        return out


def _lower_tests(rules: list[list[tuple[int, str, Any]]]) -> tuple[set[int], list[Any]]:
    """Word forms the rules name, and their regular expressions on the word form."""
    named: set[int] = set()
    regexes: list[Any] = []
    for tests in rules:
        for pos, kind, operand in tests:
            if pos != AttributeRules.LOWER:
                continue
            if kind == "eq":
                named.add(operand)
            elif kind in ("IN", "NOT_IN"):
                named.update(operand)
            else:
                regexes.append(operand)
    return named, regexes


class Lemmas:
    """spaCy's lemmatiser with its answers cached by (word form, POS, morphology).

    Why: the lemmatiser works token by token in Python, and its own cache skips only part of
    the work (base forms are checked anew each time); a rule or look-up lemma depends on the
    form, POS and morphology alone, so one look-up per distinct triple gives the same lemmas.
    """

    CACHE_LIMIT = 500_000
    MODES = ("rule", "lookup", "pos_lookup")

    def __init__(self, lemmatizer: Any):
        self.lemmatizer = _with_indexed_words(lemmatizer)
        self._cache: dict[tuple[int, int, int], int] = {}

    @classmethod
    def usable(cls, lemmatizer: Any) -> bool:
        return getattr(lemmatizer, "mode", None) in cls.MODES

    def __call__(self, sdoc: Any) -> Any:
        self.fill(sdoc, overwrite=bool(getattr(self.lemmatizer, "overwrite", False)))
        return sdoc

    def fill(self, sdoc: Any, tokens: Iterable[int] | None = None, *, overwrite: bool = False) -> None:
        """Lemmatise ``tokens`` (doc indices; default all); without ``overwrite`` only those
        that have no lemma yet (the attribute rules set a few)."""
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(sdoc):
            return
        array = sdoc.to_array([ORTH, POS, MORPH, LEMMA])
        index = numpy.arange(len(sdoc)) if tokens is None else numpy.fromiter(tokens, dtype=numpy.int64)
        if not overwrite:
            index = index[array[index, 3] == 0]
        lemmas = array[:, 3].copy()
        for i, key in zip(index.tolist(), array[index, :3].tolist()):
            lemmas[i] = self._lemma(sdoc, i, tuple(key))
        sdoc.from_array([LEMMA], lemmas)

    def _lemma(self, sdoc: Any, i: int, key: tuple[int, int, int]) -> int:
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > self.CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[key] = sdoc.vocab.strings.add(self.lemmatizer.lemmatize(sdoc[i])[0])
        return found


def _with_indexed_words(lemmatizer: Any) -> Any:
    """A copy of the lemmatiser whose word lists (``lemma_index``: tens of thousands of words per
    POS, which the rule lemmatiser searches with ``in``, so each new word costs about half a
    millisecond) are sets; the pipeline's own lemmatiser is left as it is."""
    import copy

    from spacy.lookups import Lookups

    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return lemmatizer
    fast = copy.copy(lemmatizer)
    fast.lookups, fast.cache = Lookups(), {}
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            table = fast.lookups.add_table(name)
            for key, words in lookups.get_table(name).items():
                table[key] = frozenset(words)
        else:
            fast.lookups.set_table(name, table)
    # spaCy binds ``lemmatize`` to the mode's method of the instance: bind it to the copy's.
    fast.lemmatize = getattr(fast, f"{fast.mode}_lemmatize", fast.lemmatize)
    return fast


class RulesPipe:
    """:class:`AttributeRules` in the place of the ``attribute_ruler`` component."""

    def __init__(self, rules: AttributeRules):
        self.rules = rules

    def __call__(self, sdoc: Any) -> Any:
        self.rules.apply(sdoc)
        return sdoc


def _merged(found: list[tuple[int, dict[int, int]]]) -> dict[int, int]:
    out: dict[int, int] = {}
    for _number, attrs in sorted(found, key=lambda pair: pair[0]):
        out.update(attrs)
    return out


def _supported(tokens: list[dict]) -> bool:
    for spec in tokens:
        for name, test in spec.items():
            if name not in AttributeRules.FEATURES:
                return False
            if isinstance(test, dict) and not set(test) <= {"IN", "NOT_IN", "REGEX"}:
                return False
    return True


def _compile(spec: dict, strings: Any) -> list[tuple[int, str, Any]]:
    """Tests on hashed values: (feature position, kind, operand)."""
    def h(v: Any) -> int:
        return int(v) if isinstance(v, bool) else (strings.add(v) if v else 0)

    out = []
    for name, test in spec.items():
        pos = AttributeRules.FEATURES.index(name)
        if not isinstance(test, dict):
            out.append((pos, "eq", h(test)))
            continue
        for kind, operand in test.items():
            out.append((pos, kind, re.compile(operand) if kind == "REGEX" else frozenset(h(v) for v in operand)))
    return out


def _token_matches(tests: list[tuple[int, str, Any]], feat: tuple[int, ...], strings: Any) -> bool:
    for pos, kind, operand in tests:
        value = feat[pos]
        if kind == "eq":
            ok = value == operand
        elif kind == "IN":
            ok = value in operand
        elif kind == "NOT_IN":
            ok = value not in operand
        else:
            ok = operand.search(strings[value] if value else "") is not None
        if not ok:
            return False
    return True
