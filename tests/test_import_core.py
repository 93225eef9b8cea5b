"""Small pieces of the import: Qt-free modules, continuation joining, numbering formats,
LibreOffice missing or hanging, file kind detection."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.importers import convert as convert_module
from desktop.importers import detect
from desktop.importers.rows import join_continuation, split_heading, split_labels
from desktop.importers.writer import split_executors
from tests.test_import_fixtures import fixture


def test_importers_never_import_qt() -> None:
    code = ("import sys, pkgutil, importlib, desktop.importers as i\n"
            "for m in pkgutil.iter_modules(i.__path__): importlib.import_module(i.__name__ + '.' + m.name)\n"
            "import desktop.commands.importing\n"
            "assert 'PySide6' not in sys.modules\nprint('ok')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "ok", result.stderr


@pytest.mark.parametrize(("before", "after", "joined"), [
    ("в соот-", "ветствии с планом", "в соответствии с планом"),
    ("Руково-", "дитель ОО", "Руководитель ОО"),
    ("Проведение семинара", "для педагогов", "Проведение семинара для педагогов"),
    ("Первая задача.", "Вторая задача", "Первая задача.\nВторая задача"),
    ("РОО", "", "РОО"),
    ("2022-", "2023", "2022-\n2023"),
])
def test_join_continuation(before: str, after: str, joined: str) -> None:
    assert join_continuation(before, after) == joined


def test_headings_and_labels() -> None:
    assert split_heading("7. Взаимодействие с родителями") == ("7", "Взаимодействие с родителями")
    assert split_heading("Раздел 2. Мониторинг") == ("2", "Мониторинг")
    assert split_heading("2023 год") == ("", "2023 год")
    assert split_labels("Мониторинг Задачи: выявить. Показатели: 80%") == \
        ("Мониторинг", "выявить.", "80%")


def test_split_executors() -> None:
    assert split_executors("РОО, ИМЦ") == ["РОО", "ИМЦ"]
    assert split_executors("ГБУ «Центр, развития»; ИМЦ") == ["ГБУ «Центр, развития»", "ИМЦ"]
    assert split_executors("Кураторы (ИМЦ, РОО)\nРуководители школ") == \
        ["Кураторы (ИМЦ, РОО)", "Руководители школ"]


def test_detect_kinds() -> None:
    assert detect(fixture("balakhta-500plus-2022.docx")) == "docx"
    assert detect(fixture("kaliningrad-region-2023.xlsx")) == "xlsx"
    assert detect(fixture("petrogradsky-2021-2023-vmerge.doc")) == "doc"


def test_libreoffice_missing(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(convert_module, "find_soffice", lambda: None)
    with pytest.raises(UserError, match=r"сохраните файл как \.docx"):
        convert_module.convert(fixture("petrogradsky-2021-2023-vmerge.doc"), "docx", tmp_path)


def test_libreoffice_timeout(monkeypatch, tmp_path: Path) -> None:
    seen: list[list[str]] = []

    def hang(command, **kwargs):
        seen.append(command)
        raise subprocess.TimeoutExpired(command, kwargs["timeout"])

    monkeypatch.setattr(convert_module, "find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(convert_module.subprocess, "run", hang)
    with pytest.raises(UserError, match="не успел"):
        convert_module.convert(fixture("petrogradsky-2021-2023-vmerge.doc"), "docx", tmp_path,
                               timeout=1)
    assert any(a.startswith("-env:UserInstallation=file://") for a in seen[0])


def test_superscript_digits_in_numbers_are_no_numbers() -> None:
    """«²» is a digit to str.isdigit but no int: found by the hostile fuzz test, it stopped the
    import with a ValueError."""
    from types import SimpleNamespace

    from desktop.importers.structure import number_warnings

    sections = [SimpleNamespace(items=[SimpleNamespace(number=n) for n in ("1.1", "1.²", "1.3")])]
    assert number_warnings(sections) == ["После номера 1.1 идёт 1.3: номера пропущены"]
