"""The window's pages and the small pieces of start-up wiring the main window reads: which
pages exist (built on first show, so the window paints before the database layer is
imported), the navigation role, shortcut lists and the file a drop brings.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.ui.views.base import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    #: "module:Class", imported on first use
    target: str

    def build(self, parent: QWidget) -> Page:
        module_name, class_name = self.target.split(":")
        page_class = getattr(importlib.import_module(module_name), class_name)
        return page_class(None, parent)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("roadmaps", "Дорожные карты", "desktop.ui.views.roadmaps:RoadmapsPage"),
    PageSpec("schools", "Школы", "desktop.ui.views.schools:SchoolsPage"),
    PageSpec("directories", "Справочники", "desktop.ui.views.directories:DirectoriesPage"),
    PageSpec("orders", "Приказы", "desktop.ui.views.orders:OrdersPage"),
    PageSpec("reports", "Отчёты", "desktop.ui.views.reports:ReportsPage"),
    PageSpec("checklist", "Чек-листы", "desktop.ui.views.checklist:ChecklistPage"),
    PageSpec("region", "Районы", "desktop.ui.views.region:RegionPage"),
)

#: ``Qt.ItemDataRole.UserRole``: the navigation item's page key. Written as a number, the
#: placeholder centred by a layout and shortcuts set with ``setShortcuts([...])`` (not
#: ``setShortcut``, whose overloads do) because the first touch of the ``Qt`` namespace
#: builds all its enums (~20 ms): left for after the first paint.
NAV_KEY_ROLE = 0x0100


def key_sequences(shortcut: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """Every binding of a standard key (Undo is also Alt+Backspace on some desktops), or one."""
    if isinstance(shortcut, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(shortcut)
    return [QKeySequence(shortcut)]


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local Word/Excel roadmap or .dkp package being dropped, if that is what it is."""
    from desktop.ui.importing.flow import SUFFIXES

    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in SUFFIXES else None
