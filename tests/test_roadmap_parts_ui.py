"""The document's parts typed into the properties dialog come back from the PDF (pdftotext)
and from the database; one undo takes them all back; a schedule appendix's dates are read
by the deadline parser."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack

from desktop.export.pdf_roadmap import export_roadmap_pdf
from desktop.export.xlsx import export_roadmap_xlsx
from desktop.models import Roadmap
from desktop.models.deadline import Kind
from desktop.services import roadmaps as service
from desktop.services.roadmap_parts import IndicatorData, ScheduleRowData
from desktop.ui.changes import Changes
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.roadmap_properties import RoadmapPropertiesDialog, save_properties
from tests.qt_helpers import type_text
from tests.test_export_pdf_support import norm, page_texts

TEXTS = {
    "passport_problem": "Проблема: низкие результаты ОГЭ в пяти школах",
    "passport_developer": "Разработчик: отдел образования Ёлкинского района",
    "passport_stages": "Этапы: 2026 год, два полугодия",
    "passport_working_group": "Группа: методисты ИМЦ и кураторы",
    "basis_documents": "Закон об образовании № 273-ФЗ\nПриказ министерства № 17",
    "justification": "Школы ШНОР по итогам ВПР — пять",
    "closing_position": "Директор МКУ «ИМЦ»",
    "closing_name": "Е.Ф. Ёлкина",
}


@pytest.fixture
def env(demo_db):
    with demo_db.session() as s:
        roadmap_id = s.scalar(select(Roadmap.id))
    return demo_db, QUndoStack(), Changes(), ScriptedDialogs(), roadmap_id


def _fill(qtbot, dialog: RoadmapPropertiesDialog) -> None:
    for attr, text in TEXTS.items():
        edit = dialog.part_texts.edits[attr]
        edit.setFocus()
        edit.clear()
        type_text(edit, text)
    indicators = dialog.indicators
    indicators.periods_edit.setText("2025/2026; 2026/2027")
    indicators.periods_edit.editingFinished.emit()
    row = indicators.add_row(IndicatorData("Доля школ — выход из ШНОР", "%",
                                                   ("25", "не менее 40")))
    assert indicators.table.item(row, 3).text() == "не менее 40"
    appendices = dialog.appendices
    appendices.add_appendix()
    appendices.title_edit.setText("График консультаций кураторов")
    appendices.add_row(ScheduleRowData("Март", is_group=True))
    appendices.add_row(ScheduleRowData("Консультация по программе развития",
                                               "до 20.03.2026", "Кураторы"))
    appendices.has_date.setChecked(True)
    appendices.date_edit.setDate(QDate(2026, 2, 2))
    tree = dialog.layout_tab.tree
    goal = next(i for i in dialog.layout_tab.items() if i.text(0) == "Цель")
    goal.setText(1, "1. Цели дорожной карты")
    tree.setCurrentItem(goal)
    dialog.layout_tab.move_current(-5)  # no effect: out of range
    dialog.layout_tab.move_current(-1)


def test_parts_typed_come_back_from_the_pdf_and_undo(qtbot, env, tmp_path: Path) -> None:
    db, stack, changes, dialogs, rid = env
    with db.session() as s:
        before = service.read_properties(s, rid)
    dialog = RoadmapPropertiesDialog(db, rid)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(qtbot, dialog)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    assert save_properties(dialog, changes, stack, dialogs)

    pdf = tmp_path / "roadmap.pdf"
    with db.session() as s:
        roadmap = s.get(Roadmap, rid)
        assert roadmap.passport_problem == TEXTS["passport_problem"]
        assert roadmap.indicator_periods == ["2025/2026", "2026/2027"]
        assert roadmap.indicators[0].values == ["25", "не менее 40"]
        schedule = roadmap.appendices[0]
        assert [r.is_group for r in schedule.rows] == [True, False]
        consultation = schedule.rows[1].deadline
        assert consultation.kind is Kind.DUE and consultation.end.isoformat() == "2026-03-20"
        assert schedule.doc_date.isoformat() == "2026-02-02"
        assert roadmap.layout_json["headings"]["goal"] == "1. Цели дорожной карты"
        assert roadmap.layout_json["order"].index("goal") < roadmap.layout_json["order"].index(
            "justification")
        export_roadmap_pdf(s, rid, pdf)
        xlsx = export_roadmap_xlsx(s, rid, tmp_path / "roadmap.xlsx")
    book = openpyxl.load_workbook(xlsx, read_only=True)
    cells = "\n".join(str(v) for sheet in book.worksheets
                      for row in sheet.iter_rows(values_only=True) for v in row if v)
    book.close()
    for text in (*TEXTS.values(), "2025/2026", "не менее 40", "Доля школ — выход из ШНОР",
                 "1. Цели дорожной карты"):
        for line in text.splitlines():
            assert line in cells, line
    whole = norm("".join(page_texts(pdf)))
    for text in (*TEXTS.values(), "2025/2026", "не менее 40", "Доля школ — выход из ШНОР",
                 "График консультаций кураторов", "Консультация по программе развития",
                 "до 20.03.2026", "1. Цели дорожной карты", "от 02.02.2026"):
        for line in text.splitlines():
            assert norm(line) in whole, line
    assert whole.index(norm("1. Цели дорожной карты")) < whole.index(norm(TEXTS["justification"]))

    stack.undo()
    with db.session() as s:
        assert service.read_properties(s, rid) == before
        assert s.get(Roadmap, rid).appendices == []


def test_indicator_without_a_name_is_refused_in_russian(qtbot, env) -> None:
    db, _stack, _changes, _dialogs, rid = env
    dialog = RoadmapPropertiesDialog(db, rid)
    qtbot.addWidget(dialog)
    dialog.indicators.periods_edit.setText("2026")
    dialog.indicators.add_row(IndicatorData("", "%", ("5",)))
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "укажите его название" in dialog.error.text()


def test_consultations_reach_the_timeline_and_the_overdue_checks(qapp, db, tmp_path: Path) -> None:
    import datetime as dt

    from desktop.painting.gantt import export_gantt
    from desktop.services.consultations import overdue_consultations
    from tests.parts_fixture import add_parts_roadmap

    with db.session() as s:
        roadmap = add_parts_roadmap(s)
        s.commit()
        rid = roadmap.id
        late = overdue_consultations(roadmap, dt.date(2026, 2, 1))
        assert [c.topic for c in late] == ["Консультация по самодиагностике"]
        roadmap.appendices[0].rows[1].done = True
        s.commit()
        late = overdue_consultations(roadmap, dt.date(2026, 3, 1))  # the first one done
        assert [c.topic for c in late] == ["Консультация по антирисковым программам"]
    pdf = export_gantt(db, rid, tmp_path / "gantt.pdf", today=dt.date(2026, 3, 1))
    whole = norm("".join(page_texts(pdf)))
    assert norm("График консультаций для школ") in whole
    assert norm("Консультация по самодиагностике") in whole
