"""Shared fixtures: small and hand-made; no network, no spaCy model unless a test asks for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POSTGRES_URL = os.environ.get("DATELINE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


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
