"""Executors typed in one cell: split into entries, joined back for printing.

«О.В. Плесецкая - директор МКУО КМЦ. И.Н. Хняч - директор МКУО ЦОКО» is two
entries: a new entry begins at a comma or semicolon, or after a full stop where
a new name begins («И.Н. Хняч», «Хняч И.Н.»), never at every full stop
(«г. Балахта», «МКУО КМЦ.» inside a position). Joined back, the entries print
as typed: after an entry ending in a full stop comes a space, otherwise «, ».
Pure functions, no database.
"""

from __future__ import annotations

import re

_UP, _LOW = "А-ЯЁA-Z", "а-яёa-z"
#: a name that begins an entry: «И.Н. Хняч», «И. Н. Хняч», «Хняч И.Н.»
_NAME = (rf"(?:[{_UP}]\.\s?[{_UP}]\.\s?[{_UP}][{_LOW}]+"
         rf"|[{_UP}][{_LOW}]+\s[{_UP}]\.\s?[{_UP}]\.)")
_SPLIT = re.compile(rf"\s*[,;]\s*|(?<=\.)\s+(?={_NAME})")


def split_executors(text: str) -> list[str]:
    """«ИМЦ, РОО ,  кураторы» → ["ИМЦ", "РОО", "кураторы"]; see the module's rule for names."""
    return [part.strip() for part in _SPLIT.split(text) if part and part.strip()]


def join_executors(names: list[str]) -> str:
    """The entries as one cell's text (the inverse of :func:`split_executors`)."""
    out = ""
    for name in (n.strip() for n in names):
        if not name:
            continue
        if out:
            out += " " if out.endswith(".") else ", "
        out += name
    return out


def with_position(name: str, position: str) -> str:
    """«О.В. Плесецкая – директор МКУО КМЦ» for a column that prints positions."""
    position = position.strip()
    return f"{name} – {position}" if position else name


def initials_name(full_name: str) -> str:
    """«Фамилия Имя Отчество» → «И.О. Фамилия» (a no-break space keeps them together)."""
    parts = full_name.split()
    if len(parts) != 3 or any("." in p for p in parts):
        return full_name.strip()
    surname, first, patronymic = parts
    return f"{first[0]}.{patronymic[0]}.\u00a0{surname}"
