"""Ctrl-C (SIGINT) and SIGTERM at any moment: «Прервано.» and exit code 2, never a traceback.

Python turns SIGINT into ``KeyboardInterrupt`` wherever the program happens to be, and SIGTERM
ends it at once (no message, the exit status of a killed process). :func:`install` makes both
raise ``KeyboardInterrupt``, which :func:`desktop.__main__.main` turns into one Russian line
and exit code 2; the command line's own work rolls back as on any error (every write is one
transaction). :func:`settle` ignores both once the outcome is known, so that a signal that
arrives while the program exits after reporting success does not turn exit code 0 into a
failure. Windows delivers Ctrl-C as SIGINT too; SIGTERM exists there only for ``os.kill``.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from types import FrameType

EXIT_INTERRUPTED = 2
MESSAGE = "Прервано."
SIGNALS = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s is not None)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def install() -> None:
    """SIGINT and SIGTERM raise ``KeyboardInterrupt`` in the main thread."""
    for sig in SIGNALS:
        signal.signal(sig, _interrupt)


def settle() -> None:
    """The outcome is known (and reported): later signals change nothing."""
    for sig in SIGNALS:
        signal.signal(sig, signal.SIG_IGN)


def report() -> int:
    """Say «Прервано.» (if stderr can still be written) and give the exit code."""
    # stderr may be closed, or absent (the windowed .exe on Windows)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(MESSAGE, file=sys.stderr, flush=True)
    return EXIT_INTERRUPTED
