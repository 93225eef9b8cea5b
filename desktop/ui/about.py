"""Help → «О программе»: the version, where the data, the copies and the log are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop import __version__

if TYPE_CHECKING:
    from desktop.models.database import Database

ABOUT_TEXT = (
    "<h3>«Дорожная карта» {version}</h3>"
    "<p>Ведение дорожных карт поддержки школ с низкими образовательными "
    "результатами (ШНОР, проект «500+»): школы, мероприятия, сроки, приказы, "
    "выгрузки в Excel и PDF.</p>"
    "<p>Работает без интернета. Данные хранятся в файле:<br><code>{path}</code></p>"
    "<p>Резервные копии: <code>{backups}</code><br>Журнал программы: <code>{log}</code></p>"
    "<p>Шрифты Liberation распространяются по лицензии SIL OFL 1.1.</p>"
)


def about_text(database: Database | None) -> str:
    """The «О программе» text for the open database (dashes before one is open)."""
    from desktop.logs import log_path
    from desktop.paths import backups_dir

    path = database.path if database else None
    return ABOUT_TEXT.format(version=__version__, path=path or "—",
                             backups=backups_dir(path) if path else "—", log=log_path())
