#!/usr/bin/env bash
# Debian packages the project needs: MariaDB (database), the Noto CJK fonts the server embeds in its
# PDFs (quotes, contracts: decision 044) and, for tests, Chromium.
# Idempotent: installs only what is missing. Usage: install-system-deps.sh [--with-browser]
set -euo pipefail
packages=(mariadb-server mariadb-client fonts-noto-cjk)
if [ "${1:-}" = "--with-browser" ]; then packages+=(chromium); fi

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
