"""The main window: navigation on the left, the pages on the right, menus and a status bar.

It assembles the pages; it does not contain them. A page is built (and its module,
with the database layer behind it, imported) the first time it is shown, so the
window paints before SQLAlchemy is loaded. New pages are one line in ``PAGES``
(:mod:`desktop.ui.pages`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.changes import Changes
from desktop.ui.database_actions import DatabaseActions
from desktop.ui.dialogs import Dialogs
from desktop.ui.pages import NAV_KEY_ROLE, PAGES, dropped_file, key_sequences
from desktop.ui.roadmap_actions import RoadmapActions

if TYPE_CHECKING:
    from desktop.models.database import Database
    from desktop.ui.datasource import DataSource
    from desktop.ui.export_actions import ExportActions
    from desktop.ui.first_view import FirstViewSource, InputGate
    from desktop.ui.freshness import Freshness
    from desktop.ui.reports.reminders import RemindersPanel
    from desktop.ui.views.base import Page


class MainWindow(QMainWindow):
    def __init__(self, database: Database | None = None, *, dialogs: Dialogs | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.source: DataSource | None = None
        self.dialogs = dialogs or Dialogs()
        self.undo_stack = QUndoStack(self)
        self.changes = Changes(self)
        self.setWindowTitle(self.tr("Дорожная карта"))
        self.pages: dict[str, Page] = {}
        self.nav = QListWidget(self)
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget(self)
        self.placeholder = QWidget(self)
        centred = QHBoxLayout(self.placeholder)
        centred.addStretch(1)
        centred.addWidget(QLabel(self.tr("Открываю базу данных…"), self.placeholder))
        centred.addStretch(1)
        self.stack.addWidget(self.placeholder)
        for spec in PAGES:
            item = QListWidgetItem(self.tr(spec.title))
            item.setData(NAV_KEY_ROLE, spec.key)
            item.setSizeHint(QSize(180, 34))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(self)  # replaced by the read-only banner when needed
        self.banner.hide()
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)
        self.setCentralWidget(central)
        self.setAcceptDrops(True)  # a Word or Excel roadmap dropped here is imported
        self.page_status = QLabel(self)
        self.statusBar().addPermanentWidget(self.page_status)
        self.statusBar().showMessage(self.tr("Открываю базу данных…"))
        self.database_actions = DatabaseActions(
            self, self.dialogs, database=lambda: self.database,
            run_dialog=lambda dialog: self.run_dialog(dialog), reopen=self._reopen,
            profile_saved=self._show_title, changes=self.changes,
            push=self._push_command)
        self.roadmap_actions = RoadmapActions(self)
        self._build_menus()
        self.exports: ExportActions | None = None  # built with the database
        self.freshness: Freshness | None = None  # sees other users' changes (a server)
        self.reminders: RemindersPanel | None = None  # built with the database
        self._loaded: set[str] = set()
        self._gate: InputGate | None = None  # the first view's input gate
        self.nav.setCurrentRow(0)
        # after any edit or undo, pages other than the current one re-read when shown
        self.undo_stack.indexChanged.connect(self.forget_hidden_pages)
        # the counters follow every change, once the pages have taken it in
        for signal in (self.changes.itemsChanged, self.changes.roadmapChanged,
                       self.changes.referenceChanged, self.changes.ordersChanged,
                       self.undo_stack.indexChanged):
            signal.connect(self._status_soon)
        self.changes.editFailed.connect(self._edit_failed)
        if database is not None:
            self.attach_database(database)

    def show_first_view(self, source: FirstViewSource) -> None:
        """The first page from the quick read of :mod:`desktop.ui.first_view`, before the
        database is open: shown as it will be, taking no input until :meth:`attach_database`."""
        from desktop.ui.first_view import InputGate

        page: Any = self.page("roadmaps")
        # looking around (selecting, scrolling, filtering) at once; edits wait for the database
        self._first_view_read_only = page.model.read_only
        page.model.read_only = True
        self._gate = InputGate(self, views=(page.tree,), filters=(page.filter_bar,))
        self._show_source(source, source.authority_name())  # type: ignore[arg-type]

    def end_first_view(self) -> None:
        """Take input again (the database is open, or opening it failed)."""
        if self._gate is not None:
            self._gate.close()
            self._gate = None
            page: Any = self.page("roadmaps")
            page.model.read_only = self._first_view_read_only

    def attach_database(self, database: Database) -> None:
        """Show ``database``: the window can be painted before it is opened."""
        from desktop.ui.datasource import DataSource
        from desktop.ui.export_actions import ExportActions

        self.end_first_view()
        self.database = database
        if self.exports is None:
            self.exports = ExportActions(
                self, self.export_menu, self.dialogs, database=lambda: self.database,
                source=lambda: self.source, roadmap_id=self.current_roadmap_id,
                show_status=self.statusBar().showMessage, undo_stack=self.undo_stack,
                changes=self.changes)
        self.statusBar().showMessage(self.tr("База данных: {path}").format(path=database.location))
        source = DataSource(database)
        self._show_source(source, source.authority_name() or database.path.name)
        self._show_database_state(database)
        self._watch_others(database)
        QTimer.singleShot(300, self.show_reminders)  # after the first page is shown

    def _show_source(self, source: DataSource, name: str) -> None:
        """Every page reads from ``source`` (the current one at once); the title names the
        authority (or the file)."""
        self.source = source
        for page in self.pages.values():
            page.source = source
        if name:
            self.setWindowTitle(self.tr("Дорожная карта — {name}").format(name=name))
        self._loaded.clear()
        self._on_nav(self.nav.currentRow())

    def _edit_failed(self, message: str) -> None:
        """An undo or redo from the history was refused (another user's newer change): said
        once the undo stack is done, not from inside it."""
        QTimer.singleShot(0, lambda: self.dialogs.error(self, self.tr("Изменение не сохранено"),
                                                        message))

    def _watch_others(self, database: Database) -> None:
        """Re-read on activation when other users changed the shared database, and at once
        after a conflict (see :mod:`desktop.ui.freshness`)."""
        from desktop.ui.freshness import Freshness

        if self.freshness is not None:
            self.removeEventFilter(self.freshness)
            self.freshness.deleteLater()
        self.freshness = Freshness(database, self.reload_all, self)
        self.undo_stack.indexChanged.connect(self.freshness.remember)
        self.changes.conflictDetected.connect(self.freshness.reload_now,
                                              QtCore.Qt.ConnectionType.QueuedConnection)

    def show_reminders(self, today: dt.date | None = None) -> None:
        """The reminders panel (overdue, due this week): beside the pages, never blocking."""
        if self.database is None:
            return
        from desktop.services.report import reminders
        from desktop.ui.reports.reminders import RemindersPanel

        if self.reminders is None:
            self.reminders = RemindersPanel(self)
            self.reminders.itemActivated.connect(self.open_item)
            dock = QDockWidget(self.tr("Напоминания"), self)
            dock.setObjectName("reminders")
            dock.setWidget(self.reminders)
            self.reminders.setMaximumHeight(110)  # at 768 px the pages keep their rows
            self.addDockWidget(QtCore.Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        with self.database.reading() as session:
            entries = reminders(session, today or dt.date.today())
        self.reminders.set_entries(entries)
        self.reminders.parentWidget().setVisible(bool(entries))

    def open_item(self, roadmap_id: int, item_id: int) -> None:
        """Show the item in its roadmap (a link from the reminders or the reports)."""
        page = self.open_roadmap("roadmaps", roadmap_id)
        page.select_item(item_id)  # type: ignore[attr-defined]

    def open_roadmap(self, key: str, roadmap_id: int, day: dt.date | None = None) -> Page:
        """Show a roadmap on page ``key`` (roadmaps, checklist, reports) — a district's one
        too, read-only (from «Районы»); the report as of ``day`` when given."""
        page = self.show_page(key)
        if day is not None and hasattr(page, "set_day"):
            page.set_day(day)
        page.open_roadmap(roadmap_id)  # type: ignore[attr-defined]
        return page

    def _show_database_state(self, database: Database) -> None:
        """The read-only banner, and one warning for damaged values or repaired records."""
        if database.read_only:
            from desktop.ui.backup_dialogs import ReadOnlyBanner

            if not isinstance(self.banner, ReadOnlyBanner):
                banner = ReadOnlyBanner(self)
                self.centralWidget().layout().itemAt(1).layout().replaceWidget(self.banner, banner)
                self.banner.deleteLater()
                self.banner = banner
            self.banner.show_for(self.tr("файл защищён от записи или открыт в другом окне"))
        else:
            self.banner.hide()
        lines = [line for line in database.warnings() if "только для чтения" not in line]
        if lines:
            self.dialogs.info(self, self.tr("Проверка базы данных"), "\n\n".join(lines))

    def report_backup_failure(self, message: str) -> None:
        """A daily backup failed: say so in the status bar (it is in the log too)."""
        self.statusBar().showMessage(message)

    # -- pages -------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page named ``key``, built on first use."""
        page = self.pages.get(key)
        if page is None:
            spec = next((s for s in PAGES if s.key == key), None)
            if spec is None:
                raise KeyError(key)
            page = spec.build(self)
            page.source = self.source  # type: ignore[assignment]
            page.attach(self.undo_stack, self.changes, self.dialogs)
            page.statusChanged.connect(self._status_soon)
            if hasattr(page, "open_item"):  # the reports' links to items
                page.open_item = lambda item_id, p=page: self.open_item(p.combo.currentData(), item_id)
            if hasattr(page, "openRequested"):  # «Районы»: a district's roadmap on a page
                page.openRequested.connect(self.open_roadmap)
            self.pages[key] = page
            self.stack.addWidget(page)
        return page

    def _push_command(self, command: Any) -> bool:
        from desktop.ui.commands import push  # SQLAlchemy: loaded after the first paint

        return push(self.undo_stack, command, self.dialogs, self)

    def show_page(self, key: str) -> Page:
        """Switch to the page named ``key`` (roadmaps, schools, directories, orders, reports)."""
        row = next((n for n, s in enumerate(PAGES) if s.key == key), None)
        if row is None:
            raise KeyError(key)
        self.nav.setCurrentRow(row)
        self._on_nav(row)  # also when the row was current already
        return self.page(key)

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if widget is not self.placeholder else None  # type: ignore[return-value]

    def _on_nav(self, row: int) -> None:
        if row < 0 or self.source is None:
            return
        page = self.page(PAGES[row].key)
        self.stack.setCurrentWidget(page)
        if page.key not in self._loaded:
            page.reload()
            self._loaded.add(page.key)
        self.update_status()

    def _status_soon(self, *_args: object) -> None:
        QTimer.singleShot(0, self, self.update_status)

    def update_status(self) -> None:
        """The current page's counters in the status bar («Просрочено: 4», «Школ: 14»)."""
        current = self.current_page()
        self.page_status.setText(current.status_text() if current else "")

    def current_roadmap_id(self) -> int | None:
        page = self.pages.get("roadmaps")
        return page.current_roadmap_id() if page is not None else None  # type: ignore[attr-defined]

    def forget_hidden_pages(self) -> None:
        """Pages not shown re-read when next shown (a change elsewhere may concern them)."""
        current = self.current_page()
        self._loaded.intersection_update({current.key} if current else set())

    def reload_all(self) -> None:
        """Re-read every page that has been shown (F5)."""
        for key in list(self._loaded):
            self.pages[key].reload()
        self.update_status()

    # -- menus -------------------------------------------------------------
    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(key_sequences(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Файл"))
        self.import_action = self._action(
            self.tr("&Импорт: дорожная карта, форма школы, пакет района…"),
            lambda: self.import_file(None), "Ctrl+I")
        self.import_action.setStatusTip(self.tr(
            "Дорожная карта из Word, Excel или LibreOffice, заполненная форма школы (.xlsx), "
            "пакет района (.dkp)"))
        self.file_menu.addAction(self.import_action)
        self.export_menu = self.file_menu.addMenu(self.tr("&Экспорт"))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("Создать базу…"),
                                              self.database_actions.create_database))
        self.file_menu.addAction(self._action(self.tr("Открыть базу…"),
                                              self.database_actions.open_other_database,
                                              QKeySequence.StandardKey.Open))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("Профиль управления образования…"),
                                              self.database_actions.edit_profile))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("Резервная копия…"),
                                              self.database_actions.make_backup))
        self.file_menu.addAction(self._action(self.tr("Восстановить из копии…"),
                                              self.database_actions.restore_from_copy))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self._action(self.tr("В&ыход"), self.close,
                                              QKeySequence.StandardKey.Quit))

        self.roadmap_menu = bar.addMenu(self.tr("&Дорожная карта"))
        self.roadmap_menu.addAction(self._action(self.tr("Новая дорожная карта…"),
                                                 self.new_roadmap, QKeySequence.StandardKey.New))
        self.roadmap_menu.addAction(self._action(self.tr("Свойства дорожной карты…"),
                                                 self.roadmap_properties, "Ctrl+Shift+P"))

        self.edit_menu = bar.addMenu(self.tr("&Правка"))
        undo = self.undo_stack.createUndoAction(self, self.tr("Отменить"))
        undo.setShortcuts(key_sequences(QKeySequence.StandardKey.Undo))
        redo = self.undo_stack.createRedoAction(self, self.tr("Повторить"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)

        self.view_menu = bar.addMenu(self.tr("&Вид"))
        for n, spec in enumerate(PAGES, 1):
            self.view_menu.addAction(self._action(
                self.tr(spec.title), lambda _=False, k=spec.key: self.show_page(k), f"Ctrl+{n}"))
        self.view_menu.addSeparator()
        self.view_menu.addAction(self._action(self.tr("Обновить"), self.reload_all,
                                              QKeySequence.StandardKey.Refresh))

        help_menu = bar.addMenu(self.tr("&Справка"))
        help_menu.addAction(self._action(self.tr("О программе"),
                                             self.database_actions.show_about))

    # -- roadmaps -----------------------------------------------------------
    def new_roadmap(self) -> int | None:
        return self.roadmap_actions.new_roadmap()

    def import_file(self, path: Path | None = None) -> int | None:
        return self.roadmap_actions.import_file(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_file(path)

    def roadmap_properties(self) -> bool:
        return self.roadmap_actions.roadmap_properties()

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a modal dialog (tests replace this to drive it without exec())."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _reopen(self, path: Path) -> None:
        """Show the database restored at ``path`` in place of the replaced one."""
        from desktop.models.database import open_database

        self.undo_stack.clear()  # the commands refer to records of the replaced file
        self.attach_database(open_database(path, create=False))

    def _show_title(self) -> None:
        """The title names the authority of the profile (or the file)."""
        self.setWindowTitle(self.tr("Дорожная карта — {name}").format(
            name=self.source.authority_name() or self.database.path.name))
