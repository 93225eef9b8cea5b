"""Rows of the roadmap table read as the document means them.

A section row (a merged full-width cell, only the first cell filled, a
number with only a title, or a heading paragraph between tables), an item
row, or a continuation: a row with an empty number that carries on the
previous row after a page break (merged cell by cell, a word hyphenated at
the page foot joined again) or adds another task/indicator pair under one
merged activity.
"""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*)\.?\s*$")
_HEADING = re.compile(
    r"^\s*(?:(?:раздел|блок|направление)\s+)?((?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]+))[.)]?\s+(\S.*)$",
    re.IGNORECASE | re.DOTALL)
_LABEL = re.compile(r"(?:^|\s)(Задачи|Показатели(?: реализации)?|Целевые показатели)\s*:\s*",
                    re.IGNORECASE)
_HYPHEN_END = re.compile(r"[A-Za-zА-Яа-яЁё]-\s*$")


def number_of(text: str) -> str | None:
    """«1.», «2.14», «4.1.1» → the number without a trailing dot; None when not a number."""
    match = _NUMBER.match(text)
    return match.group(1) if match else None


def split_heading(text: str) -> tuple[str, str]:
    """«2. Научно-методическое …» → («2», «Научно-методическое …»); unnumbered → ("", text)."""
    match = _HEADING.match(text.strip())
    if match and not match.group(2)[:1].isdigit():
        return match.group(1), match.group(2).strip()
    return "", text.strip()


def split_labels(text: str) -> tuple[str, str, str]:
    """A section's text split at «Задачи:» and «Показатели:» → (title, tasks, indicators)."""
    parts = _LABEL.split(text)
    title = parts[0].strip()
    tasks: list[str] = []
    indicators: list[str] = []
    for i in range(1, len(parts) - 1, 2):
        target = tasks if parts[i].lower().startswith("задач") else indicators
        if parts[i + 1].strip():
            target.append(parts[i + 1].strip())
    return title, "\n".join(tasks), "\n".join(indicators)


def label_of(text: str) -> tuple[str | None, str]:
    """A paragraph that starts with «Задачи:»/«Показатели:» → (field, rest); else (None, text)."""
    match = _LABEL.match(text if text.startswith(" ") else " " + text)
    if not match:
        return None, text
    kind = "tasks" if match.group(1).lower().startswith("задач") else "indicators"
    rest = (" " + text)[match.end():].strip()
    return kind, rest


def join_continuation(before: str, after: str) -> str:
    """Join a cell's text with its continuation on the next page.

    «в соот-» + «ветствии» → «в соответствии»; a sentence that ended, or a
    continuation starting with a capital or a list mark, goes on a new line;
    otherwise a space.
    """
    before_s, after_s = before.rstrip(), after.strip()
    if not before_s:
        return after_s
    if not after_s:
        return before_s
    if _HYPHEN_END.search(before_s) and after_s[:1].islower():
        return before_s[:-1] + after_s
    if before_s[-1] in ".;:!?" or after_s[:1].isupper() or after_s[:1] in "-–—•·(0123456789":
        return before_s + "\n" + after_s
    return before_s + " " + after_s


def is_roman(text: str) -> bool:
    return bool(re.fullmatch(r"[IVXLC]+", text))


def top_number(number: str) -> int | None:
    """The first component of «2.14» as an int (roman numerals too)."""
    head = number.split(".")[0]
    if head.isascii() and head.isdigit():
        return int(head)
    if is_roman(head):
        values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
        total = 0
        for i, ch in enumerate(head):
            v = values[ch]
            total += -v if i + 1 < len(head) and values[head[i + 1]] > v else v
        return total
    return None
