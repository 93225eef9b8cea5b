#!/usr/bin/env bash
# Checks that a control file's Depends names every package the bundle's binaries link to.
# dpkg-shlibdeps reads each ELF file's needed libraries, skips those shipped in the
# bundle, and maps the rest to Debian packages.
# Usage: packaging/check-depends.sh BUNDLE_DIR CONTROL_FILE
set -euo pipefail

BUNDLE="$1"
CONTROL="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/debian"
printf 'Source: check\n\nPackage: check\nArchitecture: any\n' > "$WORK/debian/control"

mapfile -t elves < <(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -print0 |
  xargs -0 file -N -F '|' | awk -F'|' '/ELF/ {sub(/^ +/, "", $1); print $1}')
libdirs=()
while IFS= read -r dir; do libdirs+=("-l$dir"); done < <(
  printf '%s\n' "${elves[@]}" | xargs -n1 dirname | sort -u)

needed="$(cd "$WORK" && dpkg-shlibdeps -O --ignore-missing-info "${libdirs[@]}" "${elves[@]}" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p' | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -v '^$' | sort -u)"
declared="$(sed -n 's/^Depends: //p' "$CONTROL" | tr ',|' '\n\n' | sed 's/^ *//; s/ .*//' | sort -u)"
missing="$(comm -23 <(echo "$needed") <(echo "$declared"))"
if [ -n "$missing" ]; then
  echo "В packaging/debian/control.in не хватает зависимостей:" $missing >&2
  exit 1
fi
echo "Зависимости в порядке: $(echo "$needed" | wc -l) пакетов из dpkg-shlibdeps есть в Depends"
