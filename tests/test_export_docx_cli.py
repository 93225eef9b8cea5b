"""``python -m desktop export docx`` and File → Export → Word: the roadmap alone, a roadmap with
sections, a draft order, errors in Russian."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from desktop.models import Roadmap
from desktop.models.database import open_database
from desktop.ui.export_actions import EXPORT_KINDS
from tests.test_export_docx_support import (
    ACTIVITIES,
    CLOSING,
    MONTHS,
    add_full_roadmap,
    texts,
    to_pdf,
)
from tests.test_export_pdf_support import norm, page_sizes, page_texts

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "desktop", "export", "docx", *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


@pytest.fixture(scope="module")
def database_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A database with a roadmap in five sections (and its order), and one without an order."""
    path = tmp_path_factory.mktemp("docx_cli") / "db.sqlite"
    database = open_database(path, create=True)
    with database.session() as session:
        roadmap = add_full_roadmap(session, sections=True)
        bare = Roadmap(title="Дорожная карта без приказа", period_start=roadmap.period_start,
                       period_end=roadmap.period_end)
        session.add(bare)
        session.commit()
        ids = (roadmap.id, bare.id)
    database.close()
    return path, *ids


def test_roadmap_only_is_landscape_with_both_approval_blocks(database_file, tmp_path: Path) -> None:
    db, roadmap_id, _ = database_file
    target = tmp_path / "карта.docx"
    result = cli("--db", str(db), "--roadmap", str(roadmap_id), "--roadmap-only", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "Дорожная карта сохранена" in result.stdout
    document = docx.Document(str(target))
    assert [s.orientation for s in document.sections] == [WD_ORIENT.LANDSCAPE]
    blocks = texts(document.tables[0]._tbl)
    assert "СОГЛАСОВАНО" in blocks and "УТВЕРЖДАЮ" in blocks and "К.А. Кузьмин" in blocks
    assert "ПРИКАЗ" not in [p.text for p in document.paragraphs]
    assert f"{CLOSING[0]}\t{CLOSING[1]}" in [p.text for p in document.paragraphs]
    # five sections: each a row merged across the table, with the items after it
    table = next(t for t in document.tables if texts(t._tbl.tr_lst[0]).startswith("№ п/п"))
    columns = len(table.columns)
    spans = [r for r in table._tbl.tr_lst if len(r.tc_lst) == 1]
    assert [texts(r) for r in spans] == [f"{n}. Раздел «{n}» — ёмкий" for n in range(1, 6)]
    assert all(r.tc_lst[0].grid_span == columns for r in spans)
    items = [texts(r.tc_lst[1]) for r in table._tbl.tr_lst[2:] if len(r.tc_lst) == columns]
    assert items == ACTIVITIES
    (pdf,) = to_pdf([target], tmp_path)
    assert all(w > h for w, h in page_sizes(pdf))
    whole = norm("".join(page_texts(pdf)))
    for text in ("СОГЛАСОВАНО", "УТВЕРЖДАЮ", "1. Раздел «1» — ёмкий", *MONTHS, CLOSING[1]):
        assert norm(text) in whole, text


def test_order_of_a_roadmap_without_one_is_a_draft(database_file, tmp_path: Path) -> None:
    db, _, bare_id = database_file
    target = tmp_path / "проект.docx"
    result = cli("--db", str(db), "--roadmap", str(bare_id), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "Проект приказа сохранён" in result.stdout
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert paragraphs[0] == "ПРОЕКТ" and "ПРИКАЗ" in paragraphs
    assert any(p.startswith("_______________\t№\u00a0________") for p in paragraphs)
    database = open_database(db)
    with database.session() as session:  # the draft was not stored
        assert session.get(Roadmap, bare_id).approving_order is None
    database.close()


@pytest.mark.parametrize(("args", "message"), [
    (["--order", "999"], "Приказ с кодом 999 не найден"),
    (["--roadmap", "999", "--roadmap-only"], "Дорожная карта с кодом 999 не найдена"),
])
def test_unknown_ids_are_one_russian_line(database_file, tmp_path: Path, args, message) -> None:
    db, _, _ = database_file
    target = tmp_path / "нет.docx"
    result = cli("--db", str(db), *args, "-o", str(target))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not target.exists()


def test_export_into_a_missing_folder_is_a_russian_error(database_file, tmp_path: Path) -> None:
    db, roadmap_id, _ = database_file
    result = cli("--db", str(db), "--roadmap", str(roadmap_id),
                 "-o", str(tmp_path / "нет папки" / "x.docx"))
    assert result.returncode == 2 and "Папка не существует" in result.stderr


def _kind(key: str):
    return next(k for k in EXPORT_KINDS if k.key == key)


@pytest.mark.parametrize(("key", "prefix", "expected"), [
    ("order_docx", "Приказ 12-1 от 28.01.2026", "п р и к а з ы в а ю:"),
    ("roadmap_docx", "Дорожная карта 2026", "УТВЕРЖДАЮ"),
])
def test_word_exports_from_the_window(window, tmp_path: Path, key, prefix, expected) -> None:
    target = tmp_path / "из окна.docx"
    window.dialogs.save_paths = [target]
    window.dialogs.answers = [False]
    window.exports.actions[key].trigger()
    kind, _title, suggested = window.dialogs.shown[0]
    assert kind == "save" and Path(suggested).name.startswith(prefix)
    assert Path(suggested).suffix == ".docx"
    document = docx.Document(str(target))
    flow = "".join(t.text or "" for t in document.element.body.iter(qn("w:t")))
    assert expected in flow
    assert "Информирование общеобразовательных организаций" in flow
    assert _kind(key).menu_text in [a.text() for a in window.export_menu.actions()]
