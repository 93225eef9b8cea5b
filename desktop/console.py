"""Russian text on the command line whatever the terminal: the encoding of stdout and stderr.

Python writes to a Windows console through the wide-character API, so ``cmd.exe`` shows
Cyrillic whatever its code page (cp866 on a Russian Windows). A pipe or a redirected file
gets the ANSI code page instead: cp1251 on a Russian Windows, which Notepad and Excel read
back, but cp1252 on a Western one, where every Cyrillic letter would stop the program with
``UnicodeEncodeError``. :func:`configure_streams` keeps the system's choice when it can
write Russian, and otherwise writes UTF-8. Either way the few signs a code page lacks
(«», №, —, ×, →…) become their plain look-alikes instead of an error.

``DOROZHNAYA_KARTA_ENCODING`` (or Python's own ``PYTHONIOENCODING``) names another encoding
for a program that reads the output in it, e.g. ``cp866`` for an old DOS tool.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Mapping
from typing import TextIO

ENCODING_ENV_VAR = "DOROZHNAYA_KARTA_ENCODING"
ERROR_HANDLER = "dorozhnaya-karta-lookalike"

#: signs Russian text uses that cp1251 or cp866 may lack, with what is written instead
LOOKALIKES = {
    "«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "‘": "'", "’": "'",
    "—": "-", "–": "-", "−": "-", "‑": "-", "…": "...", "№": "N", "×": "x",
    "→": "->", "←": "<-", "≤": "<=", "≥": ">=", "≠": "!=", "✓": "+", "✔": "+", "•": "*",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u200b": "", "\ufeff": "", "ё": "е", "Ё": "Е",
}

#: letters every encoding we keep must write: the Russian alphabet
RUSSIAN_SAMPLE = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя"


def _lookalike(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each sign the encoding lacks as its look-alike, else ``?``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(LOOKALIKES.get(char, "?") for char in bad), error.end


codecs.register_error(ERROR_HANDLER, _lookalike)


def writes_russian(encoding: str | None) -> bool:
    """Whether ``encoding`` exists and can write every Russian letter."""
    if not encoding:
        return False
    try:
        RUSSIAN_SAMPLE.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return False
    return True


def chosen_encoding(current: str | None, environ: Mapping[str, str]) -> str:
    """The encoding for a stream now in ``current``: the user's choice if it writes Russian,
    else the system's if it does, else UTF-8."""
    for name in (environ.get(ENCODING_ENV_VAR), environ.get("PYTHONIOENCODING", "").split(":")[0]):
        if name and writes_russian(name):
            return codecs.lookup(name).name
    if writes_russian(current):
        return codecs.lookup(current).name  # type: ignore[arg-type]
    return "utf-8"


def configure_stream(stream: TextIO | None, environ: Mapping[str, str]) -> None:
    """Re-encode ``stream`` (stdout or stderr) as :func:`chosen_encoding` says, with the
    look-alike error handler; a stream that cannot be reconfigured is left as it is."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        stream.flush()  # type: ignore[union-attr]
        reconfigure(encoding=chosen_encoding(getattr(stream, "encoding", None), environ),
                    errors=ERROR_HANDLER)
    except (OSError, ValueError):  # closed, or a console Python writes in UTF-16 itself
        pass


def configure_streams() -> None:
    """stdout and stderr write Russian in the system's encoding, or UTF-8, never fail."""
    for stream in (sys.stdout, sys.stderr):
        configure_stream(stream, os.environ)
