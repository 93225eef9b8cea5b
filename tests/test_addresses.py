"""``--db`` takes a file path or a PostgreSQL address; any other kind of address is refused with
the supported ones named, and nothing is created (it used to become a folder «mysql:» holding
a new SQLite file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.paths import check_address, resolve_db
from tests.desktop_process import run_desktop
from tests.test_import_fixtures import fixture


@pytest.mark.parametrize("address", ["mysql://x", "sqlite:///x.db", "file:///tmp/x.db",
                                     "https://example.org/db", "MSSQL://sa@host/db"])
def test_unknown_schemes_are_refused(address: str) -> None:
    with pytest.raises(UserError) as refused:
        check_address(address)
    assert "не поддерживается" in refused.value.message
    assert "postgresql://" in refused.value.message and "путь к файлу" in refused.value.message


@pytest.mark.parametrize("address", ["roadmaps.db", r"C:\Users\Координатор\roadmaps.db",
                                     "C:/data/x.db", "/home/u/Отчёты 100%/x.db", "a:b.db",
                                     "postgresql://u@h/db", "postgresql+psycopg://u:p@127.0.0.1/db",
                                     "postgres://u@h/db"])
def test_paths_and_postgresql_pass(address: str) -> None:
    check_address(address)


def test_command_line_refuses_and_creates_nothing(tmp_path: Path) -> None:
    roadmap = str(fixture("balakhta-500plus-2022.docx"))
    for args in (["list", "--db", "mysql://x"], ["import", "--db", "mysql://x", roadmap],
                 ["--db", "mysql://x", "--screenshot", str(tmp_path / "shot.png")]):
        result = run_desktop(*args, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert "Адрес базы данных «mysql://x» не поддерживается" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_environment_variable_is_checked_too(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DOROZHNAYA_KARTA_DB", "sqlite:///x.db")
    with pytest.raises(UserError):
        resolve_db(None)
    result = run_desktop("list", cwd=tmp_path, env={"DOROZHNAYA_KARTA_DB": "sqlite:///x.db"})
    assert result.returncode == 2 and "не поддерживается" in result.stderr
    assert list(tmp_path.iterdir()) == []
