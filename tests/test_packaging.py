"""The packaging pieces that can be checked without building: the bundle's filter rules,
build.spec, the .desktop entry, the Debian control template, the launcher and the icon.
The slow check of a real bundle and .deb is ``make test-bundle`` (scripts/smoke_bundle.py)."""

from __future__ import annotations

import importlib.util
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QSize
from PySide6.QtSvg import QSvgRenderer

from desktop.ui.appearance import ICON_SIZES, install_icon

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"


def _load_filter():
    spec = importlib.util.spec_from_file_location("bundle_filter", PACKAGING / "bundle_filter.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bundle_filter"] = module
    spec.loader.exec_module(module)
    return module


bundle_filter = _load_filter()


@pytest.mark.parametrize(("dest", "kept"), [
    ("babel/locale-data/ru.dat", True),
    ("babel/locale-data/root.dat", True),
    ("babel/locale-data/de.dat", False),
    ("babel/locale-data/ru_UA.dat", False),
    ("babel/global.dat", True),
    ("holidays/locale/ru/LC_MESSAGES/RU.mo", True),
    ("holidays/locale/de/LC_MESSAGES/DE.mo", False),
    ("PySide6/Qt/translations/qtbase_ru.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6\\Qt\\translations\\qt_fr.qm", False),
    ("PySide6\\translations\\qtbase_de.qm", False),
    ("PySide6\\translations\\qtbase_ru.qm", True),
    ("PySide6\\translations\\qt_ru.qm", True),
    ("PySide6\\translations\\qt_help_ru.qm", False),
    ("docx/parts/__init__.py", True),
    ("desktop/models/migrations/env.py", True),
    ("desktop/models/migrations/__pycache__/env.cpython-311.pyc", False),
    ("resources/fonts/LiberationSerif-Regular.ttf", True),
    ("reportlab/fonts/_a______.pfb", True),
    ("somepackage/tests/data.json", False),
    ("pymorphy3_dicts_ru/data/words.dawg", True),
    ("pymorphy3_dicts_ru/data/p_t_given_w.intdawg", False),
    ("pytrovich/petrovich-rules/rules.json", True),
])
def test_data_filter(dest: str, kept: bool) -> None:
    assert bundle_filter.keep_data(dest) is kept


@pytest.mark.parametrize(("dest", "source", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "", True),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", "", True),
    ("PySide6/Qt/plugins/imageformats/libqwebp.so", "", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "", False),
    ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", "", False),
    ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", "", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", "", True),
    ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "", False),
    ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "", False),
    ("PySide6\\Qt6Qml.dll", "C:\\venv\\PySide6\\Qt6Qml.dll", False),
    ("PySide6\\Qt6Widgets.dll", "C:\\venv\\PySide6\\Qt6Widgets.dll", True),
    ("PySide6\\opengl32sw.dll", "C:\\venv\\PySide6\\opengl32sw.dll", False),
    ("PySide6\\plugins\\platforms\\qdirect2d.dll", "", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", "", True),
    ("PySide6\\plugins\\platforms\\qoffscreen.dll", "", True),
    ("libX11.so.6", "/lib/x86_64-linux-gnu/libX11.so.6", False),
    ("libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", False),
    ("libsqlite3.so.0", "/lib/x86_64-linux-gnu/libsqlite3.so.0", True),
    ("libssl.so.3", "/usr/lib/x86_64-linux-gnu/libssl.so.3", True),
    ("libpython3.11.so.1.0", "/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0", True),
    ("pypdfium2_raw/libpdfium.so", "/venv/site-packages/pypdfium2_raw/libpdfium.so", True),
])
def test_binary_filter(dest: str, source: str, kept: bool) -> None:
    assert bundle_filter.keep_binary(dest, source) is kept


def test_excluded_modules_keep_what_the_program_imports() -> None:
    excluded = set(bundle_filter.EXCLUDED_MODULES)
    # reportlab imports PIL.Image on load; the Qt modules the window uses must stay
    for needed in ("PIL", "PIL.Image", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets",
                   "PySide6.QtPrintSupport", "PySide6.QtSvg", "lxml", "lxml.etree"):
        assert needed not in excluded
    assert {"tkinter", "PIL._avif", "PIL._webp", "PySide6.QtQml", "PySide6.QtNetwork",
            "multiprocessing"} <= excluded


def test_spec_is_platform_neutral_and_uses_the_filter() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "keep_binary(entry[0], entry[1])" in spec and "keep_data(entry[0])" in spec
    assert "excludes=EXCLUDED_MODULES" in spec
    assert 'ICON = os.path.join("resources", "icons", "dorozhnaya-karta.ico")' in spec
    assert "icon=ICON" in spec
    assert not re.search(r"[\"'](/usr|/lib|/opt|/home|[A-Z]:\\)", spec)
    ico = (ICONS / "dorozhnaya-karta.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] >= 5


def test_desktop_entry_validates_and_is_russian() -> None:
    entry = PACKAGING / "dorozhnaya-karta.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    fields = dict(line.split("=", 1) for line in entry.read_text(encoding="utf-8").splitlines()
                  if "=" in line)
    assert fields["Name"] == "Дорожная карта" and fields["Name[ru]"] == "Дорожная карта"
    assert re.search("[а-я]", fields["Comment[ru]"])
    assert fields["Exec"] == "dorozhnaya-karta" and fields["Icon"] == "dorozhnaya-karta"
    assert fields["Terminal"] == "false"


def test_control_lists_the_libraries_qt_needs() -> None:
    control = (PACKAGING / "debian" / "control.in").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", control, re.MULTILINE))
    assert fields["Package"] == "dorozhnaya-karta" and fields["Architecture"] == "amd64"
    assert fields["Version"] == "@VERSION@" and fields["Installed-Size"] == "@INSTALLED_SIZE@"
    depends = {d.split()[0] for d in fields["Depends"].split(", ")}
    # Qt's xcb platform plugin, OpenGL, fonts, printing, the C/C++ runtimes
    for package in ("libc6", "libstdc++6", "libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0",
                    "libx11-xcb1", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3",
                    "libcups2", "libglib2.0-0"):
        assert package in depends, package
    assert re.search(r"libc6 \(>= 2\.3[4-9]\)", fields["Depends"])  # PySide6 wheels: glibc 2.34


def test_launcher_runs_the_program_in_opt() -> None:
    launcher = (PACKAGING / "dorozhnaya-karta.sh").read_text(encoding="utf-8")
    assert launcher.startswith("#!/bin/sh\n")
    assert 'exec /opt/dorozhnaya-karta/dorozhnaya-karta "$@"' in launcher
    assert (PACKAGING / "dorozhnaya-karta.sh").stat().st_mode & 0o111


def test_icon_files(qapp) -> None:
    assert QSvgRenderer(str(ICONS / "dorozhnaya-karta.svg")).isValid()
    assert "CC0" in (ICONS / "LICENSE.txt").read_text(encoding="utf-8")
    for size in ICON_SIZES:
        data = (ICONS / f"dorozhnaya-karta-{size}.png").read_bytes()
        assert struct.unpack(">II", data[16:24]) == (size, size)
    icon = install_icon(qapp)
    assert qapp.windowIcon().cacheKey() == icon.cacheKey()
    assert {QSize(s, s) for s in ICON_SIZES} <= set(icon.availableSizes())
    assert qapp.desktopFileName() == "dorozhnaya-karta"


def _spec_data_calls(package: str) -> list[tuple[str, dict]]:
    """The ``collect_data_files`` / ``copy_metadata`` calls build.spec makes for ``package``,
    with their keyword arguments as written there."""
    import ast

    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    return [(node.func.id, {k.arg: ast.literal_eval(k.value) for k in node.keywords})
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("collect_data_files", "copy_metadata") and node.args
            and isinstance(node.args[0], ast.Constant) and node.args[0].value == package]


def test_bundle_carries_the_declension_data(tmp_path: Path) -> None:
    """What build.spec collects for desktop/grammar, through the bundle's filter, is enough
    to decline: the rules and the dictionary are copied as the bundle would lay them out
    and both libraries load from the copies."""
    from PyInstaller.utils.hooks import collect_data_files
    from pymorphy3 import MorphAnalyzer
    from pytrovich.enums import Case, Gender, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    assert ("copy_metadata", {}) in _spec_data_calls("pymorphy3_dicts_ru")
    for package in ("pytrovich", "pymorphy3_dicts_ru"):
        calls = [kwargs for name, kwargs in _spec_data_calls(package) if name == "collect_data_files"]
        assert len(calls) == 1, package
        for source, folder in collect_data_files(package, **calls[0]):
            dest = f"{folder}/{Path(source).name}"
            if bundle_filter.keep_data(dest):
                (tmp_path / folder).mkdir(parents=True, exist_ok=True)
                (tmp_path / dest).write_bytes(Path(source).read_bytes())
    rules = tmp_path / "pytrovich" / "petrovich-rules"
    assert (rules / "LICENSE").is_file()
    maker = PetrovichDeclinationMaker(str(rules / "rules.json"))
    assert maker.make(NamePart.LASTNAME, Gender.FEMALE, Case.DATIVE, "Петрова") == "Петровой"
    data = tmp_path / "pymorphy3_dicts_ru" / "data"
    assert not (data / "p_t_given_w.intdawg").exists()  # left out: 2.9 MB nothing reads
    morph = MorphAnalyzer(path=str(data), lang="ru", probability_estimator_cls=None)
    assert morph.parse("координатор")[0].inflect({"datv"}).word == "координатору"
