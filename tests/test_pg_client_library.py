"""Without a libpq for psycopg to load (the Linux bundle has none of its own: the .deb
depends on libpq5), a server address gets a Russian message naming the package, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: psycopg's Python implementation (the bundle's) on a system where no libpq is found
NO_LIBPQ = r"""
import ctypes.util, os, sys
find = ctypes.util.find_library
ctypes.util.find_library = lambda name: None if name == "pq" else find(name)
from desktop.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_server_address_without_libpq_names_the_package(tmp_path: Path) -> None:
    env = dict(os.environ, PSYCOPG_IMPL="python", PYTHONPATH=str(ROOT),
               DOROZHNAYA_KARTA_DATA=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", NO_LIBPQ, "list", "--db", "postgresql+psycopg://u@127.0.0.1:9/x"],
        env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert "libpq5" in result.stderr and "Traceback" not in result.stderr
