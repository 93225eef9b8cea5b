"""Copies of the database file: made with SQLite's backup API, kept in ``backups/``, restored.

* :func:`backup_database` writes a consistent copy (even of a live WAL database)
  into a temporary file beside the target and renames it into place; a failure
  (a full disk raises :class:`sqlite3.OperationalError`, not ``OSError``) leaves
  nothing half-written and becomes a Russian :class:`BackupFailed`.
* :func:`scheduled_backups` keeps the last 14 daily and the last 12 monthly copies;
  the copy just made is never pruned (a clock set back must not delete it).
* :func:`restore_copy` puts a copy in place of the database in one SQLite write
  transaction, so a restore killed at any moment leaves the old file or the
  restored one; a file too damaged to open is moved aside (with its ``-wal``)
  and the copy renamed into place.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import time
import zipfile
import zlib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from desktop.errors import UserError
from desktop.paths import backups_dir, read_only_uri

DAILY_BACKUPS_KEPT = 14
MONTHLY_BACKUPS_KEPT = 12
SIDE_FILES = ("-wal", "-shm", "-journal")
_DAILY = re.compile(r"-(\d{4}-\d{2}-\d{2})$")
_MONTHLY = re.compile(r"-monthly-(\d{4}-\d{2})$")


class BackupFailed(UserError):
    """A copy could not be made; nothing half-written is left behind."""


@dataclass(frozen=True)
class CopyInfo:
    """A copy of the database as the restore list shows it."""

    path: Path
    made: dt.datetime
    items: int | None  #: None when the copy cannot be read
    sound: bool        #: passes quick_check and looks like our database

    @property
    def label(self) -> str:
        return self.made.strftime("%d.%m.%Y %H:%M")


#: how long a restore waits for another program to let go of the database file
LOCK_WAIT_S = 5.0


class DatabaseLocked(UserError):
    """Another program holds the file's lock; nothing was read or changed."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"База данных занята другой программой (она сейчас записывает в файл): {path}. "
            "Закройте ту программу или подождите и попробуйте снова; файл не изменён")


def _connect_ro(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    return sqlite3.connect(read_only_uri(path), uri=True, timeout=timeout)


def quick_check(path: Path) -> bool:
    """True when SQLite's quick_check passes (raises OperationalError when locked)."""
    with closing(_connect_ro(path)) as conn:
        row = conn.execute("PRAGMA quick_check").fetchone()
    return bool(row) and row[0] == "ok"


def backup_database(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's backup API (consistent even with WAL)."""
    target = Path(target)
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with closing(_connect_ro(Path(source))) as src, closing(sqlite3.connect(str(tmp))) as dst:
            src.backup(dst)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        raise BackupFailed(f"Резервная копия не создана ({_reason(exc)}): {target}") from exc
    finally:
        for leftover in (tmp, *(tmp.with_name(tmp.name + s) for s in SIDE_FILES)):
            leftover.unlink(missing_ok=True)
    return target


def remove_stale_temporaries(folder: Path, *, max_age_s: float = 600.0) -> int:
    """Delete ``*.tmp`` copies a killed process left behind (older than ``max_age_s``,
    so that a copy another process is writing right now is spared)."""
    if not folder.is_dir():
        return 0
    now = dt.datetime.now().timestamp()
    removed = 0
    for tmp in folder.glob("*.tmp*"):
        try:
            if now - tmp.stat().st_mtime >= max_age_s:
                tmp.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def _reason(exc: BaseException) -> str:
    text = str(exc).lower()
    if "full" in text or getattr(exc, "errno", None) == 28:
        return "недостаточно места на диске"
    if "locked" in text or "busy" in text:
        return "база данных занята другой программой"
    if isinstance(exc, PermissionError) or "readonly" in text or "read-only" in text:
        return "нет прав на запись"
    return str(exc) or type(exc).__name__


def _prune(copies: list[Path], keep: int, made: Path) -> None:
    """Remove the oldest copies beyond ``keep``, never the one just ``made``."""
    others = sorted(p for p in copies if p != made)
    for old in others[: max(0, len(others) - (keep - 1))]:
        old.unlink(missing_ok=True)


def daily_backup(path: Path, *, today: dt.date | None = None,
                 keep: int = DAILY_BACKUPS_KEPT) -> Path | None:
    """Once a day keep a copy in ``backups/``; older copies beyond ``keep`` are removed."""
    day = (today or dt.date.today()).isoformat()
    return _periodic_backup(path, day, _DAILY, keep)


def monthly_backup(path: Path, *, today: dt.date | None = None,
                   keep: int = MONTHLY_BACKUPS_KEPT) -> Path | None:
    """Once a month keep a copy in ``backups/`` (the last ``keep`` months)."""
    month = (today or dt.date.today()).strftime("%Y-%m")
    return _periodic_backup(path, f"monthly-{month}", _MONTHLY, keep)


def _periodic_backup(path: Path, period: str, pattern: re.Pattern[str], keep: int) -> Path | None:
    """``NAME-PERIOD.db`` made once per period; copies of the same kind pruned to ``keep``."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = backups_dir(path)
    target = folder / f"{path.stem}-{period}.db"
    if not target.exists():
        backup_database(path, target)
    _prune([p for p in folder.glob(f"{path.stem}-*.db") if pattern.search(p.stem)], keep, target)
    return target


def scheduled_backups(path: Path, *, today: dt.date | None = None) -> list[Path]:
    """The daily and the monthly copy (each made once per day / month)."""
    remove_stale_temporaries(backups_dir(path))
    made = [daily_backup(path, today=today), monthly_backup(path, today=today)]
    return [p for p in made if p is not None]


def stamped_copy(path: Path, why: str) -> Path:
    """A copy named after the moment and the reason: ``roadmaps-before-restore-20261128-221500.db``."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_database(path, backups_dir(path) / f"{path.stem}-{why}-{stamp}.db")


def describe_copy(path: Path) -> CopyInfo:
    """Date (from the file's time), item count and soundness of one copy."""
    made = dt.datetime.fromtimestamp(path.stat().st_mtime)
    try:
        with closing(_connect_ro(path, timeout=0.5)) as conn:
            sound = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    except sqlite3.Error:
        return CopyInfo(path, made, None, False)
    return CopyInfo(path, made, int(items), sound)


def describe_archive(path: Path) -> CopyInfo:
    """Date and item count of a ``.dkbak`` archive, from its manifest (the checksums are
    checked when it is chosen)."""
    made = dt.datetime.fromtimestamp(path.stat().st_mtime)
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json")[: 1 << 24].decode("utf-8"))
        items = int(manifest["counts"]["items"])
        made = dt.datetime.fromisoformat(manifest["created_at"])
    except (OSError, KeyError, TypeError, ValueError, zipfile.BadZipFile, zlib.error, EOFError):
        return CopyInfo(path, made, None, False)
    return CopyInfo(path, made, items, True)


def list_copies(db_path: Path) -> list[CopyInfo]:
    """Every copy in the database's ``backups/`` folder (plain ``.db`` files and ``.dkbak``
    archives), newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    copies = [describe_copy(p) for p in folder.glob("*.db") if p.is_file()]
    copies += [describe_archive(p) for p in folder.glob("*.dkbak") if p.is_file()]
    return sorted(copies, key=lambda c: c.made, reverse=True)


def newest_sound_copy(db_path: Path) -> CopyInfo | None:
    return next((c for c in list_copies(db_path) if c.sound and c.items is not None), None)


def check_copy(copy: Path) -> None:
    """Refuse a copy that is not a sound database of this program."""
    if not copy.is_file() or copy.is_symlink():
        raise UserError(f"Резервная копия не найдена: {copy}")
    info = describe_copy(copy)
    if not info.sound or info.items is None:
        raise UserError(f"Файл не является исправной резервной копией «Дорожной карты»: {copy}")


def restore_copy(db_path: Path, copy: Path, *, damaged: bool = False,
                 keep_copy: bool = True) -> Path | None:
    """Put ``copy`` in place of the database at ``db_path``.

    A sound database is first copied to ``backups/`` (returned; not when ``keep_copy`` is
    False: the caller kept it already), then overwritten
    in one write transaction by the backup API. A ``damaged`` one is moved aside
    as ``NAME-damaged-STAMP.db`` (the path is returned) and the copy renamed into place.
    """
    check_copy(copy)
    if damaged or not db_path.exists() or db_path.stat().st_size == 0:
        return _replace_damaged(db_path, copy)
    kept = stamped_copy(db_path, "before-restore") if keep_copy else None
    try:
        with closing(sqlite3.connect(str(copy))) as src, \
                closing(sqlite3.connect(str(db_path), timeout=LOCK_WAIT_S)) as dst:
            dst.execute(f"PRAGMA busy_timeout={int(LOCK_WAIT_S * 1000)}")
            # all pages in one step: one transaction on the destination; the backup API
            # retries a locked destination forever, the callback gives up after LOCK_WAIT_S
            src.backup(dst, progress=_give_up_when_locked(db_path))
    except sqlite3.Error as exc:
        raise UserError(f"Восстановить не удалось ({_reason(exc)}); база данных не изменена: "
                        f"{db_path}") from exc
    return kept


def _give_up_when_locked(db_path: Path):
    """A backup progress callback: :class:`DatabaseLocked` once the destination has been
    busy (another program writing) for :data:`LOCK_WAIT_S` seconds."""
    deadline = time.monotonic() + LOCK_WAIT_S

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise DatabaseLocked(db_path)

    return progress


def _replace_damaged(db_path: Path, copy: Path) -> Path | None:
    aside: Path | None = None
    tmp = backup_database(copy, db_path.with_name(db_path.name + ".restoring"))
    if db_path.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = db_path.with_name(f"{db_path.stem}-damaged-{stamp}{db_path.suffix}")
        # the journal files go first: a -wal left beside the restored file would be replayed into it
        for suffix in SIDE_FILES:
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
        shutil.copy2(db_path, aside)  # a copy, not a rename: the path never goes missing
    os.replace(tmp, db_path)
    return aside
