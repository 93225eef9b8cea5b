"""``DateField``: a date box (ДД.ММ.ГГГГ, calendar pop-up) that takes a whole date typed in.

Qt's ``QDateEdit`` edits one section at a time and checks each against the date it
already holds: typing «30.06.2022» into a box showing a February date keeps day 3
(no 30 February), and a dot typed after a section that has just filled itself skips
the next section (issue 23: «30.06.2022» became «06.06.2022»). Here typing that starts
in the day section replaces the whole text; what was typed is read when the user
presses Enter or leaves the box: «30.06.2022», «30.6.22», «30062022», «30.06»
(this year). A date that does not exist is refused with a hint and the box keeps its
value. Typing in the month or year section still edits that section alone.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QToolTip, QWidget

DISPLAY_FORMAT = "dd.MM.yyyy"
#: what may be typed while a whole date is being written
_TYPING = re.compile(r"[0-9.,/ -]{0,10}")
_SEPARATORS = re.compile(r"[.,/ -]+")


def parse_typed_date(text: str, today: dt.date) -> dt.date | None:
    """The date a user typed: «30.06.2022», «30.6.22», «30062022», «300622», «30.06»,
    «30» (missing parts from ``today``); None when it is not a date."""
    text = text.strip(" .,/-")
    if not text:
        return None
    if text.isdigit():
        if len(text) not in (1, 2, 4, 6, 8):
            return None
        parts = [text[:2], text[2:4], text[4:]] if len(text) > 2 else [text]
        parts = [p for p in parts if p]
    else:
        parts = _SEPARATORS.split(text)
    if len(parts) > 3 or not all(p.isdigit() for p in parts):
        return None
    day = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else today.month
    year = today.year
    if len(parts) == 3:
        if len(parts[2]) == 2:
            year = 2000 + int(parts[2])
        elif len(parts[2]) == 4:
            year = int(parts[2])
        else:
            return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class DateField(QDateEdit):
    """A ``QDateEdit`` in the ДД.ММ.ГГГГ format with a calendar pop-up; see the module docstring."""

    def __init__(self, day: dt.date | QDate | None = None, parent: QWidget | None = None) -> None:
        #: True while a whole date is being typed (from the first key in the day section)
        self._typing = False
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)
        if day is not None:
            self.setDate(day if isinstance(day, QDate) else QDate(day.year, day.month, day.day))

    # -- typing a whole date ---------------------------------------------------------
    def validate(self, text: str, pos: int) -> object:
        if self._typing:
            state = (QValidator.State.Intermediate if _TYPING.fullmatch(text)
                     else QValidator.State.Invalid)
            return state, text, pos
        return super().validate(text, pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if self._typing:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit_typing()
                return super().keyPressEvent(event)
            if key == Qt.Key.Key_Escape:
                self._stop_typing(restore=True)
                event.accept()
                return None
            if key == Qt.Key.Key_Backspace:
                self.lineEdit().backspace()
                event.accept()
                return None
            if text and _TYPING.fullmatch(text):
                self.lineEdit().insert(text)
                event.accept()
                return None
            self.commit_typing()
            return super().keyPressEvent(event)
        if text.isdigit() and self._starts_whole_date():
            self._typing = True
            self.lineEdit().selectAll()
            self.lineEdit().insert(text)
            event.accept()
            return None
        return super().keyPressEvent(event)

    def _starts_whole_date(self) -> bool:
        line = self.lineEdit()
        return (line.hasSelectedText() and line.selectedText() == line.text()) or (
            self.currentSection() == QDateEdit.Section.DaySection)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit_typing()
        super().focusOutEvent(event)

    def commit_typing(self) -> bool:
        """Read the typed text into the date (True when it was a date); a text that is
        no date leaves the value as it was and says so in a tooltip."""
        if not self._typing:
            return True
        text = self.lineEdit().text()
        day = parse_typed_date(text, self.date().toPython())
        self._stop_typing(restore=True)
        if day is None:
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())),
                              self.tr("«%1» — не дата; введите дату как ДД.ММ.ГГГГ").replace(
                                  "%1", text), self)
        # set even when unchanged: Qt then forgets a day it half-read from the typed text
        self.setDate(self.date() if day is None else QDate(day.year, day.month, day.day))
        return day is not None

    def _stop_typing(self, *, restore: bool) -> None:
        if restore:  # show the value again; Qt must not read the half-typed text back
            line = self.lineEdit()
            blocked = line.blockSignals(True)
            line.setText(self.textFromDateTime(self.dateTime()))  # still "typing": as is
            line.blockSignals(blocked)
        self._typing = False
