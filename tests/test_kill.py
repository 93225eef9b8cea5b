"""Crash safety: a child process works on the database and is SIGKILLed at random moments.

The harness is generic: a *worker* is Python source run in a child that prints one
line per unit of work it has committed; after each kill the *check* gets the
database and the lines the child reported. Workers here: a burst of committed edits
(every reported edit must be there) and restores between two copies (the file is
one copy or the other, never a mix). An import worker plugs in the same way
(the import is all or nothing).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.models import backups
from desktop.models.database import open_database

ROOT = Path(__file__).resolve().parent.parent
EDIT_KILLS = 30
RESTORE_KILLS = 12

EDIT_WORKER = textwrap.dedent("""
    import sys
    from desktop.models import Organisation
    from desktop.models.database import open_database
    run = sys.argv[2]
    db = open_database(sys.argv[1], create=False)
    print("open", flush=True)
    for n in range(100000):
        with db.write_session() as s:
            s.add(Organisation(short_name=f"{run}-{n}", full_name="Организация " * 20))
        print(f"{run}-{n}", flush=True)
""")

RESTORE_WORKER = textwrap.dedent("""
    import sys
    from desktop.services.backup import restore
    copies = sys.argv[3:5]
    print("open", flush=True)
    for n in range(100000):
        restore(__import__("pathlib").Path(sys.argv[1]), __import__("pathlib").Path(copies[n % 2]))
        print(f"restored {n}", flush=True)
""")


def run_and_kill(worker: str, args: list[str], rng: random.Random,
                 delay: tuple[float, float]) -> list[str]:
    """Start ``worker``, SIGKILL it after a random delay, return the lines it printed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", worker, *args], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True, env=env)
    first = child.stdout.readline()  # started (a loaded machine must not kill only start-ups)
    time.sleep(rng.uniform(*delay))
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    return [line for line in (first + out).splitlines() if line != "open"]


def kill_loop(db_path: Path, worker: str, kills: int, check: Callable[[Path, list[str], int], None],
              *, extra_args: list[str] | None = None, delay: tuple[float, float] = (0.0, 0.3),
              seed: int = 14) -> int:
    """Kill the worker ``kills`` times; after each, integrity_check and ``check``.
    Returns the number of work units reported committed in all runs."""
    rng = random.Random(seed)
    reported = 0
    for run in range(kills):
        lines = run_and_kill(worker, [str(db_path), f"r{run}", *(extra_args or [])], rng, delay)
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), f"run {run}"
        check(db_path, lines, run)
        reported += len(lines)
    return reported


def test_killed_edits_lose_nothing_reported(tmp_path: Path) -> None:
    path = tmp_path / "kill.db"
    open_database(path).close()

    def every_reported_edit_is_there(db: Path, lines: list[str], run: int) -> None:
        done = [line for line in lines if line.startswith(f"r{run}-")]
        with sqlite3.connect(db) as conn:
            stored = {r[0] for r in conn.execute(
                "SELECT short_name FROM organisations WHERE short_name LIKE ?", (f"r{run}-%",))}
        assert set(done) <= stored, f"run {run}: lost {sorted(set(done) - stored)[:5]}"
        # committed edits form a prefix: at most one more (committed, not yet reported)
        assert len(stored) - len(done) in (0, 1)

    reported = kill_loop(path, EDIT_WORKER, EDIT_KILLS, every_reported_edit_is_there)
    assert reported > EDIT_KILLS  # the kills did land amid edits, not only at start-up
    open_database(path).close()


@pytest.mark.parametrize("kills", [RESTORE_KILLS])
def test_killed_restore_leaves_old_or_new(demo_db, tmp_path: Path, kills: int) -> None:
    from sqlalchemy import text

    a = backups.backup_database(demo_db.path, tmp_path / "a.db")
    with demo_db.session() as s:
        s.execute(text("DELETE FROM items WHERE id % 3 = 0"))
        s.execute(text("UPDATE items SET activity = activity || ' (изменено)'"))
    b = backups.backup_database(demo_db.path, tmp_path / "b.db")
    demo_db.close()
    dumps = {_dump(a), _dump(b)}
    assert len(dumps) == 2

    def old_or_new(db: Path, lines: list[str], run: int) -> None:
        assert _dump(db) in dumps, f"run {run}: a mix of two copies"

    kill_loop(demo_db.path, RESTORE_WORKER, kills, old_or_new, extra_args=[str(a), str(b)])
    # a copy being written when the process died is never offered for restore, and is swept
    folder = backups.backups_dir(demo_db.path)
    assert all(c.path.suffix == ".db" and c.sound for c in backups.list_copies(demo_db.path))
    backups.remove_stale_temporaries(folder, max_age_s=0)
    assert not list(folder.glob("*.tmp*"))


def _dump(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())
