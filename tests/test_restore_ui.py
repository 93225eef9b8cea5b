"""File → «Резервная копия…» writes an archive; «Восстановить из копии…» takes any file (a USB
stick), shows what it holds, and replaces the database only when the user agrees."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtWidgets import QDialog

from desktop.ui.backup_dialogs import RestoreDialog
from desktop.ui.restore_summary import RestoreSummaryDialog
from tests.test_backup import table_dump
from tests.test_backup_archive import EVIDENCE, _add_evidence, _evidence_tree


def _menu_action(window, text: str):
    return next(a for a in window.file_menu.actions() if a.text() == text)


class Driver:
    """Answers the window's modal dialogs the way a user would click them."""

    def __init__(self, *, agree: bool = True) -> None:
        self.agree = agree
        self.seen: list[QDialog] = []
        self.summary: dict[str, tuple[str, str]] = {}

    def __call__(self, dialog: QDialog) -> bool:
        self.seen.append(dialog)
        if isinstance(dialog, RestoreDialog):
            dialog.pick_button.click()  # «Выбрать файл…»: the scripted file dialog answers
            return dialog.result() == QDialog.DialogCode.Accepted
        if isinstance(dialog, RestoreSummaryDialog):
            self.summary = dict(dialog.values)
            if self.agree:
                dialog.restore_button.click()
            else:
                dialog.reject()
            return dialog.result() == QDialog.DialogCode.Accepted
        raise AssertionError(f"unexpected dialog {dialog!r}")


def _backup_from_menu(window, target: Path) -> Path:
    window.dialogs.save_paths.append(target)
    _menu_action(window, "Резервная копия…").trigger()
    kind, _title, message = window.dialogs.shown[-1]
    assert kind == "info" and "файлы подтверждений: 3" in message, message
    return target


def test_restore_a_chosen_archive_from_the_menu(window, tmp_path: Path, qtbot) -> None:
    stored = _add_evidence(window.database, tmp_path / "picked", EVIDENCE)
    archive = _backup_from_menu(window, tmp_path / "stick" / "копия.dkbak")
    assert zipfile.is_zipfile(archive)
    saved_tables = table_dump(window.database.path)
    saved_files = _evidence_tree(window.database.path)
    with window.database.session() as s:  # a bad day: half the items gone, the files lost
        from sqlalchemy import text

        s.execute(text("DELETE FROM items WHERE id % 2 = 0"))
        s.commit()
    for path in stored.values():
        path.unlink()
    driver = Driver()
    window.run_dialog = driver
    window.dialogs.open_paths.append(archive)
    _menu_action(window, "Восстановить из копии…").trigger()

    assert [type(d) for d in driver.seen] == [RestoreDialog, RestoreSummaryDialog]
    in_copy, now = driver.summary["items"]
    assert int(in_copy) > int(now) > 0  # the copy's count beside the current one
    assert driver.summary["evidence_files"] == ("3", "3")
    assert any(kind == "open" for kind, _t, _m in window.dialogs.shown)
    kind, _title, message = window.dialogs.shown[-1]
    assert kind == "info" and "восстановлена" in message and ".dkbak" in message
    assert table_dump(window.database.path) == saved_tables
    assert _evidence_tree(window.database.path) == saved_files
    page = window.show_page("roadmaps")  # the window shows the restored file
    assert page.model.rowCount() > 0
    with window.database.session() as s:
        from sqlalchemy import text

        assert s.execute(text("SELECT count(*) FROM items")).scalar() == int(in_copy)


def test_declining_the_summary_changes_nothing(window, tmp_path: Path) -> None:
    _add_evidence(window.database, tmp_path / "picked", EVIDENCE)
    archive = _backup_from_menu(window, tmp_path / "копия.dkbak")
    from sqlalchemy import text

    with window.database.session() as s:
        s.execute(text("DELETE FROM items WHERE id % 3 = 0"))
        s.commit()
    before = table_dump(window.database.path)
    database = window.database
    driver = Driver(agree=False)
    window.run_dialog = driver
    window.dialogs.open_paths.append(archive)
    assert window.database_actions.restore_from_copy() is None
    assert isinstance(driver.seen[-1], RestoreSummaryDialog)
    assert window.database is database  # never closed
    assert table_dump(database.path) == before
    assert not list(database.path.parent.glob(".restore-*"))  # the unpacked copy removed


def test_a_damaged_file_is_refused_with_a_russian_message(window, tmp_path: Path) -> None:
    bad = tmp_path / "stick" / "копия.dkbak"
    bad.parent.mkdir()
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 300)  # a truncated zip
    before = table_dump(window.database.path)
    driver = Driver()
    window.run_dialog = driver
    window.dialogs.open_paths.append(bad)
    assert window.database_actions.restore_from_copy() is None
    assert [type(d) for d in driver.seen] == [RestoreDialog]  # no summary of a bad copy
    kind, _title, message = window.dialogs.shown[-1]
    assert kind == "error" and "повреждена" in message and "Ничего не изменено" in message
    assert table_dump(window.database.path) == before


def test_restore_list_offers_the_archives_kept_before_a_restore(window, tmp_path: Path) -> None:
    from desktop.services.backup import keep_current_state

    kept = keep_current_state(window.database.path)
    shown: list[RestoreDialog] = []
    window.run_dialog = lambda dialog: shown.append(dialog) or False
    window.database_actions.restore_from_copy()
    labels = [shown[0].list.item(n).text() for n in range(shown[0].list.count())]
    assert any(kept.name in label and "архив" in label and "мероприятий" in label
               for label in labels)


def test_restore_an_old_plain_db_copy_from_the_menu(window, tmp_path: Path) -> None:
    from sqlalchemy import text

    from desktop.models.backups import backup_database

    old = backup_database(window.database.path, tmp_path / "stick" / "copy-2025.db")
    saved = table_dump(old)
    with window.database.session() as s:
        s.execute(text("DELETE FROM items WHERE id % 2 = 1"))
        s.commit()
    driver = Driver()
    window.run_dialog = driver
    window.dialogs.open_paths.append(old)
    assert window.database_actions.restore_from_copy() == old
    assert driver.summary["evidence_files"][0] == "—"  # a plain copy holds no files
    assert table_dump(window.database.path) == saved
