"""The program as a user starts it, for the tests that need a process of its own: ``python -m
desktop`` offscreen, in a working folder, with the user data folder where the test says."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_desktop(*args: str, cwd: Path, data: Path | None = None,
                env: dict[str, str] | None = None,
                timeout: int = 120) -> subprocess.CompletedProcess[str]:
    extra = {"DOROZHNAYA_KARTA_DATA": str(data)} if data is not None else {}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra,
                               **(env or {})})
