"""The region's published school calendar (.xlsx or .csv) → the dated periods of its school
years: rows of a period's name, its first and its last day.

The header row is optional and its wording free («Период», «Наименование», «Начало»,
«Дата начала», «с», «Окончание», «по» …); without one the columns are name, start, end.
A name says what the period is: «1 четверть», «I четверть», «первая четверть»,
«2 триместр», «Осенние каникулы», «I полугодие»; the school year comes from the dates.
Every bad row is named in one Russian message and nothing is returned then (the caller
changes nothing). Pure: no Qt, no database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
from pathlib import Path

from desktop.errors import UserError
from desktop.importers.safe_zip import SafeZip, check_size, parse_xml
from desktop.models.deadline_school_year import DatedPeriod, SchoolYearDates, year_problems

#: more rows than this are not a school calendar
MAX_ROWS = 500
#: bad rows named in the message; the rest are counted
_SHOWN = 12

_NAME_HEADS = ("период", "наименован", "название", "вид", "четверт")
_START_HEADS = ("начал", "дата начала", "с")
_END_HEADS = ("оконч", "конец", "по", "заверш", "дата окончания")
_ORDINAL = re.compile(r"(?<![а-яa-z\d])(iv|iii|ii|i|[1-4]|перв|втор|трет|четв[её]рт)[а-яa-z]*"
                      r"(?:\s*-?\s*[а-я]{1,3})?\s+(?=четверт|триместр|полугод)")
_ORDINAL_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
                  "перв": 1, "втор": 2, "трет": 3, "четвёрт": 4, "четверт": 4}
_DATE = re.compile(r"\s*(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})\s*(?:г\.?)?\s*")


def _kind(name: str) -> str | None:
    low = name.lower()
    if "каникул" in low:
        return "holiday"
    for stem, kind in (("четверт", "quarter"), ("триместр", "trimester"), ("полугод", "half_year")):
        if stem in low:
            return kind
    return None


def _number(name: str) -> int | None:
    match = _ORDINAL.search(name.lower().replace("ё", "е"))
    if match is None:
        return None
    word = match.group(1)
    return _ORDINAL_VALUE.get(word, _ORDINAL_VALUE.get(word.replace("е", "ё")))


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = "" if value is None else str(value)
    match = _DATE.fullmatch(text)
    if match is not None:
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if year < 100 else 0
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return "" if value is None else str(value).strip()


def _header_columns(row: list[object]) -> tuple[int, int, int] | None:
    """The columns of name, start and end when ``row`` is a header (no date in it)."""
    texts = [_shown(c).lower().strip(" :") for c in row]
    if any(_date(c) is not None for c in row) or not any(texts):
        return None

    def find(heads: tuple[str, ...], taken: set[int]) -> int | None:
        for i, text in enumerate(texts):
            if i not in taken and any(text == h or (len(h) > 2 and h in text) for h in heads):
                return i
        return None

    start = find(_START_HEADS, set())
    end = find(_END_HEADS, {start} if start is not None else set())
    if start is None or end is None:
        return None
    name = find(_NAME_HEADS, {start, end})
    if name is None:
        name = next((i for i in range(len(texts)) if i not in (start, end)), 0)
    return name, start, end


def _school_year(day: dt.date) -> int:
    """The school year a day of a period belongs to (July onwards: the one starting then)."""
    return day.year if day.month >= 7 else day.year - 1


def read_rows(rows: list[list[object]]) -> list[SchoolYearDates]:
    """The school years of a list of rows (the header, if any, first)."""
    rows = [r for r in rows if any(_shown(c) for c in r)]
    if len(rows) > MAX_ROWS:
        raise UserError(f"В файле больше {MAX_ROWS} строк: это не похоже на учебный календарь.")
    columns = _header_columns(rows[0]) if rows else None
    first_data = 1 if columns is not None else 0
    name_col, start_col, end_col = columns or (0, 1, 2)
    errors: list[str] = []
    periods: dict[int, list[DatedPeriod]] = {}
    holidays: dict[int, int] = {}
    for line, row in enumerate(rows[first_data:], first_data + 1):
        cells = list(row) + [None] * 3
        name, start, end = _shown(cells[name_col]), _date(cells[start_col]), _date(cells[end_col])
        kind = _kind(name)
        problem = None
        if kind is None:
            problem = (f"период «{name}» не распознан (ожидается, например, «1 четверть», "
                       "«2 триместр», «Осенние каникулы», «I полугодие»)")
        elif start is None or end is None:
            bad = cells[start_col] if start is None else cells[end_col]
            problem = f"дата «{_shown(bad)}» не читается (нужна дата вида 01.09.2025)"
        elif start > end:
            problem = "начало позже окончания"
        if problem is not None:
            errors.append(f"Строка {line}: {problem}.")
            continue
        assert kind is not None and start is not None and end is not None
        first = _school_year(start)
        if kind == "holiday":
            holidays[first] = number = holidays.get(first, 0) + 1
        else:
            found = _number(name)
            if found is None:
                errors.append(f"Строка {line}: у периода «{name}» нет номера (1, I, первая …).")
                continue
            number = found
        periods.setdefault(first, []).append(DatedPeriod(kind, number, name, start, end))
    if not periods and not errors:
        errors.append("В файле нет ни одного периода учебного года.")
    years = [SchoolYearDates(first, tuple(found)) for first, found in sorted(periods.items())]
    for year in years:
        errors.extend(year_problems(year))
    if errors:
        more = len(errors) - _SHOWN
        shown = errors[:_SHOWN] + ([f"… и ещё {more}."] if more > 0 else [])
        raise UserError("Учебный календарь не загружен, ничего не изменено:\n" + "\n".join(shown))
    return years


def _csv_rows(path: Path) -> list[list[object]]:
    check_size(path)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes any byte but a few
        raise UserError("Файл CSV не читается: неизвестная кодировка.")
    sample = text[:4096]
    delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    if "\t" in sample and sample.count("\t") > sample.count(delimiter):
        delimiter = "\t"
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _xlsx_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    with SafeZip(path) as zf:
        data = {n: zf.read(n) for n in zf.names() if not n.endswith("/")}
    for name, content in data.items():
        if name.endswith((".xml", ".rels")):
            parse_xml(content, name)  # refuses a DOCTYPE before openpyxl reads it
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for name, content in data.items():
            copy.writestr(name, content)
    buffer.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(buffer, read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
            rows = [list(r) for _, r in zip(range(MAX_ROWS * 2), sheet.iter_rows(values_only=True),
                                            strict=False)]
            workbook.close()
    except Exception as exc:
        raise UserError("Книга Excel повреждена и не читается.") from exc
    return rows


def read_calendar_file(path: Path) -> list[SchoolYearDates]:
    """The school years in a region's .xlsx or .csv list (raises :class:`UserError`)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UserError(f"Файл не найден: {path}")
    if suffix == ".csv":
        return read_rows(_csv_rows(path))
    if suffix == ".xlsx":
        return read_rows(_xlsx_rows(path))
    raise UserError("Учебный календарь загружается из таблицы .xlsx или .csv "
                    "(строки: период, начало, окончание).")
