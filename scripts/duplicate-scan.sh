#!/usr/bin/env bash
# The duplicate-code figure quoted for issue #11: the `duplicates` tool (tool library) over the source
# of app/ portal/ backoffice/ search/ emails/, leaving out tests, the i18n dictionaries and generated code.
# Usage: bash scripts/duplicate-scan.sh [--most N]
#   SCAN_PATHS="backoffice/routes portal" bash scripts/duplicate-scan.sh   # only pairs inside these paths
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for dir in ${SCAN_PATHS:-app portal backoffice search emails}; do
  mkdir -p "$scratch/$(dirname "$dir")" && cp -r "$dir" "$scratch/$(dirname "$dir")/"
done
rm -rf "$scratch/app/generated" "$scratch/app/lib/i18n/messages"
find "$scratch" -type f \( -name '*.test.ts' -o -name '*.test.tsx' \) -delete
duplicates --repo "$scratch" --seconds 120 "$@"
