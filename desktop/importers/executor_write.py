"""Executors of an import as directory links: the directory's names for the merge plan,
what the preview says the import adds, and an item's executors written from a cell.

A cell's names (:func:`desktop.importers.executor_plan.split_cell`, cleaned) become what
the accepted merges say; a name whose :func:`desktop.models.executor_match.match_key`
matches an organisation (short or full name) is linked to it and printed by its short
name; a bare person's name («Хняч И.Н.») is linked to the person, while «name – position»
stays text so that it prints as the document had it. Two spellings of one executor in one
cell become one executor.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.importers.executor_plan import DirectoryName, split_cell
from desktop.importers.preview import ImportPreview
from desktop.models import ItemExecutor, Organisation, Person
from desktop.models.executor_match import Key, clean_name, match_key, person_parts

NEW = "(новая запись)"


def directory_names(session: Session, extra_orgs: dict[str, str]) -> list[DirectoryName]:
    """The directory's organisations and people, and the organisations the import adds."""
    found = [DirectoryName("organisation", o.id, o.short_name, (o.short_name, o.full_name))
             for o in session.scalars(select(Organisation))]
    found += [DirectoryName("organisation", None, short, (short, full))
              for short, full in extra_orgs.items()]
    found += [DirectoryName("person", p.id, p.short_name, (p.name, p.short_name))
              for p in session.scalars(select(Person))]
    return found


def describe_new(preview: ImportPreview) -> None:
    """Merges whose name the import adds to the directory say so."""
    new = {match_key(name): f"человек «{name}» {NEW}" for name, _ in preview.people}
    new.update({match_key(short): f"организация «{short}» {NEW}"
                for short, _ in preview.organisations})
    for group in preview.executor_groups:
        if not group.directory or group.directory.endswith(NEW):
            group.directory = new.get(match_key(group.name), "")


def directory_links(orgs: Iterable[Organisation], people: Iterable[Person]
                    ) -> dict[Key, Organisation | Person]:
    """The directory by :func:`match_key` of every name of its entries."""
    links: dict[Key, Organisation | Person] = {}
    for org in orgs:
        for name in (org.short_name, org.full_name):
            if name and name.strip():
                links.setdefault(match_key(name), org)
    for person in people:
        for name in (person.name, person.short_name):
            links.setdefault(match_key(name), person)
    return links


def item_executors(cell: str, links: dict[Key, Organisation | Person],
                   final: dict[str, str]) -> list[ItemExecutor]:
    """An item's executors from its cell (see the module)."""
    executors: list[ItemExecutor] = []
    seen: set[Key] = set()
    for text in split_cell(cell):
        name = clean_name(text)
        name = final.get(name, name)
        key = match_key(name)
        if not name or key in seen:
            continue
        seen.add(key)
        target = links.get(key)
        pos = len(executors)
        if isinstance(target, Organisation):
            executors.append(ItemExecutor(position=pos, organisation=target,
                                          text=target.short_name))
        elif isinstance(target, Person) and not _position(name):
            executors.append(ItemExecutor(position=pos, person=target, text=name))
        else:
            executors.append(ItemExecutor(position=pos, text=name))
    return executors


def _position(name: str) -> str:
    parts = person_parts(name)
    return parts[2] if parts else ""
