"""``dateline eval hrdsattack FILE.json``: score events on the HRDsAttack articles.

HRDsAttack (Dataminr) annotates news articles about attacks on human-rights defenders with the
attack's date (year, month, day), place and violation types. For each article the pipeline runs
on the article text with its publication date; we report, over the articles whose gold date
gives the day, how often an asserted event (first, or any) falls on that exact day; the share of
articles whose events name the gold country; and killing detection (gold "killing" violation
against an event with fatalities).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import click

from ..errors import EvaluationError
from ..model import Article, Event

TAG = re.compile(r"<[^>]+>")
BLOCK = re.compile(r"</p>|<br\s*/?>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Gold:
    day: str | None  # ISO date when the day is given
    month: str | None  # YYYY-MM when at least the month is given
    country: str | None
    killing: bool


def read_items(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{path}: cannot read HRDsAttack JSON: {exc}") from exc
    if not isinstance(items, list) or (items and "merged_sample" not in items[0]):
        raise EvaluationError(f"{path}: not an HRDsAttack file (a list of items with merged_sample)")
    return items[:limit] if limit else items


def article_text(markup: str) -> str:
    """The article's HTML as plain text, one paragraph a line."""
    text = TAG.sub("", BLOCK.sub("\n", markup or ""))
    return "\n".join(line.strip() for line in html.unescape(text).splitlines() if line.strip())


def article_of(item: dict[str, Any]) -> Article:
    sample = item["sample"]
    text = article_text(sample.get("Input.article_interface", ""))
    published = _date(sample.get("Input.publish_date"))
    key = f"{sample.get('Input.GLOBALEVENTID', '')}:{text}"
    return Article(id=Article.make_id(key), text=text, published=published, title=sample.get("Input.title"))


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def gold_of(item: dict[str, Any]) -> Gold:
    m = item["merged_sample"]
    year, month, day = _part(m.get("year")), _month(m.get("month")), _part(m.get("date"))
    iso_day = _iso(year, month, day)
    iso_month = f"{year:04d}-{month:02d}" if year and month else None
    country = m.get("country") if m.get("country") not in (None, "None") else None
    return Gold(iso_day, iso_month, country, "killing" in (m.get("violation_types") or ()))


def _part(value: Any) -> int | None:
    try:
        return int(float(value)) if value not in (None, "None", "") else None
    except ValueError:
        return None


MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month(value: Any) -> int | None:
    """A month as a number or a (sometimes misspelt) name: "02", "December", "Novermber"."""
    number = _part(value)
    if number is not None:
        return number
    prefix = str(value or "").strip().lower()[:3]
    return MONTHS.index(prefix) + 1 if prefix in MONTHS else None


def _iso(year: int | None, month: int | None, day: int | None) -> str | None:
    try:
        return dt.date(year, month, day).isoformat() if year and month and day else None
    except ValueError:
        return None


def predict(pipe: Any, items: Sequence[dict[str, Any]], *, batch_size: int = 8) -> Iterator[tuple[Gold, list[Event]]]:
    outcomes = pipe.pipe((article_of(i) for i in items), batch_size=batch_size)
    for item, outcome in zip(items, outcomes):
        events = [e for e in (outcome.doc.events if outcome.doc else ()) or () if e.factuality == "asserted"]
        yield gold_of(item), events


def score(pairs: Iterable[tuple[Gold, list[Event]]]) -> dict[str, Any]:
    c: Counter = Counter()
    for gold, events in pairs:
        c["articles"] += 1
        c["with_event"] += bool(events)
        c["events"] += len(events)
        _score_dates(c, gold, events)
        _score_country(c, gold, events)
        _score_killing(c, gold, events)
    return _summary(c)


def _score_dates(c: Counter, gold: Gold, events: list[Event]) -> None:
    if gold.day is None:
        return
    c["with_day"] += 1
    c["first_day"] += bool(events) and events[0].event_date == gold.day
    c["any_day"] += any(e.event_date == gold.day for e in events)
    c["any_month"] += any((e.event_date or "")[:7] == gold.day[:7] for e in events)
    attacks = [e for e in events if e.event_type not in ("Protests", "Riots")]
    c["attack_day"] += any(e.event_date == gold.day for e in attacks)


def _score_country(c: Counter, gold: Gold, events: list[Event]) -> None:
    if gold.country is None:
        return
    c["with_country"] += 1
    names = {e.country for e in events if e.country}
    c["first_country"] += bool(events) and events[0].country is not None and events[0].country in gold.country
    c["any_country"] += any(n in gold.country for n in names)


def _score_killing(c: Counter, gold: Gold, events: list[Event]) -> None:
    predicted = any((e.fatalities or 0) > 0 for e in events)
    c["kill_tp"] += gold.killing and predicted
    c["kill_fp"] += (not gold.killing) and predicted
    c["kill_fn"] += gold.killing and not predicted


def _summary(c: Counter) -> dict[str, Any]:
    def rate(a: str, b: str) -> float:
        return c[a] / c[b] if c[b] else 0.0

    tp, fp, fn = c["kill_tp"], c["kill_fp"], c["kill_fn"]
    return {
        "articles": c["articles"],
        "articles_with_an_event": rate("with_event", "articles"),
        "events_per_article": rate("events", "articles"),
        "articles_giving_the_day": c["with_day"],
        "exact_day_attack_event": rate("attack_day", "with_day"),
        "exact_day_first_event": rate("first_day", "with_day"),
        "exact_day_any_event": rate("any_day", "with_day"),
        "same_month_any_event": rate("any_month", "with_day"),
        "country_first_event": rate("first_country", "with_country"),
        "country_any_event": rate("any_country", "with_country"),
        "killing_precision": tp / (tp + fp) if tp + fp else 0.0,
        "killing_recall": tp / (tp + fn) if tp + fn else 0.0,
    }


@click.command(name="hrdsattack")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--batch-size", type=int, default=8, show_default=True)
def command(path: Path, limit: int | None, batch_size: int) -> None:
    """Score event dates, countries and killings on HRDsAttack articles (train.json / dev.json)."""
    import dateline

    result = score(predict(dateline.load(), read_items(path, limit=limit), batch_size=batch_size))
    for key, value in result.items():
        click.echo(f"{key:28s} {value:.3f}" if isinstance(value, float) else f"{key:28s} {value}")
