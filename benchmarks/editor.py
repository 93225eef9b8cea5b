"""The roadmap editor on a large roadmap: 5,000 items in 50 sections in a temporary database.

* open: read the roadmap from the database, build our tree model, set it on a shown
  QTreeView, expand, process events — against the same rows (same strings) read with one
  plain query into a QStandardItemModel on a QTreeView, built in the same run;
* filter: one keystroke (the filter text set to a word, events processed) in ours
  against a recursive QSortFilterProxyModel over the QStandardItemModel.

Medians of 5. Target: open ≤ 1.5× the baseline, filter < 50 ms. Run from the repo root
with no arguments; the last line printed is one JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select  # noqa: E402

from PySide6.QtCore import QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QTreeView  # noqa: E402

from desktop.models import Item, Roadmap, Section  # noqa: E402
from desktop.models.columns import preset  # noqa: E402
from desktop.models.database import open_database  # noqa: E402
from desktop.ui.editor.filter import FilterSpec  # noqa: E402
from desktop.ui.editor.rows import load_roadmap  # noqa: E402
from desktop.ui.roadmap_tree_model import RoadmapTreeModel  # noqa: E402

SECTIONS, PER_SECTION, REPEATS = 50, 100, 5
TODAY = dt.date(2026, 6, 15)
DEADLINES = ("до 15.02.2026", "01.03-20.05.2026", "Январь 2026 г.", "сентябрь- октябрь 2026г.",
             "Еженедельно по четвергам", "постоянно", "по мере проведения оценочных процедур",
             "18.01.02.2026")
WORDS = ("совещание", "семинар", "анкетирование", "мониторинг", "консультация")


def build(path: Path) -> int:
    database = open_database(path)
    with database.session() as s:
        roadmap = Roadmap(title="Большая дорожная карта", period_start=dt.date(2026, 1, 1),
                          period_end=dt.date(2026, 12, 31))
        roadmap.columns = preset("default")
        s.add(roadmap)
        for n in range(1, SECTIONS + 1):
            section = Section(number=str(n), title=f"Раздел {n}", position=n)
            roadmap.sections.append(section)
            for m in range(1, PER_SECTION + 1):
                item = Item(number=f"{n}.{m}", position=m,
                            activity=f"{WORDS[m % 5].capitalize()} по направлению {n}.{m}",
                            indicator=f"Показатель {m}", evidence="Справка")
                item.set_deadline(DEADLINES[(n + m) % len(DEADLINES)], roadmap.period)
                section.items.append(item)
        s.flush()
        roadmap_id = roadmap.id
    database.close()
    return roadmap_id


def shown_tree(model: object) -> QTreeView:
    view = QTreeView()
    view.setUniformRowHeights(True)
    view.resize(1200, 700)
    view.setModel(model)
    view.show()
    return view


def open_ours(path: Path, roadmap_id: int) -> tuple[float, RoadmapTreeModel, QTreeView]:
    start = time.perf_counter()
    database = open_database(path)
    with database.session() as s:
        data = load_roadmap(s, roadmap_id, TODAY)
    model = RoadmapTreeModel(today=TODAY)
    model.set_data(data)
    view = shown_tree(model)
    view.expandAll()
    QApplication.processEvents()
    elapsed = time.perf_counter() - start
    database.close()
    return elapsed, model, view


def open_baseline(path: Path, roadmap_id: int) -> tuple[float, QStandardItemModel, QTreeView]:
    start = time.perf_counter()
    database = open_database(path)
    with database.session() as s:
        sections = s.execute(select(Section.id, Section.number, Section.title)
                             .where(Section.roadmap_id == roadmap_id)
                             .order_by(Section.position)).all()
        rows = s.execute(select(Item.section_id, Item.number, Item.activity, Item.deadline_text,
                                Item.indicator, Item.evidence)
                         .join(Section, Section.id == Item.section_id)
                         .where(Section.roadmap_id == roadmap_id)
                         .order_by(Item.section_id, Item.position)).all()
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["✓", "№ п/п", "Мероприятие", "Сроки реализации",
                                     "Ответственные исполнители", "Показатель", "Документ"])
    parents = {}
    for sid, number, title in sections:
        parent = QStandardItem(f"{number}. {title}")
        model.appendRow(parent)
        parents[sid] = parent
    for sid, number, activity, deadline, indicator, evidence in rows:
        cells = ["", number, activity, deadline, "", indicator, evidence]
        parents[sid].appendRow([QStandardItem(c) for c in cells])
    view = shown_tree(model)
    view.expandAll()
    QApplication.processEvents()
    elapsed = time.perf_counter() - start
    database.close()
    return elapsed, model, view


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        roadmap_id = build(path)
        ours, base, ours_filter, base_filter = [], [], [], []
        for _ in range(REPEATS):
            elapsed, model, view = open_ours(path, roadmap_id)
            ours.append(elapsed)
            for word in ("семинар", "мониторинг"):
                start = time.perf_counter()
                model.set_filter(FilterSpec(text=word))
                view.expandAll()
                app.processEvents()
                ours_filter.append(time.perf_counter() - start)
                model.set_filter(FilterSpec())
            view.close()
            elapsed, smodel, sview = open_baseline(path, roadmap_id)
            base.append(elapsed)
            proxy = QSortFilterProxyModel()
            proxy.setRecursiveFilteringEnabled(True)
            proxy.setFilterKeyColumn(-1)
            proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            proxy.setSourceModel(smodel)
            sview.setModel(proxy)
            sview.expandAll()
            app.processEvents()
            for word in ("семинар", "мониторинг"):
                start = time.perf_counter()
                proxy.setFilterFixedString(word)
                sview.expandAll()
                app.processEvents()
                base_filter.append(time.perf_counter() - start)
                proxy.setFilterFixedString("")
            sview.close()
    ours_s, base_s = statistics.median(ours), statistics.median(base)
    filter_ms = statistics.median(ours_filter) * 1000
    base_filter_ms = statistics.median(base_filter) * 1000
    print(f"rows: {SECTIONS} sections, {SECTIONS * PER_SECTION} items")
    print(f"open, ours (load + model + shown tree):     {ours_s * 1000:8.1f} ms")
    print(f"open, QStandardItemModel + plain query:    {base_s * 1000:8.1f} ms")
    print(f"ratio: {ours_s / base_s:.2f} (target ≤ 1.5)")
    print(f"filter keystroke, ours:                     {filter_ms:8.1f} ms")
    print(f"filter keystroke, QSortFilterProxyModel:    {base_filter_ms:8.1f} ms")
    print(json.dumps({"name": "editor", "ours_s": round(ours_s, 4), "baseline_s": round(base_s, 4),
                      "ratio": round(ours_s / base_s, 3),
                      "target": "open <= 1.5x, filter < 50 ms",
                      "filter_ms": round(filter_ms, 2),
                      "baseline_filter_ms": round(base_filter_ms, 2),
                      "filter_ratio": round(filter_ms / base_filter_ms, 3)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
