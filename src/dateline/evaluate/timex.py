"""``dateline eval timex DIR``: TempEval-3 style scores on TimeML files.

Reads every ``*.tml`` under DIR: the text inside ``<TEXT>``, the gold ``<TIMEX3>`` spans with their
type and value, and the document creation time from ``<DCT>`` (used as the publication date).
Reports strict and relaxed span precision/recall/F1 of detection on the raw text, value accuracy
given the gold spans (overall and per type), and end-to-end value F1 (a system expression counts
when it overlaps a gold one and has the same value), as TempEval-3 does.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..errors import EvaluationError
from ..model import TimeExpr

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<DCT>\s*<TIMEX3([^>]*)>", re.S)
_BODY = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    name: str
    text: str
    dct: dt.date | None
    gold: tuple[Gold, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    """Parse one TimeML file into plain text, its gold TIMEX3 spans and its creation date."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{path}: cannot read: {exc}") from exc
    body = _BODY.search(raw)
    if body is None:
        raise EvaluationError(f"{path}: no <TEXT> element")
    text, gold = _strip(body.group(1))
    return TimeMLDoc(path.name, text, _dct(raw), tuple(gold))


def _dct(raw: str) -> dt.date | None:
    m = _DCT.search(raw)
    value = dict(_ATTR.findall(m.group(1))).get("value", "") if m else ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _strip(marked: str) -> tuple[str, list[Gold]]:
    """Remove the tags, keeping offsets of each TIMEX3 in the plain text."""
    parts: list[str] = []
    length, pos, opened, gold = 0, 0, [], []
    for m in _TAG.finditer(marked):
        chunk = html.unescape(marked[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            attrs, start = opened.pop()
            gold.append(Gold(start, length, attrs.get("type", "DATE"), attrs.get("value", "")))
        elif not m.group(4):
            opened.append((dict(_ATTR.findall(m.group(3))), length))
    parts.append(html.unescape(marked[pos:]))
    return "".join(parts), gold


# ---------------------------------------------------------------- scoring


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    value_e2e: int = 0
    given: Counter = field(default_factory=Counter)  # (type, "ok" | "n") -> count


def prf(hit_p: int, n_p: int, hit_r: int, n_r: int) -> dict[str, float]:
    p = hit_p / n_p if n_p else 0.0
    r = hit_r / n_r if n_r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def span_errors(doc: TimeMLDoc, system: list[TimeExpr]) -> list[tuple[str, str, str, str | None]]:
    """Detection mistakes: gold expressions nothing overlaps ("missed"), system ones that overlap no
    gold one ("extra"), and overlaps with other offsets ("boundary", gold text then ours)."""
    out = []
    for g in doc.gold:
        if not any(_overlap(g, s) for s in system):
            out.append((doc.name, "missed", repr(doc.text[g.start : g.end]), g.value))
    for s in system:
        match = next((g for g in doc.gold if _overlap(g, s)), None)
        if match is None:
            out.append((doc.name, "extra", repr(doc.text[s.start : s.end]), s.value))
        elif (match.start, match.end) != (s.start, s.end):
            out.append((doc.name, "boundary", f"{doc.text[match.start : match.end]!r} -> {doc.text[s.start : s.end]!r}", s.value))
    return out


def score_doc(doc: TimeMLDoc, system: list[TimeExpr], given: list[TimeExpr | None], tally: Tally, errors: list) -> None:
    tally.gold += len(doc.gold)
    tally.system += len(system)
    gold_spans = {(g.start, g.end) for g in doc.gold}
    tally.strict += sum((s.start, s.end) in gold_spans for s in system)
    tally.relaxed_gold += sum(any(_overlap(g, s) for s in system) for g in doc.gold)
    for s in system:
        match = next((g for g in doc.gold if _overlap(g, s)), None)
        tally.relaxed_system += match is not None
        tally.value_e2e += match is not None and match.value == s.value
    for g, t in zip(doc.gold, given):
        ok = t is not None and t.value == g.value
        tally.given[(g.type, "ok")] += ok
        tally.given[(g.type, "n")] += 1
        if not ok:
            errors.append((doc.name, doc.dct, doc.text[g.start : g.end], g.type, g.value, t.value if t else None, t.rule if t else None))


def _overlap(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def summary(tally: Tally, n_docs: int) -> dict:
    types = sorted({t for t, _ in tally.given})
    given = {t: {"accuracy": round(tally.given[(t, "ok")] / tally.given[(t, "n")], 4), "n": tally.given[(t, "n")]} for t in types}
    ok = sum(tally.given[(t, "ok")] for t in types)
    return {
        "documents": n_docs, "gold": tally.gold, "system": tally.system,
        "strict_span": prf(tally.strict, tally.system, tally.strict, tally.gold),
        "relaxed_span": prf(tally.relaxed_system, tally.system, tally.relaxed_gold, tally.gold),
        "value_given_gold_spans": {"accuracy": round(ok / tally.gold, 4) if tally.gold else 0.0, "by_type": given},
        "value_end_to_end": prf(tally.value_e2e, tally.system, tally.value_e2e, tally.gold),
    }


def evaluate(paths: list[Path], *, errors: list | None = None, spans: list | None = None) -> dict:
    """Score the time stage on TimeML files; ``errors`` collects value mistakes on gold spans,
    ``spans`` detection mistakes (see :func:`span_errors`)."""
    from ..timex.detect import detect
    from ..timex.stage import TimeStage, story_start

    stage, tally, errors = TimeStage(), Tally(), errors if errors is not None else []
    for path in paths:
        doc = read_timeml(path)
        # as the time stage does: from the wire dateline on ("WASHINGTON, August 11 (Xinhua) --")
        system = detect(doc.text, published=doc.dct, start=story_start(doc.text))
        given = stage.normalize_spans(doc.text, [(g.start, g.end) for g in doc.gold], published=doc.dct)
        score_doc(doc, system, given, tally, errors)
        if spans is not None:
            spans.extend(span_errors(doc, system))
    return summary(tally, len(paths))


@click.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=True, path_type=Path))
@click.option("--errors", "show_errors", type=int, default=0, help="Also list this many value errors on gold spans.")
@click.option("--spans", "show_spans", type=int, default=0, help="Also list this many detection errors (missed, extra, boundary).")
@click.option("--limit", type=int, default=None, help="Only the first N files (sorted by path).")
def command(directory: Path, show_errors: int, show_spans: int, limit: int | None) -> None:
    """Score time-expression detection and normalisation on TimeML files under DIRECTORY."""
    paths = sorted(directory.rglob("*.tml")) if directory.is_dir() else [directory]
    paths = [p for p in paths if "testpipeline" not in p.parts][:limit]
    if not paths:
        raise click.ClickException(f"no .tml files under {directory}")
    errors: list = []
    spans: list = []
    try:
        result = evaluate(paths, errors=errors, spans=spans)
    except EvaluationError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, indent=2))
    for name, dct, text, gtype, gold, got, why in errors[:show_errors]:
        click.echo(f"{name}\t{dct}\t{text!r}\t{gtype}\tgold={gold}\tgot={got}\t{why}", err=True)
    for row in spans[:show_spans]:
        click.echo("\t".join(str(x) for x in row), err=True)
