"""Before a roadmap's numbers go to paper: ask to renumber when some would print wrong.

Exports of the table and of orders with a roadmap appendix call :func:`offer_renumbering`
first. «Да» renumbers the roadmap (one step of the window's undo history), «Нет» prints
the numbers as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from desktop.models.database import Database
    from desktop.ui.changes import Changes
    from desktop.ui.dialogs import Dialogs

TITLE = "Номера в дорожной карте"


def offer_renumbering(parent: QWidget | None, database: Database, changes: Changes,
                      undo_stack: QUndoStack, dialogs: Dialogs,
                      roadmap_ids: Iterable[int]) -> int:
    """Ask for each roadmap with wrong numbers; returns how many were renumbered."""
    from desktop.models.roadmap import Roadmap
    from desktop.services.number_checks import problems_text
    from desktop.services.numbering import numbering_problems
    from desktop.ui.commands import push
    from desktop.ui.editor.commands import renumber_command

    renumbered = 0
    for roadmap_id in roadmap_ids:
        with database.reading() as session:
            problems = numbering_problems(session, roadmap_id)
            roadmap = session.get(Roadmap, roadmap_id)
            title = roadmap.title if roadmap is not None else ""
        if not problems:
            continue
        short = title if len(title) <= 90 else title[:89].rstrip() + "…"
        question = (f"В дорожной карте «{short}» номера сбиты: {problems_text(problems)}.\n\n"
                    "Перенумеровать её по порядку (1.1, 1.1.1 …) перед выгрузкой? "
                    "Перенумерацию можно отменить (Правка → Отменить).\n"
                    "«Нет» — выгрузить с номерами как есть.")
        if dialogs.confirm(parent, TITLE, question) and push(
                undo_stack, renumber_command(database, changes, roadmap_id), dialogs, parent):
            renumbered += 1
    return renumbered
