"""File → Import offers every kind of file it takes (issue 23, point 13): roadmaps from Word,
Excel and LibreOffice, schools' filled-in forms and districts' packages. The open dialog's
filter comes from :mod:`desktop.services.file_kind`, and the chosen file goes where its kind
is imported; the open dialog starts in the folder last used (point 15)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop import cli
from desktop.exchange.sample import sample_data, sample_district, sample_signer
from desktop.export.package import pack
from desktop.services.file_kind import IMPORTED, FileKind, import_filter
from desktop.ui import folders
from desktop.ui.dialogs import Dialogs


def test_the_filter_names_every_kind() -> None:
    groups = import_filter().split(";;")
    assert groups[0].startswith("Всё, что можно импортировать (")
    for suffix in (".docx", ".doc", ".odt", ".xlsx", ".xls", ".ods", ".dkp"):
        assert f"*{suffix}" in groups[0]
    assert [g.rsplit(" (", 1)[0] for g in groups[1:]] == [e.label for e in IMPORTED]
    assert {e.kind for e in IMPORTED} == set(FileKind)


def test_the_menu_imports_a_package_and_a_school_form(window, demo_db, tmp_path: Path) -> None:
    action = window.import_action
    assert "форма школы" in action.text() and "пакет района" in action.text()
    package = pack(tmp_path / "d1.dkp", sample_district(1), sample_data(1, 12, 4),
                   now=dt.datetime(2026, 6, 1), signer=sample_signer(1), sequence=1)
    window.dialogs.open_paths = [package]
    window.dialogs.answers = [True]  # the package's preview — import it
    action.trigger()
    kind, title, file_filter = window.dialogs.shown[0]
    assert (kind, title, file_filter) == ("open", "Импорт", import_filter())
    region = window.page("region")
    assert window.stack.currentWidget() is region and len(region.districts) == 1

    folder = tmp_path / "формы"
    roadmap_id = window.page("roadmaps").current_roadmap_id()
    assert cli.run(["export", "forms", "--db", demo_db.address, "--roadmap", str(roadmap_id),
                    "-o", str(folder)]) == 0
    form = sorted(folder.iterdir())[0]
    window.dialogs.open_paths = [form]
    action.trigger()  # a form as sent: nothing filled in yet
    assert window.stack.currentWidget() is window.page("checklist")
    assert window.dialogs.shown[-1][:2] == ("info", "Форма школы")
    assert window.dialogs.shown[-1][2] == "Форма ничего не меняет."


def test_open_dialogs_start_in_the_last_folder_else_the_documents(monkeypatch,
                                                                   tmp_path: Path) -> None:
    asked: list[str] = []

    def fake_open(_parent, _title, folder, _filter, **_kw):
        asked.append(folder)
        return str(tmp_path / "школы" / "форма.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    (tmp_path / "школы").mkdir()
    dialogs = Dialogs()
    assert dialogs.open_file(None, "Импорт", import_filter()) == tmp_path / "школы" / "форма.xlsx"
    assert asked == [str(folders.documents_dir())]
    dialogs.open_file(None, "Импорт", import_filter())
    assert asked[-1] == str((tmp_path / "школы").resolve())

    saved: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda _p, _t, suggested, _f, **_kw: (saved.append(suggested) or "", "")))
    dialogs.save_file(None, "Экспорт", folders.documents_dir() / "Дорожная карта 2026.xlsx",
                      "Книга Excel (*.xlsx)")
    assert saved == [str((tmp_path / "школы").resolve() / "Дорожная карта 2026.xlsx")]
