"""Text that came from a file or a database, shown so that it cannot disguise itself.

A file name like «приказ\u202eftd.exe» (a right-to-left override) is shown by every widget and
terminal as «приказexe.dtf»; control characters can hide the rest of a line. :func:`visible`
replaces bidirectional controls and control characters (but line breaks and tabs) with a
visible mark «⟨U+202E⟩». Every message to the user passes through it
(:class:`desktop.errors.UserError`), and so does every stored file name shown.
"""

from __future__ import annotations

import re

#: bidirectional formatting characters (marks, embeddings, overrides, isolates) and the
#: control characters of Latin-1, but the line break, the carriage return and the tab
_HIDDEN = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
                     "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with every character that could disguise it shown as «⟨U+XXXX⟩»."""
    if not _HIDDEN.search(text):
        return text
    return _HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)
