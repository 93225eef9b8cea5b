"""The import preview's «Исполнители» tab: the merges are listed ticked, the suggestion
unticked; the user ticks the suggestion, renames a merge and unticks another, and the
written items follow exactly that."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.models import Roadmap
from desktop.ui.importing.dialog import ImportDialog
from desktop.ui.importing.executor_merges import ACCEPT, DIRECTORY, NAME, VARIANTS
from tests.qt_helpers import type_text
from tests.test_executor_import import build_roadmap

SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def _row(dialog: ImportDialog, name: str) -> int:
    model = dialog.merges.model
    rows = [r for r in range(model.rowCount()) if model.item(r, NAME).text() == name
            and not model.item(r, ACCEPT).text()]
    assert len(rows) == 1, name
    return rows[0]


def test_preview_merges_accept_and_change(window, demo_db, qtbot, tmp_path: Path) -> None:
    path = build_roadmap(tmp_path / "executors.docx")
    screenshot = SCREENSHOTS / "import-executor-merges.png" \
        if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path / "merges.png"
    seen: list[ImportDialog] = []

    def drive(dialog: ImportDialog) -> bool:
        seen.append(dialog)
        model = dialog.merges.model
        assert dialog.tabs.tabText(dialog.merges_tab) == \
            "Исполнители: объединений 5, предложений 1"
        person = _row(dialog, "Хняч И.Н.")
        assert model.item(person, VARIANTS).text() == "Хняч И.Н.\nИ.Н. Хняч"
        assert model.item(person, DIRECTORY).text() == "человек «Хняч И.Н.» (новая запись)"
        suggestion = [r for r in range(model.rowCount())
                      if model.item(r, ACCEPT).text() == "предложение"]
        assert len(suggestion) == 1
        assert model.item(suggestion[0], ACCEPT).checkState() == Qt.CheckState.Unchecked
        assert model.item(suggestion[0], VARIANTS).text() == "кураторы школ"
        assert model.item(suggestion[0], NAME).text() == "Кураторы"
        dialog.tabs.setCurrentIndex(dialog.merges_tab)
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        # tick the suggestion with the mouse on its check box
        view = dialog.merges.view
        rect = view.visualRect(model.index(suggestion[0], ACCEPT))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(rect.left() + 12, rect.center().y()))
        assert dialog.preview.executor_groups[suggestion[0]].accepted
        # rename the «Кураторы» merge by typing into its «Станет» cell
        curators = _row(dialog, "Кураторы")
        index = model.index(curators, NAME)
        view.setCurrentIndex(index)
        view.edit(index)
        [editor] = view.viewport().findChildren(QLineEdit)
        editor.selectAll()
        type_text(editor, "Кураторы ШНОР")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert dialog.preview.executor_groups[curators].name == "Кураторы ШНОР"
        # the suggestion to join «Кураторы» now shows the new name too
        assert model.item(suggestion[0], NAME).text() == "Кураторы ШНОР"
        # keep «муниципальные координаторы» apart from «Муниципальный координатор»
        dialog.merges.set_accepted(_row(dialog, "Муниципальный координатор"), False)
        view.resizeRowsToContents()
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(screenshot))
        dialog.accept()
        return True

    window.run_dialog = drive
    roadmap_id = window.import_file(path)
    assert seen and roadmap_id is not None
    with demo_db.session() as session:
        found = {i.number: [e.display for e in i.executors]
                 for i in session.get(Roadmap, roadmap_id).all_items()}
    assert found["1"] == ["Кураторы ШНОР", "Муниципальный координатор", "ИМЦ"]
    assert found["2"] == ["Кураторы ШНОР", "ГОО «Кузбасский РЦППМС»",
                          "муниципальные координаторы"]
    # the demo's ИМЦ has a longer full name: the document's stays as typed
    assert found["3"] == ["Методисты УО", "Хняч И.Н.", "Информационно-методический центр",
                          "руководители ОО"]
    # the accepted suggestion follows the renamed merge
    assert found["4"] == ["Хняч И.Н.", "Кураторы ШНОР", "Методисты УО", "руководители ОО"]
    assert screenshot.stat().st_size > 10_000
