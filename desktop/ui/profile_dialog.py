"""The authority's profile form: what the order header, signature and executor mark print."""

from __future__ import annotations

from sqlalchemy import select

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Authority
from desktop.models.database import Database

#: (attribute, label, multi-line)
PROFILE_FIELDS = (
    ("full_name", "Полное наименование органа управления образованием*", True),
    ("short_name", "Краткое наименование", False),
    ("city", "Место издания (например, «пгт Балахта»)", False),
    ("region", "Субъект РФ", False),
    ("oktmo", "ОКТМО (8 или 11 цифр; для пакетов обмена с регионом)", False),
    ("head_position", "Должность руководителя (подпись)", True),
    ("head_name", "И.О. Фамилия руководителя*", False),
    ("coordinator_name", "Муниципальный координатор (исполнитель)", False),
    ("coordinator_phone", "Телефон координатора", False),
    ("coordinator_email", "Эл. почта координатора", False),
)


class ProfileDialog(QDialog):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.setWindowTitle(self.tr("Профиль органа управления образованием"))
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        with database.session() as s:
            authority = s.scalar(select(Authority).limit(1)) or Authority()
            values = {name: getattr(authority, name) or "" for name, _, _ in PROFILE_FIELDS}
        for name, caption, multiline in PROFILE_FIELDS:
            editor: QLineEdit | QPlainTextEdit
            if multiline:
                editor = QPlainTextEdit(values[name], self)
                editor.setFixedHeight(60)
            else:
                editor = QLineEdit(values[name], self)
            self.editors[name] = editor
            form.addRow(self.tr(caption), editor)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b71c1c")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 0)

    def values(self) -> dict[str, str]:
        return {
            name: (e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text()).strip()
            for name, e in self.editors.items()
        }

    def accept(self) -> None:
        values = self.values()
        if not values["full_name"] or not values["head_name"]:
            self.error.setText(self.tr("Заполните наименование органа и имя руководителя."))
            return
        if values["oktmo"] and not (values["oktmo"].isdigit() and len(values["oktmo"]) in (8, 11)):
            self.error.setText(self.tr("ОКТМО — 8 или 11 цифр."))
            return
        with self.database.session() as s:
            authority = s.scalar(select(Authority).limit(1))
            if authority is None:
                authority = Authority()
                s.add(authority)
            for name, value in values.items():
                setattr(authority, name, value)
        super().accept()
