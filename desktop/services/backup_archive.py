"""A backup as one file: a zip archive (``.dkbak``) with the database, the evidence files
and ``manifest.json`` (no Qt).

The database member is a consistent snapshot made with SQLite's backup API (so a copy
of a live database is never half a transaction); the evidence files are the ones the
snapshot refers to, under the same ``evidence/ab/<sha256>.ext`` names they have beside
the database. The manifest holds the program version, the schema revision, when the
copy was made, the counts a restore shows (roadmaps, items, schools, files) and the
size and SHA-256 of every member, which :mod:`desktop.services.backup_reading` checks.

The archive is written into a temporary file beside the target and renamed into
place: a failure or a cancel leaves no half archive under the target name.

Why ``.dkbak`` and not ``.zip``: the file dialogs can offer exactly the program's copies,
a copy is never mistaken for a district package (``.dkp``, a zip too) or an Excel file,
and yet any archiver opens it in an emergency (it is an ordinary zip).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from desktop import __version__
from desktop.atomic import check_output_path, describe_os_error
from desktop.errors import UserError
from desktop.models.backups import BackupFailed, backup_database
from desktop.models.checklist_files import is_valid_stored_path

ARCHIVE_SUFFIX = ".dkbak"
FORMAT = "dorozhnaya-karta-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = "database.db"
#: the counts a restore shows, and the tables they are read from
COUNTED_TABLES = {"roadmaps": "roadmaps", "items": "items", "schools": "schools"}
_CHUNK = 1 << 20

Progress = Callable[[int, int], bool]


class BackupCancelled(UserError):
    """The user stopped the copy; nothing was written under the target name."""

    def __init__(self) -> None:
        super().__init__("Резервная копия не создана: отменено")


@dataclass(frozen=True)
class ArchiveWritten:
    """What went into an archive: the counts, and the evidence files that were not found."""

    path: Path
    counts: dict[str, int]
    evidence_files: int
    missing: list[str] = field(default_factory=list)  #: original names of files not found
    plain: bool = False  #: the database file alone (``….db``): ``evidence_files`` not in it

    def message(self) -> str:
        """The sentence the window and the command line show after the copy."""
        if self.plain:
            text = f"Резервная копия сохранена: {self.path}. Это только файл базы данных"
            if not self.evidence_files:
                return text + " (файлов подтверждений в базе нет)"
            return text + (f": файлы подтверждений ({self.evidence_files}) в копию .db не "
                           "входят; чтобы они вошли, сохраните копию с расширением .dkbak")
        text = (f"Резервная копия сохранена: {self.path}. В ней база данных (дорожных карт: "
                f"{self.counts['roadmaps']}, мероприятий: {self.counts['items']}, школ: "
                f"{self.counts['schools']}) и файлы подтверждений: {self.evidence_files}")
        if self.missing:
            names = ", ".join(f"«{name}»" for name in self.missing[:5])
            more = f" и ещё {len(self.missing) - 5}" if len(self.missing) > 5 else ""
            text += (f". Не найдены в папке данных и в копию не вошли файлы "
                     f"({len(self.missing)}): {names}{more}")
        return text


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def snapshot_counts(snapshot: Path) -> dict[str, int]:
    """Roadmaps, items and schools in a database file (a table missing counts 0)."""
    counts: dict[str, int] = {}
    with closing(sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        for key, table in COUNTED_TABLES.items():
            try:
                counts[key] = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            except sqlite3.Error:
                counts[key] = 0
    return counts


def evidence_count(snapshot: Path) -> int:
    return len(_evidence_rows(snapshot))


def evidence_present(snapshot: Path, folder: Path) -> int:
    """How many of the evidence files ``snapshot`` refers to lie in ``folder`` (the folder
    of the database a plain copy would replace)."""
    return sum(1 for stored, digest, _name in _evidence_rows(snapshot)
               if is_valid_stored_path(stored, digest) and (folder / stored).is_file())


def _evidence_rows(snapshot: Path) -> list[tuple[str, str, str]]:
    """(stored path, sha256, original name) of every evidence file the snapshot refers to."""
    with closing(sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        try:
            rows = conn.execute(
                "SELECT stored_path, sha256, original_name FROM evidence_files").fetchall()
        except sqlite3.Error:
            return []
    return [(str(p or ""), str(s or ""), str(n or "")) for p, s, n in rows]


def _schema_revision(snapshot: Path) -> str | None:
    with closing(sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            return None
    return row[0] if row else None


def archive_target(target: Path) -> Path:
    """The name a copy is written under: ``копия`` becomes ``копия.dkbak``."""
    target = Path(target).expanduser()
    return target if target.suffix else target.with_name(target.name + ARCHIVE_SUFFIX)


def write_archive(db_path: Path, target: Path, *, progress: Progress | None = None) -> ArchiveWritten:
    """Write the archive of the database at ``db_path`` (and its evidence) to ``target``."""
    db_path, target = Path(db_path), Path(target)
    check_output_path(target)
    with tempfile.TemporaryDirectory(prefix="dkbak-") as work:
        snapshot = backup_database(db_path, Path(work) / DATABASE_MEMBER)
        counts = snapshot_counts(snapshot)
        revision = _schema_revision(snapshot)
        members: dict[str, Path] = {DATABASE_MEMBER: snapshot}
        missing: list[str] = []
        for stored, digest, original in _evidence_rows(snapshot):
            source = db_path.parent / stored
            if not is_valid_stored_path(stored, digest) or not source.is_file():
                missing.append(original or stored)
                continue
            members[stored] = source
        counts["evidence_files"] = len(members) - 1
        _write_zip(target, members, counts, revision, missing, progress)
    return ArchiveWritten(target, counts, len(members) - 1, missing)


def _write_zip(target: Path, members: dict[str, Path], counts: dict[str, int],
               revision: str | None, missing: list[str], progress: Progress | None) -> None:
    total = sum(p.stat().st_size for p in members.values()) or 1
    done = 0
    listed: dict[str, dict[str, object]] = {}
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise BackupFailed(describe_os_error(exc, target)) from exc
    tmp = Path(tmp_name)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            for name, source in members.items():
                digest = hashlib.sha256()
                size = 0
                with open(source, "rb") as src, zf.open(name, "w", force_zip64=True) as dst:
                    for block in iter(lambda: src.read(_CHUNK), b""):
                        digest.update(block)
                        dst.write(block)
                        size += len(block)
                        done += len(block)
                        if progress is not None and progress(done, total) is False:
                            raise BackupCancelled()
                listed[name] = {"size": size, "sha256": digest.hexdigest()}
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "program_version": __version__,
                "schema_revision": revision,
                "created_at": dt.datetime.now().isoformat(timespec="seconds"),
                "counts": counts,
                "missing_evidence": missing,
                "members": listed,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise BackupFailed(f"Резервная копия не создана: {describe_os_error(exc, target)}") from exc
    finally:
        tmp.unlink(missing_ok=True)
