"""``python -m desktop``: the window by default, a sub-command for headless work.

Only the standard library's ``sys`` is imported before :func:`main` installs the handlers of
Ctrl-C and SIGTERM (:mod:`desktop.interrupts`): from then on an interruption at any moment
ends in «Прервано.» and exit code 2, and one after the outcome is known changes nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def wants_cli(args: Sequence[str]) -> bool:
    """A sub-command is named (any word that is not a window option's value nor a file the
    window opens), or help."""
    from desktop.window_args import OPTIONS_WITH_VALUE, is_opened_file

    if list(args) in (["-h"], ["--help"]):
        return True
    previous = None
    for word in args:
        if (not word.startswith("-") and previous not in OPTIONS_WITH_VALUE
                and not is_opened_file(word)):
            return True
        previous = word
    return False


def main(argv: Sequence[str] | None = None) -> int:
    from desktop import interrupts

    interrupts.install()
    try:
        code = _run(list(sys.argv[1:] if argv is None else argv))
    except KeyboardInterrupt:
        code = interrupts.report()
    interrupts.settle()
    if interrupts.reported:
        interrupts.leave(code)
    return code


def _run(args: list[str]) -> int:
    from desktop.console import configure_streams

    configure_streams()  # Russian on any console, pipe or redirected file (Windows too)
    if wants_cli(args):
        from desktop.cli import run

        return run(args)
    from desktop.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
