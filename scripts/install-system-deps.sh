#!/usr/bin/env bash
# Debian packages the project needs: MariaDB (database) and, for tests, Chromium + CJK fonts.
# Idempotent: installs only what is missing. Usage: install-system-deps.sh [--with-browser]
set -euo pipefail
packages=(mariadb-server mariadb-client)
if [ "${1:-}" = "--with-browser" ]; then packages+=(chromium fonts-noto-cjk); fi

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "System packages present: ${packages[*]}"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Run as root or: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
