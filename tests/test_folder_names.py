"""A coordinator's folders are named anything: «Мои документы», «Отчёты 100%», «УО № 5 #1».
The database, its read-only opening, its backups and the first view all reach the file
itself (a «%20» was once decoded and a «?» began a query string, so the file was not found
or a new one was made elsewhere)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import run
from desktop.models import Item
from desktop.models.database import open_database
from desktop.ui.first_view import read_first_view

NAMES = ["Мои документы", "Отчёты 100%", "УО № 5 #1", "a%20b", "вопрос?"]


@pytest.mark.parametrize("name", NAMES)
def test_a_database_in_any_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / "база.db"
    assert run(["demo", "--db", str(path)]) == 0
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.db")) == [
        Path(name) / "база.db"]  # nothing made elsewhere
    read_only = open_database(path, read_only=True)
    with read_only.session() as session:
        items = session.scalar(select(func.count(Item.id)))
    read_only.close()
    assert items and items > 30
    copy = folder / "копия 100%.db"
    assert run(["backup", "--db", str(path), "-o", str(copy)]) == 0
    assert run(["restore", str(copy), "--db", str(path)]) == 0
    database = open_database(path, create=False)
    with database.session() as session:
        assert session.scalar(select(func.count(Item.id))) == items
    database.close()
    assert read_first_view(path, dt.date(2026, 3, 1)).roadmaps()
