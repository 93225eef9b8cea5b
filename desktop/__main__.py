"""``python -m desktop``: the window by default, a sub-command for headless work."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args if not a.startswith("-")), None)
    if args and (first is not None and not _is_option_value(args, first)):
        from desktop.cli import run

        return run(args)
    if args and args[0] in ("-h", "--help") and len(args) == 1:
        from desktop.cli import run

        return run(args)
    from desktop.app import main as gui_main

    return gui_main(args)


def _is_option_value(args: list[str], word: str) -> bool:
    """True when ``word`` is the value of a GUI option (``--db PATH``), not a sub-command."""
    index = args.index(word)
    return index > 0 and args[index - 1] in ("--db", "--screenshot", "--view", "--size")


if __name__ == "__main__":
    sys.exit(main())
