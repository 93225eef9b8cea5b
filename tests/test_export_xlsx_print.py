"""The exported workbook printed by LibreOffice: the Cyrillic text reaches the PDF."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.export.xlsx import export_roadmap_xlsx
from desktop.models.database import open_database
from desktop.services.demo import create_demo


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_libreoffice_prints_cyrillic(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) не найден: установите его (make установит), тест обязателен"
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) не найден"
    database = open_database(tmp_path / "t.db")
    roadmap_id = create_demo(database, year=2026)
    xlsx = tmp_path / "карта.xlsx"
    with database.session() as session:
        export_roadmap_xlsx(session, roadmap_id, xlsx, today=dt.date(2026, 5, 15))
    database.close()
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(xlsx)],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "карта.pdf"
    assert pdf.exists()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    flat = " ".join(text.split())
    assert "Муниципальная дорожная карта по оказанию адресной методической помощи" in flat
    assert "Назначение кураторов школ с низкими образовательными результатами" in flat
    assert "Исполнение дорожной карты на 15.05.2026" in flat
    assert "График реализации" in flat
    assert "Страница 1 из" in flat
