"""The store: same code on SQLite and PostgreSQL; idempotent ingest; one transaction per article."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
from hypothesis import HealthCheck, given, settings

from dateline.errors import StoreError
from dateline.model import Event, Span
from dateline.store import Store, resolve_url
from record_strategies import article, unique_events

TEXT = "Gunmen killed two people in the market on Monday, police said."


def make_event(art, start=0, end=6, sub="Attack", **kw) -> Event:
    trigger = Span(start, end)
    return Event(event_id=Event.make_id(art.id, trigger, sub), article_id=art.id,
                 event_type="Violence against civilians", sub_event_type=sub, trigger=trigger,
                 sentence=Span(0, len(art.text)), evidence=(("fatalities", Span(14, 17)),), **kw)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = Store(f"sqlite:///{tmp_path / 'test.db'}")
        yield s
        s.close()
        return
    url = request.getfixturevalue("postgres_url")
    s = Store(url, prefix=f"t{uuid.uuid4().hex[:10]}_")  # parallel runs never share tables
    yield s
    s.drop()
    s.close()


def test_url_resolution(monkeypatch):
    monkeypatch.delenv("DATELINE_DB", raising=False)
    assert resolve_url() == "sqlite:///dateline.db"
    monkeypatch.setenv("DATELINE_DB", "sqlite:////tmp/x.db")
    assert resolve_url() == "sqlite:////tmp/x.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("some/file.db") == "sqlite:///some/file.db"


def test_add_and_read_back(store):
    art = article(TEXT, published=dt.date(2022, 1, 3), source="Wire", dateline="GAO")
    event = make_event(art, fatalities=2, latitude=16.27, civilian_targeting=True)
    assert store.add(art, [event])
    assert list(store.iter_articles()) == [art]
    assert list(store.iter_events()) == [event]
    assert store.evidence_of(event.event_id)["fatalities"] == (14, 17, "two")
    assert store.counts().evidence == 3  # trigger, sentence, fatalities


def test_adding_twice_adds_nothing(store):
    art = article(TEXT)
    assert store.add(art, [make_event(art)])
    assert not store.add(art, [make_event(art)])
    assert (store.counts().articles, store.counts().events) == (1, 1)


def test_skip_known_passes_errors_and_new_articles(store):
    old, new = article(TEXT), article(TEXT + " More.")
    store.add(old, [])
    error = StoreError("x")
    assert list(store.skip_known([old, error, new], batch_size=2)) == [error, new]


def test_a_failing_article_leaves_nothing_half_written(store):
    good, bad = article(TEXT), article(TEXT + " Again.")
    store.add(good, [make_event(good)])
    broken = dataclasses.replace(make_event(bad), article_id="no-such-article")  # the foreign key fails mid-transaction
    with pytest.raises(StoreError):
        store.add(bad, [broken])
    assert [a.id for a in store.iter_articles()] == [good.id]
    assert store.counts().events == 1


def test_duplicate_event_ids_in_one_article_are_stored_once(store):
    art = article(TEXT)
    store.add(art, [make_event(art), make_event(art, notes="second rule")])
    [event] = store.iter_events()
    assert event.notes is None


def test_ingested_times_are_utc(store):
    art = article(TEXT)
    when = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc)
    store.add(art, [], now=when)
    assert store.ingested_times() == {art.id: when}


def test_unreachable_database_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open"):
        Store(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")


def test_sqlite_uses_wal(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'w.db'}")
    with s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    s.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(evs=unique_events())
def test_events_round_trip(store, evs):
    art = article(TEXT + " " + uuid.uuid4().hex, id=None)
    evs = [dataclasses.replace(e, article_id=art.id, event_id=Event.make_id(art.id, e.trigger, e.sub_event_type))
           for e in evs]
    store.add(art, evs)
    got = list(store.iter_events(article_ids=[art.id]))
    key = lambda e: (e.trigger.start, e.event_id)  # noqa: E731 - the store orders by position
    assert sorted(got, key=key) == sorted(evs, key=key)


def test_replace_rewrites_an_article_and_its_events(store):
    art = article(TEXT)
    store.add(art, [make_event(art), make_event(art, start=7, end=13)])
    assert store.add(art, [make_event(art, notes="new")], replace=True)
    [event] = store.iter_events()
    assert event.notes == "new"
    assert store.counts() == type(store.counts())(1, 1, 3)


def test_a_store_from_an_older_version_gains_new_columns(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Store(url)
    with old.engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN counter_claim")  # as an older schema
    old.close()
    store = Store(url)
    art = article(TEXT)
    store.add(art, [make_event(art, counter_claim="the army denied it")])
    assert next(store.iter_events()).counter_claim == "the army denied it"
    store.close()


def test_opening_without_create_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        Store(f"sqlite:///{tmp_path / 'absent.db'}", create=False)
    assert not (tmp_path / "absent.db").exists()
    Store(f"sqlite:///{tmp_path / 'present.db'}").close()
    Store(f"sqlite:///{tmp_path / 'present.db'}", create=False).close()
