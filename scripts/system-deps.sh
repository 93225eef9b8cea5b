#!/usr/bin/env bash
# Installs the Debian packages given as arguments that are missing, when we can
# (root on a Debian-like system). Elsewhere it says what to install and goes on.
set -euo pipefail
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
else
  exit 0
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Устанавливаю системные пакеты: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Не хватает системных пакетов: ${missing[*]} (установите их: sudo apt-get install ${missing[*]})" >&2
fi
