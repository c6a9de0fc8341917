"""Analysing a stream of articles on several cores of one machine.

:func:`pipe_articles` sends chunks of articles to worker processes (``forkserver`` where the
platform has it, else ``spawn``: never ``fork``, which would copy a half-initialised spaCy and
thread pools). Each worker loads the pipeline once, in its initializer, and keeps it for the
life of the pool. Outcomes come back in input order. At most ``2 * workers`` chunks are in
flight at any time, so memory stays bounded however long the input is. Docs come back without
their spaCy ``Doc`` (``doc.spacy`` is ``None``): later consumers need only the records.

Read errors (``DatelineError`` items in the input) never leave the parent process; they are
passed through as outcomes in their place in the order, exactly as ``Dateline.pipe`` does.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator

from .api import load
from .errors import DatelineError, PipelineError
from .model import Article
from .pipeline import Outcome, chunked

Loader = Callable[[], Any]
# Chunks queued per worker: one running, one waiting, so no worker idles between chunks.
IN_FLIGHT_PER_WORKER = 2


def pipe_articles(
    items: Iterable[Article | DatelineError],
    *,
    workers: int,
    batch_size: int = 16,
    strict: bool = False,
    loader: Loader = load,
) -> Iterator[Outcome]:
    """Analyse ``items`` with ``workers`` processes; outcomes in input order.

    ``loader`` (a picklable, module-level callable returning a :class:`~dateline.api.Dateline`)
    builds the pipeline in each worker; the default is :func:`dateline.load`. With
    ``workers=1`` this is the in-process ``Dateline.pipe``. With ``strict`` the first error,
    read or analysis, is raised.
    """
    if workers <= 1:
        yield from loader().pipe(items, batch_size=batch_size, strict=strict)
        return
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_init_worker, initargs=(loader,)
    ) as pool:
        yield from _ordered(pool, items, loader=loader, batch_size=batch_size, strict=strict,
                            window=IN_FLIGHT_PER_WORKER * workers)


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _ordered(pool, items, *, loader, batch_size, strict, window) -> Iterator[Outcome]:
    pending: deque[tuple[list, Future]] = deque()
    for chunk in chunked(items, batch_size):
        articles = [item for item in chunk if isinstance(item, Article)]
        pending.append((chunk, pool.submit(_work, loader, articles, strict)))
        if len(pending) >= window:
            yield from _collect(*pending.popleft(), strict=strict)
    while pending:
        yield from _collect(*pending.popleft(), strict=strict)


def _collect(chunk: list, future: Future, *, strict: bool) -> Iterator[Outcome]:
    """The chunk's outcomes in input order: read errors from the parent, the rest from a worker."""
    try:
        done = iter(future.result())
    except BrokenProcessPool as exc:
        raise PipelineError(f"a worker process died while analysing a batch: {exc}") from exc
    for item in chunk:
        if isinstance(item, DatelineError):
            if strict:
                raise item
            yield Outcome(None, error=item)
        else:
            yield next(done)



# --- in the worker process ---------------------------------------------------------------
@lru_cache(maxsize=1)
def _worker_pipeline(loader: Loader) -> Any:
    """The pipeline of this worker process, built once (the initializer warms it)."""
    return loader()


def _init_worker(loader: Loader) -> None:
    _worker_pipeline(loader)


def _work(loader: Loader, articles: list[Article], strict: bool) -> list[Outcome]:
    pipe = _worker_pipeline(loader)
    outcomes = list(pipe.pipe(articles, batch_size=max(1, len(articles)), strict=strict))
    for outcome in outcomes:
        if outcome.doc is not None:
            outcome.doc.spacy = None  # the spaCy Doc stays here: large, and not needed downstream
    return outcomes
