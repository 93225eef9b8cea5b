"""Reading the demo district on PostgreSQL next to SQLite, and a throwaway server for
benchmarks (:func:`throwaway_postgres`, also for ``benchmarks/region.py``).

The read is what opening the window and ``list --json`` do: every roadmap with its
sections, items and schools (``database_to_dict``), then the progress report of the
demo roadmap for a date (``build_report``). Each on the same demo, built in the same
run in a SQLite file and in a database of a throwaway PostgreSQL cluster on 127.0.0.1.
Medians of 7 after one warm-up. ``ratio`` = PostgreSQL / SQLite; target ≤ 3 on a local
server (each query is a round trip through a socket instead of a function call).

Run from the repo root with no arguments; the last line printed is one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 7
TARGET = 3.0


@contextmanager
def throwaway_postgres(timeout_s: float = 120.0) -> Iterator[str | None]:
    """The URL of a PostgreSQL server for the duration (None when none can be started):
    ``$DOROZHNAYA_KARTA_TEST_PG`` when set, else a cluster started by
    ``scripts/with-postgres.sh`` (pg_virtualenv as root, initdb otherwise) and removed
    on leaving. Create your own database in it (the URL names ``postgres``)."""
    given = os.environ.get("DOROZHNAYA_KARTA_TEST_PG")
    if given:
        yield given
        return
    with tempfile.TemporaryDirectory() as tmp:
        found = Path(tmp) / "url"
        # the script runs this command inside the cluster's lifetime: write the URL, then
        # wait for our stdin to close
        command = (f'printf "%s" "${{DOROZHNAYA_KARTA_TEST_PG:-}}" > "{found}.part" && '
                   f'mv "{found}.part" "{found}" && cat > /dev/null')
        proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "with-postgres.sh"),
                                 "bash", "-c", command], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout_s
        while not found.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        try:
            yield (found.read_text().strip() or None) if found.exists() else None
        finally:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(timeout=120)


@contextmanager
def fresh_database(server_url: str, name: str) -> Iterator[str]:
    """A new empty database ``name`` on the server (dropped after); yields its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(server_url).set(drivername="postgresql+psycopg")
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def median_time(action: Callable[[], object], runs: int = RUNS) -> float:
    action()  # warm-up: caches, prepared connections
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def read_demo(database_target: str | Path) -> float:
    import datetime as dt

    from desktop.models.database import open_database
    from desktop.services.demo import create_demo
    from desktop.services.listing import database_to_dict
    from desktop.services.report import build_report

    database = open_database(database_target)
    try:
        roadmap_id = create_demo(database, year=2026, today=dt.date(2026, 11, 22))

        def read() -> None:
            with database.session() as session:
                database_to_dict(session)
                build_report(session, roadmap_id, dt.date(2026, 11, 22))

        return median_time(read)
    finally:
        database.close()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        sqlite_s = read_demo(Path(tmp) / "demo.db")
    with throwaway_postgres() as server:
        if server is None:
            print(json.dumps({"name": "postgres_read", "ours_s": None,
                              "baseline_s": round(sqlite_s, 4), "ratio": None,
                              "target": TARGET, "error": "no PostgreSQL server could be "
                              "started (install postgresql)"}, ensure_ascii=False))
            return 1
        with fresh_database(server, f"dk_bench_{os.getpid()}") as url:
            pg_s = read_demo(url)
    ratio = pg_s / sqlite_s
    print(f"demo read: SQLite {sqlite_s * 1000:.1f} ms, PostgreSQL {pg_s * 1000:.1f} ms")
    print(json.dumps({"name": "postgres_read", "ours_s": round(pg_s, 4),
                      "baseline_s": round(sqlite_s, 4), "ratio": round(ratio, 2),
                      "target": TARGET, "ok": ratio <= TARGET, "runs": RUNS,
                      "what": "demo: database_to_dict + build_report; ours = PostgreSQL "
                              "on 127.0.0.1, baseline = SQLite file"}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
