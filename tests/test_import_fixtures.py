"""Importing the published roadmaps in ../shared/fixtures (expectations from reading the
samples in ../shared/samples, not from the importer's output)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.importers import read_file
from desktop.importers.writer import plan_directory, write_preview
from desktop.models import Order, Organisation, Roadmap

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
if not FIXTURES.is_dir():
    FIXTURES = Path("/work/shared/fixtures")


def fixture(name: str) -> Path:
    path = FIXTURES / name
    assert path.is_file(), f"нет файла {path}"
    return path


@pytest.fixture(scope="module")
def soffice() -> str:
    """LibreOffice is installed by `make test`: its absence fails, never skips."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail("LibreOffice (soffice) не установлен: выполните `make test`, "
                    "он ставит libreoffice-writer и libreoffice-calc")
    return path


def by_number(preview) -> dict[str, object]:
    return {i.number.rstrip("."): i for i in preview.items()}


def test_balakhta(db) -> None:
    preview = read_file(fixture("balakhta-500plus-2022.docx"))
    titles = [s.title for s in preview.sections]
    assert [s.number for s in preview.sections] == ["1", "2", "3", "4", "5", "6"]
    assert titles[1] == "Научно – методическое сопровождение"  # a heading paragraph between tables
    assert titles[5] == "Информационное освещение проекта «500+»"  # a merged row inside a table
    assert [len(s.items) for s in preview.sections] == [6, 11, 3, 4, 6, 2]
    items = by_number(preview)
    # one activity with three task/indicator rows under it stays one item
    tasks = items["4.1"].tasks.split("\n")
    assert tasks[0].startswith("Заполнение форма «Самодиагностика»")
    assert tasks[1] == "Активация выбранных для работы рисков"
    assert tasks[2].startswith("Подтверждение кураторами заполнения формы")
    assert len(items["4.1"].indicator.split("\n")) == 3
    assert "Кураторы, закрепленные" in items["4.2"].executors
    assert items["1.2"].deadline == "17.01.2022 – 04.02.2022 (исполнено)"
    assert items["2.2"].deadline_kind == "unparsed"  # 18.01.02.2022
    assert [i.number for i in preview.sections[4].items] == ["5.1", "5.2", "5.3", "5.2", "5.3", "5.4"]
    assert any("2.14" in w and "пропущен" in w for w in preview.warnings)
    assert any("5.2" in w and "повторяется" in w for w in preview.warnings)
    assert preview.period == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert preview.order is not None
    assert (preview.order.number, preview.order.date) == ("6а", dt.date(2022, 1, 14))
    assert preview.order.signatory_name == "К.А. Кузьмин"
    assert preview.order.title.startswith("Об утверждении дорожной карты")
    assert len(preview.order.points) == 3


def test_kaliningrad_shapes_agree() -> None:
    """Typed, vMerge + automatic numbering, and LibreOffice-saved: the same roadmap."""
    typed = read_file(fixture("kaliningrad-region-2023.docx"))
    for name in ("kaliningrad-region-2023-vmerge.docx", "kaliningrad-region-2023-lo.docx"):
        other = read_file(fixture(name))
        assert [(s.number, s.title) for s in other.sections] == \
            [(s.number, s.title) for s in typed.sections], name
        assert [(i.number, i.activity, i.deadline, i.executors, i.indicator, i.info_support)
                for i in other.items()] == \
            [(i.number, i.activity, i.deadline, i.executors, i.indicator, i.info_support)
             for i in typed.items()], name
    assert [len(s.items) for s in typed.sections] == [13, 4, 6, 6, 3]
    assert all(s.number == "" for s in typed.sections)  # unnumbered merged section rows
    assert [i.number for i in typed.items()] == [f"{n}." for n in range(1, 33)]
    first = typed.items()[0]
    assert first.activity.startswith("Назначение ответственных лиц на школьном")
    assert first.deadline == "До 15.02.2023"
    assert typed.items()[22].deadline == "Август"
    # items 30–32 are dated 2022 in a 2023 plan: flagged
    assert typed.period == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert all(i.warnings for i in typed.items()[29:32])
    assert sum(1 for s in typed.skipped if "шапки" in s) >= 4
    assert typed.order is not None and typed.order.number == "28/1"
    assert typed.order.date == dt.date(2023, 1, 13)
    assert typed.order.signatory_name == "С.С. Трусенёва"
    assert typed.order.points[3][1][0].startswith("разработать и утвердить")


def test_petrogradsky(db) -> None:
    preview = read_file(fixture("petrogradsky-2021-2023.docx"))
    assert [(s.number, s.title) for s in preview.sections] == [
        ("1", "Организационные мероприятия"), ("2", "Методическое сопровождение"),
        ("3", "Мониторинг"), ("4", "Информационно-аналитическое обеспечение"),
        ("5", "Меры и управленческие решения, направленные на совершенствование системы "
              "работы с ШНОР и ШФЗР")]
    assert [len(s.items) for s in preview.sections] == [1, 12, 6, 5, 6]
    assert preview.sections[0].tasks.startswith("1. Организационное обеспечение")
    assert "реализация районного плана" in preview.sections[0].indicators
    assert preview.sections[2].tasks.startswith("- 1.Выявление факторов риска")
    assert preview.sections[4].indicators.startswith("-не менее 80% ШНОР")
    assert preview.period == (dt.date(2021, 1, 1), dt.date(2023, 12, 31))
    assert preview.goal.startswith("повышение качества массового образования")
    assert [a.kind for a in preview.approvals] == ["agreed", "approved"]
    assert preview.approvals[0].name == "М.Н.Андреева"
    assert preview.approvals[0].date == dt.date(2022, 8, 22)
    assert ("ИМЦ", "Информационно-методический центр") in preview.abbreviations
    with db.session() as session:
        plan_directory(session, preview)
        roadmap_id = write_preview(session, preview).id
    with db.session() as session:
        roadmap = session.get(Roadmap, roadmap_id)
        items = {i.number: i for i in roadmap.all_items()}
        assert roadmap.layout_json["order"] == ["goal", "table", "abbreviations"]
        assert roadmap.layout_json["headings"]["goal"] == "Цель"
        assert items["4.1.1"].parent is items["4.1"]
        assert items["4.1.1"].depth == 1 and items["4.1"].depth == 0
        assert [e.display for e in items["2.6"].executors] == ["ИМЦ", "РОО"]
        assert items["2.6"].executors[0].organisation is not None
        assert items["1.1"].deadline_text == "сентябрь- октябрь 2022г., 2023г."
        org = session.query(Organisation).filter_by(short_name="РЦОКО").one()
        assert org.full_name == "районный центр оценки качества образования"
        # the roadmap's «СОГЛАСОВАНО» / «УТВЕРЖДАЮ» make no order (issue 22)
        assert session.query(Order).count() == 0
        assert [a["name"] for a in roadmap.layout_json["approvals"]] == \
            ["М.Н.Андреева", "Е.С.Кукушкин"]


def test_old_doc_through_libreoffice(soffice: str) -> None:
    preview = read_file(fixture("petrogradsky-2021-2023-vmerge.doc"))
    typed = read_file(fixture("petrogradsky-2021-2023.docx"))
    assert [len(s.items) for s in preview.sections] == [1, 12, 6, 5, 6]
    assert [(i.number.rstrip("."), i.activity, i.deadline, i.executors)
            for i in preview.items()] == \
        [(i.number.rstrip("."), i.activity, i.deadline, i.executors) for i in typed.items()]


def _soffice_convert(soffice: str, source: Path, target: str, out: Path) -> Path:
    profile = (out / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    target, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return out / f"{source.stem}.{target.split(':')[0]}"


def test_docx_to_doc_and_back(soffice: str, tmp_path: Path) -> None:
    """A fixture saved by LibreOffice as .odt and as Word 97–2003, then imported (converted
    back to .docx). This LibreOffice flattens these tables when writing .doc straight from
    .docx, so the .doc is written from the .odt, as a coordinator's old files were."""
    odt = _soffice_convert(soffice, fixture("kaliningrad-region-2023-vmerge.docx"), "odt",
                           tmp_path)
    doc = _soffice_convert(soffice, odt, "doc:MS Word 97", tmp_path)
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    typed = read_file(fixture("kaliningrad-region-2023.docx")).items()
    for path in (odt, doc):
        preview = read_file(path)
        assert [len(s.items) for s in preview.sections] == [13, 4, 6, 6, 3]
        assert preview.items()[16].activity.startswith("Анализ эффективности принятых мер")
        assert [(i.number, i.activity, i.executors) for i in preview.items()] == \
            [(i.number, i.activity, i.executors) for i in typed]


def test_excel_fixture() -> None:
    preview = read_file(fixture("kaliningrad-region-2023.xlsx"))
    assert preview.kind == "xlsx"
    assert [len(s.items) for s in preview.sections] == [13, 4, 6, 6, 3]
    assert preview.sections[1].title == "Аналитическая деятельность"
    typed = read_file(fixture("kaliningrad-region-2023.docx"))
    assert [(i.number, i.deadline) for i in preview.items()] == \
        [(i.number, i.deadline) for i in typed.items()]
    assert preview.items()[0].activity == typed.items()[0].activity


def test_cli_json(tmp_path: Path) -> None:
    import json

    result = subprocess.run([sys.executable, "-m", "desktop", "import",
                             str(fixture("balakhta-500plus-2022.docx")),
                             "--db", str(tmp_path / "x.db"), "--json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["sections"], data["items"]) == (6, 32)
    assert isinstance(data["roadmap_id"], int)
    assert data["warnings"]
    dry = subprocess.run([sys.executable, "-m", "desktop", "import",
                          str(fixture("balakhta-500plus-2022.docx")),
                          "--db", str(tmp_path / "x.db"), "--json", "--dry-run"],
                         capture_output=True, text=True, timeout=120)
    assert json.loads(dry.stdout)["roadmap_id"] is None
