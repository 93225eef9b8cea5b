"""What a roadmap document prints, part by part, in its own order: one source for the PDF,
the Word copy and the Excel «Паспорт» sheet.

Each exporter only lays these plain values out. The parts come in the order the
roadmap's ``layout_json`` gives (the document's own), under the document's own
headings; empty parts are left out. The user's text is kept as typed: lines are
split, never re-worded, and a numbered list gets numbers only where a line has
none of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.grammar import Case, decline_phrase
from desktop.models.roadmap_parts import (
    DEFAULT_HEADINGS,
    PASSPORT_FIELDS,
    PartKey,
    layout_heading,
    layout_order,
)

if TYPE_CHECKING:
    from desktop.models import Organisation, Roadmap, RoadmapAppendix

_NUMBERED = re.compile(r"^\s*(\d+[.)]|[-–—•])\s*")


@dataclass(frozen=True)
class TextPart:
    """Paragraphs under a heading; ``inline`` puts a default heading before the first line
    («Цель: …») instead of on a line of its own."""

    key: PartKey
    heading: str
    paragraphs: tuple[str, ...]
    inline: bool = False


@dataclass(frozen=True)
class PassportPart:
    """The passport as a two-column table: label, text."""

    key: PartKey
    heading: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class IndicatorsPart:
    """Target indicators: name, unit, and a value per period heading."""

    key: PartKey
    heading: str
    periods: tuple[str, ...]
    rows: tuple[tuple[str, str, tuple[str, ...]], ...]

    @property
    def headings(self) -> tuple[str, ...]:
        return ("№ п/п", "Показатель", "Единица измерения", *self.periods)

    def cells(self) -> list[tuple[str, ...]]:
        """Every row as printed: number, name, unit, one value per period."""
        return [(str(n), name, unit, *values)
                for n, (name, unit, values) in enumerate(self.rows, 1)]


@dataclass(frozen=True)
class TablePart:
    """The roadmap's table itself (the exporters build it from ``roadmap_table``)."""

    key: PartKey
    heading: str


@dataclass(frozen=True)
class AbbreviationsPart:
    key: PartKey
    heading: str
    entries: tuple[tuple[str, str], ...]  #: short name, full name


@dataclass(frozen=True)
class ClosingSignature:
    position: str
    name: str


@dataclass(frozen=True)
class ScheduleRow:
    is_group: bool
    topic: str
    date_text: str = ""
    responsible: str = ""


@dataclass(frozen=True)
class ScheduleAppendix:
    """An appendix of the roadmap itself: its mark, title, text and schedule rows."""

    title: str
    number: str
    doc_number: str
    doc_date: str  #: dd.mm.yyyy, or "" when it takes the order's date
    headings: tuple[str, ...]
    text: tuple[str, ...]
    rows: tuple[ScheduleRow, ...]
    #: the roadmap in the dative, for the mark: «дорожной карте», «плану»
    document: str = "дорожной карте"

    def mark_lines(self, space: str = " ") -> list[str]:
        """«Приложение 1» / «к плану» / «от 10.01.2023 № 5» (``space``: a no-break space
        where the format needs one to keep «от» with its date)."""
        lines = ["Приложение" + (f"{space}{self.number}" if self.number else ""),
                 f"к {self.document}"]
        own = " ".join(p for p in (f"от{space}{self.doc_date}" if self.doc_date else "",
                                   f"№\u00a0{self.doc_number}" if self.doc_number else "") if p)
        return [*lines, own] if own else lines


Part = TextPart | PassportPart | IndicatorsPart | TablePart | AbbreviationsPart


def lines(text: str | None) -> tuple[str, ...]:
    """The non-empty lines of a text, as typed (only the ends of lines trimmed)."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


def numbered(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """«1. …», «2. …» for lines that carry no number or bullet of their own."""
    if all(_NUMBERED.match(p) for p in paragraphs):
        return paragraphs
    return tuple(p if _NUMBERED.match(p) else f"{n}. {p}" for n, p in enumerate(paragraphs, 1))


def used_organisations(roadmap: Roadmap) -> list[Organisation]:
    """Organisations named as executors of the roadmap's items, by short name."""
    found: dict[int, Organisation] = {}
    for item in roadmap.all_items():
        for executor in item.executors:
            org = executor.organisation
            if org is not None:
                found[org.id] = org
    return sorted(found.values(), key=lambda o: o.short_name.lower())


def _text_part(key: PartKey, heading: str, text: str, *, number: bool = False) -> TextPart | None:
    paragraphs = lines(text)
    if not paragraphs:
        return None
    if number:
        paragraphs = numbered(paragraphs)
    inline = key is PartKey.GOAL and heading == DEFAULT_HEADINGS[PartKey.GOAL] and len(paragraphs) == 1
    return TextPart(key, heading, paragraphs, inline)


def _part(roadmap: Roadmap, key: PartKey) -> Part | None:
    heading = layout_heading(roadmap.layout_json, key)
    if key is PartKey.TABLE:
        return TablePart(key, heading)
    if key is PartKey.GOAL:
        return _text_part(key, heading, roadmap.goal)
    if key is PartKey.TASKS:
        return _text_part(key, heading, roadmap.tasks)
    if key is PartKey.BASIS:
        return _text_part(key, heading, roadmap.basis_documents, number=True)
    if key is PartKey.JUSTIFICATION:
        return _text_part(key, heading, roadmap.justification)
    if key is PartKey.PASSPORT:
        rows = tuple((label, text) for label, attr in PASSPORT_FIELDS
                     if (text := (getattr(roadmap, attr) or "").strip()))
        return PassportPart(key, heading, rows) if rows else None
    if key is PartKey.INDICATORS:
        periods = tuple(p for p in (roadmap.indicator_periods or []) if isinstance(p, str))
        rows = tuple((i.name, i.unit, tuple((list(i.values or []) + [""] * len(periods))[:len(periods)]))
                     for i in roadmap.indicators)
        return IndicatorsPart(key, heading, periods, rows) if rows else None
    entries = tuple((o.short_name, o.full_name) for o in used_organisations(roadmap)
                    if (o.full_name or "").strip() and o.full_name.strip() != o.short_name.strip())
    return AbbreviationsPart(key, heading, entries) if entries else None


def roadmap_parts(roadmap: Roadmap) -> list[Part]:
    """The roadmap's parts in the document's order, empty ones left out (the table always in)."""
    return [part for key in layout_order(roadmap.layout_json)
            if (part := _part(roadmap, key)) is not None]


def closing_signature(roadmap: Roadmap) -> ClosingSignature | None:
    position, name = (roadmap.closing_position or "").strip(), (roadmap.closing_name or "").strip()
    return ClosingSignature(position, name) if position or name else None


def schedule_appendix(appendix: RoadmapAppendix, document: str = "дорожной карте"
                      ) -> ScheduleAppendix:
    return ScheduleAppendix(
        document=document,
        title=(appendix.title or "").strip(), number=(appendix.number or "").strip(),
        doc_number=(appendix.doc_number or "").strip(),
        doc_date=appendix.doc_date.strftime("%d.%m.%Y") if appendix.doc_date else "",
        headings=appendix.column_headings, text=lines(appendix.text),
        rows=tuple(ScheduleRow(r.is_group, r.topic or "", r.date_text or "", r.responsible or "")
                   for r in appendix.rows))


def roadmap_appendices(roadmap: Roadmap) -> list[ScheduleAppendix]:
    document = document_noun(roadmap.title)
    return [schedule_appendix(a, document) for a in roadmap.appendices]


#: head nouns of approved documents and the participle agreeing with each
_APPROVED: tuple[tuple[str, str], ...] = (
    ("карт", "УТВЕРЖДЕНА"), ("программ", "УТВЕРЖДЕНА"), ("план", "УТВЕРЖДЕН"),
    ("график", "УТВЕРЖДЕН"), ("состав", "УТВЕРЖДЕН"), ("список", "УТВЕРЖДЕН"),
    ("перечень", "УТВЕРЖДЕН"), ("положени", "УТВЕРЖДЕНО"), ("порядок", "УТВЕРЖДЕН"),
)


def approved_word(title: str) -> str:
    """«УТВЕРЖДЕНА» for a дорожная карта, «УТВЕРЖДЕН» for a план, by the earliest head noun."""
    lower = title.lower()
    found = [(m.start(), word) for stem, word in _APPROVED
             if (m := re.search(rf"\b{stem}", lower)) is not None]
    return min(found)[1] if found else "УТВЕРЖДЕНО"


def document_noun(title: str) -> str:
    """«дорожной карте» / «плану …» for an appendix mark: the dative of the head noun."""
    word = approved_word(title)
    return {"УТВЕРЖДЕН": "плану", "УТВЕРЖДЕНО": "документу"}.get(word, "дорожной карте")



def issuer_genitive(typed: str, short_name: str, full_name: str) -> str:
    """Who issued the order, as it follows «к приказу» / «приказом»: the wording typed for
    the marks as it is, else the profile's short (or full) name with its head in the
    genitive («Управление образования …» → «Управления образования …»; «УО района» stays)."""
    if typed.strip():
        return " ".join(typed.split())
    name = " ".join((short_name.strip() or full_name).split())
    return decline_phrase(name, Case.GENITIVE)
