#!/usr/bin/env bash
# Installs what the browser tests need: Debian's chromium (Python playwright drives it through
# executable_path) and a CJK font so Chinese text renders in screenshots. Idempotent: does nothing
# when both are present. Needs root (or passwordless sudo) the first time.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  need+=(fonts-noto-cjk)
fi
[ ${#need[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    echo "install-chromium: need root to install ${need[*]}; the browser tests will be skipped" >&2
    exit 0
  fi
fi

echo "install-chromium: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
