"""``python -m desktop``: the window by default, a sub-command for headless work."""

from __future__ import annotations

import sys
from collections.abc import Sequence

#: the window's options that take a value (``--db PATH``): that value is not a sub-command
GUI_OPTIONS_WITH_VALUE = ("--db", "--screenshot", "--view")


def wants_cli(args: Sequence[str]) -> bool:
    """A sub-command is named (any word that is not a window option's value), or help."""
    if list(args) in (["-h"], ["--help"]):
        return True
    previous = None
    for word in args:
        if not word.startswith("-") and previous not in GUI_OPTIONS_WITH_VALUE:
            return True
        previous = word
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_cli(args):
        from desktop.cli import run

        return run(args)
    from desktop.app import main as gui_main

    return gui_main(args)


if __name__ == "__main__":
    sys.exit(main())
