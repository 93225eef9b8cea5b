"""What a file handed to the import is: one decision for the window (File → Import, a dropped
file, a file given at start) and the command line (``import FILE``).

A district's exchange package (``.dkp``, or a zip whose first member is a package manifest),
a school's filled-in checklist form (an .xlsx with the form's hidden sheet), or else a
roadmap in Word or Excel, which the roadmap import reads or refuses with its own message.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


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
