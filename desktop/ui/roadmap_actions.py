"""The roadmap entries of the window's menus: a new roadmap, File → Import (every kind of
file, dropped or chosen), the roadmap's properties. The window assembles them; they act on
the roadmaps page and the window's undo history through the ``window`` they are given."""

from __future__ import annotations

from pathlib import Path
from typing import Any


class RoadmapActions:
    """Handlers of the roadmap menu entries (each does nothing without a database)."""

    def __init__(self, window: Any) -> None:
        #: the main window (typed loosely: the window imports this module, not the reverse)
        self.window = window

    def _show(self, roadmap_id: int) -> None:
        page: Any = self.window.show_page("roadmaps")
        page.reload()
        page.combo.setCurrentIndex(page.combo.findData(roadmap_id))

    def new_roadmap(self) -> int | None:
        """Ask for a new roadmap (empty, from the template, or a copy) and show it."""
        w = self.window
        if w.database is None:
            return None
        from desktop.ui.new_roadmap import create_roadmap_dialog

        roadmap_id = create_roadmap_dialog(w, w.database, w.changes, w.undo_stack, w.dialogs)
        if roadmap_id is not None:
            self._show(roadmap_id)
        return roadmap_id

    def import_file(self, path: Path | None = None) -> int | None:
        """Import a Word or Excel roadmap, a school's filled-in form or a district's package
        (asks for the file when ``path`` is None): one File → Import for every kind."""
        w = self.window
        if w.database is None:
            return None
        from desktop.services.file_kind import FileKind, file_kind
        from desktop.ui.importing.flow import choose_file, import_roadmap_file

        if path is None:
            path = choose_file(w, w.dialogs)
            if path is None:
                return None
        kind = file_kind(path)
        if kind is FileKind.SCHOOL_FORM:
            w.show_page("checklist").import_form(path)  # type: ignore[attr-defined]
            return None
        if kind is FileKind.PACKAGE:  # a district's exchange package: «Районы» imports it
            if w.show_page("region").import_package(path):  # type: ignore[attr-defined]
                w.forget_hidden_pages()  # a district roadmap shown elsewhere was replaced
            return None
        roadmap_id = import_roadmap_file(w, w.database, w.changes, w.undo_stack, w.dialogs,
                                         path, w.run_dialog)
        if roadmap_id is not None:
            self._show(roadmap_id)
        return roadmap_id

    def roadmap_properties(self) -> bool:
        """The current roadmap's properties (title, level, period, goal …), one undo step."""
        w = self.window
        roadmap_id = w.current_roadmap_id()
        if w.database is None or roadmap_id is None:
            w.dialogs.info(w, w.tr("Свойства"), w.tr("Сначала выберите дорожную карту."))
            return False
        from desktop.ui.roadmap_properties import edit_roadmap_properties

        changed = edit_roadmap_properties(w, w.database, w.changes, w.undo_stack, w.dialogs,
                                          roadmap_id)
        if changed:
            w.page("roadmaps").reload()
        return changed
