"""Opening untrusted Office files safely: what the file is, and its zip members within limits.

Memory bound: a file is refused before parsing when it is larger than
:data:`MAX_FILE_BYTES` (50 MB), when any member it will read declares or
actually inflates to more than :data:`MAX_MEMBER_BYTES` (64 MB), or when the
members read together inflate past :data:`MAX_TOTAL_BYTES` (128 MB). Members
are inflated in chunks and the count stops at the limit, so a zip bomb whose
headers lie costs at most one chunk past the limit. XML with a DOCTYPE is
refused (no entity expansion can happen: lxml parses with
``resolve_entities=False`` and no network). The parsed trees of a document
within these limits take a few times the inflated size.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from desktop.errors import UserError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 128 * 1024 * 1024
MAX_MEMBERS = 5000
_CHUNK = 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
RTF_MAGIC = b"{\\rtf"

_DOCTYPE = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, remove_comments=True)


def sniff(path: Path) -> str:
    """«zip», «ole», «rtf» or «other», from the first bytes."""
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head == OLE_MAGIC:
        return "ole"
    if head.startswith(RTF_MAGIC):
        return "rtf"
    return "other"


def check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(f"Файл слишком большой ({size // (1024 * 1024)} МБ): "
                        f"допускается до {MAX_FILE_BYTES // (1024 * 1024)} МБ.")
    if size == 0:
        raise UserError("Файл пуст.")


class SafeZip:
    """A zip archive read member by member within the limits above."""

    def __init__(self, path: Path) -> None:
        check_size(path)
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
            raise UserError("Файл повреждён или обрезан: это не читаемый архив Office "
                            "(попробуйте открыть и пересохранить его в Word или Excel).") from exc
        if len(infos) > MAX_MEMBERS:
            raise UserError("В файле слишком много частей: он не похож на документ Office.")
        self._infos = {i.filename: i for i in infos}
        declared = 0
        for info in infos:
            if info.file_size > MAX_MEMBER_BYTES:
                raise _bomb()
            declared += info.file_size
        if declared > MAX_TOTAL_BYTES:
            raise _bomb()
        self._read_total = 0

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The member inflated, counting real bytes against the limits."""
        info = self._infos.get(name)
        if info is None:
            raise KeyError(name)
        parts: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > MAX_MEMBER_BYTES or self._read_total > MAX_TOTAL_BYTES:
                        raise _bomb()
                    parts.append(chunk)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
                NotImplementedError) as exc:
            raise UserError("Файл повреждён или обрезан: часть документа не читается "
                            f"({name}).") from exc
        return b"".join(parts)

    def xml(self, name: str) -> etree._Element:
        return parse_xml(self.read(name), name)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _bomb() -> UserError:
    return UserError("Файл отклонён: после распаковки он занимает слишком много места "
                     f"(больше {MAX_TOTAL_BYTES // (1024 * 1024)} МБ) — похоже на «zip-бомбу».")


def parse_xml(data: bytes, name: str = "") -> etree._Element:
    """Parse one XML part; any DOCTYPE is refused (entity bombs, external entities).

    Entities are never resolved and nothing is fetched while parsing; a DOCTYPE in the
    prolog is then found on the parsed tree (cheaper than scanning the bytes)."""
    if _DOCTYPE.search(data, 0, 2048):
        raise _doctype()
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        if _DOCTYPE.search(data):
            raise _doctype() from exc
        raise UserError(f"Файл повреждён: XML части {name or 'документа'} не читается.") from exc
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise _doctype()
    return root


def _doctype() -> UserError:
    return UserError("Файл отклонён: в его XML есть объявление DOCTYPE, "
                     "которого не бывает в документах Office.")
