"""Fonts, translations and icons the window needs, loaded from ``resources/``.

Shipping the font makes Cyrillic render everywhere (offscreen too) and makes
screenshots match between Windows and Linux.
"""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6 import QtCore
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
#: Qt's Russian catalogue of its widgets' own texts
QT_CATALOG = "qtbase_ru.qm"


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


def translations_folder() -> Path:
    """Where Qt's ``.qm`` files are: Qt's own answer, else beside the PySide6 package
    (``PySide6/Qt/translations``, the layout of the wheel and of a PyInstaller bundle)."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if (folder / QT_CATALOG).exists():
        return folder
    return Path(PySide6.__file__).resolve().parent / "Qt" / "translations"


#: texts Qt 6 shows whose current source strings qtbase_ru.qm does not translate yet
#: (Qt changed them: «&Look in:» was «Look in:»; file types moved to the icon provider)
MISSING_IN_CATALOG: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Папка:",
    ("QFileDialog", "Files of &type:"): "&Типы файлов:",
    **{(context, source): russian
       for context in ("QAbstractFileIconProvider", "QFileIconProvider", "QFileSystemModel")
       for source, russian in (("Folder", "Папка"), ("Drive", "Диск"), ("File", "Файл"),
                               ("%1 File", "Файл %1"), ("Unknown", "Неизвестный"),
                               ("Shortcut", "Ярлык"), ("Alias", "Псевдоним"),
                               ("Computer", "Компьютер"))},
}


class MissingQtStrings(QTranslator):
    """The few Qt texts :data:`MISSING_IN_CATALOG` fills in; None lets Qt ask the next one."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return MISSING_IN_CATALOG.get((context, source))

    def isEmpty(self) -> bool:
        return False


def prefer_qt_dialogs(app: QApplication) -> None:
    """Native file dialogs would show the system's language instead of Qt's Russian
    strings, and differ from system to system: the application uses Qt's own dialogs
    everywhere. (Apart from :func:`install_translations` because the first touch of Qt's
    ``Qt`` namespace costs ~20 ms: the start-up sets this after the first paint.)"""
    app.setAttribute(QtCore.Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own Russian strings («Да», «Отмена», context menus, the file dialog's
    «Папка:», «Тип файла:»)."""
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    translators = []
    folder = str(translations_folder())
    for name in ("qtbase_ru", "qt_ru"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            translators.append(translator)
    if translators:  # installed last, asked first
        supplement = MissingQtStrings(app)
        app.installTranslator(supplement)
        translators.append(supplement)
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
