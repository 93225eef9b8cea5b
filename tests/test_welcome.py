"""The first-start dialog: its whole text is shown, and each button makes its choice."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from desktop.ui.welcome import FirstStartChoice, WelcomeDialog
from tests.fit_helpers import cut_texts


def test_whole_text_is_shown(qtbot) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QLabel)
    assert "заполнив профиль управления образованием" in text.text()
    assert text.height() >= text.heightForWidth(text.width()) > 3 * text.fontMetrics().height()
    assert cut_texts(dialog) == []


def test_buttons_choose(qtbot) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    demo, empty = dialog.findChildren(QPushButton)
    demo.click()
    assert dialog.choice is FirstStartChoice.DEMO
    empty.click()
    assert dialog.choice is FirstStartChoice.EMPTY
