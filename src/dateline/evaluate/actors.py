"""``dateline eval actors CSV``: score actor naming against ACLED-format rows.

Each row's ``notes`` is the article, published on ``event_date``; only the parse, place and actor
stages run (no event coding), so the figures isolate naming. A gold actor column counts as found
when every name in it (ACLED separates several with ";") is the name of one of the mentions.
Recall of each column is over the rows that fill it; ``precision`` is the share of the distinct
names predicted for a row (associated-actor labels of kind "group" aside) that are among that
row's four actor columns. With ``--gold-country`` the row's country is given as the dateline and
the places found are dropped, which separates naming from geocoding.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import click

from ..model import Article, Doc, as_date
from ..pipeline import Stage
from .acled import read_rows

COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
MAIN = ("actor1", "actor2")  # the columns whose missed names are listed


@dataclass(frozen=True, slots=True)
class RowActors:
    """One row: the gold names per column and the names the stages found."""

    gold: Mapping[str, tuple[str, ...]]  # column -> names (empty when the row leaves it blank)
    names: frozenset[str]  # every mention's name
    main: frozenset[str]  # the names that count for precision (not "group" labels)


@dataclass(frozen=True, slots=True)
class ActorFigures:
    rows: int
    present: Mapping[str, int]  # column -> rows that fill it
    found: Mapping[str, int]  # column -> rows whose names were all found
    predicted: int
    correct: int
    misses: tuple[tuple[str, int], ...]  # gold actor1/actor2 names not found, most often first

    def recall(self, column: str) -> float:
        return self.found.get(column, 0) / self.present[column] if self.present.get(column) else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0


def gold_names(row: Mapping[str, str], column: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in (row.get(column) or "").split(";") if n.strip())


def row_actors(row: Mapping[str, str], doc: Doc) -> RowActors:
    mentions = doc.actors or ()
    return RowActors(gold={c: gold_names(row, c) for c in COLUMNS},
                     names=frozenset(m.name for m in mentions),
                     main=frozenset(m.name for m in mentions if m.kind != "group"))


def article_of(row: Mapping[str, str], *, gold_country: bool = False) -> Article:
    return Article(id=row.get("event_id_cnty") or "row", text=row.get("notes") or "",
                   published=as_date(row.get("event_date")),
                   dateline=row.get("country") if gold_country else None)


def analyse(rows: Iterable[Mapping[str, str]], stages: Sequence[Stage], *,
            gold_country: bool = False) -> Iterator[RowActors]:
    """Run ``stages`` on each row's notes and yield what they named."""
    for row in rows:
        doc = Doc(article_of(row, gold_country=gold_country))
        for stage in stages:
            stage(doc)
            if gold_country and stage.name == "places":
                doc.places = ()
        yield row_actors(row, doc)


def score(outcomes: Iterable[RowActors]) -> ActorFigures:
    present: Counter = Counter()
    found: Counter = Counter()
    misses: Counter = Counter()
    rows = predicted = correct = 0
    for out in outcomes:
        rows += 1
        for column, wanted in out.gold.items():
            if not wanted:
                continue
            present[column] += 1
            found[column] += all(n in out.names for n in wanted)
            if column in MAIN:
                misses.update(n for n in wanted if n not in out.names)
        predicted += len(out.main)
        correct += len(out.main & {n for names in out.gold.values() for n in names})
    return ActorFigures(rows, dict(present), dict(found), predicted, correct, tuple(misses.most_common()))


def summary(figures: ActorFigures) -> dict[str, float | int]:
    out: dict[str, float | int] = {"rows": figures.rows, "precision": figures.precision}
    for column in COLUMNS:
        out[f"{column}_recall"] = figures.recall(column)
    return out


def default_stages(*, as_of: dt.date | None = None) -> list[Stage]:
    """Parse, places and actors: the stages naming depends on (loads spaCy and the gazetteer)."""
    from ..actors.stage import ActorStage
    from ..geo.stage import PlaceStage
    from ..parse import ParseStage, load_nlp

    return [ParseStage(load_nlp()), PlaceStage.default(), ActorStage.default(as_of=as_of)]


@click.command(name="actors")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N rows.")
@click.option("--sample", type=int, default=None, help="Score a random sample of N rows (see --seed).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--misses", type=int, default=0, help="Also list the K gold actor1/actor2 names most often missed.")
@click.option("--gold-country", is_flag=True, help="Give the row's country as the dateline and drop the places found.")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Name regime periods as of this date (YYYY-MM-DD).")
def command(path: Path, limit: int | None, sample: int | None, seed: int, misses: int,
            gold_country: bool, as_of: dt.datetime | None) -> None:
    """Score actor names against an ACLED-format CSV (reads `notes`, `event_date`, the actor columns)."""
    rows = read_rows(path, limit=limit, sample=sample, seed=seed)
    stages = default_stages(as_of=as_of.date() if as_of else None)
    figures = score(analyse(rows, stages, gold_country=gold_country))
    for key, value in summary(figures).items():
        click.echo(f"{key:22s} {value:.3f}" if isinstance(value, float) else f"{key:22s} {value}")
    for name, n in figures.misses[:misses]:
        click.echo(f"missed {n:5d}  {name}")
