#!/usr/bin/env bash
# Backup of one Relay CRM deployment: a consistent dump of the database (one transaction, no table
# locks) and the uploads directory, with a manifest of checksums and the migrations applied.
# Usage: scripts/backup.sh [target-dir]   (DATABASE_URL and UPLOAD_DIR as for the app)
# Prints the backup directory it wrote. See docs/operations.md "Backup and restore".
set -euo pipefail
cd "$(dirname "$0")/.."
url="${DATABASE_URL:?DATABASE_URL is required}"
target="${1:-.data/backups}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dir="$target/relay-$stamp"
mkdir -p "$dir"

# mysql://user:password@host:port/database
rest="${url#*://}"; creds="${rest%%@*}"; hostpart="${rest#*@}"
user="${creds%%:*}"; pass="${creds#*:}"; hostport="${hostpart%%/*}"; database="${hostpart#*/}"; database="${database%%\?*}"
host="${hostport%%:*}"; port="${hostport#*:}"; [ "$port" = "$hostport" ] && port=3306
dump="$(command -v mariadb-dump || command -v mysqldump)"

MYSQL_PWD="$pass" "$dump" --host="$host" --port="$port" --user="$user" --single-transaction --quick \
  --routines --triggers --hex-blob --default-character-set=utf8mb4 --no-tablespaces "$database" \
  | gzip -6 >"$dir/database.sql.gz"

uploads="${UPLOAD_DIR:-.data/uploads}"
if [ -d "$uploads" ]; then tar -C "$uploads" -czf "$dir/uploads.tar.gz" .; else tar -czf "$dir/uploads.tar.gz" -T /dev/null; fi

migrations="$(MYSQL_PWD="$pass" "$(command -v mariadb || command -v mysql)" --host="$host" --port="$port" --user="$user" \
  -N -e "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name" "$database" | tr '\n' ' ')"
{
  echo "created=$stamp"
  echo "database=$database"
  echo "migrations=$migrations"
  (cd "$dir" && sha256sum database.sql.gz uploads.tar.gz)
} >"$dir/MANIFEST"
echo "$dir"
