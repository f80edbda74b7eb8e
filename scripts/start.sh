#!/usr/bin/env bash
# The start command: from a fresh Debian machine (as root, with Node/npm) to the portal on :3000 and
# the back office on :3000/crm with demo data. Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node-runtime.sh
bash scripts/install-system-deps.sh
bash scripts/npm-install.sh
bash scripts/db.sh start
export DATABASE_URL="${DATABASE_URL:-$(bash scripts/db.sh url)}"
npx tsx prisma/migrate.ts
npx tsx prisma/seed/demo.ts
npx react-router build
# One server process per core (scripts/serve-cluster.mjs; WEB_CONCURRENCY overrides), decision 048.
# The demo has no mail provider: its mail is read in the dev inbox, switched on explicitly (issue #13).
export NODE_ENV=production PORT="${PORT:-3000}" DEV_MAIL_INBOX="${DEV_MAIL_INBOX:-1}"
exec node scripts/serve-cluster.mjs
