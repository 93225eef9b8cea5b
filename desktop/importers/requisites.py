"""Requisites as people type them: dates, numbers, the issuing body, its parent, the place,
the document's kind and the level it belongs to.

Dates come in every typed form: «30.12.2021», «30.12.21», «от « 30 » 12. 2021 г.»,
«« 13 » января 2023 года», «30 декабря 2021 г.»; a date left blank to fill in by hand
(««__» ______ 2022») is recognised as a date line with no date. Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
          "сентября", "октября", "ноября", "декабря")

#: «30.12.2021», «30.12.21», «« 30 » 12. 2021»
_DATE_NUM = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.\s?(\d{4}|\d{2})(?!\d)(?!\.\d)")
_DATE_QUOTED = re.compile(r"«\s*(\d{1,2})\s*»\s*(\d{1,2})\s*\.?\s*(\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"«?\s*(\d{1,2})\s*»?\s*_*\s*(" + "|".join(MONTHS) + r")\s*_*\s*(\d{4})",
                         re.IGNORECASE)
#: «__» ______ 2022, «___» __________ 20__ г., __.__.2022
_DATE_BLANK = re.compile(r"«\s*_+\s*»\s*_+\s*(?:20\d\d|20_+)|_{2,}\.\s*_{2,}\.\s*(?:20\d\d|_+)")
_NUMBER = re.compile(r"№\s*([^\s,;]+)")

#: the words of a document's kind as printed above its date («П Р И К А З» too)
KINDS = ("ПРИКАЗ", "РАСПОРЯЖЕНИЕ", "ПОСТАНОВЛЕНИЕ")
_KIND = re.compile(r"^\s*(" + "|".join(r"\s*".join(k) for k in KINDS) + r")\s*$", re.IGNORECASE)

_PLACE = re.compile(r"^(г\.|г\s|город\s|пгт\.?\s|пос\.|посёлок|поселок|с\.|п\.|ст-ца|станица|"
                    r"рп\.?\s|р\.п\.|село\s|деревня\s)", re.IGNORECASE)
_BODY_WORDS = ("управление", "отдел", "комитет", "департамент", "министерство",
               "муниципальное казенное учреждение", "мку")
_PARENT_WORDS = ("администрация", "правительство", "исполнительный комитет", "мэрия",
                 "муниципальное образование")
_REGION = re.compile(r"област|края\b|край\b|республик|автономн\w* округ|москв|санкт-петербург"
                     r"|севастопол", re.IGNORECASE)
_MUNICIPAL = re.compile(r"район|муниципальн|городск\w* округ|администраци|города\b|поселени",
                        re.IGNORECASE)
_REGIONAL_BODY = re.compile(r"министерств|департамент|комитет|управлени|правительств",
                            re.IGNORECASE)


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def find_date(text: str) -> dt.date | None:
    """The first date in ``text`` in any typed form, or None."""
    for pattern in (_DATE_QUOTED, _DATE_NUM):
        for match in pattern.finditer(text):
            try:
                return dt.date(_year(match.group(3)), int(match.group(2)), int(match.group(1)))
            except ValueError:
                continue
    match = _DATE_WORDS.search(text)
    if match:
        try:
            return dt.date(int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1,
                           int(match.group(1)))
        except ValueError:
            return None
    return None


def is_blank_date(text: str) -> bool:
    """«__» ______ 2022: a date left to fill in by hand."""
    return bool(_DATE_BLANK.search(text))


def find_number(text: str) -> str:
    """«№ 28/1» → «28/1»; a blank «№ ____» → ""."""
    match = _NUMBER.search(text)
    if not match:
        return ""
    number = match.group(1).strip("_.")
    return number if number and any(ch.isalnum() for ch in number) else ""


def document_kind(line: str) -> str | None:
    """«П Р И К А З» → «ПРИКАЗ»; None when the line is not a document's kind."""
    match = _KIND.match(line)
    return "".join(match.group(1).split()).upper() if match else None


def is_place(line: str) -> bool:
    """«г. Калининград», «пгт Балахта», «с. Ермаковское» (a short line)."""
    return len(line) < 60 and bool(_PLACE.match(line.strip()))


def split_authority(lines: list[str]) -> tuple[str, str]:
    """The lines above the document's kind → (parent body, issuing body).

    «АДМИНИСТРАЦИЯ X РАЙОНА / УПРАВЛЕНИЕ ОБРАЗОВАНИЯ» → the administration is the parent;
    «Управление образования / администрации X района» (one body in the genitive) stays one.
    """
    lines = [line.strip() for line in lines if line.strip()]
    for k in range(1, len(lines)):
        low = lines[k].lower()
        if low.startswith(_BODY_WORDS) and lines[0].lower().startswith(_PARENT_WORDS):
            return "\n".join(lines[:k]), "\n".join(lines[k:])
    return "", "\n".join(lines)


def level_of(*texts: str) -> str | None:
    """«regional» for a ministry / department / committee of a region, «municipal» for a
    district's body, None when the texts do not say (the first text that says wins)."""
    for text in texts:
        if not text or not text.strip():
            continue
        if _MUNICIPAL.search(text):
            return "municipal"
        if _REGIONAL_BODY.search(text) and _REGION.search(text):
            return "regional"
    return None


def level_from_title(title: str) -> str | None:
    low = title.lower()
    if low.startswith("регионал"):
        return "regional"
    if low.startswith(("муниципал", "районн")):
        return "municipal"
    return None
