"""Numbers that would print wrong: a number used twice, a sub-item not numbered under
its parent, an empty number in a numbered roadmap.

Pure (neither Qt nor SQLAlchemy): the editor's tree marks the cells as they change, and
:mod:`desktop.services.numbering` asks the same before an export.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberEntry:
    """One item's number as the editor or an export sees it."""

    item_id: int
    number: str
    #: the number of what holds the item: its parent item, or its section (top level)
    holder_number: str
    #: True when the holder is an item (the row is a sub-item)
    nested: bool


def bare_number(number: str) -> str:
    """«2.3.» and « 2.3 » are the same number as «2.3»."""
    return number.strip().rstrip(".").strip()


def number_problems(entries: Sequence[NumberEntry]) -> dict[int, str]:
    """Item id → what is wrong with its number, in Russian: a number used twice, a
    sub-item not numbered under its parent (2.3 under 2.2), a top-level item numbered
    outside its numbered section, an empty number in a numbered roadmap.

    Numbers are kept as typed (real documents may use «а)» or Roman numerals): only what
    surely prints wrong is reported.
    """
    problems: dict[int, str] = {}
    numbered = any(bare_number(e.number) for e in entries)
    seen: dict[str, list[int]] = {}
    for entry in entries:
        bare = bare_number(entry.number)
        if bare:
            seen.setdefault(bare, []).append(entry.item_id)
    for bare, ids in seen.items():
        if len(ids) > 1:
            for item_id in ids:
                problems[item_id] = f"номер {bare} повторяется ({len(ids)} раза)" \
                    if len(ids) < 5 else f"номер {bare} повторяется ({len(ids)} раз)"
    for entry in entries:
        if entry.item_id in problems:
            continue
        bare, holder = bare_number(entry.number), bare_number(entry.holder_number)
        if not bare:
            if numbered:
                problems[entry.item_id] = "нет номера"
            continue
        if not _is_numeric(holder) or not _is_numeric(bare) or bare.startswith(holder + "."):
            continue  # «а)», Roman sections: numbered another way, left as typed
        if entry.nested:
            problems[entry.item_id] = f"подпункт {holder} пронумерован {bare}"
        else:
            problems[entry.item_id] = f"в разделе {holder} номер {bare}"
    return problems


def _is_numeric(number: str) -> bool:
    """«2», «2.3», «2.3.1»: digits joined by dots."""
    return bool(number) and all(part.isdigit() for part in number.split("."))


def problems_text(problems: dict[str, str], *, most: int = 5) -> str:
    """«повторяется номер 2.3; подпункт 2.2 пронумерован 2.3 …» for a message."""
    lines = list(dict.fromkeys(problems.values()))
    text = "; ".join(lines[:most])
    return text + (f" и ещё {len(lines) - most}" if len(lines) > most else "")
