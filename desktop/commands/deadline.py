"""``python -m desktop deadline [--occurrences] [--period START:END] TEXT [TEXT ...]``:
how the application understands deadline phrases.

Prints one JSON object per text (a JSON array when several are given), with the
keys of :meth:`desktop.models.deadline.Deadline.to_json`; Cyrillic is printed as is.
``--occurrences`` adds ``"occurrences": ["YYYY-MM-DD", …]``, the dates on which the
deadline falls due within the period; ``--db`` counts the school periods by the calendar
stored in that database (``school-calendar``) instead of the shipped one.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from desktop.commands.dates import parse_date
from desktop.errors import UserError
from desktop.models.deadline import SchoolCalendar, parse_deadline


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``deadline`` sub-command."""
    parser = subparsers.add_parser(
        "deadline",
        help="разобрать сроки так, как их понимает приложение",
        description="Разбирает сроки исполнения («До 15.02.2023», «апрель-май 2022, 2023гг», "
        "«Еженедельно по четвергам …») и печатает результат в JSON.",
    )
    parser.add_argument(
        "--period",
        metavar="НАЧАЛО:КОНЕЦ",
        help="период дорожной карты, например 01.01.2023:31.12.2023 или 2023-01-01:2023-12-31 "
        "(по нему определяется год, если он не указан)",
    )
    parser.add_argument(
        "--occurrences",
        action="store_true",
        help="добавить даты, к которым срок наступает (каждое повторение, конец каждого периода)",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="читать четверти и полугодия по учебному календарю этой базы "
        "(без неё — по датам, которые поставляются с программой)",
    )
    parser.add_argument("texts", nargs="+", metavar="ТЕКСТ", help="срок, как он записан в таблице")
    parser.set_defaults(func=run)


def parse_period(value: str | None) -> tuple[date, date] | None:
    """``START:END`` (``ДД.ММ.ГГГГ`` or ISO dates) → (start, end); raises :class:`UserError`
    when malformed."""
    if value is None:
        return None
    parts = value.split(":")
    if len(parts) != 2:
        raise UserError(f"период «{value}» нужно указать как НАЧАЛО:КОНЕЦ, например 2023-01-01:2023-12-31")
    start, end = (parse_date(part) for part in parts)
    if start is None or end is None:
        raise UserError(f"в периоде «{value}» даты должны быть в формате ДД.ММ.ГГГГ или "
                        "ГГГГ-ММ-ДД, например 01.01.2023:31.12.2023")
    if end < start:
        raise UserError(f"в периоде «{value}» конец раньше начала")
    return start, end


def run(args: argparse.Namespace) -> int:
    """Parse every text and print the JSON."""
    period = parse_period(args.period)
    school = _school_calendar(args) if args.db else None
    results = [parse_deadline(text, period, school).to_json(occurrences=args.occurrences)
               for text in args.texts]
    payload = results[0] if len(results) == 1 else results
    print(json.dumps(payload, ensure_ascii=False))
    return 0


def _school_calendar(args: argparse.Namespace) -> SchoolCalendar:
    """The school calendar stored in ``--db`` (read only; nothing is written)."""
    from desktop.commands.common import open_db_from_args
    from desktop.models.school_calendar import school_calendar

    database = open_db_from_args(args)
    try:
        with database.session() as session:
            return school_calendar(session)
    finally:
        database.close()
