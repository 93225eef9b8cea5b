"""Russian output in any console, pipe or redirected file (``desktop.console``).

A Windows pipe or redirected file gets the ANSI code page: cp1251 on a Russian Windows,
cp1252 on a Western one, where Cyrillic used to stop the program with UnicodeEncodeError.
The subprocess tests set that encoding with PYTHONIOENCODING, as the system would.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from desktop.console import ERROR_HANDLER, chosen_encoding, configure_stream, writes_russian


def _help_bytes(encoding: str, **env: str) -> bytes:
    result = subprocess.run([sys.executable, "-m", "desktop", "--help"], capture_output=True,
                            timeout=60, env={"PYTHONIOENCODING": encoding, "PATH": "/usr/bin",
                                             **env})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_western_code_page_pipe_gets_utf8_not_a_crash() -> None:
    text = _help_bytes("cp1252").decode("utf-8")
    assert "Использование:" in text and "«Дорожная карта»" in text


def test_russian_ansi_code_page_is_kept() -> None:
    data = _help_bytes("cp1251")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1251")
    assert "Использование:" in text and "«Дорожная карта»" in text


def test_dos_code_page_writes_lookalikes_for_missing_signs() -> None:
    text = _help_bytes("ascii", DOROZHNAYA_KARTA_ENCODING="cp866").decode("cp866")
    assert "Использование:" in text
    assert '"Дорожная карта"' in text and "«" not in text


@pytest.mark.parametrize(("current", "env", "expected"), [
    ("cp1252", {}, "utf-8"),
    ("cp1251", {}, "cp1251"),
    ("utf-8", {}, "utf-8"),
    (None, {}, "utf-8"),
    ("ascii", {"PYTHONIOENCODING": "cp866:strict"}, "cp866"),
    ("cp1251", {"DOROZHNAYA_KARTA_ENCODING": "no-such-codec"}, "cp1251"),
    ("cp1251", {"DOROZHNAYA_KARTA_ENCODING": "latin-1"}, "cp1251"),
])
def test_chosen_encoding(current, env, expected) -> None:
    assert chosen_encoding(current, env) == expected


def test_lookalikes_and_question_marks() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252")
    configure_stream(stream, {"DOROZHNAYA_KARTA_ENCODING": "cp866"})
    stream.write("№ 5 — «Школа» 2×3 ≤ 4 ✓ 中")
    stream.flush()
    assert raw.getvalue().decode("cp866") == '№ 5 - "Школа" 2x3 <= 4 + ?'
    assert stream.errors == ERROR_HANDLER


def test_writes_russian() -> None:
    assert writes_russian("cp1251") and writes_russian("cp866") and writes_russian("utf-8")
    assert not writes_russian("cp1252") and not writes_russian("bogus") and not writes_russian("")
