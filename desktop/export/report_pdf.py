"""The progress report for a date as a PDF: headline figures, the months chart drawn with
reportlab graphics, then the tables of :mod:`desktop.export.report_tables`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from desktop.atomic import atomic_output
from desktop.export.pdf_fonts import BOLD, REGULAR, register_fonts
from desktop.export.report_tables import Pct, ReportTable, Value, report_tables
from desktop.services.report import Report

PLANNED_COLOUR = colors.HexColor("#9DB7E0")
DONE_COLOUR = colors.HexColor("#5AAE61")
HEADER_COLOUR = colors.HexColor("#E7E6E6")
PAGE = landscape(A4)
MARGIN = 1.5 * cm


def report_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    return {
        "title": ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=18,
                                alignment=TA_CENTER, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", fontName=REGULAR, fontSize=11, leading=14,
                                   alignment=TA_CENTER, spaceAfter=8),
        "heading": ParagraphStyle("heading", fontName=BOLD, fontSize=12, leading=15,
                                  spaceBefore=10, spaceAfter=4),
        "cell": ParagraphStyle("cell", fontName=REGULAR, fontSize=9, leading=11,
                               alignment=TA_LEFT),
        "center": ParagraphStyle("center", fontName=REGULAR, fontSize=9, leading=11,
                                 alignment=TA_CENTER),
        "head": ParagraphStyle("head", fontName=BOLD, fontSize=9, leading=11,
                               alignment=TA_CENTER),
        "big": ParagraphStyle("big", fontName=BOLD, fontSize=13, leading=17),
    }


def format_value(value: Value) -> str:
    if isinstance(value, Pct):
        return f"{value * 100:.0f} %"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    return "" if value is None else str(value)


def months_chart(report: Report, width: float, height: float = 6.5 * cm) -> Drawing:
    """Bars per month: items planned (falling due) and done, with a legend."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 1.2 * cm, 1.0 * cm
    chart.width, chart.height = width - 6 * cm, height - 1.6 * cm
    chart.data = [[b.planned for b in report.months], [b.done for b in report.months]]
    chart.categoryAxis.categoryNames = [f"{b.month:%m.%y}" for b in report.months]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max([1, *chart.data[0], *chart.data[1]])
    chart.valueAxis.valueStep = max(1, round(top / 5))
    chart.bars[0].fillColor = PLANNED_COLOUR
    chart.bars[1].fillColor = DONE_COLOUR
    chart.barSpacing = 1
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 4.4 * cm, height - 1.2 * cm
    legend.fontName, legend.fontSize = REGULAR, 9
    legend.colorNamePairs = [(PLANNED_COLOUR, "срок наступает"), (DONE_COLOUR, "выполнено")]
    drawing.add(legend)
    drawing.add(String(1.2 * cm, height - 0.4 * cm, "Мероприятия по месяцам",
                       fontName=BOLD, fontSize=10))
    return drawing


def table_flowables(table: ReportTable, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    """The table with its title as a first, spanned row, so that the title never stays
    alone at a page's foot (both header rows repeat on the next page)."""
    title = Paragraph(escape(table.title), styles["heading"])
    if not table.rows:
        return [KeepTogether([title, Paragraph("нет", styles["cell"])])]
    unit = width / sum(table.widths)
    data = [[title] + [""] * (len(table.headings) - 1),
            [Paragraph(escape(h), styles["head"]) for h in table.headings]]
    for values in table.rows:
        data.append([Paragraph(escape(format_value(v)).replace("\n", "<br/>"),
                               styles["cell"] if n == table.wide else styles["center"])
                     for n, v in enumerate(values)])
    grid = Table(data, colWidths=[w * unit for w in table.widths], repeatRows=2)
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("SPAN", (0, 0), (-1, 0)),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("GRID", (0, 1), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 1), (-1, 1), HEADER_COLOUR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return [Spacer(1, 10), grid]


def report_story(report: Report) -> list[Flowable]:
    styles = report_styles()
    width = PAGE[0] - 2 * MARGIN
    overall = report.overall
    story: list[Flowable] = [
        Paragraph(f"Исполнение дорожной карты на {report.day:%d.%m.%Y}", styles["title"]),
        Paragraph(escape(report.title), styles["subtitle"]),
        Paragraph(f"Выполнено {overall.done} из {overall.total} мероприятий "
                  f"({overall.share * 100:.0f} %); просрочено: {len(report.overdue)}; "
                  f"срок в ближайшие 14 дней: {len(report.upcoming)}", styles["big"]),
        Spacer(1, 6),
        months_chart(report, width),
    ]
    for table in report_tables(report):
        story.extend(table_flowables(table, styles, width))
    return story


def write_report_pdf(report: Report, target: Path | str) -> Path:
    target = Path(target)
    font = register_fonts()
    # reportlab graphics start every drawing in their default font (Helvetica, not embedded)
    saved = STATE_DEFAULTS["fontName"]
    STATE_DEFAULTS["fontName"] = font
    try:
        _build(target, report, font)
    finally:
        STATE_DEFAULTS["fontName"] = saved
    return target


def _build(target: Path, report: Report, font: str) -> None:
    with atomic_output(target) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                                topMargin=MARGIN, bottomMargin=MARGIN, title=report.title,
                                author="", creator="«Дорожная карта»", initialFontName=font)
        doc.build(report_story(report))
