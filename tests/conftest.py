"""Shared fixtures: small and hand-made; no network, no spaCy model unless a test asks for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POSTGRES_URL = os.environ.get("DATELINE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


class FakeParse:
    """Stands in for the spaCy stage: one sentence per article, no model; fails on "boom"."""

    name = "parse"
    needs = frozenset({"text"})
    adds = frozenset({"spacy", "sentences", "entities"})

    def prepare(self, docs: list) -> None:
        for doc in docs:
            doc.spacy = object()  # something large and unpicklable would sit here

    def __call__(self, doc) -> None:
        from dateline.model import Sentence

        if "boom" in doc.text:
            raise ValueError("cannot handle boom")
        doc.sentences = (Sentence(0, len(doc.text)),)
        doc.entities = ()


class FakeEvents:
    """An asserted event at each "attack", a future one at each "threat"; the notes name the
    process and the pipeline that coded it (to tell workers apart)."""

    name = "events"
    needs = frozenset({"sentences"})
    adds = frozenset({"events"})

    def __call__(self, doc) -> None:
        found = [(i, "asserted") for i in find_all(doc.text, "attack")]
        found += [(i, "future") for i in find_all(doc.text, "threat")]
        doc.events = tuple(self._event(doc, at, factuality) for at, factuality in sorted(found))

    def _event(self, doc, at: int, factuality: str):
        from dateline.model import Event, Span

        trigger = Span(at, at + 6)
        return Event(
            event_id=Event.make_id(doc.id, trigger, "Attack"), article_id=doc.id,
            event_type="Violence against civilians", sub_event_type="Attack", trigger=trigger,
            sentence=doc.sentences[0].span, factuality=factuality, notes=f"{os.getpid()}/{id(self)}",
            event_date=doc.article.published.isoformat() if doc.article.published else None,
        )


def find_all(text: str, word: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(word, i)]


def make_fake_pipeline():
    """A :class:`~dateline.api.Dateline` of the two fakes (importable, so worker processes can
    build it by name)."""
    from dateline.api import Dateline

    return Dateline([FakeParse(), FakeEvents()])


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once for every test that parses hand-written sentences."""
    from dateline.parse import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def pipe():
    """The whole default pipeline (real spaCy model, the built gazetteer), loaded once: it holds no
    state between articles, so every test that analyses written text shares it."""
    import dateline

    return dateline.load()


@pytest.fixture(scope="session")
def lex():
    """The event lexicon the package ships."""
    from dateline.events.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture
def fake_loader():
    """The loader of the fake pipeline, for ``pipe_articles``/``run_batch`` (``loader=``)."""
    return make_fake_pipeline


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` beside the project; tests that read it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the project")
    return SHARED


@pytest.fixture
def write(tmp_path):
    """``write("name.txt", text_or_bytes)`` creates a file under ``tmp_path`` and returns its path."""

    def _write(name: str, content: str | bytes, *, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return _write


def _postgres_reachable(url: str) -> str | None:
    """None if PostgreSQL answers at ``url``, else the reason it does not."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=3):
            return None
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The test PostgreSQL server; skipped when unreachable, except in CI (``CI=true``) where it fails."""
    reason = _postgres_reachable(POSTGRES_URL)
    if reason is not None:
        message = f"PostgreSQL not reachable at {POSTGRES_URL}: {reason}"
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(message + " (CI=true: .ci/run must start the server)")
        pytest.skip(message)
    return POSTGRES_URL
