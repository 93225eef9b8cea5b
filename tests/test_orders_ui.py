"""The orders page: create from a template, edit with undo, print settings, preview, print, open."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.models import Order, OrderStatus, Roadmap
from desktop.services.order_editing import order_snapshot
from tests.qt_helpers import type_text


@pytest.fixture
def page(window):
    return window.show_page("orders")


def _settle() -> None:
    QApplication.processEvents()
    QApplication.processEvents()


def _snapshot(db, order_id: int) -> dict:
    with db.session() as s:
        return order_snapshot(s, order_id)


def _pdfinfo_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def _create(page, demo_db, key: str = "approve_roadmap") -> int:
    with demo_db.session() as s:
        roadmap_id = s.scalar(select(Roadmap.id).order_by(Roadmap.id))
    page.choose_template = lambda: (key, roadmap_id)
    order_id = page.create_from_template()
    _settle()
    assert order_id is not None
    assert page.editor.order_id == order_id
    return order_id


def test_create_from_template_and_undo(page, window, demo_db) -> None:
    with demo_db.session() as s:
        before = s.scalar(select(func.count()).select_from(Order))
    order_id = _create(page, demo_db)
    with demo_db.session() as s:
        order = s.get(Order, order_id)
        assert order.status is OrderStatus.DRAFT and order.points
    assert page.table.model.rowCount() == before + 1
    window.undo_stack.undo()
    _settle()
    with demo_db.session() as s:
        assert s.get(Order, order_id) is None
    window.undo_stack.redo()
    _settle()
    with demo_db.session() as s:
        assert s.get(Order, order_id) is not None


def test_edit_title_then_undo(page, window, demo_db) -> None:
    order_id = _create(page, demo_db)
    old_title = _snapshot(demo_db, order_id)["title"]
    edit = page.editor.title
    edit.setFocus()
    edit.selectAll()
    type_text(edit, "О проверке редактора")
    assert _snapshot(demo_db, order_id)["title"] == old_title, "not stored per keystroke"
    edit.editingFinished.emit()
    _settle()
    assert _snapshot(demo_db, order_id)["title"] == "О проверке редактора"
    assert window.undo_stack.undoText().startswith("изменение «заголовок»")
    window.undo_stack.undo()
    _settle()
    assert _snapshot(demo_db, order_id)["title"] == old_title
    assert page.editor.title.text() == old_title


def test_empty_date_and_number_still_preview(page, demo_db) -> None:
    order_id = _create(page, demo_db)
    assert page.editor.date.value() is None
    path = page.output.preview()
    assert path is not None and path.exists()
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "ПРОЕКТ" in text
    assert page.preview.page_total() == _pdfinfo_pages(path)
    assert _snapshot(demo_db, order_id)["number"] == ""


def test_add_point_indent_and_undo(page, window, demo_db) -> None:
    order_id = _create(page, demo_db)
    points = page.editor.points
    points.select(_snapshot(demo_db, order_id)["points"][0]["id"])
    new_id = points.add_point()
    _settle()
    tree = _snapshot(demo_db, order_id)["points"]
    assert [p["id"] for p in tree].index(new_id) == 1
    assert points.current_id() == new_id
    points.indent()
    _settle()
    tree = _snapshot(demo_db, order_id)["points"]
    assert tree[0]["children"][-1]["id"] == new_id
    assert points.model.index_of(new_id).parent().isValid()
    window.undo_stack.undo()
    _settle()
    assert _snapshot(demo_db, order_id)["points"][1]["id"] == new_id
    window.undo_stack.undo()
    _settle()
    assert new_id not in [p["id"] for p in _snapshot(demo_db, order_id)["points"]]


def test_in_place_point_text_edit(page, demo_db) -> None:
    order_id = _create(page, demo_db)
    model = page.editor.points.model
    index = model.index(0, 0)
    assert model.setData(index, "Утвердить план (приложение).")
    _settle()
    assert _snapshot(demo_db, order_id)["points"][0]["text"] == "Утвердить план (приложение)."


def test_print_setting_reaches_the_pdf(page, demo_db, tmp_path) -> None:
    order_id = _create(page, demo_db)
    combo = page.settings.combos["order_word"]
    combo.setCurrentIndex(combo.findData("caps"))
    combo.activated.emit(combo.currentIndex())
    _settle()
    assert _snapshot(demo_db, order_id)["settings"]["order_word"] == "caps"
    target = tmp_path / "saved.pdf"
    page.dialogs.save_paths.append(target)
    assert page.output.save_as() == target
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "ПРИКАЗЫВАЮ:" in text


def test_preview_print_and_open(page, demo_db, tmp_path) -> None:
    _create(page, demo_db)
    path = page.output.preview()
    pages = _pdfinfo_pages(path)
    assert pages >= 2  # the order and its landscape appendix
    assert page.preview.page_total() == pages
    assert page.preview.page_label.text() == f"Страница 1 из {pages}"
    width = page.preview.labels[0].width()
    page.preview.step_zoom(1)
    assert page.preview.labels[0].width() > width

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    page.output.ask_printer = lambda: printer
    assert page.output.print_order() == pages
    assert printed.exists() and _pdfinfo_pages(printed) == pages
    sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(printed)],
                           capture_output=True, text=True).stdout
    assert "842 x 595" in sizes.replace(".00", "").replace(".0", "")  # a landscape page

    opened = page.output.open_externally()
    assert page.dialogs.opened == [opened] and opened == path  # unchanged: the same file


def test_signed_order_warns_before_editing(page, demo_db) -> None:
    order_id = _create(page, demo_db)
    with demo_db.session() as s:
        order = s.get(Order, order_id)
        order.number, order.status = "5", OrderStatus.SIGNED
        order.date = order.date or __import__("datetime").date(2026, 1, 13)
    page.refresh(select_id=order_id)
    page.editor.commit_field("title", "О другом")
    kind, title, _ = page.dialogs.shown[-1]
    assert (kind, title) == ("confirm", "Приказ подписан")
    _settle()
    assert _snapshot(demo_db, order_id)["title"] != "О другом"  # answered «no»
    page.dialogs.answers.append(True)
    page.editor.commit_field("title", "О другом")
    assert _snapshot(demo_db, order_id)["title"] == "О другом"


def test_delete_confirms_and_undo_restores(page, window, demo_db) -> None:
    order_id = _create(page, demo_db)
    before = _snapshot(demo_db, order_id)
    page.dialogs.answers.append(True)
    assert page.delete_order()
    _settle()
    with demo_db.session() as s:
        assert s.get(Order, order_id) is None
    window.undo_stack.undo()
    _settle()
    assert _snapshot(demo_db, order_id) == before


def test_failed_export_shows_the_message(page, demo_db, tmp_path) -> None:
    _create(page, demo_db)
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert page.output.export(blocked / "sub" / "x.pdf") is None
    kind, title, _ = page.dialogs.shown[-1]
    assert (kind, title) == ("error", "PDF не сформирован")
