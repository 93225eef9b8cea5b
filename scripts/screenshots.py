"""Remake the window's screenshots in docs/screenshots/ at 1366×768 (``make screenshots``).

Every page of the main window and its main dialogs, offscreen, on the demo district as of
a fixed date, so that two runs give the same pictures. For each picture it prints the
texts that do not fit their labels or buttons (tests/fit_helpers.cut_texts), to be looked at.
The import preview needs the fixtures in ../shared/fixtures beside the checkout: without
them that picture is skipped with a note. The order and report PDFs' pages are made by
scripts/order_screenshots.py.

Run: .venv/bin/python scripts/screenshots.py [--out DIR] [NAME …]
(NAME: only the pictures named so; DIR: elsewhere than docs/screenshots)
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402

from desktop.app import make_application  # noqa: E402
from desktop.models.database import Database, open_database  # noqa: E402
from desktop.services.demo import create_demo  # noqa: E402
from desktop.ui.dialogs import ScriptedDialogs  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from tests.fit_helpers import cut_texts  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SCREEN = (1366, 768)
#: «today» in every picture: the demo district in mid-March of its year
TODAY = dt.date(2026, 3, 16)
FIXTURE = ROOT.parent / "shared" / "fixtures" / "kaliningrad-region-2023.docx"
PROPERTY_TABS = ("main", "passport", "indicators", "appendices", "layout", "points", "columns")


class Shots:
    """Saves pictures and reports what is cut in them."""

    def __init__(self, only: set[str], out: Path = OUT) -> None:
        self.only = only
        self.out = out
        self.saved: list[str] = []
        self.notes: list[str] = []

    def wanted(self, name: str) -> bool:
        return not self.only or name in self.only

    def save(self, widget: QWidget, name: str) -> None:
        if not self.wanted(name):
            return
        for _ in range(3):
            QApplication.processEvents()
        size = widget.size()
        if size.width() > SCREEN[0] or size.height() > SCREEN[1]:
            self.notes.append(f"{name}: {size.width()}×{size.height()} — больше экрана 1366×768")
        widget.grab().save(str(self.out / f"{name}.png"))
        self.saved.append(name)
        for text in cut_texts(widget):
            self.notes.append(f"{name}: не помещается «{' '.join(text.split())[:80]}»")

    def dialog(self, dialog: QDialog, name: str) -> None:
        dialog.show()
        dialog.resize(dialog.size().boundedTo(dialog.screen().availableSize()))
        self.save(dialog, name)
        dialog.close()


def demo_database(folder: Path) -> Database:
    database = open_database(folder / "demo.db", create=True)
    create_demo(database, year=TODAY.year, today=TODAY)
    return database


def window_on(database: Database) -> MainWindow:
    window = MainWindow(database, dialogs=ScriptedDialogs())
    window.resize(*SCREEN)
    window.show()
    QTest.qWait(400)  # the window shows its reminders panel 300 ms after the first page
    window.show_reminders(TODAY)
    return window



def pages(window: MainWindow, shots: Shots) -> None:
    roadmaps = window.show_page("roadmaps")
    roadmaps.set_today(TODAY)
    window.update_status()
    shots.save(window, "main")  # the editor with the timeline beside it
    roadmaps.toggle_timeline()
    shots.save(window, "editor")
    roadmaps.toggle_timeline()
    for key in ("schools", "directories", "orders", "checklist"):
        page = window.show_page(key)
        if hasattr(getattr(page, "model", None), "today"):
            page.model.today = TODAY
            page.reload()
        window.update_status()
        shots.save(window, key)
    directories = window.show_page("directories")
    directories.tabs.setCurrentWidget(directories.calendar)
    combo = directories.calendar.year_combo
    combo.setCurrentIndex(combo.findData(TODAY.year - 1))  # the school year of TODAY
    shots.save(window, "school-calendar")  # the quarters, holidays and half-years of a year
    directories.tabs.setCurrentIndex(0)
    reports = window.show_page("reports")
    reports.set_day(TODAY)
    shots.save(window, "reports")
    window.show_page("roadmaps")


def dialogs(window: MainWindow, shots: Shots) -> None:
    from desktop.ui.new_roadmap import NewRoadmapDialog
    from desktop.ui.registry.model import IdRole
    from desktop.ui.roadmap_properties import RoadmapPropertiesDialog
    from desktop.ui.welcome import WelcomeDialog

    database = window.database
    roadmap_id = window.show_page("roadmaps").current_roadmap_id()
    properties = RoadmapPropertiesDialog(database, roadmap_id, window)
    properties.show()
    for index, slug in enumerate(PROPERTY_TABS[:properties.tabs.count()]):
        properties.tabs.setCurrentIndex(index)
        shots.save(properties, f"properties-{slug}")
    properties.close()
    shots.dialog(NewRoadmapDialog(database, window, today=TODAY), "new-roadmap")
    shots.dialog(WelcomeDialog(window), "welcome")
    schools = window.show_page("schools")
    schools.run_dialog = lambda dialog: shots.dialog(dialog, "school-card") or False
    schools.open_card(schools.table.proxy.index(0, 0).data(IdRole))
    import_preview(window, shots)


def details(window: MainWindow, shots: Shots) -> None:
    """The editor's «Школы…» for four selected items, numbers marked as they clash, a
    checklist cell's history, the order's preview at the panel's width."""
    from sqlalchemy import select

    from desktop.models import Item

    editor = window.show_page("roadmaps")
    editor.set_today(TODAY)
    if shots.wanted("schools-dialog"):
        nodes = editor.model.item_nodes()
        editor.select_keys([("item", n.id) for n in nodes[10:14]], ("item", nodes[13].id))
        editor.controller.actions["schools"].trigger()
        shots.save(editor.controller.schools_dialog, "schools-dialog")
        editor.controller.schools_dialog.reject()
    if shots.wanted("editor-numbers"):
        with window.database.session() as session:  # 2.4 typed as 2.3
            session.scalar(select(Item).where(Item.number == "2.4")).number = "2.3"
        editor.rebuild()
        editor.toggle_timeline()
        shots.save(window, "editor-numbers")
        editor.toggle_timeline()
        editor.controller.renumber()
        window.undo_stack.clear()
    if shots.wanted("checklist-history"):
        checklist = window.show_page("checklist")
        checklist.view.setCurrentIndex(checklist.model.index(5, 5))
        checklist.view.setFocus()
        for _ in range(3):  # done, not started, done: three lines of history
            QTest.keyClick(checklist.view, Qt.Key.Key_Space)
        window.update_status()
        shots.save(window, "checklist-history")
        for _ in range(3):
            window.undo_stack.undo()
    if shots.wanted("order-preview"):
        orders = window.show_page("orders")
        orders.output.preview()
        QTest.qWait(300)  # the preview fits the panel's width once shown
        shots.save(window, "order-preview")
    window.show_page("roadmaps")


def import_preview(window: MainWindow, shots: Shots) -> None:
    if not shots.wanted("import-preview"):
        return
    if not FIXTURE.exists():
        print(f"Нет образца {FIXTURE}: снимок import-preview пропущен")
        return
    from desktop.ui.importing.flow import import_roadmap_file

    def capture(dialog: QDialog) -> bool:
        dialog.resize(min(SCREEN[0] - 60, max(dialog.width(), 1100)), SCREEN[1] - 80)
        shots.dialog(dialog, "import-preview")
        return False

    import_roadmap_file(window, window.database, window.changes, window.undo_stack,
                        window.dialogs, FIXTURE, capture)


def district_roadmap(window: MainWindow, folder: Path, shots: Shots) -> None:
    """The demo district's own package imported, its roadmap opened from «Районы»: the
    editor read-only (last: the file then holds a district)."""
    if not shots.wanted("region-roadmap"):
        return
    from desktop.export.package import write_package
    from desktop.importers.package import read_package
    from desktop.services.region_import import import_package

    database = window.database
    with database.write_session() as session:
        package = write_package(session, folder / "demo.dkp", now=dt.datetime(2026, 3, 2))
    with database.write_session() as session:
        import_package(session, read_package(package), database.path)
    region = window.show_page("region")
    region.reload()
    region.table.view.setCurrentIndex(region.table.proxy.index(0, 0))
    editor = window.show_page("roadmaps")
    region.open_current("roadmaps")
    editor.set_today(TODAY)
    editor.select_item(editor.model.item_nodes()[3].id, 2)
    window.update_status()
    shots.save(window, "region-roadmap")


def restore_summary(window: MainWindow, folder: Path, shots: Shots) -> None:
    """The question before a restore, over the window as the user sees it (1366×768)."""
    if not shots.wanted("restore-summary"):
        return
    from PySide6.QtGui import QColor, QPainter

    from desktop.models.backups import backup_database
    from desktop.services import evidence
    from desktop.services.backup import backup_with_report, current_counts, read_copy
    from desktop.ui.restore_summary import RestoreSummaryDialog

    work = folder / "restore"  # a district of its own: the window's file stays as it is
    db_path = backup_database(window.database.path, work / "roadmaps.db")
    district = open_database(db_path, create=False)
    with district.session() as session:
        for n, name in enumerate(("Приказ № 12 от 10.02.2026.pdf", "Протокол совещания.docx",
                                  "План ШНОР.xlsx")):
            (work / name).write_bytes(name.encode() * (400 + 300 * n))
            evidence.store_file(session, db_path, work / name)
        session.commit()
    district.close()
    archive = backup_with_report(db_path, folder / "roadmaps-2026-03-16.dkbak").path
    with sqlite3.connect(db_path) as conn:  # a bad day after the copy: items deleted
        conn.execute("DELETE FROM items WHERE id IN (SELECT id FROM items ORDER BY id DESC "
                     "LIMIT 6)")
    window.show_page("roadmaps")
    with read_copy(db_path, archive) as staged:
        dialog = RestoreSummaryDialog(staged.summary, current_counts(db_path), window)
        dialog.show()
        QApplication.processEvents()
        screen = window.grab()
        painter = QPainter(screen)
        painter.fillRect(screen.rect(), QColor(0, 0, 0, 70))  # the window behind the modal
        picture = dialog.grab()
        left = (screen.width() - picture.width()) // 2
        top = (screen.height() - picture.height()) // 2
        painter.drawPixmap(left, top, picture)
        painter.setPen(QColor("#707070"))
        painter.drawRect(left - 1, top - 1, picture.width() + 1, picture.height() + 1)
        painter.end()
        screen.save(str(shots.out / "restore-summary.png"))
        shots.saved.append("restore-summary")
        for text in cut_texts(dialog):
            shots.notes.append(f"restore-summary: не помещается «{' '.join(text.split())[:80]}»")
        dialog.close()


def empty_database(folder: Path, shots: Shots) -> None:
    database = open_database(folder / "empty.db", create=True)
    window = window_on(database)
    shots.save(window, "empty-database")
    window.close()
    database.close()


def main(argv: list[str]) -> int:
    out = OUT
    if argv[:1] == ["--out"]:
        out, argv = Path(argv[1]), argv[2:]
    app = make_application()
    shots = Shots(set(argv), out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = demo_database(folder)
        window = window_on(database)
        steps: list[Callable[[], None]] = [lambda: pages(window, shots),
                                           lambda: dialogs(window, shots),
                                           lambda: restore_summary(window, folder, shots),
                                           lambda: details(window, shots),
                                           lambda: district_roadmap(window, folder, shots),
                                           lambda: empty_database(folder, shots)]
        for step in steps:
            step()
        window.close()
        database.close()
    app.processEvents()
    print(f"Снимков: {len(shots.saved)} в {out}: {', '.join(shots.saved)}")
    for note in shots.notes:
        print(f"  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
