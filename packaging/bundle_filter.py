"""What the PyInstaller bundle leaves out (used by ``build.spec``, checked by tests).

PyInstaller collects whole packages and every Qt plugin a module might load; the
program needs far less. Each rule below names what it drops and why it is not
needed at run time. Paths are the bundle's destination names (``PySide6/Qt/...``);
both ``/`` and ``\\`` separators are accepted so the same rules serve Windows.
"""

from __future__ import annotations

import re

#: Python modules never imported by the program. reportlab imports ``PIL.Image`` whenever it
#: is loaded, so Pillow's core stays; its optional codecs (AVIF, WebP, colour management,
#: FreeType text) and their 10 MB of libraries go: the PDFs embed no pictures.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "unittest", "pydoc", "doctest", "lib2to3", "pdb",
    "PIL._avif", "PIL._webp", "PIL._imagingcms", "PIL._imagingft", "PIL._imagingmath",
    "PIL._imagingmorph", "PIL._imagingtk", "PIL.ImageQt", "PIL.ImageTk", "PIL.ImageShow",
    "numpy", "IPython", "pytest", "hypothesis", "setuptools", "pip",
    # nothing uses it, yet PyInstaller's run-time hook imports it at every start (~15 ms)
    "multiprocessing",
    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtQml",
    "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtWebEngineCore", "PySide6.QtSql",
    "PySide6.QtDBus", "PySide6.QtXml", "PySide6.QtTest", "PySide6.QtUiTools",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtConcurrent",
    "lxml.html", "lxml.objectify", "lxml.isoschematron", "lxml.cssselect",
]

#: Left out of the Linux bundle only: psycopg's binary wheel brings its own libpq with
#: OpenSSL, Kerberos and LDAP (10 MB). The .deb depends on the system's ``libpq5``, which
#: psycopg's own Python implementation loads; Windows keeps the wheel (no system libpq).
LINUX_EXCLUDED_MODULES = ["psycopg_binary"]

#: Qt plugin folders kept whole; any other plugin folder is dropped.
KEPT_PLUGIN_DIRS = {
    "platforms", "platformthemes", "platforminputcontexts", "imageformats", "iconengines",
    "printsupport", "xcbglintegrations", "styles",
}
#: Plugins dropped inside a kept folder: Wayland, framebuffer, VNC and EGL-on-KMS
#: platforms (the window runs on X11, XWayland or Windows), GTK theme (would need GTK),
#: the virtual keyboard (needs QtQuick), image formats the program never reads.
#: On Windows: Direct2D, an experimental platform plugin chosen only with -platform direct2d.
DROPPED_PLUGINS = re.compile(
    r"(qwayland|qeglfs|qlinuxfb|qminimalegl|qvnc|qvkkhrdisplay|qgtk3|qtvirtualkeyboard"
    r"|qwebp|qtiff|qicns|qtga|qwbmp|qpdf|qdirect2d)[^/]*$"
)
#: Windows wheels' extras the window never loads: Mesa's software OpenGL (20 MB; Qt falls
#: back to it only for OpenGL content, and the window paints with the raster engine) and
#: the Direct3D shader compiler (Qt Quick's).
DROPPED_WINDOWS_FILES = re.compile(r"^(opengl32sw|d3dcompiler_\d+)\.dll$", re.IGNORECASE)
#: Qt libraries only the dropped plugins and modules use.
DROPPED_QT_LIBS = re.compile(
    r"Qt6(Wayland|Wl|Qml|Quick|Network|OpenGL|EglFs|Pdf|VirtualKeyboard|Designer|Help|Sql|Test"
    r"|Labs|ShaderTools|Concurrent|Xml)", re.IGNORECASE,
)
#: Libraries of the operating system (X11 and xcb, fontconfig, GLib, D-Bus, CUPS, the C++
#: runtime…) are not copied: every Linux desktop has them, the .deb depends on them
#: (packaging/debian/control), and a bundled copy would shadow the system's newer one
#: (a bundled libstdc++ breaks the system's OpenGL drivers). Windows sources never match.
SYSTEM_LIB_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")
#: …except what the Python interpreter itself was built against: kept, so the bundle's
#: Python behaves the same everywhere (its SQLite above all).
PYTHON_RUNTIME_LIBS = re.compile(
    r"^lib(ssl|crypto|sqlite3|ffi|lzma|bz2|z|uuid|expat|mpdec|readline|ncursesw|tinfo|gdbm)"
    r"\.so"
)
#: Data folders nothing reads at run time.
DROPPED_DATA_DIRS = re.compile(r"(^|/)(tests?|docs?|examples?)/")
#: pymorphy3's word-frequency table: desktop/grammar builds its analyser without it (2.9 MB).
PYMORPHY_FREQUENCIES = re.compile(r"^pymorphy3_dicts_ru/data/p_t_given_w\.intdawg$")
#: Every babel locale except Russian (and ``root``, the fallback every locale inherits from).
BABEL_LOCALE = re.compile(r"^babel/locale-data/(?P<name>[^/]+)\.dat$")
KEPT_BABEL_LOCALES = re.compile(r"^(root|ru|ru_RU)$")
#: holidays' translations: only the Russian calendar's names are shown.
HOLIDAYS_LOCALE = re.compile(r"^holidays/locale/")
KEPT_HOLIDAYS_LOCALE = re.compile(r"^holidays/locale/[^/]+/LC_MESSAGES/RU\.mo$")
QT_TRANSLATION = re.compile(r"^PySide6/(Qt/)?translations/")  # Linux wheels / Windows wheels
#: Qt translations: the Russian ones of the modules shipped (qt_ru.qm gathers qtbase_ru.qm;
#: Qt Help's is not needed).
KEPT_QT_TRANSLATION = re.compile(r"(^|/)qt(base)?_ru\.qm$")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def is_system_library(dest: str, source: str) -> bool:
    """A library PyInstaller found in the system's folders, not shipped with Python."""
    name = _norm(dest).rsplit("/", 1)[-1]
    return _norm(source).startswith(SYSTEM_LIB_DIRS) and not PYTHON_RUNTIME_LIBS.match(name)


def keep_binary(dest: str, source: str = "") -> bool:
    """Whether a binary (library, plugin) with bundle path ``dest`` goes into the bundle."""
    path = _norm(dest)
    if is_system_library(dest, source):
        return False
    plugin = re.match(r"^PySide6/Qt/plugins/([^/]+)/", path) or re.match(
        r"^PySide6/plugins/([^/]+)/", path)
    if plugin:
        return plugin.group(1) in KEPT_PLUGIN_DIRS and not DROPPED_PLUGINS.search(path)
    name = path.rsplit("/", 1)[-1]
    return not DROPPED_QT_LIBS.search(name) and not DROPPED_WINDOWS_FILES.match(name)


def keep_data(dest: str) -> bool:
    """Whether a data file with bundle path ``dest`` goes into the bundle."""
    path = _norm(dest)
    if "__pycache__/" in path:  # left by a source run; the bundle has its own compiled code
        return False
    if path.startswith(("desktop/", "resources/")):
        return True
    if DROPPED_DATA_DIRS.search(path) or PYMORPHY_FREQUENCIES.match(path):
        return False
    babel = BABEL_LOCALE.match(path)
    if babel:
        return bool(KEPT_BABEL_LOCALES.match(babel.group("name")))
    if HOLIDAYS_LOCALE.match(path):
        return bool(KEPT_HOLIDAYS_LOCALE.match(path))
    if QT_TRANSLATION.match(path):
        return bool(KEPT_QT_TRANSLATION.search(path))
    return keep_binary(path)
