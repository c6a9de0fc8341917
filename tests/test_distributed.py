"""The Dask batch path: shards in, Parquet event shards out, resumable, failures reported."""

from __future__ import annotations

import datetime as dt
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dateline.distributed import (
    _fs, finished_shards, load_shards, read_events, read_shard, run_batch, run_shard, shard_name,
)
from dateline.errors import InputError
from dateline.model import Article

pytest.importorskip("distributed")


def jsonl_shard(path, texts: list[str]) -> str:
    path.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n", encoding="utf-8")
    return str(path)


def parquet_shard(path, texts: list[str]) -> str:
    pq.write_table(pa.table({"text": texts, "published": ["2024-05-01"] * len(texts)}), path)
    return str(path)


def test_shards_are_read_from_jsonl_and_parquet_with_bad_rows_as_errors(tmp_path):
    a = jsonl_shard(tmp_path / "a.jsonl", ["An attack in town.", ""])
    b = parquet_shard(tmp_path / "b.parquet", ["Another attack.", "A threat."])
    items_a, items_b = list(read_shard(a)), list(read_shard(b))
    assert isinstance(items_a[0], Article) and isinstance(items_a[1], InputError) and items_a[1].line == 2
    assert [i.published.isoformat() for i in items_b] == ["2024-05-01", "2024-05-01"]
    assert shard_name(a) != shard_name(str(tmp_path / "other" / "a.jsonl"))


def test_a_shard_task_writes_events_articles_and_marker_then_is_skipped(tmp_path, fake_loader):
    shard = jsonl_shard(tmp_path / "in.jsonl", ["An attack, then a threat.", "Quiet day."])
    out = str(tmp_path / "out")
    first = run_shard(shard, out, loader=fake_loader)
    assert (first.articles, first.events, first.skipped) == (2, 1, False)  # the future event is dropped
    again = run_shard(shard, out, loader=fake_loader)
    assert again.skipped and again.events == 1
    assert [e.sub_event_type for e in read_events(out)] == ["Attack"]


def test_batch_on_a_local_cluster_resumes_and_reports_a_failed_shard(tmp_path, fake_loader):
    a = jsonl_shard(tmp_path / "a.jsonl", ["An attack.", "Two attack and attack."])
    b = parquet_shard(tmp_path / "b.parquet", ["Another attack.", "A threat."])
    missing = str(tmp_path / "missing.jsonl")
    out = str(tmp_path / "out")
    report = run_batch([a, b, missing], out, workers=2, retries=1, loader=fake_loader, processes=False)
    assert [r.input for r in report.done] == [a, b]
    assert [f[0] for f in report.failed] == [missing] and "cannot read shard" in report.failed[0][1]
    assert (report.articles, report.events, report.ok) == (4, 4, False)
    rerun = run_batch([a, b], out, workers=1, loader=fake_loader, processes=False)
    assert rerun.skipped == 2 and rerun.ok and rerun.events == 4


def test_finished_shards_load_into_a_store_once(tmp_path, fake_loader):
    from dateline.store import Store

    shard = jsonl_shard(tmp_path / "in.jsonl", ["An attack.", "Quiet day."])
    out = str(tmp_path / "out")
    run_shard(shard, out, loader=fake_loader)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert load_shards(out, url) == (2, 1)
    assert load_shards(out, url) == (0, 0)
    with Store(url) as store:
        assert store.counts().articles == 2 and store.counts().events == 1
    assert finished_shards(*_fs(out)) == [shard_name(shard)]


SAMPLES = [
    "KABUL (Reuters) - Gunmen killed three police officers in Kandahar on Monday, officials said.",
    "Protesters gathered in Nairobi on Friday to demand lower food prices. Police arrested 12 people.",
    "An air strike hit a market in Idlib on Sunday, killing at least nine civilians, residents said.",
    "Soldiers clashed with rebels near Goma on Tuesday; two soldiers died, the army said.",
]


@pytest.mark.slow
def test_dask_events_equal_the_single_process_events(tmp_path):
    import dateline

    a = jsonl_shard(tmp_path / "a.jsonl", SAMPLES[:2])
    b = jsonl_shard(tmp_path / "b.jsonl", SAMPLES[2:])
    report = run_batch([a, b], str(tmp_path / "out"), workers=2, published="2024-05-06")
    assert report.ok and report.articles == 4
    day = dt.date(2024, 5, 6)
    items = [*read_shard(a, published=day), *read_shard(b, published=day)]
    single = [e.to_dict() for o in dateline.load().pipe(items) for e in o.doc.events if e.factuality == "asserted"]
    dask = [e.to_dict() for e in read_events(str(tmp_path / "out"))]
    assert sorted(dask, key=lambda e: e["event_id"]) == sorted(single, key=lambda e: e["event_id"])
    assert single
