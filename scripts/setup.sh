#!/usr/bin/env bash
# Set up dateline in .venv/ at the project root. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
STAMP=.venv/.dateline-setup

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv with $($PYTHON --version)" >&2
    "$PYTHON" -m venv .venv
fi

# Reinstall only when pyproject.toml changed or the package does not import.
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"
if [ "$want" != "$have" ] || ! .venv/bin/python -c "import dateline, pytest" 2>/dev/null; then
    echo "setup: installing dateline and its test dependencies into .venv" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
    echo "$want" > "$STAMP"
fi

# The local gazetteer, when this version of dateline has the command (built from bundled data).
if .venv/bin/dateline gazetteer --help 2>/dev/null | grep -qE '^  build( |$)'; then
    .venv/bin/dateline gazetteer build
fi
