"""The six cases, by the names a template writer knows («дат», «вин»), and by each library's.

Russian abbreviations are what the order templates use in their placeholders
(``{coordinator_initials:дат}``); pymorphy3 and pytrovich each name cases their own
way, so the mapping to both lives here and nowhere else.
"""

from __future__ import annotations

from enum import Enum


class Case(Enum):
    """A grammatical case; the value is its abbreviation in Russian grammars."""

    NOMINATIVE = "им"
    GENITIVE = "род"
    DATIVE = "дат"
    ACCUSATIVE = "вин"
    INSTRUMENTAL = "твор"
    PREPOSITIONAL = "пред"

    @property
    def grammeme(self) -> str:
        """The OpenCorpora grammeme pymorphy3 inflects to («datv»)."""
        return _GRAMMEMES[self]

    @classmethod
    def parse(cls, text: str) -> Case | None:
        """«дат», «Дат.», «дательный» → :attr:`DATIVE`; anything else → ``None``."""
        key = text.strip().rstrip(".").lower()
        return next((case for case in cls if key and key.startswith(case.value)), None)


class Gender(Enum):
    MALE = "м"
    FEMALE = "ж"


_GRAMMEMES = {
    Case.NOMINATIVE: "nomn", Case.GENITIVE: "gent", Case.DATIVE: "datv",
    Case.ACCUSATIVE: "accs", Case.INSTRUMENTAL: "ablt", Case.PREPOSITIONAL: "loct",
}
