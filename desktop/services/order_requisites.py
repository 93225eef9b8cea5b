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

from sqlalchemy import select

from desktop.models import Authority, Order

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.importers.preview import ImportPreview

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


def draft_order(preview: ImportPreview) -> Order | None:
    """The order an import will make (unsaved, never added), to say where its requisites
    will come from; None when the document has no order of its own."""
    draft = preview.order
    if draft is None or not draft.own:
        return None
    return Order(number=draft.number or draft.mark_number, date=draft.date or draft.mark_date,
                 signatory_name=draft.signatory_name,
                 settings={"authority": draft.authority, "place": draft.place,
                           "parent_authority": draft.parent_authority})


def plan_requisites(session: Session | None, preview: ImportPreview) -> list[str]:
    """For the import preview: which requisites of the order to be printed come from the
    document and which from the authority's profile (read only)."""
    order = draft_order(preview)
    if order is None:
        return ["приказа в документе нет: приказ не создаётся"]
    profile = session.scalars(select(Authority)).first() if session is not None else None
    return requisite_lines(order, profile)
