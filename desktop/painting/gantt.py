"""The timeline on paper: PDF (A4/A3 landscape, 300 dpi) and PNG, without a tree on screen.

Each page repeats the roadmap's title (wrapped, never cut), the scale header, the item
labels on the left (a long one wraps onto more lines) and the legend with «Стр. N из M».
A year is split across pages by time (at most six months a page at month zoom; a short
period gets weekly columns) and by rows when they do not fit, rather than squeezed into
one unreadable page; the rows are cut into pages by :mod:`desktop.painting.pagination`
(full pages, no lonely rows).
Drawing is done in «screen pixels» (96 per inch) scaled to the device. The rows come
plain from :mod:`desktop.services.gantt_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
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
from desktop.painting.pagination import Band, paginate
from desktop.painting.paint import paint_backdrop, paint_header, paint_markers, paint_row
from desktop.painting.scale import MONTHS, TimeScale
from desktop.paths import resource_path
from desktop.services.gantt_rows import PrintData, PrintRow, read_print_data

DPI = 300
SCREEN_DPI = 96
PAPERS = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
MARGIN = 30.0
TITLE_H = 24.0
#: a title line's height (13 px bold) when the roadmap's title needs more than one
TITLE_LINE_H = 17.0
HEADER_H = 48.0
ROW_H = 18.0
#: a label line's height (10.5 px) when a label wraps
LABEL_LINE_H = 13.0
#: a label longer than this many lines is cut (a whole paragraph pasted as a title)
MAX_LABEL_LINES = 6
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


def plan_pages(period: tuple[date, date], bands: list[Band], chart_width: float) -> list[Page]:
    """Time-major: every row band of the first months, then of the next months."""
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
        self.label_w = min(420.0, max(220.0, (width - 2 * MARGIN) * 0.36))
        self.chart_left = MARGIN + self.label_w
        self.chart_w = width - MARGIN - self.chart_left
        self.range_w = max(QFontMetricsF(font(11)).horizontalAdvance(chunk_title(*p)) + 12
                           for p in time_chunks(data.period, self.chart_w))
        self.title_w = width - 2 * MARGIN - self.range_w
        lines = _line_count(font(13, bold=True), data.title, self.title_w, 3)
        self.title_h = TITLE_H if lines == 1 else lines * TITLE_LINE_H + 6
        self.body_top = MARGIN + self.title_h + HEADER_H
        #: each row's height at full size: one line, or as many as its label needs
        self.heights = [max(ROW_H, self._label_lines(row) * LABEL_LINE_H + 5)
                        for row in data.rows]
        self.room = max(ROW_H, height - self.body_top - MARGIN - FOOTER_H)
        headings = {n for n, row in enumerate(data.rows) if row.kind == "section"}
        #: rows are drawn at this share of their height (below 1 when that saves pages)
        self.row_scale, self.bands = paginate(self.heights, self.room, headings=headings)

    def _label_lines(self, row: PrintRow) -> int:
        return _line_count(font(10.5, bold=row.kind == "section"), row.label,
                           self._label_width(row), MAX_LABEL_LINES)

    def _label_width(self, row: PrintRow) -> float:
        return self.label_w - (6 + 10 * row.depth) - 6

    def pages(self) -> list[Page]:
        return plan_pages(self.data.period, self.bands, self.chart_w)

    def row_tops(self, page: Page) -> list[tuple[PrintRow, float, float]]:
        """The page's rows with their top and height."""
        top, placed = self.body_top, []
        for n in range(*page.rows):
            height = self.heights[n] * self.row_scale
            placed.append((self.data.rows[n], top, height))
            top += height
        return placed

    def paint_page(self, p: QPainter, page: Page, number: int, total: int) -> None:
        p.fillRect(QRectF(0, 0, self.width, self.height), QColor("white"))
        days = (page.last - page.first).days + 1
        scale = TimeScale(page.first, self.chart_w / days)
        rows = self.row_tops(page)
        body_bottom = rows[-1][1] + rows[-1][2] if rows else self.body_top
        head_top = MARGIN + self.title_h
        self._title(p, page)
        self._labels(p, rows)
        p.save()
        p.setClipRect(QRectF(self.chart_left, head_top, self.chart_w, body_bottom - head_top))
        p.translate(self.chart_left, 0)
        p.setFont(font(10.5))
        paint_header(p, scale, page.first, page.last, head_top, HEADER_H)
        for row, top, height in rows:
            if row.kind == "section":
                p.fillRect(QRectF(0, top, self.chart_w, height), legend.SECTION_ROW)
        paint_backdrop(p, scale, page.first, page.last, self.body_top, body_bottom)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar_h = ROW_H * self.row_scale
        for row, top, height in rows:  # a bar as thick as in a one-line row, in the middle
            self._row(p, scale, row, top + (height - bar_h) / 2, bar_h)
        p.setFont(font(9.5))
        paint_markers(p, scale, page.first, page.last, self.body_top, body_bottom, self.today,
                      self.data.monitoring_points)
        p.restore()
        p.setPen(legend.GRID.darker(120))
        p.drawRect(QRectF(MARGIN, head_top, self.width - 2 * MARGIN, body_bottom - head_top))
        p.drawLine(QPointF(self.chart_left, head_top), QPointF(self.chart_left, body_bottom))
        self._footer(p, number, total)

    def _row(self, p: QPainter, scale: TimeScale, row: PrintRow, top: float,
             height: float) -> None:
        if row.kind == "section":
            shapes = [summary_shape(row.span[0], row.span[1], scale)] if row.span else []
            paint_row(p, shapes, top, height, legend.SECTION)
            return
        shapes = shapes_for(row.deadline, scale, self.data.period[0])
        cancelled = str(row.status or "") == "cancelled"
        paint_row(p, shapes, top, height, legend.status_color(row.status, row.overdue),
                  cancelled=cancelled, left_edge=0.0)

    def _title(self, p: QPainter, page: Page) -> None:
        p.setPen(QColor("#212121"))
        p.setFont(font(13, bold=True))
        wrap = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        p.drawText(QRectF(MARGIN, MARGIN, self.title_w, self.title_h - 4), wrap, self.data.title)
        p.setFont(font(11))
        p.drawText(QRectF(self.width - MARGIN - self.range_w, MARGIN, self.range_w,
                          self.title_h - 4),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   chunk_title(page.first, page.last))
        head_top = MARGIN + self.title_h
        p.fillRect(QRectF(MARGIN, head_top, self.label_w, HEADER_H), QColor("#f5f7fa"))
        p.setFont(font(10.5, bold=True))
        p.drawText(QRectF(MARGIN + 6, head_top, self.label_w - 12, HEADER_H),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "№ · Мероприятие")

    def _labels(self, p: QPainter, rows: list[tuple[PrintRow, float, float]]) -> None:
        regular, bold = font(10.5), font(10.5, bold=True)
        wrap = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        for n, (row, top, height) in enumerate(rows):
            is_section = row.kind == "section"
            if is_section:
                p.fillRect(QRectF(MARGIN, top, self.label_w, height), legend.SECTION_ROW)
            elif n % 2:
                p.fillRect(QRectF(MARGIN, top, self.width - 2 * MARGIN, height), QColor("#fafbfc"))
            p.setFont(bold if is_section else regular)
            indent = 6 + 10 * row.depth
            width = self._label_width(row)
            p.setPen(legend.status_color(row.status, row.overdue).darker(150)
                     if row.overdue and not is_section else QColor("#212121"))
            p.save()
            p.setClipRect(QRectF(MARGIN + indent, top, width, height))
            p.drawText(QRectF(MARGIN + indent, top, width, height), wrap, row.label)
            p.restore()
            p.setPen(legend.GRID)
            p.drawLine(QPointF(MARGIN, top + height), QPointF(self.width - MARGIN, top + height))

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
    # one page as tall as all the rows at full size (the title is measured at this width)
    probe = Renderer(shown, width, 1000, today)
    height = probe.body_top + sum(probe.heights) + FOOTER_H + MARGIN
    renderer = Renderer(shown, width, height, today)
    image = QImage(int(width * 2), int(height * 2), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(SCREEN_DPI * 2 / 0.0254))
    image.setDotsPerMeterY(round(SCREEN_DPI * 2 / 0.0254))
    image.fill(QColor("white"))
    p = QPainter(image)
    p.scale(2, 2)
    renderer.row_scale = 1.0
    renderer.paint_page(p, Page(data.period[0], data.period[1], (0, len(shown.rows))), 1, 1)
    p.end()
    if not image.save(str(target), "PNG"):
        raise UserError(f"Не удалось записать изображение {target}")
    return QSizeF(image.width(), image.height())


def _line_count(face: QFont, text: str, width: float, most: int) -> int:
    """How many lines ``text`` takes wrapped at words in ``width`` (at most ``most``)."""
    metrics = QFontMetricsF(face)
    rect = metrics.boundingRect(QRectF(0, 0, max(1.0, width), 10_000),
                                int(Qt.TextFlag.TextWordWrap), text)
    return max(1, min(most, round(rect.height() / metrics.lineSpacing())))


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
