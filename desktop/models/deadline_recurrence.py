"""The repetition rule of a deadline phrase: «еженедельно по четвергам», «2 раза в год»,
«не реже 1 раза в четверть», «ежемесячно». Part of :mod:`desktop.models.deadline_parse`.
"""

from __future__ import annotations

import re
from typing import Any

_REC_HINT = re.compile(r"еже|раз|дважды|трижды|кажд|по (?:понед|вторн|сред|четв|пятн|субб|воскр)")

_WEEKDAYS = (
    ("понедельн", 0), ("вторник", 1), ("сред", 2), ("четверг", 3),
    ("пятниц", 4), ("суббот", 5), ("воскресен", 6),
)
_WEEKDAY = re.compile(
    r"(?:по|кажд[а-я]*|в|во)\s+(понедельн[а-я]*|вторник[а-я]*|сред(?:ам|у|а)|четверг[а-я]*"
    r"|пятниц[а-я]*|суббот[а-я]*|воскресен[а-я]*)(?![а-я])"
)
_TIMES = re.compile(
    r"(?:(?P<num>\d{1,2}|один|одного|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести)"
    r"\s*(?:-?х\s*)?раза?|(?P<adv>дважды|трижды)|(?<![а-я])раз)\s+(?:в|за)\s+"
    r"(?P<school>учебн[а-я]*\s+)?(?P<unit>недел|месяц|квартал|четверт|полугоди|год)"
)
_ADVERB = re.compile(
    r"(?P<adv>еженедельн|ежемесячн|ежеквартальн|ежегодн)|кажд[а-я]*\s+(?P<unit>недел|месяц|квартал|год)"
)
_WORD_NUMBERS = {"один": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3,
                 "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
                 "дважды": 2, "трижды": 3}
_UNIT_PER = {"недел": "week", "месяц": "month", "квартал": "quarter", "четверт": "quarter",
             "полугоди": "half_year", "год": "year"}
_PER_FREQUENCY = {"week": "weekly", "month": "monthly", "quarter": "quarterly",
                  "year": "yearly", "school_year": "yearly"}
_ADVERB_FREQUENCY = {"еженедельн": "weekly", "ежемесячн": "monthly", "ежеквартальн": "quarterly",
                     "ежегодн": "yearly", "недел": "weekly", "месяц": "monthly",
                     "квартал": "quarterly", "год": "yearly"}


# --------------------------------------------------------------------------- recurrence


def recurrence_rule(text: str) -> dict[str, Any] | None:
    """The repetition rule written in the text, as keyword arguments of ``Recurrence``."""
    if not _REC_HINT.search(text):
        return None
    weekday_match = _WEEKDAY.search(text)
    weekday = None
    if weekday_match:
        word = weekday_match.group(1)
        weekday = next(n for stem, n in _WEEKDAYS if word.startswith(stem))
    times = _TIMES.search(text)
    if times:
        number = times.group("num") or times.group("adv")
        count = 1 if number is None else int(number) if number.isdigit() else _WORD_NUMBERS[number]
        per = _UNIT_PER[times.group("unit")]
        if per == "year" and times.group("school"):
            per = "school_year"
        frequency = _PER_FREQUENCY.get(per, "times") if count == 1 else "times"
        if frequency == "weekly" or per == "week":
            return {"frequency": frequency, "weekday": weekday, "times": count, "per": per}
        return {"frequency": frequency, "times": count, "per": per}
    adverb = _ADVERB.search(text)
    if adverb:
        frequency = _ADVERB_FREQUENCY[adverb.group("adv") or adverb.group("unit")]
        return {"frequency": frequency, "weekday": weekday if frequency == "weekly" else None}
    if weekday_match and (weekday_match.group(1).endswith("ам") or weekday_match.group().startswith("кажд")):
        return {"frequency": "weekly", "weekday": weekday}
    return None
