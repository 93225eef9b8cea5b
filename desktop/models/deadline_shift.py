"""Moving a deadline text to another year: «01.02-15.05.2023» → «01.02-15.05.2024».

Used when last year's roadmap is copied to the new year. Every four-digit year
(19xx, 20xx) in the text moves by ``years``, also when glued to «г», «гг», «года»
(«2022, 2023гг» → «2023, 2024гг»); a two-digit year moves only where it ends a
numeric date («01.02.23»). Numbers that are not years («2 раза в год», «№ 28/1»,
«30–40 %») and texts without a year («Август», «постоянно») stay as written. A
29 February that lands in a common year becomes 28 February. The result is plain
text: the caller re-parses it (``Item.set_deadline``). No Qt, no SQLAlchemy.
"""

from __future__ import annotations

import calendar
import re

#: a four-digit year not inside a longer number
_YEAR4 = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: a numeric date ending in a two-digit year: 01.02.23
_DATE2 = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.]\d)(?!\d)")
#: 29.02.YYYY after the shift
_FEB29 = re.compile(r"(?<!\d)29\.0?2\.((?:19|20)\d{2})(?!\d)")


def _shift_two_digit(match: re.Match[str], years: int) -> str:
    day, month, year = match.group(1), match.group(2), int(match.group(3))
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return match.group(0)
    return f"{day}.{month}.{(year + years) % 100:02d}"


def _fix_feb29(match: re.Match[str]) -> str:
    year = int(match.group(1))
    return match.group(0) if calendar.isleap(year) else match.group(0).replace("29.", "28.", 1)


def shift_deadline_text(text: str, years: int) -> str:
    """``text`` with every year in it moved by ``years`` (negative moves back)."""
    if not text or years == 0:
        return text
    shifted = _DATE2.sub(lambda m: _shift_two_digit(m, years), text)
    shifted = _YEAR4.sub(lambda m: str(int(m.group(0)) + years), shifted)
    return _FEB29.sub(_fix_feb29, shifted)
