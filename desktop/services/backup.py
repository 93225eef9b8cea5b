"""Backup and restore as the window and the command line use them (no Qt).

* :func:`backup_to` — a copy at a place the user chose (a USB stick): one ``.dkbak``
  archive with the database and its evidence files (:mod:`desktop.services.backup_archive`),
  or, when the name ends in ``.db``, the database file alone;
  for a database on a PostgreSQL server, a ``pg_dump`` archive (:func:`backup_server_to`);
* :func:`copies` — the copies in ``backups/`` with their dates and item counts;
* :func:`restore` — a copy (an archive or an old plain ``.db``) put in place of the
  database; the current database and evidence are kept first as an archive in ``backups/``.

The automatic daily and monthly copies stay plain ``.db`` files: they lie beside the
evidence folder they refer to, whose files are named by their content and never deleted
or changed, so a plain copy restores whole; putting every evidence file into 26 kept
copies would multiply the disk space for nothing. The copy a user takes away (a USB
stick) and the copy kept before a restore are archives.

The engine-level work (the backup API, quick_check, pruning) is in
:mod:`desktop.models.backups`; this module adds the checks a user-chosen path needs.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.atomic import check_output_path
from desktop.errors import UserError
from desktop.models.backups import CopyInfo, backup_database, list_copies, restore_copy
from desktop.models.database import (
    DatabaseLocked,
    check_existing_file,
    known_revisions,
    stored_revision,
)
from desktop.services.backup_archive import ArchiveWritten, archive_target, write_archive
from desktop.services.backup_reading import StagedCopy, stage_copy


def backup_to(db_path: Path, target: Path, *, progress=None) -> Path:
    """Copy the database at ``db_path`` to ``target``: a ``.dkbak`` archive with the evidence
    files (a name without a suffix gets ``.dkbak``), or the database alone for ``….db``."""
    return backup_with_report(db_path, target, progress=progress).path


def backup_with_report(db_path: Path, target: Path, *, progress=None) -> ArchiveWritten:
    """:func:`backup_to`, returning what went into the copy (for the message shown after)."""
    target = Path(target).expanduser()
    check_output_path(target)  # a folder or a device is refused as named, not as «….dkbak»
    if not target.exists():
        target = archive_target(target)
        check_output_path(target)
    if target.exists() and target.resolve() == Path(db_path).resolve():
        raise UserError(f"Копию нельзя записать поверх самой базы данных: {target}")
    if not Path(db_path).is_file() or Path(db_path).stat().st_size == 0:
        raise UserError(f"База данных не найдена или пуста: {db_path}")
    if target.suffix.lower() == ".db":
        from desktop.services.backup_archive import evidence_count, snapshot_counts

        written = backup_database(Path(db_path), target)
        return ArchiveWritten(written, snapshot_counts(written), evidence_count(written),
                              plain=True)
    return write_archive(Path(db_path), target, progress=progress)


def backup_server_to(url: str, target: Path) -> Path:
    """``pg_dump`` of the server's database at ``url`` to ``target`` (``pg_restore`` reads it);
    without pg_dump, a Russian message that backing up the server is its administrator's job."""
    from desktop.models import pg

    target = Path(target).expanduser()
    check_output_path(target)
    return pg.pg_dump(pg.parse_url(url), target)


def server_evidence_note(url: str) -> str:
    """pg_dump copies the server's tables only: where the evidence files attached on this
    computer are, so that the user copies that folder too."""
    from desktop.models import pg
    from desktop.models.pg_url import local_path
    from desktop.services.evidence import evidence_dir

    folder = evidence_dir(local_path(pg.parse_url(url)))
    return (f"Файлы подтверждений в копию pg_dump не входят: они хранятся на этом компьютере "
            f"в папке {folder}; скопируйте её вместе с копией")


def server_backup_missing(url: str) -> str | None:
    """Why no copy of the server's database can be made here (no ``pg_dump``), or None."""
    from desktop.models import pg

    return pg.pg_dump_missing(pg.parse_url(url))


def server_restore_refusal(url: str) -> str:
    """Why the window and the command line do not restore a database on a server, and the
    ``pg_restore`` command its administrator runs instead."""
    from desktop.models import pg

    return ("Базу данных на сервере PostgreSQL восстанавливает администратор сервера из копии "
            f"pg_dump (окно: Файл → «Резервная копия…», или команда backup), например: "
            f"{pg.restore_command(pg.parse_url(url))}. Программа базу на сервере не заменяет; "
            "ничего не изменено")


def copies(db_path: Path) -> list[CopyInfo]:
    """The copies in the database's ``backups/`` folder, newest first."""
    return list_copies(Path(db_path))


def staging_folder(db_path: Path) -> Path:
    """Where a copy is unpacked before it is restored: beside the database (the same disk,
    so the evidence files are put in place by renaming)."""
    return Path(db_path).parent


def read_copy(db_path: Path, copy: Path) -> StagedCopy:
    """Check a copy completely (checksums, soundness, version) and unpack it for
    :func:`restore_staged`; its :attr:`~StagedCopy.summary` says what it holds."""
    copy = Path(copy).expanduser()
    db_path = Path(db_path)
    if copy.exists() and copy.resolve() == db_path.resolve():
        raise UserError(f"Копия и база данных — один и тот же файл: {copy}")
    if not db_path.exists() and not db_path.parent.is_dir():
        raise UserError(f"Папка базы данных не существует: {db_path.parent}")
    staged = stage_copy(copy, staging_folder(db_path))
    try:
        check_copy_revision(staged.database, shown_as=copy)
        if not staged.summary.is_archive and staged.summary.evidence_referenced:
            from dataclasses import replace

            from desktop.services.backup_archive import evidence_present

            staged.summary = replace(staged.summary, evidence_beside=evidence_present(
                staged.database, db_path.parent))
    except BaseException:
        staged.discard()
        raise
    return staged


def restore(db_path: Path, copy: Path, *, damaged: bool = False) -> Path | None:
    """Put ``copy`` (an archive or a plain ``.db``) in place of the database; returns where
    the replaced state was kept."""
    with read_copy(db_path, copy) as staged:
        return restore_staged(db_path, staged, damaged=damaged)


def restore_staged(db_path: Path, staged: StagedCopy, *, damaged: bool = False) -> Path | None:
    """Put a checked copy in place. The current database and evidence are kept first as an
    archive in ``backups/`` (a damaged file is moved aside instead); then the evidence files
    are added, and the database replaced in one SQLite transaction. If that fails, the
    evidence files added are taken back: nothing is left half-replaced."""
    from desktop.services.backup_restore import put_evidence_in_place, take_back

    db_path = Path(db_path)
    damaged = damaged or is_damaged(db_path)
    kept: Path | None = None
    if not damaged and db_path.exists() and db_path.stat().st_size > 0:
        kept = keep_current_state(db_path)
    placed = put_evidence_in_place(db_path, staged.evidence)
    try:
        aside = restore_copy(db_path, staged.database, damaged=damaged, keep_copy=False)
    except BaseException:
        take_back(placed)
        raise
    placed.commit()
    return kept or aside


def current_counts(db_path: Path) -> dict[str, int] | None:
    """Roadmaps, items, schools and evidence files of the database now (None if unreadable),
    shown beside a copy's before a restore."""
    from desktop.services.backup_archive import evidence_count, snapshot_counts

    try:
        return {**snapshot_counts(Path(db_path)), "evidence_files": evidence_count(Path(db_path))}
    except sqlite3.Error:
        return None


def keep_current_state(db_path: Path) -> Path:
    """The database and its evidence as an archive in ``backups/``, before a restore."""
    import datetime as dt

    from desktop.paths import backups_dir

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir(db_path) / f"{db_path.stem}-before-restore-{stamp}.dkbak"
    return write_archive(db_path, target).path


def check_copy_revision(copy: Path, *, shown_as: Path | None = None) -> None:
    """Refuse, before anything is replaced, a copy made by a newer version of the program:
    this version could not open the restored file. A copy from an older version is fine:
    the file is brought up to date when it is next opened."""
    if not copy.is_file():
        return  # restore_copy says the copy is missing
    try:
        revision, _ = stored_revision(copy)
    except sqlite3.Error:
        return  # restore_copy says the copy is no sound database
    if revision is not None and revision not in known_revisions():
        raise UserError(f"Копия сделана более новой версией программы (версия схемы {revision}) "
                        f"и этой версией не открывается: {shown_as or copy}. Обновите программу и "
                        "восстановите копию снова; база данных не изменена")


def is_damaged(db_path: Path) -> bool:
    """The file exists but is no sound database (a locked one raises :class:`DatabaseLocked`)."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    try:
        check_existing_file(db_path, allow_read_only=True)
    except DatabaseLocked:
        raise
    except UserError:
        return True
    return False
