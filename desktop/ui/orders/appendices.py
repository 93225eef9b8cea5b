"""The order's appendices: the list (kind, title, roadmap) and the selected one's rows.

A working group shows its members (name, position, role), a schedule its rows
(topic, date, responsible), a text appendix its text; a roadmap appendix is the
linked roadmap itself and is edited on the roadmaps page.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import AppendixKind
from desktop.services import order_editing as ed
from desktop.ui.orders.fields import CommitTextEdit, RowsEditor
from desktop.ui.orders.rows_model import RowColumn
from desktop.ui.orders.sink import EditSink

KIND_CHOICES = (
    (AppendixKind.ROADMAP, "дорожная карта"),
    (AppendixKind.WORKING_GROUP, "состав рабочей группы"),
    (AppendixKind.SCHEDULE, "график / перечень"),
    (AppendixKind.TEXT, "текст"),
)
MEMBER_COLUMNS = (
    RowColumn("name", "Фамилия, имя, отчество"),
    RowColumn("job_title", "Должность"),
    RowColumn("role", "Роль"),
)
SCHEDULE_COLUMNS = (
    RowColumn("topic", "Мероприятие / организация"),
    RowColumn("date_text", "Сроки"),
    RowColumn("responsible", "Ответственные"),
)


def _appendix_columns(roadmaps: list[tuple[Any, str]]) -> tuple[RowColumn, ...]:
    return (
        RowColumn("kind", "Вид", KIND_CHOICES),
        RowColumn("title", "Заголовок"),
        RowColumn("roadmap_id", "Дорожная карта", ((None, "—"), *roadmaps)),
    )


class AppendicesEditor(QWidget):
    def __init__(self, sink: EditSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sink = sink
        self.snapshot: dict[str, Any] | None = None
        self.list = RowsEditor(_appendix_columns([]), self, add_text="Добавить приложение",
                               stretch=1)
        self.members = RowsEditor(MEMBER_COLUMNS, self, add_text="Добавить участника", stretch=1)
        self.schedule = RowsEditor(SCHEDULE_COLUMNS, self, add_text="Добавить строку", stretch=0)
        self.text = CommitTextEdit(self)
        self.note = QLabel(self.tr("Таблица приложения — сама дорожная карта: её мероприятия "
                                   "правятся на странице «Дорожные карты»."), self)
        self.note.setWordWrap(True)
        self.details = QStackedWidget(self)
        for widget in (self.note, self.members, self.schedule, self.text):
            self.details.addWidget(widget)
        self.list.model.on_edit = self._edit_appendix
        self.list.add_button.clicked.connect(self.add_appendix)
        self.list.remove_button.clicked.connect(self.remove_appendix)
        self.list.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        for table, editor in (("member", self.members), ("schedule", self.schedule)):
            editor.model.on_edit = lambda row_id, key, value, t=table: self._edit_row(
                t, row_id, key, value)
            editor.add_button.clicked.connect(lambda _=False, t=table: self.add_row(t))
            editor.remove_button.clicked.connect(lambda _=False, t=table, e=editor:
                                                 self.remove_row(t, e.current_id()))
        self.text.editingFinished.connect(self._edit_text)
        top = QGroupBox(self.tr("Приложения"), self)
        QVBoxLayout(top).addWidget(self.list)
        self.details_box = QGroupBox(self.tr("Содержание приложения"), self)
        QVBoxLayout(self.details_box).addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addWidget(top, 2)
        layout.addWidget(self.details_box, 3)

    def set_roadmaps(self, roadmaps: list[tuple[int, str]]) -> None:
        self.list.model.columns = list(_appendix_columns(roadmaps))

    def load(self, snapshot: dict[str, Any] | None) -> None:
        keep = self.list.current_id()
        self.snapshot = snapshot
        self.setEnabled(snapshot is not None)
        self.list.model.set_rows(snapshot["appendices"] if snapshot else [])
        self.list.fit_columns()
        if self.list.model.rowCount():
            self.list.select_id(keep)
            if not self.list.view.currentIndex().isValid():
                self.list.view.selectRow(0)
        self._show_details()

    def current(self) -> dict[str, Any] | None:
        row_id = self.list.current_id()
        return next((a for a in self.list.model.rows if a["id"] == row_id), None)

    def _show_details(self) -> None:
        appendix = self.current()
        self.details_box.setEnabled(appendix is not None)
        kind = appendix["kind"] if appendix else AppendixKind.ROADMAP
        if kind is AppendixKind.WORKING_GROUP:
            self.members.model.set_rows(appendix["members"])  # type: ignore[index]
            self.members.fit_columns()
            self.details.setCurrentWidget(self.members)
        elif kind is AppendixKind.SCHEDULE:
            self.schedule.model.set_rows(appendix["schedule"])  # type: ignore[index]
            self.schedule.fit_columns()
            self.details.setCurrentWidget(self.schedule)
        elif kind is AppendixKind.TEXT:
            self.text.set_text(appendix["text"])  # type: ignore[index]
            self.details.setCurrentWidget(self.text)
        else:
            self.details.setCurrentWidget(self.note)

    # -- commands ----------------------------------------------------------------------------
    def _edit_appendix(self, row_id: int, key: str, value: Any) -> None:
        self.sink.edit(self.tr("изменение приложения"),
                       lambda s: ed.set_row_field(s, "appendix", row_id, key, value))

    def add_appendix(self) -> None:
        if self.snapshot is None:
            return
        order_id = self.snapshot["id"]
        self.sink.edit(self.tr("новое приложение"), lambda s: ed.add_row(
            s, "appendix", order_id, kind=AppendixKind.TEXT, title=self.tr("Приложение")))

    def remove_appendix(self) -> None:
        row_id = self.list.current_id()
        if row_id is not None:
            self.sink.edit(self.tr("удаление приложения"),
                           lambda s: ed.remove_row(s, "appendix", row_id))

    def _edit_row(self, table: str, row_id: int, key: str, value: Any) -> None:
        self.sink.edit(self.tr("изменение строки приложения"),
                       lambda s: ed.set_row_field(s, table, row_id, key, value))

    def add_row(self, table: str) -> None:
        appendix = self.current()
        if appendix is None:
            return
        values = {"name": self.tr("Новый участник")} if table == "member" else {}
        self.sink.edit(self.tr("новая строка приложения"),
                       lambda s: ed.add_row(s, table, appendix["id"], **values))

    def remove_row(self, table: str, row_id: int | None) -> None:
        if row_id is not None:
            self.sink.edit(self.tr("удаление строки приложения"),
                           lambda s: ed.remove_row(s, table, row_id))

    def _edit_text(self) -> None:
        appendix = self.current()
        if appendix is None or appendix["text"] == self.text.toPlainText():
            return
        text = self.text.toPlainText()
        self.sink.edit(self.tr("изменение текста приложения"),
                       lambda s: ed.set_row_field(s, "appendix", appendix["id"], "text", text))
