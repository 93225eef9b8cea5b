"""argparse in Russian: the command line's help and usage errors without argparse's English.

argparse builds its fixed texts («usage:», «positional arguments», «options», «show this
help message and exit») and its error messages in English. :class:`RussianArgumentParser`
replaces each at its source — a formatter with a Russian usage prefix, Russian group
titles, its own ``-h`` — and translates the error messages argparse formats (the list
below covers every ``parser.error`` argparse 3.11–3.13 raises while parsing).
"""

from __future__ import annotations

import argparse
import re
from typing import NoReturn

EXIT_USAGE = 2

#: argparse's error messages (after formatting) → their Russian; tried in order
ERROR_TEXTS: tuple[tuple[str, str], ...] = (
    (r"^argument (?P<arg>.+?): (?P<rest>.*)$", "аргумент {arg}: {rest}"),
    (r"^the following arguments are required: (?P<args>.*)$",
     "не указаны обязательные аргументы: {args}"),
    (r"^one of the arguments (?P<args>.*) is required$",
     "нужен один из аргументов: {args}"),
    (r"^unrecognized arguments: (?P<args>.*)$", "неизвестные аргументы: {args}"),
    (r"^invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$",
     "недопустимое значение {value} (можно: {choices})"),
    (r"^invalid (?P<type>\w+) value: (?P<value>.*)$", "недопустимое значение: {value}"),
    (r"^expected one argument$", "после него нужно значение"),
    (r"^expected at most one argument$", "после него допускается не больше одного значения"),
    (r"^expected at least one argument$", "после него нужно хотя бы одно значение"),
    (r"^expected (?P<n>\d+) arguments?$", "после него нужно значений: {n}"),
    (r"^not allowed with argument (?P<arg>.*)$", "нельзя указывать вместе с {arg}"),
    (r"^ignored explicit argument (?P<value>.*)$", "лишнее значение {value}"),
    (r"^ambiguous option: (?P<option>\S+) could match (?P<matches>.*)$",
     "неоднозначный параметр {option}: подходят {matches}"),
)


def translate_error(message: str) -> str:
    """argparse's English error ``message`` in Russian (nested «argument X: …» too)."""
    for pattern, russian in ERROR_TEXTS:
        match = re.match(pattern, message, flags=re.DOTALL)
        if match:
            parts = match.groupdict()
            if "rest" in parts:
                parts["rest"] = translate_error(parts["rest"])
            return russian.format(**parts)
    return message


class RussianHelpFormatter(argparse.HelpFormatter):
    """Help with «Использование:» instead of «usage:»."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[override]
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "Использование: ")


class RussianRawEpilogFormatter(RussianHelpFormatter):
    """Russian help whose epilog keeps its own lines (the window's options, already laid out)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line + "\n" for line in text.splitlines())
        return super()._fill_text(text, width, indent)


class RussianArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose help and usage errors are Russian; errors exit with code 2."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", RussianHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "позиционные аргументы"
        self._optionals.title = "параметры"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="показать эту справку и выйти")

    def error(self, message: str) -> NoReturn:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: ошибка в аргументах: {translate_error(message)}\n")
