"""``dateline eval acled CSV``: score the pipeline against ACLED-format rows.

Each row's ``notes`` is analysed with its ``event_date`` as the publication date; the first
asserted event is compared with the row: event type, sub-event type (macro-F1 over the gold
classes, with a confusion table), interaction, actors, fatalities (exact and mean absolute
error), location (within 25 and 161 km) and date. Works on any ACLED export with these columns.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import click

from ..errors import EvaluationError
from ..model import Article, Event

NONE = "(none)"


@dataclass(frozen=True, slots=True)
class Pair:
    """One gold row and the first predicted event (None when nothing was found)."""

    gold: dict[str, str]
    pred: Event | None


@dataclass
class Scores:
    n: int = 0
    counts: Counter = field(default_factory=Counter)
    fatality_errors: list[int] = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)

    def rate(self, key: str, denominator: str | None = None) -> float:
        d = self.counts[denominator] if denominator else self.n
        return self.counts[key] / d if d else 0.0


def read_rows(path: Path, *, limit: int | None = None, sample: int | None = None, seed: int = 0) -> list[dict[str, str]]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = [r for r in csv.DictReader(fh) if (r.get("notes") or "").strip()]
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read ACLED CSV: {exc}") from exc
    if rows and "event_type" not in rows[0]:
        raise EvaluationError(f"{path}: not an ACLED CSV (no event_type column)")
    if sample:
        rows = random.Random(seed).sample(rows, min(sample, len(rows)))
    return rows[:limit] if limit else rows


def article_of(row: dict[str, str]) -> Article:
    text = row["notes"].strip()
    published = dt.date.fromisoformat(row["event_date"][:10]) if row.get("event_date") else None
    key = f"{row.get('event_id_cnty', '')}:{text}"
    return Article(id=Article.make_id(key), text=text, published=published, source=row.get("source") or None)


def predict(pipe: Any, rows: Sequence[dict[str, str]], *, batch_size: int = 32) -> Iterator[Pair]:
    outcomes = pipe.pipe((article_of(r) for r in rows), batch_size=batch_size)
    for row, outcome in zip(rows, outcomes):
        events = [e for e in (outcome.doc.events if outcome.doc else ()) or () if e.factuality == "asserted"]
        yield Pair(row, events[0] if events else None)


def score(pairs: Iterable[Pair]) -> Scores:
    s = Scores()
    for pair in pairs:
        s.n += 1
        _score_one(s, pair.gold, pair.pred)
    return s


def _score_one(s: Scores, g: dict[str, str], p: Event | None) -> None:
    sub = p.sub_event_type if p else NONE
    s.confusion[(g["sub_event_type"], sub)] += 1
    s.counts["found"] += p is not None
    s.counts["type"] += p is not None and p.event_type == g["event_type"]
    s.counts["sub"] += sub == g["sub_event_type"]
    s.counts["interaction"] += p is not None and p.interaction == _int(g.get("interaction"))
    s.counts["actor1"] += p is not None and _same_actor(p.actor1, g.get("actor1"))
    s.counts["actor2"] += p is not None and _same_actor(p.actor2, g.get("actor2"))
    s.counts["inter1"] += p is not None and p.inter1 == _int(g.get("inter1"))
    _score_fatalities(s, g, p)
    _score_place(s, g, p)
    s.counts["date"] += p is not None and p.event_date == g.get("event_date", "")[:10]


def _score_fatalities(s: Scores, g: dict[str, str], p: Event | None) -> None:
    gold = _int(g.get("fatalities")) or 0
    pred = (p.fatalities or 0) if p else 0
    s.counts["fatalities"] += pred == gold
    s.fatality_errors.append(abs(pred - gold))


def _score_place(s: Scores, g: dict[str, str], p: Event | None) -> None:
    if p is None or p.latitude is None or p.longitude is None or not g.get("latitude"):
        return
    km = haversine(p.latitude, p.longitude, float(g["latitude"]), float(g["longitude"]))
    s.counts["within25"] += km <= 25
    s.counts["within161"] += km <= 161
    s.counts["country"] += (p.country or "") == g.get("country")


def _int(text: str | None) -> int | None:
    try:
        return int(float(text)) if text not in (None, "") else None
    except ValueError:
        return None


def _same_actor(pred: str | None, gold: str | None) -> bool:
    """Exact ACLED name, or the same name before ACLED's sub-unit suffix ("... (2014-) CRPF")."""
    gold = (gold or "").strip() or None
    if pred is None or gold is None:
        return pred is None and gold is None
    return gold == pred or gold.startswith(pred + " ")


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def macro_f1(confusion: Counter, labels: Iterable[str] | None = None) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the gold labels (or ``labels``); predictions of "(none)" count as misses."""
    gold_labels = sorted(labels or {g for g, _ in confusion})
    per: dict[str, float] = {}
    for label in gold_labels:
        tp = confusion[(label, label)]
        fp = sum(v for (g, p), v in confusion.items() if p == label and g != label)
        fn = sum(v for (g, p), v in confusion.items() if g == label and p != label)
        per[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return (sum(per.values()) / len(per) if per else 0.0), per


def summary(s: Scores) -> dict[str, Any]:
    f1, per = macro_f1(s.confusion)
    errs = s.fatality_errors
    return {
        "rows": s.n,
        "event_found": s.rate("found"),
        "event_type_accuracy": s.rate("type"),
        "sub_event_accuracy": s.rate("sub"),
        "sub_event_macro_f1": f1,
        "interaction_accuracy": s.rate("interaction"),
        "inter1_accuracy": s.rate("inter1"),
        "actor1_accuracy": s.rate("actor1"),
        "actor2_accuracy": s.rate("actor2"),
        "fatalities_exact": s.rate("fatalities"),
        "fatalities_mean_abs_error": sum(errs) / len(errs) if errs else 0.0,
        "location_within_25km": s.rate("within25"),
        "location_within_161km": s.rate("within161"),
        "date_exact": s.rate("date"),
        "per_class_f1": per,
    }


def confusion_table(confusion: Counter, *, top: int = 3) -> list[str]:
    """One line per gold sub-event type: its count, recall and most frequent predictions."""
    lines = ["| gold sub-event type | n | correct | most frequent predictions |", "|---|---|---|---|"]
    for gold in sorted({g for g, _ in confusion}):
        row = Counter({p: v for (g, p), v in confusion.items() if g == gold})
        n = sum(row.values())
        preds = ", ".join(f"{p} {v}" for p, v in row.most_common(top + 1) if p != gold)[:200]
        lines.append(f"| {gold} | {n} | {row[gold]} | {preds} |")
    return lines


def row_record(pair: Pair) -> dict[str, Any]:
    """What an error reader needs from one row: the text, the gold and the predicted coding."""
    g, p = pair.gold, pair.pred
    return {
        "notes": g.get("notes", ""), "gold_type": g.get("event_type"), "gold_sub": g.get("sub_event_type"),
        "pred_sub": p.sub_event_type if p else NONE, "gold_actor1": g.get("actor1"), "gold_actor2": g.get("actor2"),
        "pred_actor1": p.actor1 if p else None, "pred_actor2": p.actor2 if p else None,
        **_place_record(g, p),
    }


def _place_record(g: dict[str, str], p: Event | None) -> dict[str, Any]:
    """Gold and predicted place, and the distance between them, for reading location errors."""
    km = None
    if p is not None and p.latitude is not None and p.longitude is not None and g.get("latitude"):
        km = round(haversine(p.latitude, p.longitude, float(g["latitude"]), float(g["longitude"])), 1)
    gold = ", ".join(x for x in (g.get("location"), g.get("admin1"), g.get("country")) if x)
    return {"gold_place": gold, "pred_place": p.location if p else None,
            "pred_country": p.country if p else None, "pred_geo_precision": p.geo_precision if p else None,
            "km": km}


def write_rows(path: Path, pairs: Iterable[Pair]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for pair in pairs:
            fh.write(json.dumps(row_record(pair)) + "\n")


def format_summary(result: dict[str, Any]) -> list[str]:
    out = []
    for key, value in result.items():
        if key != "per_class_f1":
            out.append(f"{key:28s} {value:.3f}" if isinstance(value, float) else f"{key:28s} {value}")
    return out


@click.command(name="acled")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N rows.")
@click.option("--sample", type=int, default=None, help="Score a random sample of N rows (see --seed).")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--batch-size", type=int, default=32, show_default=True)
@click.option("--json-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the figures and the confusion counts as JSON.")
@click.option("--rows-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write one JSON line per row (notes, gold and predicted types) for error reading.")
def command(path: Path, limit: int | None, sample: int | None, seed: int, batch_size: int,
            json_out: Path | None, rows_out: Path | None) -> None:
    """Score event coding against an ACLED-format CSV (reads `notes`, `event_date` as publication date)."""
    import dateline

    rows = read_rows(path, limit=limit, sample=sample, seed=seed)
    pairs = list(predict(dateline.load(), rows, batch_size=batch_size))
    if rows_out:
        write_rows(rows_out, pairs)
    scores = score(pairs)
    result = summary(scores)
    for line in format_summary(result) + [""] + confusion_table(scores.confusion):
        click.echo(line)
    if json_out:
        confusion = [[g, p, v] for (g, p), v in sorted(scores.confusion.items())]
        json_out.write_text(json.dumps({**result, "confusion": confusion}, indent=1), encoding="utf-8")
