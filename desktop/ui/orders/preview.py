"""A scrollable preview of a PDF's pages as images: zoom in/out, «Страница N из M»."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pdf_pages import page_count, render_page

#: zoom 1.0 shows a page at this many dots per inch
BASE_DPI = 72.0
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.zoom = 1.0
        self.labels: list[QLabel] = []
        self.zoom_out = QToolButton(self)
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(self.tr("Уменьшить"))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in = QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(self.tr("Увеличить"))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_label = QLabel(self)
        self.page_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        self.pages = QWidget()
        self.pages.setStyleSheet("background: #808080;")
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(12)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._update_page_label())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.clear(self.tr("Нажмите «Предпросмотр», чтобы увидеть приказ так, как он будет "
                           "напечатан."))

    def page_total(self) -> int:
        return len(self.labels)

    def clear(self, message: str = "") -> None:
        self.path = None
        self.labels = []
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        if message:
            note = QLabel(message, self.pages)
            note.setStyleSheet("background: transparent; color: white;")
            note.setWordWrap(True)
            self.pages_layout.addWidget(note)
        self._update_labels()

    def show_pdf(self, path: Path) -> None:
        """Show every page of ``path`` at the current zoom."""
        self.clear()
        self.path = path
        for index in range(page_count(path)):
            label = QLabel(self.pages)
            label.setStyleSheet("background: white; border: 1px solid #404040;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.labels.append(label)
            label.setProperty("page_index", index)
        self._render()

    def step_zoom(self, step: int) -> None:
        index = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, index + step))]
        self._render()

    def _render(self) -> None:
        if self.path is not None:
            dpi = BASE_DPI * self.zoom * self.devicePixelRatioF()
            for index, label in enumerate(self.labels):
                pixmap = QPixmap.fromImage(render_page(self.path, index, dpi))
                pixmap.setDevicePixelRatio(self.devicePixelRatioF())
                label.setPixmap(pixmap)
                label.setFixedSize(pixmap.deviceIndependentSize().toSize())
        self._update_labels()

    def current_page(self) -> int:
        """The page (from 1) at the top of the visible area."""
        top = self.scroll.verticalScrollBar().value()
        for n, label in enumerate(self.labels, 1):
            if label.y() + label.height() > top + 20:
                return n
        return len(self.labels)

    def _update_labels(self) -> None:
        self.zoom_label.setText(f"{self.zoom * 100:.0f} %")
        self.zoom_in.setEnabled(self.path is not None and self.zoom < ZOOMS[-1])
        self.zoom_out.setEnabled(self.path is not None and self.zoom > ZOOMS[0])
        self._update_page_label()

    def _update_page_label(self) -> None:
        total = len(self.labels)
        self.page_label.setText(self.tr("Страница {n} из {m}").format(
            n=self.current_page(), m=total) if total else "")
