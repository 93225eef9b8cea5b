"""Where things live: the database and its backups (per-user data dir), and ``resources/``.

The resource helper finds ``resources/`` both in a checkout and inside the
PyInstaller bundle (``sys._MEIPASS``); ``build.spec`` mirrors it with ``datas=``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_NAME = "dorozhnaya-karta"
DB_ENV_VAR = "DOROZHNAYA_KARTA_DB"
DATA_ENV_VAR = "DOROZHNAYA_KARTA_DATA"
DEMO_ENV_VAR = "DOROZHNAYA_KARTA_DEMO_DB"
DB_FILENAME = "roadmaps.db"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def program_name() -> str:
    """How the user starts the program, for messages and help: ``dorozhnaya-karta`` (or
    ``dorozhnaya-karta-cli`` on Windows) when built, ``python -m desktop`` from a checkout."""
    if is_frozen():
        return Path(sys.executable).stem
    return "python -m desktop"


def bundle_root() -> Path:
    """The folder holding ``desktop/`` and ``resources/``: the checkout or the bundle."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    if is_frozen():
        return bundle_root() / "desktop" / "models" / "migrations"
    return Path(__file__).resolve().parent / "models" / "migrations"


def data_dir() -> Path:
    """The per-user data folder (``%LOCALAPPDATA%\\dorozhnaya-karta`` on Windows)."""
    override = os.environ.get(DATA_ENV_VAR)
    if override:
        return Path(override)
    import platformdirs  # not needed before the window is painted

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """``$DOROZHNAYA_KARTA_DB`` if set, else the database in the user data folder."""
    override = os.environ.get(DB_ENV_VAR)
    if override:
        return Path(override)
    return data_dir() / DB_FILENAME


def is_server_url(value: str | Path | None) -> bool:
    """A PostgreSQL address (``postgresql+psycopg://user@host/dbname``), not a file."""
    return isinstance(value, str) and value.startswith(("postgresql:", "postgresql+", "postgres:"))


#: «scheme://…» or «scheme:…» of an address (two letters at least: «C:\\…» is a Windows path)
ADDRESS_SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+):(//)?")
SUPPORTED_ADDRESSES = ("путь к файлу базы (например, roadmaps.db) или адрес сервера PostgreSQL "
                       "postgresql://пользователь@сервер/база (также postgresql+psycopg://…)")


def check_address(value: str) -> None:
    """Refuse an address of a kind the program cannot open (``mysql://x``), rather than take
    it for a file name and create a folder «mysql:» beside the user's files."""
    match = ADDRESS_SCHEME.match(value)
    if match and not is_server_url(value) and (match.group(2) or "://" in value):
        from desktop.errors import UserError

        raise UserError(f"Адрес базы данных «{value}» не поддерживается "
                        f"(«{match.group('scheme')}:»). Укажите {SUPPORTED_ADDRESSES}")


def check_db_choice(cli_value: str | None) -> None:
    """Refuse ``--db`` (or, without it, ``$DOROZHNAYA_KARTA_DB``) when it is an address of a
    kind the program cannot open; cheap: nothing is resolved."""
    given = cli_value or os.environ.get(DB_ENV_VAR)
    if given:
        check_address(given)


def resolve_db(cli_value: str | None) -> Path | str:
    """``--db`` as given: a file path, or a PostgreSQL URL kept as text (``Path`` would
    fold its ``//``); the environment variable and the default as in :func:`resolve_db_path`.
    Any other kind of address is refused (:func:`check_db_choice`)."""
    check_db_choice(cli_value)
    if is_server_url(cli_value):
        return str(cli_value)
    if not cli_value and is_server_url(os.environ.get(DB_ENV_VAR)):
        return os.environ[DB_ENV_VAR]
    return resolve_db_path(cli_value)


def database_exists(target: Path | str) -> bool:
    """A file that exists, or a server's database (its existence is the server's to say)."""
    return is_server_url(target) or Path(target).exists()


def resolve_db_path(cli_value: str | None) -> Path:
    """``--db PATH`` wins over the environment variable, which wins over the default."""
    return Path(cli_value).expanduser() if cli_value else default_db_path()


def backups_dir(db_path: Path) -> Path:
    """Backups sit next to the database in ``backups/``."""
    return db_path.parent / "backups"

def demo_db_path() -> Path:
    """The demo database kept under the checkout (``make run`` opens it).

    Inside the frozen bundle (read-only) it lives in the user data folder instead.
    """
    override = os.environ.get(DEMO_ENV_VAR)
    if override:
        return Path(override)
    if is_frozen():
        return data_dir() / "demo.db"
    return bundle_root() / "demo" / "demo.db"


def on_read_only_media(path: Path | str) -> bool:
    """The file lies on a file system mounted read-only (a CD, a write-protected stick, a
    read-only network share); where that cannot be asked (Windows), its folder cannot be
    written."""
    folder = Path(path).resolve().parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        try:
            return bool(statvfs(folder).f_flag & os.ST_RDONLY)
        except OSError:
            return False
    return not os.access(folder, os.W_OK)


def read_only_query(path: Path | str) -> dict[str, str]:
    """SQLite URI parameters of a read-only open. On read-only media the file is also
    ``immutable``: SQLite then needs no lock and no ``-shm`` beside it, which it could not
    create there («unable to open database file» looked like a damaged file)."""
    return {"mode": "ro", **({"immutable": "1"} if on_read_only_media(path) else {})}


def read_only_uri(path: Path | str) -> str:
    """``sqlite3.connect(read_only_uri(path), uri=True)`` opens the file read-only. The path
    is percent-encoded: a folder named «100%», «№ 5 #1» or «?» stays part of the name."""
    query = "&".join(f"{key}={value}" for key, value in read_only_query(path).items())
    return f"{Path(path).resolve().as_uri()}?{query}"
