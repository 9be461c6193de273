#!/usr/bin/env bash
# Installs what the multi-process tests need: Debian's PostgreSQL server binaries (the tests start
# their own private cluster; the Debian cluster is not used). Idempotent: does nothing when
# /usr/lib/postgresql/*/bin/postgres exists. Needs root (or passwordless sudo) the first time.
set -euo pipefail

compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "install-postgres: need root to install postgresql; the PostgreSQL tests will be skipped (failed in CI)" >&2
    exit 0
  fi
fi

echo "install-postgres: installing postgresql" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
# the tests run their own cluster on a free port: keep Debian's default cluster from holding 5432
$SUDO service postgresql stop >/dev/null 2>&1 || true
