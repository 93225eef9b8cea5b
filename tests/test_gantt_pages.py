"""The printed timeline's pages are full and its titles whole (issue 23, point 7: a 31-item
roadmap printed 12 pages, every other with a single row, titles cut with «…»)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from PySide6.QtGui import QImage

from desktop.painting.gantt import export_gantt, time_chunks
from desktop.painting.pagination import MIN_SCALE, fill, keep_tail, paginate
from tests.gantt_print_data import PERIOD, TITLE, build_31
from tests.test_gantt_pdf import page_count, poppler

TODAY = dt.date(2022, 3, 1)
#: the fewest item rows a page holds, but for the last page of its months
FULL = 10
_ITEM_LINE = re.compile(r"^\s*\d\.\d+ \S", re.MULTILINE)
#: the months of a page, printed right of the title («январь – июнь 2021 г.»)
_CHUNK = re.compile(r"\w+ (\d{4} )?– \w+ \d{4} г\.")


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _page_texts(pdf: Path) -> list[str]:
    return poppler("pdftotext", "-layout", str(pdf), "-").split("\f")[:page_count(pdf)]


@pytest.mark.parametrize("long_titles", [False, True])
def test_a_31_item_roadmap_prints_full_pages_and_whole_titles(qapp, db, tmp_path: Path,
                                                              long_titles: bool) -> None:
    roadmap_id, labels = build_31(db, long_titles=long_titles)
    pdf = export_gantt(db, roadmap_id, tmp_path / "gantt.pdf", today=TODAY)
    pages = _page_texts(pdf)
    chunks = len({_CHUNK.search(p).group(0) for p in pages})
    assert chunks == 6  # three years, six months a page
    bands = len(pages) // chunks
    assert len(pages) == chunks * bands
    if not long_titles:  # 31 items and 6 headings fit one page a half-year: 6 pages, not 12
        assert bands == 1
    rows = [len(_ITEM_LINE.findall(p)) for p in pages]
    for n, count in enumerate(rows):
        last_of_its_months = n % bands == bands - 1
        assert count >= (3 if last_of_its_months else FULL), (n + 1, rows)
    assert sum(rows) == 31 * chunks
    for page in pages:
        assert "…" not in page
        # the roadmap's title whole on every page (the months stand beside its first line)
        assert _squeezed(TITLE) in _squeezed(_CHUNK.sub("", page))
    whole = _squeezed("".join(pages))
    for label in labels:
        assert _squeezed(label) in whole, label


def test_the_png_shows_every_row_whole(qapp, db, tmp_path: Path) -> None:
    roadmap_id, _labels = build_31(db)
    png = export_gantt(db, roadmap_id, tmp_path / "gantt.png", today=TODAY)
    image = QImage(str(png))
    assert not image.isNull()
    # 37 rows, some of four lines, at 18 px a line and more, doubled for the PNG's density
    assert image.height() > 2 * (37 * 18 + 100)


def test_fill_takes_as_many_rows_as_fit_and_moves_a_heading_on() -> None:
    assert fill([10] * 7, 30) == [(0, 3), (3, 6), (6, 7)]
    assert fill([10, 25, 10], 30) == [(0, 1), (1, 2), (2, 3)]
    assert fill([40], 30) == [(0, 1)]  # a row taller than a page still gets one
    # row 2 is a heading: it would end the first page, so it starts the second
    assert fill([10] * 6, 30, headings={2}) == [(0, 2), (2, 5), (5, 6)]
    assert fill([], 30) == [(0, 0)]


def test_keep_tail_leaves_no_lonely_row() -> None:
    assert keep_tail([(0, 35), (35, 36)]) == [(0, 33), (33, 36)]
    assert keep_tail([(0, 35), (35, 40)]) == [(0, 35), (35, 40)]
    assert keep_tail([(0, 35), (35, 36)], headings={32}) == [(0, 32), (32, 36)]
    assert keep_tail([(0, 5)]) == [(0, 5)]


def test_paginate_draws_rows_a_little_smaller_to_save_a_page() -> None:
    scale, bands = paginate([18.0] * 37, 637.0)  # 37 rows of 18 px: 666 px on a 637 px page
    assert bands == [(0, 37)] and MIN_SCALE <= scale < 1
    assert 37 * 18 * scale <= 637
    scale, bands = paginate([18.0] * 70, 637.0)  # far too many: full size, two full pages
    assert scale == 1.0 and bands == [(0, 35), (35, 70)]


def test_time_chunks_of_the_three_years() -> None:
    assert len(time_chunks(PERIOD, 680)) == 6
