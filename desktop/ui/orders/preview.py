"""A scrollable preview of a PDF's pages as images: zoom in/out, «Страница N из M».

It opens at the width of its panel («По ширине»): at 100 % a landscape appendix page
(842 pt) is wider than the panel beside the orders list at 1366 px. A zoom step leaves
«По ширине» for the chosen zoom; the button brings it back.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pdf_pages import page_count, page_sizes, render_page

#: zoom 1.0 shows a page at this many dots per inch
BASE_DPI = 72.0
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.zoom = 1.0
        #: the zoom follows the panel's width (until a zoom step chooses one)
        self.fit_width = True
        #: the widest page's width in points (the PDF's)
        self._widest = 0.0
        self.labels: list[QLabel] = []
        self.zoom_out = QToolButton(self)
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip(self.tr("Уменьшить"))
        self.zoom_out.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in = QToolButton(self)
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip(self.tr("Увеличить"))
        self.zoom_in.clicked.connect(lambda: self.step_zoom(1))
        self.fit_button = QToolButton(self)
        self.fit_button.setText(self.tr("По ширине"))
        self.fit_button.setToolTip(self.tr("Страницы во всю ширину панели"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.fit_button.clicked.connect(self.set_fit_width)
        self._refit = QTimer(self)  # one render after a resize, not one per pixel
        self._refit.setSingleShot(True)
        self._refit.setInterval(120)
        self._refit.timeout.connect(self._fit)
        self.zoom_label = QLabel(self)
        self.page_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in)
        bar.addWidget(self.fit_button)
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
        self._widest = max((width for width, _height in page_sizes(path)), default=0.0)
        if self.fit_width:
            self.zoom = self.width_zoom()
        for index in range(page_count(path)):
            label = QLabel(self.pages)
            label.setStyleSheet("background: white; border: 1px solid #404040;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.labels.append(label)
            label.setProperty("page_index", index)
        self._render()

    def step_zoom(self, step: int) -> None:
        index = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        if ZOOMS[index] != self.zoom and (ZOOMS[index] - self.zoom) * step > 0:
            index -= step  # from a width's zoom (83 %) the next step up is 100 %, not 125 %
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, index + step))]
        self.set_fit_width(False)
        self._render()

    def width_zoom(self) -> float:
        """The zoom at which the widest page fills the panel's width (scroll bar and page
        margins left out), within the zooms offered."""
        if self._widest <= 0:
            return self.zoom
        margins = self.pages_layout.contentsMargins()
        room = (self.scroll.viewport().width() - margins.left() - margins.right()
                - self.scroll.verticalScrollBar().sizeHint().width() - 4)
        return max(ZOOMS[0], min(ZOOMS[-1], room / (self._widest * BASE_DPI / 72.0)))

    def set_fit_width(self, on: bool) -> None:
        self.fit_width = on
        self.fit_button.setChecked(on)
        if on:
            self._fit()

    def _fit(self) -> None:
        if self.fit_width and self.path is not None:
            zoom = self.width_zoom()
            if abs(zoom - self.zoom) > 0.005:
                self.zoom = zoom
                self._render()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.fit_width and self.path is not None:
            self._refit.start()  # rendered while hidden: at a width not yet laid out

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_width and self.path is not None:
            self._refit.start()

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
