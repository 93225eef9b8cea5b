"""The regional summary as .xlsx (a summary sheet, then a sheet per district) or .pdf (the
summary, then a section per district); tables from :mod:`desktop.export.region_tables`,
laid out by the progress report's own table writers."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from reportlab.graphics.shapes import STATE_DEFAULTS
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

from desktop.atomic import atomic_output
from desktop.export.region_tables import district_tables, heading, summary_table
from desktop.export.report_pdf import MARGIN, PAGE, report_styles, table_flowables
from desktop.export.report_xlsx import fill_sheet
from desktop.export.xlsx_style import Styles
from desktop.services.region import DistrictFigures


def _sheet_name(name: str, taken: set[str]) -> str:
    """Excel's rules: ≤ 31 characters, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:28] or "Район"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base[:26]} {n}"
    taken.add(candidate.lower())
    return candidate


def write_region_xlsx(districts: list[DistrictFigures], day: dt.date, target: Path | str) -> Path:
    target = Path(target)
    wb = Workbook()
    wb.properties.creator = "«Дорожная карта»"
    styles = Styles()
    ws = wb.active
    ws.title = "Сводка"
    fill_sheet(ws, styles, heading(day), [summary_table(districts)])
    taken = {"сводка"}
    for district in districts:
        sheet = wb.create_sheet(_sheet_name(district.name, taken))
        tables = district_tables(district)
        if tables:
            fill_sheet(sheet, styles, f"{district.name} — {heading(day).lower()}", tables)
    with atomic_output(target) as tmp:
        wb.save(tmp)
    return target


def write_region_pdf(districts: list[DistrictFigures], day: dt.date, target: Path | str) -> Path:
    target = Path(target)
    styles = report_styles()
    width = PAGE[0] - 2 * MARGIN
    story: list[Flowable] = [Paragraph(escape(heading(day)), styles["title"]),
                             *table_flowables(summary_table(districts), styles, width)]
    for district in districts:
        story.append(PageBreak())
        story.append(Paragraph(escape(district.name), styles["title"]))
        story.append(Paragraph(f"Пакет от {district.package_created:%d.%m.%Y}; выполнено "
                               f"{district.overall.done} из {district.overall.total}; "
                               f"просрочено: {district.overdue}", styles["subtitle"]))
        for table in district_tables(district):
            story.extend(table_flowables(table, styles, width))
    font = styles["cell"].fontName
    saved = STATE_DEFAULTS["fontName"]
    STATE_DEFAULTS["fontName"] = font
    try:
        with atomic_output(target) as tmp:
            doc = SimpleDocTemplate(str(tmp), pagesize=PAGE, leftMargin=MARGIN,
                                    rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
                                    title=heading(day), author="", creator="«Дорожная карта»",
                                    initialFontName=font)
            doc.build(story)
    finally:
        STATE_DEFAULTS["fontName"] = saved
    return target
