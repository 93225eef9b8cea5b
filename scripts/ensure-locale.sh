#!/usr/bin/env bash
# Makes the locale given as the argument (ru_RU.UTF-8) available when it is missing and we
# can (root on Debian, package `locales`). Under Wine a Russian locale gives Windows
# programs the Russian ANSI code page (cp1251), as on a Russian Windows.
set -euo pipefail
wanted="$1"
normalised="$(echo "$wanted" | sed 's/UTF-8/utf8/')"
locale -a 2>/dev/null | grep -qx "$normalised" && exit 0
if [ "$(id -u)" -eq 0 ] && [ -f /etc/locale.gen ] && command -v locale-gen >/dev/null; then
  sed -i "s/^# *\(${wanted} UTF-8\)/\1/" /etc/locale.gen
  grep -q "^${wanted} UTF-8" /etc/locale.gen || echo "${wanted} UTF-8" >> /etc/locale.gen
  locale-gen >/dev/null
else
  echo "Нет локали $wanted: включите её (sudo dpkg-reconfigure locales)" >&2
  exit 1
fi
