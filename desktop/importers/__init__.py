"""Importers: files → a preview → models in one transaction. Pure: no Qt.

:func:`read_file` is the one entry: it recognises what a file is (by its
bytes, not only its name) and hands it to the right reader. School forms and
the region's exchange packages (later) join here as more kinds.

Memory bound: see :mod:`desktop.importers.safe_zip` — files over 50 MB, zip
members inflating past 64 MB or 128 MB together, and any XML with a DOCTYPE
are refused before parsing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop.errors import UserError
from desktop.importers.preview import ImportPreview
from desktop.importers.safe_zip import SafeZip, check_size, sniff

Progress = Callable[[int, int], bool]

WORD_TYPES = {".doc", ".odt", ".rtf"}
SHEET_TYPES = {".xls", ".ods"}
NOT_OFFICE = ("Файл «{name}» не импортируется: импортируются дорожные карты Word и Excel "
              "(.docx, .doc, .odt, .rtf, .xlsx, .xls, .ods), пакеты районов (.dkp) и "
              "заполненные формы школ (.xlsx).")


class ImportCancelledError(Exception):
    """The user cancelled reading the file."""


def _ole_kind(path: Path) -> str:
    """«encrypted» for a password-protected Office file, «xls» or «doc» otherwise."""
    with path.open("rb") as fh:
        head = fh.read(min(path.stat().st_size, 4 * 1024 * 1024))
    if "EncryptedPackage".encode("utf-16-le") in head or \
            "EncryptionInfo".encode("utf-16-le") in head:
        return "encrypted"
    if "WordDocument".encode("utf-16-le") in head:
        return "doc"
    if "Workbook".encode("utf-16-le") in head or "Book\x00".encode("utf-16-le") in head:
        return "xls"
    return "unknown"


def _zip_kind(path: Path) -> str:
    with SafeZip(path) as zf:
        names = set(zf.names())
        if "word/document.xml" in names:
            content = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            if b"macroEnabled" in content or "word/vbaProject.bin" in names:
                return "docm"
            return "docx"
        if "xl/workbook.xml" in names:
            content = zf.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            return "xlsm" if b"macroEnabled" in content or "xl/vbaProject.bin" in names else "xlsx"
        if "mimetype" in names:
            mime = zf.read("mimetype")[:100]
            if b"opendocument.text" in mime:
                return "odt"
            if b"opendocument.spreadsheet" in mime:
                return "ods"
    return "other"


def detect(path: Path) -> str:
    """What the file is: docx, docm, xlsx, xlsm, doc, xls, odt, ods, rtf, encrypted, other."""
    check_size(path)
    magic = sniff(path)
    if magic == "zip":
        return _zip_kind(path)
    if magic == "ole":
        kind = _ole_kind(path)
        if kind == "unknown":
            return "doc" if path.suffix.lower() == ".doc" else \
                "xls" if path.suffix.lower() == ".xls" else "other"
        return kind
    if magic == "rtf":
        return "rtf"
    return "other"


def read_file(path: Path | str, *, sheet: str | None = None,
              progress: Progress | None = None) -> ImportPreview:
    """Read a roadmap from ``path`` into a preview. Bad input raises :class:`UserError`
    with a Russian message; nothing is written anywhere."""
    from desktop.importers.analyse import analyse
    from desktop.importers.convert import convert

    path = Path(path)
    if not path.is_file():
        raise UserError(f"Файл «{path}» не найден.")
    kind = detect(path)
    if kind == "encrypted":
        raise UserError(f"Файл «{path.name}» защищён паролем: снимите пароль в Word или Excel "
                        "(Файл → Сведения → Защита) и повторите импорт.")
    if kind in ("docm", "xlsm"):
        raise UserError(f"Файл «{path.name}» содержит макросы (.{kind}) и не импортируется: "
                        f"сохраните его как обычный {'.docx' if kind == 'docm' else '.xlsx'}.")
    if kind == "other":
        raise UserError(NOT_OFFICE.format(name=path.name))
    _step(progress, 1)
    if kind in ("doc", "odt", "rtf", "xls", "ods"):
        target = "docx" if kind in ("doc", "odt", "rtf") else "xlsx"
        with tempfile.TemporaryDirectory(prefix="dk-import-") as tmp:
            _step(progress, 2)
            converted = convert(path, target, Path(tmp))
            blocks, sheets, chosen, read_warnings = _read_blocks(converted, target, sheet)
        kind = target
    else:
        _step(progress, 2)
        blocks, sheets, chosen, read_warnings = _read_blocks(path, kind, sheet)
    _step(progress, 3)
    fallback = chosen if chosen and not chosen.lower().startswith(("sheet", "лист")) else path.stem
    preview = analyse(blocks, source=str(path), kind=kind, fallback_title=fallback)
    preview.sheets, preview.sheet = sheets, chosen
    preview.warnings[:0] = read_warnings
    _step(progress, 4)
    return preview


def _read_blocks(path: Path, kind: str, sheet: str | None
                 ) -> tuple[list, list[str], str, list[str]]:
    """The document's blocks, its roadmap sheets, the chosen one, and what reading it found
    wrong (warnings shown in the preview)."""
    from desktop.importers.docx_walk import docx_blocks
    from desktop.importers.xlsx_reader import xlsx_blocks

    if kind == "docx":
        with SafeZip(path) as zf:
            return docx_blocks(zf), [], "", []
    return xlsx_blocks(path, sheet)


def _step(progress: Progress | None, done: int) -> None:
    if progress is not None and not progress(done, 4):
        raise ImportCancelledError


__all__ = ["ImportCancelledError", "ImportPreview", "detect", "read_file"]
