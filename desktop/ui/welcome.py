"""The first start: explore the demo district, or start empty with the authority's profile."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialog, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

#: the text's width; the dialog's height follows from it
TEXT_WIDTH = 500


class FirstStartChoice(Enum):
    DEMO = "demo"
    EMPTY = "empty"
    QUIT = "quit"


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = FirstStartChoice.QUIT
        self.setWindowTitle(self.tr("Добро пожаловать"))
        text = QLabel(self.tr(
            "<h3>«Дорожная карта»</h3>"
            "<p>Похоже, программа запущена впервые: базы данных ещё нет.</p>"
            "<p>Можно посмотреть демонстрационный район (вымышленные школы и "
            "дорожная карта на текущий год) или сразу начать работу со своей "
            "пустой базой, заполнив профиль управления образованием.</p>"), self)
        text.setWordWrap(True)
        # a word-wrapped label's height is only right when its width is known: fix the
        # width and let a fixed-size layout ask heightForWidth (else the text is cut)
        text.setFixedWidth(TEXT_WIDTH)
        demo = QPushButton(self.tr("Посмотреть демонстрационный район"), self)
        empty = QPushButton(self.tr("Начать с пустой базы"), self)
        demo.clicked.connect(lambda: self._choose(FirstStartChoice.DEMO))
        empty.clicked.connect(lambda: self._choose(FirstStartChoice.EMPTY))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(demo)
        layout.addWidget(empty)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def _choose(self, choice: FirstStartChoice) -> None:
        self.choice = choice
        self.accept()
