"""Small dialogs of the registry: a school's risk factors (a checkable list) and the
preview of a school list pasted from Excel. Both are plain QDialogs that tests drive by
their widgets and ``accept()``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.registry import PastePreview


class RiskFactorsDialog(QDialog):
    """Tick the risk factors chosen for one school."""

    def __init__(self, school: str, options: list[tuple[int, str]], chosen: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Факторы риска: {school}").format(school=school))
        self.list = QListWidget(self)
        for factor_id, text in options:
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, factor_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if factor_id in chosen
                               else Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Отметьте факторы, выбранные для работы школы:"), self))
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(620, 380)

    def chosen_ids(self) -> list[int]:
        return [self.list.item(n).data(Qt.ItemDataRole.UserRole)
                for n in range(self.list.count())
                if self.list.item(n).checkState() == Qt.CheckState.Checked]


class PastePreviewDialog(QDialog):
    """What a pasted list adds and what it skips (with the reason), before anything is stored."""

    def __init__(self, preview: PastePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Вставка списка школ из Excel"))
        added = QTableWidget(len(preview.added), 4, self)
        added.setHorizontalHeaderLabels(
            [self.tr("Краткое"), self.tr("Полное наименование"), self.tr("Директор"),
             self.tr("Категории")])
        for row, school in enumerate(preview.added):
            values = school.values
            labels = [name for name, key in (("ШНОР", "is_shnor"), ("ШССУ", "is_shssu"),
                                             ("ШФЗР", "is_shfzr"), ("постпроектное", "post_project"))
                      if values.get(key)]
            if values.get("project_years"):
                labels.append("«500+» " + ", ".join(map(str, values["project_years"])))
            for col, text in enumerate((values["short_name"], values["full_name"],
                                        values.get("director", ""), ", ".join(labels))):
                added.setItem(row, col, QTableWidgetItem(text))
        skipped = QTableWidget(len(preview.skipped), 3, self)
        skipped.setHorizontalHeaderLabels([self.tr("Строка"), self.tr("Текст"), self.tr("Причина")])
        for row, (line, text, reason) in enumerate(preview.skipped):
            for col, value in enumerate((str(line), text, reason)):
                skipped.setItem(row, col, QTableWidgetItem(value))
        for table in (added, skipped):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.added_table, self.skipped_table = added, skipped
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(
            self.tr("Добавить школ: {n}").format(n=len(preview.added)),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(bool(preview.added))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Будут добавлены ({n}):").format(n=len(preview.added))))
        layout.addWidget(added, 2)
        layout.addWidget(QLabel(self.tr("Пропущены ({n}):").format(n=len(preview.skipped))))
        layout.addWidget(skipped, 1)
        layout.addWidget(buttons)
        self.resize(860, 520)
