"""Consolidating a region: 60 generated district packages (150 items × 20 schools each, so
3,000 per-school marks a district, 180,000 in all) imported into one SQLite database.

* ours: each package read and checked whole (zip limits, checksums, schema, references)
  and written through :func:`desktop.services.region_import.import_package`, one
  transaction per district, as ``python -m desktop import FILE.dkp`` does;
* baseline: the very rows that import wrote (read back from its database), inserted into
  a fresh database of the same schema with bare SQLAlchemy Core ``insert()`` executemany,
  in the same run — no zip, no JSON, no checks, no deadline parsing;
* dashboard_s: the «Районы» page's figures (:func:`region_overview`) over the 60 districts.

Medians of 3 (wall time; ``ratio_cpu`` compares the process's CPU time, steadier when
other work shares the machine). Target: ratio ≤ 2. Run from the repo root with no arguments; the last line
printed is one JSON object. (PostgreSQL figures come from part B's runner.)
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from desktop.exchange.sample import sample_data, sample_district, sample_signer  # noqa: E402
from desktop.export.package import pack  # noqa: E402
from desktop.importers.package import read_package  # noqa: E402
from desktop.models import Base  # noqa: E402
from desktop.models.database import open_database  # noqa: E402
from desktop.services.district_guard import DISTRICT_ROWS  # noqa: E402
from desktop.services.operations import DistrictRows, writing  # noqa: E402
from desktop.services.region import region_overview  # noqa: E402
from desktop.services.region_import import import_package  # noqa: E402

DISTRICTS, ITEMS, SCHOOLS, REPEATS = 60, 150, 20, 3
DAY = dt.date(2026, 7, 1)
#: the tables an import writes, parents first
TABLES = ("districts", "schools", "school_project_years", "roadmaps", "monitoring_points",
          "target_indicators", "roadmap_appendices", "roadmap_appendix_rows", "sections",
          "items", "item_executors", "item_schools", "checklist_rows", "checklist_evidence")


def ours(packages: list[Path], path: Path) -> tuple[float, float]:
    """Wall and CPU seconds of importing every package, one transaction each."""
    database = open_database(path)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        for package in packages:
            with writing(database, districts=DistrictRows.ALLOW) as session:
                import_package(session, read_package(package), database.path)
        return time.perf_counter() - start, time.process_time() - cpu
    finally:
        database.close()


def written_rows(source: Path) -> dict[str, list[dict]]:
    """Every row the import wrote, table by table."""
    database = open_database(source)
    try:
        with database.engine.connect() as conn:
            return {t: [dict(r._mapping) for r in conn.execute(select(Base.metadata.tables[t]))]
                    for t in TABLES}
    finally:
        database.close()


def baseline(rows: dict[str, list[dict]], path: Path) -> tuple[float, float, int]:
    target = open_database(path)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        # the same rows inserted bare (a district's rows: said explicitly, as the import does)
        with target.engine.execution_options(**{DISTRICT_ROWS: DistrictRows.ALLOW}).begin() as conn:
            for name in TABLES:
                if rows[name]:
                    conn.execute(insert(Base.metadata.tables[name]), rows[name])
        return (time.perf_counter() - start, time.process_time() - cpu,
                sum(len(r) for r in rows.values()))
    finally:
        target.close()


def dashboard(path: Path) -> tuple[float, int]:
    database = open_database(path)
    try:
        start = time.perf_counter()
        with database.session() as session:
            districts = region_overview(session, DAY)
        return time.perf_counter() - start, len(districts)
    finally:
        database.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        packages = [pack(folder / f"d{n}.dkp", sample_district(n), sample_data(n, ITEMS, SCHOOLS),
                         now=dt.datetime(2026, 6, 1), signer=sample_signer(n), sequence=1)
                    for n in range(1, DISTRICTS + 1)]
        ours_s, base_s, dash_s, ours_cpu, base_cpu = [], [], [], [], []
        rows: dict[str, list[dict]] = {}
        for run in range(REPEATS):
            db = folder / f"ours{run}.db"
            seconds, cpu = ours(packages, db)
            ours_s.append(seconds)
            ours_cpu.append(cpu)
            rows = rows or written_rows(db)
            seconds, cpu, row_count = baseline(rows, folder / f"base{run}.db")
            base_s.append(seconds)
            base_cpu.append(cpu)
            seconds, district_count = dashboard(db)
            dash_s.append(seconds)
            print(f"run {run + 1}: ours {ours_s[-1]:.2f} s, baseline {base_s[-1]:.2f} s "
                  f"({row_count} rows), dashboard {dash_s[-1]:.2f} s ({district_count} districts)",
                  flush=True)
    ours_m, base_m = statistics.median(ours_s), statistics.median(base_s)
    print(json.dumps({"name": "region", "ours_s": round(ours_m, 3), "baseline_s": round(base_m, 3),
                      "ratio": round(ours_m / base_m, 2), "target": 2.0,
                      "districts": DISTRICTS, "items": ITEMS, "schools": SCHOOLS,
                      "rows": row_count, "dashboard_sqlite_s": round(statistics.median(dash_s), 3),
                      # CPU seconds: the same comparison, less disturbed by a busy machine
                      "ratio_cpu": round(statistics.median(ours_cpu)
                                         / statistics.median(base_cpu), 2)}))


if __name__ == "__main__":
    main()
