"""Find and filter in the roadmap editor (no Qt): which nodes of the tree stay visible.

An item stays when it matches every criterion, or when one of its children
does (its parents are kept so that the match is seen in place); a section
stays when one of its items does. Filtering rewrites each node's ``visible``
list in one pass over plain strings: about a millisecond per thousand rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from desktop.models.enums import ItemStatus, SchoolScope
from desktop.ui.editor.rows import Node, SchoolInfo

_CLOSED = (ItemStatus.DONE, ItemStatus.CANCELLED)


@dataclass(frozen=True)
class FilterSpec:
    text: str = ""
    section_id: int | None = None
    executor: str = ""
    status: ItemStatus | None = None
    overdue: bool = False
    #: «срок в ближайшие N дней»
    due_within: int | None = None
    school_id: int | None = None

    def active(self) -> bool:
        return self != FilterSpec()


def item_matcher(spec: FilterSpec, today: dt.date,
                 schools: dict[int, SchoolInfo]) -> Callable[[Node], bool]:
    """A predicate for item nodes (the section criterion is applied by :func:`apply_filter`)."""
    text = spec.text.strip().casefold()
    executor = spec.executor.strip().casefold()
    school = schools.get(spec.school_id) if spec.school_id is not None else None
    horizon = today + dt.timedelta(days=spec.due_within) if spec.due_within is not None else None

    def matches(node: Node) -> bool:
        if text and text not in node.haystack:
            return False
        if executor and executor not in node.executors.casefold():
            return False
        if spec.status is not None and node.status is not spec.status:
            return False
        if spec.overdue and not node.overdue:
            return False
        if horizon is not None and not _due_soon(node, today, horizon):
            return False
        return not (spec.school_id is not None and not _concerns(node, spec.school_id, school))

    return matches


def _due_soon(node: Node, today: dt.date, horizon: dt.date) -> bool:
    if node.status in _CLOSED or node.deadline is None:
        return False
    upcoming = node.deadline.next_occurrence(today)
    return upcoming is not None and upcoming[1] <= horizon


def _concerns(node: Node, school_id: int, school: SchoolInfo | None) -> bool:
    scope = node.school_scope
    if scope is SchoolScope.CHOSEN:
        return school_id in node.school_ids
    if scope is SchoolScope.ALL_500:
        return school is not None and school.in_500
    if scope is SchoolScope.ALL_SHNOR:
        return school is not None and school.shnor
    return False


def apply_filter(root: Node, spec: FilterSpec, today: dt.date,
                 schools: dict[int, SchoolInfo]) -> int:
    """Set ``visible`` and ``vrow`` on every node; returns how many items match."""
    if not spec.active():
        _show_all(root)
        return sum(1 for n in root.walk() if n.kind == "item")
    matches = item_matcher(spec, today, schools)
    count = 0

    def visit(node: Node) -> bool:
        nonlocal count
        shown = [child for child in node.children if visit(child)]
        for row, child in enumerate(shown):
            child.vrow = row
        node.visible = shown
        hit = matches(node)
        count += hit
        return hit or bool(shown)

    kept = []
    for section in root.children:
        if spec.section_id is not None and section.id != spec.section_id:
            section.visible = []
            continue
        shown = [child for child in section.children if visit(child)]
        for row, child in enumerate(shown):
            child.vrow = row
        section.visible = shown
        if shown:
            kept.append(section)
    for row, section in enumerate(kept):
        section.vrow = row
    root.visible = kept
    return count


def _show_all(node: Node) -> None:
    node.visible = node.children
    for row, child in enumerate(node.children):
        child.vrow = row
        _show_all(child)
