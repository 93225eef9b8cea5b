"""Evidence files: copied into the data folder (``evidence/`` next to the database), named
by their content's SHA-256, the original name kept in the database.

A file is never referenced where it was picked (a USB stick will be gone); the same
content is stored once however many cells point to it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import UserError
from desktop.models import EvidenceFile
from desktop.models.checklist_files import EVIDENCE_DIR, is_valid_stored_path, stored_name

#: larger files are refused: evidence is orders and minutes, not videos
MAX_BYTES = 200 * 1024 * 1024


def evidence_dir(db_path: Path) -> Path:
    return Path(db_path).parent / EVIDENCE_DIR


def _inside(db_path: Path, relative: str) -> Path:
    """The absolute path of a stored copy, refused if a link leads it out of ``evidence/``."""
    target = Path(db_path).parent / relative
    root = evidence_dir(db_path).resolve()
    if target.exists() and not target.resolve().is_relative_to(root):
        raise UserError(f"Копия файла ведёт за пределы папки данных (ссылка): {target}")
    return target


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def store_file(session: Session, db_path: Path, source: Path) -> EvidenceFile:
    """Copy ``source`` into the data folder (once per content) and return its record."""
    source = Path(source)
    try:
        size = source.stat().st_size
        if not source.is_file():
            raise UserError(f"«{source.name}» — не файл")
        if size > MAX_BYTES:
            raise UserError(f"Файл «{source.name}» больше {MAX_BYTES // 2**20} МБ")
        digest = _digest(source)
    except OSError as exc:
        raise UserError(f"Не удалось прочитать файл «{source.name}» ({exc.strerror})") from exc
    found = session.scalar(select(EvidenceFile).where(EvidenceFile.sha256 == digest))
    relative = stored_name(digest, source.name)
    if found is not None:
        if not is_valid_stored_path(found.stored_path, digest):
            found.stored_path = stored_name(digest, found.original_name)  # never trusted
        relative = found.stored_path
    target = _inside(db_path, relative)
    if not target.exists():
        _copy(source, target)
    if found is not None:
        return found
    record = EvidenceFile(sha256=digest, original_name=source.name, stored_path=relative,
                          size=size)
    session.add(record)
    session.flush()
    return record


def _copy(source: Path, target: Path) -> None:
    """Copy through a temporary file in the target folder, so a half copy never has the name."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        os.close(fd)
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise UserError(f"Не удалось скопировать файл в папку данных ({exc.strerror})") from exc


def file_path(db_path: Path, record: EvidenceFile) -> Path:
    """Where the stored copy of ``record`` is; a stored path outside the layout is refused."""
    if not is_valid_stored_path(record.stored_path, record.sha256):
        raise UserError(f"Запись о файле «{record.original_name}» повреждена (путь хранения "
                        f"«{record.stored_path}» вне папки подтверждений); файл не открыт")
    return _inside(db_path, record.stored_path)


def open_path(session: Session, db_path: Path, file_id: int) -> Path:
    """The stored copy of file ``file_id``; a clear message when it has gone missing."""
    record = session.get(EvidenceFile, file_id)
    if record is None:
        raise UserError("Файл не найден в базе данных")
    path = file_path(db_path, record)
    if not path.exists():
        raise UserError(f"Копия файла «{record.original_name}» пропала из папки данных: {path}")
    return path
