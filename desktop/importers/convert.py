"""Old formats (.doc, .odt, .rtf, .xls, .ods) converted to .docx / .xlsx by LibreOffice headless.

Each run gets a profile of its own (``-env:UserInstallation``): a LibreOffice
the user has open would otherwise swallow the conversion silently. A timeout
stops a hung conversion; a missing LibreOffice gets a message telling the
user to save the file as .docx (or .xlsx) themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from desktop.errors import UserError

TIMEOUT_S = 120


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    for candidate in (r"C:\Program Files\LibreOffice\program\soffice.exe",
                      r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if Path(candidate).exists():
            return candidate
    return None


def convert(path: Path, target: str, workdir: Path, *, timeout: float = TIMEOUT_S) -> Path:
    """Convert ``path`` to ``target`` («docx» or «xlsx») in ``workdir``; the new file's path."""
    soffice = find_soffice()
    hint = "сохраните файл как .docx" if target == "docx" else "сохраните файл как .xlsx"
    if soffice is None:
        raise UserError(f"Для чтения файла «{path.name}» нужен LibreOffice, он не установлен: "
                        f"откройте файл в Word или Excel и {hint}.")
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=workdir))
    out = workdir / "converted"
    out.mkdir(exist_ok=True)
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--norestore", "--nologo", "--convert-to", target, "--outdir", str(out), str(path)]
    env = dict(os.environ, HOME=str(profile))
    try:
        subprocess.run(command, capture_output=True, timeout=timeout, check=False, env=env,
                       stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise UserError(f"LibreOffice не успел преобразовать файл за {int(timeout)} с: "
                        f"{hint} и повторите импорт.") from exc
    except OSError as exc:
        raise UserError(f"LibreOffice не запустился: {hint}.") from exc
    result = out / (path.stem + "." + target)
    if not result.exists():
        raise UserError(f"LibreOffice не смог прочитать файл «{path.name}» (повреждён или "
                        f"защищён паролем?): {hint} и повторите импорт.")
    return result
