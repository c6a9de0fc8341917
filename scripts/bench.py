#!/usr/bin/env python
"""Benchmark the pipeline on a corpus, beside a bare spaCy pass over the same texts.

Usage:
    .venv/bin/python scripts/bench.py ../shared/data/dev/hrdsattack/train.json \
        ../shared/data/dev/hrdsattack/dev.json [--limit N] [--batch-size 16] [--chunk 25]

A corpus path is an HRDsAttack JSON file (a list of {"sample": {"Input.article_interface": HTML,
...}}), or anything ``dateline extract`` reads (.txt, .jsonl, a directory).

The corpus is cut into chunks; each chunk goes through the dateline pipeline and through the
bare spaCy pipeline (the same ``en_core_web_sm`` object, every component enabled), in
alternating order, so that the two figures share the machine's drift (this machine is shared:
CPU seconds, from ``time.process_time``, are the figures to quote; wall time is printed too).
Per-stage times are the sums of ``doc.timings``, plus the spaCy batch pass (``prepare``).
Peak memory is the process's peak resident size (one copy of the model: the bare pass reuses it),
and, on Linux, the peak during each kind of pass (VmHWM, reset before every chunk), since the
bare spaCy pass (batches of 16 whole articles) needs more memory than the pipeline's bounded batches.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import resource
import shlex
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import dateline
from dateline.io import article_from_text, read_articles
from dateline.model import Article, as_date


def hrdsattack_articles(path: Path) -> list[Article]:
    """Articles from an HRDsAttack JSON file: HTML paragraphs to plain text, publication date."""
    out = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        sample = row["sample"]
        text = re.sub(r"</p>\s*<p>", "\n\n", sample["Input.article_interface"])
        text = html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
        if text:
            published = as_date(str(sample.get("Input.publish_date") or "")[:10] or None)
            out.append(article_from_text(text, published=published, title=sample.get("Input.title")))
    return out


def read_corpus(paths: list[str], limit: int | None) -> list[Article]:
    articles: list[Article] = []
    for p in paths:
        path = Path(p)
        if path.suffix == ".json" and path.is_file():
            articles.extend(hrdsattack_articles(path))
        else:
            articles.extend(a for a in read_articles([p]) if isinstance(a, Article))
    return articles[:limit] if limit else articles


class Clock:
    """CPU and wall seconds of a block, added to a named total."""

    def __init__(self, cpu: dict[str, float], wall: dict[str, float], name: str):
        self.cpu, self.wall, self.name = cpu, wall, name

    def __enter__(self) -> None:
        self.c0, self.w0 = time.process_time(), time.perf_counter()

    def __exit__(self, *exc: Any) -> None:
        self.cpu[self.name] += time.process_time() - self.c0
        self.wall[self.name] += time.perf_counter() - self.w0


def reset_peak() -> None:
    """Start a new peak-memory window (Linux: writing 5 to clear_refs resets VmHWM)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def peak_mb() -> float:
    """Peak resident memory of this process since the last reset (ru_maxrss where /proc lacks it)."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_prepare(stage: Any, totals: dict[str, float]) -> None:
    """Time the parse stage's batch pass (it runs before the stages, outside ``doc.timings``)."""
    inner = stage.prepare

    def prepare(docs):
        began = time.process_time()
        inner(docs)
        totals["parse (batch spaCy pass)"] += time.process_time() - began

    stage.prepare = prepare


def dateline_pass(pipe: Any, chunk: list[Article], batch_size: int, stage_wall: dict[str, float],
                  events: int, errors: int) -> tuple[int, int]:
    """One chunk through the pipeline, streamed as ``dateline extract`` does (nothing kept)."""
    for outcome in pipe.pipe(chunk, batch_size=batch_size):
        if outcome.error is not None:
            errors += 1
            continue
        events += len(outcome.doc.events or ())
        for name, seconds in outcome.doc.timings.items():
            stage_wall[name] += seconds
    return events, errors


def run(args: argparse.Namespace) -> dict[str, Any]:
    articles = read_corpus(args.corpus, args.limit)
    c0 = time.process_time()
    pipe = dateline.load()
    load_cpu = time.process_time() - c0
    nlp = pipe.parse.nlp
    stage_cpu: dict[str, float] = defaultdict(float)
    stage_wall: dict[str, float] = defaultdict(float)
    timed_prepare(pipe.parse, stage_cpu)
    cpu: dict[str, float] = defaultdict(float)
    wall: dict[str, float] = defaultdict(float)
    events = errors = 0
    peaks: dict[str, float] = defaultdict(float)
    for i in range(0, len(articles), args.chunk):
        chunk = articles[i : i + args.chunk]
        order = ("dateline", "spacy") if (i // args.chunk) % 2 == 0 else ("spacy", "dateline")
        for which in order:
            reset_peak()
            with Clock(cpu, wall, which):
                if which == "spacy":
                    for _ in nlp.pipe([a.text for a in chunk], batch_size=args.batch_size):
                        pass
                else:
                    events, errors = dateline_pass(pipe, chunk, args.batch_size, stage_wall, events, errors)
            peaks[which] = max(peaks[which], peak_mb())
    return {
        "articles": len(articles), "events": events, "errors": errors, "load_cpu": load_cpu, "cpu": cpu,
        "wall": wall, "stage_cpu": stage_cpu, "stage_wall": stage_wall,
        "tokens": sum(len(d) for d in nlp.tokenizer.pipe(a.text for a in articles)),
        "maxrss_mb": max(peaks.values(), default=0.0), "peaks": peaks,
    }


def report(r: dict[str, Any], argv: list[str]) -> None:
    n = r["articles"]
    print(f"command: .venv/bin/python {shlex.join(argv)}")
    print(f"articles: {n}  tokens/article: {r['tokens'] / max(n, 1):.0f}  events: {r['events']}  "
          f"errors: {r['errors']}  pipeline load: {r['load_cpu']:.1f} CPU-s")
    for which, label in (("dateline", "dateline pipeline"), ("spacy", "bare spaCy (all components)")):
        c, w = r["cpu"][which], r["wall"][which]
        print(f"{label:30s} {n / c:6.2f} articles/CPU-s  {n / w:6.2f} articles/s (wall)  {c:8.1f} CPU-s")
    print(f"dateline CPU / bare spaCy CPU: {r['cpu']['dateline'] / r['cpu']['spacy']:.3f}")
    print(f"peak memory (whole process): {r['maxrss_mb']:.0f} MB; during the dateline passes: "
          f"{r['peaks']['dateline']:.0f} MB, during the bare spaCy passes: {r['peaks']['spacy']:.0f} MB")
    print("per stage (parse batch pass: CPU-s; stages: sum of doc.timings, wall-s):")
    rows = [("parse (batch spaCy pass)", r["stage_cpu"]["parse (batch spaCy pass)"])]
    rows += sorted(r["stage_wall"].items(), key=lambda kv: -kv[1])
    total = sum(v for _, v in rows) or 1.0
    for name, seconds in rows:
        print(f"  {name:26s} {seconds:8.2f} s  {seconds / total:6.1%}  {1000 * seconds / max(n, 1):7.1f} ms/article")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+", help="HRDsAttack JSON, .jsonl, .txt or a directory")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--chunk", type=int, default=25, help="articles per alternation of the two passes")
    args = parser.parse_args(argv[1:])
    report(run(args), argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
