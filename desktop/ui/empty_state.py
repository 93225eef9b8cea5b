"""What the roadmaps page shows while the database has no roadmap: an invitation to create
one, import one from Word or Excel, or look at the demo district — instead of a bare editor.

The widget only emits signals. Placed on a page with :meth:`EmptyState.over`, it hides the
page's editor widgets while it is shown and, unless told not to,
answers them with the main window's own actions (File → Import, Roadmap → New) and
:func:`open_demo`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

#: the text column's width: wide enough for the buttons, narrow enough to read
TEXT_WIDTH = 560


class EmptyState(QWidget):
    """«В базе пока нет дорожных карт» with three ways to get one."""

    createRequested = Signal()
    importRequested = Signal()
    demoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._covered: list[QWidget] = []
        #: answer the signals with the window's actions at the first show (tests turn it off)
        self.use_window_actions = True
        heading = QLabel(self.tr("<h2>В базе пока нет дорожных карт</h2>"), self)
        text = QLabel(self.tr(
            "<p>Создайте новую дорожную карту — пустую или по типовому образцу, — "
            "или загрузите готовую из файла Word или Excel: таблица мероприятий, сроки "
            "и исполнители будут разобраны, перед загрузкой вы увидите, что получилось.</p>"
            "<p>Чтобы сначала посмотреть, как всё устроено, откройте демонстрационный "
            "район с вымышленными школами. Ваша база при этом не изменится.</p>"), self)
        text.setWordWrap(True)
        text.setFixedWidth(TEXT_WIDTH)
        # a wrapped label in a centred column gets no height-for-width: give it its height
        text.setMinimumHeight(text.heightForWidth(TEXT_WIDTH))
        self.create_button = QPushButton(self.tr("Создать дорожную карту…"), self)
        self.import_button = QPushButton(self.tr("Импортировать из Word или Excel…"), self)
        self.demo_button = QPushButton(self.tr("Открыть демонстрационный район"), self)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.createRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(text)
        for button in (self.create_button, self.import_button, self.demo_button):
            button.setMinimumHeight(34)
            column.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(column)
        layout.setAlignment(column, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    @classmethod
    def over(cls, page: QWidget, layout: QBoxLayout, covered: Sequence[QWidget]) -> EmptyState:
        """An empty state added to ``page``'s ``layout``, hidden; while shown (see
        :meth:`set_active`) the ``covered`` widgets are hidden."""
        empty = cls(page)
        empty._covered = list(covered)
        empty.hide()
        layout.addWidget(empty, 1)
        return empty

    def set_active(self, active: bool) -> None:
        """Show the invitation (and hide what it covers), or the other way round."""
        for widget in self._covered:
            widget.setVisible(not active)
        self.setVisible(active)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        window: Any = self.window()
        if self.use_window_actions and hasattr(window, "import_file"):
            self.use_window_actions = False  # once
            self.createRequested.connect(lambda: window.new_roadmap())
            self.importRequested.connect(lambda: window.import_file(None))
            self.demoRequested.connect(lambda: open_demo(window))


def open_demo(window: Any) -> None:
    """Show the demo district in ``window`` (created at first use) in place of the database
    it shows; the user's own database opens again at the next start."""
    from desktop.paths import demo_db_path
    from desktop.services.demo import open_or_create_demo

    previous = window.database
    window.undo_stack.clear()  # its commands belong to the other database
    window.attach_database(open_or_create_demo(demo_db_path()))
    if previous is not None:
        previous.close()
