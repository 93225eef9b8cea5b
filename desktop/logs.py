"""The program's log: a rotating file in the data folder, and the message for an unexpected error.

An error the user can fix is a :class:`~desktop.errors.UserError` and is shown
as is. Anything else is a bug: its traceback goes to the log and the user gets
one Russian sentence that says so and where the details are (never a traceback).
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop.paths import data_dir

LOGGER_NAME = "desktop"
LOG_FILENAME = "dorozhnaya-karta.log"
#: one log file's size before it rotates, and the rotated files kept
MAX_BYTES = 1_000_000
BACKUPS = 5

log = logging.getLogger(LOGGER_NAME)


def log_path() -> Path:
    """``logs/dorozhnaya-karta.log`` in the per-user data folder."""
    return data_dir() / "logs" / LOG_FILENAME


def setup_logging() -> Path | None:
    """Log to the rotating file (once per process); None when the folder cannot be written."""
    path = log_path()
    for handler in list(log.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == path.absolute():
                return path
            log.removeHandler(handler)  # the data folder changed (tests, --db elsewhere)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def report_unexpected(exc: BaseException, doing: str = "") -> str:
    """Log ``exc`` with its traceback; the Russian message to show the user instead."""
    path = setup_logging()
    log.error("Непредвиденная ошибка%s", f" ({doing})" if doing else "",
              exc_info=(type(exc), exc, exc.__traceback__))
    what = f"{doing}: " if doing else ""
    known = database_state_message(exc)
    if known:
        return f"{what}{known}"
    where = (f" Подробности записаны в журнал: {path}." if path is not None
             else " Журнал записать не удалось.")
    return (f"{what}непредвиденная ошибка программы ({type(exc).__name__})."
            f"{where} Сообщите о ней разработчикам.")


def database_state_message(exc: BaseException) -> str:
    """Russian text for the database states that are not bugs: locked, read-only."""
    text = str(exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return ("база данных занята другой программой; изменение не сохранено. "
                "Попробуйте ещё раз, когда та программа закончит запись")
    if "readonly database" in text or "read-only" in text:
        return "файл открыт только для чтения; изменение не сохранено"
    return ""
