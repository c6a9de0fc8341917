"""The same pipeline on a Dask cluster: sharded input in, Parquet event shards out.

One task per input shard (a JSONL or Parquet file, a local path or any fsspec URL). A worker
process builds the pipeline once, on its first shard, and keeps it (:func:`_worker_pipeline`).
Each finished shard leaves, under ``out_dir``::

    events/<shard>.parquet     the events (dateline.export.EVENT_SCHEMA, the Parquet export's)
    articles/<shard>.parquet   the articles read (so the shard can be loaded into a store)
    _SUCCESS/<shard>.json      written last: counts and per-article errors

A shard with a marker is skipped by the next run, so an interrupted batch resumes where it
stopped. A shard whose task fails is retried (``retries``) and then reported in the
:class:`BatchReport`, never dropped. Without ``scheduler`` a ``LocalCluster`` is started.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import logging
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Sequence

import click
import pyarrow as pa
import pyarrow.parquet as pq

from .api import load
from .errors import DatelineError, InputError, StoreError
from .export import EVENT_SCHEMA, event_rows, events_from_table
from .io import read_bytes
from .model import Article, Event, as_date

Loader = Callable[[], Any]
MARKERS, EVENTS, ARTICLES = "_SUCCESS", "events", "articles"
ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("text", pa.string()), ("published", pa.date32()), ("source", pa.string()),
    ("dateline", pa.string()), ("title", pa.string()), ("url", pa.string()),
    ("body_start", pa.int64()), ("origin", pa.string()),
])


@dataclass(frozen=True, slots=True)
class ShardResult:
    input: str
    name: str
    articles: int = 0
    events: int = 0
    errors: tuple[str, ...] = ()  # one line per article that could not be read or analysed
    skipped: bool = False  # finished by an earlier run


@dataclass(frozen=True, slots=True)
class BatchReport:
    done: tuple[ShardResult, ...]
    failed: tuple[tuple[str, str], ...]  # (input, why) for shards that failed after their retries

    @property
    def articles(self) -> int:
        return sum(r.articles for r in self.done)

    @property
    def events(self) -> int:
        return sum(r.events for r in self.done)

    @property
    def skipped(self) -> int:
        return sum(r.skipped for r in self.done)

    @property
    def ok(self) -> bool:
        return not self.failed


def shard_name(url: str) -> str:
    """A file-name-safe, collision-free name for an input shard."""
    base = posixpath.basename(url.rstrip("/")).split(".")[0] or "shard"
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in base)[:60]
    return f"{safe}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"


# --- reading a shard -------------------------------------------------------------------------
def read_shard(url: str, *, published: dt.date | None = None) -> Iterator[Article | InputError]:
    """Articles of one JSONL or Parquet shard (bad lines as InputError items); an unreadable shard raises."""
    data = _read_bytes(url)
    if url.lower().split("?")[0].endswith(".parquet"):
        items: Iterable[Article | InputError] = _parquet_articles(data, name=url)
    else:
        items = read_bytes(data, name=url, kind="jsonl")
    for item in items:
        if published is not None and isinstance(item, Article) and item.published is None:
            item = dataclasses.replace(item, published=published)
        yield item


def _read_bytes(url: str) -> bytes:
    import fsspec

    try:
        with fsspec.open(url, "rb") as f:
            return f.read()
    except (OSError, ValueError, ImportError) as exc:
        # A plain DatelineError: it crosses process boundaries with its message intact.
        raise DatelineError(f"{url}: cannot read shard: {exc}") from exc


def _parquet_articles(data: bytes, *, name: str) -> Iterator[Article | InputError]:
    """Rows with the JSONL fields (text, id, title, published, source, url), read as JSONL lines."""
    try:
        rows = pq.read_table(pa.BufferReader(data)).to_pylist()
    except (pa.ArrowException, OSError) as exc:
        raise DatelineError(f"{name}: not a readable Parquet file: {exc}") from exc
    # Going through the JSONL reader keeps one set of rules and one error per bad row.
    lines = "\n".join(json.dumps(row, default=str, ensure_ascii=False) for row in rows)
    yield from read_bytes(lines.encode("utf-8"), name=name, kind="jsonl")


# --- one task: analyse one shard ---------------------------------------------------------------
@lru_cache(maxsize=1)
def _worker_pipeline(loader: Loader) -> Any:
    """This worker process's pipeline, built on its first shard and reused for the rest."""
    return loader()


def run_shard(
    url: str, out_dir: str, *, published: str | None = None, keep_all: bool = False, loader: Loader = load,
    batch_size: int = 16,
) -> ShardResult:
    """Analyse one shard and write its event and article files, then its marker (the Dask task)."""
    fs, root = _fs(out_dir)
    name = shard_name(url)
    if fs.exists(_path(root, MARKERS, name, ".json")):
        return dataclasses.replace(read_marker(fs, root, name), skipped=True)
    articles, events, errors = [], [], []
    items = read_shard(url, published=as_date(published))
    for outcome in _worker_pipeline(loader).pipe(items, batch_size=batch_size):
        if outcome.error is not None:
            errors.append(str(outcome.error))
            continue
        articles.append(outcome.article)
        events.extend(e for e in outcome.doc.events or () if keep_all or e.factuality == "asserted")
    result = ShardResult(url, name, len(articles), len(events), tuple(errors))
    _write_shard(fs, root, result, articles, events)
    return result


def _fs(out_dir: str) -> tuple[Any, str]:
    import fsspec

    fs, root = fsspec.core.url_to_fs(out_dir)
    return fs, root.rstrip("/")


def _path(root: str, folder: str, name: str, ext: str) -> str:
    return f"{root}/{folder}/{name}{ext}"


def _write_shard(fs: Any, root: str, result: ShardResult, articles: list[Article], events: list[Event]) -> None:
    """Data files first, each written under a temporary name and moved; the marker last."""
    _write_table(fs, _path(root, EVENTS, result.name, ".parquet"), event_rows(events))
    _write_table(fs, _path(root, ARTICLES, result.name, ".parquet"), article_table(articles))
    marker = json.dumps(dataclasses.asdict(result), ensure_ascii=False)
    _write_bytes(fs, _path(root, MARKERS, result.name, ".json"), marker.encode("utf-8"))


def _write_table(fs: Any, path: str, table: pa.Table) -> None:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    _write_bytes(fs, path, sink.getvalue().to_pybytes())


def _write_bytes(fs: Any, path: str, data: bytes) -> None:
    fs.makedirs(posixpath.dirname(path), exist_ok=True)
    tmp = f"{path}.tmp"
    with fs.open(tmp, "wb") as f:
        f.write(data)
    fs.mv(tmp, path)


def read_marker(fs: Any, root: str, name: str) -> ShardResult:
    with fs.open(_path(root, MARKERS, name, ".json"), "rb") as f:
        data = json.loads(f.read().decode("utf-8"))
    data["errors"] = tuple(data.get("errors", ()))
    return ShardResult(**data)


def article_table(articles: Sequence[Article]) -> pa.Table:
    rows = [{f.name: getattr(a, f.name) for f in dataclasses.fields(Article)} for a in articles]
    return pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA)


def articles_from_table(table: pa.Table) -> Iterator[Article]:
    for row in table.to_pylist():
        yield Article(**row)


# --- the batch ------------------------------------------------------------------------------
def run_batch(
    inputs: Sequence[str],
    out_dir: str,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    retries: int = 2,
    published: str | dt.date | None = None,
    keep_all: bool = False,
    loader: Loader = load,
    processes: bool = True,
) -> BatchReport:
    """Analyse every shard in ``inputs`` on Dask; shards finished by an earlier run are skipped.

    ``scheduler`` is the address of a running Dask scheduler; without it a ``LocalCluster`` of
    ``workers`` single-threaded worker processes (threads with ``processes=False``) is started
    and closed again. ``loader`` builds the pipeline in each worker (importable there).
    """
    when = as_date(published)
    kwargs = {"published": when.isoformat() if when else None, "keep_all": keep_all, "loader": loader}
    with _client(scheduler, workers=workers, processes=processes) as client:
        futures = {
            client.submit(run_shard, url, out_dir, key=f"dateline-shard-{shard_name(url)}", retries=retries,
                          pure=False, **kwargs): url
            for url in dict.fromkeys(inputs)
        }
        return _gather(futures)


def _gather(futures: dict[Any, str]) -> BatchReport:
    from distributed import as_completed

    done, failed = [], []
    for future in as_completed(list(futures)):
        try:
            done.append(future.result())
        except Exception as exc:  # noqa: BLE001 - any error a remote task raised: reported, not lost
            failed.append((futures[future], f"{type(exc).__name__}: {exc}"))
    order = {url: i for i, url in enumerate(futures.values())}
    done.sort(key=lambda r: order[r.input])
    failed.sort(key=lambda f: order[f[0]])
    return BatchReport(tuple(done), tuple(failed))


class _client:
    """A Dask client on ``scheduler``, or on a LocalCluster started (and closed) here."""

    def __init__(self, scheduler: str | None, *, workers: int, processes: bool):
        self.scheduler, self.workers, self.processes = scheduler, workers, processes
        self.cluster: Any = None

    def __enter__(self) -> Any:
        from distributed import Client, LocalCluster

        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="30s")
            else:
                self.cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=self.processes,
                    dashboard_address=None, silence_logs=logging.CRITICAL,  # failures are reported by us
                )
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise DatelineError(f"cannot reach the Dask scheduler {self.scheduler or '(local)'}: {exc}") from exc
        return self.client

    def __exit__(self, *exc: Any) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# --- loading the shards into a store ----------------------------------------------------------
def load_shards(out_dir: str, db: str | None) -> tuple[int, int]:
    """Store the articles and events of every finished shard; returns (articles added, events)."""
    from .store import Store

    fs, root = _fs(out_dir)
    added = events = 0
    with Store(db) as store:
        for name in finished_shards(fs, root):
            a, e = _load_shard(store, fs, root, name)
            added, events = added + a, events + e
    return added, events


def finished_shards(fs: Any, root: str) -> list[str]:
    if not fs.exists(f"{root}/{MARKERS}"):
        return []
    return sorted(posixpath.basename(p)[: -len(".json")] for p in fs.ls(f"{root}/{MARKERS}", detail=False)
                  if p.endswith(".json"))


def _load_shard(store: Any, fs: Any, root: str, name: str) -> tuple[int, int]:
    by_article: dict[str, list[Event]] = {}
    for event in events_from_table(_read_table(fs, _path(root, EVENTS, name, ".parquet"))):
        by_article.setdefault(event.article_id, []).append(event)
    added = events = 0
    for article in articles_from_table(_read_table(fs, _path(root, ARTICLES, name, ".parquet"))):
        if store.add(article, by_article.get(article.id, [])):
            added, events = added + 1, events + len(by_article.get(article.id, []))
    return added, events


def _read_table(fs: Any, path: str) -> pa.Table:
    try:
        with fs.open(path, "rb") as f:
            return pq.read_table(f)
    except (OSError, pa.ArrowException) as exc:
        raise StoreError(f"cannot read the shard file {path}: {exc}") from exc


def read_events(out_dir: str) -> Iterator[Event]:
    """Every event of the finished shards, shard by shard."""
    fs, root = _fs(out_dir)
    for name in finished_shards(fs, root):
        yield from events_from_table(_read_table(fs, _path(root, EVENTS, name, ".parquet")))


# --- command line -----------------------------------------------------------------------------
@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, metavar="DIR", help="Output directory (local path or fsspec URL).")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="A running Dask scheduler (default: a local cluster).")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Local cluster worker processes.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True, help="Retries of a failed shard.")
@click.option("--published", default=None, metavar="YYYY-MM-DD", help="Publication date where an article has none.")
@click.option("--keep-all", is_flag=True, help="Keep events that are not asserted (negated, future, ...).")
@click.option("--load-db", default=None, metavar="URL", help="Then load every finished shard into this store.")
def command(inputs, out_dir, scheduler, workers, retries, published, keep_all, load_db) -> None:
    """Analyse JSONL or Parquet shards on a Dask cluster and write Parquet event shards to DIR.

    Shards finished by an earlier run are skipped; a failed shard is retried, then reported.
    """
    report = run_batch(list(inputs), out_dir, scheduler=scheduler, workers=workers, retries=retries,
                       published=published, keep_all=keep_all)
    for result in report.done:
        for error in result.errors:
            click.echo(f"dateline: warning: {error}", err=True)
    for url, why in report.failed:
        click.echo(f"dateline: error: shard {url} failed: {why}", err=True)
    click.echo(f"dateline: {len(report.done)} shards done ({report.skipped} finished earlier), "
               f"{len(report.failed)} failed; {report.articles} articles, {report.events} events in {out_dir}",
               err=True)
    if load_db is not None:
        added, events = load_shards(out_dir, load_db)
        click.echo(f"dateline: loaded {added} new articles, {events} events into the store", err=True)
    if report.failed:
        raise click.exceptions.Exit(1)
