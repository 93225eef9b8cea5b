"""Fonts, translations and icons the window needs, loaded from ``resources/``.

Shipping the font makes Cyrillic render everywhere (offscreen too) and makes
screenshots match between Windows and Linux.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path

#: the window uses no italics (Qt would slant the regular face if it did); the PDF
#: exporters register their own faces
UI_FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")
UI_FONT_SIZE = 10
#: the application icon, drawn in resources/icons/dorozhnaya-karta.svg (scripts/render_icons.py)
ICON_NAME = "dorozhnaya-karta"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def install_fonts(app: QApplication) -> str:
    """Register the shipped UI font and make it the application font; returns its family."""
    family = ""
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    if family:
        app.setFont(QFont(family, UI_FONT_SIZE))
    return family


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own Russian strings («Да», «Отмена», context menus)."""
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    translators = []
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_ru", "qt_ru"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def application_icon() -> QIcon:
    """The program's icon at every rendered size (PNG: no SVG plugin needed at start-up)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"{ICON_NAME}-{size}.png")), QSize(size, size))
    return icon


def install_icon(app: QApplication) -> QIcon:
    """The window and taskbar icon; the desktop file name lets the taskbar match the
    window to ``dorozhnaya-karta.desktop`` (Wayland app id, GNOME/KDE grouping)."""
    icon = application_icon()
    app.setWindowIcon(icon)
    app.setDesktopFileName(ICON_NAME)
    return icon
