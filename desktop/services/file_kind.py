"""What a file handed to the import is: one decision for the window (File → Import, a dropped
file, a file given at start) and the command line (``import FILE``).

A district's exchange package (``.dkp``, or a zip whose first member is a package manifest),
a school's filled-in checklist form (an .xlsx with the form's hidden sheet), or else a
roadmap in Word or Excel, which the roadmap import reads or refuses with its own message.
:data:`IMPORTED` names them for the open dialog (:func:`import_filter`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from desktop.window_args import PACKAGE_SUFFIXES, ROADMAP_SUFFIXES


class FileKind(StrEnum):
    PACKAGE = "package"
    SCHOOL_FORM = "school_form"
    ROADMAP = "roadmap"


def file_kind(path: Path) -> FileKind:
    """The kind of ``path``, by its content where the name does not say."""
    from desktop.importers.package import is_package
    from desktop.services.school_forms import is_school_form

    if is_package(path):
        return FileKind.PACKAGE
    if is_school_form(path):
        return FileKind.SCHOOL_FORM
    return FileKind.ROADMAP


@dataclass(frozen=True)
class KindFiles:
    """How the open dialog names a kind of file, and the file names it shows for it."""

    kind: FileKind
    label: str
    suffixes: tuple[str, ...]


#: every kind File → Import takes, in the order the open dialog lists them
IMPORTED = (
    KindFiles(FileKind.ROADMAP, "Дорожные карты Word, Excel, LibreOffice", ROADMAP_SUFFIXES),
    KindFiles(FileKind.SCHOOL_FORM, "Заполненные формы школ (Excel)", (".xlsx",)),
    KindFiles(FileKind.PACKAGE, "Пакеты районов", PACKAGE_SUFFIXES),
)


def import_suffixes() -> tuple[str, ...]:
    """Every file name ending File → Import takes (each once)."""
    return tuple(dict.fromkeys(s for entry in IMPORTED for s in entry.suffixes))


def import_filter() -> str:
    """The open dialog's filter: everything importable first, then each kind alone."""
    def patterns(suffixes: tuple[str, ...]) -> str:
        return " ".join(f"*{suffix}" for suffix in suffixes)

    lines = [f"Всё, что можно импортировать ({patterns(import_suffixes())})"]
    lines += [f"{entry.label} ({patterns(entry.suffixes)})" for entry in IMPORTED]
    return ";;".join(lines)
