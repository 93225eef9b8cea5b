"""File → Export from the window: progress in a worker thread, the file read back, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.ui.export_actions import EXPORT_KINDS, safe_file_name


def _kind(key: str):
    return next(k for k in EXPORT_KINDS if k.key == key)


def test_export_menu_writes_a_readable_workbook(window, tmp_path: Path) -> None:
    target = tmp_path / "карта.xlsx"
    window.dialogs.save_paths = [target]
    window.dialogs.answers = [True]  # «Открыть его?» — yes
    window.exports.actions["xlsx"].trigger()
    assert target.exists()
    wb = load_workbook(target, read_only=True)
    assert "Дорожная карта" in wb.sheetnames
    values = [c for row in wb["Дорожная карта"].iter_rows(values_only=True) for c in row if c]
    assert any("Информирование общеобразовательных организаций" in str(v) for v in values)
    assert window.dialogs.opened == [target], window.dialogs.shown


def test_export_adds_the_suffix_and_can_be_declined(window, tmp_path: Path) -> None:
    window.dialogs.save_paths = [tmp_path / "без_расширения"]
    window.dialogs.answers = [False]
    written = window.exports.export(_kind("xlsx"))
    assert written == tmp_path / "без_расширения.xlsx" and written.exists()
    assert window.dialogs.opened == []


def test_cancelled_save_dialog_writes_nothing(window, tmp_path: Path) -> None:
    window.dialogs.save_paths = [None]
    assert window.exports.export(_kind("xlsx")) is None
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith("demo.db")]


def test_export_into_a_missing_folder_is_a_russian_error(window, tmp_path: Path) -> None:
    target = tmp_path / "нет такой папки" / "карта.xlsx"
    assert window.exports.export(_kind("xlsx"), target) is None
    kind, title, text = window.dialogs.shown[-1]
    assert kind == "error" and "Экспорт не выполнен" in title
    assert "Папка не существует" in text or "Нет доступа" in text
    assert not target.exists()


def test_safe_file_name() -> None:
    assert safe_file_name('План «500+»: школы/ШНОР?') == "План 500+ школы ШНОР"
    assert safe_file_name("") == "Дорожная карта"
    assert len(safe_file_name("а" * 300)) == 60


@pytest.mark.parametrize(("key", "expected"), [
    ("order_pdf", "п р и к а з ы в а ю"),
    ("roadmap_pdf", "УТВЕРЖДАЮ"),
])
def test_pdf_exports_from_the_window(window, tmp_path: Path, key: str, expected: str) -> None:
    import subprocess

    target = tmp_path / f"{key}.pdf"
    assert window.exports.export(_kind(key), target) == target
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert expected in text
    assert "Информирование общеобразовательных организаций" in " ".join(text.split())
