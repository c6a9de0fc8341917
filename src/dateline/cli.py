"""The command line. Only this module (and the API server, if any) talks to people.

Errors are one line on stderr (``dateline: error: <file>:<line>: <reason>``), never a traceback;
in a batch, a bad file or article gets a one-line warning and the rest is still processed.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import json
import os
import shutil
import sys
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import click

from .errors import DatelineError, InputError
from .evaluate.cli import eval_group
from .geo.cli import gazetteer_group
from .model import Article, Event, as_date

# Commands that live in their own module, registered only when that module exists.
LAZY_COMMANDS = {"batch": "dateline.distributed:command"}
DEBUG_ENV = "DATELINE_DEBUG"


class Main(click.Group):
    """Every DatelineError becomes one clear line on stderr and exit status 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        lazy = [n for n, target in LAZY_COMMANDS.items() if _module_exists(target.split(":")[0])]
        return sorted(set(super().list_commands(ctx)) | set(lazy))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None and name in LAZY_COMMANDS:
            command = _lazy_command(LAZY_COMMANDS[name])
        return command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DatelineError as exc:
            click.echo(f"dateline: error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            ctx.exit(130)  # quietly, as a shell expects after Ctrl-C
        except BrokenPipeError:
            _silence_stdout()  # the reader went away (`dateline extract ... | head`)
            ctx.exit(1)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - last resort: one line instead of a traceback
            if os.environ.get(DEBUG_ENV):
                raise
            click.echo(f"dateline: error: internal error: {type(exc).__name__}: {exc} "
                       f"(set {DEBUG_ENV}=1 for the traceback)", err=True)
            ctx.exit(2)


def _module_exists(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def _lazy_command(target: str) -> click.Command | None:
    module, attr = target.split(":")
    if not _module_exists(module):
        return None
    return getattr(importlib.import_module(module), attr, None)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@click.group(cls=Main)
@click.version_option(package_name="dateline")
def main() -> None:
    """dateline: conflict news reports in, ACLED-style events out."""


main.add_command(eval_group)
main.add_command(gazetteer_group)


# --- Shared options ------------------------------------------------------------------------


def _published(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    try:
        return as_date(value)
    except InputError as exc:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


def article_options(func: Callable) -> Callable:
    """PATH... plus the options every article-reading command takes."""
    options = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option("--published", callback=_published, metavar="YYYY-MM-DD",
                     help="Publication date for articles that give none."),
        click.option("--keep-all", is_flag=True,
                     help="Keep negated, hypothetical, future and generic events too."),
        click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Worker processes for the analysis."),
        click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
                     help="Articles parsed per spaCy batch."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def db_option(func: Callable) -> Callable:
    return click.option("--db", metavar="URL", default=None,
                        help="Store URL (sqlite:///FILE or postgresql://...); default $DATELINE_DB "
                             "or sqlite:///dateline.db.")(func)


# --- Running the pipeline over a batch -----------------------------------------------------


@dataclass
class Tally:
    """What happened to a batch, for the summary line and the exit status."""

    read: int = 0  # articles analysed
    failed: int = 0  # inputs or articles that could not be read or analysed
    events: int = 0  # events stored
    seen: int = 0  # articles read from the input (ingest counts them before skipping known ones)
    reached: int = 0  # articles that reached the analysis

    @property
    def skipped(self) -> int:
        return max(0, self.seen - self.reached)


def analysed(items: Iterable[Any], *, workers: int, batch_size: int, tally: Tally) -> Iterator[Any]:
    """Docs for the articles in ``items``; read and analysis errors are warned about and counted."""
    for outcome in _progress(_outcomes(items, workers=workers, batch_size=batch_size)):
        tally.reached += outcome.article is not None
        if outcome.error is not None:
            tally.failed += 1
            _warn(outcome.article, outcome.error)
        else:
            tally.read += 1
            yield outcome.doc


def _outcomes(items: Iterable[Any], *, workers: int, batch_size: int) -> Iterator[Any]:
    items = iter(items)
    first = next(items, None)
    if first is None:
        return  # nothing to analyse: do not load the model at all (a cheap re-run)
    items = chain([first], items)
    if workers > 1 and _module_exists("dateline.parallel"):
        from . import parallel

        yield from parallel.pipe_articles(items, workers=workers, batch_size=batch_size)
        return
    import dateline

    yield from dateline.load().pipe(items, batch_size=batch_size)


def _progress(outcomes: Iterator[Any]) -> Iterator[Any]:
    if not sys.stderr.isatty():
        yield from outcomes
        return
    from tqdm import tqdm

    with tqdm(outcomes, unit=" articles", file=sys.stderr, leave=False, dynamic_ncols=True) as bar:
        yield from bar


def _warn(article: Article | None, error: DatelineError) -> None:
    where = "" if isinstance(error, InputError) or article is None else f"{article.origin or article.id}: "
    _stderr(f"dateline: warning: {where}{error}")


def _stderr(line: str) -> None:
    if sys.stderr.isatty():
        from tqdm import tqdm

        tqdm.write(line, file=sys.stderr)  # keeps a running progress bar intact
    else:
        click.echo(line, err=True)


def _finish(tally: Tally, what: str) -> None:
    """Exit non-zero when nothing could be read at all."""
    if tally.read == 0 and tally.skipped == 0:
        reason = f"none of the {tally.failed} inputs could be read" if tally.failed else "no articles found"
        raise DatelineError(f"{reason}; nothing to {what}")


def kept(events: Iterable[Event] | None, *, keep_all: bool) -> list[Event]:
    return [e for e in events or () if keep_all or e.factuality == "asserted"]


def _echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def _binary(stream: Any) -> Any:
    return getattr(stream, "buffer", stream)


def _read(paths: Iterable[str], published: dt.date | None) -> Iterator[Any]:
    from .io import read_articles

    return read_articles(list(paths), published=published, stdin=_binary(sys.stdin))


# --- Commands ------------------------------------------------------------------------------


@main.command()
@article_options
def extract(paths, published, keep_all, workers, batch_size) -> None:
    """Print one JSON event per line for the articles under PATH... (files, directories, - for stdin)."""
    tally = Tally()
    for doc in analysed(_read(paths, published), workers=workers, batch_size=batch_size, tally=tally):
        for event in kept(doc.events, keep_all=keep_all):
            _echo_json(event.to_dict())
    _finish(tally, "extract")


@main.command()
@article_options
def analyze(paths, published, keep_all, workers, batch_size) -> None:
    """Print one JSON analysis object per article (times, places, actors, events)."""
    tally = Tally()
    for doc in analysed(_read(paths, published), workers=workers, batch_size=batch_size, tally=tally):
        _echo_json(doc.to_dict(keep_all=keep_all))
    _finish(tally, "analyze")


@main.command()
@article_options
@db_option
@click.option("--replace", is_flag=True, help="Analyse stored articles again and replace their events.")
def ingest(paths, published, keep_all, workers, batch_size, db, replace) -> None:
    """Store the articles under PATH... and their events; articles already stored are skipped."""
    from .store import Store

    with Store(db) as store:
        tally = ingest_items(store, _read(paths, published), keep_all=keep_all, workers=workers,
                             batch_size=batch_size, replace=replace)
        _stderr(f"dateline: ingested {tally.read} articles, {tally.events} events "
                f"({tally.skipped} already stored, {tally.failed} failed) into {_safe_url(store.url)}")
    _finish(tally, "ingest")


def ingest_items(
    store: Any, items: Iterable[Any], *, keep_all: bool, workers: int, batch_size: int, replace: bool = False
) -> Tally:
    tally = Tally()
    counted = _count_articles(items, tally)
    fresh = counted if replace else store.skip_known(counted)
    for doc in analysed(fresh, workers=workers, batch_size=batch_size, tally=tally):
        events = kept(doc.events, keep_all=keep_all)
        if store.add(doc.article, events, replace=replace):
            tally.events += len(events)
    return tally


def _count_articles(items: Iterable[Any], tally: Tally) -> Iterator[Any]:
    # Articles read minus articles that reached the analysis = articles already stored.
    for item in items:
        tally.seen += isinstance(item, Article)
        yield item


def _safe_url(url: str) -> str:
    """The URL without a password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@main.command()
@click.option("--format", "fmt", required=True, type=click.Choice(["acled-csv", "geojson", "jsonl", "parquet"]),
              help="Output format.")
@db_option
@click.option("-o", "--output", metavar="FILE", default=None, help="Write to FILE instead of stdout.")
def export(fmt, db, output) -> None:
    """Export the stored events (ACLED CSV, GeoJSON, JSON lines or Parquet)."""
    from .export import export as write, export_file
    from .store import Store

    with Store(db, create=False) as store:
        stamps = store.ingested_times()
        if output:
            n = export_file(fmt, store.iter_events(), output, timestamps=stamps)
            _stderr(f"dateline: wrote {n} events to {output}")
            return
        stdout = _binary(sys.stdout)
        if fmt == "parquet" and stdout.isatty():
            raise InputError("Parquet is binary: give -o FILE or redirect stdout", path="<stdout>")
        write(fmt, store.iter_events(), stdout, timestamps=stamps)


# --- demo ----------------------------------------------------------------------------------

DEMO_FILES = {"acled-csv": "events.csv", "geojson": "events.geojson", "jsonl": "events.jsonl",
              "parquet": "events.parquet"}


@main.command()
@db_option
@click.option("--out-dir", default="exports", show_default=True, metavar="DIR", help="Where the exports go.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for the analysis.")
def demo(db, out_dir, workers) -> None:
    """Ingest the bundled sample articles, print their events and write every export."""
    from .store import Store

    samples = list(_sample_items())
    with Store(db) as store:
        # Replace, not skip: the demo always shows what this version of dateline finds.
        tally = ingest_items(store, samples, keep_all=False, workers=workers, batch_size=16, replace=True)
        ids = [a.id for a in samples if isinstance(a, Article)]
        events = list(store.iter_events(article_ids=ids))
        click.echo(events_table(events, width=shutil.get_terminal_size((120, 24)).columns))
        click.echo(f"\n{len(events)} events from {len(ids)} sample articles, stored in {_safe_url(store.url)}.")
        _demo_exports(store, Path(out_dir))
    _finish(tally, "demo")


def _sample_items() -> Iterator[Any]:
    from importlib import resources

    from .io import read_resources

    root = resources.files("dateline").joinpath("samples")
    if not root.is_dir():
        raise InputError("no bundled sample articles (dateline/samples is missing)", path="dateline/samples")
    return read_resources(root, prefix="samples/")


def _demo_exports(store: Any, out_dir: Path) -> None:
    from .export import export_file

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create the export directory: {exc.strerror or exc}", path=str(out_dir)) from exc
    stamps = store.ingested_times()
    for fmt, name in DEMO_FILES.items():
        n = export_file(fmt, store.iter_events(), str(out_dir / name), timestamps=stamps)
        click.echo(f"wrote {out_dir / name} ({fmt}, {n} events)")


# --- The events table ----------------------------------------------------------------------

# Column names and the widest each may grow to; columns shrink to fit the terminal.
COLUMNS = (("TYPE", 34), ("DATE", 11), ("PLACE", 32), ("ACTORS", 80), ("FATAL", 5), ("SOURCE", 22))


def events_table(events: list[Event], *, width: int = 120) -> str:
    """A readable fixed-width table: type, date, place, actors, fatalities, source."""
    rows = [_table_cells(e) for e in events]
    natural = [max([len(name)] + [len(r[i]) for r in rows]) for i, (name, _) in enumerate(COLUMNS)]
    widths = _fit([min(n, cap) for n, (_, cap) in zip(natural, COLUMNS)], width)
    lines = [_table_line([name for name, _ in COLUMNS], widths)]
    lines.append(_table_line(["-" * w for w in widths], widths))
    lines += [_table_line(r, widths) for r in rows]
    if not events:
        lines.append("(no events)")
    return "\n".join(lines)


def _table_cells(e: Event) -> list[str]:
    place = ", ".join(p for p in (e.location, e.country) if p)
    actors = " vs ".join(a for a in (e.actor1, e.actor2) if a)
    date = e.event_date or ""
    if e.time_precision and e.time_precision > 1:
        date = f"~{date}"  # week or month precision
    return [e.sub_event_type, date, place or "?", actors or "?",
            "" if e.fatalities is None else str(e.fatalities), e.source or ""]


def _fit(widths: list[int], total: int) -> list[int]:
    """Shrink columns until the table fits ``total`` characters; actors keep twice the share."""
    widths = list(widths)
    weight = [2 if name == "ACTORS" else 1 for name, _ in COLUMNS]
    while sum(widths) + 2 * (len(widths) - 1) > total and max(widths) > 8:
        i = max(range(len(widths)), key=lambda k: (widths[k] / weight[k], k))
        widths[i] -= 1
    return widths


def _table_line(cells: list[str], widths: list[int]) -> str:
    out = []
    for cell, w in zip(cells, widths):
        cell = cell if len(cell) <= w else cell[: w - 1] + "\u2026"
        out.append(cell.ljust(w))
    return "  ".join(out).rstrip()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
