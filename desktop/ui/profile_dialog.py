"""The authority's profile form: what the order header, signature and executor mark print.

Saving it is one undoable command (:class:`ProfileCommand`) over
:mod:`desktop.services.authority_profile`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

from desktop.models.database import Database
from desktop.services.authority_profile import read_profile, save_profile
from desktop.services.operations import run
from desktop.ui.commands import CommittingCommand

if TYPE_CHECKING:
    from desktop.ui.changes import Changes

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


class ProfileCommand(CommittingCommand):
    """«профиль органа управления образованием»: the values stored, the old ones on undo."""

    def __init__(self, database: Database, changes: Changes, values: dict[str, Any]) -> None:
        super().__init__(database, changes, "профиль органа управления образованием")
        self.values = values
        self.before: dict[str, str] | None = None

    def do(self) -> None:
        with self.session() as s:
            before = save_profile(s, self.values)
        self.before = before if self.before is None else self.before
        self.changes.reference()

    def revert(self) -> None:
        assert self.before is not None
        with self.session() as s:
            save_profile(s, self.before)
        self.changes.reference()


class ProfileDialog(QDialog):
    """The form; ``save(values)`` stores them (the window pushes a :class:`ProfileCommand`)
    and says whether they were stored."""

    def __init__(self, database: Database, parent: QWidget | None = None, *,
                 save: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        #: before the window exists (the first start) there is no history to undo into:
        #: the profile is then stored by the funnel directly
        self.save = save or (lambda values: bool(
            run(database, lambda session: save_profile(session, values))))
        self.setWindowTitle(self.tr("Профиль органа управления образованием"))
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        with database.reading() as s:
            values = read_profile(s)
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
        if not self.save(values):
            return  # the reason was shown; the form stays open with what was typed
        super().accept()
