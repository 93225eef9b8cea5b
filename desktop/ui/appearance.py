"""Fonts, translations and icons the window needs, loaded from ``resources/``.

Shipping the font makes Cyrillic render everywhere (offscreen too) and makes
screenshots match between Windows and Linux.
"""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.paths import resource_path

#: the window uses no italics (Qt would slant the regular face if it did); the PDF
#: exporters register their own faces
UI_FONT_FILES = ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf")
UI_FONT_SIZE = 10
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


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own Russian strings («Да», «Отмена», context menus, the file dialog's
    «Папка:», «Тип файла:»).

    Native file dialogs would show the system's language instead of these strings, and
    differ from system to system: the application uses Qt's own dialogs everywhere.
    """
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
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
