"""Opening the database safely: checks, backups, Alembic migrations, reference data.

Rules: a damaged, read-only or foreign file is refused with a Russian message
and left untouched; a file written by a newer version of the app is refused,
never altered; before an existing file is upgraded it is backed up with
SQLite's backup API.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import UserError
from desktop.models.base import make_engine, make_session_factory
from desktop.models.schools import seed_risk_factors
from desktop.paths import backups_dir, migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

SQLITE_HEADER = b"SQLite format 3\x00"
#: The newest migration; checked against Alembic's head by a test. Lets a start-up
#: with an up-to-date file skip importing Alembic altogether.
SCHEMA_HEAD = "0003"
DAILY_BACKUPS_KEPT = 14


@dataclass
class Database:
    """An open database: the engine and a session factory."""

    path: Path
    engine: Engine
    session_factory: sessionmaker = field(repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with self.session_factory() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _fail(path: Path, what: str) -> UserError:
    return UserError(f"{what}: {path}")


def check_existing_file(path: Path) -> None:
    """Refuse a file that is not ours to open; read only, never write."""
    if path.is_dir():
        raise _fail(path, "Указана папка, а не файл базы данных")
    if not os.access(path, os.R_OK):
        raise _fail(path, "Нет прав на чтение файла базы данных")
    if path.stat().st_size == 0:
        return  # an empty file is a new database
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise _fail(path, "Файл не является базой данных «Дорожной карты» или повреждён")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise _fail(
            path,
            "Файл базы данных или его папка доступны только для чтения; "
            "скопируйте файл в папку, где разрешена запись",
        )
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _fail(path, f"База данных повреждена ({exc}); восстановите её из резервной копии") from exc
    if not result or result[0] != "ok":
        raise _fail(path, "База данных повреждена; восстановите её из резервной копии")


def stored_revision(path: Path) -> tuple[str | None, bool]:
    """(the Alembic revision stamped in the file, whether the file has any tables)."""
    if not path.exists() or path.stat().st_size == 0:
        return None, False
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return None, bool(tables)
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return (row[0] if row else None), True


def backup_database(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's backup API (consistent even with WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with closing(sqlite3.connect(str(source))) as src, closing(sqlite3.connect(str(tmp))) as dst:
        src.backup(dst)
    os.replace(tmp, target)
    return target


def daily_backup(path: Path, *, today: dt.date | None = None, keep: int = DAILY_BACKUPS_KEPT) -> Path | None:
    """Once a day keep a copy in ``backups/``; older copies beyond ``keep`` are removed."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = backups_dir(path)
    day = (today or dt.date.today()).isoformat()
    target = folder / f"{path.stem}-{day}.db"
    if not target.exists():
        backup_database(path, target)
    copies = sorted(folder.glob(f"{path.stem}-????-??-??.db"))
    for old in copies[:-keep]:
        old.unlink(missing_ok=True)
    return target


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


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open (or create) the database at ``path``, migrated and seeded."""
    path = Path(path)
    if path.exists():
        check_existing_file(path)
    elif not create:
        raise _fail(path, "Файл базы данных не найден")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(path, f"Не удалось создать папку для базы данных ({exc.strerror})") from exc
        if not os.access(path.parent, os.W_OK):
            raise _fail(path, "Нет прав на запись в папку базы данных")
    try:
        upgrade_schema(path)
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        raise _fail(path, f"Не удалось открыть базу данных ({exc})") from exc
    engine = make_engine(path)
    database = Database(path=path, engine=engine, session_factory=make_session_factory(engine))
    with database.session() as session:
        seed_risk_factors(session)
    return database
