"""Where the window's file dialogs open: the folder of the last file chosen or saved there,
else the user's documents — never the program's own folder (the process's working folder,
which a dialog given no folder opens in).

The last folder is kept in a one-line file beside the user's data (not in the database: it
belongs to this computer, not to the district's data).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

#: the file in the per-user data folder that holds the last folder used
LAST_FOLDER_FILE = "last-folder.txt"


def documents_dir() -> Path:
    """The user's documents folder (their home when the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def _store() -> Path:
    from desktop.paths import data_dir

    return data_dir() / LAST_FOLDER_FILE


def start_folder() -> Path:
    """The folder a file dialog opens in: the last one used if it is still there."""
    try:
        text = _store().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        text = ""
    if text and Path(text).is_dir():
        return Path(text)
    return documents_dir()


def remember(path: Path) -> None:
    """Note the folder of a file just chosen or saved (quietly: it is only a convenience)."""
    folder = path if path.is_dir() else path.parent
    try:
        store = _store()
        store.parent.mkdir(parents=True, exist_ok=True)
        store.write_text(str(folder.resolve()), encoding="utf-8")
    except OSError:
        pass
