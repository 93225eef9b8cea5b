"""What an order's header prints, and where each requisite comes from.

An imported order keeps the requisites its document had (issuing body, the body
above it, place of issue, the document's kind, the body named in its appendix
mark) in ``Order.settings``; the authority's profile fills only what the
document lacks. :func:`requisite_sources` says which came from where, for the
import preview and the order's editor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.models import Authority, Order

DOCUMENT = "документ"
PROFILE = "профиль"
NONE = "нет"


@dataclass(frozen=True)
class OrderRequisites:
    parent: str          #: the body above the issuing one («Администрация X района»)
    authority: str       #: the issuing body, as printed (may span lines)
    short: str           #: its short name in brackets (from the profile only)
    place: str           #: «г. Калининград»
    kind: str            #: «ПРИКАЗ», «РАСПОРЯЖЕНИЕ»
    sources: dict[str, str]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def order_requisites(order: Order | None, profile: Authority | None) -> OrderRequisites:
    """The document's own requisites, completed from the profile."""
    own = order.settings if order is not None and isinstance(order.settings, dict) else {}
    doc_authority = _text(own.get("authority"))
    prof_name = _text(profile.full_name) if profile is not None else ""
    prof_short = _text(profile.short_name) if profile is not None else ""
    prof_city = _text(profile.city) if profile is not None else ""
    authority = doc_authority or prof_name
    short = "" if doc_authority else prof_short
    place = _text(own.get("place")) or prof_city
    sources = {
        "authority": DOCUMENT if doc_authority else (PROFILE if prof_name else NONE),
        "place": DOCUMENT if _text(own.get("place")) else (PROFILE if prof_city else NONE),
        "parent": DOCUMENT if _text(own.get("parent_authority")) else NONE,
    }
    if order is not None:
        sources["number"] = DOCUMENT if (order.number or "").strip() else NONE
        sources["date"] = DOCUMENT if order.date is not None else NONE
        sources["signatory"] = DOCUMENT if (order.signatory_name or "").strip() else NONE
    return OrderRequisites(parent=_text(own.get("parent_authority")), authority=authority,
                           short=short if short != authority else "", place=place,
                           kind=_text(own.get("kind")).upper() or "ПРИКАЗ", sources=sources)


_NAMES = {"authority": "орган, издавший приказ", "parent": "вышестоящий орган",
          "place": "место издания", "number": "номер", "date": "дата",
          "signatory": "подписант"}


def requisite_lines(order: Order | None, profile: Authority | None) -> list[str]:
    """«орган, издавший приказ: из документа» … — for the import preview and the CLI."""
    requisites = order_requisites(order, profile)
    words = {DOCUMENT: "из документа", PROFILE: "из профиля органа", NONE: "нет (пустое место)"}
    return [f"{_NAMES[key]}: {words[source]}" for key, source in requisites.sources.items()]
