"""The core never imports Qt: models, services, export and importers run headless."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_without_pyside6() -> None:
    code = (
        "import sys\n"
        "import desktop.models, desktop.models.database, desktop.models.deadline\n"
        "import desktop.export, desktop.export.atomic\n"
        "import desktop.services.demo, desktop.services.listing, desktop.services.table\n"
        "import desktop.services.progress, desktop.importers, desktop.cli\n"
        "import pkgutil, importlib, desktop.export as e\n"
        "for m in pkgutil.iter_modules(e.__path__): importlib.import_module('desktop.export.' + m.name)\n"
        "assert 'PySide6' not in sys.modules, sorted(k for k in sys.modules if 'PySide6' in k)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
