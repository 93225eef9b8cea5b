"""The command line as a coordinator meets it (issue 23, point 16): the window's options in
``--help``, Russian messages only, dates as ДД.ММ.ГГГГ, every importable kind named, and
``demo`` never writing into the user's own database. Exit code 0 or 2, never a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import run

#: words that may be Latin in a Russian message: the program's own name and options
ALLOWED_LATIN = {"python", "desktop", "demo", "db", "dorozhnaya", "karta"}


def _latin_words(message: str) -> list[str]:
    """Latin words of ``message`` outside paths, file names, options and quoted names."""
    message = re.sub(r"«[^»]*»", "", message)
    words = []
    for token in message.split():
        if any(c in token for c in "/\\.") or token.startswith("-"):
            continue
        words += [w for w in re.findall(r"[A-Za-z]+", token) if w.lower() not in ALLOWED_LATIN]
    return words


def _desktop(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def test_top_level_help_lists_the_window_options() -> None:
    result = _desktop("--help")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    for option in ("--db", "--demo", "--screenshot", "--view"):
        assert re.search(rf"^\s+{option}\b", result.stdout, re.MULTILINE), option


def test_forms_into_an_existing_file_is_a_russian_message(demo_db_file: Path, tmp_path: Path,
                                                          capsys) -> None:
    existing = tmp_path / "forms.zip"
    existing.write_bytes(b"keep me")
    code = run(["export", "forms", "--db", str(demo_db_file), "--roadmap", "1",
                "-o", str(existing)])
    err = capsys.readouterr().err
    assert code == 2 and "File exists" not in err and "файл, а не папка" in err
    assert not _latin_words(err), err
    assert existing.read_bytes() == b"keep me"
    folder = tmp_path / "already"
    folder.mkdir()
    assert run(["export", "forms", "--db", str(demo_db_file), "--roadmap", "1",
                "-o", str(folder)]) == 0
    assert any(folder.glob("*.xlsx"))


def _report_cells(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    return " ".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True)
                    for v in row if v is not None)


@pytest.mark.parametrize("typed", ["30.06.2026", "2026-06-30", " 30.06.2026 "])
def test_report_date_in_either_form(demo_db_file: Path, tmp_path: Path, typed: str) -> None:
    out = tmp_path / "report.xlsx"
    assert run(["export", "report", "--db", str(demo_db_file), "--roadmap", "1",
                "--date", typed, "-o", str(out)]) == 0
    assert "30.06.2026" in _report_cells(out)


@pytest.mark.parametrize("command", [["export", "report", "--roadmap", "1"],
                                     ["export", "region"]])
def test_an_impossible_date_is_refused_in_russian(demo_db_file: Path, tmp_path: Path, capsys,
                                                  command: list[str]) -> None:
    out = tmp_path / "x.xlsx"
    assert run([*command, "--db", str(demo_db_file), "--date", "31.02.2026", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "ДД.ММ.ГГГГ" in err and not _latin_words(err) and not out.exists()


def test_help_of_date_options_shows_the_russian_form(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        run(["export", "report", "--help"])
    assert done.value.code == 0
    assert "ДД.ММ.ГГГГ" in capsys.readouterr().out


def test_deadline_period_in_either_form(capsys) -> None:
    assert run(["deadline", "--period", "01.01.2023:31.12.2023", "апрель"]) == 0
    assert '"2023-04-01"' in capsys.readouterr().out


def test_import_of_an_unknown_file_names_every_kind(tmp_path: Path) -> None:
    letter = tmp_path / "письмо.txt"
    letter.write_text("не дорожная карта", encoding="utf-8")
    result = _desktop("import", "--db", str(tmp_path / "x.db"), str(letter))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for kind in ("Word", "Excel", ".dkp", "формы школ"):
        assert kind in result.stderr, kind
    assert not (tmp_path / "x.db").exists()


def test_demo_without_db_is_refused_and_says_how(tmp_path: Path) -> None:
    own = tmp_path / "data" / "roadmaps.db"
    result = _desktop("demo", env={"DOROZHNAYA_KARTA_DATA": str(tmp_path / "data")})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "demo --db demo.db" in result.stderr and "--demo" in result.stderr
    assert str(own) in result.stderr and "Ничего не изменено" in result.stderr
    assert not _latin_words(result.stderr.replace("Ошибка:", "")), result.stderr
    assert not own.exists()


def test_demo_without_db_leaves_the_database_of_the_variable_alone(tmp_path: Path,
                                                                   capsys) -> None:
    own = tmp_path / "мой.db"
    from desktop.models.database import open_database

    open_database(own).close()  # the coordinator's own, still empty database
    before = own.read_bytes()
    os.environ["DOROZHNAYA_KARTA_DB"] = str(own)
    try:
        assert run(["demo"]) == 2
    finally:
        del os.environ["DOROZHNAYA_KARTA_DB"]
    assert own.read_bytes() == before and str(own) in capsys.readouterr().err


def test_demo_with_db_makes_the_demo_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "demo.db"
    assert run(["demo", "--db", str(target)]) == 0
    assert target.is_file() and "Демонстрационный район создан" in capsys.readouterr().out
