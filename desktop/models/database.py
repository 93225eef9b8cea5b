"""Opening the database safely: checks, backups, Alembic migrations, reference data.

Rules: a damaged or foreign file is refused with a Russian message and left
untouched (a damaged one names the newest sound copy, see
:class:`DamagedDatabase`); a file locked by another program is its own message
and never called damaged; a zero-byte file becomes a database only when the
caller creates one; a file on read-only media may be opened read-only; a file
written by a newer version of the app is refused, never altered; before an
existing file is upgraded it is backed up with SQLite's backup API. Damaged
values in a sound file are found and listed (:mod:`desktop.models.damage`),
parent cycles among items are broken and reported.

A PostgreSQL URL instead of a path opens a database on a server
(:mod:`desktop.models.pg`): none of the file's checks apply there. Either way the
caller gets a :class:`~desktop.models.handle.Database` (re-exported here).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.errors import UserError
from desktop.models import pg
from desktop.models import stand_ins as _stand_ins  # noqa: F401 (loads fill in stand-ins)
from desktop.models.backups import (
    DAILY_BACKUPS_KEPT,
    BackupFailed,
    CopyInfo,
    DatabaseLocked,
    backup_database,
    daily_backup,
    newest_sound_copy,
    quick_check,
    scheduled_backups,
)
from desktop.models.base import make_engine, make_session_factory
from desktop.models.damage import break_parent_cycles, scan_damaged_values
from desktop.models.handle import ConcurrentEdit, Database
from desktop.models.revision import SCHEMA_HEAD, alembic_config, head_revision, known_revisions
from desktop.models.schools import seed_risk_factors
from desktop.paths import backups_dir, on_read_only_media, program_name, read_only_uri

__all__ = [
    "DAILY_BACKUPS_KEPT",
    "SCHEMA_HEAD",
    "BackupFailed",
    "ConcurrentEdit",
    "DamagedDatabase",
    "Database",
    "DatabaseLocked",
    "backup_database",
    "daily_backup",
    "open_database",
    "scheduled_backups",
]

SQLITE_HEADER = b"SQLite format 3\x00"


class DamagedDatabase(UserError):
    """The file fails SQLite's checks; ``newest_copy`` is the copy to restore (if any)."""

    def __init__(self, path: Path, newest_copy: CopyInfo | None, detail: str = "") -> None:
        self.path = path
        self.newest_copy = newest_copy
        what = f"База данных повреждена{f' ({detail})' if detail else ''}: {path}. "
        if newest_copy is not None:
            advice = (f"Последняя исправная резервная копия — от {newest_copy.label} "
                      f"(мероприятий: {newest_copy.items}): {newest_copy.path}. "
                      f"Восстановите её в окне программы или командой "
                      f"«{program_name()} restore --db \"{path}\" \"{newest_copy.path}\"»")
        else:
            advice = f"Исправных резервных копий в папке {backups_dir(path)} не найдено"
        super().__init__(what + advice + "; повреждённый файл не изменён")


def _is_locked(exc: BaseException) -> bool:
    text_ = str(exc).lower()
    return "database is locked" in text_ or "database table is locked" in text_ \
        or "busy" in text_


def _fail(path: Path, what: str) -> UserError:
    return UserError(f"{what}: {path}")


def is_writable(path: Path) -> bool:
    """The file and its folder can be written (WAL needs its ``-wal``/``-shm`` beside it)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def check_existing_file(path: Path, *, create: bool = False, allow_read_only: bool = False) -> bool:
    """Refuse a file that is not ours to open; read only, never write.

    Returns whether the file is new (zero bytes, and ``create`` allows it to become
    a database)."""
    if path.is_dir():
        raise _fail(path, "Указана папка, а не файл базы данных")
    if not path.is_file():
        raise _fail(path, "Это не обычный файл (устройство или канал), а не база данных")
    if not os.access(path, os.R_OK):
        raise _fail(path, "Нет прав на чтение файла базы данных")
    if path.stat().st_size == 0:
        if create:
            return True
        raise _fail(path, "Файл базы данных пуст (0 байт) и не является базой данных; "
                          "укажите другой файл или восстановите базу из резервной копии")
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise _fail(path, "Файл не является базой данных «Дорожной карты» или повреждён")
    if not allow_read_only and not is_writable(path):
        raise _fail(
            path,
            "Файл базы данных или его папка доступны только для чтения; "
            "скопируйте файл в папку, где разрешена запись",
        )
    try:
        sound = quick_check(path)
    except sqlite3.DatabaseError as exc:
        if _is_locked(exc):
            raise DatabaseLocked(path) from exc
        raise DamagedDatabase(path, newest_sound_copy(path), str(exc)) from exc
    if not sound:
        raise DamagedDatabase(path, newest_sound_copy(path))
    return False


def stored_revision(path: Path) -> tuple[str | None, bool]:
    """(the Alembic revision stamped in the file, whether the file has any tables)."""
    if not path.exists() or path.stat().st_size == 0:
        return None, False
    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return None, bool(tables)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return (row[0] if row else None), True


def needs_upgrade(path: Path) -> bool:
    current, _ = stored_revision(path)
    return current not in (SCHEMA_HEAD, head_revision())


def upgrade_schema(path: Path) -> None:
    """Bring the file to the head revision, refusing files from a newer app."""
    current, has_tables = stored_revision(path)
    if current == SCHEMA_HEAD:
        return
    head = head_revision()
    if current == head:
        return
    if current is None and has_tables:
        raise _fail(path, "Файл не является базой данных «Дорожной карты»")
    if current is not None and current not in known_revisions():
        raise _fail(
            path,
            f"База данных создана более новой версией программы (версия схемы {current}); "
            "обновите программу. Файл не изменён",
        )
    if current is not None:
        backup_database(path, backups_dir(path) / f"{path.stem}-before-{head}.db")
    from alembic import command

    engine = make_engine(path, foreign_keys=False, pooled=False)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise _fail(path, "Обновление схемы нарушило связи между записями; файл не изменён")
    finally:
        engine.dispose()


def open_database(path: Path | str, *, create: bool = True, allow_read_only: bool = False,
                  read_only: bool = False) -> Database:
    """Open (or create) the database at ``path``, migrated and seeded.

    ``allow_read_only``: a file that cannot be written (read-only media) is opened
    read-only instead of refused; ``read_only`` always opens it so (a second window).
    A read-only open never migrates, seeds or repairs. ``path`` may be a PostgreSQL
    URL (``postgresql+psycopg://user@host/dbname``): see :func:`open_server_database`.
    """
    if pg.is_server_url(path):
        return pg.open_server_database(str(path), read_only=read_only)
    path = Path(path)
    if path.exists() or path.is_symlink():
        new = check_existing_file(path, create=create, allow_read_only=allow_read_only or read_only)
        read_only = read_only or (not new and not is_writable(path))
    elif not create:
        raise _fail(path, "Файл базы данных не найден")
    else:
        read_only = False
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(path, f"Не удалось создать папку для базы данных ({exc.strerror})") from exc
        if not os.access(path.parent, os.W_OK):
            raise _fail(path, "Нет прав на запись в папку базы данных")
    try:
        if read_only:
            return _open_read_only(path)
        upgrade_schema(path)
        engine = make_engine(path)
        database = Database(path=path, engine=engine, session_factory=make_session_factory(engine))
        with engine.begin() as conn:
            database.freed_from_cycles = break_parent_cycles(conn)
            database.damaged = scan_damaged_values(conn)
        with database.session() as session:
            seed_risk_factors(session)
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        if _is_locked(exc):
            raise DatabaseLocked(path) from exc
        raise _fail(path, f"Не удалось открыть базу данных ({exc})") from exc
    return database


def _open_read_only(path: Path) -> Database:
    if needs_upgrade(path):
        raise _fail(path, "Файл доступен только для чтения и создан другой версией программы; "
                          "скопируйте его в папку, где разрешена запись")
    engine = make_engine(path, read_only=True)
    database = Database(path=path, engine=engine, session_factory=make_session_factory(engine),
                        read_only=True)
    wal = path.with_name(path.name + "-wal")
    database.unread_journal = on_read_only_media(path) and wal.exists() and wal.stat().st_size > 0
    with engine.connect() as conn:
        database.damaged = scan_damaged_values(conn)
    return database

