#!/usr/bin/env bash
# Restores a backup written by scripts/backup.sh into the database named by DATABASE_URL (created if
# missing; it must be empty) and UPLOAD_DIR, after checking the manifest's checksums; then applies
# any migrations newer than the backup, so an older backup comes up on the current code.
# Usage: scripts/restore.sh <backup-dir>
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:?usage: scripts/restore.sh <backup-dir>}"
url="${DATABASE_URL:?DATABASE_URL is required}"
(cd "$dir" && grep -E '^[0-9a-f]{64}  ' MANIFEST | sha256sum --check --quiet) || { echo "checksum mismatch in $dir" >&2; exit 1; }

rest="${url#*://}"; creds="${rest%%@*}"; hostpart="${rest#*@}"
user="${creds%%:*}"; pass="${creds#*:}"; hostport="${hostpart%%/*}"; database="${hostpart#*/}"; database="${database%%\?*}"
host="${hostport%%:*}"; port="${hostport#*:}"; [ "$port" = "$hostport" ] && port=3306
client() { MYSQL_PWD="$pass" "$(command -v mariadb || command -v mysql)" --host="$host" --port="$port" --user="$user" "$@"; }

client -e "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
tables="$(client -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$database'")"
if [ "$tables" != "0" ]; then echo "refusing to restore into $database: it already has $tables tables" >&2; exit 1; fi
gunzip -c "$dir/database.sql.gz" | client --default-character-set=utf8mb4 "$database"

uploads="${UPLOAD_DIR:-.data/uploads}"
mkdir -p "$uploads"
tar -C "$uploads" -xzf "$dir/uploads.tar.gz"
npx tsx prisma/migrate.ts
echo "restored $dir into $database"
