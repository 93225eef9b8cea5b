"""Text for the PDF: Paragraph markup escaping, no-break spaces, dates in the order's style.

ГОСТ Р 7.0.97 forbids splitting initials from the surname, «№» from its
number and the parts of a worded date; reportlab never breaks a line at
U+00A0, so :func:`typeset` puts one there — in text the program composes.
U+202F (babel's narrow space) *is* a break point for reportlab and is
replaced too. The user's own text is printed as typed (:func:`markup`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from babel.dates import format_date

NBSP = "\u00a0"

_MONTHS = ("января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря")
_UP = "А-ЯЁA-Z"
_LOW = "а-яёa-z"

_Repl = str | Callable[[re.Match[str]], str]

_RULES: tuple[tuple[re.Pattern[str], _Repl], ...] = (
    # «№ 5», «№5» → «№ 5»; «№№ 1–3»
    (re.compile(r"(№+)\s*(?=\S)"), "\\1" + NBSP),
    # «И.О. Фамилия», «И. О. Фамилия»
    (re.compile(rf"\b([{_UP}]\.)\s*([{_UP}]\.)?\s+(?=[{_UP}][{_LOW}])"),
     lambda m: m.group(1) + (m.group(2) or "") + NBSP),
    # «Фамилия И.О.»
    (re.compile(rf"(?<=[{_LOW}])\s+(?=[{_UP}]\.\s*[{_UP}]\.)"), NBSP),
    # «13 января 2023 г.»
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\s+(\d{{4}})(\s*(?:г\.|года))?"),
     lambda m: f"{m.group(1)}{NBSP}{m.group(2)}{NBSP}{m.group(3)}"
     + (NBSP + m.group(4).strip() if m.group(4) else "")),
    # «2023 г.», «30 %»
    (re.compile(r"(\d)\s+(г\.|гг\.|%)"), "\\1" + NBSP + "\\2"),
)


def txt(value: str | None) -> str:
    """A text attribute stripped; None (an unsaved object's unset column) reads as ""."""
    return (value or "").strip()


def typeset(text: str | None) -> str:
    """``text`` with no-break spaces where a line must not break (plain text in, plain out)."""
    text = text or ""
    text = text.replace("\u202f", NBSP)
    for pattern, repl in _RULES:
        text = pattern.sub(repl, text)
    return text


def escape(text: str) -> str:
    """Plain text as reportlab Paragraph markup (``&``, ``<``, ``>``; line breaks kept)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\n" in text or "\r" in text:
        text = "<br/>".join(line.strip() for line in text.replace("\r", "").split("\n"))
    return text


def markup(text: str | None) -> str:
    """A Paragraph of the user's text: escaped, printed exactly as typed.

    No-break spaces (:func:`typeset`) go only into text the program composes
    itself (dates, «№ N», signature lines); what the coordinator typed is not
    re-worded or re-spaced.
    """
    return escape(text or "")


def name_markup(name: str | None) -> str:
    """A signatory's «И.О. Фамилия» in a requisite the program lays out: the initials are
    kept on the surname's line (a no-break space, which prints as the space typed)."""
    return escape(typeset((name or "").strip()))


def format_order_date(date: dt.date | None, style: str, *, blank: str = "«___» ________ 20__ г.") -> str:
    """``13.01.2023`` or ``13 января 2023 г.`` (no leading zero, genitive month)."""
    if date is None:
        return blank
    if style == "words":
        worded = format_date(date, "d MMMM y", locale="ru").replace(" ", NBSP)
        return f"{worded}{NBSP}г."
    return date.strftime("%d.%m.%Y")


def number_text(number: str) -> str:
    """«№ 28/1», or a blank line to fill in by hand for a draft."""
    number = number.strip()
    return f"№{NBSP}{number}" if number else f"№{NBSP}________"


def spaced(word: str) -> str:
    """«п р и к а з ы в а ю:» from «приказываю:» (the colon stays attached)."""
    body, colon = (word[:-1], ":") if word.endswith(":") else (word, "")
    return " ".join(body) + colon
