"""``dateline eval event-location FILE``: does the event's place get picked among a sentence's places?

Reads JSONL sentences with ``tokens`` and ``spans`` labelled ``VERB`` (the event's trigger) or
``LOCATION`` (where it happened). Span offsets are rebuilt from the token indices, which the
format keeps reliably (some spans give token indices in their character fields). A sentence with
a location counts as right when the place dateline picks overlaps one of its locations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import click

from ..errors import EvaluationError
from ..model import Article, Doc, Sentence, Span


@dataclass(frozen=True, slots=True)
class LocationExample:
    text: str
    trigger: Span
    locations: tuple[Span, ...]


def read_examples(path: str) -> list[LocationExample]:
    out = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    example = _example(json.loads(line))
                    if example is not None:
                        out.append(example)
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read {path}: {exc}") from exc
    return out


def _example(row: dict) -> LocationExample | None:
    tokens = row.get("tokens") or []
    spans = row.get("spans") or []
    verbs = [_char_span(tokens, s) for s in spans if s.get("label") == "VERB"]
    if not verbs or verbs[0] is None:
        return None
    locs = tuple(sp for sp in (_char_span(tokens, s) for s in spans if s.get("label") == "LOCATION") if sp)
    return LocationExample(row["text"], verbs[0], locs)


def _char_span(tokens: list, span: dict) -> Span | None:
    try:
        return Span(tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"])
    except (KeyError, IndexError, TypeError):
        return None


@dataclass
class LocationScores:
    with_location: int = 0
    picked_right: int = 0
    picked_wrong: int = 0
    picked_none: int = 0
    without_location: int = 0
    false_alarms: int = 0

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "sentences_with_location": self.with_location,
            "accuracy": round(self.picked_right / self.with_location, 4) if self.with_location else None,
            "wrong_place": self.picked_wrong,
            "no_place": self.picked_none,
            "sentences_without_location": self.without_location,
            "place_given_when_none_annotated": self.false_alarms,
        }


def evaluate(examples: list[LocationExample], *, gazetteer=None, batch_size: int = 64) -> LocationScores:
    from ..geo.eventplace import event_place
    from ..geo.stage import PlaceStage
    from ..parse import ParseStage, load_nlp

    parse, places = ParseStage(load_nlp()), PlaceStage.default(gazetteer=gazetteer)
    scores = LocationScores()
    for i in range(0, len(examples), batch_size):
        chunk = examples[i : i + batch_size]
        docs = [Doc(Article(id=str(i + k), text=ex.text)) for k, ex in enumerate(chunk)]
        parse.prepare(docs)
        for ex, doc in zip(chunk, docs):
            parse(doc), places(doc)
            doc.spacy = None
            picked = event_place(doc, ex.trigger, Sentence(0, len(ex.text))).evidence
            _count(scores, ex, picked)
    return scores


def _count(scores: LocationScores, ex: LocationExample, picked: Span | None) -> None:
    if not ex.locations:
        scores.without_location += 1
        scores.false_alarms += int(picked is not None)
        return
    scores.with_location += 1
    if picked is None:
        scores.picked_none += 1
    elif any(picked.overlaps(loc) for loc in ex.locations):
        scores.picked_right += 1
    else:
        scores.picked_wrong += 1


@click.command(name="event-location")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=None, help="Only the first N sentences.")
@click.option("--gazetteer", type=click.Path(dir_okay=False), default=None, help="Gazetteer file (default store if omitted).")
def command(path: str, limit: int | None, gazetteer: str | None) -> None:
    """Event geolocation accuracy on event_location-style JSONL sentences."""
    examples = read_examples(path)[:limit]
    click.echo(f"{path}: {len(examples)} sentences")
    click.echo("event location: " + json.dumps(evaluate(examples, gazetteer=gazetteer).as_dict()))
