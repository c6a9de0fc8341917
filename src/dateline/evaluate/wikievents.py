"""``dateline eval wikievents FILE.jsonl``: event triggers and arguments against WikiEvents.

WikiEvents (Li et al. 2021) annotates news articles with KAIROS event mentions and their
arguments. The conflict-related KAIROS types are mapped to what dateline codes (attacks,
explosions, demonstrations, arrests, deaths and injuries); a gold mention is found when one of
our event triggers (every merged mention, whatever its factuality) overlaps it. For the gold
attacks we found, we check the arguments: our actor1 evidence against the Attacker, actor2
against the Target/Victim, the location against the Place (span overlap).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import click

from ..errors import EvaluationError
from ..model import Article, Event, Span

CONFLICT_PREFIXES = ("Conflict.Attack", "Conflict.Demonstrate", "Justice.ArrestJailDetain", "Life.Die", "Life.Injure")
ARGUMENTS = {"actor1": ("Attacker", "Killer", "Demonstrator", "Jailer", "Injurer", "Detonator"),
             "actor2": ("Target", "Victim", "Detainee"),
             "location": ("Place",)}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    trigger: Span
    arguments: tuple[tuple[str, Span], ...]  # (role, span)


def read_docs(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as fh:
            docs = [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"{path}: cannot read WikiEvents JSONL: {exc}") from exc
    if docs and "event_mentions" not in docs[0]:
        raise EvaluationError(f"{path}: not a WikiEvents file (no event_mentions)")
    return docs[:limit] if limit else docs


def token_offsets(doc: dict[str, Any]) -> list[tuple[int, int]]:
    """Character offsets of the document's tokens, from its sentences."""
    return [(tok[1], tok[2]) for sentence in doc["sentences"] for tok in sentence[0]]


def gold_events(doc: dict[str, Any]) -> list[GoldEvent]:
    offsets = token_offsets(doc)
    entities = {e["id"]: _span(offsets, e["start"], e["end"]) for e in doc.get("entity_mentions", ())}
    out = []
    for m in doc["event_mentions"]:
        trig = _span(offsets, m["trigger"]["start"], m["trigger"]["end"])
        args = tuple((a["role"], entities[a["entity_id"]]) for a in m.get("arguments", ()) if a["entity_id"] in entities)
        out.append(GoldEvent(m["event_type"], trig, args))
    return out


def _span(offsets: list[tuple[int, int]], start: int, end: int) -> Span:
    return Span(offsets[start][0], offsets[end - 1][1])


def article_of(doc: dict[str, Any]) -> Article:
    return Article(id=Article.make_id(f"{doc['doc_id']}:{doc['text']}"), text=doc["text"])


def predict(pipe: Any, docs: Sequence[dict[str, Any]]) -> Iterator[tuple[list[GoldEvent], list[Event]]]:
    for doc, outcome in zip(docs, pipe.pipe(article_of(d) for d in docs)):
        yield gold_events(doc), list((outcome.doc.events if outcome.doc else ()) or ())


def score(pairs: Iterable[tuple[list[GoldEvent], list[Event]]]) -> dict[str, Any]:
    c: Counter = Counter()
    for gold, events in pairs:
        _score_doc(c, gold, events)
    return _summary(c)


def _score_doc(c: Counter, gold: list[GoldEvent], events: list[Event]) -> None:
    mentions = [(m, e) for e in events for m in e.mentions or (e.trigger,)]
    conflict = [g for g in gold if g.type.startswith(CONFLICT_PREFIXES)]
    c["gold"] += len(conflict)
    c["ours"] += len(mentions)
    c["ours_matching_any_gold"] += sum(any(m.overlaps(g.trigger) for g in gold) for m, _ in mentions)
    for g in conflict:
        hit = next((e for m, e in mentions if m.overlaps(g.trigger)), None)
        c["found"] += hit is not None
        c[f"gold:{g.type.split('.')[1]}"] += 1
        c[f"found:{g.type.split('.')[1]}"] += hit is not None
        if hit is not None:
            _score_arguments(c, g, hit)


def _score_arguments(c: Counter, g: GoldEvent, e: Event) -> None:
    ours = dict(e.evidence)
    for field, roles in ARGUMENTS.items():
        spans = [s for role, s in g.arguments if role in roles]
        if not spans:
            continue
        c[f"arg_gold:{field}"] += 1
        c[f"arg_hit:{field}"] += field in ours and any(ours[field].overlaps(s) for s in spans)


def _summary(c: Counter) -> dict[str, Any]:
    def rate(a: str, b: str) -> float:
        return c[a] / c[b] if c[b] else 0.0

    out: dict[str, Any] = {
        "gold_conflict_mentions": c["gold"],
        "trigger_recall": rate("found", "gold"),
        "our_mentions": c["ours"],
        "trigger_precision_any_gold_event": rate("ours_matching_any_gold", "ours"),
    }
    for kind in ("Attack", "Demonstrate", "ArrestJailDetain", "Die", "Injure"):
        out[f"recall_{kind}"] = rate(f"found:{kind}", f"gold:{kind}")
    for field in ARGUMENTS:
        out[f"argument_{field}"] = rate(f"arg_hit:{field}", f"arg_gold:{field}")
        out[f"argument_{field}_n"] = c[f"arg_gold:{field}"]
    return out


@click.command(name="wikievents")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N documents.")
def command(path: Path, limit: int | None) -> None:
    """Score event triggers and arguments against WikiEvents (KAIROS) annotations."""
    import dateline

    result = score(predict(dateline.load(), read_docs(path, limit=limit)))
    for key, value in result.items():
        click.echo(f"{key:36s} {value:.3f}" if isinstance(value, float) else f"{key:36s} {value}")
