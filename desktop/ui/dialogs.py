"""The one door for modal message boxes, so that tests can answer them.

Widgets never call ``QMessageBox.*`` directly: they call the methods of a
:class:`Dialogs` instance handed to them. Tests pass a :class:`ScriptedDialogs`
that records what was asked and answers from a script — an unpatched modal
``exec()`` would hang a test forever.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from desktop.ui import folders


def choice_dialog(parent: QWidget | None, title: str, text: str, options: list[str],
                  ok_text: str = "Выбрать") -> QInputDialog:
    """The question of :meth:`Dialogs.choose`: a list of options, «Выбрать» / «Отмена»."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setComboBoxItems(options)
    dialog.setComboBoxEditable(False)
    dialog.setOkButtonText(ok_text)
    dialog.setCancelButtonText("Отмена")
    dialog.resize(max(560, dialog.sizeHint().width()), dialog.sizeHint().height())
    return dialog


def cannot_open_text(path: Path) -> str:
    """Why a saved file did not open, and where it is."""
    kind = path.suffix.lower().lstrip(".") or "без расширения"
    return (f"Файл сохранён, но открыть его не удалось: в системе нет программы, которая "
            f"открывает файлы {kind.upper()}, или она не запустилась.\n\n"
            f"Файл: {path}\n\nОткройте его сами или установите программу просмотра.")


class Dialogs:
    """Real message boxes (Russian buttons come from the qtbase_ru translator)."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def choose(self, parent: QWidget | None, title: str, text: str,
               options: list[str]) -> int | None:
        """Ask to pick one of ``options`` (the first is the default); its index, or None
        when cancelled."""
        dialog = choice_dialog(parent, title, text, options)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        picked = dialog.textValue()
        return options.index(picked) if picked in options else None

    def save_file(self, parent: QWidget | None, title: str, suggested: Path,
                  file_filter: str) -> Path | None:
        """Ask where to save; None when cancelled. A name suggested in the documents folder
        is offered in the folder last used instead (:mod:`desktop.ui.folders`)."""
        if suggested.parent == folders.documents_dir():
            suggested = folders.start_folder() / suggested.name
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), file_filter,
                                              options=QFileDialog.Option.DontUseNativeDialog)
        if not name:
            return None
        folders.remember(Path(name))
        return Path(name)

    def open_file(self, parent: QWidget | None, title: str, file_filter: str) -> Path | None:
        """Ask which file to open, starting in the folder last used (else the documents);
        None when cancelled."""
        name, _ = QFileDialog.getOpenFileName(parent, title, str(folders.start_folder()),
                                              file_filter,
                                              options=QFileDialog.Option.DontUseNativeDialog)
        if not name:
            return None
        folders.remember(Path(name))
        return Path(name)

    def open_externally(self, path: Path, parent: QWidget | None = None) -> bool:
        """Open a written file in the system's program (Excel, a PDF viewer); when the
        system has none for it, say so (the file stays where it was saved)."""
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        self.error(parent, "Файл не открыт", cannot_open_text(path))
        return False


class ScriptedDialogs(Dialogs):
    """For tests: records every message and answers confirmations from ``answers``."""

    def __init__(self, answers: list[bool] | None = None,
                 save_paths: list[Path | None] | None = None,
                 open_paths: list[Path | None] | None = None,
                 choices: list[int | None] | None = None) -> None:
        self.answers = list(answers or [])
        self.choices = list(choices or [])
        self.save_paths = list(save_paths or [])
        self.open_paths = list(open_paths or [])
        self.shown: list[tuple[str, str, str]] = []
        self.opened: list[Path] = []

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.answers.pop(0) if self.answers else False

    def choose(self, parent: QWidget | None, title: str, text: str,
               options: list[str]) -> int | None:
        self.shown.append(("choose", title, text + "\n" + "\n".join(options)))
        return self.choices.pop(0) if self.choices else None

    def save_file(self, parent: QWidget | None, title: str, suggested: Path,
                  file_filter: str) -> Path | None:
        self.shown.append(("save", title, str(suggested)))
        return self.save_paths.pop(0) if self.save_paths else None

    def open_file(self, parent: QWidget | None, title: str, file_filter: str) -> Path | None:
        self.shown.append(("open", title, file_filter))
        return self.open_paths.pop(0) if self.open_paths else None

    def open_externally(self, path: Path, parent: QWidget | None = None) -> bool:
        self.opened.append(path)
        return True
