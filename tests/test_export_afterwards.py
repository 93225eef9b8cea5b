"""After an export (issue 23, point 9): the progress dialog is gone before the question
«Файл сохранён. Открыть?» (it used to show itself at «100%» on top of it, a quick job's
timer still pending), and a file the system cannot open is said to be so, in Russian."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop.ui.background import run_with_progress
from desktop.ui.dialogs import Dialogs, ScriptedDialogs
from desktop.ui.export_actions import EXPORT_KINDS
from tests.conftest import DEMO_TODAY


def pending_progress() -> list[QProgressDialog]:
    """Progress dialogs still there: shown, or able to show themselves when their timer
    fires (the way the «100%» dialog came back over the next question)."""
    return [w for w in QApplication.allWidgets() if isinstance(w, QProgressDialog)]


class Watching(ScriptedDialogs):
    """Notes, at every question and message, which progress dialogs could cover it."""

    def __init__(self, answers: list[bool] | None = None) -> None:
        super().__init__(answers)
        self.covered: list[int] = []

    def confirm(self, parent, title, text) -> bool:
        self.covered.append(len(pending_progress()))
        return super().confirm(parent, title, text)

    def info(self, parent, title, text) -> None:
        self.covered.append(len(pending_progress()))
        super().info(parent, title, text)


def test_a_quick_job_leaves_no_progress_dialog_behind(qtbot) -> None:
    # a job that reports no progress (a package, a Word file) and ends before the dialog's
    # 300 ms: the dialog's own timer would show it afterwards
    outcome = run_with_progress(None, "Выгрузка: быстро", lambda _progress: 42)
    assert outcome.ok and outcome.result == 42
    assert pending_progress() == []


@pytest.fixture
def watched(window):
    window.dialogs = window.exports.dialogs = Watching()
    for page in window.pages.values():
        page.dialogs = window.dialogs
    return window


def test_word_export_asks_to_open_with_no_progress_on_top(watched, tmp_path: Path) -> None:
    watched.dialogs.answers = [True]
    kind = next(k for k in EXPORT_KINDS if k.key == "order_docx")
    written = watched.exports.export(kind, tmp_path / "приказ.docx")
    assert written is not None and "Приказ" in " ".join(
        p.text for p in Document(str(written)).paragraphs).replace("ПРИКАЗ", "Приказ")
    assert watched.dialogs.shown[-1][0] == "confirm"
    assert watched.dialogs.covered == [0]
    assert watched.dialogs.opened == [written]


def test_package_export_tells_with_no_progress_on_top(watched, tmp_path: Path) -> None:
    watched.exports.dialogs = watched.dialogs
    written = watched.exports.export_package(tmp_path / "район.dkp", with_evidence=False)
    assert written is not None and written.stat().st_size > 0
    kind, _title, text = watched.dialogs.shown[-1]
    assert kind == "info" and "Пакет сохранён" in text
    assert watched.dialogs.covered == [0]


class CannotOpen(ScriptedDialogs):
    """Scripted messages, but the real «open in the system's program»."""

    open_externally = Dialogs.open_externally


def test_a_report_without_a_viewer_says_so(window, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    window.dialogs = CannotOpen()
    page = window.show_page("reports")
    page.dialogs = window.dialogs
    if hasattr(page, "set_day"):
        page.set_day(DEMO_TODAY)
    written = page.save_report(".pdf", tmp_path / "отчёт.pdf")
    assert written is not None and written.exists()
    kind, title, text = window.dialogs.shown[-1]
    assert (kind, title) == ("error", "Файл не открыт")
    assert "нет программы" in text and "PDF" in text and str(written) in text
