"""Benchmark of the Gantt timeline: ``python benchmarks/gantt.py`` from the repo root.

A generated roadmap of 5,000 items in 50 sections (spans, days, due dates, weekly
and monthly recurring deadlines) is written to a temporary database in one
transaction and shown in a QTreeView over ``RoadmapTreeModel``. Medians of 7:

* ours — building the ``GanttView`` beside that tree (construct + first layout),
  and repainting one 1366×700 viewport into an offscreen QImage;
* baseline — a bare ``QGraphicsView`` with 5,000 plain ``QGraphicsRectItem``s:
  building it, and repainting one viewport of it into a QImage.

The last line printed is one JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QUndoStack  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QTreeView,
)

from desktop.models import Item, Roadmap, Section  # noqa: E402
from desktop.models.database import open_database  # noqa: E402
from desktop.ui.appearance import install_fonts  # noqa: E402
from desktop.ui.changes import Changes  # noqa: E402
from desktop.ui.dialogs import ScriptedDialogs  # noqa: E402
from desktop.ui.gantt.view import GanttView  # noqa: E402
from desktop.ui.roadmap_tree_model import RoadmapTreeModel  # noqa: E402

ITEMS, SECTIONS, RUNS = 5000, 50, 7
YEAR = 2026
PERIOD = (dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
WIDTH, HEIGHT = 1366, 700
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
          "сентябрь", "октябрь", "ноябрь", "декабрь")


def deadline_text(n: int) -> str:
    month, day = n % 12 + 1, n % 27 + 1
    match n % 5:
        case 0:
            return f"{day:02d}.{month:02d}-{min(day + 20, 28):02d}.{min(month + 1, 12):02d}.{YEAR}"
        case 1:
            return f"{day:02d}.{month:02d}.{YEAR}"
        case 2:
            return f"До {day:02d}.{month:02d}.{YEAR}"
        case 3:
            return f"Еженедельно по средам с 11.02.{YEAR} по 24.06.{YEAR}"
    return f"{MONTHS[month - 1]} {YEAR} г."


def build_database(path: Path):
    database = open_database(path)
    with database.session() as session:
        roadmap = Roadmap(title="Проверка производительности", period_start=PERIOD[0],
                          period_end=PERIOD[1])
        session.add(roadmap)
        per = ITEMS // SECTIONS
        for s in range(SECTIONS):
            section = Section(roadmap=roadmap, position=s, number=str(s + 1), title=f"Раздел {s + 1}")
            session.add(section)
            for i in range(per):
                item = Item(section=section, position=i, number=f"{s + 1}.{i + 1}",
                            activity=f"Мероприятие {s + 1}.{i + 1}")
                item.set_deadline(deadline_text(s * per + i), PERIOD)
                session.add(item)
        session.commit()
        roadmap_id = roadmap.id
    return database, roadmap_id


def load_model(model: RoadmapTreeModel, database, roadmap_id: int) -> None:
    """Fill the tree model as the editor page does."""
    from desktop.ui.editor.rows import load_roadmap

    with database.session() as session:
        model.set_data(load_roadmap(session, roadmap_id, dt.date(YEAR, 6, 1)))


def median(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    install_fonts(app)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        database, roadmap_id = build_database(Path(folder) / "bench.db")
        print(f"roadmap of {ITEMS} items written in {time.perf_counter() - started:.2f} s")
        model = RoadmapTreeModel(today=dt.date(YEAR, 6, 1))
        load_model(model, database, roadmap_id)
        tree = QTreeView()
        tree.setModel(model)
        tree.setUniformRowHeights(True)
        tree.expandAll()
        tree.resize(600, HEIGHT)
        tree.show()
        app.processEvents()
        views: list[GanttView] = []

        def build_ours() -> None:
            view = GanttView(tree, database=database, changes=Changes(), undo_stack=QUndoStack(),
                             dialogs=ScriptedDialogs(), period=PERIOD,
                             monitoring_points=[(dt.date(YEAR, 6, 30), "30–40 %")],
                             today=dt.date(YEAR, 6, 1))
            view.resize(WIDTH, HEIGHT + 80)
            view.show()
            app.processEvents()
            views.append(view)

        ours = median(build_ours)
        view = views[-1]
        tree.verticalScrollBar().setValue(tree.verticalScrollBar().maximum() // 2)
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
        canvas = view.canvas
        canvas.resize(WIDTH, HEIGHT)

        def repaint_ours() -> None:
            painter = QPainter(image)
            canvas.paint(painter)
            painter.end()

        repaint_ours()
        rows = len(canvas.rows())
        repaint = median(repaint_ours)
        widget_render = median(lambda: canvas.render(image, QPoint(0, 0)))

        scenes: list[QGraphicsView] = []
        keep: list[QGraphicsScene] = []

        def build_bare() -> None:
            scene = QGraphicsScene()
            for n in range(ITEMS):
                item = QGraphicsRectItem(QRectF((n * 7) % 1500, n * 20, 120, 12))
                item.setBrush(QColor("#1e6fd9"))
                scene.addItem(item)
            bare = QGraphicsView(scene)
            bare.resize(WIDTH, HEIGHT)
            bare.show()
            app.processEvents()
            scenes.append(bare)
            keep.append(scene)  # a view does not own its scene

        baseline = median(build_bare)
        bare = scenes[-1]
        bare.centerOn(700, ITEMS * 10)

        def repaint_bare() -> None:
            painter = QPainter(image)
            visible = bare.mapToScene(bare.viewport().rect()).boundingRect()
            bare.scene().render(painter, QRectF(image.rect()), visible)
            painter.end()

        baseline_repaint = median(repaint_bare)
        for widget in [*views, *scenes]:
            widget.close()
        database.close()
    print(f"timeline build (construct + first layout): {ours * 1000:.1f} ms median of {RUNS}")
    print(f"bare QGraphicsView with {ITEMS} rect items, build: {baseline * 1000:.1f} ms")
    print(f"repaint of one {WIDTH}x{HEIGHT} viewport ({rows} rows): {repaint * 1000:.2f} ms "
          f"(widget.render: {widget_render * 1000:.2f} ms)")
    print(f"bare QGraphicsView repaint of one viewport: {baseline_repaint * 1000:.2f} ms")
    print(json.dumps({
        "name": "gantt", "ours_s": round(ours, 4), "baseline_s": round(baseline, 4),
        "ratio": round(ours / baseline, 3), "target": "repaint < 16 ms median",
        "repaint_ms": round(repaint * 1000, 2),
        "baseline_repaint_ms": round(baseline_repaint * 1000, 2),
        "repaint_ratio": round(repaint / baseline_repaint, 3),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
