"""Fonts, translations and icons the window needs, loaded from ``resources/``.

Shipping the font makes Cyrillic render everywhere (offscreen too) and makes
screenshots match between Windows and Linux.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path

#: the window uses no italics (Qt would slant the regular face if it did); the PDF
#: exporters register their own faces
UI_FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")
UI_FONT_SIZE = 10


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
