"""Helpers for the PDF tests: poppler wrappers, word boxes, a demo database, a big roadmap.

No tests here. The poppler tools are required: a missing one fails the test
with a clear message instead of skipping it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from desktop.models import Item, ItemExecutor, Organisation, Roadmap, Section
from desktop.models.columns import preset
from desktop.models.database import Database, open_database
from desktop.services.demo import create_demo

MM = 72 / 25.4
TOL = 0.6  #: points of slack for glyph boxes computed by pdftotext


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} (poppler-utils) is required by the PDF tests but is not installed")
    return path


def run_tool(*args: str) -> str:
    result = subprocess.run([poppler(args[0]), *args[1:]], capture_output=True, text=True,
                            check=True, timeout=120)
    return result.stdout


def fonts(pdf: Path) -> list[tuple[str, str]]:
    """(name, emb) for each font ``pdffonts`` lists."""
    lines = run_tool("pdffonts", str(pdf)).splitlines()[2:]
    rows = []
    for line in lines:
        parts = line.split()
        # columns from the right: emb sub uni object-id generation
        rows.append((parts[0], parts[-5]))
    return rows


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    pages = int(re.search(r"Pages:\s+(\d+)", run_tool("pdfinfo", str(pdf))).group(1))
    out = run_tool("pdfinfo", "-f", "1", "-l", str(pages), str(pdf))
    return [(round(float(w)), round(float(h)))
            for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (``pdftotext``, split at form feeds)."""
    return run_tool("pdftotext", "-enc", "UTF-8", str(pdf), "-").split("\f")[:-1]


def norm(text: str) -> str:
    """Text without any whitespace: line breaks and no-break spaces don't count."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  #: from the top edge
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]


_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def word_boxes(pdf: Path) -> list[Page]:
    """Every page's words with their boxes (``pdftotext -bbox``), y measured from the top."""
    xhtml = run_tool("pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-")
    pages = []
    for width, height, body in _PAGE.findall(xhtml):
        words = [Word(unescape(t), float(a), float(b), float(c), float(d))
                 for a, b, c, d, t in _WORD.findall(body)]
        pages.append(Page(float(width), float(height), words))
    return pages


def demo_database(folder: Path) -> Path:
    path = folder / "demo.db"
    database = open_database(path, create=True)
    try:
        create_demo(database, year=2026)
    finally:
        database.close()
    return path


def open_db(path: Path) -> Database:
    return open_database(path)


LONG_CELL = ("Очень длинный текст ячейки «с кавычками» — с тире – и № 5, ёлочка " * 60).strip()


def activity_text(n: int) -> str:
    """Varied activity texts with «ё», «№», quotes and dashes."""
    return (f"Мероприятие № {n}: семинар «Учёт — основа успеха» для школ – участниц проекта "
            f"«500+», ёмкие решения; этап {n % 7 + 1}")


def add_big_roadmap(session: Session, items: int = 500, *, long_cell: bool = True) -> Roadmap:
    """A roadmap with ``items`` items in 10 sections (Balakhta profile), one very long cell."""
    org = session.query(Organisation).filter_by(short_name="ЦОКО").one_or_none()
    if org is None:
        org = Organisation(short_name="ЦОКО", full_name="Центр оценки качества образования")
    roadmap = Roadmap(title="План-график № 2 «Ёлочка» — работа со ШНОР в 2026 году",
                      period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31),
                      goal="Цель «ёмкая» — № 1", tasks="1. Задача первая.\n2. Задача вторая.")
    roadmap.columns = preset("balakhta")
    per_section = items // 10
    for s in range(10):
        section = Section(position=s, number=str(s + 1), title=f"Раздел «{s + 1}» — ёмкий",
                          tasks="Задачи раздела — № 1" if s == 0 else "")
        for i in range(per_section):
            n = s * per_section + i
            item = Item(position=i, number=f"{s + 1}.{i + 1}", activity=activity_text(n),
                        tasks="Доведение до сведения ОО «нормативных» документов",
                        indicator="100% ОО — проинформированы")
            if long_cell and n == 7:
                item.tasks = LONG_CELL
            item.set_deadline("17.01.2026 – 04.02.2026 (исполнено)", roadmap.period)
            item.executors = [ItemExecutor(position=0, organisation=org, text="ЦОКО"),
                              ItemExecutor(position=1, text="Руководители школ")]
            section.items.append(item)
        roadmap.sections.append(section)
    session.add(roadmap)
    session.flush()
    return roadmap


def column_stream(pages: list[Page], x_from: float, x_to: float, header_word: str) -> str:
    """The words whose left edge lies in [x_from, x_to), page by page, below the repeated header.

    On each page the header row is found by ``header_word``; everything down to
    the row of column numbers under it is skipped.
    """
    parts: list[str] = []
    for page in pages:
        words = [w for w in page.words if x_from - TOL <= w.x0 < x_to]
        heads = [w for w in words if w.text == header_word]
        if not heads:
            continue
        head = heads[0]
        numbers = [w for w in words if w.y0 > head.y1 and w.text.isdigit()]
        cut = min(numbers, key=lambda w: w.y0).y1 if numbers else head.y1
        body = sorted((w for w in words if w.y0 > cut), key=lambda w: (round(w.y0, 0), w.x0))
        parts.extend(w.text for w in body)
    return "".join(parts)
