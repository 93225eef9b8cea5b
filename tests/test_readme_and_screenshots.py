"""The README speaks to the coordinator in Russian and points only at what exists; the
screenshot script makes 1366×768 pictures in which no label is cut."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_links_and_pictures_exist() -> None:
    assert "../shared" not in README.replace("../shared/fixtures", "")
    for target in re.findall(r"\]\(([^)]+)\)", README):
        assert (ROOT / target).exists(), target


def test_readme_says_where_data_lives_and_how_to_restore() -> None:
    for needed in ("DOROZHNAYA_KARTA_DATA", "DOROZHNAYA_KARTA_DB", "Восстановить из копии",
                   "python -m desktop restore --db", "python -m desktop backup --db",
                   "demo/demo.db", "make screenshots"):
        assert needed in README, needed


def test_readme_sections_are_russian() -> None:
    headings = re.findall(r"^#+ (.+)$", README, flags=re.MULTILINE)
    assert len(headings) >= 8
    for heading in headings:
        assert re.search(r"[А-Яа-яЁё]", heading), heading
        assert " / " not in heading, heading  # no «Русский / English» pairs


def test_screenshot_script_makes_uncut_pictures(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(tmp_path),
         "welcome", "empty-database", "schools", "new-roadmap"],
        capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    made = sorted(p.stem for p in tmp_path.glob("*.png"))
    assert made == ["empty-database", "new-roadmap", "schools", "welcome"]
    assert QImage(str(tmp_path / "schools.png")).size().toTuple() == (1366, 768)
    assert "не помещается" not in result.stdout and "больше экрана" not in result.stdout, \
        result.stdout
