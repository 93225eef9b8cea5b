"""Liberation Serif for every PDF we write: registered once, embedded, no Helvetica left.

reportlab's built-in Helvetica prints Cyrillic as ■ and is never embedded, so
the four faces are registered as one family (``<b>``/``<i>`` work in
Paragraph markup) and reportlab's canvas base font is switched to ours
(pitfalls.md): ``pdffonts`` then lists only the embedded subsets.
"""

from __future__ import annotations

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.errors import UserError
from desktop.paths import resource_path

FAMILY = "LiberationSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"

_FACES: dict[str, str] = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_registered = False


def register_fonts() -> str:
    """Register the family (idempotent) and make it reportlab's base font; returns its name."""
    global _registered
    if not _registered:
        for name, filename in _FACES.items():
            path = resource_path("fonts", filename)
            if not path.is_file():
                raise UserError(f"Не найден файл шрифта {path}: переустановите программу")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
            addMapping(FAMILY, bold, italic, name)
        _registered = True
    # set every time: another module may have changed the process-wide default
    rl_config.canvas_basefontname = REGULAR
    return REGULAR
