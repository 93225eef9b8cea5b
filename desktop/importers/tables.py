"""Tables as the importers see them, and what each one is.

Both readers (Word and Excel) give a document as a list of blocks: paragraph
texts and :class:`RawTable` s whose rows are laid on the grid. This module
recognises a table by its header (the roadmap, a working group, target
indicators, a schedule), maps the roadmap's columns to item fields by their
headings, and tells header repeats and rows of column numbers from content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.models.columns import Field


@dataclass
class RawRow:
    #: the text of each grid column (a spanned cell's text in its first column only)
    texts: list[str]
    #: the filled cells: (first column, span, text)
    cells: list[tuple[int, int, str]]
    #: a vMerge continuation at this column (the text repeats the cell above)
    continued: list[bool] = field(default_factory=list)
    repeat_header: bool = False

    @property
    def filled(self) -> list[tuple[int, int, str]]:
        return [c for c in self.cells if c[2].strip()]


@dataclass
class RawTable:
    rows: list[RawRow]
    width: int


Block = str | RawTable


class TableKind(StrEnum):
    ROADMAP = "roadmap"
    WORKING_GROUP = "working_group"
    INDICATORS = "indicators"
    SCHEDULE = "schedule"
    PASSPORT = "passport"
    OTHER = "other"


def norm(text: str) -> str:
    """Lower case, ё→е, spaces collapsed: for comparing headings."""
    return " ".join(text.replace("ё", "е").replace("Ё", "Е").lower().split())


#: heading fragments per field, checked in this order (first match wins)
_FIELD_WORDS: tuple[tuple[Field, tuple[str, ...]], ...] = (
    (Field.NUMBER, ("№", "n п/п", "п/п", "номер")),
    (Field.INFO_SUPPORT, ("информационное сопровожд",)),
    (Field.DEADLINE, ("срок", "дата проведения", "период", "дата")),
    (Field.EXECUTORS, ("исполнител", "ответствен")),
    (Field.TASKS, ("задач", "ожидаем")),
    (Field.INDICATOR, ("показател", "результат")),
    (Field.EVIDENCE, ("документ", "форма отч", "отчетн", "подтвержд")),
    (Field.STATUS, ("статус", "отметка о выполн", "выполнение")),
    (Field.NOTE, ("примечан", "комментар")),
    (Field.ACTIVITY, ("мероприят", "описание", "наименование", "содержание", "действи",
                      "направлен")),
)


def field_for_heading(heading: str) -> Field | None:
    text = norm(heading)
    if not text:
        return None
    if text in ("№", "n", "no", "пп", "№№") or text.startswith("№"):
        return Field.NUMBER
    if "мероприят" in text and "срок" not in text:
        return Field.ACTIVITY
    for fld, words in _FIELD_WORDS:
        if any(w in text for w in words):
            return fld
    return None


def map_columns(headings: list[str]) -> list[Field | None]:
    """Each heading's field; a field claimed twice keeps its first column. When no column
    is the activity, the widest-worded unknown or the second column takes it (Slavyansk
    calls its activities «Показатели»)."""
    fields: list[Field | None] = []
    seen: set[Field] = set()
    for heading in headings:
        fld = field_for_heading(heading)
        if fld is not None and fld in seen:
            fld = None
        if fld is not None:
            seen.add(fld)
        fields.append(fld)
    if Field.ACTIVITY not in seen:
        start = 1 if fields and fields[0] is Field.NUMBER else 0
        for i in range(start, len(fields)):
            if fields[i] in (None, Field.INDICATOR, Field.TASKS) and headings[i].strip():
                fields[i] = Field.ACTIVITY
                break
    return fields


def classify_header(texts: list[str]) -> TableKind:
    """What a table is, from the texts of a row that may be its header."""
    joined = " | ".join(norm(t) for t in texts if t.strip())
    filled = [t for t in texts if t.strip()]
    if len(filled) < 2:
        return TableKind.OTHER
    if ("фио" in joined or "ф.и.о" in joined or "фамилия" in joined) and "должност" in joined:
        return TableKind.WORKING_GROUP
    if "показател" in joined and ("единиц" in joined or "ед. изм" in joined
                                   or "ед.изм" in joined or re.search(r"20\d\d\s*/\s*20\d\d", joined)):
        return TableKind.INDICATORS
    if "тема" in joined and ("дата" in joined or "месяц" in joined or "срок" in joined) \
            and "ответствен" in joined and "мероприят" not in joined:
        return TableKind.SCHEDULE
    fields = {field_for_heading(t) for t in filled}
    if len(fields & {Field.DEADLINE, Field.EXECUTORS, Field.NUMBER, Field.ACTIVITY}) >= 2 \
            and (Field.DEADLINE in fields or Field.EXECUTORS in fields) \
            and any("мероприят" in norm(t) or "действ" in norm(t) or "№" in t
                    or "наименов" in norm(t) or "показател" in norm(t) for t in filled):
        return TableKind.ROADMAP
    return TableKind.OTHER


def is_column_numbers(row: RawRow) -> bool:
    """A row «1 2 3 4 5» under the header."""
    values = [c[2].strip().rstrip(".") for c in row.filled]
    if len(values) < 2 or not all(v.isascii() and v.isdigit() for v in values):
        return False
    numbers = [int(v) for v in values]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) and numbers[0] <= 1


def same_header(row: RawRow, header: list[str]) -> bool:
    """The header typed (or repeated) again: the same texts in the same columns."""
    return HeaderMatcher(header).matches(row)


class HeaderMatcher:
    """:func:`same_header` with the header normalised once (it is asked for every row)."""

    def __init__(self, header: list[str]) -> None:
        self.filled = [(i, norm(t)) for i, t in enumerate(header) if t.strip()]
        self.needed = max(2, len(self.filled) - 1)

    def matches(self, row: RawRow) -> bool:
        if not self.filled:
            return False
        misses_allowed = len(self.filled) - self.needed
        texts = row.texts
        for i, wanted in self.filled:
            if i >= len(texts) or norm(texts[i]) != wanted:
                misses_allowed -= 1
                if misses_allowed < 0:
                    return False
        return True


#: first-column labels of a passport table and the preview field each fills
PASSPORT_LABELS: tuple[tuple[str, str], ...] = (
    ("целев", ""),
    ("проблем", "passport_problem"),
    ("разработчик", "passport_developer"),
    ("этап", "passport_stages"),
    ("рабочая группа", "passport_working_group"),
    ("рабочей групп", "passport_working_group"),
    ("цел", "goal"),
    ("задач", "tasks"),
)


def passport_label(text: str) -> str | None:
    low = norm(text)
    if not low or len(low) > 80:
        return None
    attr = next((attr for word, attr in PASSPORT_LABELS if word in low), None)
    return attr or None


def is_passport(table: RawTable) -> bool:
    """A two-column table of labels (Проблема, Цель, Задачи, Сроки и этапы …) and texts."""
    if table.width > 3 or len(table.rows) < 2:
        return False
    labels = {passport_label(r.texts[0]) for r in table.rows if r.texts}
    labels.discard(None)
    return len(labels) >= 2
