#!/usr/bin/env bash
# `prisma generate` without network: every prisma CLI command first fetches a native schema engine
# unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file. generate never runs that engine, so any
# existing executable satisfies the check. See docs/decisions/002-offline-prisma-migrations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1
npx prisma generate
