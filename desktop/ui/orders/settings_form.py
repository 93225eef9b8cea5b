"""The order's print settings (``OrderPdfSettings``), stored in ``order.settings``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QWidget

from desktop.export.pdf_settings import OrderPdfSettings
from desktop.services import order_editing as ed
from desktop.ui.orders.sink import FAILED, EditSink

CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "date_style": (("numeric", "цифрами: 13.01.2026"), ("words", "словами: 13 января 2026 г.")),
    "order_word": (("spaced", "п р и к а з ы в а ю:"), ("caps", "ПРИКАЗЫВАЮ:")),
    "appendix_paper": (("A4", "A4, альбомная"), ("A3", "A3, альбомная")),
}
CHECKS: dict[str, str] = {
    "date_with_ot": "Дата с предлогом: «от 21.01.2026»",
    "title_centered": "Заголовок по центру над текстом",
    "restart_appendix_numbering": "Нумерация страниц приложения заново",
}


class SettingsForm(QWidget):
    def __init__(self, sink: EditSink, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sink = sink
        self.snapshot: dict[str, Any] | None = None
        self.current = OrderPdfSettings()
        self.combos: dict[str, QComboBox] = {}
        for key, choices in CHOICES.items():
            combo = QComboBox(self)
            for value, label in choices:
                combo.addItem(self.tr(label), value)
            combo.activated.connect(lambda _i, k=key, c=combo: self.commit(k, c.currentData()))
            self.combos[key] = combo
        self.left_margin = QDoubleSpinBox(self)
        self.left_margin.setRange(20.0, 50.0)
        self.left_margin.setDecimals(0)
        self.left_margin.setSuffix(self.tr(" мм"))
        self.left_margin.editingFinished.connect(
            lambda: self.commit("left_margin_mm", float(self.left_margin.value())))
        self.checks: dict[str, QCheckBox] = {}
        for key, text in CHECKS.items():
            box = QCheckBox(self.tr(text), self)
            box.clicked.connect(lambda checked, k=key: self.commit(k, bool(checked)))
            self.checks[key] = box
        form = QFormLayout(self)
        form.addRow(self.tr("Дата приказа:"), self.combos["date_style"])
        form.addRow("", self.checks["date_with_ot"])
        form.addRow(self.tr("Распорядительное слово:"), self.combos["order_word"])
        form.addRow(self.tr("Левое поле:"), self.left_margin)
        form.addRow("", self.checks["title_centered"])
        form.addRow(self.tr("Бумага приложения:"), self.combos["appendix_paper"])
        form.addRow("", self.checks["restart_appendix_numbering"])
        hint = QLabel(self.tr("По умолчанию — как в ГОСТ Р 7.0.97: дата цифрами, "
                              "«п р и к а з ы в а ю:» вразрядку, левое поле 30 мм."), self)
        hint.setWordWrap(True)
        form.addRow(hint)

    def load(self, snapshot: dict[str, Any] | None) -> None:
        self.snapshot = snapshot
        self.setEnabled(snapshot is not None)
        self.current = OrderPdfSettings().merged(snapshot["settings"] if snapshot else None)
        for key, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(getattr(self.current, key)), 0))
        self.left_margin.blockSignals(True)
        self.left_margin.setValue(self.current.left_margin_mm)
        self.left_margin.blockSignals(False)
        for key, box in self.checks.items():
            box.setChecked(bool(getattr(self.current, key)))

    def commit(self, key: str, value: Any) -> Any:
        if self.snapshot is None or getattr(self.current, key) == value:
            return None
        order_id = self.snapshot["id"]
        result = self.sink.edit(self.tr("изменение параметров печати"),
                                lambda s: ed.set_order_setting(s, order_id, key, value))
        if result is not FAILED:
            self.current = self.current.merged({key: value})
        return result
