"""The command line's help and usage errors are Russian: no argparse English reaches the user."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from desktop.argparse_ru import translate_error
from desktop.cli import build_parser

#: argparse's own English words and phrases (any of them in the output is a failure)
ENGLISH = re.compile(r"usage:|show this help|positional arguments|options:|optional arguments"
                     r"|required|invalid choice|choose from|error:|argument|expected|unrecognized")


def _desktop(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", [("--help",), ("export", "--help"), ("export", "order", "--help"),
                                  ("import", "--help"), ("deadline", "--help")])
def test_help_is_russian(args: tuple[str, ...]) -> None:
    result = _desktop(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Использование: python -m desktop")
    assert "показать эту справку и выйти" in result.stdout
    assert "параметры:" in result.stdout
    assert not ENGLISH.search(result.stdout), result.stdout


def test_top_level_help_lists_export_formats_only_under_export() -> None:
    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert "export" in commands and "order" not in commands and "xlsx" not in commands
    assert set(commands["export"]._subparsers._group_actions[0].choices) >= {"order", "xlsx", "docx"}


@pytest.mark.parametrize(("args", "expected"), [
    (("export", "order", "--roadmap", "1"), "не указаны обязательные аргументы: -o/--output"),
    (("export", "bogus"), "аргумент ФОРМАТ: недопустимое значение 'bogus' (можно: 'docx'"),
    (("bogus",), "аргумент КОМАНДА: недопустимое значение 'bogus'"),
    (("list", "--db"), "аргумент --db: после него нужно значение"),
    (("export", "order", "--order", "x", "-o", "a.pdf"), "аргумент --order: недопустимое значение: 'x'"),
    (("list", "--what"), "неизвестные аргументы: --what"),
    (("export", "order", "-o", "a.pdf"), "нужен один из аргументов: --order --roadmap"),
])
def test_usage_errors_are_one_russian_line(args: tuple[str, ...], expected: str) -> None:
    result = _desktop(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "ошибка в аргументах: " in lines[0] and expected in lines[0], lines[0]
    assert not ENGLISH.search(lines[0]), lines[0]


def test_unknown_messages_pass_through_and_nested_ones_translate() -> None:
    assert translate_error("argument -x: not allowed with argument -y") == \
        "аргумент -x: нельзя указывать вместе с -y"
    assert translate_error("что-то своё") == "что-то своё"
