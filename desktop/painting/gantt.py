"""The timeline on paper: PDF (A4/A3 landscape, 300 dpi) and PNG, without a tree on screen.

Each page repeats the roadmap's title, the scale header, the item labels on the
left and the legend with «Стр. N из M». A year is split across pages by time (at
most six months a page at month zoom; a short period gets weekly columns) and by
rows when they do not fit, rather than squeezed into one unreadable page.
Drawing is done in «screen pixels» (96 per inch) scaled to the device. The rows come
plain from :mod:`desktop.services.gantt_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from desktop.atomic import atomic_output
from desktop.errors import UserError
from desktop.painting import legend
from desktop.painting.bars import shapes_for, summary_shape
from desktop.painting.paint import paint_backdrop, paint_header, paint_markers, paint_row
from desktop.painting.scale import MONTHS, TimeScale
from desktop.paths import resource_path
from desktop.services.gantt_rows import PrintData, PrintRow, read_print_data

DPI = 300
SCREEN_DPI = 96
PAPERS = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
MARGIN = 30.0
TITLE_H = 24.0
HEADER_H = 48.0
ROW_H = 18.0
FOOTER_H = 24.0
#: the narrowest month worth printing (pixels per day), see :func:`months_per_page`
MIN_PX_PER_DAY = 3.2
PNG_PX_PER_DAY = 3.4
PNG_MAX_ROWS = 1500
_FAMILY: list[str] = []


def font_family() -> str:
    """Register Liberation Sans (regular and bold) once; its family name."""
    if not _FAMILY:
        family = "Liberation Sans"
        for name in ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"):
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            family = families[0] if families else family
        _FAMILY.append(family)
    return _FAMILY[0]


def font(pixels: float, *, bold: bool = False) -> QFont:
    result = QFont(font_family())
    result.setPixelSize(max(1, round(pixels)))
    result.setBold(bold)
    return result


@dataclass(frozen=True)
class Page:
    first: date          #: the first day drawn on this page
    last: date
    rows: tuple[int, int]  #: [start, stop) into the rows


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    return date(year, month % 12 + 1, 1)


def time_chunks(period: tuple[date, date], chart_width: float) -> list[tuple[date, date]]:
    """The period cut into pages: whole runs of 12, 6, 4, 3, 2 or 1 months, the longest that
    keeps a day at least :data:`MIN_PX_PER_DAY` wide; a short period is one page."""
    start, end = period
    if (end - start).days + 1 <= 62:
        return [period]
    for months in (12, 6, 4, 3, 2, 1):
        if chart_width / (months * 30.5) >= MIN_PX_PER_DAY:
            break
    chunks = []
    first = start
    while first <= end:
        last = min(end, _add_months(date(first.year, first.month, 1), months) - timedelta(days=1))
        chunks.append((first, last))
        first = last + timedelta(days=1)
    return chunks


def plan_pages(period: tuple[date, date], row_count: int, chart_width: float,
               rows_per_page: int) -> list[Page]:
    """Time-major: every row band of the first months, then of the next months."""
    bands = [(n, min(n + rows_per_page, row_count)) for n in range(0, max(row_count, 1), rows_per_page)]
    return [Page(first, last, band) for first, last in time_chunks(period, chart_width)
            for band in bands]


def chunk_title(first: date, last: date) -> str:
    """«январь – июнь 2026 г.» (or with both years)."""
    if first.year == last.year:
        return f"{MONTHS[first.month - 1]} – {MONTHS[last.month - 1]} {first.year} г."
    return f"{MONTHS[first.month - 1]} {first.year} – {MONTHS[last.month - 1]} {last.year} г."


class Renderer:
    """Draws pages of ``data`` on a painter whose unit is a screen pixel."""

    def __init__(self, data: PrintData, width: float, height: float, today: date | None) -> None:
        self.data = data
        self.width, self.height = width, height
        self.today = today
        self.label_w = min(360.0, max(220.0, (width - 2 * MARGIN) * 0.3))
        self.chart_left = MARGIN + self.label_w
        self.chart_w = width - MARGIN - self.chart_left
        self.body_top = MARGIN + TITLE_H + HEADER_H
        self.rows_per_page = max(1, int((height - self.body_top - MARGIN - FOOTER_H) // ROW_H))

    def pages(self) -> list[Page]:
        return plan_pages(self.data.period, len(self.data.rows), self.chart_w, self.rows_per_page)

    def paint_page(self, p: QPainter, page: Page, number: int, total: int) -> None:
        p.fillRect(QRectF(0, 0, self.width, self.height), QColor("white"))
        days = (page.last - page.first).days + 1
        scale = TimeScale(page.first, self.chart_w / days)
        rows = self.data.rows[page.rows[0]:page.rows[1]]
        body_bottom = self.body_top + len(rows) * ROW_H
        self._title(p, page)
        self._labels(p, rows)
        p.save()
        p.setClipRect(QRectF(self.chart_left, MARGIN + TITLE_H, self.chart_w,
                             body_bottom - MARGIN - TITLE_H))
        p.translate(self.chart_left, 0)
        p.setFont(font(10.5))
        paint_header(p, scale, page.first, page.last, MARGIN + TITLE_H, HEADER_H)
        for n, row in enumerate(rows):
            if row.kind == "section":
                p.fillRect(QRectF(0, self.body_top + n * ROW_H, self.chart_w, ROW_H), legend.SECTION_ROW)
        paint_backdrop(p, scale, page.first, page.last, self.body_top, body_bottom)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for n, row in enumerate(rows):
            self._row(p, scale, row, self.body_top + n * ROW_H)
        p.setFont(font(9.5))
        paint_markers(p, scale, page.first, page.last, self.body_top, body_bottom, self.today,
                      self.data.monitoring_points)
        p.restore()
        p.setPen(legend.GRID.darker(120))
        p.drawRect(QRectF(MARGIN, MARGIN + TITLE_H, self.width - 2 * MARGIN,
                          body_bottom - MARGIN - TITLE_H))
        p.drawLine(self.chart_left, MARGIN + TITLE_H, self.chart_left, body_bottom)
        self._footer(p, number, total)

    def _row(self, p: QPainter, scale: TimeScale, row: PrintRow, top: float) -> None:
        if row.kind == "section":
            shapes = [summary_shape(row.span[0], row.span[1], scale)] if row.span else []
            paint_row(p, shapes, top, ROW_H, legend.SECTION)
            return
        shapes = shapes_for(row.deadline, scale, self.data.period[0])
        cancelled = str(row.status or "") == "cancelled"
        paint_row(p, shapes, top, ROW_H, legend.status_color(row.status, row.overdue),
                  cancelled=cancelled, left_edge=0.0)

    def _title(self, p: QPainter, page: Page) -> None:
        p.setPen(QColor("#212121"))
        p.setFont(font(13, bold=True))
        range_text = chunk_title(page.first, page.last)
        range_w = QFontMetricsF(font(11)).horizontalAdvance(range_text) + 12
        title_w = self.width - 2 * MARGIN - range_w
        title = QFontMetricsF(p.font()).elidedText(self.data.title, Qt.TextElideMode.ElideRight, title_w)
        p.drawText(QRectF(MARGIN, MARGIN, title_w, TITLE_H - 4),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        p.setFont(font(11))
        p.drawText(QRectF(self.width - MARGIN - range_w, MARGIN, range_w, TITLE_H - 4),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, range_text)
        p.fillRect(QRectF(MARGIN, MARGIN + TITLE_H, self.label_w, HEADER_H), QColor("#f5f7fa"))
        p.setFont(font(10.5, bold=True))
        p.drawText(QRectF(MARGIN + 6, MARGIN + TITLE_H, self.label_w - 12, HEADER_H),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "№ · Мероприятие")

    def _labels(self, p: QPainter, rows: list[PrintRow] | tuple[PrintRow, ...]) -> None:
        regular, bold = font(10.5), font(10.5, bold=True)
        for n, row in enumerate(rows):
            top = self.body_top + n * ROW_H
            is_section = row.kind == "section"
            if is_section:
                p.fillRect(QRectF(MARGIN, top, self.label_w, ROW_H), legend.SECTION_ROW)
            elif n % 2:
                p.fillRect(QRectF(MARGIN, top, self.width - 2 * MARGIN, ROW_H), QColor("#fafbfc"))
            p.setFont(bold if is_section else regular)
            indent = 6 + 10 * row.depth
            width = self.label_w - indent - 6
            text = QFontMetricsF(p.font()).elidedText(row.label, Qt.TextElideMode.ElideRight, width)
            p.setPen(legend.status_color(row.status, row.overdue).darker(150)
                     if row.overdue and not is_section else QColor("#212121"))
            p.drawText(QRectF(MARGIN + indent, top, width, ROW_H),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            p.setPen(legend.GRID)
            p.drawLine(MARGIN, top + ROW_H, self.width - MARGIN, top + ROW_H)

    def _footer(self, p: QPainter, number: int, total: int) -> None:
        top = self.height - MARGIN - FOOTER_H + 6
        p.setFont(font(10))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        legend.paint_legend(p, MARGIN, top, FOOTER_H - 6,
                            (("сегодня", legend.TODAY), ("контрольная точка", legend.MONITORING)))
        p.setPen(QColor("#212121"))
        p.drawText(QRectF(self.width - MARGIN - 160, top, 160, FOOTER_H - 6),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   f"Стр. {number} из {total}")


def render_pdf(data: PrintData, target: Path, *, paper: str = "A4", today: date | None = None) -> int:
    """Write the pages to ``target``; returns the number of pages."""
    writer = QPdfWriter(str(target))
    writer.setResolution(DPI)
    writer.setTitle(data.title)
    writer.setCreator("Дорожная карта")
    writer.setPageLayout(QPageLayout(QPageSize(PAPERS[paper]), QPageLayout.Orientation.Landscape,
                                     QMarginsF(0, 0, 0, 0)))
    full = writer.pageLayout().fullRectPixels(DPI)
    factor = DPI / SCREEN_DPI
    renderer = Renderer(data, full.width() / factor, full.height() / factor, today)
    pages = renderer.pages()
    p = QPainter(writer)
    try:
        for number, page in enumerate(pages, 1):
            if number > 1:
                writer.newPage()
            p.save()
            p.scale(factor, factor)
            renderer.paint_page(p, page, number, len(pages))
            p.restore()
    finally:
        p.end()
    return len(pages)


def render_png(data: PrintData, target: Path, *, today: date | None = None) -> QSizeF:
    """The whole period and (up to :data:`PNG_MAX_ROWS`) rows in one image."""
    shown = PrintData(data.title, data.period, data.monitoring_points, data.rows[:PNG_MAX_ROWS])
    days = (data.period[1] - data.period[0]).days + 1
    probe = Renderer(shown, 1000, 1000, today)
    width = probe.chart_left + days * PNG_PX_PER_DAY + MARGIN
    height = MARGIN + TITLE_H + HEADER_H + len(shown.rows) * ROW_H + FOOTER_H + MARGIN
    renderer = Renderer(shown, width, height, today)
    renderer.rows_per_page = max(1, len(shown.rows))
    image = QImage(int(width * 2), int(height * 2), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(SCREEN_DPI * 2 / 0.0254))
    image.setDotsPerMeterY(round(SCREEN_DPI * 2 / 0.0254))
    image.fill(QColor("white"))
    p = QPainter(image)
    p.scale(2, 2)
    renderer.paint_page(p, Page(data.period[0], data.period[1], (0, len(shown.rows))), 1, 1)
    p.end()
    if not image.save(str(target), "PNG"):
        raise UserError(f"Не удалось записать изображение {target}")
    return QSizeF(image.width(), image.height())


def export_gantt(source: Any, roadmap_id: int, target: Path | str, *, paper: str = "A4",
                 today: date | None = None) -> Path:
    """Write roadmap ``roadmap_id``'s timeline to ``target`` (.pdf or .png) atomically.

    ``source`` is a SQLAlchemy session or a :class:`~desktop.models.database.Database`.
    Needs a ``QGuiApplication``. Bad extension, paper or roadmap → :class:`UserError`.
    """
    target = Path(target)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".png"):
        raise UserError(f"Неизвестный формат файла «{target.suffix or target.name}»: "
                        "укажите имя с расширением .pdf или .png")
    if paper not in PAPERS:
        raise UserError(f"Неизвестный формат бумаги «{paper}»: выберите A4 или A3")
    today = today or date.today()
    data = read_print_data(source, roadmap_id, today)
    with atomic_output(target) as tmp:
        if suffix == ".pdf":
            render_pdf(data, tmp, paper=paper, today=today)
        else:
            render_png(data, tmp, today=today)
    return target
