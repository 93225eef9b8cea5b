"""The start-up path stays light: the window is built and shown before the database layer,
the Gantt calendar and the exporters are imported, and the shortcuts set in a way that does
not load Qt's whole ``Qt`` namespace still work (benchmarks/startup.py measures the time)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QKeySequence

ROOT = Path(__file__).resolve().parent.parent

BEFORE_DATA = r"""
import sys
from desktop.app import make_application
app = make_application()
from desktop.ui.dialogs import Dialogs
from desktop.ui.main_window import MainWindow
window = MainWindow(dialogs=Dialogs())
window.resize(1366, 768)
window.show()
app.processEvents()
heavy = sorted({m.split(".")[0] for m in sys.modules}
               & {"sqlalchemy", "alembic", "holidays", "openpyxl", "reportlab", "pypdfium2"})
print("heavy:", ",".join(heavy))
print("icon:", not app.windowIcon().isNull())
"""


def test_window_paints_before_the_database_layer_is_imported(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               DOROZHNAYA_KARTA_DATA=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", BEFORE_DATA], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "heavy: \n" in result.stdout
    assert "icon: True" in result.stdout


def test_menu_shortcuts(window) -> None:
    main_window = window
    undo, redo = main_window.edit_menu.actions()[:2]
    assert undo.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert [s.toString() for s in redo.shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    views = [a for a in main_window.view_menu.actions() if not a.isSeparator()]
    from desktop.ui.pages import PAGES

    pages = len(PAGES)
    assert [a.shortcut().toString() for a in views[:pages]] == [
        f"Ctrl+{n}" for n in range(1, pages + 1)]
    assert views[pages].shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Refresh)
    quit_action = next(a for a in main_window.file_menu.actions() if a.text() == "В&ыход")
    assert quit_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)


def test_the_real_start_paints_before_the_database_layer(tmp_path: Path) -> None:
    """``python -m desktop`` as a coordinator starts it (not a hand-built window): nothing
    heavy is imported before the first paint (a module-level import in app.py once was)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               DOROZHNAYA_KARTA_DATA=str(tmp_path))
    db = tmp_path / "start.db"
    made = subprocess.run([sys.executable, "-m", "desktop", "demo", "--db", str(db)], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(db),
                             "--exit-after-paint"], env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    marks = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert marks["loaded-at-first-paint"] == "", marks
    # the demo's roadmap is shown from the plain read before SQLAlchemy is imported …
    assert marks["loaded-at-data-shown"] == "", marks
    assert float(marks["first-paint"]) <= float(marks["data-shown"])
    # … and then the database is opened through it
    assert "sqlalchemy" in marks["loaded-at-database-open"].split(","), marks
    assert float(marks["data-shown"]) <= float(marks["database-open"])
