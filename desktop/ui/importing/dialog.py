"""The import preview dialog: what will be written, and the column mapping to correct.

Tabs: sections and items (deadlines with warnings highlighted), executors merged
into one (and suggestions to accept), deadlines with warnings, the columns (each
heading's field in a combo box: changing one rebuilds the items at once), what the directories gain, what is around the
table, and what was skipped and why. «Импортировать» accepts; nothing is
written until then.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QTableWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.importers.analyse import remap
from desktop.importers.preview import ImportPreview
from desktop.models.columns import FIELD_SPECS, Field
from desktop.ui.importing.executor_merges import ExecutorMergesView
from desktop.ui.importing.preview_models import (
    around_lines,
    deadline_lines,
    directory_lines,
    list_model,
    tree_model,
)

IGNORED = "— не импортировать —"


class ImportDialog(QDialog):
    def __init__(self, preview: ImportPreview, parent: QWidget | None = None,
                 *, reread_sheet: Callable[[str], ImportPreview | None] | None = None,
                 replan: Callable[[ImportPreview], ImportPreview] | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.reread_sheet = reread_sheet
        #: recomputes what the directories gain (executors depend on the mapping)
        self.replan = replan
        self.setWindowTitle(self.tr("Импорт дорожной карты — предварительный просмотр"))
        self.resize(1100, 700)
        self.title_edit = QLineEdit(preview.title, self)
        self.title_edit.setCursorPosition(0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Файл"), QLabel(preview.source, self))
        form.addRow(self.tr("Название"), self.title_edit)
        self.sheet_combo: QComboBox | None = None
        if len(preview.sheets) > 1:
            self.sheet_combo = QComboBox(self)
            self.sheet_combo.addItems(preview.sheets)
            self.sheet_combo.setCurrentText(preview.sheet)
            self.sheet_combo.currentTextChanged.connect(self._choose_sheet)
            form.addRow(self.tr("Лист"), self.sheet_combo)
        form.addRow("", self.summary)

        self.tabs = QTabWidget(self)
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tabs.addTab(self.tree, self.tr("Разделы и мероприятия"))
        self.merges = ExecutorMergesView(self)
        self.merges.changed.connect(self._merges_changed)
        self.merges_tab = self.tabs.addTab(self.merges, self.tr("Исполнители"))
        self.lists: dict[str, QStandardItemModel] = {}
        self.columns_table = QTableWidget(self)
        self.columns_table.setColumnCount(2)
        self.columns_table.setHorizontalHeaderLabels([self.tr("Заголовок в документе"),
                                                      self.tr("Поле мероприятия")])
        self.columns_table.horizontalHeader().setStretchLastSection(True)
        self.columns_table.setColumnWidth(0, 420)
        for key, title in (("deadlines", self.tr("Сроки с предупреждениями")),):
            self._add_list(key, title)
        self.tabs.addTab(self.columns_table, self.tr("Столбцы"))
        for key, title in (("directory", self.tr("Добавится в справочники")),
                           ("around", self.tr("Вокруг таблицы")),
                           ("skipped", self.tr("Пропущено и предупреждения"))):
            self._add_list(key, title)
        self._fill_columns()

        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("Импортировать"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Отмена"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.refresh()

    def _add_list(self, key: str, title: str) -> None:
        model = QStandardItemModel(self)
        view = QListView(self)
        view.setModel(model)
        view.setWordWrap(True)
        self.lists[key] = model
        self.tabs.addTab(view, title)

    # -- columns ------------------------------------------------------------------------
    def _fill_columns(self) -> None:
        self.columns_table.setRowCount(len(self.preview.columns))
        self.field_combos: list[QComboBox] = []
        for row, mapping in enumerate(self.preview.columns):
            heading = QLabel(" ".join(mapping.heading.split()), self.columns_table)
            self.columns_table.setCellWidget(row, 0, heading)
            combo = QComboBox(self.columns_table)
            combo.addItem(IGNORED, None)
            for fld, spec in FIELD_SPECS.items():
                if fld in (Field.STATUS, Field.DONE_DATE, Field.SCHOOLS):
                    continue
                combo.addItem(spec.title, fld.value)
            combo.setCurrentIndex(max(0, combo.findData(mapping.field.value
                                                        if mapping.field else None)))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.columns_table.setCellWidget(row, 1, combo)
            self.field_combos.append(combo)

    def mapping(self) -> list[Field | None]:
        return [Field(c.currentData()) if c.currentData() else None for c in self.field_combos]

    def set_field(self, column: int, fld: Field | None) -> None:
        """Set one column's field as the user would (tests drive the dialog with it)."""
        combo = self.field_combos[column]
        combo.setCurrentIndex(combo.findData(fld.value if fld else None))

    def _mapping_changed(self) -> None:
        remap(self.preview, self.mapping())
        if self.replan is not None:
            self.replan(self.preview)
        self.refresh()

    def _merges_changed(self) -> None:
        if self.replan is not None:
            self.replan(self.preview)
        self.refresh()

    def _choose_sheet(self, name: str) -> None:
        if self.reread_sheet is None:
            return
        preview = self.reread_sheet(name)
        if preview is not None:
            self.preview = preview
            self.title_edit.setText(preview.title)
            self._fill_columns()
            self.refresh()

    # -- contents -----------------------------------------------------------------------
    def refresh(self) -> None:
        preview = self.preview
        tree_model(preview, self.tree_model)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 110)
        self.tree.setColumnWidth(1, 450)
        self.tree.setColumnWidth(2, 160)
        self.tree.setColumnWidth(3, 220)
        if self.merges.groups is not preview.executor_groups:
            self.merges.set_groups(preview.executor_groups)
        else:
            self.merges.refresh_directory()
        merges = sum(1 for g in preview.executor_groups if not g.suggestion)
        suggestions = len(preview.executor_groups) - merges
        self.tabs.setTabText(self.merges_tab, self.tr(
            "Исполнители: объединений {m}, предложений {s}").format(m=merges, s=suggestions))
        list_model(deadline_lines(preview), self.lists["deadlines"], self.tr("Срок"))
        list_model(directory_lines(preview), self.lists["directory"], self.tr("Новая запись"))
        list_model(around_lines(preview), self.lists["around"], self.tr("Найдено"))
        list_model([f"Предупреждение: {w}" for w in preview.warnings]
                   + [f"Пропущено: {s}" for s in preview.skipped],
                   self.lists["skipped"], self.tr("Что и почему"))
        sections = sum(1 for s in preview.sections if not s.untitled)
        items = len(preview.items())
        flagged = sum(1 for i in preview.items() if i.warnings)
        self.summary.setText(self.tr(
            "Разделов: {s}, мероприятий: {i}, сроков с предупреждениями: {d}, "
            "новых записей справочников: {n}, пропущено строк: {k}.").format(
            s=sections, i=items, d=flagged,
            n=len(preview.organisations) + len(preview.people), k=len(preview.skipped)))
        self.import_button.setEnabled(items > 0)

    def accept(self) -> None:
        self.preview.title = self.title_edit.text().strip() or self.preview.title
        super().accept()

