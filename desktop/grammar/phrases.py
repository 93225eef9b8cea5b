"""Positions and names of bodies in the case a sentence needs, by pymorphy3's dictionary.

Only the head of the phrase is declined: the leading adjectives and the first noun
(«муниципальный координатор проекта «500+»» → «муниципальному координатору проекта
«500+»»; «заместитель начальника управления» → «заместителя начальника управления»).
What follows the head is already in the case its head governs and stays as typed, and so
do quotes, abbreviations and numbers («директор МБОУ «СОШ № 1»»). A phrase that does not
start with a word the dictionary knows (an abbreviation, «и.о.», a word it has never seen)
is returned as typed: a wrong form in a signed order is worse than an undeclined one.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from desktop.grammar.cases import Case

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
#: proper names are never the head of a position or of a body's name
_PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"}
_ATTRIBUTES = {"ADJF", "PRTF"}


@cache
def morph() -> MorphAnalyzer:
    """The analyser over the Russian dictionary shipped as a package (found by its path,
    not by entry points, so the PyInstaller bundle needs only the package's data).

    Without the word-frequency table: the choice between parses is made here by grammar
    (nominative, a noun, animate first), so its 2.9 MB stay out of the bundle.
    """
    import pymorphy3
    import pymorphy3_dicts_ru

    return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru",
                                   probability_estimator_cls=None)


def decline_phrase(phrase: str, case: Case) -> str:
    """``phrase`` (a position, a body's name) with its head in ``case``; as typed if unsure.

    Posts listed with commas are appositions and each takes the case («методист ИМЦ,
    куратор» → «методисту ИМЦ, куратору»); only a post held by a person counts so («Отдел
    образования, культуры и спорта» keeps its genitives), and a comma in quotes does not.
    """
    if case is Case.NOMINATIVE or not phrase.strip():
        return phrase
    return "".join(part if i % 2 else _decline_one(part, case, people_only=i > 0)
                   for i, part in enumerate(_QUOTED_COMMAS.split(phrase)))


#: a comma outside «…» and "…" (the lookahead sees an even number of quotes after it)
_QUOTED_COMMAS = re.compile(r'(,)(?=(?:[^«»"]*[«»"][^«»"]*[«»"])*[^«»"]*$)')


def _decline_one(phrase: str, case: Case, *, people_only: bool = False) -> str:
    parts = re.split(r"(\s+)", phrase)
    lead = parts[0] == ""
    tokens = parts[2::2] if lead else parts[0::2]
    head = _head(tokens)
    if head is None or (people_only and "anim" not in head[1].tag):
        return phrase
    attributes, noun = head
    declined = _decline_head(tokens, [*attributes, noun], case)
    if declined is None:
        return phrase
    for i, word in enumerate(declined):
        tokens[i] = word
    parts[(2 if lead else 0)::2] = tokens
    return "".join(parts)


# -- finding the head ------------------------------------------------------------------------

def _head(tokens: list[str]) -> tuple[list[Parse], Parse] | None:
    """The parses of the leading attributes and the head noun, or ``None`` if unsure.

    A word that can be an attribute is one when a nominative word follows it; an attribute
    with none after it is the head itself: «заведующий отделом», «ведущий».
    """
    attributes: list[Parse] = []
    for i, token in enumerate(tokens):
        if not _plain(token):
            break
        noun, attribute = _nominative(token, noun=True), _nominative(token, noun=False)
        after = tokens[i + 1] if i + 1 < len(tokens) else ""
        if attribute is not None and _plain(after) and (
                _nominative(after, noun=True) or _nominative(after, noun=False)):
            attributes.append(attribute)
            continue
        if noun is not None:
            return attributes, noun
        if attribute is not None:
            return attributes, attribute
        break
    return None


def _plain(token: str) -> bool:
    """A word the dictionary may know: letters (and hyphens), not an abbreviation."""
    return bool(_WORD.match(token)) and not (len(token) > 1 and token.isupper())


def _nominative(word: str, *, noun: bool, animacy: str = "anim") -> Parse | None:
    """The best dictionary parse of ``word`` as a nominative noun (or attribute).

    An unknown hyphenated noun («учитель-логопед») counts when each part is a known noun.
    """
    lower = word.lower()
    if not morph().word_is_known(lower):
        if "-" in word and noun:
            parts = [_nominative(p, noun=True) for p in word.split("-")]
            return parts[0] if all(parts) else None
        return None
    found = [parse for parse in morph().parse(lower)
             if "nomn" in parse.tag and not _PROPER & set(parse.tag.grammemes)
             and ((parse.tag.POS == "NOUN") if noun else (parse.tag.POS in _ATTRIBUTES))]
    # a post is held by a person: «член» the member, not the limb («на члена группы»);
    # the parts of «план-график» take the animacy of the first
    found.sort(key=lambda parse: animacy not in parse.tag)
    return found[0] if found else None


# -- declining it ----------------------------------------------------------------------------

def _decline_head(tokens: list[str], parses: list[Parse], case: Case) -> list[str] | None:
    head = parses[-1]
    tag = head.tag
    number = tag.number or "sing"
    gender = tag.gender if number == "sing" else None  # None for «глава» (ms-f): masculine
    animate = tag.animacy or ("anim" if tag.POS in _ATTRIBUTES else "inan")
    words: list[str] = []
    for original, parse in zip(tokens, parses, strict=False):
        word = _inflect_word(original, parse, case, number, gender, animate)
        if word is None:
            return None
        words.append(word)
    return words


def _inflect_word(original: str, parse: Parse, case: Case, number: str, gender: str | None,
                  animate: str) -> str | None:
    if parse.tag.POS == "NOUN" and "-" in original and not morph().word_is_known(original.lower()):
        parses = [_nominative(p, noun=True, animacy=animate) for p in original.split("-")]
        if None in parses:
            return None
        pieces = [_inflect_word(p, parse, case, number, gender, animate)  # type: ignore[arg-type]
                  for p, parse in zip(original.split("-"), parses, strict=True)]
        return None if None in pieces else "-".join(p for p in pieces if p)
    wanted = {case.grammeme}
    if parse.tag.POS in _ATTRIBUTES:
        wanted |= {number} if number == "plur" else {number, gender or "masc"}
        if case is Case.ACCUSATIVE and (number == "plur" or gender in (None, "masc")):
            wanted.add(animate)
    elif case is Case.ACCUSATIVE and parse.tag.POS == "NOUN":
        wanted.add(number)
    form = parse.inflect(wanted)
    return None if form is None else _same_case_letters(original, form.word)


def _same_case_letters(original: str, word: str) -> str:
    """The declined ``word`` written as ``original`` was: «Муниципальный» → «Муниципальному»."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p
                        for o, p in zip(original.split("-"), word.split("-"), strict=False))
    return word
