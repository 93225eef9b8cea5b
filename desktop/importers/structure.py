"""From blocks (paragraphs and tables) to sections and items of the roadmap table.

The roadmap table is found by its header; a header-less table that follows it
(a table Word split across pages, or cut at each section heading) continues
it. Paragraphs between its parts are section headings (a number one past the
current section's) or the current section's tasks and indicators text.
Header repeats and rows of column numbers are skipped and reported. Numbers
are kept as found; repeats and gaps are reported, never «fixed».
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.importers.preview import ColumnMapping, PreviewItem, PreviewSection
from desktop.importers.rows import (
    is_roman,
    join_continuation,
    label_of,
    number_of,
    split_heading,
    split_labels,
    top_number,
)
from desktop.importers.tables import (
    Block,
    HeaderMatcher,
    RawRow,
    RawTable,
    TableKind,
    classify_header,
    field_for_heading,
    is_column_numbers,
    is_passport,
    map_columns,
)
from desktop.models.columns import Field

_HYPHENATED = re.compile(r"[A-Za-zА-Яа-яЁё]-\s*$")
_HEADER_SCAN = 4  #: rows at the top of a table searched for its header


@dataclass
class Layout:
    """The document cut into what lies before, in and after the roadmap table."""

    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    #: the roadmap's rows and the paragraphs between its parts, in order
    events: list[RawRow | str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    width: int = 0
    #: other tables: kind, table, header row index, the paragraph just above (its heading)
    others: list[tuple[TableKind, RawTable, int, str]] = field(default_factory=list)
    found: bool = False


def _find_header(table: RawTable) -> tuple[TableKind, int]:
    for index, row in enumerate(table.rows[:_HEADER_SCAN]):
        kind = classify_header(row.texts)
        if kind is not TableKind.OTHER:
            return kind, index
    return TableKind.OTHER, -1


def cut(blocks: list[Block]) -> Layout:
    layout = Layout()
    in_roadmap = False
    pending: list[str] = []
    recent: list[str] = []  #: paragraphs since the last table
    for block in blocks:
        if isinstance(block, str):
            if not block.strip():
                continue
            (pending if layout.found else layout.before).append(block)
            recent.append(block.strip())
            continue
        heading, since, recent = (recent[-1] if recent else ""), len(recent), []
        if is_passport(block) or (block.width <= 3 and _names_passport(heading)):
            lines = pending if layout.found else layout.before
            own = heading if heading and len(heading) < 200 and lines \
                and lines[-1].strip() == heading else ""
            if own:
                lines.pop()  # the table's heading: read with it, not as text
            layout.others.append((TableKind.PASSPORT, block, -1, own))
            continue
        kind, header = _find_header(block)
        if kind is TableKind.ROADMAP and not layout.found:
            layout.found, in_roadmap = True, True
            layout.header = list(block.rows[header].texts)
            layout.width = block.width
            start = header + 1
            if start < len(block.rows) and _sub_header(block.rows[start]):
                layout.header = _merged_header(layout.header, block.rows[start])
                start += 1
            layout.events.extend(block.rows[start:])
            continue
        if kind is TableKind.ROADMAP and in_roadmap:
            layout.events.extend(pending)
            pending = []
            layout.events.extend(block.rows[header:])  # the header typed again: skipped
            continue
        if kind is TableKind.OTHER and in_roadmap and block.rows:
            layout.events.extend(pending)
            pending = []
            layout.events.extend(block.rows)
            continue
        if kind is not TableKind.OTHER:
            taken = _title_lines(pending if layout.found else layout.before, since)
            layout.others.append((kind, block, header, "\n".join(taken) or heading))
            if in_roadmap:
                in_roadmap = False
        elif not layout.found:
            layout.before.extend(_table_lines(block))
        else:
            pending.extend(_table_lines(block))  # a table of no known kind: reported after
    layout.after.extend(pending)
    return layout


def _names_passport(heading: str) -> bool:
    low = heading.strip().lower()
    return len(low) < 200 and low.startswith(("паспорт", "сведения к паспорту", "сведения о"))


_SIGNATURE_NAME = re.compile(r"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+\s*$|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.$")


_ABBREVIATION_LINE = re.compile(r"^[А-ЯЁA-Z][А-ЯЁA-Z0-9«»\" ]{0,30}\s[–—-]\s")


def _title_lines(lines: list[str], limit: int) -> list[str]:
    """The heading just above a table: up to 5 of the last ``limit`` lines (its title on
    several lines, and an appendix mark «Приложение 2 к дорожной карте …» above it), taken
    out of ``lines`` so that they are not read twice."""
    taken: list[str] = []
    while lines and len(taken) < min(limit, 5):
        line = lines[-1].strip()
        low = line.lower()
        if len(line) > 200 or (taken and line.endswith((".", ";"))) \
                or low.startswith("принятые сокращения") or _SIGNATURE_NAME.search(line) \
                or _ABBREVIATION_LINE.match(line):
            break
        taken.insert(0, lines.pop())
        if low.startswith("приложение"):
            break
    return taken


def _sub_header(row: RawRow) -> bool:
    """A second header row under merged headings («Сроки» → «начало | окончание»)."""
    continued = row.continued or [False] * len(row.texts)
    filled = [c for c in row.filled if not continued[c[0]]]
    if len(filled) < 2 or (row.texts[0].strip() and not continued[0]):
        return False
    return all(len(text) < 40 and not any(ch.isdigit() for ch in text)
               for _col, _span, text in filled)


def _merged_header(header: list[str], sub: RawRow) -> list[str]:
    """Each column's heading with its sub-heading («Сроки начало»)."""
    merged = list(header) + [""] * (len(sub.texts) - len(header))
    last = ""
    for col in range(len(merged)):
        own = merged[col].strip()
        if own:
            last = own
        text = sub.texts[col].strip() if col < len(sub.texts) else ""
        if text and not (col < len(sub.continued) and sub.continued[col]):
            merged[col] = f"{own or last} {text}".strip()
    return merged


def _table_lines(table: RawTable) -> list[str]:
    """A layout table (approval blocks side by side) read as lines of text."""
    lines: list[str] = []
    for row in table.rows:
        for _col, _span, text in row.filled:
            lines.extend(line.strip() for line in text.split("\n") if line.strip())
    return lines


@dataclass
class TableResult:
    sections: list[PreviewSection] = field(default_factory=list)
    columns: list[ColumnMapping] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class _Builder:
    def __init__(self, layout: Layout, fields: list[Field | None]) -> None:
        self.layout = layout
        self.fields = fields
        self.result = TableResult()
        self.section: PreviewSection | None = None
        self.mode = "tasks"
        self.item: PreviewItem | None = None
        self.after_header = False
        self.ncol = fields.index(Field.NUMBER) if Field.NUMBER in fields else None
        self.acol = fields.index(Field.ACTIVITY) if Field.ACTIVITY in fields else None
        self.header = HeaderMatcher(layout.header)
        #: an unmapped column headed as a deadline too: the end of a «начало | окончание» pair
        self.second_deadline = [
            col for col, fld in enumerate(fields)
            if fld is None and Field.DEADLINE in fields and col < len(layout.header)
            and field_for_heading(layout.header[col]) is Field.DEADLINE]

    # -- sections -------------------------------------------------------------------------
    def open_section(self, number: str, text: str) -> None:
        title, tasks, indicators = split_labels(text)
        self.section = PreviewSection(number=number, title=title, tasks=tasks,
                                      indicators=indicators)
        self.result.sections.append(self.section)
        self.mode = "indicators" if ("оказател" in text and indicators) or \
            text.rstrip().lower().endswith("показатели:") else "tasks"
        self.item = None

    def section_text(self, text: str) -> None:
        kind, rest = label_of(text)
        if kind is not None:
            self.mode = kind
            text = rest
        if not text or self.section is None:
            if text:
                self.result.skipped.append(f"Текст вне разделов: «{_short(text)}»")
            return
        current = getattr(self.section, self.mode)
        setattr(self.section, self.mode, f"{current}\n{text}" if current else text)

    def current_section(self) -> PreviewSection:
        if self.section is None:
            self.section = PreviewSection()
            self.result.sections.append(self.section)
        return self.section

    # -- rows -----------------------------------------------------------------------------
    def is_task_line(self, number: str) -> bool:
        """A numbered line that cannot start a section: its number does not go past the
        current section's (the section's own numbered tasks, written across the table)."""
        if not number or self.section is None or not self.section.number:
            return False
        value, current = top_number(number), top_number(self.section.number)
        return value is not None and current is not None and value <= current \
            and bool(self.section.tasks or self.section.indicators or self.mode == "indicators"
                     or not self.section.items)

    def numbered_section(self, row: RawRow, index: int) -> bool:
        """A number with only a title, whose next item is numbered under it (1. → 1.1)."""
        if self.ncol is None or self.acol is None:
            return False
        raw = row.texts[self.ncol].strip()
        others = [c for c in row.filled if c[0] not in (self.ncol, self.acol)]
        if others:
            return False
        if is_roman(raw.rstrip(".")) or raw.lower().startswith("раздел"):
            return True
        number = number_of(raw)
        if number is None or "." in number:
            return False
        title_cell = next((c for c in row.filled if c[0] == self.acol), None)
        if title_cell is not None and title_cell[1] >= max(2, self.layout.width - 2):
            return True  # the title merged across the rest of the row
        if "задачи:" in row.texts[self.acol].lower():
            return True
        for event in self.layout.events[index + 1:]:
            if isinstance(event, RawRow) and event.filled and self.ncol < len(event.texts):
                following = number_of(event.texts[self.ncol])
                if following is not None:
                    return following.startswith(number + ".")
        return False

    def row(self, row: RawRow, index: int) -> None:
        width = max(self.layout.width, 1)
        filled = row.filled
        if not filled:
            return
        if row.repeat_header or self.header.matches(row):
            self.result.skipped.append("Повтор шапки таблицы на новой странице")
            self.after_header = True
            return
        if is_column_numbers(row):
            self.result.skipped.append("Строка с номерами столбцов (1 2 3 …)")
            return
        after_header, self.after_header = self.after_header, False
        if len(filled) == 1 and label_of(filled[0][2])[0] is not None \
                and self.section is not None:
            self.section_text(filled[0][2])  # «Задачи: …» / «Показатели: …» across the table
            return
        if len(filled) == 1 and not any(row.continued) and (
                filled[0][1] >= max(2, width - 1) or (filled[0][0] == 0 and width > 2
                                                     and self.ncol != 0)
                or (filled[0][0] == 0 and width > 2 and number_of(filled[0][2]) is None)):
            number, title = split_heading(filled[0][2])
            if self.is_task_line(number):
                self.section_text(filled[0][2])  # «2. Диссеминация …» under «Задачи:»
                return
            self.open_section(number, title if number else filled[0][2])
            return
        if self.numbered_section(row, index):
            raw = row.texts[self.ncol].strip()
            number = number_of(raw) or split_heading(raw + " x")[0] or raw
            self.open_section(number, row.texts[self.acol])
            return
        number_text = row.texts[self.ncol].strip() if self.ncol is not None else ""
        number_continued = self.ncol is not None and self.ncol < len(row.continued) \
            and row.continued[self.ncol]
        if (not number_text or number_continued) and self.item is not None \
                and self.ncol is not None:
            if self.continues(row):
                self.merge(row)
                return
            if after_header and self.split_half(row):
                self.merge(row, page_split=True)
                return
        self.item = PreviewItem(number=number_text)
        for col, fld in enumerate(self.fields):
            if fld is not None and fld is not Field.NUMBER and col < len(row.texts):
                setattr(self.item, fld.value, row.texts[col].strip())
        for col in self.second_deadline:
            end = row.texts[col].strip() if col < len(row.texts) else ""
            if end and self.item.deadline:
                self.item.deadline = f"{self.item.deadline} – {end}"  # «начало | окончание»
        self.current_section().items.append(self.item)

    def continues(self, row: RawRow) -> bool:
        """A row without a number carries on the item above (a page break, or another
        task/indicator pair under one merged activity) — unless it reads as an item of
        its own: a new activity starting with a capital, with its own deadline or executors."""
        if self.acol is None or self.item is None:
            return True
        continued = row.continued or [False] * len(row.texts)
        activity = "" if continued[self.acol] else row.texts[self.acol].strip()
        if not activity or not activity[0].isupper():
            return True
        if self.item.activity.rstrip().endswith("-"):
            return True
        own = [col for col, fld in enumerate(self.fields)
               if fld in (Field.DEADLINE, Field.EXECUTORS) and col < len(row.texts)
               and row.texts[col].strip() and not continued[col]]
        return not own

    def split_half(self, row: RawRow) -> bool:
        """Right after a header typed again at a page break: the second half of the item
        above when it only fills what that item lacks or repeats what it has (its
        deadline, its executors)."""
        assert self.item is not None
        continued = row.continued or [False] * len(row.texts)
        for col, fld in enumerate(self.fields):
            if fld in (Field.DEADLINE, Field.EXECUTORS) and col < len(row.texts) \
                    and not continued[col]:
                own, have = row.texts[col].strip(), getattr(self.item, fld.value).strip()
                if own and have and own != have:
                    return False
        return True

    def merge(self, row: RawRow, *, page_split: bool = False) -> None:
        """Join ``row`` to the item above, cell by cell; a row cut by a page break
        (``page_split``) carries on the sentence with a space, not on a new line."""
        assert self.item is not None
        for col, fld in enumerate(self.fields):
            if fld is None or fld is Field.NUMBER or col >= len(row.texts):
                continue
            if col < len(row.continued) and row.continued[col]:
                continue
            text = row.texts[col].strip()
            have = getattr(self.item, fld.value)
            if not text or (fld in (Field.DEADLINE, Field.EXECUTORS) and text == have.strip()):
                continue
            if page_split and have.strip() and have.rstrip()[-1] not in ".;:!?" \
                    and not _HYPHENATED.search(have):
                setattr(self.item, fld.value, f"{have.rstrip()} {text}")
            else:
                setattr(self.item, fld.value, join_continuation(have, text))

    def paragraph(self, text: str) -> None:
        number, title = split_heading(text)
        current = top_number(self.section.number) if self.section and self.section.number else 0
        if number and "." not in number and not text.rstrip().endswith((".", ";")):
            value = top_number(number)
            if value is not None and value == (current or 0) + 1:
                self.open_section(number, title)
                self.mode = "tasks"
                return
        self.section_text(text)

    def run(self) -> TableResult:
        for index, event in enumerate(self.layout.events):
            if isinstance(event, str):
                self.paragraph(event)
            else:
                self.row(event, index)
        self.result.columns = [ColumnMapping(h, f) for h, f in
                               zip(self.layout.header, self.fields, strict=False)]
        self.result.sections = [s for s in self.result.sections if s.items or not s.untitled]
        if not self.result.sections:
            self.result.sections = [PreviewSection()]
        self.result.warnings.extend(number_warnings(self.result.sections))
        return self.result


def build_table(layout: Layout, fields: list[Field | None] | None = None) -> TableResult:
    """Sections and items of the roadmap table under a column mapping (found from the
    headings unless given)."""
    if fields is None:
        fields = map_columns(layout.header)
    fields = list(fields) + [None] * (len(layout.header) - len(fields))
    return _Builder(layout, fields).run()


def number_warnings(sections: list[PreviewSection]) -> list[str]:
    """Repeated numbers and gaps (2.10 → 2.14), kept as found and reported."""
    warnings: list[str] = []
    seen: set[str] = set()
    previous: dict[tuple[str, int], int] = {}
    for section in sections:
        for item in section.items:
            number = item.number.strip().rstrip(".")
            if not number:
                continue
            if number in seen:
                warnings.append(f"Номер {number} повторяется (оставлен как в документе)")
            seen.add(number)
            parts = number.split(".")
            if not all(p.isascii() and p.isdigit() for p in parts):  # «²» is a digit, not an int
                continue
            key = (".".join(parts[:-1]), len(parts))
            last = int(parts[-1])
            before = previous.get(key)
            if before is not None and last > before + 1:
                warnings.append(f"После номера {key[0] + '.' if key[0] else ''}{before} "
                                f"идёт {number}: номера пропущены")
            previous[key] = last
    return warnings


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
