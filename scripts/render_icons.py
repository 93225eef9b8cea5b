"""Render the application icon from its SVG: PNG sizes for Linux and the .ico for Windows.

Run after editing ``resources/icons/dorozhnaya-karta.svg``; the outputs are committed so a
build needs neither this script nor Pillow:
``QT_QPA_PLATFORM=offscreen python scripts/render_icons.py``.
Qt draws the SVG (QtSvg); Pillow, installed in the developer's venv with reportlab,
packs the PNGs into one multi-size .ico (Qt's ICO writer stores a single size).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAME = "dorozhnaya-karta"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / f"{NAME}.svg"))
    if not renderer.isValid():
        print("SVG не читается", file=sys.stderr)
        return 2
    for size in PNG_SIZES:
        render(renderer, size).save(str(ICONS / f"{NAME}-{size}.png"))
    from PIL import Image

    largest = Image.open(ICONS / f"{NAME}-256.png")
    largest.save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
