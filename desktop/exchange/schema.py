"""The exchange package's JSON schema and a strict checker: every field known, every type right.

A package comes from another office: anything not described here (an unknown field, a
string where a number belongs, a date that is not ``YYYY-MM-DD``) refuses the whole
package with a Russian message naming the place, before anything is written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.errors import UserError

FORMAT_NAME = "dorozhnaya-karta-package"
#: raise on any change a reader of the previous version would misread (see the docs)
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DISTRICT = "district.json"
DATA = "data.json"
EVIDENCE_DIR = "evidence/"

STATUSES = ("planned", "in_work", "done", "cancelled")
SCOPES = ("none", "all_500", "all_shnor", "chosen")

# A field's spec: a type name, ("list", spec), ("opt", spec) for null, ("enum", values),
# or a dict of field -> spec (an object; every field required).
DATE, DATETIME = "date", "datetime"

DOCUMENT = {"title": "str", "number": "str", "date": ("opt", DATE), "file": ("opt", "str")}
MARK = {"school": "int", "status": ("enum", STATUSES), "date": ("opt", DATE),
        "evidence": "str", "comment": "str", "documents": ("list", DOCUMENT)}
ITEM = {"key": "int", "parent": ("opt", "int"), "number": "str", "activity": "str",
        "deadline_text": "str", "tasks": "str", "indicator": "str", "evidence": "str",
        "info_support": "str", "status": ("enum", STATUSES), "done_date": ("opt", DATE),
        "note": "str", "school_scope": ("enum", SCOPES), "executors": ("list", "str"),
        "schools": ("list", "int"), "marks": ("list", MARK)}
SECTION = {"number": "str", "title": "str", "tasks": "str", "indicators": "str",
           "items": ("list", ITEM)}
POINT = {"date": DATE, "target_min": "float", "target_max": ("opt", "float"), "title": "str"}
INDICATOR = {"name": "str", "unit": "str", "values": ("list", "str")}
APPENDIX_ROW = {"is_group": "bool", "topic": "str", "date_text": "str", "responsible": "str",
                "done": "bool"}
APPENDIX = {"title": "str", "number": "str", "doc_number": "str", "doc_date": ("opt", DATE),
            "headings": ("list", "str"), "text": "str", "rows": ("list", APPENDIX_ROW)}
#: the roadmap's own text fields, copied as they are
ROADMAP_TEXTS = ("title", "goal", "tasks", "basis_documents", "justification",
                 "passport_problem", "passport_developer", "passport_stages",
                 "passport_working_group", "closing_position", "closing_name")
ROADMAP = {"key": "int", **{name: "str" for name in ROADMAP_TEXTS},
           "level": ("enum", ("regional", "municipal", "school")),
           "status": ("enum", ("draft", "approved")), "period_start": DATE, "period_end": DATE,
           "columns": ("list", "object"), "indicator_periods": ("list", "str"),
           "layout": "object", "monitoring_points": ("list", POINT),
           "indicators": ("list", INDICATOR), "appendices": ("list", APPENDIX),
           "sections": ("list", SECTION)}
SCHOOL_FLAGS = ("is_shnor", "is_shssu", "is_shfzr", "post_project")
SCHOOL_TEXTS = ("full_name", "short_name", "director", "address", "phone", "note")
SCHOOL = {"key": "int", **{n: "str" for n in SCHOOL_TEXTS}, **{n: "bool" for n in SCHOOL_FLAGS},
          "project_years": ("list", "int")}
DATA_SPEC = {"schools": ("list", SCHOOL), "roadmaps": ("list", ROADMAP)}
DISTRICT_SPEC = {"uuid": "uuid", "name": "str", "short_name": "str", "oktmo": "str",
                 "region": "str"}
MANIFEST_SPEC = {"format": "str", "format_version": "int", "app_version": "str",
                 "created": DATETIME, "with_evidence": "bool", "members": ("dict", "sha256")}


def _bad(where: str, what: str) -> UserError:
    return UserError(f"Пакет отклонён: {where} — {what}; ничего не записано")


def check(value: Any, spec: Any, where: str) -> None:
    """Raise :class:`UserError` unless ``value`` matches ``spec`` exactly."""
    if isinstance(spec, dict):
        if type(value) is not dict:
            raise _bad(where, "ожидался объект")
        if value.keys() != spec.keys():
            unknown = sorted(set(value) - set(spec))
            if unknown:
                raise _bad(where, f"неизвестное поле «{unknown[0]}»")
            raise _bad(where, f"нет поля «{sorted(set(spec) - set(value))[0]}»")
        for name, sub in spec.items():
            element = value[name]
            # the common case inline: a plain field of the right type (a package holds
            # some hundred thousand of them)
            simple = _SIMPLE.get(sub) if type(sub) is str else None
            if simple is None or type(element) not in simple:
                check(element, sub, f"{where}.{name}")
        return
    if isinstance(spec, tuple):
        kind, sub = spec
        if kind == "opt":
            if value is not None:
                check(value, sub, where)
        elif kind == "list":
            if type(value) is not list:
                raise _bad(where, "ожидался список")
            for n, element in enumerate(value):
                check(element, sub, f"{where}[{n}]")
        elif kind == "dict":
            if type(value) is not dict:
                raise _bad(where, "ожидался объект")
            for key, element in value.items():
                check(element, sub, f"{where}[{key}]")
        elif value not in sub:  # enum
            raise _bad(where, f"недопустимое значение {str(value)[:40]!r}")
        return
    _check_scalar(value, spec, where)


#: the JSON types each plain field accepts (``bool`` is not an ``int`` here)
_SIMPLE: dict[str, tuple[type, ...]] = {"str": (str,), "int": (int,), "float": (int, float),
                                        "bool": (bool,), "object": (dict,)}


def _check_scalar(value: Any, spec: str, where: str) -> None:
    simple = _SIMPLE.get(spec)
    ok = type(value) in simple if simple is not None \
        else isinstance(value, str) and _parses(value, spec)
    if not ok:
        names = {"str": "строка", "int": "целое число", "float": "число", "bool": "да/нет",
                 "object": "объект", DATE: "дата ГГГГ-ММ-ДД", DATETIME: "дата и время",
                 "uuid": "UUID", "sha256": "контрольная сумма sha256"}
        raise _bad(where, f"ожидалось: {names[spec]}")


def _parses(value: str, spec: str) -> bool:
    try:
        if spec == DATE:
            dt.date.fromisoformat(value)
            return len(value) == 10
        if spec == DATETIME:
            dt.datetime.fromisoformat(value)
            return True
        if spec == "uuid":
            import uuid

            return str(uuid.UUID(value)) == value.lower()
        if spec == "sha256":
            return len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    except ValueError:
        return False
    return False
