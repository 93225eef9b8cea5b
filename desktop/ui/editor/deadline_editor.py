"""The deadline cell editor: a line parsed as you type, its interpretation beneath,
and a date-picker popup that writes the text with :func:`format_deadline`."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.deadline import (
    Deadline,
    Kind,
    SchoolCalendar,
    format_deadline,
    parse_deadline,
)
from desktop.models.deadline_format import describe_rule
from desktop.ui.date_field import DateField


def _dates(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return ""
    return format_deadline(start, end) if start else format_deadline(None, end, due=True)


def describe(deadline: Deadline) -> str:
    """How the application understood a deadline, in Russian: «срок: до 15.02.2026» …"""
    start, end = deadline.start, deadline.end
    match deadline.kind:
        case Kind.DAY:
            return f"день: {format_deadline(start)}" if start else "день"
        case Kind.DUE:
            return f"срок: {format_deadline(None, end, due=True)}"
        case Kind.SPAN:
            return f"период: {_dates(start, end)}"
        case Kind.OCCURRENCES:
            spans = "; ".join(_dates(s, e) for s, e in deadline.spans[:4])
            more = " …" if len(deadline.spans) > 4 else ""
            return f"несколько сроков: {spans}{more}"
        case Kind.RECURRING:
            return "повторяется: " + _recurrence(deadline) + (
                f" ({_dates(start, end)})" if start or end else "")
        case Kind.CONTINUOUS:
            return f"постоянно: {_dates(start, end)}" if start or end else "постоянно"
        case Kind.ON_DEMAND:
            return "без даты: по мере необходимости / по графику"
    return "срок не распознан" if deadline.text.strip() else "срок не указан"


def interpretation(deadline: Deadline) -> tuple[str, bool]:
    """:func:`describe` with the warnings, and whether to show it in red."""
    text = describe(deadline)
    if deadline.warnings:
        text += " · " + "; ".join(deadline.warnings)
    bad = bool(deadline.warnings) or (deadline.kind is Kind.UNPARSED and bool(deadline.text.strip()))
    return text, bad


def _recurrence(deadline: Deadline) -> str:
    rule = deadline.recurrence
    if rule is None:
        return "по правилу"
    return describe_rule(rule)


class DatePopup(QFrame):
    """Pick a start and (optionally) an end date, or «до» a date."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, start: dt.date | None = None,
                 end: dt.date | None = None, due: bool = False) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        today = QDate.currentDate()
        self.start = DateField(QDate(start) if start else today, self)
        self.end = DateField(QDate(end) if end else today, self)
        self.has_end = QCheckBox(self.tr("по"), self)
        self.has_end.setChecked(end is not None and end != start)
        self.due = QCheckBox(self.tr("«до» этой даты"), self)
        self.due.setChecked(due)
        ok = QPushButton(self.tr("Вставить"), self)
        ok.clicked.connect(self.accept)
        form = QFormLayout(self)
        form.addRow(self.tr("Дата:"), self.start)
        row = QHBoxLayout()
        row.addWidget(self.has_end)
        row.addWidget(self.end)
        form.addRow(row)
        form.addRow(self.due)
        form.addRow(ok)

    def text(self) -> str:
        start = self.start.date().toPython()
        if self.due.isChecked():
            return format_deadline(None, start, due=True)
        end = self.end.date().toPython() if self.has_end.isChecked() else None
        return format_deadline(start, end)

    def accept(self) -> None:
        self.picked.emit(self.text())
        self.close()


class DeadlineEditor(QWidget):
    """The line, the date button and the interpretation (red when there are warnings).

    In the tree (``compact``) the editor is one row high and does not cover the rows
    below: the interpretation goes out through :attr:`interpreted` (to the detail
    panel under the tree) and into the line's tooltip, and the line turns red on a warning.
    """

    #: (interpretation, whether it warns), on every change of the text
    interpreted = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None, *,
                 period: tuple[dt.date, dt.date] | None = None,
                 school: SchoolCalendar | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.period = period
        self.school = school
        self.setAutoFillBackground(True)
        self.line = QLineEdit(self)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(self.tr("Выбрать даты в календаре"))
        self.button.clicked.connect(self.show_picker)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.line, 1)
        top.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 2)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.label)
        self.label.setVisible(not compact)
        if compact:
            layout.setContentsMargins(0, 0, 0, 0)
        self.setFocusProxy(self.line)
        self.popup: DatePopup | None = None
        self.line.textChanged.connect(self._interpret)
        self._interpret("")

    def text(self) -> str:
        return self.line.text()

    def set_text(self, text: str) -> None:
        self.line.setText(text)

    def deadline(self) -> Deadline:
        return parse_deadline(self.line.text(), self.period, self.school)

    def _interpret(self, _text: str) -> None:
        text, bad = interpretation(self.deadline())
        self.label.setText(text)
        self.label.setStyleSheet("color: #b71c1c;" if bad else "color: #455a64;")
        self.label.setProperty("warning", bad)
        self.line.setToolTip(text)
        self.line.setStyleSheet("color: #b71c1c;" if bad else "")
        self.interpreted.emit(text, bad)

    def show_picker(self) -> None:
        deadline = self.deadline()
        if deadline.kind is Kind.DUE:  # «до 15.02.2026»: the date itself, «до» ticked
            self.popup = DatePopup(self, start=deadline.end, due=True)
        else:
            self.popup = DatePopup(self, start=deadline.start, end=deadline.end)
        self.popup.picked.connect(self.set_text)
        self.popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.popup.show()
