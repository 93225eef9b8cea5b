"""The command line end to end: ``python -m desktop demo`` / ``list`` and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.cli import run


def _desktop(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args],
                          capture_output=True, text=True, timeout=120)


def test_demo_then_list_json(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    made = _desktop("demo", "--db", str(db))
    assert made.returncode == 0, made.stderr
    listed = _desktop("list", "--db", str(db), "--json")
    assert listed.returncode == 0, listed.stderr
    data = json.loads(listed.stdout)
    roadmap = data["roadmaps"][0]
    assert len(roadmap["items"]) >= 30
    assert len(data["schools"]) >= 10
    first = roadmap["items"][0]
    assert first["number"] == "1.1"
    assert first["section_number"] == "1"
    assert first["section_title"].startswith("Организационно")
    assert first["deadline_parsed"]["kind"] in {"span", "day", "due"}
    assert set(first) >= {"activity", "deadline", "executors", "tasks", "indicator",
                          "evidence", "status"}


def test_list_text_output(demo_db_file: Path, capsys) -> None:
    assert run(["list", "--db", str(demo_db_file)]) == 0
    out = capsys.readouterr().out
    assert "Муниципальная дорожная карта" in out
    assert "Школ: 12" in out


def test_missing_database_is_a_one_line_russian_error(tmp_path: Path) -> None:
    result = _desktop("list", "--db", str(tmp_path / "nope.db"))
    assert result.returncode == 2
    assert result.stderr.strip().startswith("Ошибка: Файл базы данных не найден")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "nope.db").exists()


def test_garbage_database_is_a_one_line_russian_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_text("не база", encoding="utf-8")
    result = _desktop("list", "--db", str(bad), "--json")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "Ошибка:" in result.stderr


def test_demo_into_existing_data_is_refused(demo_db_file: Path, capsys) -> None:
    assert run(["demo", "--db", str(demo_db_file)]) == 2
    assert "уже содержит данные" in capsys.readouterr().err


def test_bad_arguments_are_a_russian_usage_error() -> None:
    result = _desktop("list", "--bogus")
    assert result.returncode == 2
    assert "ошибка в аргументах" in result.stderr


def test_unexpected_error_is_logged_and_reported_in_russian(
        demo_db_file: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    """A bug in an exporter: exit 2, one Russian line naming the log, the traceback in the log."""
    import desktop.export.pdf_order as pdf_order
    from desktop.logs import log_path

    def broken(*_args, **_kwargs):
        raise AttributeError("'CellParagraph' object has no attribute 'blPara'")

    monkeypatch.setattr(pdf_order, "write_pdf", broken)
    code = run(["export", "order", "--db", str(demo_db_file), "--roadmap", "1",
                "-o", str(tmp_path / "order.pdf")])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "непредвиденная ошибка" in err
    assert "Traceback" not in err and str(log_path()) in err
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "blPara" in logged
    assert not (tmp_path / "order.pdf").exists()
