"""The text around the roadmap table: order, approval blocks, appendix mark, title, goal,
tasks, period, basis documents, abbreviations and the closing signature.

Each is looked for wherever it is and taken when found; nothing here is
required (a bare table imports too).
"""

from __future__ import annotations

import datetime as dt
import re

from desktop.importers.preview import ApprovalDraft, ImportPreview, OrderDraft
from desktop.models.roadmap_parts import PartKey

_ORDER_WORD = re.compile(r"^\s*П\s*Р\s*И\s*К\s*А\s*З\s*$", re.IGNORECASE)
_ORDERING = re.compile(r"п\s*р\s*и\s*к\s*а\s*з\s*ы\s*в\s*а\s*ю\s*:?\s*$", re.IGNORECASE)
_NAME = re.compile(r"(?:^|[\s_])([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
                   r"|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)\s*$")
_DATE_NUM = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря")
_DATE_WORDS = re.compile(r"«?\s*(\d{1,2})\s*»?\s*_*\s*(" + "|".join(_MONTHS) + r")\s*_*\s*(\d{4})",
                         re.IGNORECASE)
_ABBREVIATION = re.compile(r"^\s*([А-ЯЁA-Z][А-ЯЁA-Zа-яё«»\"0-9+ ]{0,30}?)\s*[–—-]\s*(\S.*)$")
_YEARS = re.compile(r"(20\d\d)\s*[-–—]\s*(20\d\d)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def note_part(preview: ImportPreview, part: PartKey, heading: str = "",
              *, first: bool = False) -> None:
    """Remember that the document has ``part`` (in the order found) under its own heading."""
    order = preview.layout.setdefault("order", [])
    if part.value not in order:
        order.insert(0 if first else len(order), part.value)
    if heading:
        preview.layout.setdefault("headings", {})[part.value] = heading


def find_date(text: str) -> dt.date | None:
    for match in _DATE_NUM.finditer(text):
        try:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            continue
    match = _DATE_WORDS.search(text)
    if match:
        try:
            return dt.date(int(match.group(3)), _MONTHS.index(match.group(2).lower()) + 1,
                           int(match.group(1)))
        except ValueError:
            return None
    return None


def _is_name(line: str) -> str | None:
    match = _NAME.search(line)
    return match.group(1).strip() if match else None


def _starts_lower(line: str) -> bool:
    return line[:1].islower()


def read_before(lines: list[str], preview: ImportPreview) -> None:
    """Approval blocks, the order, the appendix mark, title, goal and tasks above the table."""
    i = 0
    n = len(lines)
    order: OrderDraft | None = None
    authority: list[str] = []
    while i < n:
        line = lines[i].strip()
        upper = line.upper()
        if upper.startswith(("СОГЛАСОВАНО", "УТВЕРЖДАЮ", "ПРОЕКТ ВНЕСЕН", "УТВЕРЖДЕН")):
            i = _approval(lines, i, preview)
            continue
        if _ORDER_WORD.match(line):
            order = OrderDraft(authority="\n".join(authority))
            authority = []
            i = _order(lines, i + 1, order)
            preview.order = order
            continue
        if line.lower().startswith("приложение"):
            mark = [line]
            i += 1
            while i < n and len(mark) < 6 and (_starts_lower(lines[i]) or "приказ" in lines[i].lower()
                                               or lines[i].lower().startswith(("от ", "№"))):
                mark.append(lines[i].strip())
                i += 1
            if preview.order is None:
                preview.order = OrderDraft()
            preview.order.appendix_mark = "\n".join(mark)
            continue
        low = line.lower()
        if low.startswith(("цель:", "цели:", "цель ", "цели ")) or re.match(r"^\d+\.\s*цел", low):
            i = _labelled(lines, i, preview, "goal")
            continue
        if low.startswith("задачи"):
            i = _labelled(lines, i, preview, "tasks")
            continue
        dates = _DATE_NUM.findall(line)
        if low.startswith(("период реализации", "срок реализации", "сроки реализации")) \
                and len(dates) == 2:
            first, last = (find_date(".".join(d)) for d in dates)
            if first and last and first <= last:
                preview.stated_period = (first, last)
            i += 1
            continue
        if low.startswith(("документы, на основании", "нормативн")):
            i = _basis(lines, i, preview)
            continue
        if low.startswith("паспорт"):
            note_part(preview, PartKey.PASSPORT, line.rstrip(":"))
            i += 1
            continue
        if low.rstrip(": .") == "обоснование":
            note_part(preview, PartKey.JUSTIFICATION, line.rstrip(":").strip())
            i += 1
            text = []
            while i < n and not _part_heading(lines[i]):
                text.append(lines[i].strip())
                i += 1
            preview.justification = "\n".join(text)
            continue
        if not preview.title and ("дорожн" in low or "план" in low) and not low.startswith("об "):
            title = [line]
            i += 1
            while i < n and _starts_lower(lines[i].strip()):
                title.append(lines[i].strip())
                i += 1
            preview.title = " ".join(title).strip().rstrip(".").strip()
            continue
        if order is None and not preview.title:
            authority.append(line)
        i += 1


def _part_heading(line: str) -> bool:
    """The start of another part (goal, tasks, basis, the roadmap's title)."""
    low = line.strip().lower()
    return low.startswith(("цель", "цели", "задачи", "документы, на основании", "приложение",
                           "паспорт")) or ("дорожн" in low and len(low) < 300
                                          and not low.startswith(("-", "–", "•")))


def _approval(lines: list[str], i: int, preview: ImportPreview) -> int:
    head = lines[i].strip().upper()
    kind = ("submitted" if head.startswith("ПРОЕКТ") else
            "approved" if head.startswith("УТВЕРЖД") else "agreed")
    draft = ApprovalDraft(kind)
    rest = lines[i].strip()[len(head.split(":")[0]):].strip(" :")
    position: list[str] = [rest] if rest and not _is_name(rest) else []
    i += 1
    while i < len(lines):
        line = lines[i].strip()
        if line.upper().startswith(("СОГЛАСОВАНО", "УТВЕРЖДАЮ", "ПРОЕКТ ВНЕСЕН")) \
                or _ORDER_WORD.match(line):
            break
        date = find_date(line)
        name = _is_name(line)
        if date is not None and draft.date is None and not name:
            draft.date = date
        elif name:
            draft.name = name
            i += 1
            if i < len(lines) and draft.date is None and find_date(lines[i]) \
                    and not _is_name(lines[i]):
                draft.date = find_date(lines[i])  # the date under the signature
                i += 1
            break
        elif len(position) < 5:
            position.append(line)
        else:
            break
        i += 1
    draft.position = " ".join(position)
    preview.approvals.append(draft)
    return i


def _order(lines: list[str], i: int, order: OrderDraft) -> int:
    n = len(lines)
    while i < n:
        line = lines[i].strip()
        low = line.lower().lstrip("«\"")
        if low.startswith("об ") or low.startswith("о "):
            break
        if order.date is None and find_date(line):
            order.date = find_date(line)
        number = re.search(r"№\s*(\S+)", line)
        if number and not order.number:
            order.number = number.group(1)
        if low.startswith(("г.", "г ", "город", "пгт", "с.", "п.")) and not order.place:
            order.place = line
        i += 1
    title = []
    while i < n and (not title or _starts_lower(lines[i].strip())):
        title.append(lines[i].strip())
        i += 1
    order.title = " ".join(title).strip().strip("«»\" ").strip()
    preamble = []
    while i < n and not re.match(r"^\d+[.)]\s", lines[i].strip()):
        line = lines[i].strip()
        if _ORDERING.fullmatch(line.strip()):
            i += 1
            break
        if _ORDERING.search(line):
            preamble.append(_ORDERING.sub("", line).strip())
            i += 1
            break
        preamble.append(line)
        i += 1
    order.preamble = "\n".join(p for p in preamble if p)
    while i < n:
        line = lines[i].strip()
        if re.match(r"^\d+\.\s*\S", line):
            order.points.append((re.sub(r"^\d+\.\s*", "", line), []))
        elif re.match(r"^\d+\)\s*\S", line) and order.points:
            order.points[-1][1].append(re.sub(r"^\d+\)\s*", "", line))
        elif _starts_lower(line) and order.points:
            text, subs = order.points[-1]
            if subs:
                subs[-1] = f"{subs[-1]} {line}"
            else:
                order.points[-1] = (f"{text} {line}", subs)
        else:
            break
        i += 1
    position = []
    while i < n and len(position) < 5:
        line = lines[i].strip()
        if line.lower().startswith("приложение"):
            break
        name = _is_name(line)
        if name:
            prefix = line[: line.rfind(name)].strip(" _")
            if prefix:
                position.append(prefix)
            order.signatory_name = name
            i += 1
            break
        position.append(line)
        i += 1
    order.signatory_position = " ".join(position)
    return i


def _labelled(lines: list[str], i: int, preview: ImportPreview, attr: str) -> int:
    line = lines[i].strip()
    heading, _, rest = line.partition(":")
    if not _:
        heading, rest = line, ""
    note_part(preview, PartKey.GOAL if attr == "goal" else PartKey.TASKS, heading.strip())
    parts = [rest.strip()] if rest.strip() else []
    i += 1
    while i < len(lines):
        low = lines[i].strip().lower()
        if low.startswith(("задачи", "цель", "цели")) or ("дорожн" in low and not parts):
            break
        if attr == "goal" and parts and not _starts_lower(lines[i].strip()) \
                and not lines[i].strip().startswith(("-", "–", "•")):
            break
        parts.append(lines[i].strip())
        i += 1
    setattr(preview, attr, "\n".join(parts))
    return i


def _basis(lines: list[str], i: int, preview: ImportPreview) -> int:
    note_part(preview, PartKey.BASIS, lines[i].strip().rstrip(":"))
    docs = []
    i += 1
    while i < len(lines) and re.match(r"^(\d+[.)]|[-–•])\s*\S", lines[i].strip()):
        docs.append(lines[i].strip())
        i += 1
    preview.basis_documents = "\n".join(docs)
    return i


def read_after(lines: list[str], preview: ImportPreview) -> None:
    """Abbreviations into the organisations directory, and the closing signature."""
    i = 0
    tail: list[str] = []
    while i < len(lines):
        line = lines[i].strip()
        if line.lower().startswith("принятые сокращения"):
            note_part(preview, PartKey.ABBREVIATIONS, line.rstrip(":").strip())
            i += 1
            while i < len(lines):
                match = _ABBREVIATION.match(lines[i].strip())
                if not match:
                    break
                preview.abbreviations.append((match.group(1).strip(), match.group(2).strip()))
                i += 1
            continue
        tail.append(line)
        i += 1
    for k in range(len(tail) - 1, -1, -1):
        name = _is_name(tail[k])
        if name:
            prefix = tail[k][: tail[k].rfind(name)].strip(" _")
            position = tail[max(0, k - 3):k] + ([prefix] if prefix else [])
            preview.closing_name = name
            preview.closing_position = " ".join(p for p in position if len(p) < 120)
            break


def guess_period(preview: ImportPreview, deadlines: list[str]) -> tuple[dt.date, dt.date]:
    """From the title's years («2021-2023», «в 2023 году»), else the deadlines' years,
    else the order's year, else this year. A period the document states wins."""
    if preview.stated_period is not None:
        return preview.stated_period
    for text in (preview.title, *(([preview.order.title]) if preview.order else [])):
        match = _YEARS.search(text or "")
        if match:
            first, last = sorted((int(match.group(1)), int(match.group(2))))
            return dt.date(first, 1, 1), dt.date(last, 12, 31)
        years = _YEAR.findall(text or "")
        if years:
            year = int(years[-1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    counts: dict[int, int] = {}
    for text in deadlines:
        for year in _YEAR.findall(text):
            counts[int(year)] = counts.get(int(year), 0) + 1
    if counts:
        common = [y for y, c in counts.items() if c * 10 >= max(counts.values())]
        return dt.date(min(common), 1, 1), dt.date(max(common), 12, 31)
    if preview.order and preview.order.date:
        year = preview.order.date.year
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    year = dt.date.today().year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
