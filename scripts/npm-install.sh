#!/usr/bin/env bash
# `npm ci` when node_modules is missing or older than the lockfile; then the offline Prisma client.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.relay-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund
  touch "$stamp"
fi
bash scripts/prisma-generate.sh >/dev/null
