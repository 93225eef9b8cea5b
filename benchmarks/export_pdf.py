"""Benchmark: the order PDF with a 2,000-item appendix vs a bare reportlab Table and LibreOffice.

Run from the repository root without arguments: ``python benchmarks/export_pdf.py``
(under a minute). Builds temporary databases (one transaction each, directly
with the models) and measures:

* ``ours_s`` / ``baseline_s`` / ``ratio``: :func:`export_order_pdf` of the order
  with its 2,000-item roadmap appendix against a bare reportlab ``Table`` of
  the same cell strings (same font, Paragraph cells, repeatRows=1, landscape
  A4); medians of 3, the two runs interleaved so that load from other
  processes hits both alike.
* ``docx_s`` / ``docx_ratio``: :func:`export_order_docx` (the Word copy) of the
  same order and 2,000-item appendix, median of 3 (interleaved with the two
  above), against the same baseline.
* ``soffice_docx_pdf_s``: LibreOffice (headless, fresh profile, start-up
  included) converting a .docx table of a smaller roadmap of ``soffice_rows``
  items, once (a 2,000-row .docx takes over a minute); ``ours_same_rows_s`` is
  our export of the order with that same roadmap (median of 3).

The last line printed is one JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from desktop.export.docx_order import export_order_docx  # noqa: E402
from desktop.export.pdf_appendix import preload_items  # noqa: E402
from desktop.export.pdf_fonts import REGULAR, register_fonts  # noqa: E402
from desktop.export.pdf_order import export_order_pdf  # noqa: E402
from desktop.models import (  # noqa: E402
    AppendixKind,
    Authority,
    Item,
    ItemExecutor,
    Order,
    OrderAppendix,
    OrderPoint,
    Roadmap,
    Section,
)
from desktop.models.columns import preset  # noqa: E402
from desktop.models.database import Database, open_database  # noqa: E402
from desktop.services.table import ItemRow, roadmap_table  # noqa: E402

ITEMS = 2000
#: items of the roadmap LibreOffice converts (and we export again for the same-size figure)
SOFFICE_ITEMS = 300
RUNS = 3
SECTIONS = 20


def build_database(path: Path, items: int = ITEMS) -> tuple[int, list[list[str]], list[str]]:
    """A roadmap of ``items`` items and its order; returns the order id, the cell strings, headings."""
    database = open_database(path, create=True)
    period = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    with database.session() as session:
        session.add(Authority(full_name="Управление образования администрации района",
                              short_name="УО района", city="пгт Балахта", head_position="Руководитель",
                              head_name="К.А. Кузьмин", coordinator_name="Матвиенко Анна Сергеевна",
                              coordinator_phone="+7 (391) 000-00-00"))
        roadmap = Roadmap(title="Муниципальная дорожная карта «500+» на 2026 год",
                          period_start=period[0], period_end=period[1], goal="Цель", tasks="")
        roadmap.columns = preset("balakhta")
        for s in range(SECTIONS):
            section = Section(position=s, number=str(s + 1), title=f"Раздел № {s + 1} — «ёмкий»")
            for i in range(items // SECTIONS):
                item = Item(position=i, number=f"{s + 1}.{i + 1}",
                            activity=f"Участие в семинаре «Совершенствование компетентности "
                                     f"управленческих команд» № {s * 100 + i} для школ – участниц",
                            tasks="Участие в семинаре с целью понимания изменений в процессах школы",
                            indicator="100% ОО проекта «500+» прошли анкетирование")
                item.set_deadline("17.01.2026 – 04.02.2026 (исполнено)", period)
                item.executors = [ItemExecutor(position=0, text="Муниципальный координатор")]
                section.items.append(item)
            roadmap.sections.append(section)
        session.add(roadmap)
        session.flush()
        order = Order(number="6а", date=dt.date(2026, 1, 14), title="Об утверждении дорожной карты",
                      preamble="В целях реализации проекта", signatory_position="Руководитель",
                      signatory_name="К.А. Кузьмин",
                      points=[OrderPoint(position=0, text="Утвердить дорожную карту (приложение).")],
                      appendices=[OrderAppendix(position=0, kind=AppendixKind.ROADMAP,
                                                roadmap_id=roadmap.id, title=roadmap.title)])
        session.add(order)
        session.flush()
        preload_items(roadmap)  # the children collections, in a few queries
        table = roadmap_table(roadmap)
        cells = [list(r.cells) for r in table.rows if isinstance(r, ItemRow)]
        order_id, headings = order.id, list(table.headings)
    database.close()
    return order_id, cells, headings


def bare_table(target: Path, cells: list[list[str]], headings: list[str]) -> None:
    """The baseline: the same strings in a plain reportlab Table."""
    register_fonts()
    style = ParagraphStyle("b", fontName=REGULAR, fontSize=10, leading=11.5)
    data = [[Paragraph(h, style) for h in headings]]
    data += [[Paragraph(c, style) for c in row] for row in cells]
    doc = SimpleDocTemplate(str(target), pagesize=landscape(A4), initialFontName=REGULAR)
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR),
                               ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    doc.build([table])


def timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def export_time(database: Database, order_id: int, target: Path,
                exporter: Callable[..., object] = export_order_pdf) -> float:
    """One export of the stored order from a fresh session (no ORM objects cached between runs)."""
    with database.session() as session:
        return timed(lambda: exporter(session, order_id, target))


def soffice_time(folder: Path, cells: list[list[str]], headings: list[str]) -> float | None:
    """LibreOffice headless converting a .docx table of ``cells`` to PDF, once (None if unavailable)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    for row in cells:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    source = folder / "roadmap.docx"
    document.save(str(source))
    profile = folder / "lo-profile"
    start = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=600)
    return time.perf_counter() - start


def main() -> None:
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        order_id, cells, headings = build_database(folder / "bench.db")
        small_id, small_cells, small_headings = build_database(folder / "small.db", SOFFICE_ITEMS)
        print(f"Databases with {len(cells)} and {len(small_cells)} items built "
              f"in {time.perf_counter() - start:.2f} s")
        database, small_db = open_database(folder / "bench.db"), open_database(folder / "small.db")
        ours_runs, bare_runs, docx_runs = [], [], []
        for _ in range(RUNS):  # interleaved: background load hits all alike
            ours_runs.append(export_time(database, order_id, folder / "ours.pdf"))
            bare_runs.append(timed(lambda: bare_table(folder / "bare.pdf", cells, headings)))
            docx_runs.append(export_time(database, order_id, folder / "ours.docx",
                                         export_order_docx))
        ours, baseline = statistics.median(ours_runs), statistics.median(bare_runs)
        docx_s = statistics.median(docx_runs)
        print(f"Our order PDF (order + {len(cells)}-item appendix): {ours:.2f} s "
              f"(median of {RUNS}: {', '.join(f'{t:.2f}' for t in ours_runs)})")
        print(f"Bare reportlab Table, same strings:            {baseline:.2f} s "
              f"(median of {RUNS}: {', '.join(f'{t:.2f}' for t in bare_runs)})")
        print(f"Our order in Word (.docx), same order:        {docx_s:.2f} s "
              f"(median of {RUNS}: {', '.join(f'{t:.2f}' for t in docx_runs)})")
        lo = soffice_time(folder, small_cells, small_headings)
        ours_small = statistics.median(
            export_time(small_db, small_id, folder / "small.pdf") for _ in range(RUNS))
        database.close()
        small_db.close()
        if lo is not None:
            print(f"LibreOffice .docx → PDF, {len(small_cells)} rows (once, start-up included): "
                  f"{lo:.2f} s")
        else:
            print("LibreOffice: not found")
        print(f"Our order PDF, same {len(small_cells)} rows: {ours_small:.2f} s (median of {RUNS})")
        wall_s = time.perf_counter() - wall
        print(f"Wall time: {wall_s:.1f} s")
        result = {"name": "export_pdf", "ours_s": round(ours, 3), "baseline_s": round(baseline, 3),
                  "ratio": round(ours / baseline, 3), "target": "<= 1.5", "items": len(cells),
                  "runs": RUNS, "docx_s": round(docx_s, 3),
                  "docx_ratio": round(docx_s / baseline, 3), "soffice_docx_pdf_s": round(lo, 3) if lo is not None else None,
                  "soffice_rows": len(small_cells), "ours_same_rows_s": round(ours_small, 3),
                  "wall_s": round(wall_s, 1)}
        print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
