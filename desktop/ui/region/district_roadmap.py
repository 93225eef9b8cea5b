"""A district's roadmap shown on the region's own pages (editor, checklist, report), read-only.

The pages list the file's own roadmaps; «Районы» opens a district's roadmap in them:
:class:`DistrictRoadmaps` adds it to a page's roadmap chooser as «district: title» and
:class:`DistrictBanner` says over the page that it is only for viewing. The pages switch
their editing off while it is shown; the undo commands refuse it anyway
(:mod:`desktop.services.district_guard`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

if TYPE_CHECKING:
    from desktop.models.database import Database


class DistrictRoadmaps:
    """The district roadmaps a page's roadmap chooser (``combo``) was given, by id."""

    def __init__(self, combo: QComboBox) -> None:
        self.combo = combo
        self.summaries: dict[int, dict[str, Any]] = {}

    def choose(self, database: Database, roadmap_id: int) -> bool:
        """Make ``roadmap_id`` the chooser's current roadmap; a district's roadmap, not
        listed there, is added first («district: title»). False: there is no such roadmap."""
        index = self.combo.findData(roadmap_id)
        if index < 0:
            from desktop.services.listing import district_roadmap_summary  # not at start-up

            with database.reading() as session:
                summary = district_roadmap_summary(session, roadmap_id)
            if summary is None:
                return False
            self.summaries[roadmap_id] = summary
            self.combo.addItem(f"{summary['district']}: {summary['title']}", roadmap_id)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)
        return True

    def current(self) -> dict[str, Any] | None:
        """The summary of the district roadmap shown (None: one of the file's own)."""
        return self.summaries.get(self.combo.currentData())


class DistrictBanner(QLabel):
    """A strip over a page while it shows a district's roadmap (hidden otherwise)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("background:#e3f0fb; color:#123a5c; padding:5px; "
                           "border:1px solid #9cc3e6;")
        self.hide()

    def show_for(self, summary: dict[str, Any] | None) -> None:
        """Say whose roadmap it is and since which package; hide for an own roadmap."""
        if summary is None:
            self.hide()
            return
        self.setText(self.tr(
            "Только просмотр: дорожная карта района «{district}» из его пакета от {day}. "
            "Её меняет район, новые данные приходят с его следующим пакетом.").format(
            district=summary["district"], day=f"{summary['package']:%d.%m.%Y}"))
        self.show()
