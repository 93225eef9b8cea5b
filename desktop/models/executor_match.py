"""When two executor texts name the same executor: a normalised key, and a near match.

Documents name one executor many ways: «Кураторы», «кураторы.», «Методисты УО»» (a stray
quote), «муниципальные координаторы» next to «Муниципальный координатор», «И.Н. Хняч» and
«Хняч И.Н.». :func:`match_key` ignores case, ё/е, punctuation, quotes, word order and the
endings of words (plural/singular, adjective agreement); two texts with the same key are
the same executor. A person («И.Н. Хняч», «Хняч И.Н.», «Хняч Игорь Николаевич», with or
without «– position») is keyed by surname and initials, so namesakes with other initials
stay apart. :func:`is_near` finds what only a person should decide: «кураторы школ» is
probably «кураторы» (the same head word with a qualifier), «Хняч И.» probably «Хняч И.Н.»,
«руководители О» (a word cut short) probably «руководители ОО».

Endings are cut by a small suffix rule rather than a morphological dictionary: executor
cells are short nominative phrases, abbreviations (ИМЦ, УО, ОО) are kept whole, and the
rule has no data to ship. Pure functions, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UP, _LOW = "А-ЯЁA-Z", "а-яёa-z"
_OPEN, _CLOSE = "«“„", "»”"
#: «И.Н. Хняч», «И. Н. Хняч», «И.Хняч»
_INITIALS_FIRST = re.compile(
    rf"^(?P<i>(?:[{_UP}]\.\s?){{1,2}})\s*(?P<s>[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?)$")
#: «Хняч И.Н.», «Хняч И. Н.», «Хняч И.»
_SURNAME_FIRST = re.compile(
    rf"^(?P<s>[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?)\s+(?P<i>(?:[{_UP}]\.\s?){{1,2}})$")
#: «Хняч Игорь Николаевич» (the patronymic tells a full name from three words of a role)
_FULL = re.compile(rf"^(?P<s>[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?)\s+(?P<f>[{_UP}][{_LOW}]+)"
                   rf"\s+(?P<p>[{_UP}][{_LOW}]+(?:вич|вна|чна|ична|ич|кызы|оглы|улы))$")
#: «name – position»: the dash after a name
_DASH = re.compile(r"\s+[–—-]\s+|\s*[–—]\s*")
_TOKEN = re.compile(rf"[{_UP}{_LOW}0-9]+(?:-[{_UP}{_LOW}0-9]+)*")
_STOP = frozenset({"и", "по", "в", "во", "на", "с", "со", "для", "а", "при", "of"})
#: endings cut from words (longest first); what is left keeps at least three letters
_ENDINGS = tuple(sorted((
    "ыми", "ими", "ого", "его", "ому", "ему", "ами", "ями", "иям", "иях", "иями",
    "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ых", "их", "ым", "им", "ую", "юю",
    "ах", "ях", "ам", "ям", "ов", "ев", "ей", "ом", "ем", "ью", "ия", "ии",
    "а", "я", "ы", "и", "у", "ю", "е", "о", "ь", "й"), key=len, reverse=True))


@dataclass(frozen=True)
class Key:
    """What two texts must share to be one executor."""

    #: "person" (surname + initials) or "text" (the words of a role or organisation)
    kind: str
    #: person: (surname, initials); text: the word stems, sorted
    words: tuple[str, ...]
    #: the first word's stem (the head of «кураторы школ»), for near matches only
    head: str = field(default="", compare=False)


def clean_name(text: str) -> str:
    """The text as it should print: spaces collapsed, stray quotes and a trailing full
    stop or comma dropped (the full stop of initials «Хняч И.Н.» stays)."""
    text = re.sub(r"[ \t\r\n]+", " ", text).strip()  # a no-break space stays
    text = _balance(text).strip(" ,;:")
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and len(last) > 2 and "." not in last[:-1]:
        text = text[:-1].rstrip()
    return text


def _balance(text: str) -> str:
    """Drop closing quotes nothing opened, opening quotes nothing closes, and an odd «"»."""
    keep = [True] * len(text)
    stack: list[int] = []
    for pos, ch in enumerate(text):
        if ch in _OPEN:
            stack.append(pos)
        elif ch in _CLOSE:
            if stack:
                stack.pop()
            else:
                keep[pos] = False
    for pos in stack:
        keep[pos] = False
    straight = [pos for pos, ch in enumerate(text) if ch == '"']
    if len(straight) % 2:
        keep[straight[-1]] = False
    return "".join(ch for ch, k in zip(text, keep, strict=True) if k).replace("  ", " ")


def stem(word: str) -> str:
    """A lower-case word without its ending: «кураторы» and «куратор» → «куратор»."""
    word = word.lower().replace("ё", "е")
    if "-" in word:
        return "-".join(stem(part) for part in word.split("-"))
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def person_parts(text: str) -> tuple[str, str, str] | None:
    """(surname, initials, position) when ``text`` names a person, e.g. «О.В. Плесецкая –
    директор МКУО КМЦ» → («Плесецкая», «О.В.», «директор МКУО КМЦ»); else None."""
    text = clean_name(text).replace("\u00a0", " ")
    name, _, position = _split_dash(text)
    name = name.strip()
    for pattern in (_INITIALS_FIRST, _SURNAME_FIRST):
        match = pattern.match(name)
        if match:
            initials = "".join(f"{ch}." for ch in re.findall(rf"[{_UP}]", match.group("i")))
            return match.group("s"), initials, position.strip()
    match = _FULL.match(name)
    if match:
        return match.group("s"), f"{match.group('f')[0]}.{match.group('p')[0]}.", position.strip()
    return None


def _split_dash(text: str) -> tuple[str, str, str]:
    parts = _DASH.split(text, maxsplit=1)
    return (parts[0], "–", parts[1]) if len(parts) == 2 else (text, "", "")


def match_key(text: str) -> Key:
    """The key of one executor text (see the module's rules)."""
    person = person_parts(text)
    if person is not None:
        surname, initials, _ = person
        return Key("person", (surname.lower().replace("ё", "е"),
                              initials.replace(".", "").lower().replace("ё", "е")))
    words = []
    for token in _TOKEN.findall(clean_name(text)):
        lower = token.lower()
        if lower in _STOP:
            continue
        # an abbreviation (УО, ИМЦ, МКУО) or a number is kept whole
        is_abbreviation = len(token) > 1 and token.upper() == token and not token.isdigit()
        words.append(lower.replace("ё", "е") if is_abbreviation or token.isdigit()
                     else stem(token))
    return Key("text", tuple(sorted(words)), words[0] if words else "")


def same_executor(a: str, b: str) -> bool:
    """True when the two texts are one executor by their keys."""
    key_a, key_b = match_key(a), match_key(b)
    return bool(key_a.words) and key_a == key_b


def keys_near(a: Key, b: Key) -> bool:
    """Keys that differ only by a qualifier («кураторы» / «кураторы школ»: the same head word,
    one's words among the other's) or by a missing initial («Хняч И.» / «Хняч И.Н.»)."""
    if a == b or a.kind != b.kind or not a.words or not b.words:
        return False
    if a.kind == "person":
        (sa, ia), (sb, ib) = a.words, b.words
        return sa == sb and (ia.startswith(ib) or ib.startswith(ia))
    small, large = sorted((a, b), key=lambda k: len(k.words))
    if len(small.words) == len(large.words):
        return _cut_word(small.words, large.words)
    if small.head != large.head:
        return False
    rest = list(large.words)
    for word in small.words:
        if word not in rest:
            return False
        rest.remove(word)
    return True


def _cut_word(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One word cut to its first letter («руководители О» / «руководители ОО»), else equal."""
    rest_a, rest_b = [w for w in a if w not in b], [w for w in b if w not in a]
    if len(rest_a) != 1 or len(rest_b) != 1:
        return False
    short, long = sorted((rest_a[0], rest_b[0]), key=len)
    return len(short) == 1 and len(long) > 1 and long.startswith(short)


def is_near(a: str, b: str) -> bool:
    """A near match of two texts (:func:`keys_near`): a suggestion, never merged unasked."""
    return keys_near(match_key(a), match_key(b))
