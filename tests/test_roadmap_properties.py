"""The roadmap properties dialog, the column-profile editor and the new-roadmap dialog:
widgets filled as a user would, saved as one undoable command each."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack

from desktop.models import Item, ItemStatus, Roadmap, RoadmapStatus
from desktop.models.columns import Field, preset
from desktop.services import roadmaps as service
from desktop.ui.changes import Changes
from desktop.ui.column_profile_editor import ColumnProfileEditor
from desktop.ui.dialogs import ScriptedDialogs
from desktop.ui.new_roadmap import COPY, TEMPLATE, NewRoadmapDialog, create_roadmap
from desktop.ui.roadmap_properties import (
    RoadmapPropertiesDialog,
    edit_roadmap_properties,
    save_properties,
)
from tests.conftest import DEMO_YEAR


@pytest.fixture
def env(demo_db):
    stack, changes, dialogs = QUndoStack(), Changes(), ScriptedDialogs()
    with demo_db.session() as s:
        roadmap_id = s.scalar(select(Roadmap.id))
    return demo_db, stack, changes, dialogs, roadmap_id


def _props(db, roadmap_id):
    with db.session() as s:
        return service.read_properties(s, roadmap_id)


def _starts(db, roadmap_id):
    with db.session() as s:
        return {i.id: i.deadline_start for i in s.get(Roadmap, roadmap_id).all_items()}


def test_change_title_period_and_preset_then_undo(qtbot, env) -> None:
    db, stack, changes, dialogs, rid = env
    before, starts = _props(db, rid), _starts(db, rid)
    dialog = RoadmapPropertiesDialog(db, rid)
    qtbot.addWidget(dialog)
    dialog.title_edit.setPlainText("Дорожная карта на следующий год")
    dialog.start_edit.setDate(QDate(DEMO_YEAR + 1, 1, 1))
    dialog.end_edit.setDate(QDate(DEMO_YEAR + 1, 12, 31))
    dialog.columns.apply_preset("kaliningrad")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("draft"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert save_properties(dialog, changes, stack, dialogs)
    after = _props(db, rid)
    assert after.title == "Дорожная карта на следующий год"
    assert after.period_start == dt.date(DEMO_YEAR + 1, 1, 1)
    assert after.columns == preset("kaliningrad") and after.status is RoadmapStatus.DRAFT
    # «постоянно», «Август»-like texts follow the period
    moved = _starts(db, rid)
    assert any(moved[i] != starts[i] for i in starts)
    stack.undo()
    assert _props(db, rid) == before and _starts(db, rid) == starts
    stack.redo()
    assert _props(db, rid).columns == preset("kaliningrad")


def test_period_end_before_start_is_refused_in_russian(qtbot, env) -> None:
    db, stack, changes, dialogs, rid = env
    dialog = RoadmapPropertiesDialog(db, rid)
    qtbot.addWidget(dialog)
    dialog.end_edit.setDate(QDate(DEMO_YEAR - 1, 12, 31))
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "Окончание периода не может быть раньше его начала" in dialog.error.text()
    assert not save_properties(dialog, changes, stack, dialogs) and stack.count() == 0


def test_monitoring_points_are_added_and_removed(qtbot, env) -> None:
    db, stack, changes, dialogs, rid = env

    def fill(dialog) -> bool:
        qtbot.addWidget(dialog)
        dialog.points.table.selectRow(0)
        dialog.points.remove_current()
        row = dialog.points.add_point(None, default_date=dt.date(DEMO_YEAR, 12, 25))
        dialog.points.table.item(row, 1).setText("95")
        dialog.points.table.item(row, 3).setText("Итоговый мониторинг")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    assert edit_roadmap_properties(None, db, changes, stack, dialogs, rid, run_dialog=fill)
    points = _props(db, rid).monitoring_points
    assert [(p.date.month, p.target_min, p.title) for p in points] == [
        (11, 80, "Второй мониторинг"), (12, 95, "Итоговый мониторинг")]
    stack.undo()
    assert len(_props(db, rid).monitoring_points) == 2
    assert _props(db, rid).monitoring_points[0].title == "Первый мониторинг"


def test_column_profile_editor_orders_renames_and_ticks(qtbot) -> None:
    editor = ColumnProfileEditor(preset("petrogradsky"))
    qtbot.addWidget(editor)
    assert editor.profile() == preset("petrogradsky")
    editor.tree.setCurrentItem(editor.item_for(Field.DEADLINE))
    editor.move_current(-1)
    editor.item_for(Field.ACTIVITY).setText(1, "Описание мероприятия")
    editor.item_for(Field.NUMBER).setCheckState(0, Qt.CheckState.Unchecked)
    editor.item_for(Field.NOTE).setCheckState(0, Qt.CheckState.Checked)
    fields = [(c.field, c.heading) for c in editor.profile()]
    assert fields == [(Field.DEADLINE, "Сроки реализации"),
                      (Field.ACTIVITY, "Описание мероприятия"),
                      (Field.EXECUTORS, "Ответственные исполнители"),
                      (Field.NOTE, "Примечание")]
    editor.apply_preset("balakhta")
    assert editor.profile() == preset("balakhta")


def test_new_roadmap_as_a_copy_to_next_year_and_undo(qtbot, env) -> None:
    db, stack, changes, dialogs, rid = env
    dialog = NewRoadmapDialog(db, today=dt.date(DEMO_YEAR, 11, 22))
    qtbot.addWidget(dialog)
    dialog.set_mode(COPY)
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(rid))
    assert dialog.title_edit.placeholderText().endswith(f"в {DEMO_YEAR + 1} году")
    dialog.accept()
    new_id = create_roadmap(dialog, changes, stack, dialogs)
    assert new_id is not None and dialogs.shown == []
    with db.session() as s:
        old, new = s.get(Roadmap, rid), s.get(Roadmap, new_id)
        assert new.title.endswith(f"в {DEMO_YEAR + 1} году")
        assert new.period_start == dt.date(DEMO_YEAR + 1, 1, 1)
        assert len(new.all_items()) == len(old.all_items())
        assert all(i.status is ItemStatus.PLANNED for i in new.all_items())
    stack.undo()
    with db.session() as s:
        assert s.get(Roadmap, new_id) is None
        assert s.scalar(select(func.count()).select_from(Roadmap)) == 1
        assert s.scalar(select(func.count()).select_from(Item)) == len(old.all_items())
    stack.redo()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Roadmap)) == 2


def test_new_roadmap_from_the_template_needs_a_title(qtbot, env) -> None:
    db, stack, changes, dialogs, _rid = env
    dialog = NewRoadmapDialog(db, today=dt.date(DEMO_YEAR, 11, 22))
    qtbot.addWidget(dialog)
    dialog.set_mode(TEMPLATE)
    dialog.accept()
    assert "Укажите название" in dialog.error.text()
    dialog.title_edit.setPlainText("Дорожная карта ШНОР")
    dialog.preset_combo.setCurrentIndex(dialog.preset_combo.findData("balakhta"))
    dialog.accept()
    new_id = create_roadmap(dialog, changes, stack, dialogs)
    with db.session() as s:
        roadmap = s.get(Roadmap, new_id)
        assert roadmap.columns == preset("balakhta") and len(roadmap.sections) == 6
        assert roadmap.period_start.year == DEMO_YEAR + 1
