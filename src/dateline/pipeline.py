"""Stages and the pipeline that runs them in a checked order.

A stage is a small callable over a :class:`~dateline.model.Doc` that declares the layers it
``needs`` and the layers it ``adds``. :class:`Pipeline` refuses an order in which a stage would
run before what it needs, and times every stage so the benchmark can report where time goes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, ClassVar, Iterable, Iterator, Sequence

from .errors import DatelineError, PipelineError
from .model import LAYERS, Article, Doc


class Stage:
    """Base class: subclasses set ``name``, ``needs`` and ``adds`` and implement ``__call__``."""

    name: ClassVar[str] = "stage"
    needs: ClassVar[frozenset[str]] = frozenset()
    adds: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, doc: Doc) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def check_order(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineError` if a stage needs a layer that no earlier stage adds."""
    available = {"text"}
    for stage in stages:
        unknown = (stage.needs | stage.adds) - set(LAYERS)
        if unknown:
            raise PipelineError(f"stage {stage.name!r} names unknown layers {sorted(unknown)}")
        missing = stage.needs - available
        if missing:
            raise PipelineError(f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage adds")
        available |= stage.adds


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article's result in a batch: a doc, or the error that stopped it."""

    article: Article | None
    doc: Doc | None = None
    error: DatelineError | None = None


class Pipeline:
    """Named, ordered stages. ``parse`` may batch many texts through spaCy at once."""

    def __init__(self, stages: Sequence[Stage]):
        check_order(stages)
        self.stages = tuple(stages)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def get(self, name: str) -> Stage:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise PipelineError(f"no stage named {name!r}")

    def run(self, doc: Doc) -> Doc:
        """Run every stage on one doc; a stage's own errors surface as :class:`PipelineError`."""
        for stage in self.stages:
            self._run_stage(stage, doc)
        return doc

    def _run_stage(self, stage: Stage, doc: Doc) -> None:
        began = time.perf_counter()
        try:
            stage(doc)
        except DatelineError:
            raise
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            # A bug or an input a stage did not expect: name the stage and the article.
            raise PipelineError(f"stage {stage.name!r} failed on article {doc.id}: {exc!r}") from exc
        doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + time.perf_counter() - began

    def pipe(
        self,
        items: Iterable[Article | DatelineError],
        *,
        batch_size: int = 16,
        strict: bool = False,
        prepare: Callable[[list[Doc]], None] | None = None,
    ) -> Iterator[Outcome]:
        """Analyse a stream of articles; read errors pass through as outcomes.

        With ``strict`` the first error is raised (tests); otherwise it is recorded in the
        outcome and the batch goes on. ``prepare`` runs on each batch of docs before the stages
        (the spaCy stage uses it to parse a batch in one ``nlp.pipe`` call).
        """
        for chunk in chunked(items, batch_size):
            yield from self._pipe_chunk(chunk, strict=strict, prepare=prepare)

    def _pipe_chunk(self, chunk, *, strict, prepare) -> Iterator[Outcome]:
        docs = [Doc(item) for item in chunk if isinstance(item, Article)]
        if prepare is not None and docs:
            prepare(docs)
        by_article = {id(d.article): d for d in docs}
        for item in chunk:
            if isinstance(item, DatelineError):
                if strict:
                    raise item
                yield Outcome(None, error=item)
                continue
            yield self._outcome(by_article[id(item)], strict=strict)

    def _outcome(self, doc: Doc, *, strict: bool) -> Outcome:
        try:
            return Outcome(doc.article, doc=self.run(doc))
        except DatelineError as exc:
            if strict:
                raise
            return Outcome(doc.article, error=exc)


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of up to ``size`` items from a stream, without reading it all."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= max(1, size):
            yield chunk
            chunk = []
    if chunk:
        yield chunk
