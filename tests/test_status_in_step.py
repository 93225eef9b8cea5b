"""The status bar says what the page shows at once (issue 23, point 11): «Чек-листы» after
another roadmap is chosen, «Районы» after a district's package is imported — not at the
next edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.exchange.sample import sample_data, sample_district, sample_signer
from desktop.export.package import pack
from desktop.models import Level
from desktop.services import roadmaps as service


def test_checklist_counters_follow_the_chosen_roadmap(window, demo_db, qtbot) -> None:
    with demo_db.session() as s:
        empty = service.create_empty(s, service.RoadmapProperties(
            "Пустая карта", Level.MUNICIPAL, dt.date(2026, 1, 1), dt.date(2026, 12, 31)))
    page = window.show_page("checklist")
    first = page.roadmap.currentData()
    items = len(page.model.rows) - len(page.model.section_rows())
    schools = len(page.model.columns)
    assert items > 0 and schools > 0
    qtbot.waitUntil(lambda: window.page_status.text()
                    == f"Мероприятий: {items}, школ: {schools}")
    page.reload()  # the new roadmap in the chooser
    page.roadmap.setCurrentIndex(page.roadmap.findData(empty))
    qtbot.waitUntil(lambda: window.page_status.text() == "Мероприятий: 0, школ: 0")
    page.roadmap.setCurrentIndex(page.roadmap.findData(first))
    qtbot.waitUntil(lambda: window.page_status.text()
                    == f"Мероприятий: {items}, школ: {schools}")


def test_region_counter_follows_an_imported_package(window, qtbot, tmp_path: Path) -> None:
    page = window.show_page("region")
    qtbot.waitUntil(lambda: window.page_status.text() == "Районов: 0")
    package = pack(tmp_path / "d1.dkp", sample_district(1), sample_data(1, 12, 4),
                   now=dt.datetime(2026, 6, 1), signer=sample_signer(1), sequence=1)
    window.dialogs.answers = [True]  # the preview — import
    window.import_file(package)
    assert len(page.districts) == 1 and "Районов: 1" in page.headline.text()
    qtbot.waitUntil(lambda: window.page_status.text() == "Районов: 1")
