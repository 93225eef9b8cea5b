"""The Windows part of the smoke test (``make test-windows``): the bundle under Wine, and the
installer's whole life in a fresh Wine prefix.

:func:`windows_bundle` gives the built folder ``dist/windows/dorozhnaya-karta/`` to run in a
prefix of its own. :func:`installer_round` installs ``DorozhnayaKarta-Setup-VERSION.exe``
silently for the current user and then for all users; each time it checks the files, the
«Программы и компоненты» entry, the Start-menu shortcut and the .dkp association, runs the
installed program (its data goes to %LOCALAPPDATA%\\dorozhnaya-karta, the platformdirs
default), installs again over it (an upgrade), uninstalls silently and checks that the
program is gone and the user's data is still there.
"""

from __future__ import annotations

import glob
import subprocess
from pathlib import Path

from smoke_platforms import (
    WindowsProgram,
    check,
    new_wine_prefix,
    stop_wine,
    wine_environment,
)

APP_FOLDER = "Дорожная карта"
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\DorozhnayaKarta"


def windows_bundle(root: Path, tmp: Path) -> WindowsProgram:
    bundle = root / "dist" / "windows" / "dorozhnaya-karta"
    check((bundle / "dorozhnaya-karta-cli.exe").is_file(),
          f"нет {bundle / 'dorozhnaya-karta-cli.exe'}: сначала make windows")
    prefix = tmp / "wine-bundle"
    new_wine_prefix(prefix)
    return WindowsProgram(cli=bundle / "dorozhnaya-karta-cli.exe",
                          window=bundle / "dorozhnaya-karta.exe", home=tmp / "windows",
                          label=f"Windows, папка ({bundle})", prefix=prefix)


def wine(prefix: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(["wine", *args], env=wine_environment(prefix), capture_output=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def registry_has(prefix: Path, key: str) -> bool:
    return wine(prefix, "reg", "query", key).returncode == 0


def user_folder(prefix: Path) -> Path:
    users = [Path(p) for p in glob.glob(str(prefix / "drive_c" / "users" / "*"))
             if not p.endswith(("Public", "public"))]
    check(len(users) == 1, f"пользователи префикса Wine: {users}")
    return users[0]


def install(prefix: Path, setup: Path, mode: str) -> None:
    result = wine(prefix, str(setup), "/S", f"/{mode}")
    subprocess.run(["wineserver", "-w"], env=wine_environment(prefix), timeout=300)
    check(result.returncode == 0, f"установка /{mode}: код {result.returncode}")


def installer_round(root: Path, tmp: Path) -> None:
    setups = sorted((root / "dist" / "windows").glob("DorozhnayaKarta-Setup-*.exe"))
    check(bool(setups), "нет dist/windows/DorozhnayaKarta-Setup-*.exe: сначала make windows")
    prefix = tmp / "wine-setup"
    new_wine_prefix(prefix)
    try:
        for mode in ("CurrentUser", "AllUsers"):
            install_run_upgrade_uninstall(prefix, setups[-1], mode, tmp / f"setup-{mode}")
    finally:
        stop_wine(prefix)


def install_run_upgrade_uninstall(prefix: Path, setup: Path, mode: str, home: Path) -> None:
    user = user_folder(prefix)
    drive = prefix / "drive_c"
    if mode == "CurrentUser":
        folder = user / "AppData" / "Local" / "Programs" / APP_FOLDER
        hive, menu = "HKCU", user / "AppData" / "Roaming"
    else:
        folder = drive / "Program Files" / APP_FOLDER
        hive, menu = "HKLM", drive / "ProgramData"
    shortcut = menu / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{APP_FOLDER}.lnk"

    install(prefix, setup, mode)
    for name in ("dorozhnaya-karta.exe", "dorozhnaya-karta-cli.exe", "uninstall.exe"):
        check((folder / name).is_file(), f"/{mode}: нет {folder / name}")
    check(shortcut.is_file(), f"/{mode}: нет ярлыка в меню «Пуск»: {shortcut}")
    check(registry_has(prefix, rf"{hive}\{UNINSTALL_KEY}"),
          f"/{mode}: нет записи в «Программы и компоненты» ({hive})")
    check(registry_has(prefix, rf"{hive}\Software\Classes\.dkp"),
          f"/{mode}: пакеты .dkp не связаны с программой")

    # the installed program, with the default data folder (platformdirs: %LOCALAPPDATA%)
    program = WindowsProgram(cli=folder / "dorozhnaya-karta-cli.exe",
                             window=folder / "dorozhnaya-karta.exe", home=home,
                             label=f"установленная программа (/{mode})", prefix=prefix,
                             extra_env={"DOROZHNAYA_KARTA_DATA": ""})
    home.mkdir(parents=True, exist_ok=True)
    data = user / "AppData" / "Local" / "dorozhnaya-karta" / "roadmaps.db"
    if not data.exists():
        program.run(["demo", "--db", data])
    check("мероприятий: 39" in program.run(["list"]).stdout,
          f"/{mode}: установленная программа не читает базу в %LOCALAPPDATA%")
    shot = home / "окно.png"
    program.run(["--screenshot", shot], window=True)
    check(shot.stat().st_size > 30_000, f"/{mode}: снимок окна пуст")

    install(prefix, setup, mode)  # an upgrade over the installed copy
    check((folder / "dorozhnaya-karta.exe").is_file() and data.is_file(),
          f"/{mode}: после повторной установки нет программы или данных")

    result = wine(prefix, str(folder / "uninstall.exe"), "/S")
    subprocess.run(["wineserver", "-w"], env=wine_environment(prefix), timeout=300)
    check(result.returncode == 0, f"/{mode}: удаление: код {result.returncode}")
    left = sorted(p.name for p in folder.iterdir())[:5] if folder.exists() else []
    check(not folder.exists(), f"/{mode}: после удаления осталась папка {folder}: {left}")
    check(not shortcut.exists(), f"/{mode}: после удаления остался ярлык")
    check(not registry_has(prefix, rf"{hive}\{UNINSTALL_KEY}"),
          f"/{mode}: после удаления осталась запись в «Программы и компоненты»")
    check(data.is_file(), f"/{mode}: удаление стёрло данные пользователя {data}")

