"""The roadmap-only PDF and ``python -m desktop export order`` end to end."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop import cli
from desktop.commands import export_order
from desktop.export.pdf_roadmap import export_roadmap_pdf
from desktop.models import Order, Roadmap
from tests.test_export_pdf_support import (
    add_big_roadmap,
    demo_database,
    fonts,
    norm,
    open_db,
    page_sizes,
    page_texts,
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = demo_database(tmp_path_factory.mktemp("cli"))
    database = open_db(path)
    with database.session() as session:
        add_big_roadmap(session, 40, long_cell=False)  # roadmap 2, without an approving order
    database.close()
    return path


def _orders(db: Path) -> int:
    database = open_db(db)
    try:
        with database.session() as session:
            return session.scalar(select(func.count()).select_from(Order))
    finally:
        database.close()


def test_roadmap_only_has_approval_block(db: Path, tmp_path: Path) -> None:
    database = open_db(db)
    try:
        with database.session() as session:
            pdf = export_roadmap_pdf(session, 1, tmp_path / "roadmap.pdf")
            title = session.get(Roadmap, 1).title
    finally:
        database.close()
    first = page_texts(pdf)[0]
    assert "СОГЛАСОВАНО" in first and "УТВЕРЖДАЮ" in first
    assert "Веретенникова" in first and "20____ г." in first
    assert norm(title) in norm(first)
    assert set(page_sizes(pdf)) == {(842, 595)}
    assert all(emb == "yes" for _, emb in fonts(pdf))


def test_cli_order(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "order.pdf"
    assert cli.run(["export", "order", "--db", str(db), "--order", "1", "-o", str(out)]) == 0
    assert "ПРИКАЗ" in page_texts(out)[0]


def test_cli_roadmap_with_approving_order(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "order.pdf"
    assert cli.run(["export", "order", "--db", str(db), "--roadmap", "1", "-o", str(out)]) == 0
    assert "12/1" in page_texts(out)[0]


def test_cli_roadmap_without_order_prints_unsaved_draft(db: Path, tmp_path: Path) -> None:
    before = _orders(db)
    out = tmp_path / "draft.pdf"
    assert cli.run(["export", "order", "--db", str(db), "--roadmap", "2", "-o", str(out)]) == 0
    first = page_texts(out)[0]
    assert "ПРОЕКТ" in first and "Об утверждении плана-графика" in " ".join(first.split())
    assert _orders(db) == before, "the draft must not be written to the database"


def test_cli_roadmap_only(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "rm.pdf"
    args = ["export", "order", "--db", str(db), "--order", "1", "--roadmap-only", "-o", str(out)]
    assert cli.run(args) == 0
    assert "УТВЕРЖДАЮ" in page_texts(out)[0]


@pytest.mark.parametrize("args", [["--order", "99"], ["--roadmap", "99"],
                                  ["--roadmap", "99", "--roadmap-only"]])
def test_cli_unknown_ids_exit_2(db: Path, tmp_path: Path, args: list[str],
                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert cli.run(["export", "order", "--db", str(db), *args, "-o", str(out)]) == 2
    assert "не найден" in capsys.readouterr().err
    assert not out.exists()


def test_cli_requires_one_of_order_or_roadmap(db: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.run(["export", "order", "--db", str(db), "-o", str(tmp_path / "x.pdf")])
    assert exc.value.code == 2


def test_register_on_a_bare_parser(db: Path, tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    export_order.register(parser.add_subparsers())
    out = tmp_path / "bare.pdf"
    args = parser.parse_args(["order", "--db", str(db), "--order", "1", "-o", str(out)])
    assert args.func(args) == 0 and out.stat().st_size > 10_000
