"""Checks that text on screen is not cut: a label's text fits its width (or, word-wrapped,
its height), a button's text fits the button."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def plain(text: str) -> str:
    """The text as shown: rich text without tags, «&» mnemonics dropped."""
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("&&", "\0").replace("&", "").replace("\0", "&")


def cut_texts(root: QWidget) -> list[str]:
    """The visible labels and buttons under ``root`` whose text does not fit."""
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        width = label.contentsRect().width() - 2 * label.margin()
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                cut.append(label.text())
        else:
            widest = max(label.fontMetrics().horizontalAdvance(line)
                         for line in plain(label.text()).splitlines() or [""])
            if widest > width:
                cut.append(label.text())
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            needed = button.fontMetrics().horizontalAdvance(plain(button.text()))
            if needed > button.width() - 4:
                cut.append(button.text())
    return cut
