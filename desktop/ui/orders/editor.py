"""The order's form: requisites, preamble, points, signature, approval blocks, executor, status.

Each field sends one command when its editing is finished (not per keystroke);
a value equal to the stored one sends nothing. The form shows plain data from
a snapshot and is re-filled from the database after every change and undo.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import ApprovalKind, OrderStatus
from desktop.services import order_editing as ed
from desktop.ui.orders.fields import CommitTextEdit, OptionalDateEdit, RowsEditor
from desktop.ui.orders.points import PointsEditor
from desktop.ui.orders.rows_model import RowColumn
from desktop.ui.orders.sink import FAILED, EditSink

APPROVAL_COLUMNS = (
    RowColumn("kind", "Блок", ((ApprovalKind.SUBMITTED, "Проект внесен"),
                               (ApprovalKind.AGREED, "СОГЛАСОВАНО"))),
    RowColumn("person_position", "Должность"),
    RowColumn("person_name", "И.О. Фамилия"),
    RowColumn("date", "Дата", is_date=True),
    RowColumn("signature_line", "Линия подписи", ((False, "нет"), (True, "да"))),
    RowColumn("date_line", "Пустая дата", ((False, "нет"), (True, "да"))),
)
STATUS_CHOICES = ((OrderStatus.DRAFT, "проект"), (OrderStatus.SIGNED, "подписан"))


class OrderEditor(QWidget):
    def __init__(self, sink: EditSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sink = sink
        self.snapshot: dict[str, Any] | None = None
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("например, 28/1"))
        self.date = OptionalDateEdit(self)
        self.title = QLineEdit(self)
        self.preamble = CommitTextEdit(self)
        self.preamble.setFixedHeight(90)
        self.status = QComboBox(self)
        for value, label in STATUS_CHOICES:
            self.status.addItem(self.tr(label), value)
        self.points = PointsEditor(sink, self)
        self.signatory_position = QLineEdit(self)
        self.signatory_name = QLineEdit(self)
        self.approvals = RowsEditor(APPROVAL_COLUMNS, self, add_text="Добавить визу", stretch=1)
        self.approvals.setMinimumHeight(150)
        self.executor_name = QLineEdit(self)
        self.executor_phone = QLineEdit(self)

        self.line_edits: dict[str, QLineEdit] = {
            "number": self.number, "title": self.title,
            "signatory_position": self.signatory_position, "signatory_name": self.signatory_name,
            "executor_name": self.executor_name, "executor_phone": self.executor_phone,
        }
        for name, edit in self.line_edits.items():
            edit.editingFinished.connect(lambda n=name, e=edit: self.commit_field(n, e.text()))
        self.preamble.editingFinished.connect(
            lambda: self.commit_field("preamble", self.preamble.toPlainText()))
        self.date.committed.connect(lambda: self.commit_field("date", self.date.value()))
        self.status.activated.connect(
            lambda _i: self.commit_field("status", self.status.currentData()))
        self.approvals.model.on_edit = self._edit_approval
        self.approvals.add_button.clicked.connect(self.add_approval)
        self.approvals.remove_button.clicked.connect(self.remove_approval)

        head = QGroupBox(self.tr("Реквизиты"), self)
        form = QFormLayout(head)
        form.addRow(self.tr("Номер:"), self.number)
        form.addRow(self.tr("Дата:"), self.date)
        form.addRow(self.tr("Заголовок:"), self.title)
        form.addRow(self.tr("Преамбула:"), self.preamble)
        form.addRow(self.tr("Статус:"), self.status)
        points_box = QGroupBox(self.tr("Пункты (двойной щелчок — правка текста)"), self)
        QVBoxLayout(points_box).addWidget(self.points)
        sign = QGroupBox(self.tr("Подпись и исполнитель"), self)
        sign_form = QFormLayout(sign)
        sign_form.addRow(self.tr("Должность подписывающего:"), self.signatory_position)
        sign_form.addRow(self.tr("И.О. Фамилия:"), self.signatory_name)
        sign_form.addRow(self.tr("Исполнитель:"), self.executor_name)
        sign_form.addRow(self.tr("Телефон исполнителя:"), self.executor_phone)
        visas = QGroupBox(self.tr("«Проект внесен» / «СОГЛАСОВАНО»"), self)
        QVBoxLayout(visas).addWidget(self.approvals)
        layout = QVBoxLayout(self)
        for box in (head, points_box, sign, visas):
            layout.addWidget(box)
        layout.addStretch(1)

    @property
    def order_id(self) -> int | None:
        return self.snapshot["id"] if self.snapshot is not None else None

    def load(self, snapshot: dict[str, Any] | None) -> None:
        """Show ``snapshot`` (None: no order selected)."""
        self.snapshot = snapshot
        self.setEnabled(snapshot is not None)
        data = snapshot or {}
        for name, edit in self.line_edits.items():
            if edit.text() != data.get(name, ""):
                edit.setText(data.get(name, ""))
            edit.setCursorPosition(0)
        self.preamble.set_text(data.get("preamble", ""))
        self.date.set_value(data.get("date"))
        self.status.setCurrentIndex(max(self.status.findData(data.get("status",
                                                                      OrderStatus.DRAFT)), 0))
        if snapshot is not None:
            self.points.load(snapshot["id"], snapshot["points"])
        else:
            self.points.model.set_points([])
        self.approvals.model.set_rows(data.get("approvals", []))
        self.approvals.fit_columns()

    # -- commands ----------------------------------------------------------------------------
    def commit_field(self, name: str, value: Any) -> Any:
        if self.snapshot is None:
            return None
        stored = self.snapshot.get(name)
        if isinstance(value, str) and name != "preamble":
            value = value.strip()
        if value == stored:
            return None
        order_id = self.snapshot["id"]
        result = self.sink.edit(self.tr("изменение «{field}» приказа").format(
            field=ed.ORDER_FIELDS[name]),
            lambda s: ed.set_order_field(s, order_id, name, value),
            check_signed=name != "status")
        if result is not FAILED:
            self.snapshot[name] = value
        return result

    def _edit_approval(self, row_id: int, key: str, value: Any) -> None:
        self.sink.edit(self.tr("изменение визы"),
                       lambda s: ed.set_row_field(s, "approval", row_id, key, value))

    def add_approval(self) -> None:
        if self.order_id is None:
            return
        order_id = self.order_id
        self.sink.edit(self.tr("новая виза"), lambda s: ed.add_row(s, "approval", order_id))

    def remove_approval(self) -> None:
        row_id = self.approvals.current_id()
        if row_id is not None:
            self.sink.edit(self.tr("удаление визы"),
                           lambda s: ed.remove_row(s, "approval", row_id))
