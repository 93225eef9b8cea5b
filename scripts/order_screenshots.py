"""Remake the order screenshots of the README: an order whose roadmap has a passport,
target indicators, a schedule appendix and no sections, pages as PNG (pdftoppm -r 60).

Run: .venv/bin/python scripts/order_screenshots.py  (needs poppler-utils)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.export.pdf_order import render_order_pdf  # noqa: E402
from desktop.models.database import open_database  # noqa: E402
from desktop.services.demo import create_demo  # noqa: E402
from desktop.services.orders import order_for_roadmap  # noqa: E402
from tests.parts_fixture import add_parts_roadmap  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = open_database(folder / "parts.db", create=True)
        try:
            create_demo(database, year=2026)
            with database.session() as session:
                roadmap = add_parts_roadmap(session)
                order = order_for_roadmap(session, roadmap.id)
                order.number, order.title = "12-1", (
                    "Об утверждении дорожной карты по повышению качества образования "
                    "в школах с низкими результатами обучения на 2026 год")
                import datetime as dt

                order.date = dt.date(2026, 1, 28)
                pdf = render_order_pdf(session, order, folder / "order.pdf")
                session.rollback()
        finally:
            database.close()
        subprocess.run([shutil.which("pdftoppm") or "pdftoppm", "-png", "-r", "60", str(pdf),
                        str(folder / "page")], check=True)
        pages = sorted(folder.glob("page-*.png"))
        names = ["order-parts-page1.png", "order-parts-passport.png", "order-parts-table.png"]
        for name, page in zip(names, pages, strict=False):
            shutil.copy(page, OUT / name)
        shutil.copy(pages[-1], OUT / "order-parts-schedule.png")
        print(f"{len(pages)} страниц, снимки в {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
