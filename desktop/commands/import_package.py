"""The import command's branch for a district's exchange package (``FILE.dkp``): the preview
(the district, what is new and changed since its last package, warnings about its signature
and date), then one transaction. A package signed by another key than the district's on
record is refused unless ``--accept-new-key`` names the new key's fingerprint."""

from __future__ import annotations

import argparse
import json

from desktop.commands.common import open_db_from_args
from desktop.importers.package import read_package
from desktop.services.operations import DistrictRows, writing
from desktop.services.region_import import import_package, preview


def run_package(args: argparse.Namespace) -> int:
    package = read_package(args.file)  # checked whole before the database is opened
    database = open_db_from_args(args, create=not args.dry_run)
    try:
        with writing(database, districts=DistrictRows.ALLOW) as session:
            if args.dry_run:
                result = preview(session, package)
                session.rollback()
            else:
                result = import_package(session, package, database.path,
                                        accept_key=getattr(args, "accept_new_key", None))
    finally:
        database.close()
    if args.json:
        print(json.dumps({"package": True, "district": result.district, "uuid": result.uuid,
                          "unchanged": result.unchanged, "new": result.new,
                          "changed": result.changed, "removed": result.removed,
                          "items": result.items, "sequence": result.sequence,
                          "fingerprint": result.fingerprint,
                          "old_fingerprint": result.old_fingerprint,
                          "warnings": result.warnings}, ensure_ascii=False))
        return 0
    print("Проверено (ничего не записано):" if args.dry_run else "Импортировано:")
    for line in result.lines():
        print(f"  {line}")
    return 0
