"""The exchange package's JSON schema and a strict checker: every field known, every type right.

A package comes from another office: anything not described here (an unknown field, a
string where a number belongs, a date that is not ``YYYY-MM-DD``) refuses the whole
package with a Russian message naming the place, before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from desktop.errors import UserError

FORMAT_NAME = "dorozhnaya-karta-package"
#: raise on any change a reader of the previous version would misread (see the docs)
FORMAT_VERSION = 2
#: the oldest version this app still reads (version 1: unsigned, ordered by its date)
OLDEST_VERSION = 1
MANIFEST = "manifest.json"
#: version 2 on: the Ed25519 signature (hex) of the exact bytes of ``manifest.json``
SIGNATURE = "manifest.sig"
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
MANIFEST_SPEC_V1 = {"format": "str", "format_version": "int", "app_version": "str",
                    "created": DATETIME, "with_evidence": "bool", "members": ("dict", "sha256")}
#: version 2 adds the district's package number and its public key (the signature is the
#: ``manifest.sig`` member)
MANIFEST_SPEC = {**MANIFEST_SPEC_V1, "sequence": "int", "public_key": "public_key"}


def _bad(where: str, what: str) -> UserError:
    return UserError(f"Пакет отклонён: {where} — {what}; ничего не записано")


def check(value: Any, spec: Any, where: str) -> None:
    """Raise :class:`UserError` unless ``value`` matches ``spec`` exactly.

    A package holds some hundred thousand values: they are first checked without building
    the place names; only a package that fails is walked again to say where."""
    if not _valid(value, spec):
        _explain(value, spec, where)
        raise _bad(where, "неверные данные")  # not reached: _explain names the place


Validator = Callable[[Any], bool]
_COMPILED: dict[int, Validator] = {}


def _valid(value: Any, spec: Any) -> bool:
    validator = _COMPILED.get(id(spec))
    if validator is None:
        validator = _COMPILED[id(spec)] = _compile(spec)
    return validator(value)


def _compile(spec: Any) -> Validator:
    """A function telling whether a value matches ``spec`` (no messages: see _explain)."""
    if type(spec) is str:
        simple = _SIMPLE.get(spec)
        if simple is not None:
            return lambda v: type(v) in simple
        return lambda v: type(v) is str and _parses(v, spec)
    if type(spec) is dict:
        keys = spec.keys()
        plain = tuple((n, _SIMPLE[sub]) for n, sub in spec.items()
                      if type(sub) is str and sub in _SIMPLE)
        nested = tuple((n, _compile(sub)) for n, sub in spec.items()
                       if not (type(sub) is str and sub in _SIMPLE))

        def obj(v: Any) -> bool:
            if type(v) is not dict or v.keys() != keys:
                return False
            for name, types in plain:
                if type(v[name]) not in types:
                    return False
            return all(fn(v[name]) for name, fn in nested)
        return obj
    tag, sub = spec
    if tag == "opt":
        inner = _compile(sub)
        return lambda v: v is None or inner(v)
    if tag in ("list", "dict"):
        inner = _compile(sub)
        kind = list if tag == "list" else dict

        def many(v: Any) -> bool:
            return type(v) is kind and all(map(inner, v if kind is list else v.values()))
        return many
    return lambda v: type(v) is str and v in sub


def _explain(value: Any, spec: Any, where: str) -> None:
    """Raise the message naming the first place where ``value`` breaks ``spec``."""
    if isinstance(spec, dict):
        if type(value) is not dict:
            raise _bad(where, "ожидался объект")
        if value.keys() != spec.keys():
            unknown = sorted(set(value) - set(spec))
            if unknown:
                raise _bad(where, f"неизвестное поле «{unknown[0]}»")
            raise _bad(where, f"нет поля «{sorted(set(spec) - set(value))[0]}»")
        for name, sub in spec.items():
            _explain(value[name], sub, f"{where}.{name}")
        return
    if isinstance(spec, tuple):
        kind, sub = spec
        if kind == "opt":
            if value is not None:
                _explain(value, sub, where)
        elif kind == "list":
            if type(value) is not list:
                raise _bad(where, "ожидался список")
            for n, element in enumerate(value):
                _explain(element, sub, f"{where}[{n}]")
        elif kind == "dict":
            if type(value) is not dict:
                raise _bad(where, "ожидался объект")
            for key, element in value.items():
                _explain(element, sub, f"{where}[{key}]")
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
                 "uuid": "UUID", "sha256": "контрольная сумма sha256",
                 "public_key": "открытый ключ (64 шестнадцатеричные цифры)"}
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
        if spec in ("sha256", "public_key"):
            return len(value) == 64 and all(c in "0123456789abcdef" for c in value)
    except ValueError:
        return False
    return False
