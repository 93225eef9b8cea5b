"""Dates typed on the command line: ``ДД.ММ.ГГГГ`` as a coordinator writes them, or ISO
``ГГГГ-ММ-ДД`` (no sub-command here: a helper of ``--date`` and ``--period``)."""

from __future__ import annotations

import datetime as dt

from desktop.errors import UserError

FORMATS = ("%d.%m.%Y", "%Y-%m-%d")


def parse_date(text: str) -> dt.date | None:
    """The date in ``text`` (either form, spaces around ignored), None when not a date."""
    for fmt in FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def parse_day(text: str | None) -> dt.date:
    """``--date``: today when not given; a Russian message when not understood."""
    if not text or not text.strip():
        return dt.date.today()
    day = parse_date(text)
    if day is None:
        raise UserError(f"Дата «{text}» не понята: укажите её как ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, "
                        "например 30.06.2026")
    return day
