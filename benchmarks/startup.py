"""Start-up: time to the first painted main window with the demo database, against a bare
PySide6 window (QApplication + QMainWindow shown) started the same way, in the same run.

Both run as fresh processes; the clock runs from spawning the process to the moment it
prints ``first-paint`` (interpreter start and imports included). Our window then fills the
first page from a plain ``sqlite3`` read (:mod:`desktop.ui.first_view`) and prints
``data-shown``; then it opens the database through SQLAlchemy, shows the page again from
it and prints ``database-open`` (the window takes input from then on): both figures are
reported too. Medians of alternating runs. Target: ratio ≤ 1.5,
data shown within 4× the bare first paint.

When a bundle has been built (``make build`` → ``dist/dorozhnaya-karta/``), it is started
the same way in the same run, and its first paint is reported against the source run's
(``bundle_ratio``, target ≤ 1.3).

The source runs use a bytecode cache (in a temporary folder), as an installed program has
one: with ``PYTHONDONTWRITEBYTECODE`` set, as on this build machine, every start would
compile the program's modules from source again (~0.1 s that no user ever waits for).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEATS = 7
BUNDLE = ROOT / "dist" / "dorozhnaya-karta" / "dorozhnaya-karta"

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class F(QObject):
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint:
            print("first-paint", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
w = QMainWindow(); f = F(); w.installEventFilter(f); w.resize(1366, 768); w.show()
app.exec()
"""


def timed(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to each marker line the process prints (``first-paint``, …)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    marks: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        marks.setdefault(line.split()[0], time.perf_counter() - start)
    if proc.wait(timeout=60) != 0 or "first-paint" not in marks:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return marks


def main() -> None:
    from desktop.models.database import open_database
    from desktop.services.demo import create_demo

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "demo.db"
        database = open_database(db_path)
        create_demo(database)
        database.close()
        env["DOROZHNAYA_KARTA_DATA"] = tmp
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "bytecode")
        args = ["--db", str(db_path), "--exit-after-paint"]
        ours_cmd = [sys.executable, "-m", "desktop", *args]
        bare_cmd = [sys.executable, "-c", BARE]
        bundle_cmd = [str(BUNDLE), *args] if BUNDLE.is_file() else None
        for cmd in (ours_cmd, bare_cmd, bundle_cmd):  # warm the OS file cache for each
            if cmd:
                timed(cmd, env)
        ours, data, opened, bare, bundle, bundle_data = [], [], [], [], [], []
        for _ in range(REPEATS):
            marks = timed(ours_cmd, env)
            ours.append(marks["first-paint"])
            data.append(marks["data-shown"])
            opened.append(marks["database-open"])
            bare.append(timed(bare_cmd, env)["first-paint"])
            if bundle_cmd:
                marks = timed(bundle_cmd, env)
                bundle.append(marks["first-paint"])
                bundle_data.append(marks["data-shown"])
    ours_s, data_s, open_s, bare_s = (statistics.median(x) for x in (ours, data, opened, bare))
    print(f"our window, first paint:        {ours_s * 1000:7.1f} ms (median of {REPEATS})")
    print(f"our window, demo data shown:    {data_s * 1000:7.1f} ms")
    print(f"our window, database open:      {open_s * 1000:7.1f} ms")
    print(f"bare QMainWindow, first paint:  {bare_s * 1000:7.1f} ms")
    result = {
        "name": "startup", "ours_s": round(ours_s, 4), "baseline_s": round(bare_s, 4),
        "ratio": round(ours_s / bare_s, 3), "target": "<= 1.5",
        "data_shown_s": round(data_s, 4), "data_shown_ratio": round(data_s / bare_s, 3),
        "data_shown_target": "<= 4",
        "database_open_s": round(open_s, 4), "database_open_ratio": round(open_s / bare_s, 3),
        # the first view takes looking around (select, scroll, arrows, filter) as soon as it
        # shows its data (desktop.ui.first_view.InputGate); edits and page switches wait for
        # the database
        "looking_around_ratio": round(data_s / bare_s, 3), "looking_around_target": "<= 3",
        "switch_pages_ratio": round(open_s / bare_s, 3), "switch_pages_target": "<= 3",
    }
    if bundle:
        bundle_s, bundle_data_s = statistics.median(bundle), statistics.median(bundle_data)
        print(f"bundle, first paint:            {bundle_s * 1000:7.1f} ms")
        print(f"bundle, demo data shown:        {bundle_data_s * 1000:7.1f} ms")
        result.update({
            "bundle_first_paint_s": round(bundle_s, 4),
            "bundle_ratio": round(bundle_s / ours_s, 3), "bundle_target": "<= 1.3",
            "bundle_data_shown_s": round(bundle_data_s, 4),
        })
    else:
        print("bundle: not built (make build), not measured")
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
