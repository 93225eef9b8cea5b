"""Render the application icon from its SVG: PNG sizes for Linux, the .ico for Windows, and
the picture on the Windows installer's first and last pages (``installer-welcome.bmp``).

Run after editing ``resources/icons/dorozhnaya-karta.svg``; the outputs are committed so a
build needs neither this script nor Pillow:
``QT_QPA_PLATFORM=offscreen python scripts/render_icons.py``.
Qt draws the SVG (QtSvg); Pillow, installed in the developer's venv with reportlab,
packs the PNGs into one multi-size .ico (Qt's ICO writer stores a single size).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
)
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


#: NSIS Modern UI's welcome and finish picture: 164×314 pixels, a BMP
WELCOME_SIZE = (164, 314)


def render_welcome(renderer: QSvgRenderer) -> QImage:
    """The icon on the icon's own blue, the program's name under it."""
    width, height = WELCOME_SIZE
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(0, 0, 0, height)
    gradient.setColorAt(0, QColor("#2f6db5"))
    gradient.setColorAt(1, QColor("#1d4a80"))
    painter.fillRect(image.rect(), gradient)
    renderer.render(painter, QRectF((width - 112) / 2, 48, 112, 112))
    fonts = ICONS.parent / "fonts"
    family = QFontDatabase.applicationFontFamilies(
        QFontDatabase.addApplicationFont(str(fonts / "LiberationSans-Bold.ttf")))[0]
    font = QFont(family)
    font.setPixelSize(19)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(QRectF(0, 176, width, 60), Qt.AlignmentFlag.AlignHCenter
                     | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, "Дорожная\nкарта")
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
    render_welcome(renderer).save(str(ICONS / "installer-welcome.bmp"))
    from PIL import Image

    largest = Image.open(ICONS / f"{NAME}-256.png")
    largest.save(ICONS / f"{NAME}.ico", sizes=[(s, s) for s in ICO_SIZES])
    return 0


if __name__ == "__main__":
    sys.exit(main())
