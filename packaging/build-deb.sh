#!/usr/bin/env bash
# Builds dist/dorozhnaya-karta_VERSION_amd64.deb from the one-folder bundle (`make build`).
#
#   /opt/dorozhnaya-karta/                      the bundle (program + its own Python)
#   /usr/bin/dorozhnaya-karta                   launcher on the PATH
#   /usr/share/applications/dorozhnaya-karta.desktop
#   /usr/share/icons/hicolor/*/apps/dorozhnaya-karta.{png,svg}
#   /usr/share/doc/dorozhnaya-karta/, man page, lintian overrides
#
# The Depends line is written by hand in packaging/debian/control.in (readable, reviewed);
# when dpkg-shlibdeps is installed (dpkg-dev) this script checks it against what the
# bundle's binaries really link to and stops if a package is missing from the list.
# Usage: packaging/build-deb.sh [BUNDLE_DIR] [OUT_DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUNDLE="${1:-$ROOT/dist/dorozhnaya-karta}"
OUT="${2:-$ROOT/dist}"
NAME=dorozhnaya-karta
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -n1)"
ARCH=amd64
PKG="$ROOT/packaging"

[ -x "$BUNDLE/$NAME" ] || { echo "Нет сборки $BUNDLE/$NAME: сначала make build" >&2; exit 2; }
[ -n "$VERSION" ] || { echo "Не найдена версия в pyproject.toml" >&2; exit 2; }

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT

install -d "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/doc/$NAME" "$STAGE/usr/share/man/man1" "$STAGE/usr/share/lintian/overrides" \
  "$STAGE/DEBIAN"
cp -a "$BUNDLE" "$STAGE/opt/$NAME"
install -m 0755 "$PKG/$NAME.sh" "$STAGE/usr/bin/$NAME"
install -m 0644 "$PKG/$NAME.desktop" "$STAGE/usr/share/applications/$NAME.desktop"
for png in "$ROOT"/resources/icons/"$NAME"-*.png; do
  size="$(basename "$png" .png)"; size="${size##*-}"
  install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$NAME.png"
done
install -D -m 0644 "$ROOT/resources/icons/$NAME.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$NAME.svg"
install -m 0644 "$PKG/debian/copyright" "$STAGE/usr/share/doc/$NAME/copyright"
sed "s/@VERSION@/$VERSION/" "$PKG/debian/changelog" | gzip -9n > "$STAGE/usr/share/doc/$NAME/changelog.gz"
gzip -9n < "$PKG/$NAME.1" > "$STAGE/usr/share/man/man1/$NAME.1.gz"
install -m 0644 "$PKG/debian/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$NAME"
# a package's files are root's and not group-writable, whatever the build user's umask;
# shared libraries are loaded, not run: 0644
chmod -R u+rwX,go+rX,go-w "$STAGE"
find "$STAGE/opt" -type f -name '*.so*' -exec chmod 0644 {} +
# data files that a wheel shipped executable (pytrovich's rules .json): not programs
find "$STAGE/opt" -type f \( -name '*.json' -o -name '*.txt' -o -name 'LICENSE*' \) -exec chmod 0644 {} +
# Python's extension modules keep the RUNPATH of the machine that built the interpreter
# (e.g. /root/.pyenv/…/lib): drop it, the bundle's loader finds libpython itself
if command -v patchelf >/dev/null 2>&1; then
  find "$STAGE/opt" -type f -name '*.so*' -print0 | while IFS= read -r -d '' lib; do
    runpath="$(patchelf --print-rpath "$lib" 2>/dev/null || true)"
    case "$runpath" in /*) patchelf --remove-rpath "$lib" ;; esac
  done
else
  echo "patchelf не установлен: RUNPATH модулей Python не очищен" >&2
fi

INSTALLED_SIZE="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$VERSION/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" \
  "$PKG/debian/control.in" > "$STAGE/DEBIAN/control"

if command -v dpkg-shlibdeps >/dev/null 2>&1; then
  echo "Проверяю зависимости (dpkg-shlibdeps)…"
  "$PKG/check-depends.sh" "$STAGE/opt/$NAME" "$STAGE/DEBIAN/control"
else
  echo "dpkg-shlibdeps не установлен (пакет dpkg-dev): зависимости не сверены" >&2
fi

mkdir -p "$OUT"
DEB="$OUT/${NAME}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "$DEB ($(du -h "$DEB" | cut -f1))"

if command -v lintian >/dev/null 2>&1; then
  lintian --tag-display-limit 0 "$DEB" || true
fi
