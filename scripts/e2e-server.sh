#!/usr/bin/env bash
# Started by Playwright (playwright.config.ts webServer): a fresh e2e database, migrated and seeded
# with the demo organisation, then the production build served on E2E_PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE_URL="${DATABASE_URL:-$(bash scripts/db.sh url)}"
E2E_DB_URL="${BASE_URL%/*}/${E2E_DB:-relay_e2e}"
npx tsx tests/setup/recreate-database.ts "$E2E_DB_URL"
export DATABASE_URL="$E2E_DB_URL"
npx tsx prisma/migrate.ts
npx tsx prisma/seed/demo.ts
# e2e reads mail the way a tester would, in the dev inbox: switched on explicitly (issue #13). The
# per-request access log is off (thousands of lines in the Playwright output); ACCESS_LOG=1 turns it on.
export ACCESS_LOG="${ACCESS_LOG:-0}" NODE_ENV=production PORT="${E2E_PORT:-3100}" HOST=127.0.0.1 APP_URL="http://localhost:${E2E_PORT:-3100}" DEV_MAIL_INBOX=1
exec node scripts/serve.mjs
