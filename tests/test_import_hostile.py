"""Bad input (issue point 10): each gets a Russian message and nothing is written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.importers import read_file
from tests.import_docs import hostile_files

CYRILLIC = re.compile(r"[А-Яа-яЁё]{4,}")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return hostile_files(tmp_path_factory.mktemp("hostile"))


EXPECTED = {
    "not_office": "не импортируется: импортируются дорожные карты Word и Excel",
    "password": "защищён паролем",
    "truncated": "повреждён",
    "corrupt": "повреждён",
    "docm": "макрос",
    "no_table": "не найдена таблица",
    "xml_bomb": "DOCTYPE",
    "zip_bomb": "zip-бомб",
    # declares a small size and inflates past it: caught while reading, as a broken part
    "zip_bomb_lying": "повреждён или обрезан",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_refused_with_russian_message(files: dict[str, Path], name: str) -> None:
    with pytest.raises(UserError) as info:
        read_file(files[name])
    assert CYRILLIC.search(info.value.message)
    assert EXPECTED[name] in info.value.message
    assert "\n" not in info.value.message


def test_cli_refuses_before_touching_the_database(files: dict[str, Path], tmp_path: Path) -> None:
    """A hostile file is refused while it is read: the database it names is never even
    created (were it opened first, the new file would be there)."""
    db_path = tmp_path / "новая база.db"
    for name in ("docm", "xml_bomb", "zip_bomb", "no_table"):
        result = subprocess.run([sys.executable, "-m", "desktop", "import", str(files[name]),
                                 "--db", str(db_path), "--json"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("Ошибка: ")
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
        assert not db_path.exists() and not list(tmp_path.glob("новая база.db*")), name


def test_header_without_items(tmp_path: Path) -> None:
    from tests.import_docs import HEADER4, p, row, tbl, write_docx

    doc = write_docx(tmp_path / "empty.docx", p("Дорожная карта"), tbl(row(*HEADER4)))
    with pytest.raises(UserError, match="ни одного мероприятия"):
        read_file(doc)


def test_missing_file() -> None:
    with pytest.raises(UserError, match="не найден"):
        read_file("/nonexistent/plan.docx")


@pytest.mark.parametrize("name", ["zip_bomb", "zip_bomb_lying", "xml_bomb"])
def test_bombs_are_refused_in_bounded_memory(files: dict[str, Path], name: str) -> None:
    """Refused before inflating: far less memory than the 70 MB the member would inflate to."""
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(UserError):
            read_file(files[name])
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10 * 1024 * 1024
