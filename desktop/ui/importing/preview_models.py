"""Item models of the import preview: the sections-and-items tree and plain lists."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from desktop.importers.preview import ImportPreview

WARNING_BRUSH = QBrush(QColor("#fff3cd"))
TREE_HEADINGS = ("№", "Мероприятие", "Срок", "Исполнители", "Задачи, показатели, предупреждения")


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(" ".join(text.split("\n")) if len(text) < 400 else text[:400] + "…")
    item.setEditable(False)
    item.setToolTip(text)
    return item


def tree_model(preview: ImportPreview, model: QStandardItemModel) -> None:
    """Sections (bold rows) with their items; deadlines with warnings are highlighted."""
    model.clear()
    model.setHorizontalHeaderLabels(list(TREE_HEADINGS))
    root = model.invisibleRootItem()
    for section in preview.sections:
        parent = root
        if not section.untitled:
            head = [_cell(section.number), _cell(section.title), _cell(""), _cell(""),
                    _cell("\n".join(filter(None, (section.tasks and "Задачи: " + section.tasks,
                                                  section.indicators and "Показатели: "
                                                  + section.indicators))))]
            font = head[1].font()
            font.setBold(True)
            for cell in head[:2]:
                cell.setFont(font)
            root.appendRow(head)
            parent = head[0]
        for item in section.items:
            row = [_cell(item.number), _cell(item.activity), _cell(item.deadline),
                   _cell(item.executors), _cell("; ".join(item.warnings))]
            if item.warnings:
                for cell in row:
                    cell.setBackground(WARNING_BRUSH)
            parent.appendRow(row)


def list_model(lines: list[str], model: QStandardItemModel, heading: str) -> None:
    model.clear()
    model.setHorizontalHeaderLabels([heading])
    for line in lines:
        model.appendRow(_cell(line))


def deadline_lines(preview: ImportPreview) -> list[str]:
    return [f"{item.number} «{item.deadline}»: {'; '.join(item.warnings)}"
            for item in preview.items() if item.warnings]


def directory_lines(preview: ImportPreview) -> list[str]:
    lines = [f"Организация: {short}" + (f" — {full}" if full else "")
             for short, full in preview.organisations]
    lines += [f"Человек: {name}" + (f" — {position}" if position else "")
              for name, position in preview.people]
    return lines


def around_lines(preview: ImportPreview) -> list[str]:
    """What was found around the table, one part a line, then where the printed order's
    requisites come from (the document or the authority's profile)."""
    lines = [f"Период: {preview.period[0]:%d.%m.%Y} – {preview.period[1]:%d.%m.%Y}"]
    lines += [line[:1].upper() + line[1:] for line in preview.parts_found()]
    lines += [f"Реквизит приказа — {line}" for line in preview.requisite_sources]
    return lines
