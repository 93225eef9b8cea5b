"""The roadmap chooser above the editor: a combo box that shows the current title whole.

Official titles run to 150 characters («Муниципальная дорожная карта по оказанию адресной
методической помощи …»); a one-line combo cuts them. This one wraps the title onto as
many lines as its width needs and grows in height to hold them.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

WRAP = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap


class TitleCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._one_line = super().sizeHint().height()
        self.currentIndexChanged.connect(self._fit)

    def text_rect(self) -> QRect:
        """Where the current title is drawn (the combo's edit field)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)

    def text_height(self, width: int) -> int:
        bound = QRect(0, 0, max(1, width), 10_000)
        return self.fontMetrics().boundingRect(bound, int(WRAP), self.currentText()).height()

    def fits(self) -> bool:
        """Whether the current title is shown whole (for tests and screenshots)."""
        rect = self.text_rect()
        bound = self.fontMetrics().boundingRect(QRect(0, 0, rect.width(), 10_000), int(WRAP),
                                                self.currentText())
        return bound.width() <= rect.width() and bound.height() <= rect.height()

    def _fit(self) -> None:
        rect = self.text_rect()
        chrome = self.height() - rect.height()
        needed = max(self._one_line, self.text_height(rect.width()) + chrome)
        if needed != self.height():
            self.setFixedHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = option.currentText
        option.currentText = ""
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.text_rect(), int(WRAP), text)
