"""The command line: ``dorozhnaya-karta SUBCOMMAND`` (``python -m desktop SUBCOMMAND``).

Each sub-command lives in its own module under :mod:`desktop.commands` with a
``register(subparsers)`` function that adds its parser and sets ``func`` (a
callable taking the parsed namespace and returning an exit code). Modules are
discovered, so a new sub-command is a new file and nothing else.

Exit codes: 0 on success, 2 with a one-line Russian message on stderr for bad
input (:class:`desktop.errors.UserError`) — never a traceback. An unexpected
error (a bug) is written to the log with its traceback and reported in one
Russian line with exit code 2 too.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from desktop import commands
from desktop.argparse_ru import RussianArgumentParser, RussianRawEpilogFormatter
from desktop.errors import UserError

EXIT_OK = 0
EXIT_USER_ERROR = 2


def command_modules() -> list[str]:
    """Names of the top-level command modules under :mod:`desktop.commands`, sorted
    (``export_*`` modules are registered by ``export`` as its formats, not here)."""
    return sorted(m.name for m in pkgutil.iter_modules(commands.__path__)
                  if not m.ispkg and not m.name.startswith("export_"))


def build_parser() -> argparse.ArgumentParser:
    from desktop.paths import program_name
    from desktop.window_args import window_help

    parser = RussianArgumentParser(
        prog=program_name(),
        description="«Дорожная карта» — командная строка. Без подкоманды запускает окно.",
        epilog=window_help(),
        formatter_class=RussianRawEpilogFormatter,
    )
    sub = parser.add_subparsers(dest="command", metavar="КОМАНДА", parser_class=RussianArgumentParser)
    for name in command_modules():
        module = importlib.import_module(f"{commands.__name__}.{name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` (without the program name) and run the sub-command."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        code = int(func(args) or EXIT_OK)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except UserError as exc:
        print(f"Ошибка: {exc.message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        from desktop.interrupts import report

        return report()
    except OverflowError:
        print("Ошибка: слишком большое число в аргументах", file=sys.stderr)
        return EXIT_USER_ERROR
    except Exception as exc:  # a bug: logged with its traceback, one Russian line shown
        from desktop.logs import report_unexpected

        print(f"Ошибка: {report_unexpected(exc, 'команда не выполнена')}", file=sys.stderr)
        return EXIT_USER_ERROR


def _reader_went_away() -> int:
    """``list | head -1``: the reader closed the pipe. Not an error; say nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the flush at exit must not fail again
    except (OSError, ValueError):
        pass
    return EXIT_OK
