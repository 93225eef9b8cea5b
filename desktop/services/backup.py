"""Backup and restore as the window and the command line use them (no Qt).

* :func:`backup_to` — a copy of the database at a place the user chose (a USB stick);
  for a database on a PostgreSQL server, a ``pg_dump`` archive (:func:`backup_server_to`);
* :func:`copies` — the copies in ``backups/`` with their dates and item counts;
* :func:`restore` — a copy put in place of the database, the current file kept first.

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


def backup_to(db_path: Path, target: Path) -> Path:
    """Copy the database at ``db_path`` to ``target`` (a regular file or a new name)."""
    target = Path(target).expanduser()
    check_output_path(target)
    if target.exists() and target.resolve() == Path(db_path).resolve():
        raise UserError(f"Копию нельзя записать поверх самой базы данных: {target}")
    if not Path(db_path).is_file() or Path(db_path).stat().st_size == 0:
        raise UserError(f"База данных не найдена или пуста: {db_path}")
    return backup_database(Path(db_path), target)


def backup_server_to(url: str, target: Path) -> Path:
    """``pg_dump`` of the server's database at ``url`` to ``target`` (``pg_restore`` reads it);
    without pg_dump, a Russian message that backing up the server is its administrator's job."""
    from desktop.models import pg

    target = Path(target).expanduser()
    check_output_path(target)
    return pg.pg_dump(pg.parse_url(url), target)


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


def restore(db_path: Path, copy: Path, *, damaged: bool = False) -> Path | None:
    """Put ``copy`` in place of the database; returns where the replaced file was kept."""
    copy = Path(copy).expanduser()
    db_path = Path(db_path)
    if copy.resolve() == db_path.resolve():
        raise UserError(f"Копия и база данных — один и тот же файл: {copy}")
    if not db_path.exists() and not db_path.parent.is_dir():
        raise UserError(f"Папка базы данных не существует: {db_path.parent}")
    check_copy_revision(copy)
    return restore_copy(db_path, copy, damaged=damaged or is_damaged(db_path))


def check_copy_revision(copy: Path) -> None:
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
                        f"и этой версией не открывается: {copy}. Обновите программу и "
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
