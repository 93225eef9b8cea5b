"""The layout of a school's checklist form (.xlsx): sheets, columns, the hidden meta sheet.

Written by :mod:`desktop.export.school_forms` and read back by
:mod:`desktop.services.school_forms`: both take the layout from here, so that the
reader does not import the writer.
"""

from __future__ import annotations

from desktop.services.checklist import CellState

SHEET = "Чек-лист"
META_SHEET = "_форма"
FORMAT = "school-form-1"
HEADINGS = ("№", "Мероприятие", "Срок", "Статус", "Дата выполнения", "Подтверждающий документ",
            "Комментарий")
WIDTHS = (8, 55, 20, 16, 14, 36, 30)
HEADER_ROW = 4
#: the columns a school fills in (1-based)
STATUS_COL, DATE_COL, DOCUMENT_COL, COMMENT_COL = 4, 5, 6, 7
#: the meta sheet's keys, one per row in column A
META_KEYS = ("format", "roadmap_id", "roadmap_title", "school_id", "school")


def evidence_text(state: CellState) -> str:
    """The documents of a cell as one line; the reader compares it to what comes back."""
    return "; ".join(e.text or e.file_name for e in state.evidence)
