"""Russian grammar for the text the program composes: names and positions in a case.

An order says «Муниципальному координатору (Д.С. Ёлкиной)», «возложить на заместителя
начальника управления Лысых О.Б.», «к приказу Управления образования …»: the program puts
stored names (nominative, as typed in the profile and the directory) into such slots, so
it has to decline them. People's names go through the petrovich rules (pytrovich),
positions and names of bodies through pymorphy3's dictionary. Both are loaded on first
use and work offline from their packages' data. What the user typed into a text field
is never passed through here: it stays as typed. When unsure, these functions return
their input unchanged rather than invent a form. Qt-free.
"""

from desktop.grammar.cases import Case, Gender
from desktop.grammar.names import decline_name, gender_of, patronymic_gender
from desktop.grammar.phrases import decline_phrase

__all__ = ["Case", "Gender", "decline_name", "decline_phrase", "gender_of", "patronymic_gender"]
