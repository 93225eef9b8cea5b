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
from itertools import pairwise

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
    roles = [piece for part in named for piece in split_run_together(part)]
    return _join_fragments([" ".join(p.split()) for p in roles if p.strip()])


#: words that begin a role («Руководители школ», «Муниципальные координаторы»)
_ROLE_NOUNS = frozenset({
    "руководитель", "руководители", "координатор", "координаторы", "куратор", "кураторы",
    "методист", "методисты", "педагог", "педагоги", "учитель", "учителя", "директор",
    "директора", "заместитель", "заместители", "специалист", "специалисты", "эксперт",
    "эксперты", "наставник", "наставники", "тьютор", "тьюторы", "кафедра"})
_ROLE_ADJECTIVES = frozenset({"муниципальный", "муниципальные", "региональный", "региональные",
                              "классные", "классный", "ответственные", "ответственный"})
_PLURAL_ROLES = frozenset(w for w in _ROLE_NOUNS if w.endswith(("и", "ы", "я")))
_LINKS = frozenset({"и", "или", "с", "со", "по", "для", "в", "на", "от", "при", "из"})
_WORD = re.compile(r"\S+")


def split_run_together(text: str) -> list[str]:
    """Roles a document ran together without a comma (its line breaks lost):
    «Региональный координатор Муниципальные координаторы Руководители школ» → three.

    A new role begins at a capitalised role word («Руководители», «Муниципальные») after
    another word, or at a plural role word after an abbreviation or a role noun («Методисты
    УО руководители ОО», «координатор руководители ОО»); never inside quotes or brackets,
    after «и»/«по»…, or between a role adjective and its noun («Муниципальный Координатор»).
    """
    cuts: list[int] = []
    depth = 0
    previous = ""
    for match in _WORD.finditer(text):
        word = match.group()
        bare = word.strip("«»\"(),.;:")
        lower = bare.lower()
        if depth == 0 and previous and previous.lower() not in _LINKS \
                and previous.lower() not in _ROLE_ADJECTIVES and word[:1] == bare[:1]:
            capital = bare[:1].isupper() and bare[1:].islower()
            abbreviation = len(previous) > 1 and previous.isupper() and previous.isalpha()
            if (capital and (lower in _ROLE_NOUNS or lower in _ROLE_ADJECTIVES)) or (
                    lower == bare and lower in _PLURAL_ROLES
                    and (abbreviation or previous.lower() in _ROLE_NOUNS)):
                cuts.append(match.start())
        depth += sum(word.count(c) for c in "«(") - sum(word.count(c) for c in "»)")
        depth = max(depth, 0)
        previous = bare
    if not cuts:
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in pairwise(bounds)
            if text[a:b].strip()]


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
    known: dict[Key, DirectoryName] = {}
    for entry in directory:
        for name in entry.names:
            if name.strip():
                known.setdefault(match_key(name), entry)
    # one group per directory entry (its short and full names alike), else per key
    by_group: dict[object, list[str]] = {}
    group_of: dict[Key, object] = {}
    for text in dict.fromkeys(texts):
        key = match_key(text)
        if not key.words:
            continue
        entry = known.get(key)
        group_of[key] = (entry.kind, entry.display) if entry is not None else key
        by_group.setdefault(group_of[key], []).append(text)
    entries = {(e.kind, e.display): e for e in known.values()}
    groups: list[ExecutorGroup] = []
    names: dict[object, str] = {}
    for group_id, variants in by_group.items():
        variants.sort(key=lambda v: -counts[v])  # stable: ties keep the document's order
        entry = entries.get(group_id) if isinstance(group_id, tuple) else None
        name = entry.display if entry is not None else variants[0]
        names[group_id] = name
        if len(variants) > 1 or variants[0] != name:
            groups.append(ExecutorGroup(name, list(variants), sum(counts[v] for v in variants),
                                        _describe(entry)))
    for key, group_id in group_of.items():
        target = _near_target(key, list(group_of) + list(known))
        if target is None:
            continue
        target_id = group_of.get(target)
        entry = known.get(target)
        if target_id is None and entry is not None:
            target_id = (entry.kind, entry.display)
        if target_id == group_id:
            continue
        name = names.get(target_id) or (entry.display if entry else "")
        variants = [v for v in by_group[group_id] if match_key(v) == key]
        groups.append(ExecutorGroup(
            name, list(dict.fromkeys([names[group_id], *variants])),
            sum(counts[v] for v in variants), _describe(entry), suggestion=True,
            accepted=False))
    return groups


def _near_target(key: Key, candidates: list[Key]) -> Key | None:
    """The key this one should join: a shorter one it qualifies («кураторы школ» →
    «кураторы», the shortest first found), or the whole word it cuts («руководители О» →
    «руководители ОО»)."""
    best = None
    for other in candidates:
        fewer = len(other.words) < len(key.words)
        whole = len(other.words) == len(key.words) and \
            sum(map(len, other.words)) > sum(map(len, key.words))
        if (fewer or whole) and keys_near(key, other) and (
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
    """Each typed (cleaned) name → the name it is written as, from the accepted groups.
    An accepted suggestion joins its target under the target's final name (a merge the
    user renamed takes the suggestion along), and wins over the merge of its own variants."""
    mapping: dict[str, str] = {}
    merges = [g for g in groups if not g.suggestion and g.accepted and g.name.strip()]
    for group in merges:
        for variant in group.variants:
            mapping[variant] = group.name.strip()
    renamed: dict[str, str] = {}
    for group in groups:
        if group.suggestion and group.accepted and group.name.strip():
            name = mapping.get(group.name.strip(), group.name.strip())
            for variant in group.variants:
                renamed[variant] = name
    mapping.update(renamed)
    for group in merges:  # the variants of a merge whose name a suggestion then renamed
        if group.name.strip() in renamed:
            for variant in group.variants:
                mapping[variant] = renamed[group.name.strip()]
    return mapping
