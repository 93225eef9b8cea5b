#!/usr/bin/env bash
# The .deb on a clean system, as a new user gets it: for each Debian release named (default:
# bookworm trixie), mmdebstrap makes a minimal root (--variant=apt), apt installs
# dist/dorozhnaya-karta_*_amd64.deb there with the libraries its Depends line names, and the
# installed program runs inside it: demo, list, export order (PDF), export docx (Word),
# export xlsx and the window's screenshot (offscreen). The outputs are copied out and read
# back here (pdftotext, python-docx, openpyxl); then the package is removed and nothing of
# it may stay in /opt or /usr. Needs root and Debian's package mirror; part of
# `make test-bundle`. Usage: scripts/test-deb-install.sh [SUITE...]
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
DEB="$(ls "$ROOT"/dist/dorozhnaya-karta_*_amd64.deb 2>/dev/null | tail -n1)"
[ -n "$DEB" ] || { echo "Нет dist/dorozhnaya-karta_*_amd64.deb: сначала make deb" >&2; exit 2; }
command -v mmdebstrap >/dev/null || { echo "Нет mmdebstrap (apt-get install mmdebstrap)" >&2; exit 2; }
SUITES=("$@")
[ ${#SUITES[@]} -gt 0 ] || SUITES=(bookworm trixie)

# run inside the new root, as its user would: the launcher on the PATH, Qt offscreen
INSIDE='set -e
export HOME=/root QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
cd /root && mkdir -p out
dorozhnaya-karta demo --db "/root/Мой район.db" > out/demo.txt
dorozhnaya-karta list --db "/root/Мой район.db" > out/list.txt
dorozhnaya-karta export order --db "/root/Мой район.db" --roadmap 1 -o "out/Приказ.pdf"
dorozhnaya-karta export docx --db "/root/Мой район.db" --roadmap 1 -o "out/Приказ.docx"
dorozhnaya-karta export xlsx --db "/root/Мой район.db" --roadmap 1 -o "out/Дорожная карта.xlsx"
dorozhnaya-karta --db "/root/Мой район.db" --screenshot out/window.png
dorozhnaya-karta --help > out/help.txt'
REMOVED='set -e
apt-get remove -y -q dorozhnaya-karta > /dev/null
left="$(ls -d /opt/dorozhnaya-karta /usr/bin/dorozhnaya-karta /usr/share/applications/dorozhnaya-karta.desktop 2>/dev/null || true)"
[ -z "$left" ] || { echo "после удаления осталось: $left" >&2; exit 1; }'

failures=0
for suite in "${SUITES[@]}"; do
  out="$(mktemp -d)"
  echo "== Debian $suite: установка $(basename "$DEB")"
  if mmdebstrap --variant=apt --quiet "$suite" /dev/null \
      --customize-hook="copy-in $DEB /tmp" \
      --customize-hook="chroot \"\$1\" sh -c 'apt-get install -y -q /tmp/$(basename "$DEB") > /tmp/apt.log'" \
      --customize-hook="chroot \"\$1\" sh -c '$INSIDE'" \
      --customize-hook="copy-out /root/out $out" \
      --customize-hook="chroot \"\$1\" sh -c '$REMOVED'" \
      && "$PY" - "$out/out" <<'EOF'
import sys
from pathlib import Path
import subprocess
from docx import Document
from openpyxl import load_workbook

out = Path(sys.argv[1])
assert "Демонстрационный район создан" in (out / "demo.txt").read_text(encoding="utf-8")
assert "мероприятий: 39" in (out / "list.txt").read_text(encoding="utf-8")
help_text = (out / "help.txt").read_text(encoding="utf-8")
assert help_text.startswith("Использование: dorozhnaya-karta"), help_text[:80]
assert "--screenshot FILE.png" in help_text
pdf = subprocess.run(["pdftotext", str(out / "Приказ.pdf"), "-"], capture_output=True,
                     text=True, check=True).stdout
assert "ПРИКАЗ" in pdf and "Назначение кураторов" in pdf
word = Document(str(out / "Приказ.docx"))
cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
assert any("Назначение кураторов" in c for c in cells)
book = load_workbook(out / "Дорожная карта.xlsx", read_only=True)
assert any("Назначение кураторов" in str(c) for ws in book.worksheets
           for row in ws.iter_rows(values_only=True) for c in row if c)
png = (out / "window.png").read_bytes()
assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 30_000
print("ok: приказ PDF и Word, Excel, окно, справка, удаление")
EOF
  then
    echo "ok: Debian $suite"
  else
    echo "ОШИБКА: Debian $suite" >&2
    failures=$((failures + 1))
  fi
  rm -rf "$out"
done
exit $failures
