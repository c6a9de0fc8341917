"""The event store: articles, events and their evidence, over SQLAlchemy 2 Core.

SQLite by default (one file, ``dateline.db`` in the working directory, WAL journal); a
``postgresql://`` URL selects PostgreSQL through psycopg 3. ``DATELINE_DB`` overrides the default.

Articles are keyed by their content id, so ingesting the same input twice adds nothing; each article
is written with its events and evidence in one transaction, so a crash mid-batch keeps every
committed article and leaves no half-written one. SQLAlchemy errors become :class:`StoreError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Sequence

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from .errors import DatelineError, StoreError
from .model import Article, Event, Span

DEFAULT_URL = "sqlite:///dateline.db"
# Event fields stored as plain columns (the rest: spans and evidence, stored as JSON and rows).
SPAN_FIELDS = ("trigger", "sentence", "evidence", "mentions")
EVENT_COLUMNS = tuple(f for f in Event.__dataclass_fields__ if f not in SPAN_FIELDS)


def resolve_url(url: str | None = None) -> str:
    """The store URL: the argument, else ``DATELINE_DB``, else ``dateline.db`` in the cwd.

    A bare path means a SQLite file; ``postgresql://`` and ``postgres://`` use psycopg 3.
    """
    url = url or os.environ.get("DATELINE_DB") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def _column_type(field: dataclasses.Field) -> Any:
    # Annotations are strings ("int | None") under ``from __future__ import annotations``.
    base = str(field.type).split("|")[0].strip()
    return {"int": sa.BigInteger, "float": sa.Double, "bool": sa.Boolean}.get(base, sa.Text)


def _event_columns() -> list[sa.Column]:
    fields = {f.name: f for f in dataclasses.fields(Event)}
    cols = [sa.Column(name, _column_type(fields[name]), nullable=True) for name in EVENT_COLUMNS
            if name not in ("event_id", "article_id")]
    spans = [sa.Column(f"{s}_{e}", sa.Integer, nullable=False) for s in ("trigger", "sentence")
             for e in ("start", "end")]
    return spans + cols + [sa.Column("evidence", sa.Text, nullable=False),
                           sa.Column("mentions", sa.Text, nullable=False)]


def build_schema(prefix: str = "") -> tuple[sa.MetaData, sa.Table, sa.Table, sa.Table]:
    """The three tables, their names prefixed with ``prefix`` (tests use a unique one per run)."""
    md = sa.MetaData()
    articles = sa.Table(
        f"{prefix}articles", md,
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("published", sa.Date), sa.Column("source", sa.Text), sa.Column("dateline", sa.Text),
        sa.Column("title", sa.Text), sa.Column("url", sa.Text), sa.Column("text", sa.Text, nullable=False),
        sa.Column("body_start", sa.Integer, nullable=False, server_default="0"),
        sa.Column("origin", sa.Text),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    events = sa.Table(
        f"{prefix}events", md,
        sa.Column("event_id", sa.String(128), primary_key=True),
        sa.Column("article_id", sa.String(128), sa.ForeignKey(articles.c.id, ondelete="CASCADE"),
                  nullable=False, index=True),
        *_event_columns(),
    )
    evidence = sa.Table(
        f"{prefix}evidence", md,
        sa.Column("event_id", sa.String(128), sa.ForeignKey(events.c.event_id, ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("field", sa.String(64), primary_key=True),
        sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    return md, articles, events, evidence


@dataclass(frozen=True, slots=True)
class StoreCounts:
    articles: int
    events: int
    evidence: int


class Store:
    """Articles and their events in one database; use as a context manager or call :meth:`close`."""

    def __init__(self, url: str | None = None, *, prefix: str = "", create: bool = True):
        """Open (with ``create``, create or upgrade) the store; without ``create`` it must exist."""
        self.url = resolve_url(url)
        self.metadata, self.articles, self.events, self.evidence = build_schema(prefix)
        if not create:
            _check_sqlite_file(self.url)
        with _translated("open the store"):
            self.engine = _engine(self.url)
            if create:
                self.metadata.create_all(self.engine)
                self._add_missing_columns()
            elif not sa.inspect(self.engine).has_table(self.articles.name):
                raise StoreError(f"{_safe(self.url)} holds no dateline store yet (run `dateline ingest` first)")

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def drop(self) -> None:
        """Drop the tables (tests clean up after themselves with this)."""
        with _translated("drop the tables"):
            self.metadata.drop_all(self.engine)

    def _add_missing_columns(self) -> None:
        """Add the columns a newer version of the records has (new fields are always nullable).

        A store written by an older dateline keeps working: no data is rewritten.
        """
        inspector = sa.inspect(self.engine)
        preparer = self.engine.dialect.identifier_preparer
        for table in self.metadata.sorted_tables:
            have = {c["name"] for c in inspector.get_columns(table.name)}
            for column in (c for c in table.columns if c.name not in have and c.nullable):
                kind = column.type.compile(dialect=self.engine.dialect)
                with self.engine.begin() as conn:
                    conn.exec_driver_sql(f"ALTER TABLE {preparer.format_table(table)} "
                                         f"ADD COLUMN {preparer.format_column(column)} {kind}")

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are already stored."""
        wanted = sorted(set(ids))
        found: set[str] = set()
        with _translated("look up article ids"), self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):  # stay under SQLite's bound-parameter limit
                chunk = wanted[i : i + 500]
                found.update(conn.scalars(sa.select(self.articles.c.id).where(self.articles.c.id.in_(chunk))))
        return found

    def skip_known(self, items: Iterable[Any], *, batch_size: int = 256) -> Iterator[Any]:
        """Pass on read errors and the articles not yet stored, so a re-run does no analysis."""
        chunk: list[Any] = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= batch_size:
                yield from self._unknown(chunk)
                chunk = []
        yield from self._unknown(chunk)

    def _unknown(self, chunk: list[Any]) -> Iterator[Any]:
        known = self.known_ids(a.id for a in chunk if isinstance(a, Article))
        for item in chunk:
            if not (isinstance(item, Article) and item.id in known):
                yield item

    def add(
        self, article: Article, events: Sequence[Event], *, now: dt.datetime | None = None, replace: bool = False
    ) -> bool:
        """Store one article with its events in one transaction; False if it was already there.

        With ``replace`` a stored article and its events are replaced (a re-analysis after the
        pipeline changed), still in one transaction.
        """
        now = now or dt.datetime.now(dt.timezone.utc)
        events = _unique(events)
        with _translated(f"store article {article.id}"), self.engine.begin() as conn:
            if replace:
                self._delete_article(conn, article.id)
            if not self._insert_article(conn, article, now):
                return False
            if events:
                conn.execute(self.events.insert(), [event_row(e) for e in events])
                rows = [r for e in events for r in evidence_rows(article.text, e)]
                conn.execute(self.evidence.insert(), rows)
        return True

    def _delete_article(self, conn: sa.Connection, article_id: str) -> None:
        ids = sa.select(self.events.c.event_id).where(self.events.c.article_id == article_id)
        conn.execute(self.evidence.delete().where(self.evidence.c.event_id.in_(ids)))
        conn.execute(self.events.delete().where(self.events.c.article_id == article_id))
        conn.execute(self.articles.delete().where(self.articles.c.id == article_id))

    def _insert_article(self, conn: sa.Connection, article: Article, now: dt.datetime) -> bool:
        row = article_row(article, now)
        stmt = _insert_ignore(conn.dialect.name, self.articles, row, key="id")
        # RETURNING, not rowcount: psycopg reports -1 for INSERT ... ON CONFLICT DO NOTHING.
        return conn.execute(stmt.returning(self.articles.c.id)).first() is not None

    def iter_articles(self) -> Iterator[Article]:
        query = sa.select(self.articles).order_by(self.articles.c.id)
        for row in self._rows(query, "read articles"):
            yield article_from_row(row)

    def iter_events(self, *, article_ids: Iterable[str] | None = None) -> Iterator[Event]:
        """Events in a stable order (publication date, article, position in the text)."""
        a, e = self.articles, self.events
        query = sa.select(e).join(a, a.c.id == e.c.article_id)
        if article_ids is not None:
            query = query.where(e.c.article_id.in_(sorted(set(article_ids))))
        # NULLS LAST on both back ends, so SQLite and PostgreSQL export the same order.
        query = query.order_by(a.c.published.asc().nulls_last(), e.c.article_id, e.c.trigger_start, e.c.event_id)
        for row in self._rows(query, "read events"):
            yield event_from_row(row)

    def ingested_times(self) -> dict[str, dt.datetime]:
        """When each article was stored (ACLED's ``timestamp`` column)."""
        query = sa.select(self.articles.c.id, self.articles.c.ingested_at)
        return {row.id: _aware(row.ingested_at) for row in self._rows(query, "read articles")}

    def evidence_of(self, event_id: str) -> dict[str, tuple[int, int, str]]:
        query = sa.select(self.evidence).where(self.evidence.c.event_id == event_id)
        return {r.field: (r.start, r.end, r.text) for r in self._rows(query, "read evidence")}

    def counts(self) -> StoreCounts:
        with _translated("count rows"), self.engine.connect() as conn:
            n = [conn.scalar(sa.select(sa.func.count()).select_from(t))
                 for t in (self.articles, self.events, self.evidence)]
        return StoreCounts(*n)

    def _rows(self, query: sa.Select, what: str) -> Iterator[sa.Row]:
        # Stream (a server-side cursor on PostgreSQL): an export never holds the whole store.
        with _translated(what), self.engine.connect() as conn:
            yield from conn.execution_options(yield_per=1000).execute(query)


def _safe(url: str) -> str:
    return sa.engine.make_url(url).render_as_string(hide_password=True)


def _check_sqlite_file(url: str) -> None:
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        if not os.path.exists(parsed.database):
            raise StoreError(f"no store at {parsed.database} (run `dateline ingest` first, or give --db)")


def _engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses no committed row
    cursor.close()


def _insert_ignore(dialect: str, table: sa.Table, row: dict[str, Any], *, key: str) -> Any:
    """INSERT that does nothing when the key exists (two ingests racing on one article)."""
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        return table.insert().values(row)
    return insert(table).values(row).on_conflict_do_nothing(index_elements=[key])


class _translated:
    """Context manager turning SQLAlchemy (and driver) errors into one-line StoreErrors."""

    def __init__(self, what: str):
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, exc: BaseException | None, _tb: Any) -> bool:
        if exc is None or isinstance(exc, DatelineError) or not isinstance(exc, (SQLAlchemyError, ImportError)):
            return False
        raise StoreError(f"cannot {self.what}: {_first_line(exc)}") from exc


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def _unique(events: Sequence[Event]) -> list[Event]:
    """The first event of each id (two rules firing on one trigger give the same id)."""
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.event_id, event)
    return list(seen.values())


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite gives back naive datetimes: they were stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


# --- Rows <-> records --------------------------------------------------------------------------


def article_row(article: Article, now: dt.datetime) -> dict[str, Any]:
    row = {f: getattr(article, f) for f in ("id", "published", "source", "dateline", "title", "url", "text",
                                            "body_start", "origin")}
    row["ingested_at"] = now
    return row


def article_from_row(row: sa.Row) -> Article:
    m = row._mapping
    return Article(id=m["id"], text=m["text"], published=m["published"], source=m["source"],
                   dateline=m["dateline"], title=m["title"], url=m["url"], body_start=m["body_start"],
                   origin=m["origin"])


def event_row(event: Event) -> dict[str, Any]:
    row = {name: getattr(event, name) for name in EVENT_COLUMNS}
    row.update(trigger_start=event.trigger.start, trigger_end=event.trigger.end,
               sentence_start=event.sentence.start, sentence_end=event.sentence.end)
    # Evidence keeps its order (a list of [field, start, end]) so a read gives back an equal Event.
    row["evidence"] = json.dumps([[k, s.start, s.end] for k, s in event.evidence])
    row["mentions"] = json.dumps([m.as_list() for m in event.mentions])
    return row


def event_from_row(row: sa.Row) -> Event:
    m = row._mapping
    fields = {name: m[name] for name in EVENT_COLUMNS}
    return Event(
        **fields,
        trigger=Span(m["trigger_start"], m["trigger_end"]),
        sentence=Span(m["sentence_start"], m["sentence_end"]),
        evidence=tuple((k, Span(s, e)) for k, s, e in json.loads(m["evidence"])),
        mentions=tuple(Span(s, e) for s, e in json.loads(m["mentions"])),
    )


def evidence_rows(text: str, event: Event) -> list[dict[str, Any]]:
    """One row per supported field, with the words themselves, for queries by analysts."""
    pairs = {"trigger": event.trigger, "sentence": event.sentence, **dict(event.evidence)}
    return [{"event_id": event.event_id, "field": k, "start": s.start, "end": s.end, "text": text[s.start : s.end]}
            for k, s in pairs.items()]
