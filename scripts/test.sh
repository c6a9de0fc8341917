#!/usr/bin/env bash
# Set up, make sure the local PostgreSQL server runs (for the store tests), then run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
        echo "test: starting PostgreSQL" >&2
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
        for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    fi
fi
# The store tests use the database `test` (trust authentication, user postgres): create it if missing.
if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432 && command -v psql >/dev/null; then
    if ! psql -h 127.0.0.1 -U postgres -Atc "select 1" test >/dev/null 2>&1; then
        createdb -h 127.0.0.1 -U postgres test 2>/dev/null || echo "test: could not create database test" >&2
    fi
fi
if ! command -v pg_isready >/dev/null || ! pg_isready -q -h 127.0.0.1 -p 5432; then
    echo "test: PostgreSQL is not reachable at 127.0.0.1:5432; its tests will be skipped (fail under CI=true)" >&2
fi

exec .venv/bin/python -m pytest -q "$@"
