"""«Приказы»: the list of orders, the selected order's editor, print settings and a PDF preview.

Every edit goes through :meth:`OrdersPage.edit` as one undoable command on the
window's shared stack (committed at once); the page re-reads the order from
the database after each change or undo (deferred to the event loop, so that
an item view is never reset from inside its own editor).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import OrderStatus
from desktop.models.versions import Seen, read_versions
from desktop.services.order_editing import order_snapshot
from desktop.services.orders import list_templates
from desktop.ui.commands import push
from desktop.ui.orders.appendices import AppendicesEditor
from desktop.ui.orders.commands import (
    CreateOrderCommand,
    DeleteOrderCommand,
    Mutation,
    OrderEditCommand,
)
from desktop.ui.orders.editor import OrderEditor
from desktop.ui.orders.output import CurrentOrder, OrderOutput
from desktop.ui.orders.preview import PdfPreview
from desktop.ui.orders.settings_form import SettingsForm
from desktop.ui.orders.sink import FAILED
from desktop.ui.orders.template_dialog import TemplateDialog
from desktop.ui.table_model import ColumnDef
from desktop.ui.views.base import FilteredTable, Page, page_heading

if TYPE_CHECKING:
    from desktop.ui.changes import Changes
    from desktop.ui.datasource import DataSource


def _date(value: object) -> str:
    return value.strftime("%d.%m.%Y") if isinstance(value, dt.date) else ""


ORDER_COLUMNS = (
    ColumnDef("№", "number"),
    ColumnDef("Дата", "date", _date),
    ColumnDef("Заголовок", "title"),
    ColumnDef("Статус", "status"),
)


class OrdersPage(Page):
    key = "orders"
    title = "Приказы"

    def __init__(self, source: DataSource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(source, parent)
        #: grows with every change of orders: a temporary PDF older than this is re-written
        self.revision = 0
        self._refresh_pending = False
        self._signed_ok: set[int] = set()
        self.table = FilteredTable(ORDER_COLUMNS, self, stretch_column=2)
        self.table.view.setSelectionMode(self.table.view.SelectionMode.SingleSelection)
        self.create_button = QPushButton(self.tr("Создать по шаблону…"), self)
        self.delete_button = QPushButton(self.tr("Удалить"), self)
        self.create_button.clicked.connect(self.create_from_template)
        self.delete_button.clicked.connect(self.delete_order)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        left_layout.addLayout(row)

        self.editor = OrderEditor(self, self)
        self.appendices = AppendicesEditor(self, self)
        self.settings = SettingsForm(self, self)
        self.preview = PdfPreview(self)
        self.output = OrderOutput(self, self.preview, self._current_order, lambda: self.dialogs)
        self.output.message.connect(self.show_message)
        self.output.before_paper = self._check_numbers
        scroll = QScrollArea(self)
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(scroll, self.tr("Приказ"))
        self.tabs.addTab(self.appendices, self.tr("Приложения"))
        self.tabs.addTab(self.settings, self.tr("Параметры печати"))
        self.tabs.addTab(self.preview, self.tr("Предпросмотр"))
        self.output.previewShown.connect(lambda: self.tabs.setCurrentWidget(self.preview))

        self.action_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        actions.addWidget(page_heading(self.tr("Приказы")))
        actions.addStretch(1)
        for key, text, slot in (
            ("preview", "Предпросмотр", self.output.preview),
            ("print", "Печать…", self.output.print_order),
            ("open", "Открыть в программе просмотра", self.output.open_externally),
            ("save", "Сохранить PDF…", self.output.save_as),
        ):
            button = QPushButton(self.tr(text), self)
            button.clicked.connect(lambda _=False, s=slot: s())
            actions.addWidget(button)
            self.action_buttons[key] = button
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self.table.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self._show_order(None)

    # -- reading -----------------------------------------------------------------------------
    def connect_changes(self, changes: Changes) -> None:
        changes.ordersChanged.connect(self._on_orders_changed)

    def reload(self) -> None:
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        """Re-read the list and the selected order; keep (or set) the selection."""
        self._refresh_pending = False
        keep = select_id if select_id is not None else self.current_order_id()
        roadmaps = [(r["id"], r["title"]) for r in self.source.roadmaps()]
        self.appendices.set_roadmaps(roadmaps)
        view = self.table.view
        view.selectionModel().blockSignals(True)
        self.table.set_rows(self.source.orders())
        row = self._row_of(keep) if keep is not None else None
        if row is None and self.table.proxy.rowCount():
            row = 0
        if row is not None:
            view.setCurrentIndex(self.table.proxy.index(row, 0))
            view.selectRow(row)
        view.selectionModel().blockSignals(False)
        self._show_current()

    def _row_of(self, order_id: int) -> int | None:
        for row in range(self.table.proxy.rowCount()):
            source_row = self.table.proxy.mapToSource(self.table.proxy.index(row, 0)).row()
            if self.table.model.record(source_row)["id"] == order_id:
                return row
        return None

    def current_order_id(self) -> int | None:
        index = self.table.view.currentIndex()
        if not index.isValid():
            return None
        return self.table.model.record(self.table.proxy.mapToSource(index).row())["id"]

    def _show_current(self) -> None:
        order_id = self.current_order_id()
        if order_id != self.editor.order_id:
            self._signed_ok.clear()
            self.preview.clear(self.tr("Нажмите «Предпросмотр», чтобы увидеть приказ так, "
                                       "как он будет напечатан."))
        snapshot = None
        self.seen: dict[Any, Any] = {}
        if order_id is not None:
            with self.source.database.reading() as session:
                snapshot = order_snapshot(session, order_id)
                # the order as shown: what an edit of its fields or points begins from
                self.seen = Seen(read_versions(session, [("orders", order_id)]), ("orders",))
        self._show_order(snapshot)

    def _show_order(self, snapshot: dict[str, Any] | None) -> None:
        self.editor.load(snapshot)
        self.appendices.load(snapshot)
        self.settings.load(snapshot)
        self.delete_button.setEnabled(snapshot is not None)
        for button in self.action_buttons.values():
            button.setEnabled(snapshot is not None)

    def _on_orders_changed(self) -> None:
        self.revision += 1
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._deferred_refresh)

    def _deferred_refresh(self) -> None:
        if self._refresh_pending:
            self.refresh()

    def status_text(self) -> str:
        return self.tr("Приказов: {n}").format(n=self.table.model.rowCount())

    def _check_numbers(self, order_id: int) -> None:
        """Before the order is printed or saved: offer to renumber its roadmap appendices
        whose numbers would print wrong (twice, out of place)."""
        from desktop.services.numbering import order_roadmap_ids
        from desktop.ui.numbering_check import offer_renumbering

        database = self.source.database if self.source is not None else None
        if database is None or self.undo_stack is None or self.changes is None:
            return
        with database.reading() as session:
            roadmap_ids = order_roadmap_ids(session, order_id)
        offer_renumbering(self, database, self.changes, self.undo_stack, self.dialogs,
                          roadmap_ids)

    def _current_order(self) -> CurrentOrder:
        """The selected order, for the PDF actions (:class:`OrderOutput`)."""
        return CurrentOrder(self.editor.order_id, self.revision, self.editor.snapshot,
                            self.source.database if self.source is not None else None)

    def show_message(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 10000)

    # -- changing ----------------------------------------------------------------------------
    def edit(self, text: str, mutate: Mutation, *, check_signed: bool = True) -> Any:
        """Run ``mutate(session)`` on the selected order as one undoable, committed command."""
        snapshot = self.editor.snapshot
        if snapshot is None or self.undo_stack is None or self.changes is None:
            return FAILED
        order_id = snapshot["id"]
        if (check_signed and snapshot["status"] is OrderStatus.SIGNED
                and order_id not in self._signed_ok):
            if not self.dialogs.confirm(self, self.tr("Приказ подписан"), self.tr(
                    "Этот приказ уже подписан. Изменения разойдутся с подписанным "
                    "экземпляром.\n\nВсё равно изменить?")):
                self._on_orders_changed()  # put the stored values back into the form
                return FAILED
            self._signed_ok.add(order_id)
        command = OrderEditCommand(self.source.database, self.changes, order_id, text, mutate)
        if not push(self.undo_stack, command, self.dialogs, self, seen=self.seen):
            self._on_orders_changed()
            return FAILED
        return command.result

    def choose_template(self) -> tuple[str, int | None] | None:
        """Ask for a template and a roadmap; None when cancelled (tests replace this)."""
        roadmaps = [(r["id"], r["title"]) for r in self.source.roadmaps()]
        dialog = TemplateDialog(list_templates(), roadmaps, self)
        return dialog.choice() if dialog.exec() == TemplateDialog.DialogCode.Accepted else None

    def create_from_template(self) -> int | None:
        """«Создать по шаблону…»: returns the new order's id."""
        if self.undo_stack is None or self.changes is None:
            return None
        choice = self.choose_template()
        if choice is None:
            return None
        key, roadmap_id = choice
        command = CreateOrderCommand(self.source.database, self.changes, key, roadmap_id,
                                     self.tr("новый приказ по шаблону"))
        if not push(self.undo_stack, command, self.dialogs, self, seen=self.seen):
            return None
        self.refresh(select_id=command.order_id)
        return command.order_id

    def delete_order(self) -> bool:
        snapshot = self.editor.snapshot
        if snapshot is None or self.undo_stack is None or self.changes is None:
            return False
        name = f"№ {snapshot['number']}" if snapshot["number"] else self.tr("без номера")
        if not self.dialogs.confirm(self, self.tr("Удаление приказа"), self.tr(
                "Удалить приказ {name} «{title}»?\n\nОтменить удаление можно командой "
                "«Правка → Отменить».").format(name=name, title=snapshot["title"])):
            return False
        command = DeleteOrderCommand(self.source.database, self.changes, snapshot["id"],
                                     self.tr("удаление приказа"))
        return push(self.undo_stack, command, self.dialogs, self, seen=self.seen)
