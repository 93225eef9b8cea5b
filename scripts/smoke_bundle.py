"""Smoke test of the built program, one script for both platforms.

``make test-bundle`` (Linux): the bundle folder ``dist/dorozhnaya-karta/`` and the program
unpacked from ``dist/dorozhnaya-karta_*.deb``, each run with an empty environment and a
PATH on which there is no Python. ``make test-windows`` (``--windows``): the Windows bundle
``dist/windows/dorozhnaya-karta/`` under Wine, then the installer: a silent install into a
fresh Wine prefix, one run of the installed program, a silent uninstall.

Every copy runs the same work in a folder whose name has Russian letters and spaces:
``demo``, ``list``, ``import`` of a Word roadmap from ``../shared/fixtures/``, every export
(``xlsx``, ``order``, ``docx``, ``gantt`` PDF and PNG, ``report`` PDF and Excel, ``forms``,
``package``, and ``region`` after importing that package into a second database), ``backup``
and ``restore``, a start that must show the first page before SQLAlchemy loads, a server
address that must reach psycopg and libpq, and the window's ``--screenshot`` at 1366×768.
Each output is read back (openpyxl, python-docx, pdftotext, pdffonts, the PNG's size).
Slow (a build comes first), so not part of ``make test``. Exit 0 when all passes; otherwise
the failures are listed. Options: ``--windows``, ``--keep DIR`` (keep the outputs there).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smoke_platforms import (
    NAME,
    Failed,
    LinuxProgram,
    Program,
    WindowsProgram,
    check,
    check_libraries,
    unpack_deb,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT.parent / "shared" / "fixtures"
#: a published roadmap as a Word table; its title as printed in the sample text
WORD_ROADMAP = "kaliningrad-region-2023.docx"
WORD_ROADMAP_TITLE = "План-график «дорожная карта» по оказанию адресной методической помощи"
RUSSIAN_DATE = re.compile(
    r"\d{1,2}\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
    r"|ноября|декабря)\s+\d{4}")
#: the work folder's name: Russian letters and spaces, as on a coordinator's PC
WORK_FOLDER = "Отдел образования 2026"
VIEWS = ("roadmaps", "orders", "checklist", "reports")


def tool(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def read_xlsx_text(path: Path) -> list[str]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return [str(c) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                for c in row if c]
    finally:
        book.close()


def read_docx_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    headers = [p.text for section in document.sections for p in section.header.paragraphs]
    return "\n".join([*(p.text for p in document.paragraphs), *cells, *headers])


def check_pdf(path: Path, *phrases: str) -> str:
    text = tool("pdftotext", str(path), "-")
    for phrase in phrases:
        check(phrase in text, f"{path.name}: нет текста «{phrase}»")
    check("LiberationSerif" in tool("pdffonts", str(path)) or "Liberation" in tool(
        "pdffonts", str(path)), f"{path.name}: шрифт Liberation не встроен")
    return text


def check_png(path: Path, size: tuple[int, int] | None = None, least: int = 30_000) -> None:
    """A PNG (of ``size`` pixels) with real content (an empty window compresses to ~5 KB)."""
    data = path.read_bytes()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name}: не PNG")
    width, height = struct.unpack(">II", data[16:24])
    check(size is None or (width, height) == size, f"снимок {path.name}: {width}×{height}")
    check(len(data) > least, f"снимок {path.name} почти пуст ({len(data)} байт)")


def smoke(program: Program, work: Path) -> None:
    """The whole round of sub-commands in ``work``, every output read back."""
    work.mkdir(parents=True, exist_ok=True)
    help_text = program.run(["--help"]).stdout
    check(help_text.startswith(f"Использование: {program.cli.stem} ")
          and "--screenshot FILE.png" in help_text,
          f"--help: не то имя программы или нет параметров окна: {help_text[:120]!r}")
    db = work / "демо база.db"
    out = program.run(["demo", "--db", db]).stdout
    check("Демонстрационный район создан" in out, f"demo: {out!r}")
    listing = program.run(["list", "--db", db]).stdout
    check("Муниципальная дорожная карта" in listing and "мероприятий: 39" in listing,
          f"list: нет демо-карты по-русски: {listing[:300]!r}")
    if isinstance(program, WindowsProgram):
        # a Western Windows: the pipe's code page (cp1252) has no Cyrillic, UTF-8 is written
        western = program.run(["list", "--db", db], env={"LC_ALL": "C.UTF-8"},
                              encoding="utf-8").stdout
        check("мероприятий: 39" in western, f"list в западной Windows: {western[:200]!r}")

    export_roadmap(program, work, db)
    import_word(program, work)
    exchange(program, work, db)
    backup_and_restore(program, work, db)
    window(program, work, db)


def export_roadmap(program: Program, work: Path, db: Path) -> None:
    xlsx = work / "Дорожная карта.xlsx"
    program.run(["export", "xlsx", "--db", db, "--roadmap", "1", "-o", xlsx])
    cells = read_xlsx_text(xlsx)
    check(len(cells) > 50 and any("Назначение кураторов" in c for c in cells),
          "export xlsx: в книге нет мероприятий дорожной карты")

    order = work / "Приказ.pdf"
    program.run(["export", "order", "--db", db, "--roadmap", "1", "-o", order])
    text = check_pdf(order, "Управление образования", "ПРИКАЗ")
    check(bool(RUSSIAN_DATE.search(text)), "export order: нет даты по-русски (babel)")

    word = work / "Приказ.docx"
    program.run(["export", "docx", "--db", db, "--roadmap", "1", "-o", word])
    text = read_docx_text(word)
    check("ПРИКАЗ" in text.upper() and "Назначение кураторов" in text,
          "export docx: в документе нет приказа с дорожной картой")
    roadmap_only = work / "Дорожная карта.docx"
    program.run(["export", "docx", "--db", db, "--roadmap", "1", "--roadmap-only",
                 "-o", roadmap_only])
    check("УТВЕРЖДАЮ" in read_docx_text(roadmap_only).upper(),
          "export docx --roadmap-only: нет грифа «УТВЕРЖДАЮ»")

    gantt_pdf, gantt_png = work / "График.pdf", work / "График.png"
    for target in (gantt_pdf, gantt_png):
        program.run(["export", "gantt", "--db", db, "--roadmap", "1", "-o", target])
    check("Назначение кураторов" in tool("pdftotext", str(gantt_pdf), "-"),
          "export gantt: в PDF нет мероприятий")
    check_png(gantt_png)

    report_pdf, report_xlsx = work / "Отчёт.pdf", work / "Отчёт.xlsx"
    for target in (report_pdf, report_xlsx):
        program.run(["export", "report", "--db", db, "--roadmap", "1", "--date", "2026-06-30",
                     "-o", target])
    check_pdf(report_pdf, "30.06.2026")
    check(any("Исполнение" in c or "исполнен" in c for c in read_xlsx_text(report_xlsx)),
          "export report: в книге нет исполнения")

    forms = work / "Формы школ"
    program.run(["export", "forms", "--db", db, "--roadmap", "1", "-o", forms])
    books = sorted(forms.glob("*.xlsx"))
    check(len(books) >= 5 and all(read_xlsx_text(book) for book in books),
          f"export forms: форм {len(books)}")


def import_word(program: Program, work: Path) -> None:
    """A published Word roadmap into a new database: the same items as the checkout reads."""
    source = work / "Прошлогодняя карта.docx"
    shutil.copyfile(FIXTURES / WORD_ROADMAP, source)
    db = work / "импорт.db"
    result = json.loads(program.run(["import", "--json", "--db", db, source]).stdout)
    check(result.get("roadmap_id") is not None and WORD_ROADMAP_TITLE in result.get("title", ""),
          f"import: {result}")
    expected = json.loads(subprocess.run(
        [sys.executable, "-m", "desktop", "import", "--json", "--dry-run", str(source)],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    check(result["items"] == expected["items"] and result["sections"] == expected["sections"],
          f"import: {result['items']} мероприятий, {result['sections']} разделов "
          f"(из папки проекта: {expected['items']}, {expected['sections']})")
    out = work / "Импортированная.docx"
    program.run(["export", "docx", "--db", db, "--roadmap", str(result["roadmap_id"]),
                 "--roadmap-only", "-o", out])
    check(WORD_ROADMAP_TITLE in read_docx_text(out), "импортированная карта не выгружается в Word")


def exchange(program: Program, work: Path, db: Path) -> None:
    """The district's package, imported into a region's database, and the region's summary."""
    package = work / "Пакет района.dkp"
    program.run(["export", "package", "--db", db, "-o", package])
    region = work / "регион.db"
    out = program.run(["import", "--db", region, package]).stdout
    check("Мероприятий в пакете: 39" in out, f"import package: {out!r}")
    summary = work / "Сводка региона.xlsx"
    program.run(["export", "region", "--db", region, "--date", "2026-06-30", "-o", summary])
    check(any("Краснолесск" in c for c in read_xlsx_text(summary)),
          "export region: в сводке нет района")


def backup_and_restore(program: Program, work: Path, db: Path) -> None:
    copy = work / "Флешка" / "копия базы.db"
    copy.parent.mkdir(exist_ok=True)
    program.run(["backup", "--db", db, "-o", copy])
    check(copy.stat().st_size > 10_000, "backup: копия пуста")
    out = program.run(["restore", "--db", db, copy]).stdout
    check("восстановлена" in out, f"restore: {out!r}")
    check("мероприятий: 39" in program.run(["list", "--db", db]).stdout,
          "после восстановления нет дорожной карты")


def window(program: Program, work: Path, db: Path) -> None:
    start = program.run(["--db", db, "--exit-after-paint"]).stdout
    marks = dict(line.partition(" ")[::2] for line in start.splitlines())
    check(marks.get("loaded-at-data-shown") == "" and "database-open" in marks
          and "sqlalchemy" in marks.get("loaded-at-database-open", ""),
          f"запуск: первая страница не показана до загрузки SQLAlchemy: {start!r}")
    server = program.run(["list", "--db", "postgresql+psycopg://nobody@127.0.0.1:9/x"],
                         expect=2)
    check("Не удалось подключиться" in server.stderr,
          f"база на сервере: psycopg не загрузился: {server.stderr[-400:]}")
    for view in VIEWS:
        shot = work / f"окно-{view}.png"
        program.run(["--db", db, "--screenshot", shot, "--view", view], window=True)
        check_png(shot, (1366, 768))


def run_on_x11(program: Path, db: Path, work: Path) -> None:
    """The Linux window on a real X server (Xvfb) through Qt's xcb plugin, as on Astra
    Linux: this is where missing xcb libraries would show."""
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


def linux_copies(tmp: Path) -> list[tuple[Program, Path]]:
    bundle = ROOT / "dist" / NAME
    check((bundle / NAME).is_file(), f"нет программы {bundle / NAME}: сначала make build")
    folders = [("папка", bundle)]
    debs = sorted(glob.glob(str(ROOT / "dist" / f"{NAME}_*_amd64.deb")))
    check(bool(debs), "нет dist/*.deb: сначала make deb")
    folders.append(("deb", unpack_deb(Path(debs[-1]), tmp / "deb-root")))
    copies = []
    for label, folder in folders:
        home = tmp / label
        copies.append((LinuxProgram(cli=folder / NAME, window=folder / NAME, home=home,
                                    label=f"{label} ({folder})"), folder))
    return copies


def run_linux(tmp: Path) -> list[str]:
    failures = []
    for program, folder in linux_copies(tmp):
        try:
            check_libraries(folder)
            work = program.home / WORK_FOLDER
            smoke(program, work)
            run_on_x11(program.window, work / "демо база.db", work)
            print(f"ok: {program.label}", flush=True)
        except (Failed, subprocess.SubprocessError, OSError, ValueError) as exc:
            failures.append(f"{program.label}: {exc}")
    return failures


def run_windows(tmp: Path) -> list[str]:
    from smoke_windows import installer_round, windows_bundle

    failures = []
    try:
        program = windows_bundle(ROOT, tmp)
        smoke(program, program.home / WORK_FOLDER)
        print(f"ok: {program.label}", flush=True)
    except (Failed, subprocess.SubprocessError, OSError, ValueError) as exc:
        failures.append(f"Windows, папка: {exc}")
    try:
        installer_round(ROOT, tmp)
        print("ok: установщик Windows", flush=True)
    except (Failed, subprocess.SubprocessError, OSError, ValueError) as exc:
        failures.append(f"Windows, установщик: {exc}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", action="store_true", help="the Windows build under Wine")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="smoke-") as scratch:
        tmp = args.keep.resolve() if args.keep else Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        try:
            failures = run_windows(tmp) if args.windows else run_linux(tmp)
        except Failed as exc:
            failures = [str(exc)]
    for failure in failures:
        print(f"ОШИБКА: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
