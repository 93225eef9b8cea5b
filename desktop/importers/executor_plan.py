"""Executors of an imported table: cells split into names, fragments joined, variants merged.

A cell is split at line breaks, «;» and commas outside brackets and quotes, and after a
full stop where a new name begins («… КМЦ. И.Н. Хняч»). A line break inside an open «…»
is a page break in the middle of a name («ГОО «Кузбасский» / «РЦППМС»»): the halves are
joined with a space, never split (and never printed with a comma between them). A part
that ends in the middle of a word («руководители О» followed by «О») is joined with the
next one.

:func:`plan_merges` groups the names of the whole document by
:func:`desktop.models.executor_match.match_key`, together with the directory's entries:
a group of several spellings (or one matching a directory entry under another spelling)
becomes one :class:`ExecutorGroup`, accepted by default; near matches («кураторы школ» /
«кураторы») become suggestions the user must accept. :func:`final_names` turns the
accepted groups into the name each typed text is written as. Pure functions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.models.executor_match import Key, clean_name, keys_near, match_key

_UP, _LOW = "А-ЯЁA-Z", "а-яёa-z"
#: a name that begins an entry after a full stop: «И.Н. Хняч», «Хняч И.Н.»
_NAME_AFTER_STOP = re.compile(
    rf"(?<=\.)\s+(?=[{_UP}]\.\s?[{_UP}]\.\s?[{_UP}][{_LOW}]+|[{_UP}][{_LOW}]+\s[{_UP}]\.\s?[{_UP}]\.)")
#: a part cut in the middle of a word: «руководители О» (a lone capital, no full stop) …
_CUT_CAPITAL = re.compile(rf"(?:^|\s)[{_UP}]$")
#: … continued by capitals: «О», «ОУ», «О ГО»
_CAPITALS_START = re.compile(rf"^[{_UP}]{{1,5}}(?![{_LOW}.])")
#: «РЦ-» + «ППМС»: a hyphen at the end of a line inside an abbreviation
_CUT_HYPHEN = re.compile(rf"[{_UP}]-$")


def split_cell(text: str) -> list[str]:
    """«РОО, ИМЦ» → [«РОО», «ИМЦ»]; see the module's rules for quotes and fragments."""
    parts: list[str] = []
    depth = quote = 0
    current: list[str] = []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in "«“„":
            quote += 1
        elif ch in "»”":
            quote = max(0, quote - 1)
        if ch == "\n" and quote:
            current.append(" ")  # a page break inside a quoted name
            continue
        if ch in "\n;" or (ch == "," and depth == 0 and not quote):
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    named = [piece for part in parts for piece in _NAME_AFTER_STOP.split(part)]
    return _join_fragments([" ".join(p.split()) for p in named if p.strip()])


def _join_fragments(parts: list[str]) -> list[str]:
    joined: list[str] = []
    for part in parts:
        if joined and _CUT_CAPITAL.search(joined[-1]) and _CAPITALS_START.match(part):
            joined[-1] += part
        elif joined and _CUT_HYPHEN.search(joined[-1]) and part[:1].isupper():
            joined[-1] = joined[-1][:-1] + part
        else:
            joined.append(part)
    return joined


@dataclass(frozen=True)
class DirectoryName:
    """A name the directory has (or the import adds): what it links to and prints as."""

    kind: str                 #: "organisation" or "person"
    id: int | None            #: None: an entry the import itself adds
    display: str              #: how a linked executor prints («ИМЦ», «И.Н. Хняч»)
    names: tuple[str, ...]    #: every name it is known by (short, full)


@dataclass
class ExecutorGroup:
    """Typed names that become one executor (a merge, or a suggestion to accept)."""

    #: what every variant is written as (the user may change it)
    name: str
    #: the names as typed in the document (cleaned), most frequent first
    variants: list[str]
    #: how many cells name one of them
    mentions: int = 0
    #: the directory entry the name links to («организация ИМЦ»), "" when none
    directory: str = ""
    suggestion: bool = False
    accepted: bool = True


@dataclass
class MergePlan:
    groups: list[ExecutorGroup] = field(default_factory=list)


def executor_texts(cells: Iterable[str]) -> list[str]:
    """Every executor named in ``cells``, cleaned, one entry per mention."""
    found = []
    for cell in cells:
        for part in split_cell(cell):
            name = clean_name(part)
            if name:
                found.append(name)
    return found


def plan_merges(texts: list[str], directory: list[DirectoryName]) -> list[ExecutorGroup]:
    """Merges and suggestions for the executor ``texts`` of a document (see the module)."""
    counts = Counter(texts)
    order = list(dict.fromkeys(texts))
    by_key: dict[Key, list[str]] = {}
    for text in order:
        by_key.setdefault(match_key(text), []).append(text)
    known: dict[Key, DirectoryName] = {}
    for entry in directory:
        for name in entry.names:
            if name.strip():
                known.setdefault(match_key(name), entry)
    groups: list[ExecutorGroup] = []
    names: dict[Key, str] = {}
    for key, variants in by_key.items():
        if not key.words:
            continue
        variants.sort(key=lambda v: -counts[v])  # stable: ties keep the document's order
        entry = known.get(key)
        name = entry.display if entry is not None else variants[0]
        names[key] = name
        if len(variants) > 1 or variants[0] != name:
            groups.append(ExecutorGroup(name, list(variants), sum(counts[v] for v in variants),
                                        _describe(entry)))
    for key, variants in by_key.items():
        if not key.words:
            continue
        target = _near_target(key, list(by_key) + list(known))
        if target is None:
            continue
        entry = known.get(target)
        name = names.get(target) or (entry.display if entry else "")
        own = names[key]
        groups.append(ExecutorGroup(
            name, list(dict.fromkeys([own, *variants])), sum(counts[v] for v in variants),
            _describe(entry), suggestion=True, accepted=False))
    return groups


def _near_target(key: Key, candidates: list[Key]) -> Key | None:
    """The shorter key this one is a qualified form of (the shortest, first found)."""
    best = None
    for other in candidates:
        if len(other.words) < len(key.words) and keys_near(key, other) and (
                best is None or len(other.words) < len(best.words)):
            best = other
    return best


def _describe(entry: DirectoryName | None) -> str:
    if entry is None:
        return ""
    noun = "организация" if entry.kind == "organisation" else "человек"
    state = "" if entry.id is not None else " (новая запись)"
    return f"{noun} «{entry.display}»{state}"


def final_names(groups: list[ExecutorGroup]) -> dict[str, str]:
    """Each typed (cleaned) name → the name it is written as, from the accepted groups;
    an accepted suggestion wins over the merge of its own variants."""
    mapping: dict[str, str] = {}
    for group in sorted(groups, key=lambda g: g.suggestion):
        if not group.accepted or not group.name.strip():
            continue
        for variant in group.variants:
            mapping[variant] = group.name.strip()
    for group in groups:  # the variants of a merge that a suggestion then renamed
        if group.accepted and not group.suggestion:
            renamed = mapping.get(group.name)
            if renamed and renamed != group.name:
                for variant in group.variants:
                    mapping[variant] = renamed
    return mapping
