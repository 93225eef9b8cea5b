"""Benchmark of the Word import: ``python benchmarks/import_docx.py`` from the repo root.

In the same run, medians of several runs:

* ours — :func:`desktop.importers.read_file` on the largest fixture in
  ../shared/fixtures (safe opening, one walk of the XML, structure, deadlines
  parsed: the whole preview);
* baseline — only loading the same file with python-docx (``docx.Document``),
  which reads no table at all;

then the same two on a generated 2,000-row document, and, for reference there,
python-docx loading it and reading every cell's text in one pass over
``tr``/``tc`` (the fast way; still no merges, numbering or structure) and the
preview written into a fresh database. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from desktop.importers import read_file  # noqa: E402
from desktop.importers.writer import write_preview  # noqa: E402
from desktop.models.database import open_database  # noqa: E402
from tests.import_docs import large_docx  # noqa: E402

RUNS = 15
TARGET_RATIO = 3.0
FIXTURES = ROOT.parent / "shared" / "fixtures"
if not FIXTURES.is_dir():
    FIXTURES = Path("/work/shared/fixtures")


def median_times(ours: Callable[[], object], base: Callable[[], object],
                 runs: int = RUNS) -> tuple[float, float]:
    """Medians of both, run alternately so that a busy machine slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for work, bucket in ((ours, times[0]), (base, times[1])):
            start = time.perf_counter()
            work()
            bucket.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def _docx_cells(path: Path) -> int:
    """python-docx: load, then every cell's text through one pass over the rows' XML."""
    document = docx.Document(str(path))
    count = 0
    for table in document.tables:
        for tr in table._tbl.tr_lst:
            for tc in tr.tc_lst:
                count += len("".join(tc.itertext()))
    return count


def main() -> None:
    largest = max(FIXTURES.glob("*.docx"), key=lambda p: p.stat().st_size)
    read_file(largest)  # warm imports
    docx.Document(str(largest))
    ours, baseline = median_times(lambda: read_file(largest),
                                  lambda: docx.Document(str(largest)))
    with tempfile.TemporaryDirectory() as tmp:
        big = large_docx(Path(tmp) / "big.docx", 2000)
        big_ours, big_base = median_times(lambda: read_file(big),
                                          lambda: docx.Document(str(big)), 5)
        cells_s = median_times(lambda: _docx_cells(big), lambda: None, 5)[0]
        preview = read_file(big)
        database = open_database(Path(tmp) / "b.db")
        start = time.perf_counter()
        with database.session() as session:
            write_preview(session, preview)
        write_s = time.perf_counter() - start
        database.close()
        items = len(preview.items())
    print(f"largest fixture {largest.name}: ours {ours:.4f} s, python-docx load {baseline:.4f} s")
    print(f"generated {items} rows: ours {big_ours:.3f} s, python-docx load {big_base:.3f} s, "
          f"writing them {write_s:.3f} s")
    print(json.dumps({
        "name": "import_docx", "ours_s": round(ours, 4), "baseline_s": round(baseline, 4),
        "ratio": round(ours / baseline, 2), "target": TARGET_RATIO,
        "fixture": largest.name,
        "rows2000_ours_s": round(big_ours, 3), "rows2000_baseline_s": round(big_base, 3),
        "rows2000_ratio": round(big_ours / big_base, 2),
        "rows2000_docx_cells_s": round(cells_s, 3),
        "rows2000_ratio_to_cells": round(big_ours / cells_s, 2),
        "rows2000_write_s": round(write_s, 3),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
