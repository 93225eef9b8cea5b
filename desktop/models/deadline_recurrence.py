"""The repetition rule of a deadline phrase: «еженедельно по вторникам и четвергам»,
«каждый второй вторник месяца», «ежемесячно до 10 числа», «не позднее 15 числа первого
месяца квартала», «3 раза в течение учебного года», «по итогам каждой четверти».
Part of :mod:`desktop.models.deadline_parse`; returns keyword arguments of
:class:`desktop.models.deadline_rule.Recurrence` (without the school periods, which the
parser resolves from its calendar).
"""

from __future__ import annotations

import re
from typing import Any

_WEEKDAY_WORD = (r"(?:понедельник[а-я]*|вторник[а-я]*|сред(?:ам|у|а)|четверг[а-я]*|пятниц[а-я]*"
                 r"|суббот[а-я]*|воскресень[а-я]*|воскресен[а-я]*)(?![а-я])")
_REC_HINT = re.compile(r"еже|раз|дважды|трижды|кажд|числ|итог|конце|завершени|окончани"
                       r"|понед|вторн|сред|четв|пятн|субб|воскр")

_WEEKDAYS = (
    ("понедельн", 0), ("вторник", 1), ("сред", 2), ("четверг", 3),
    ("пятниц", 4), ("суббот", 5), ("воскресен", 6),
)
#: the first weekday with its preposition, then more joined by «и» or commas
_WEEKDAY = re.compile(
    r"(?:по|кажд[а-я]*|в|во)\s+(" + _WEEKDAY_WORD + r")"
    r"((?:\s*(?:,|и)\s*(?:по\s+|в\s+|во\s+)?" + _WEEKDAY_WORD + r")*)"
)
_WEEKDAY_ANY = re.compile(_WEEKDAY_WORD)
#: «каждый второй вторник месяца», «в последнюю пятницу месяца»
_NTH = re.compile(
    r"(?P<ord>перв|втор|трет|четверт|последн)(?:ый|ой|ий|ая|ую|ое|ее|ей|юю|ого|его|ым)\s+"
    r"(?P<wd>" + _WEEKDAY_WORD + ")"
)
_ORDINAL = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "последн": -1}
_TIMES = re.compile(
    r"(?:(?P<num>\d{1,2}|один|одного|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести)"
    r"\s*(?:-?х\s*)?раза?|(?P<adv>дважды|трижды)|(?<![а-я])раз)\s+(?:в|за)\s+(?:течение\s+)?"
    r"(?:кажд[а-я]*\s+)?(?P<school>учебн[а-я]*\s+)?(?P<unit>недел|месяц|квартал|четверт|полугоди|год)"
)
_ADVERB = re.compile(
    r"(?P<adv>еженедельн|ежемесячн|ежеквартальн|ежегодн)|кажд[а-я]*\s+(?P<unit>недел|месяц|квартал|год)"
)
#: «по итогам каждой четверти», «в конце полугодия», «по завершении учебного года»
_PERIOD_END = re.compile(
    r"(?:по\s+итогам|в\s+конце|по\s+завершени[а-я]*|по\s+окончани[а-я]*|по\s+результатам)\s+"
    r"(?:кажд[а-я]*\s+)?(?:(?P<school>учебн[а-я]*)\s+)?(?P<unit>четверт|полугоди|год)[а-я]*"
)
#: «до 10 числа», «не позднее 5-го числа»
_MONTH_DAY = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\s*(?:-?(?:го|е|ое))?\s+числ[а-я]*")
_NEXT_MONTH = re.compile(r"следующ[а-я]*\s+(?:за\s+[а-я]+\s+)?месяц|месяц[а-я]*,?\s+следующ")
_QUARTER_MONTH = re.compile(r"(?P<ord>перв|втор|трет|последн)[а-я]*\s+месяц[а-я]*\s+квартал"
                            r"|(?P<after>следующ[а-я]*\s+за\s+(?:[а-я]+\s+)?квартал)")
_WORD_NUMBERS = {"один": 1, "одного": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3,
                 "четыре": 4, "четырех": 4, "пять": 5, "пяти": 5, "шесть": 6, "шести": 6,
                 "дважды": 2, "трижды": 3}
#: «четверть» and «полугодие» count in the school year; «квартал» is the calendar's
_UNIT_PER = {"недел": "week", "месяц": "month", "квартал": "quarter", "четверт": "school_quarter",
             "полугоди": "half_year", "год": "year"}
_PER_FREQUENCY = {"week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "yearly"}
_ADVERB_FREQUENCY = {"еженедельн": "weekly", "ежемесячн": "monthly", "ежеквартальн": "quarterly",
                     "ежегодн": "yearly", "недел": "weekly", "месяц": "monthly",
                     "квартал": "quarterly", "год": "yearly"}
_PERIOD_END_PER = {"четверт": "school_quarter", "полугоди": "school_half_year", "год": "year"}


def _weekday_number(word: str) -> int:
    return next(n for stem, n in _WEEKDAYS if word.startswith(stem))


def _weekdays(match: re.Match[str]) -> tuple[int, ...]:
    words = [match.group(1), *_WEEKDAY_ANY.findall(match.group(2) or "")]
    return tuple(sorted({_weekday_number(w) for w in words}))


def _month_day_rule(text: str, match: re.Match[str]) -> dict[str, Any] | None:
    day = int(match.group("day"))
    if not 1 <= day <= 31:
        return None
    quarter = _QUARTER_MONTH.search(text)
    if quarter is not None or "ежекварт" in text or "квартал" in text:
        month = 1 if quarter is None or quarter.group("after") else _ORDINAL[quarter.group("ord")]
        return {"frequency": "quarterly", "month_day": day, "quarter_month": 3 if month < 0 else month}
    offset = 1 if _NEXT_MONTH.search(text) else 0
    return {"frequency": "monthly", "month_day": day, "month_offset": offset}


def recurrence_rule(text: str) -> dict[str, Any] | None:
    """The repetition rule written in the text, as keyword arguments of ``Recurrence``."""
    if not _REC_HINT.search(text):
        return None
    nth = _NTH.search(text)
    if nth is not None and ("месяц" in text or "кажд" in text):
        return {"frequency": "monthly", "weekdays": (_weekday_number(nth.group("wd")),),
                "nth": _ORDINAL[nth.group("ord")]}
    weekday_match = _WEEKDAY.search(text)
    weekdays = _weekdays(weekday_match) if weekday_match else ()
    times = _TIMES.search(text)
    if times:
        number = times.group("num") or times.group("adv")
        count = 1 if number is None else int(number) if number.isdigit() else _WORD_NUMBERS[number]
        per = _UNIT_PER[times.group("unit")]
        if per == "year" and times.group("school"):
            per = "school_year"
        frequency = _PER_FREQUENCY.get(per, "times") if count == 1 else "times"
        if per == "week" and not weekdays:  # «два раза в неделю (вторник, четверг)»
            weekdays = tuple(sorted({_weekday_number(w) for w in _WEEKDAY_ANY.findall(text)}))
        if per == "week" and weekdays:
            return {"frequency": "weekly", "weekdays": weekdays, "times": count, "per": per}
        if frequency == "weekly" or per == "week":
            return {"frequency": frequency, "weekdays": weekdays, "times": count, "per": per}
        return {"frequency": frequency, "times": count, "per": per}
    month_day = _MONTH_DAY.search(text)
    if month_day is not None:
        rule = _month_day_rule(text, month_day)
        if rule is not None:
            return rule
    ends = _PERIOD_END.search(text)
    if ends is not None:
        per = _PERIOD_END_PER[ends.group("unit")]
        if per == "year":
            per = "school_year" if ends.group("school") else "year"
        return {"frequency": "yearly" if per == "year" else "times", "times": 1, "per": per,
                "at_end": True}
    adverb = _ADVERB.search(text)
    if adverb:
        frequency = _ADVERB_FREQUENCY[adverb.group("adv") or adverb.group("unit")]
        return {"frequency": frequency, "weekdays": weekdays if frequency == "weekly" else ()}
    if weekday_match and (weekday_match.group(1).endswith("ам") or weekday_match.group().startswith("кажд")):
        return {"frequency": "weekly", "weekdays": weekdays}
    return None
