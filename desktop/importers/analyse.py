"""Blocks of a document (from any reader) → an :class:`ImportPreview`.

The layout (what lies before, in and after the roadmap table) is kept with
the preview so that a corrected column mapping rebuilds sections and items
without reading the file again (:func:`remap`).
"""

from __future__ import annotations

from desktop.errors import UserError
from desktop.importers.around import guess_period, note_part, read_after, read_before
from desktop.importers.parts import read_part
from desktop.importers.preview import ImportPreview
from desktop.importers.structure import Layout, build_table, cut
from desktop.importers.tables import Block
from desktop.models.columns import Field
from desktop.models.deadline import parse_deadline
from desktop.models.roadmap_parts import PartKey

NO_TABLE = ("В документе не найдена таблица дорожной карты: нужна таблица с шапкой "
            "«№ | Мероприятие | Срок | Исполнители» (или похожей).")


NO_ITEMS = "В таблице дорожной карты не найдено ни одного мероприятия: импортировать нечего."


def analyse(blocks: list[Block], *, source: str, kind: str,
            fallback_title: str = "") -> ImportPreview:
    layout = cut(blocks)
    if not layout.found:
        raise UserError(NO_TABLE)
    preview = ImportPreview(source=source, kind=kind, fallback_title=fallback_title,
                            source_layout=layout)
    read_before(layout.before, preview)
    note_part(preview, PartKey.TABLE)
    read_after(layout.after, preview)
    for part_kind, table, header, heading in layout.others:
        read_part(part_kind, table, header, preview, heading)
    _fill_table(preview, layout, None)
    if not preview.items():
        raise UserError(NO_ITEMS)
    return preview


def remap(preview: ImportPreview, fields: list[Field | None]) -> ImportPreview:
    """Rebuild sections and items under the user's column mapping."""
    layout: Layout = preview.source_layout
    _fill_table(preview, layout, fields)
    return preview


def _fill_table(preview: ImportPreview, layout: Layout, fields: list[Field | None] | None) -> None:
    table = build_table(layout, fields)
    preview.sections = table.sections
    preview.columns = table.columns
    preview.skipped = table.skipped
    preview.warnings = list(table.warnings) + list(preview.notes)
    if not preview.items():
        preview.warnings.append(NO_ITEMS)
    if not preview.title:
        preview.title = (preview.order.title if preview.order and preview.order.title
                         else preview.fallback_title or "Импортированная дорожная карта")
    preview.period = guess_period(preview, [i.deadline for i in preview.items()])
    for item in preview.items():
        deadline = parse_deadline(item.deadline, preview.period)
        item.deadline_kind = deadline.kind.value
        item.warnings = list(deadline.warnings)
