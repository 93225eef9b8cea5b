"""The first start: explore the demo district, or start empty with the authority's profile."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget


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
        demo = QPushButton(self.tr("Посмотреть демонстрационный район"), self)
        empty = QPushButton(self.tr("Начать с пустой базы"), self)
        demo.clicked.connect(lambda: self._choose(FirstStartChoice.DEMO))
        empty.clicked.connect(lambda: self._choose(FirstStartChoice.EMPTY))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(demo)
        layout.addWidget(empty)
        self.resize(520, 0)

    def _choose(self, choice: FirstStartChoice) -> None:
        self.choice = choice
        self.accept()
