"""Several worker processes give the same outcomes, in input order, with bounded look-ahead."""

from __future__ import annotations

import itertools
import os

import pytest

from dateline.errors import InputError, PipelineError
from dateline.model import Article
from dateline.parallel import IN_FLIGHT_PER_WORKER, pipe_articles


def article(text: str) -> Article:
    return Article(id=Article.make_id(text), text=text)


def inputs(n: int) -> list:
    items: list = []
    for i in range(n):
        items.append(article(f"Report {i}: an attack" + " and another attack" * (i % 3)))
    items[3] = InputError("not JSON", path="batch.jsonl", line=4)
    items[5] = article("Report 5 goes boom")
    return items


def summary(outcomes) -> list:
    out = []
    for o in outcomes:
        if o.error is not None:
            out.append(("error", type(o.error).__name__, str(o.error).split(":")[0]))
        else:
            out.append(("doc", o.doc.id, [e.evidence_dict()["trigger"] for e in o.doc.events]))
    return out


def test_two_workers_give_the_single_process_outcomes_in_order(fake_loader):
    items = inputs(23)
    single = list(pipe_articles(items, workers=1, batch_size=4, loader=fake_loader))
    double = list(pipe_articles(items, workers=2, batch_size=4, loader=fake_loader))
    assert summary(double) == summary(single)
    assert [o.article.id if o.article else None for o in double] == [
        i.id if isinstance(i, Article) else None for i in items
    ]
    assert all(o.doc.spacy is None for o in double if o.doc is not None)
    assert isinstance(double[5].error, PipelineError) and "boom" in str(double[5].error)
    assert isinstance(double[3].error, InputError) and double[3].error.line == 4


def test_each_worker_builds_its_pipeline_once(fake_loader):
    outcomes = pipe_articles(inputs(40), workers=2, batch_size=2, loader=fake_loader)
    notes = {e.notes for o in outcomes if o.doc for e in o.doc.events}
    by_pid: dict[str, set[str]] = {}
    for note in notes:
        pid, pipeline = note.split("/")
        by_pid.setdefault(pid, set()).add(pipeline)
    assert str(os.getpid()) not in by_pid
    assert 1 <= len(by_pid) <= 2 and all(len(p) == 1 for p in by_pid.values())


def test_input_is_read_lazily_with_a_bounded_window(fake_loader):
    consumed = itertools.count()

    def stream():
        for i in itertools.count():
            next(consumed)
            yield article(f"Report {i}: an attack")

    outcomes = pipe_articles(stream(), workers=2, batch_size=3, loader=fake_loader)
    first = list(itertools.islice(outcomes, 5))
    outcomes.close()
    assert len(first) == 5
    window = IN_FLIGHT_PER_WORKER * 2 + 2  # chunks in flight, the one being read and the one yielded
    assert next(consumed) <= window * 3


def test_strict_raises_the_first_error(fake_loader):
    with pytest.raises(InputError):
        list(pipe_articles(inputs(8), workers=2, batch_size=2, strict=True, loader=fake_loader))


@pytest.mark.slow
def test_real_pipeline_two_workers_match_one(tmp_path):
    texts = [
        "KABUL (Reuters) - Gunmen killed three police officers in Kandahar on Monday, officials said.",
        "Protesters gathered in Nairobi on Friday to demand lower food prices. Police arrested 12 people.",
        "An air strike hit a market in Idlib on Sunday, killing at least nine civilians, residents said.",
        "The weather in Lima was mild.",
    ]
    items = [article(t) for t in texts]
    single = [o.doc.to_dict(keep_all=True) for o in pipe_articles(items, workers=1, batch_size=2)]
    double = [o.doc.to_dict(keep_all=True) for o in pipe_articles(items, workers=2, batch_size=1)]
    assert double == single
    assert any(d["events"] for d in single)
