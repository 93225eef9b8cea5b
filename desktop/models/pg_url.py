"""A PostgreSQL server's address: the URL with its driver, as the user may see it, and
the local folder that stands in for it (no engine, no connection here)."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desktop.errors import UserError

#: the driver SQLAlchemy uses for PostgreSQL (psycopg 3)
DRIVER = "postgresql+psycopg"


def parse_url(value: str) -> URL:
    """The SQLAlchemy URL with the psycopg 3 driver; another driver is refused."""
    try:
        url = make_url(value)
    except ArgumentError as exc:
        raise UserError(f"Неверный адрес базы данных PostgreSQL: {value}") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername=DRIVER)
    if url.drivername != DRIVER:
        raise UserError(f"Для PostgreSQL нужен драйвер psycopg (адрес вида "
                        f"{DRIVER}://пользователь@сервер/база), а не {url.drivername}")
    if not url.database:
        raise UserError(f"В адресе PostgreSQL не указана база данных: {label(url)}")
    return url


def label(url: URL | str) -> str:
    """The URL as the user may see it (the password hidden)."""
    url = make_url(url) if isinstance(url, str) else url
    return url.render_as_string(hide_password=True)


def local_path(url: URL) -> Path:
    """A stand-in path in the user data folder for what needs a local place (evidence
    files, copies): ``servers/HOST-PORT-DB/DB.server``; nothing is written at this path."""
    from desktop.paths import data_dir

    name = re.sub(r"[^\w.-]+", "_", f"{url.host or 'local'}-{url.port or 5432}-{url.database}")
    return data_dir() / "servers" / name / f"{url.database}.server"
