"""``python -m desktop list [--json]``: the roadmaps with their items, and the schools."""

from __future__ import annotations

import argparse
import json

from desktop.commands.common import add_db_argument, open_db_from_args
from desktop.services.listing import database_to_dict


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("list", help="показать дорожные карты и школы")
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="вывести всё в формате JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    database = open_db_from_args(args)
    try:
        with database.session() as session:
            data = database_to_dict(session, database.damaged)
    finally:
        database.close()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for roadmap in data["roadmaps"]:
        start, end = roadmap["period"]
        print(f"[{roadmap['id']}] {roadmap['title']} ({start} – {end}), мероприятий: {len(roadmap['items'])}")
        for item in roadmap["items"]:
            mark = "⚠ " if item["damaged"] else ""
            print(f"    {item['number']:<7} {item['deadline'][:28]:<28} {mark}{item['activity'][:70]}")
    print(f"Школ: {len(data['schools'])}")
    return 0
