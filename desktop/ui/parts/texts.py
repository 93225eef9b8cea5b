"""The text parts of a roadmap document: passport, basis documents, justification and the
closing signature, as one tab of the properties dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from desktop.models.roadmap_parts import PASSPORT_FIELDS
from desktop.services.roadmap_parts import TEXT_FIELDS, PartsData

#: the label of each text field in the tab
LABELS: dict[str, str] = {
    **{attr: label for label, attr in PASSPORT_FIELDS},
    "basis_documents": "Документы-основания (по одному в строке)",
    "justification": "Обоснование",
    "closing_position": "Подпись под картой: должность",
    "closing_name": "Подпись под картой: И.О. Фамилия",
}
#: fields edited in one line
SINGLE_LINE = ("closing_position", "closing_name")


class PartTextsTab(QWidget):
    """Every text field of :data:`TEXT_FIELDS`; multi-line where the document has lists."""

    def __init__(self, parts: PartsData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout(self)
        hint = QLabel(self.tr("Части документа печатаются в приказе, в Word и в Excel в том "
                              "порядке и под теми заголовками, что заданы на вкладке «Оформление»; "
                              "пустые части не печатаются."), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        for attr in TEXT_FIELDS:
            text = parts.text(attr)
            if attr in SINGLE_LINE:
                edit: QLineEdit | QPlainTextEdit = QLineEdit(text, self)
            else:
                edit = QPlainTextEdit(text, self)
                edit.setTabChangesFocus(True)
                edit.setMinimumHeight(48)
            edit.setObjectName(attr)
            self.edits[attr] = edit
            form.addRow(self.tr(LABELS[attr]), edit)

    def texts(self) -> tuple[tuple[str, str], ...]:
        def value(edit: QLineEdit | QPlainTextEdit) -> str:
            return (edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()).strip()

        return tuple((attr, value(edit)) for attr, edit in self.edits.items())
