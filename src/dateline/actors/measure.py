"""Measure actor naming against ACLED-format rows: run the stages on ``notes`` and compare names.

Run: ``python -m dateline.actors.measure ACLED.csv [--limit N] [--misses K]``. For each row the
article is the note, published on ``event_date``; a gold actor counts as found when one of the
mentions has exactly its name. ``actor1``/``actor2`` recall are over rows that have the actor;
``precision`` is the share of distinct predicted names (associated-actor labels aside) that are
among the row's four actor columns.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from ..errors import EvaluationError
from ..model import Article, Doc, as_date
from ..pipeline import Stage

COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


@dataclass
class ActorScores:
    rows: int = 0
    found: Counter = field(default_factory=Counter)  # column -> rows whose actor was found
    present: Counter = field(default_factory=Counter)  # column -> rows that have the actor
    predicted: int = 0
    correct: int = 0
    misses: Counter = field(default_factory=Counter)  # gold actor1/actor2 name -> times missed

    def recall(self, column: str) -> float:
        return self.found[column] / self.present[column] if self.present[column] else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    def summary(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {"rows": self.rows, "precision": round(self.precision, 3)}
        for column in COLUMNS:
            out[f"{column}_recall"] = round(self.recall(column), 3)
        return out


def read_rows(path: str, *, limit: int | None = None) -> Iterator[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if limit is not None and i >= limit:
                    return
                yield row
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise EvaluationError(f"cannot read ACLED rows from {path!r}: {exc}") from exc


def gold_names(row: dict[str, str], column: str) -> list[str]:
    return [n.strip() for n in (row.get(column) or "").split(";") if n.strip()]


def score_row(scores: ActorScores, row: dict[str, str], doc: Doc) -> None:
    names = {m.name for m in doc.actors or ()}
    gold: set[str] = set()
    scores.rows += 1
    for column in COLUMNS:
        wanted = gold_names(row, column)
        gold.update(wanted)
        if wanted:
            scores.present[column] += 1
            hit = all(n in names for n in wanted)
            scores.found[column] += hit
            if not hit and column in ("actor1", "actor2"):
                scores.misses.update(n for n in wanted if n not in names)
    main = {m.name for m in doc.actors or () if m.kind != "group"}
    scores.predicted += len(main)
    scores.correct += len(main & gold)


def measure(rows: Iterable[dict[str, str]], stages: Sequence[Stage], *, gold_country: bool = False) -> ActorScores:
    """Score the actor names the stages find in each row's ``notes``.

    With ``gold_country`` the row's country is given as the article's dateline and the places found
    are dropped, which isolates actor naming from geocoding.
    """
    scores = ActorScores()
    for row in rows:
        article = Article(id=row.get("event_id_cnty") or "row", text=row.get("notes") or "",
                          published=as_date(row.get("event_date")),
                          dateline=row.get("country") if gold_country else None)
        doc = Doc(article)
        for stage in stages:
            stage(doc)
            if gold_country and stage.name == "places":
                doc.places = ()
        score_row(scores, row, doc)
    return scores


def default_measure_stages(*, as_of=None) -> list[Stage]:
    from ..geo.stage import PlaceStage
    from ..parse import ParseStage, load_nlp
    from .stage import ActorStage

    return [ParseStage(load_nlp()), PlaceStage.default(), ActorStage.default(as_of=as_of)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dateline.actors.measure", description=__doc__)
    parser.add_argument("path")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--misses", type=int, default=0, help="show the K most often missed gold names")
    parser.add_argument("--gold-country", action="store_true", help="give the row's country as the dateline")
    parser.add_argument("--as-of", type=as_date, default=None, help="name regime periods as of this date")
    args = parser.parse_args(argv)
    rows = read_rows(args.path, limit=args.limit)
    scores = measure(rows, default_measure_stages(as_of=args.as_of), gold_country=args.gold_country)
    for key, value in scores.summary().items():
        print(f"{key}\t{value}")
    for name, n in scores.misses.most_common(args.misses):
        print(f"missed\t{n}\t{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
