"""Qt's own Russian strings: the catalogue is found, Qt's file dialogs are used, and
every text of the file dialog (labels, buttons, tool tips, the «Тип» column) is Russian."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTreeView, QWidget

from desktop.ui.appearance import (
    QT_CATALOG,
    install_translations,
    prefer_qt_dialogs,
    translations_folder,
)


@pytest.fixture
def russian(qapp: QApplication) -> Iterator[QApplication]:
    locale = QLocale()  # install_translations makes Russian the default locale: put back too
    translators = install_translations(qapp)
    prefer_qt_dialogs(qapp)
    yield qapp
    for translator in translators:
        qapp.removeTranslator(translator)
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)
    QLocale.setDefault(locale)


def test_the_catalogue_is_found_where_pyside6_keeps_it() -> None:
    assert (translations_folder() / QT_CATALOG).stat().st_size > 10_000


def test_catalogue_installed_and_dialogs_are_qts_own(russian: QApplication) -> None:
    assert QCoreApplication.translate("QFileDialog", "&Save") == "&Сохранить"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"
    assert russian.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    # what the catalogue lacks is filled in, the rest still comes from it
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Папка:"
    assert QCoreApplication.translate("QFileDialog", "Directory:") == "Каталог:"
    assert QCoreApplication.translate("Другое", "Folder") == "Folder"


def _texts(dialog: QFileDialog) -> list[str]:
    """Every text the dialog shows: widget texts and tool tips, the file list's columns and types."""
    texts = []
    for widget in dialog.findChildren(QWidget):
        for getter in ("text", "toolTip"):
            value = getattr(widget, getter)() if callable(getattr(widget, getter, None)) else ""
            if value:
                texts.append(value.replace("&", ""))
    tree = dialog.findChild(QTreeView, "treeView")
    model, root = tree.model(), tree.rootIndex()
    texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    texts += [model.index(r, 2, root).data() for r in range(model.rowCount(root))]
    return texts


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen])
def test_file_dialog_strings_are_russian(qtbot, russian: QApplication, tmp_path: Path,
                                         mode: QFileDialog.AcceptMode) -> None:
    (tmp_path / "Приказы").mkdir()
    dialog = QFileDialog(None, "Сохранить", str(tmp_path), "Книга Excel (*.xlsx)")
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    tree = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 1)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Папка:"
    assert labels["fileTypeLabel"] == "&Типы файлов:"
    assert labels["fileNameLabel"] == "&Имя файла:"
    texts = _texts(dialog)
    assert "Папка" in texts and "Отмена" in texts and "Тип" in texts
    assert ("Сохранить" if mode == QFileDialog.AcceptMode.AcceptSave else "Открыть") in texts
    latin = [t for t in texts if any("a" <= ch.lower() <= "z" for ch in t)]
    assert latin == [], latin
