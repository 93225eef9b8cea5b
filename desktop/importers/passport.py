"""The passport of a roadmap, as a table of label | text or typed as text under labels.

Every row is kept in the document's order with its own label (``passport_rows``);
rows whose label the program knows also fill the roadmap's fields (problem,
developer, stages, working group, goal, tasks). A row without a label carries on
the row above (a row split at a page break).
"""

from __future__ import annotations

import re

from desktop.importers.preview import ImportPreview
from desktop.importers.tables import norm, passport_label

#: label words of passport rows the program has no field for (kept with their text)
_OTHER_LABELS = ("наименование", "основани", "описание", "срок", "ожидаем", "целев",
                 "исполнител", "участник", "состав", "ресурс", "финансир", "сведения",
                 "координатор", "заказчик", "разработчик", "этап", "контрол", "механизм",
                 "индикатор", "показател", "период", "объем", "объём", "цел", "задач",
                 "проблем", "рабоч")
_COLON = re.compile(r"^([^:]{2,80}):\s*(.*)$", re.DOTALL)


def _is_label(text: str) -> bool:
    low = norm(text)
    return bool(low) and len(low) <= 80 and len(low.split()) <= 9 \
        and low.startswith(_OTHER_LABELS)


def passport_row_label(line: str) -> tuple[str, str] | None:
    """«Описание проблемы» / «Состав рабочей группы:» / «Сроки реализации: 2022 год» →
    (label, text after it); None for a line of text."""
    text = line.strip()
    match = _COLON.match(text)
    if match and _is_label(match.group(1)):
        return match.group(1).strip(), match.group(2).strip()
    if _is_label(text) and not text.endswith((".", ";", ",")):
        return text.rstrip(":").strip(), ""
    return None


def add_passport_row(preview: ImportPreview, label: str, text: str) -> None:
    """One passport row: kept as it is, and into the field its label names."""
    label, text = label.strip(), text.strip()
    if not label and not text:
        return
    if not label and preview.passport_rows:
        last_label, last_text = preview.passport_rows[-1]
        preview.passport_rows[-1] = (last_label, f"{last_text}\n{text}" if last_text else text)
        attr = passport_label(last_label)
    else:
        preview.passport_rows.append((label, text))
        attr = passport_label(label)
    if attr is not None and text:
        current = getattr(preview, attr)
        setattr(preview, attr, f"{current}\n{text}" if current else text)
