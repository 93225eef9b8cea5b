"""The text around the roadmap table: the order (its kind, issuing body and the body above
it, date and number in every typed form, place, title, points, signatory), approval blocks
(«СОГЛАСОВАНО», «УТВЕРЖДАЮ»), appendix marks and stamps («Приложение 1 к приказу … от …
№ …», «Утвержден приказом …»), the roadmap's own title, a passport typed as text, goal,
tasks, period, basis documents, justification, abbreviations and the closing signature.

Each is looked for wherever it is and taken when found; nothing here is required (a bare
table imports too). A line that fits none of them is reported as a warning with its text
(:meth:`ImportPreview.unplaced`). The level (regional / municipal) is read from the issuing
body. Only the document's own order («ПРИКАЗ» with its requisites) makes an order; an
approval block or a stamp never does.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["find_date", "guess_period", "note_part", "read_after", "read_before"]

from desktop.importers.passport import add_passport_row, passport_row_label
from desktop.importers.preview import ApprovalDraft, ImportPreview, OrderDraft
from desktop.importers.requisites import (
    MONTHS,
    document_kind,
    find_date,
    find_number,
    is_blank_date,
    is_place,
    level_from_title,
    level_of,
    split_authority,
)
from desktop.models.roadmap_parts import PartKey

_ORDERING = re.compile(r"п\s*р\s*и\s*к\s*а\s*з\s*ы\s*в\s*а\s*ю\s*:?\s*$", re.IGNORECASE)
_NAME = re.compile(r"(?:^|[\s_])([А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
                   r"|[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.)\s*$")
_ABBREVIATION = re.compile(r"^\s*([А-ЯЁA-Z][А-ЯЁA-Zа-яё«»\"0-9+ ]{0,30}?)\s*[–—-]\s*(\S.*)$")
_YEARS = re.compile(r"(20\d\d)\s*[-–—]\s*(20\d\d)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_LIST_LINE = re.compile(r"^(\d+(\.\d+)*[.)]|[-–—•·])\s*\S")
#: the first words of a roadmap's own title («Муниципальная дорожная карта …»,
#: «ДОРОЖНАЯ КАРТА (план мероприятий) по …», «План-график «дорожная карта» …»)
_TITLE_START = re.compile(
    r"^[«\"]?(?:(?:муниципальн|регионал|районн|школьн|комплексн|сетев|межведомствен)\w*\s+)?"
    r"[«\"]?(дорожн\w*\s+карт|план\b|план-график|план\s+мероприят|комплекс\s+мер|программ)",
    re.IGNORECASE)
_APPROVAL_HEADS = ("СОГЛАСОВАНО", "УТВЕРЖДАЮ", "ПРОЕКТ ВНЕСЕН")
_STAMP_HEADS = ("УТВЕРЖДЕН", "УТВЕРЖДЁН")
_DOC_WORDS = ("приказ", "распоряжен", "постановлен", "решени")
#: headings of the parts around the table, as districts word them
_GOAL_HEADS = ("цель", "цели")
_TASK_HEADS = ("задачи",)
_BASIS_HEADS = ("документы, на основании", "документы, на основе", "нормативн",
                "основания для разработки", "основание для разработки", "правовые основ",
                "нормативно-правов")
_JUSTIFICATION_HEADS = ("обоснование",)


def note_part(preview: ImportPreview, part: PartKey, heading: str = "",
              *, first: bool = False) -> None:
    """Remember that the document has ``part`` (in the order found) under its own heading."""
    order = preview.layout.setdefault("order", [])
    if part.value not in order:
        order.insert(0 if first else len(order), part.value)
    if heading:
        preview.layout.setdefault("headings", {})[part.value] = heading


def _is_name(line: str) -> str | None:
    match = _NAME.search(line)
    return match.group(1).strip() if match else None


def _starts_lower(line: str) -> bool:
    return line[:1].islower()


def read_before(lines: list[str], preview: ImportPreview) -> None:
    """Approval blocks, the order, the appendix mark, title, passport, goal, tasks, basis
    and justification above the table; what fits none of them is reported."""
    i = 0
    n = len(lines)
    order: OrderDraft | None = None
    authority: list[str] = []
    while i < n:
        line = lines[i].strip()
        upper = line.upper()
        low = line.lower()
        if upper.startswith(_STAMP_HEADS) and _names_document(lines, i):
            i = _mark(lines, i, preview)
            continue
        if upper.startswith(_APPROVAL_HEADS) or upper.startswith(_STAMP_HEADS):
            i = _approval(lines, i, preview)
            continue
        kind = document_kind(line)
        if kind is not None and order is None:
            order = _found_order(preview)
            order.kind, order.own = kind, True
            place = [a for a in authority if is_place(a)]
            order.place = place[0] if place else order.place
            order.parent_authority, order.authority = split_authority(
                [a for a in authority if not is_place(a)])
            authority = []
            i = _order(lines, i + 1, order, preview)
            continue
        if low.startswith("приложение"):
            i = _mark(lines, i, preview)
            continue
        heading = _heading_kind(line)
        if heading == "goal":
            i = _labelled(lines, i, preview, "goal")
            continue
        if heading == "tasks":
            i = _labelled(lines, i, preview, "tasks")
            continue
        if heading == "basis":
            i = _basis(lines, i, preview)
            continue
        if heading == "justification":
            i = _justification(lines, i, preview)
            continue
        if heading == "passport":
            i = _passport(lines, i, preview)
            continue
        dates = _PERIOD_DATES.findall(line)
        if low.startswith(("период реализации", "срок реализации", "сроки реализации")) \
                and len(dates) == 2:
            first, last = (find_date(d) for d in dates)
            if first and last and first <= last:
                preview.stated_period = (first, last)
            i += 1
            continue
        if not preview.title and is_title_start(line):
            i = _title(lines, i, preview)
            continue
        if order is None and not preview.title:
            authority.append(line)
        else:
            preview.unplaced(line, "текст перед таблицей")
        i += 1
    bodies = [a for a in authority if a.lower().startswith(_BODY_START) and len(a) < 200]
    if bodies:
        preview.layout["authority"] = "\n".join(bodies)  # the roadmap's body, with no order
    for line in authority:
        if line not in bodies:
            preview.unplaced(line, "текст перед таблицей")
    _guess_level(preview)


_BODY_START = ("управление", "отдел", "комитет", "департамент", "министерство", "администрация",
               "правительство", "муниципальн")


_PERIOD_DATES = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")


def is_title_start(line: str) -> bool:
    """The line that names the roadmap («Дорожная карта (план мероприятий) по …»), never a
    paragraph that mentions a plan somewhere."""
    text = line.strip()
    return len(text) < 400 and bool(_TITLE_START.match(text)) \
        and not text.lower().startswith(("об ", "о "))


def _title(lines: list[str], i: int, preview: ImportPreview) -> int:
    """The title's first line and the lines that carry it on (lower case, brackets, quotes,
    «по …», «на 2022 год»), up to 8 lines."""
    title = [lines[i].strip()]
    i += 1
    while i < len(lines) and len(title) < 8:
        nxt = lines[i].strip()
        if not nxt or _heading_kind(nxt) or document_kind(nxt) or len(nxt) > 300:
            break
        carried = _starts_lower(nxt) or nxt[:1] in "(«\"" or \
            re.match(r"^(по|на|в|для|с|до)\s", nxt, re.IGNORECASE) is not None \
            or (title[-1].isupper() and nxt.isupper())
        if not carried:
            break
        title.append(nxt)
        i += 1
    preview.title = " ".join(title).strip().rstrip(".").strip()
    return i


def _found_order(preview: ImportPreview) -> OrderDraft:
    if preview.order is None:
        preview.order = OrderDraft()
    return preview.order


def _names_document(lines: list[str], i: int) -> bool:
    """«УТВЕРЖДЕН(А) приказом … от … № …»: an approval stamp naming an order (a mark),
    not a signature block."""
    window = " ".join(lines[i:i + 4]).lower()
    return any(word in window for word in _DOC_WORDS)


def _heading_kind(line: str) -> str | None:
    low = re.sub(r"^\d+[.)]\s*", "", line.strip().lower())
    if low.startswith(_GOAL_HEADS) and not low.startswith(("целев", "целесообраз")):
        return "goal"
    if low.startswith(_TASK_HEADS):
        return "tasks"
    if low.startswith(_BASIS_HEADS) and len(low) < 200:
        return "basis"
    if low.startswith(_JUSTIFICATION_HEADS) and len(low) < 200:
        return "justification"
    if low.startswith("паспорт") and len(low) < 200:
        return "passport"
    return None


def _part_heading(line: str) -> bool:
    """The start of another part (goal, tasks, basis, passport, the roadmap's title, a mark)."""
    low = line.strip().lower()
    return _heading_kind(line) is not None or low.startswith("приложение") \
        or is_title_start(line) or document_kind(line) is not None \
        or line.strip().upper().startswith(_APPROVAL_HEADS + _STAMP_HEADS)


def _mark(lines: list[str], i: int, preview: ImportPreview) -> int:
    """«Приложение 1 к приказу … от 30.12.2021 № 3872» or «Утвержден приказом … от … № …»:
    the lines of the mark and the order's requisites they name."""
    mark = [lines[i].strip()]
    i += 1
    while i < len(lines) and len(mark) < 7:
        nxt = lines[i].strip()
        text = " ".join(mark).lower()
        done = bool(find_number(text)) or (find_date(text) is not None and "№" not in text
                                            and not nxt.startswith("№"))
        if done or is_title_start(nxt) or _heading_kind(nxt) or len(nxt) > 150 \
                or (nxt.isupper() and len(nxt) > 15) or document_kind(nxt):
            break
        mark.append(nxt)
        i += 1
    text = "\n".join(mark)
    order = _found_order(preview)
    if not order.appendix_mark:
        order.appendix_mark = text
    flat = " ".join(mark)
    order.mark_date = order.mark_date or find_date(flat)
    order.mark_number = order.mark_number or find_number(flat)
    match = re.search(r"(?:к\s+приказу|приказом|к\s+распоряжению|распоряжением)\s+(.*?)"
                      r"\s*(?:\bот\b|№|$)", flat, re.IGNORECASE)
    if match and match.group(1).strip(" ,") and not order.mark_authority:
        order.mark_authority = match.group(1).strip(" ,")
    return i


def _guess_level(preview: ImportPreview) -> None:
    order = preview.order
    texts = []
    if order is not None:
        texts += [order.authority, order.parent_authority, order.mark_authority,
                  order.signatory_position]
    texts += [a.position for a in preview.approvals]
    texts.append(str(preview.layout.get("authority", "")))
    level = level_of(*texts) or level_from_title(preview.title)
    preview.level = level or ""


def _approval(lines: list[str], i: int, preview: ImportPreview) -> int:
    head = lines[i].strip().upper()
    kind = ("submitted" if head.startswith("ПРОЕКТ") else
            "approved" if head.startswith("УТВЕРЖД") else "agreed")
    draft = ApprovalDraft(kind)
    rest = lines[i].strip()[len(head.split(":")[0].split()[0]):].strip(" :")
    position: list[str] = [rest] if rest and not _is_name(rest) else []
    i += 1
    while i < len(lines):
        line = lines[i].strip()
        if line.upper().startswith(_APPROVAL_HEADS + _STAMP_HEADS) or document_kind(line) \
                or line.lower().startswith("приложение"):
            break
        date = find_date(line)
        name = _is_name(line)
        if (date is not None or is_blank_date(line)) and draft.date is None and not name:
            draft.date = date
        elif name:
            draft.name = name
            prefix = line[: line.rfind(name)].strip(" _")
            if prefix and len(position) < 5:
                position.append(prefix)
            i += 1
            if i < len(lines) and draft.date is None and not _is_name(lines[i]) \
                    and (find_date(lines[i]) or is_blank_date(lines[i])):
                draft.date = find_date(lines[i])  # the date (or its blank) under the signature
                i += 1
            break
        elif len(position) < 5 and not is_title_start(line):
            position.append(line)
        else:
            break
        i += 1
    draft.position = " ".join(p for p in position if p.strip(" _"))
    if draft.position or draft.name:  # a blank form to sign («______») is no block
        preview.approvals.append(draft)
    return i


def _unquote(title: str) -> str:
    """«"Об утверждении … «500+»"» → without the outer quotes only (inner ones kept)."""
    title = title.strip()
    if title[:1] in "«\"":
        title = title[1:].strip()
        closing = (title.endswith("»") and title.count("»") > title.count("«")) \
            or (title.endswith("\"") and title.count("\"") % 2 == 1)
        if closing:
            title = title[:-1].strip()
    return title


def _order(lines: list[str], i: int, order: OrderDraft, preview: ImportPreview) -> int:
    n = len(lines)
    while i < n:
        line = lines[i].strip()
        low = line.lower().lstrip("«\"")
        if low.startswith("об ") or low.startswith("о "):
            break
        if _ORDERING.search(line) or re.match(r"^\d+[.)]\s", line) or len(line) > 200:
            break
        placed = False
        if order.date is None and find_date(line):
            order.date = find_date(line)
            order.date_with_ot = low.startswith("от")
            order.date_in_words = any(month in low for month in MONTHS)
            placed = True
        placed = placed or is_blank_date(line)
        number = find_number(line)
        if number and not order.number:
            order.number = number
            placed = True
        placed = placed or line.strip(" №_") == "" or line.strip().lower() in ("от", "№")
        if is_place(line) and not order.place:
            order.place = line
            placed = True
        if not placed:
            preview.unplaced(line, "реквизиты приказа")
        i += 1
    title: list[str] = []
    titled = i < n and re.match(r"^[«\"]?(о|об)\s", lines[i].strip(), re.IGNORECASE)
    while titled and i < n and (not title or _starts_lower(lines[i].strip())
                     or lines[i].strip()[:1] in "«\"(" ) and len(title) < 8:
        if title and (_ORDERING.search(lines[i]) or re.match(r"^(В|На)\s", lines[i].strip())):
            break
        title.append(lines[i].strip())
        i += 1
    order.title = _unquote(" ".join(title)).rstrip(".").strip()
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
        if line.lower().startswith("приложение") or _is_name(line):
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
        if line.lower().startswith("приложение") or line.upper().startswith(_STAMP_HEADS) \
                or is_title_start(line):
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
    if order.signatory_name:
        order.signatory_position = " ".join(position)
    else:
        for line in position:
            preview.unplaced(line, "после пунктов приказа")
    return i


def _labelled(lines: list[str], i: int, preview: ImportPreview, attr: str) -> int:
    line = re.sub(r"^\d+[.)]\s*", "", lines[i].strip())
    heading, colon, rest = line.partition(":")
    if not colon:
        heading, rest = line, ""
        words = line.split()
        # «Цель реализации дорожной карты – повышение …» on one line
        for sep in (" – ", " — ", " - "):
            if sep in line and len(line.split(sep)[0]) < 80:
                heading, rest = line.split(sep, 1)
                break
        else:
            if len(words) > 12:
                heading, rest = words[0], " ".join(words[1:])
    note_part(preview, PartKey.GOAL if attr == "goal" else PartKey.TASKS, heading.strip())
    parts = [rest.strip()] if rest.strip() else []
    i += 1
    while i < len(lines):
        nxt = lines[i].strip()
        if _part_heading(nxt):
            break
        if attr == "goal" and parts and not _starts_lower(nxt) and not _LIST_LINE.match(nxt):
            break
        parts.append(nxt)
        i += 1
    current = getattr(preview, attr)
    text = "\n".join(parts)
    setattr(preview, attr, f"{current}\n{text}" if current and text else (current or text))
    return i


def _free_text(lines: list[str], i: int) -> tuple[list[str], int]:
    """The lines of a part up to the next part's heading."""
    text = []
    while i < len(lines) and not _part_heading(lines[i]):
        text.append(lines[i].strip())
        i += 1
    return text, i


def _basis(lines: list[str], i: int, preview: ImportPreview) -> int:
    note_part(preview, PartKey.BASIS, lines[i].strip().rstrip(":"))
    _head, colon, rest = lines[i].strip().partition(":")
    docs, i = _free_text(lines, i + 1)
    if colon and rest.strip():
        docs.insert(0, rest.strip())
    preview.basis_documents = "\n".join(d for d in docs if d)
    return i


def _justification(lines: list[str], i: int, preview: ImportPreview) -> int:
    note_part(preview, PartKey.JUSTIFICATION, lines[i].strip().rstrip(":").strip())
    text, i = _free_text(lines, i + 1)
    preview.justification = "\n".join(t for t in text if t)
    return i


def _passport(lines: list[str], i: int, preview: ImportPreview) -> int:
    """A passport typed as text: its own labels («Описание проблемы», «Состав рабочей
    группы» …) each with the paragraphs and lists under it."""
    note_part(preview, PartKey.PASSPORT, lines[i].strip().rstrip(":"))
    i += 1
    label, text = "", []
    while i < len(lines):
        line = lines[i].strip()
        if (_part_heading(line) and _heading_kind(line) not in ("goal", "tasks")) \
                or is_title_start(line):
            break
        found = passport_row_label(line)
        if found is not None:
            if label or text:
                add_passport_row(preview, label, "\n".join(text))
            label, rest = found
            text = [rest] if rest else []
        else:
            text.append(line)
        i += 1
    if label or text:
        add_passport_row(preview, label, "\n".join(text))
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
    used_from = len(tail)
    for k in range(len(tail) - 1, -1, -1):
        name = _is_name(tail[k])
        if name:
            prefix = tail[k][: tail[k].rfind(name)].strip(" _")
            start = max(0, k - 3)
            while start < k and len(tail[start]) >= 120:
                start += 1
            position = tail[start:k] + ([prefix] if prefix else [])
            preview.closing_name = name
            preview.closing_position = " ".join(p for p in position if len(p) < 120)
            used_from = start
            for line in tail[k + 1:]:
                preview.unplaced(line, "текст после таблицы")
            break
    for line in tail[:used_from]:
        preview.unplaced(line, "текст после таблицы")


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
