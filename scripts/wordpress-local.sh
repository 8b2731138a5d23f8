#!/usr/bin/env bash
# A throwaway WordPress (Debian's package) on loopback, to produce real WXR exports for the
# WordPress importer's fixtures (balai/migrasi/tests/fixtures/). Its own MariaDB instance on a
# socket + 127.0.0.1:18681, its own data directory; PHP's built-in server on 127.0.0.1:18680.
# Nothing listens beyond loopback.
# Usage: scripts/wordpress-local.sh [install|start|seed|export|stop]   (default: install start seed export)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
var="${WP_LOCAL_DIR:-$root/var/wordpress-local}"
sock="$var/mysqld.sock"
port_http=18680
port_db=18681
host="127.0.0.1"
export HTTP_HOST="$host:$port_http"

install() {
  local packages=(wordpress php-cli php-mysql php-gd php-xml mariadb-server)
  local missing=()
  for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  mkdir -p "$var/wp-content/uploads" "$var/wp-content/themes" "$var/wp-content/plugins"
  [ -e "$var/wp-content/themes/twentytwentythree" ] || cp -r /usr/share/wordpress/wp-content/themes/* "$var/wp-content/themes/" 2>/dev/null || true
  # Debian's wp-config.php reads /etc/wordpress/config-<host>.php
  cat > "/etc/wordpress/config-$host.php" <<PHP
<?php
define('DB_NAME', 'wp_balai_fixture');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$sock');
define('WP_CONTENT_DIR', '$var/wp-content');
define('WP_HOME', 'http://$host:$port_http');
define('WP_SITEURL', 'http://$host:$port_http');
define('FS_METHOD', 'direct');
PHP
}

start() {
  mkdir -p "$var"
  if [ ! -d "$var/db/mysql" ]; then
    mariadb-install-db --no-defaults --datadir="$var/db" --auth-root-authentication-method=normal \
      --user="$(id -un)" >/dev/null
  fi
  if [ ! -S "$sock" ]; then
    mariadbd --no-defaults --datadir="$var/db" --socket="$sock" --bind-address=127.0.0.1 \
      --port=$port_db --pid-file="$var/mysqld.pid" --user="$(id -un)" --skip-log-bin \
      --innodb-buffer-pool-size=32M >"$var/mysqld.log" 2>&1 &
    for _ in $(seq 1 60); do [ -S "$sock" ] && break; sleep 0.5; done
  fi
  mariadb --no-defaults -S "$sock" -uroot -e "CREATE DATABASE IF NOT EXISTS wp_balai_fixture CHARACTER SET utf8mb4"
  if [ ! -f "$var/php.pid" ] || ! kill -0 "$(cat "$var/php.pid")" 2>/dev/null; then
    php -S "$host:$port_http" -t /usr/share/wordpress >"$var/php.log" 2>&1 &
    echo $! >"$var/php.pid"
  fi
  echo "WordPress on http://$host:$port_http/ (database socket $sock)"
}

seed() {
  php "$root/balai/migrasi/tests/fixtures/seed_wordpress.php" "$root/balai/migrasi/tests/fixtures/media" install
  php "$root/balai/migrasi/tests/fixtures/seed_wordpress.php" "$root/balai/migrasi/tests/fixtures/media"
}

export_wxr() {
  php "$root/balai/migrasi/tests/fixtures/export_wordpress.php" >"$root/balai/migrasi/tests/fixtures/wordpress-export.xml"
  rm -rf "$root/balai/migrasi/tests/fixtures/uploads"
  cp -r "$var/wp-content/uploads" "$root/balai/migrasi/tests/fixtures/uploads"
  echo "Exported to balai/migrasi/tests/fixtures/wordpress-export.xml (+ uploads/)"
}

stop() {
  [ -f "$var/php.pid" ] && kill "$(cat "$var/php.pid")" 2>/dev/null || true
  [ -f "$var/mysqld.pid" ] && kill "$(cat "$var/mysqld.pid")" 2>/dev/null || true
  rm -f "$var/php.pid"
}

if [ $# -eq 0 ]; then set -- install start seed export; fi
for step in "$@"; do
  case "$step" in
    install) install ;;
    start) start ;;
    seed) seed ;;
    export) export_wxr ;;
    stop) stop ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
