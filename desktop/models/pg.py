"""A shared database on a PostgreSQL server: the URL, the engine, migrations, pg_dump.

The SQLite file is one coordinator's database; a district office with several people
(or the region) can keep one database on its server instead and open it with
``--db postgresql+psycopg://user@host/dbname`` (psycopg 3). Everything above
:mod:`desktop.models.database` works the same on both; what differs lives here:

* no file checks, pragmas, quick_check or lock file: the server guards its data, and
  several windows may have the database open at once (optimistic locking, see
  :class:`desktop.models.base.Versioned`, keeps their edits apart);
* migrations run in one transaction under an advisory lock, so two windows started
  together never migrate twice (PostgreSQL's DDL is transactional);
* a backup is ``pg_dump`` when it is installed; otherwise it is the server's job;
* evidence files and local copies go to a folder in the user data folder named
  after the server and the database (:func:`local_path`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError

from desktop.errors import UserError
from desktop.models.pg_url import label, local_path, parse_url
from desktop.paths import is_server_url

if TYPE_CHECKING:
    from desktop.models.handle import Database

__all__ = ["is_server_url", "label", "local_path", "open_server_database", "parse_url", "pg_dump",
           "upgrade_schema"]

#: any number the app alone uses: pg_advisory_xact_lock around migrations
MIGRATION_LOCK_KEY = 0x44_4B_4D_49  # "DKMI"
#: seconds to wait for the server before saying it cannot be reached
CONNECT_TIMEOUT_S = 10


NO_CLIENT_LIBRARY = (
    "Для базы на сервере PostgreSQL нужна клиентская библиотека libpq: в Debian и "
    "Astra Linux — пакет libpq5 (sudo apt install libpq5). С файлом базы на этом "
    "компьютере программа работает и без неё")


def make_pg_engine(url: URL, *, pooled: bool = True, read_only: bool = False) -> Engine:
    """An engine on the server; ``pool_pre_ping`` so that a window left open overnight
    reconnects after the server restarted; ``read_only``: the server refuses every write."""
    from sqlalchemy.pool import NullPool

    from desktop.models.base import lenient_json

    connect_args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S}
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    kwargs: dict[str, Any] = {"json_deserializer": lenient_json, "connect_args": connect_args}
    if pooled:
        kwargs["pool_pre_ping"] = True
    else:
        kwargs["poolclass"] = NullPool
    try:
        return create_engine(url, **kwargs)
    except ImportError as exc:  # psycopg without a libpq to load (the .deb depends on one)
        raise UserError(NO_CLIENT_LIBRARY) from exc


def connection_failed(url: URL, exc: BaseException) -> UserError:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
    return UserError(f"Не удалось подключиться к базе данных PostgreSQL {label(url)} "
                     f"({reason}). Проверьте адрес, пользователя и что сервер запущен")


def stored_revision(engine: Engine) -> tuple[str | None, bool]:
    """(the Alembic revision in the database, whether it has any tables)."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if "alembic_version" not in tables:
            return None, bool(tables)
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar(), True


def current_revision(url: URL) -> str | None:
    engine = make_pg_engine(url, pooled=False)
    try:
        return stored_revision(engine)[0]
    finally:
        engine.dispose()


def upgrade_schema(url: URL, *, head: str, known: set[str]) -> None:
    """Migrate the server's database to ``head`` in one transaction under an advisory lock;
    a database of a newer app, or one holding foreign tables, is refused untouched."""
    from desktop.models.revision import alembic_config

    engine = make_pg_engine(url, pooled=False)
    try:
        current, has_tables = stored_revision(engine)
        if current == head:
            return
        if current is None and has_tables:
            raise UserError(f"База данных {label(url)} не является базой «Дорожной карты»")
        if current is not None and current not in known:
            raise UserError(f"База данных {label(url)} создана более новой версией программы "
                            f"(версия схемы {current}); обновите программу. База не изменена")
        from alembic import command

        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")  # a no-op when another window has just migrated
    finally:
        engine.dispose()


def open_server_database(address: str, *, read_only: bool = False) -> Database:
    """The database on a PostgreSQL server: migrated and seeded (``read_only``: neither,
    and every transaction is read-only on the server's side).

    None of the file's checks apply (the server guards its data and types): no quick_check,
    no damaged-value scan, no lock file, no backup before upgrading (a copy of a server's
    database is ``pg_dump``'s job, see :func:`pg_dump`)."""
    from desktop.models.base import make_session_factory
    from desktop.models.damage import break_parent_cycles
    from desktop.models.handle import Database
    from desktop.models.revision import head_revision, known_revisions
    from desktop.models.schools import seed_risk_factors

    url = parse_url(address)
    try:
        if read_only:
            if current_revision(url) != head_revision():
                raise UserError(f"База данных {label(url)} создана другой версией "
                                "программы; открыть её только для чтения нельзя")
        else:
            upgrade_schema(url, head=head_revision(), known=known_revisions())
        engine = make_pg_engine(url, read_only=read_only)
        database = Database(path=local_path(url), engine=engine,
                            session_factory=make_session_factory(engine), read_only=read_only,
                            url=url.render_as_string(hide_password=False))
        if not read_only:
            with engine.begin() as conn:
                database.freed_from_cycles = break_parent_cycles(conn)
            with database.session() as session:
                seed_risk_factors(session)
    except DBAPIError as exc:
        raise connection_failed(url, exc) from exc
    return database


def change_stamp(conn: Connection) -> tuple[int, ...]:
    """A fingerprint of the data that changes with any insert, delete or versioned update
    (one query): per table the row count and the largest id, and for the versioned tables
    (:class:`desktop.models.base.Versioned`) the sum of the versions. A window compares it
    on activation to see whether another user changed something (see
    :mod:`desktop.ui.freshness`). Edits in place of unversioned reference rows (a person's
    phone) are not seen; F5 re-reads everything."""
    from desktop.models import Base

    selects = []
    for table in Base.metadata.sorted_tables:
        numbers = ["count(*)"]
        if "id" in table.c:
            numbers.append("coalesce(max(id), 0)")
        if "version" in table.c:
            numbers.append("coalesce(sum(version), 0)")
        selects.append(f"SELECT ARRAY[{', '.join(numbers)}]::bigint[] FROM {table.name}")
    rows = conn.execute(text(" UNION ALL ".join(f"({sql})" for sql in selects)))
    return tuple(n for (numbers,) in rows for n in numbers)


def pg_dump_missing(url: URL) -> str | None:
    """Why this computer cannot copy the server's database (no ``pg_dump``), or None."""
    if shutil.which("pg_dump") is not None:
        return None
    return (f"Резервное копирование базы данных на сервере PostgreSQL ({label(url)}) — задача "
            "администратора сервера: копии делаются на сервере. Программа pg_dump на этом "
            "компьютере не найдена")


def restore_command(url: URL, archive: str = "ФАЙЛ.dump") -> str:
    """The ``pg_restore`` command that puts a :func:`pg_dump` archive back (the password
    left out: the administrator types it or keeps it in ``~/.pgpass``)."""
    parts = ["pg_restore", "--clean", "--if-exists"]
    for option, value in (("--host", url.host), ("--port", url.port),
                          ("--username", url.username)):
        if value:
            parts.append(f"{option}={value}")
    return " ".join([*parts, f"--dbname={url.database}", archive])


def pg_dump(url: URL, target: Path) -> Path:
    """``pg_dump --format=custom`` of the database into ``target`` (restorable with
    ``pg_restore``); the password goes through the environment, never the command line."""
    from desktop.models.backups import BackupFailed

    program = shutil.which("pg_dump")
    if program is None:
        raise BackupFailed(pg_dump_missing(url) or "")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    env = {**os.environ, "PGPASSWORD": url.password or os.environ.get("PGPASSWORD", "")}
    args = [program, "--format=custom", f"--file={tmp}", "--no-password",
            f"--dbname={url.database}"]
    for option, value in (("--host", url.host), ("--port", url.port),
                          ("--username", url.username)):
        if value:
            args.append(f"{option}={value}")
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=3600,
                              check=False)
        if done.returncode != 0:
            detail = (done.stderr.strip().splitlines() or [f"код {done.returncode}"])[-1]
            raise BackupFailed(f"Резервная копия не создана (pg_dump: {detail}): {target}")
        os.replace(tmp, target)
    except (OSError, subprocess.SubprocessError) as exc:
        raise BackupFailed(f"Резервная копия не создана ({exc}): {target}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return target
