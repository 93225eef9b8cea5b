"""People's names in the case a sentence needs, by the petrovich rules (pytrovich).

The forms the program stores are recognised: «Петрова М.С.», «М.С. Петрова»,
«М. Петрова», «Петрова Мария Сергеевна», «Мария Сергеевна Петрова», a surname alone;
double surnames decline part by part («Римской-Корсаковой»), and the rules know the
surnames that do not decline («Лысых», «Шевчук» for a woman, «Бондаренко», «Дюма»).
The gender comes from the caller (a directory that knows it), else from the patronymic
(«-вна», «-кызы» / «-вич», «-оглы»), else from the first name or the surname when the
rules are sure («Петрова», «Иван»). Anything else — an unknown gender, a form that is
not a name — is returned as typed. The spaces between the parts stay as they were
(a no-break space after the initials stays one).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from desktop.grammar.cases import Case, Gender

if TYPE_CHECKING:
    from pytrovich.detector import PetrovichGenderDetector
    from pytrovich.maker import PetrovichDeclinationMaker

_CAP = r"[А-ЯЁ][а-яё]+"
_WORD = rf"{_CAP}(?:-{_CAP})*"
_INITIALS = r"[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?"
#: «оглы», «кызы» stand after the father's name and never change
_TURKIC = r"(?:\s+(?:оглы|кызы|улы|гызы))"
_FORMS = (
    re.compile(rf"^(?P<initials>{_INITIALS})(?P<gap>\s*)(?P<surname>{_WORD})$"),
    re.compile(rf"^(?P<surname>{_WORD})(?P<gap>\s+)(?P<initials>{_INITIALS})$"),
    re.compile(rf"^(?P<surname>{_WORD})(?P<gap>\s+)(?P<first>{_WORD})(?P<gap2>\s+)"
               rf"(?P<middle>{_WORD}{_TURKIC}?)$"),
    re.compile(rf"^(?P<first>{_WORD})(?P<gap>\s+)(?P<middle>{_WORD}{_TURKIC}?)(?P<gap2>\s+)"
               rf"(?P<surname>{_WORD})$"),
    re.compile(rf"^(?P<surname>{_WORD})$"),
)
_FEMALE_PATRONYMIC = re.compile(r"(вна|чна|кызы|гызы)$")
_MALE_PATRONYMIC = re.compile(r"(вич|ич|оглы|улы)$")


@cache
def _maker() -> PetrovichDeclinationMaker:
    from pytrovich.maker import PetrovichDeclinationMaker

    return PetrovichDeclinationMaker()


@cache
def _detector() -> PetrovichGenderDetector:
    from pytrovich.detector import PetrovichGenderDetector

    return PetrovichGenderDetector()


def patronymic_gender(word: str) -> Gender | None:
    """«Сергеевна» → female, «Ильич», «Гасан оглы» → male; anything else → ``None``."""
    word = word.strip().lower()
    if _FEMALE_PATRONYMIC.search(word):
        return Gender.FEMALE
    if _MALE_PATRONYMIC.search(word):
        return Gender.MALE
    return None


def _parts(name: str) -> dict[str, str] | None:
    """The name's parts by role, or ``None`` when it is none of the stored forms.

    «Мария Сергеевна Петрова» and «Петрова Мария Сергеевна» are told apart by which
    word is the patronymic.
    """
    for form in _FORMS:
        match = form.match(name)
        if match is None:
            continue
        parts = {k: v for k, v in match.groupdict().items() if v is not None}
        if "middle" in parts and patronymic_gender(parts["middle"]) is None:
            continue
        return parts
    return None


def gender_of(name: str) -> Gender | None:
    """The gender a name shows, or ``None`` when the rules are not sure («Лысых О.Б.»)."""
    parts = _parts(name.strip())
    if parts is None:
        return None
    if "middle" in parts:
        return patronymic_gender(parts["middle"])
    from pytrovich.enums import Gender as PGender

    found = _detector().detect(firstname=parts.get("first"), lastname=parts.get("surname"))
    return {PGender.MALE: Gender.MALE, PGender.FEMALE: Gender.FEMALE}.get(found)


def decline_name(name: str, case: Case, *, gender: Gender | None = None) -> str:
    """``name`` in ``case`` («М.С. Петрова», дательный → «М.С. Петровой»); as typed if unsure.

    ``gender`` is what the caller knows (from the directory); without it the name's own
    patronymic, first name or surname has to tell.
    """
    stripped = name.strip()
    parts = _parts(stripped) if case is not Case.NOMINATIVE else None
    if parts is None:
        return name
    gender = gender or gender_of(stripped)
    if gender is None:
        return name
    from pytrovich.enums import Case as PCase
    from pytrovich.enums import Gender as PGender
    from pytrovich.enums import NamePart

    target = PCase[case.name]
    sex = PGender.MALE if gender is Gender.MALE else PGender.FEMALE
    roles = {"surname": NamePart.LASTNAME, "first": NamePart.FIRSTNAME,
             "middle": NamePart.MIDDLENAME}
    declined = dict(parts)
    for role, part in roles.items():
        if role not in parts:
            continue
        word = parts[role]
        if role == "middle" and re.search(_TURKIC + "$", word):
            continue  # «Гасан оглы»: the father's name with «оглы» does not change
        declined[role] = _maker().make(part, sex, target, word)
    order = [k for k in ("initials", "surname", "first", "middle") if k in parts]
    order.sort(key=lambda k: stripped.index(parts[k]))
    gaps = [parts.get("gap", ""), parts.get("gap2", "")]
    out = declined[order[0]]
    for gap, role in zip(gaps, order[1:], strict=False):
        out += gap + declined[role]
    return name[: len(name) - len(name.lstrip())] + out + name[len(name.rstrip()):]
