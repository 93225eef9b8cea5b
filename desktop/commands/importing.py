"""``python -m desktop import FILE --db PATH [--json] [--dry-run] [--sheet NAME]
[--accept-new-key FINGERPRINT]``: a Word or
Excel roadmap (or an old .doc/.odt/.rtf/.xls through LibreOffice) into the database, in one
transaction (see :mod:`desktop.importers`); a school's filled-in checklist form (see
:mod:`desktop.services.school_forms`) writes its cells' changes as one change."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop.commands.common import add_db_argument, open_db_from_args
from desktop.commands.import_package import run_package
from desktop.importers import read_file
from desktop.importers.writer import plan_directory, write_preview
from desktop.paths import database_exists, resolve_db
from desktop.services.file_kind import FileKind, file_kind
from desktop.services.operations import writing
from desktop.services.order_requisites import plan_requisites
from desktop.services.school_forms import import_form


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="импорт дорожной карты из Word или Excel "
                                           "(.docx, .doc, .odt, .rtf, .xlsx, .xls, .ods), "
                                           "пакета района (.dkp), заполненной формы школы "
                                           "(.xlsx)")
    parser.add_argument("file", type=Path, metavar="FILE", help="файл для импорта")
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="итог одной строкой JSON")
    parser.add_argument("--dry-run", action="store_true",
                        help="только прочитать и показать, ничего не записывать")
    parser.add_argument("--sheet", metavar="ИМЯ", help="лист книги Excel (по умолчанию — "
                                                       "первый с таблицей дорожной карты)")
    parser.add_argument("--accept-new-key", metavar="ОТПЕЧАТОК",
                        help="пакет района: принять новый ключ подписи района с этим "
                             "отпечатком (его называет отказ при смене ключа)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kind = file_kind(args.file)
    if kind is FileKind.PACKAGE:
        return run_package(args)
    if kind is FileKind.SCHOOL_FORM:
        return run_form(args)
    preview = read_file(args.file, sheet=args.sheet)
    roadmap_id = None
    sources = plan_requisites(None, preview)
    if args.dry_run and not database_exists(resolve_db(getattr(args, "db", None))):
        database = None  # nothing to compare the directories with, nothing to write
    else:
        database = open_db_from_args(args, create=not args.dry_run)
    if database is not None:
        try:
            # a dry run only reads; the import is one write of the funnel (district rule,
            # BEGIN IMMEDIATE), as in the window
            with (database.session() if args.dry_run else writing(database)) as session:
                plan_directory(session, preview)
                sources = plan_requisites(session, preview)
                if args.dry_run:
                    session.rollback()
                else:
                    roadmap_id = write_preview(session, preview).id
        finally:
            database.close()
    summary = {"roadmap_id": roadmap_id, **preview.summary(), "parts": preview.parts_found(),
               "requisites": sources,
               "executors": [{"name": g.name, "variants": g.variants,
                              "suggestion": g.suggestion, "accepted": g.accepted}
                             for g in preview.executor_groups]}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        verb = "Проверено (ничего не записано)" if args.dry_run else "Импортировано"
        print(f"{verb}: «{summary['title']}» — разделов {summary['sections']}, "
              f"мероприятий {summary['items']}"
              + (f", дорожная карта № {roadmap_id}" if roadmap_id else ""))
        for part in preview.parts_found():
            print(f"  часть: {part}")
        for line in sources:
            print(f"  реквизит: {line}")
        for warning in preview.warnings:
            print(f"  предупреждение: {warning}")
        for group in preview.executor_groups:
            variants = ", ".join(f"«{v}»" for v in group.variants)
            label = "похоже на (не объединено)" if group.suggestion else "объединено"
            print(f"  исполнители: {variants} — {label} «{group.name}»")
    return 0



def run_form(args: argparse.Namespace) -> int:
    """A school's filled-in checklist form: its changes written as one change (or shown)."""
    database = open_db_from_args(args)
    try:
        with (database.session() if args.dry_run else writing(database)) as session:
            preview = import_form(session, args.file, dry_run=args.dry_run)
            if args.dry_run:
                session.rollback()
            form = preview.form
    finally:
        database.close()
    if args.json:
        print(json.dumps({"form": True, "roadmap_id": form.roadmap_id, "school": form.school,
                          "changes": len(preview.changes), "lines": preview.lines},
                         ensure_ascii=False))
        return 0
    verb = "Проверено (ничего не записано)" if args.dry_run else "Записано"
    print(f"{verb}: форма школы {form.school}, изменений: {len(preview.changes)}")
    for line in preview.lines:
        print(f"  {line}")
    return 0
