"""Errors that carry a message for the coordinator (in Russian).

Anything raised as :class:`UserError` is shown as is: in a message box by the
window, as one line on stderr with exit code 2 by the command line. Everything
else is a bug and is logged with its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input or an environment problem the user can fix; the text is Russian."""

    def __init__(self, message: str) -> None:
        from desktop.visible import visible

        message = visible(message)  # a file name in it cannot disguise itself
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
