#!/usr/bin/env bash
# Set up, then run the main job: ingest the bundled sample articles into ./dateline.db,
# print their events and write every export into ./exports/.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
exec .venv/bin/dateline demo "$@"
