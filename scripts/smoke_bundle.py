"""Smoke test of the built program (``make test-bundle``): the bundle folder and the .deb.

For each copy of the program — ``dist/dorozhnaya-karta/`` and the program unpacked from
``dist/dorozhnaya-karta_*.deb`` with ``dpkg-deb -x`` — it runs, with an empty environment
and a PATH on which there is no Python (``env -i``, an empty folder): ``demo``,
``export xlsx``, ``export order``, ``export gantt`` (PDF and PNG), a start that must show
the first page before SQLAlchemy loads (``--exit-after-paint``), a server address that
must reach psycopg and the system's libpq (nothing listens there: «Не удалось
подключиться»), and a ``--screenshot`` start offscreen and on an X server (Xvfb, Qt's
xcb plugin). It reads every output back (openpyxl, pdftotext, pdffonts, Qt) and checks
that every library the bundle's binaries need is found. Slow (a build comes first), so it
is not part of ``make test``. Exit 0 when all passes; otherwise the failures are listed.
"""

from __future__ import annotations

import glob
import os
import re
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "dorozhnaya-karta"
RUSSIAN_DATE = re.compile(
    r"\d{1,2}\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
    r"|ноября|декабря)\s+\d{4}")


class Failed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def run_program(program: Path, args: list[str], home: Path,
                expect: int = 0) -> subprocess.CompletedProcess:
    """The program with nothing inherited: no Python, no venv, no PYTHONPATH on hand."""
    empty_bin = home / "empty-bin"
    empty_bin.mkdir(exist_ok=True)
    env = {"PATH": str(empty_bin), "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "LANG": "C.UTF-8", "DOROZHNAYA_KARTA_DATA": str(home / "data")}
    result = subprocess.run([str(program), *args], env=env, cwd=home, capture_output=True,
                            text=True, timeout=120)
    check(result.returncode == expect,
          f"{program.name} {' '.join(args)} → код {result.returncode}: {result.stderr[-800:]}")
    return result


def tool(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def check_libraries(bundle: Path) -> None:
    """Every ELF file's libraries resolve (the bundle's own, or the system's)."""
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    missing = set()
    for path in [bundle / NAME, *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
        missing.update(f"{path.name}: {line.split()[0]}" for line in out.splitlines()
                       if "not found" in line)
    check(not missing, "не найдены библиотеки: " + "; ".join(sorted(missing)[:10]))
    libpython = subprocess.run(["ldd", str(bundle / NAME)], env=env, capture_output=True,
                               text=True).stdout
    check("libpython" not in libpython or str(internal) in libpython,
          "программа берёт libpython не из своей папки")


def smoke(program: Path, work: Path) -> None:
    """Run every sub-command of ``program`` in ``work`` and read the outputs back."""
    from openpyxl import load_workbook

    work.mkdir(parents=True, exist_ok=True)
    db = work / "demo.db"
    run_program(program, ["demo", "--db", str(db)], work)
    check(db.stat().st_size > 0, "demo: база не создана")

    xlsx = work / "roadmap.xlsx"
    run_program(program, ["export", "xlsx", "--db", str(db), "--roadmap", "1", "-o", str(xlsx)],
                work)
    book = load_workbook(xlsx, read_only=True, data_only=True)
    cells = [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
             for c in row if c]
    check(len(cells) > 50 and any(re.search("[а-яё]{5}", c) for c in cells),
          "export xlsx: в книге нет текста дорожной карты")

    order = work / "order.pdf"
    run_program(program, ["export", "order", "--db", str(db), "--roadmap", "1", "-o", str(order)],
                work)
    text = tool("pdftotext", str(order), "-")
    check("Управление образования" in text, "export order: нет шапки приказа")
    check(bool(RUSSIAN_DATE.search(text)), "export order: нет даты по-русски (babel)")
    fonts = tool("pdffonts", str(order))
    check("LiberationSerif" in fonts, "export order: шрифт Liberation не встроен")

    gantt_pdf, gantt_png = work / "gantt.pdf", work / "gantt.png"
    for target in (gantt_pdf, gantt_png):
        run_program(program, ["export", "gantt", "--db", str(db), "--roadmap", "1", "-o",
                              str(target)], work)
    check("Срок" in tool("pdftotext", str(gantt_pdf), "-") or gantt_pdf.stat().st_size > 10_000,
          "export gantt: PDF пуст")
    check(gantt_png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", "export gantt: не PNG")

    start = run_program(program, ["--db", str(db), "--exit-after-paint"], work).stdout
    marks = dict(line.partition(" ")[::2] for line in start.splitlines())
    check(marks.get("loaded-at-data-shown") == "" and "database-open" in marks
          and "sqlalchemy" in marks.get("loaded-at-database-open", ""),
          f"запуск: первая страница не показана до загрузки SQLAlchemy: {start!r}")
    server = run_program(program, ["list", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/x"],
                         work, expect=2)
    check("Не удалось подключиться" in server.stderr,
          f"база на сервере: psycopg не загрузился: {server.stderr[-400:]}")

    for view in ("roadmaps", "orders"):
        shot = work / f"window-{view}.png"
        run_program(program, ["--db", str(db), "--screenshot", str(shot), "--view", view], work)
        check_png(shot, (1366, 768))
    run_on_x11(program, db, work)


def run_on_x11(program: Path, db: Path, work: Path) -> None:
    """The window on a real X server (Xvfb) through Qt's xcb plugin, as on Astra Linux:
    this is where missing xcb libraries would show."""
    shot = work / "window-x11.png"
    inner = ('exec env -i PATH="$EMPTY_BIN" HOME="$HOME_DIR" LANG=C.UTF-8 DISPLAY="$DISPLAY" '
             'XAUTHORITY="$XAUTHORITY" QT_QPA_PLATFORM=xcb "$@"')
    env = dict(os.environ, EMPTY_BIN=str(work / "empty-bin"), HOME_DIR=str(work))
    result = subprocess.run(
        ["xvfb-run", "-a", "sh", "-c", inner, "sh", str(program), "--db", str(db),
         "--screenshot", str(shot)], env=env, cwd=work, capture_output=True, text=True,
        timeout=120)
    check(result.returncode == 0, f"окно на X11 (xcb): код {result.returncode}: "
                                  f"{result.stderr[-800:]}")
    check_png(shot, (1366, 768))


def check_png(path: Path, size: tuple[int, int]) -> None:
    """A PNG of ``size`` pixels with real content (an empty window compresses to ~5 KB)."""
    data = path.read_bytes()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name}: не PNG")
    width, height = struct.unpack(">II", data[16:24])
    check((width, height) == size, f"снимок окна {path.name}: {width}×{height}")
    check(len(data) > 30_000, f"снимок окна {path.name} почти пуст ({len(data)} байт)")


def unpack_deb(deb: Path, target: Path) -> Path:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    launcher = (target / "usr" / "bin" / NAME).read_text()
    check(f"/opt/{NAME}/{NAME}" in launcher, "запускатель не ведёт в /opt")
    check((target / "usr" / "share" / "applications" / f"{NAME}.desktop").is_file(),
          "нет .desktop")
    check((target / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
           / f"{NAME}.svg").is_file(), "нет значка")
    return target / "opt" / NAME


def main() -> int:
    bundle = ROOT / "dist" / NAME
    debs = sorted(glob.glob(str(ROOT / "dist" / f"{NAME}_*_amd64.deb")))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        copies = [("папка", bundle)]
        if debs:
            copies.append((".deb", unpack_deb(Path(debs[-1]), Path(tmp) / "deb")))
        else:
            failures.append("нет dist/*.deb: сначала make deb")
        for label, folder in copies:
            try:
                check((folder / NAME).is_file(), f"нет программы {folder / NAME}")
                check_libraries(folder)
                smoke(folder / NAME, Path(tmp) / label.strip("."))
                print(f"ok: {label} ({folder})")
            except (Failed, subprocess.SubprocessError, OSError) as exc:
                failures.append(f"{label}: {exc}")
    for failure in failures:
        print(f"ОШИБКА: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
