"""The detail panel under the roadmap tree: the current cell's whole text, read and edited
in several lines, and how the item's deadline was understood.

The tree keeps one line per row (its rows are the timeline's rows), so long text is cut
there; here it is shown whole. An edit is committed like a cell edit — through the page's
controller, as one undoable command — when the panel loses focus or on Ctrl+Enter;
Esc brings the stored text back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.models.columns import FIELD_SPECS, Field
from desktop.ui.editor.deadline_editor import interpretation
from desktop.ui.roadmap_tree_model import DeadlineRole, FieldRole, RowIdRole, RowKindRole

#: fields whose text is long: edited in several lines, shown here whole
LONG_FIELDS = frozenset({Field.ACTIVITY, Field.TASKS, Field.INDICATOR, Field.EVIDENCE,
                         Field.INFO_SUPPORT, Field.NOTE, Field.EXECUTORS})
#: what the panel shows when the current column is not a long text
DEFAULT_FIELD = Field.ACTIVITY

WARNING_STYLE, NORMAL_STYLE = "color: #b71c1c;", "color: #455a64;"


def deadline_hint(deadline: Any) -> tuple[str, bool]:
    """«Срок понят так: …» and whether it warns (unparsed, outside the period …)."""
    if deadline is None:
        return "", False
    text, bad = interpretation(deadline)
    return f"Срок понят так: {text}", bad


class ItemDetails(QWidget):
    """See the module docstring; ``edit`` is the controller's ``edit_field``."""

    def __init__(self, edit: Callable[[int, Field, Any], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edit = edit
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setFixedWidth(150)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Выберите мероприятие: здесь его текст целиком"))
        lines = self.text.fontMetrics().lineSpacing()
        self.text.setFixedHeight(lines * 3 + 12)
        self.text.installEventFilter(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.caption)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        #: (item id, field) shown, and the stored text it started from
        self.target: tuple[int, Field] | None = None
        self.stored = ""
        self.show_index(QModelIndex())

    def show_index(self, index: QModelIndex) -> None:
        """Show the cell at ``index`` (its row's activity when the column is not long text)."""
        if self.text.hasFocus() and self.dirty():
            return  # the user is typing here: the tree's refresh must not overwrite it
        if not index.isValid() or index.data(RowKindRole) != "item":
            self.target, self.stored = None, ""
            self.caption.setText("")
            self.text.setPlainText("")
            self.text.setReadOnly(True)
            self.set_hint("", False)
            return
        raw = index.data(FieldRole)
        field = Field(raw) if raw and Field(raw) in LONG_FIELDS else DEFAULT_FIELD
        model = index.model()
        column = next((c for c in range(model.columnCount(index.parent()))
                       if index.siblingAtColumn(c).data(FieldRole) == field), -1)
        cell = index.siblingAtColumn(column) if column >= 0 else QModelIndex()
        number = next((index.siblingAtColumn(c).data() for c in range(model.columnCount(
            index.parent())) if index.siblingAtColumn(c).data(FieldRole) == Field.NUMBER), "")
        # a cell that cannot be edited (a district's roadmap) is shown, not edited, here too
        editable = cell.isValid() and bool(cell.flags() & Qt.ItemFlag.ItemIsEditable)
        self.target = (index.data(RowIdRole), field) if editable else None
        self.stored = str(cell.data(Qt.ItemDataRole.EditRole) or "") if cell.isValid() else ""
        self.caption.setText(f"{number} · {FIELD_SPECS[field].title}" if number
                             else FIELD_SPECS[field].title)
        self.text.setReadOnly(self.target is None)
        self.text.setPlainText(self.stored)
        self.set_hint(*deadline_hint(index.data(DeadlineRole)))

    def set_hint(self, text: str, bad: bool) -> None:
        """The deadline's interpretation (also while a deadline cell is being typed)."""
        if text and not text.startswith("Срок понят так"):
            text = f"Срок понят так: {text}"
        self.hint.setText(text)
        self.hint.setStyleSheet(WARNING_STYLE if bad else NORMAL_STYLE)
        self.hint.setProperty("warning", bad)

    def dirty(self) -> bool:
        return self.target is not None and self.text.toPlainText() != self.stored

    def commit(self) -> None:
        """Store the typed text (one undoable edit) if it differs from the stored one."""
        if not self.dirty():
            return
        assert self.target is not None
        item_id, field = self.target
        value = self.text.toPlainText()
        self.stored = value
        self._edit(item_id, field, value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text:
            if event.type() == QEvent.Type.FocusOut:
                self.commit()
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                key, mods = event.key(), event.modifiers()
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                        mods & Qt.KeyboardModifier.ControlModifier:
                    self.commit()
                    return True
                if key == Qt.Key.Key_Escape:
                    self.text.setPlainText(self.stored)
                    return True
        return super().eventFilter(watched, event)
