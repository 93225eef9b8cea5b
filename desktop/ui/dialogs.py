"""The one door for modal message boxes, so that tests can answer them.

Widgets never call ``QMessageBox.*`` directly: they call the methods of a
:class:`Dialogs` instance handed to them. Tests pass a :class:`ScriptedDialogs`
that records what was asked and answers from a script — an unpatched modal
``exec()`` would hang a test forever.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Dialogs:
    """Real message boxes (Russian buttons come from the qtbase_ru translator)."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes


class ScriptedDialogs(Dialogs):
    """For tests: records every message and answers confirmations from ``answers``."""

    def __init__(self, answers: list[bool] | None = None) -> None:
        self.answers = list(answers or [])
        self.shown: list[tuple[str, str, str]] = []

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.answers.pop(0) if self.answers else False
