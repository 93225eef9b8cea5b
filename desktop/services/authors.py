"""Who made a change, as a person reads it: a name, not a login («root», «user»).

Changes keep the system login of whoever made them (:func:`login`): it is stable and the
same on every computer of a shared database. Shown, this computer's own login becomes the
coordinator's name from the profile (Файл → «Профиль управления образования…»), else the
system's full name of the account (the «Full name» of a Windows or Linux account); other
logins are shown as they are. No Qt.
"""

from __future__ import annotations

import getpass
import os
import sys

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.authority import Authority


def login() -> str:
    """The system user's login, when it can be found."""
    try:
        return getpass.getuser()[:100]
    except (OSError, KeyError, ImportError):
        return ""


def system_full_name() -> str:
    """The account's full name as the system knows it; "" when it knows none."""
    if sys.platform == "win32":
        return _windows_display_name()
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, OSError):
        return ""
    name = gecos.split(",")[0].strip()
    return "" if name == login() else name


def _windows_display_name() -> str:
    import ctypes

    size = ctypes.c_ulong(0)
    name_display = 3  # EXTENDED_NAME_FORMAT.NameDisplay
    try:
        secur32 = ctypes.windll.secur32  # type: ignore[attr-defined]
        secur32.GetUserNameExW(name_display, None, ctypes.byref(size))
        if not size.value:
            return ""
        buffer = ctypes.create_unicode_buffer(size.value)
        if not secur32.GetUserNameExW(name_display, buffer, ctypes.byref(size)):
            return ""
        return buffer.value.strip()
    except (AttributeError, OSError):
        return ""


def own_name(session: Session) -> str:
    """This computer's user as a person: the profile's coordinator, else the account's
    full name, else the login."""
    coordinator = session.scalar(select(Authority.coordinator_name).limit(1))
    return (coordinator or "").strip() or system_full_name() or login()


def author_names(session: Session, authors: set[str]) -> dict[str, str]:
    """Stored logins → the names to show (this computer's login as :func:`own_name`)."""
    mine = login()
    shown = {author: author for author in authors}
    if mine and mine in shown:
        shown[mine] = own_name(session)
    return shown
