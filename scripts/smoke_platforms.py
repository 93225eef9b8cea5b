"""How the smoke test (``scripts/smoke_bundle.py``) runs a built copy of the program.

A :class:`Program` runs one built copy with nothing of this checkout's Python around it:
:class:`LinuxProgram` the Linux bundle or the unpacked .deb (``env -i``, a PATH with no
Python), :class:`WindowsProgram` the Windows bundle or an installed copy under Wine (its own
Windows Python inside; Wine needs a pipe for stdout and stderr, and a Russian locale makes
the pipe's code page cp1251, as on a Russian Windows). Paths are handed over in the form the
program's system uses (``Z:\\…`` under Wine).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

NAME = "dorozhnaya-karta"


class Failed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


@dataclass
class Program:
    """One built copy: the command-line program and the window's program (the same file on
    Linux), and the folder its data goes to."""

    cli: Path
    window: Path
    home: Path
    label: str
    #: the encoding the program writes to a pipe on its system
    pipe_encoding: str = "utf-8"
    extra_env: dict[str, str] = field(default_factory=dict)

    def arg(self, path: Path) -> str:
        return str(path)

    def command(self, program: Path, args: list[str]) -> list[str]:
        return [str(program), *args]

    def environment(self) -> dict[str, str]:
        raise NotImplementedError

    def run(self, args: list[str | Path], expect: int = 0, window: bool = False,
            timeout: int = 240, env: dict[str, str] | None = None,
            encoding: str | None = None) -> Result:
        """Run with ``args`` (paths converted), expecting exit code ``expect``; the output
        read in ``encoding`` (by default what the program writes to a pipe there)."""
        encoding = encoding or self.pipe_encoding
        words = [self.arg(a) if isinstance(a, Path) else a for a in args]
        program = self.window if window else self.cli
        completed = subprocess.run(
            self.command(program, words), env={**self.environment(), **(env or {})},
            cwd=self.home, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        result = Result(completed.returncode,
                        completed.stdout.decode(encoding, errors="replace"),
                        completed.stderr.decode(encoding, errors="replace"))
        check(result.code == expect,
              f"{program.name} {' '.join(words)} → код {result.code} (ждали {expect}): "
              f"{(result.stderr or result.stdout)[-800:]}")
        return result


@dataclass
class LinuxProgram(Program):
    def environment(self) -> dict[str, str]:
        empty_bin = self.home / "empty-bin"
        empty_bin.mkdir(parents=True, exist_ok=True)
        return {"PATH": str(empty_bin), "HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen",
                "LANG": "C.UTF-8", "DOROZHNAYA_KARTA_DATA": str(self.home / "data"),
                **self.extra_env}


def windows_path(path: Path) -> str:
    """A Linux path as a Windows program under Wine sees it (drive Z: is the root)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


@dataclass
class WindowsProgram(Program):
    prefix: Path = Path()
    pipe_encoding: str = "cp1251"

    def arg(self, path: Path) -> str:
        return windows_path(path)

    def command(self, program: Path, args: list[str]) -> list[str]:
        return ["wine", str(program), *args]

    def environment(self) -> dict[str, str]:
        return wine_environment(self.prefix, {
            "DOROZHNAYA_KARTA_DATA": windows_path(self.home / "data"),
            # Wine passes no QT_* variable to a Windows program; WINE-prefixed ones arrive
            # without the prefix
            "WINEQT_QPA_PLATFORM": "offscreen", **self.extra_env})


def wine_environment(prefix: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Wine with its own prefix, quiet, no Mono/Gecko, and a Russian locale: the ANSI code
    page (what a Windows program writes to a pipe) is then cp1251, as on a Russian Windows."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/root"),
            "WINEPREFIX": str(prefix), "WINEARCH": "win64", "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=;winemenubuilder.exe=d", "LC_ALL": "ru_RU.UTF-8", **(extra or {})}


def new_wine_prefix(prefix: Path) -> None:
    """A fresh 64-bit Wine prefix (about 12 s)."""
    shutil.rmtree(prefix, ignore_errors=True)
    prefix.mkdir(parents=True)
    env = wine_environment(prefix)
    subprocess.run(["wineboot", "-u"], env=env, capture_output=True, timeout=300, check=True)
    subprocess.run(["wineserver", "-w"], env=env, timeout=300, check=True)


def stop_wine(prefix: Path) -> None:
    subprocess.run(["wineserver", "-k"], env=wine_environment(prefix), capture_output=True,
                   timeout=60)


def check_libraries(bundle: Path) -> None:
    """Every ELF file's libraries resolve (the bundle's own, or the system's)."""
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}")
    missing = set()
    for path in [bundle / NAME, *internal.rglob("*.so*")]:
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
        missing.update(f"{path.name}: {line.split()[0]}" for line in out.splitlines()
                       if "not found" in line)
    check(not missing, "не найдены библиотеки: " + "; ".join(sorted(missing)[:10]))
    libpython = subprocess.run(["ldd", str(bundle / NAME)], env=env, capture_output=True,
                               text=True).stdout
    check("libpython" not in libpython or str(internal) in libpython,
          "программа берёт libpython не из своей папки")


def unpack_deb(deb: Path, target: Path) -> Path:
    """The .deb's files under ``target``; the program folder it installs to /opt."""
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    launcher = (target / "usr" / "bin" / NAME).read_text()
    check(f"/opt/{NAME}/{NAME}" in launcher, "запускатель не ведёт в /opt")
    check((target / "usr" / "share" / "applications" / f"{NAME}.desktop").is_file(),
          "нет .desktop")
    check((target / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
           / f"{NAME}.svg").is_file(), "нет значка")
    return target / "opt" / NAME
