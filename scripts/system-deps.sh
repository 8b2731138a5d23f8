#!/usr/bin/env bash
# Debian packages Balai needs beyond Python: Chromium (browser tests), gettext (translations),
# Pango (PDF reports), poppler (PDF to PNG for looking at reports), Gammu (the SMS daemon tests),
# the PostgreSQL client (pg_dump/pg_restore for the backup tests), nginx (the micro-cache test
# runs deploy/nginx.conf); wrk and nginx with the "bench" profile.
# Usage: scripts/system-deps.sh [demo|test|bench]
set -euo pipefail
profile="${1:-test}"
packages=(gettext fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
if [ "$profile" = "test" ]; then
  packages+=(chromium poppler-utils gammu gammu-smsd postgresql-client nginx)
fi
if [ "$profile" = "bench" ]; then
  packages+=(wrk nginx)
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
