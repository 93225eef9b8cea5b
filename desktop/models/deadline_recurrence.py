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

_WEEKDAY_WORD = (r"(?:понедельник[а-я]*|вторник[а-я]*|сред(?:ам|ами|ах|у|а|ы|е)|четверг[а-я]*|пятниц[а-я]*"
                 r"|суббот[а-я]*|воскресень[а-я]*|воскресен[а-я]*)(?![а-я])")
_REC_HINT = re.compile(r"еже|раз|дважды|трижды|кажд|числ|итог|конце|завершени|окончани|после"
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
#: «каждый второй вторник месяца», «в последнюю пятницу месяца», «1 и 3 среда месяца»,
#: «каждая 1-я и 3-я среда», «в первую и третью среду месяца»
_NTH_ORD = (r"(?:(?:перв|втор|трет|четверт|последн)"
            r"(?:ый|ой|ий|ая|яя|ую|юю|ое|ее|ей|ого|его|ым|им|ья|ью|ье|ьего|ьей|ьим)"
            r"|(?<![\d.])[1-4](?:\s*-?\s*(?:й|я|ю|е|ый|ая|ую|ой|ей|го|ого))?(?![\d.]))")
_NTH = re.compile(
    r"(?<![а-я])(?P<ords>" + _NTH_ORD + r"(?:\s*(?:,|и)\s*" + _NTH_ORD + r")*)\s+"
    r"(?P<wd>" + _WEEKDAY_WORD + ")"
)
_NTH_ONE = re.compile(r"перв|втор|трет|четверт|последн|[1-4]")
_ORDINAL = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "последн": -1,
            "1": 1, "2": 2, "3": 3, "4": 4}
_TIMES = re.compile(
    r"(?:(?P<num>\d{1,2}|один|одного|два|две|двух|три|трех|четыре|четырех|пять|пяти|шесть|шести)"
    r"\s*(?:-?х\s*)?раза?|(?P<adv>дважды|трижды)|(?<![а-я])раз)\s+(?:в|за)\s+(?:течение\s+)?"
    r"(?:кажд[а-я]*\s+)?(?P<school>учебн[а-я]*\s+)?(?P<unit>недел|месяц|квартал|четверт|полугоди|год)"
)
_ADVERB = re.compile(
    r"(?P<adv>еженедельн|ежемесячн|ежеквартальн|ежегодн)|кажд[а-я]*\s+(?P<unit>недел|месяц|квартал|год)"
)
#: «по итогам каждой четверти», «в конце полугодия», «после каждой учебной четверти и
#: учебного года», «по итогам I полугодия (и учебного года)»: a trigger, then the periods
_PERIOD_TRIGGER = (r"(?:по\s+итогам|в\s+конце|по\s+завершени[а-я]*|по\s+окончани[а-я]*"
                   r"|по\s+результатам|после)")
_PERIOD_START = re.compile(r"(?<![а-я])" + _PERIOD_TRIGGER + r"\s+")
_PERIOD_ORD = (r"(?:iv|iii|ii|i|[1-4]|перв[а-я]*|втор[а-я]*|трет[а-я]*|четверт(?:ый|ой|ая|ую|ого|ом)"
               r"|последн[а-я]*)(?:\s*-?\s*(?:й|я|ю|е|го|ое|ой|ого|ом|ый|ая|ую|ее|его))?")
_PERIOD_MENTION = re.compile(
    r"(?:кажд[а-я]*\s+)?(?P<ords>" + _PERIOD_ORD + r"(?:\s*(?:,|и|-)\s*" + _PERIOD_ORD
    + r")*\s*)?(?:(?P<school>учебн[а-я]*|уч\.)\s*)?"
    r"(?P<unit>четверт[а-я]*|четв\.?|полугоди[а-я]*|полуг\.?|триместр[а-я]*|год[а-я]*|г\.)"
    r"(?![а-я])"
)
#: between two periods: «и», a comma, brackets, «а также», another trigger
_PERIOD_JOIN = re.compile(r"\s*\)?\s*(?:[,(/]\s*)*(?:(?:и|а\s+также)(?![а-я])\s*)?\(?\s*"
                          r"(?:" + _PERIOD_TRIGGER + r"\s+)?")
_PERIOD_ORD_ONE = re.compile(r"iv|iii|ii|i|[1-4]|перв|втор|трет|четверт|последн")
_PERIOD_ORD_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4,
                     "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "последн": -1}
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
        nths = tuple(dict.fromkeys(_ORDINAL[o] for o in _NTH_ONE.findall(nth.group("ords"))))
        rule: dict[str, Any] = {"frequency": "monthly",
                                "weekdays": (_weekday_number(nth.group("wd")),), "nth": nths[0]}
        if len(nths) > 1:
            rule["nths"] = nths
        return rule
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
    ends = period_end_rule(text)
    if ends is not None:
        return ends[0]
    adverb = _ADVERB.search(text)
    if adverb:
        frequency = _ADVERB_FREQUENCY[adverb.group("adv") or adverb.group("unit")]
        return {"frequency": frequency, "weekdays": weekdays if frequency == "weekly" else ()}
    if weekday_match and (weekday_match.group(1).endswith("ам") or weekday_match.group().startswith("кажд")):
        return {"frequency": "weekly", "weekdays": weekdays}
    return None


def period_end_rule(text: str) -> tuple[dict[str, Any], tuple[int, int]] | None:
    """«по итогам каждой четверти», «после каждой учебной четверти и учебного года», «по
    итогам I полугодия (и учебного года)», «в конце 1 и 3 четв.»: the rule and where in
    ``text`` its periods are written (the parser reads no dates there). A period named
    right after another with nothing between («четверти учебного года») only qualifies it."""
    for trigger in _PERIOD_START.finditer(text):
        found = _period_mentions(text, trigger.end())
        if found is not None:
            mentions, end = found
            return _period_rule(mentions), (trigger.start(), end)
    return None


#: a period named: its unit stem, its numbers (empty for every one), written «учебный»
_Mention = tuple[str, tuple[int, ...], bool]


def _period_mentions(text: str, pos: int) -> tuple[list[_Mention], int] | None:
    mentions: list[_Mention] = []
    joined, end = True, pos
    while True:
        match = _PERIOD_MENTION.match(text, pos)
        if match is None:
            break
        unit = _unit_stem(match.group("unit"))
        ords = tuple(_PERIOD_ORD_VALUE[o] for o in _PERIOD_ORD_ONE.findall(match.group("ords") or ""))
        if "-" in (match.group("ords") or "") and len(ords) == 2 and min(ords) > 0:
            ords = tuple(range(min(ords), max(ords) + 1))  # «I-III четверть»
        if joined or not mentions:
            mentions.append((unit, ords, match.group("school") is not None))
        elif match.group("school"):  # «четверти учебного года»: the same periods, of the school year
            mentions[-1] = (*mentions[-1][:2], True)
        end = match.end()
        join = _PERIOD_JOIN.match(text, end)
        assert join is not None  # every part of the pattern is optional
        joined = bool(join.group().strip(" ()"))
        pos = join.end()
    return (mentions, end) if mentions else None


def _unit_stem(unit: str) -> str:
    if unit.startswith("четв"):
        return "четверт"
    if unit.startswith("полуг"):
        return "полугоди"
    if unit.startswith("трим"):
        return "триместр"
    return "год"


def _period_rule(mentions: list[_Mention]) -> dict[str, Any]:
    """One rule for the named periods: the smallest unit named, its numbers joined with the
    numbers of the larger ones' ends (a half-year ends with its second quarter, the school
    year with the last period)."""
    by_unit: dict[str, set[int] | None] = {}
    school = False
    for unit, ords, written_school in mentions:
        school = school or written_school
        known = by_unit.get(unit, set())
        by_unit[unit] = None if known is None or not ords else known | set(ords)
    small = next((u for u in ("четверт", "триместр", "полугоди") if u in by_unit), None)
    if small is None:  # «по итогам (учебного) года»
        per = "school_year" if school else "year"
        return {"frequency": "yearly" if per == "year" else "times", "times": 1, "per": per,
                "at_end": True}
    ordinals: set[int] | None = set()
    for unit, ords in by_unit.items():
        if ords is None and unit in (small, "четверт", "триместр"):
            ordinals = None
            break
        if ordinals is None:
            break
        if unit == "год":
            ordinals.add(-1)
        elif unit == "полугоди" and small != "полугоди":
            ordinals |= {-1 if n == 2 else 2 * n for n in ords or {1, 2}}
        else:
            ordinals |= ords or set()
    rule: dict[str, Any] = {"frequency": "times", "times": 1,
                            "per": "school_half_year" if small == "полугоди" else "school_quarter",
                            "at_end": True}
    if ordinals:
        rule["ordinals"] = tuple(sorted(ordinals, key=lambda n: (n < 0, n)))
    return rule
