#!/usr/bin/env python
"""Scaling benchmark: one core, one vs two worker processes, and an extrapolation.

Usage:
    .venv/bin/python scripts/bench_scaling.py ../shared/data/dev/hrdsattack/train.json \
        ../shared/data/dev/hrdsattack/dev.json [--limit N] [--batch-size 16] [--workers 2]

Measures, over the same articles:
- articles per CPU-second of the whole pipeline on one core (in-process ``Dateline.pipe``);
- the speed-up from one worker to ``--workers`` (``dateline.parallel.pipe_articles``), as
  steady-state throughput (articles after the first outcome / seconds after it, so model
  loading is left out) and as end-to-end wall time, and whether the outputs are identical;
- the peak resident memory of each worker (sampled with psutil) and the CPU they used.
Then extrapolates, stated as such, the hardware for 200,000 articles a day and for 10 million
back-coded articles from the measured one-core rate and parallel efficiency.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import shlex
import sys
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import read_corpus  # noqa: E402  (the corpus reader of scripts/bench.py)

import dateline  # noqa: E402
from dateline.parallel import pipe_articles  # noqa: E402


class Sampler:
    """Peak RSS and CPU seconds of this process's descendants (the worker processes)."""

    def __init__(self) -> None:
        self.me = psutil.Process()
        self.peak: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.last = 0.0

    def sample(self, *, every: float = 0.5) -> None:
        if time.perf_counter() - self.last < every:
            return
        self.last = time.perf_counter()
        for child in self.me.children(recursive=True):
            try:
                rss, times = child.memory_info().rss, child.cpu_times()
            except psutil.Error:  # it ended between listing and reading: nothing to record
                continue
            self.peak[child.pid] = max(self.peak.get(child.pid, 0), rss)
            self.cpu[child.pid] = times.user + times.system


def run(articles: list, *, workers: int, batch_size: int) -> dict[str, Any]:
    sampler = Sampler()
    c0, w0 = time.process_time(), time.perf_counter()
    outputs, first = [], None
    for outcome in pipe_articles(articles, workers=workers, batch_size=batch_size):
        if first is None:
            first = time.perf_counter()
        outputs.append(outcome.doc.to_dict(keep_all=True) if outcome.doc else str(outcome.error))
        sampler.sample()
    end = time.perf_counter()
    return {
        "workers": workers, "outputs": outputs, "wall": end - w0, "cpu_self": time.process_time() - c0,
        "steady": (len(outputs) - batch_size) / max(end - first, 1e-9) if first else 0.0,
        "worker_peak_mb": sorted(v / 2**20 for v in sampler.peak.values() if v > 200 * 2**20),
        "worker_cpu": sum(sampler.cpu.values()),
    }


def one_core(articles: list, *, batch_size: int) -> dict[str, float]:
    c0 = time.process_time()
    pipe = dateline.load()
    load_cpu = time.process_time() - c0
    list(pipe.pipe(articles[:2]))  # warm up (first-use caches, lazily built tables)
    c0 = time.process_time()
    for _ in pipe.pipe(articles, batch_size=batch_size):
        pass
    cpu = time.process_time() - c0
    return {"rate": len(articles) / cpu, "cpu": cpu, "load_cpu": load_cpu,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def extrapolate(rate: float, efficiency: float, worker_mb: float) -> list[str]:
    """Hardware estimates from the one-core rate (articles per CPU-second)."""
    lines = ["EXTRAPOLATION (not measured: linear scaling at the measured parallel efficiency assumed)"]
    per_core_day = rate * 86400 * efficiency
    day_cores = 200_000 / per_core_day
    lines.append(f"  200,000 articles/day: {200_000 / rate / 3600:.1f} CPU-hours a day; "
                 f"{math.ceil(day_cores)} core(s) running all day, or {math.ceil(day_cores * 3)} cores "
                 f"to finish in 8 hours; RAM about {math.ceil(day_cores * 3) * worker_mb / 1024:.1f} GB "
                 f"({worker_mb:.0f} MB per worker)")
    total_hours = 10_000_000 / rate / 3600
    for cores in (8, 64, 256):
        days = total_hours / (cores * efficiency) / 24
        lines.append(f"  10 million articles: {total_hours:,.0f} CPU-hours; on {cores} cores "
                     f"about {days:.1f} days (RAM {cores * worker_mb / 1024:.0f} GB)")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv[1:])
    articles = read_corpus(args.corpus, args.limit)
    print(f"command: .venv/bin/python {shlex.join(argv)}")
    print(f"articles: {len(articles)}  machine: {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} at start")
    core = one_core(articles, batch_size=args.batch_size)
    print(f"one core, in process: {core['rate']:.2f} articles/CPU-s ({core['cpu']:.1f} CPU-s), "
          f"peak memory {core['maxrss_mb']:.0f} MB")
    one = run(articles, workers=1, batch_size=args.batch_size)
    many = run(articles, workers=args.workers, batch_size=args.batch_size)
    speed = many["steady"] / one["steady"]
    print(f"1 worker : steady {one['steady']:.2f} articles/s, end to end {one['wall']:.1f} s wall")
    print(f"{args.workers} workers: steady {many['steady']:.2f} articles/s, end to end {many['wall']:.1f} s wall, "
          f"worker CPU {many['worker_cpu']:.1f} s, parent CPU {many['cpu_self']:.1f} s")
    print(f"speed-up {args.workers} workers / 1: {speed:.2f}x steady state, "
          f"{one['wall'] / many['wall']:.2f}x end to end (includes loading the model in each worker)")
    print(f"identical output: {one['outputs'] == many['outputs']}")
    per_article = (many["worker_cpu"] - args.workers * core["load_cpu"]) / len(articles)
    efficiency = (core["cpu"] / len(articles)) / per_article if per_article > 0 else 0.0
    print(f"CPU per article: one core {1000 * core['cpu'] / len(articles):.0f} ms, in {args.workers} workers "
          f"{1000 * per_article:.0f} ms (model loading excluded): CPU efficiency {efficiency:.2f}, so on "
          f"{args.workers} idle cores about {args.workers * efficiency:.2f}x (estimate; the machine is shared)")
    print(f"peak memory per worker: {', '.join(f'{m:.0f} MB' for m in many['worker_peak_mb'])}")
    worker_mb = max(many["worker_peak_mb"] or [core["maxrss_mb"]])
    for line in extrapolate(core["rate"], min(1.0, efficiency), worker_mb):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
