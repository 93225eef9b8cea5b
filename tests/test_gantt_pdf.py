"""The printed timeline: page size, split into readable pages, labels and title on every page,
page numbers, embedded fonts (checked with poppler), the PNG and the command line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtGui import QImage

from desktop.errors import UserError
from desktop.painting.gantt import export_gantt, time_chunks
from tests.conftest import DEMO_TODAY

ROOT = Path(__file__).resolve().parent.parent


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} (poppler-utils) is required for the PDF tests and is missing")
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


def page_count(path: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", str(path))).group(1))


def test_a4_pdf_is_landscape_split_and_labelled(qapp, demo_db, tmp_path: Path) -> None:
    target = export_gantt(demo_db, 1, tmp_path / "gantt.pdf", today=DEMO_TODAY)
    info = poppler("pdfinfo", str(target))
    assert "842 x 595 pts" in info
    pages = page_count(target)
    assert pages > 1
    for page in range(1, pages + 1):
        text = " ".join(poppler("pdftotext", "-f", str(page), "-l", str(page), str(target), "-").split())
        assert "Муниципальная дорожная карта" in text
        assert re.search(r"\d+\.\d+ [А-Я]", text), f"no item label on page {page}"
        assert f"Стр. {page} из {pages}" in text
        assert "выполнено" in text  # the legend
    first = poppler("pdftotext", "-f", "1", "-l", "1", str(target), "-")
    assert "январь" in first and "декабрь" not in first  # not the whole year squeezed in
    fonts = poppler("pdffonts", str(target)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


def test_a3_paper(qapp, demo_db, tmp_path: Path) -> None:
    target = export_gantt(demo_db, 1, tmp_path / "gantt.pdf", paper="A3", today=DEMO_TODAY)
    assert "1191 x 842 pts" in poppler("pdfinfo", str(target))


def test_png_loads(qapp, demo_db, tmp_path: Path) -> None:
    target = export_gantt(demo_db, 1, tmp_path / "gantt.png", today=DEMO_TODAY)
    image = QImage(str(target))
    assert not image.isNull()
    assert 1500 < image.width() < 6000 and 800 < image.height() < 6000


def test_bad_input_is_a_user_error(qapp, demo_db, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(UserError, match="не найдена"):
        export_gantt(demo_db, 999, out / "x.pdf")
    with pytest.raises(UserError, match=r"\.pdf или \.png"):
        export_gantt(demo_db, 1, out / "x.xyz")
    assert not list(out.iterdir())


def test_time_chunks_keep_months_readable() -> None:
    from datetime import date
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert [c[0].month for c in time_chunks(year, 750)] == [1, 7]
    assert len(time_chunks(year, 4000)) == 1
    short = (date(2026, 3, 1), date(2026, 3, 31))
    assert time_chunks(short, 750) == [short]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    return subprocess.run([sys.executable, "-m", "desktop", "export", "gantt", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_cli_writes_pdf_and_rejects_bad_input(demo_db_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.pdf"
    done = _cli("--db", str(demo_db_file), "--roadmap", "1", "-o", str(out), "--paper", "A3")
    assert done.returncode == 0, done.stderr
    assert "1191 x 842 pts" in poppler("pdfinfo", str(out))
    assert not [p for p in tmp_path.iterdir() if p.name != "g.pdf"]  # no temporary left
    bad = _cli("--db", str(demo_db_file), "--roadmap", "77", "-o", str(tmp_path / "h.pdf"))
    assert bad.returncode == 2 and "не найдена" in bad.stderr
    bad = _cli("--db", str(demo_db_file), "--roadmap", "1", "-o", str(tmp_path / "h.xyz"))
    assert bad.returncode == 2 and ".pdf или .png" in bad.stderr
