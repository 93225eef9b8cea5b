"""The clauses of a deadline phrase («март-апрель 2026 года, в течение учебного года»;
«январь 2026 г., далее ежемесячно»): which of them the parser understood, so that a part
it could not read is named in a warning instead of being dropped silently.

Part of the deadline parser (:mod:`desktop.models.deadline_parse`); plain values only.
"""

from __future__ import annotations

import re

from desktop.models.deadline_tokens import CONTINUOUS, DONE, ON_DEMAND, SCHOOL, tokenize

#: clauses are cut at commas, semicolons and brackets (the same in the original text and
#: in the normalised one, which only changes case, dashes and spaces)
_CLAUSE_SEPARATORS = re.compile(r"[,;()]")
#: «далее», «затем», «в дальнейшем»: the rule goes on after the first date to the period's end
THEN = re.compile(r"(?<![а-я])(?:далее|затем|в дальнейшем|впоследствии|после этого)(?![а-я])")
#: words that carry a meaning the parser reads (a rule, its unit, its day, school periods);
#: «по итогам» alone is not among them: «по итогам мониторинга» names no period
_UNDERSTOOD = re.compile(
    r"еже|раз(?![а-я]{3})|раза|дважды|трижды|кажд|числ|недел|месяц|квартал|четв|полугоди|триместр"
    r"|следующ|отч[её]тн|понедельн|вторник|сред|четверг|пятниц|суббот|воскресен|учебн|год"
)
#: tokens that are dates (or a malformed date, which has its own warning)
_DATED = frozenset({"pt", "year", "endof", "bad"})
#: words that may stand on their own in a clause without changing its meaning
_FILLER = frozenset({
    "г", "гг", "в", "во", "на", "и", "с", "со", "по", "до", "к", "от", "за", "не", "реже", "чаще",
    "позднее", "позже", "также", "срок", "сроки", "далее", "затем", "дальнейшем", "течение",
    "а", "или", "то", "есть", "т", "е", "мероприятие", "мероприятия", "проведение",
    "впоследствии", "после", "этого", "включительно", "ориентировочно", "примерно", "около",
})


def clauses(text: str) -> list[str]:
    """``text`` cut at commas, semicolons and brackets (empty pieces kept, to stay aligned)."""
    return _CLAUSE_SEPARATORS.split(text)


def _understood(clause: str) -> bool:
    if _UNDERSTOOD.search(clause) or CONTINUOUS.search(clause) or ON_DEMAND.search(clause):
        return True
    if DONE.search(clause) or SCHOOL.search(clause):
        return True
    tokens = tokenize(clause)
    if any(kind in _DATED for kind, _ in tokens):
        return True
    words = [value for kind, value in tokens if kind in ("word", "until", "from", "to")]
    return all(word in _FILLER or len(word) < 2 for word in words)


def unread_parts(original: str, norm: str) -> list[str]:
    """The clauses of the original text that say something the parser does not read."""
    if "ё" in norm:
        norm = norm.replace("ё", "е")
    found = []
    for raw, clause in zip(clauses(original), clauses(norm), strict=False):
        if clause.strip() and not _understood(clause):
            found.append(" ".join(raw.split()))
    return found


def continuous_clause(norm: str) -> str | None:
    """A clause like «в течение учебного года» that has no dates of its own: the phrase
    also runs continuously beside its dated part."""
    for clause in clauses(norm):
        if CONTINUOUS.search(clause) and not any(kind in _DATED for kind, _ in tokenize(clause)):
            return clause
    return None
