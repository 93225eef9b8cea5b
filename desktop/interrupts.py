"""Ctrl-C (SIGINT) and SIGTERM at any moment: «Прервано.» and exit code 2, never a traceback.

Python turns SIGINT into ``KeyboardInterrupt`` wherever the program happens to be, and SIGTERM
ends it at once (no message, the exit status of a killed process). :func:`install` makes both
raise ``KeyboardInterrupt``, which :func:`desktop.__main__.main` turns into one Russian line
and exit code 2; the command line's own work rolls back as on any error (every write is one
transaction). :func:`settle` ignores both once the outcome is known, so that a signal that
arrives while the program exits after reporting success does not turn exit code 0 into a
failure; an interrupted run then ends through :func:`leave`, since CPython may otherwise
turn its exit code 2 into death by SIGINT. Windows delivers Ctrl-C as SIGINT too; SIGTERM
exists there only for ``os.kill``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

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


#: set by :func:`report`: the program was interrupted and said so
reported = False


def report() -> int:
    """Say «Прервано.» (if stderr can still be written) and give the exit code."""
    global reported
    reported = True
    # stderr may be closed, or absent (the windowed .exe on Windows)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(MESSAGE, file=sys.stderr, flush=True)
    return EXIT_INTERRUPTED


def leave(code: int) -> NoReturn:
    """End an interrupted run now, with ``code``. CPython remembers a KeyboardInterrupt that
    passed through C code running Python (an extension module's import, say) even when
    Python code caught it, and then ends the process by SIGINT (exit status −2) whatever
    :func:`main` returned: seen about once in 16 interruptions of ``export order``. The
    streams and the log are flushed first; the work itself was rolled back as the
    interruption unwound."""
    import logging

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    logging.shutdown()
    os._exit(code)
