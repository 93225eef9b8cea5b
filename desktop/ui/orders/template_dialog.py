"""«Создать по шаблону…»: choose an order template and the roadmap it is about."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget


class TemplateDialog(QDialog):
    def __init__(self, templates: list[tuple[str, str]], roadmaps: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Новый приказ по шаблону"))
        self.template = QComboBox(self)
        for key, title in templates:
            self.template.addItem(title, key)
        self.roadmap = QComboBox(self)
        self.roadmap.setMinimumContentsLength(50)
        for roadmap_id, title in roadmaps:
            self.roadmap.addItem(title, roadmap_id)
        if not roadmaps:
            self.roadmap.addItem(self.tr("— нет дорожных карт —"), None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Шаблон:"), self.template)
        form.addRow(self.tr("Дорожная карта:"), self.roadmap)
        form.addRow(buttons)

    def choice(self) -> tuple[str, int | None]:
        """The chosen ``(template key, roadmap id)``."""
        return self.template.currentData(), self.roadmap.currentData()
