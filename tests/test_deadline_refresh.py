"""Stored deadline readings follow the parser: readings of an older parser version are
re-read at start (desktop.services.deadline_refresh), the text kept exactly as typed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from desktop.models import Item, Level, Roadmap, Section
from desktop.models.deadline import PARSER_VERSION, Deadline, parse_deadline
from desktop.services.deadline_refresh import refresh_stored_deadlines, stale_item_ids

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
TEXTS = ["еженедельно по вторникам и четвергам", "ежемесячно до 10 числа ",
         "3 раза в течение учебного года", "01.02-15.05.2026"]


def _old_reading(text: str) -> dict:
    """What version 1 stored: one weekday, no day of the month, no version number."""
    data = parse_deadline(text, PERIOD).to_json()
    data.pop("version")
    if data["recurrence"]:
        weekdays = data["recurrence"].pop("weekdays")
        data["recurrence"] = {"frequency": data["recurrence"]["frequency"],
                              "weekday": weekdays[0] if weekdays else None,
                              "times": None, "per": None, "months": []}
    if text.startswith("3 раза"):
        data["kind"], data["recurrence"] = "continuous", None
    return data


def _make_items(db) -> list[int]:
    with db.session() as s:
        roadmap = Roadmap(title="ДК", level=Level.MUNICIPAL, period_start=PERIOD[0],
                          period_end=PERIOD[1])
        section = Section(title="Раздел", position=0)
        roadmap.sections.append(section)
        s.add(roadmap)
        for n, text in enumerate(TEXTS):
            item = Item(number=str(n + 1), activity="Мероприятие", position=n)
            section.items.append(item)
            item.set_deadline(text, PERIOD)
            item.deadline_json = _old_reading(text)
            item.deadline_kind = item.deadline_json["kind"]
        s.flush()
        return [i.id for i in section.items]


def test_older_readings_are_re_read_and_the_text_kept(db) -> None:
    ids = _make_items(db)
    with db.session() as s:
        assert sorted(stale_item_ids(s)) == sorted(ids)
    assert refresh_stored_deadlines(db) == len(ids)
    with db.session() as s:
        items = s.scalars(select(Item).order_by(Item.position)).all()
        assert [i.deadline_text for i in items] == TEXTS  # the trailing space too
        for item in items:
            assert item.deadline_json["version"] == PARSER_VERSION
            assert Deadline.from_json(item.deadline_json) == parse_deadline(item.deadline_text, PERIOD)
        weekly, monthly, counted, span = (i.deadline for i in items)
        assert weekly.recurrence.weekdays == (1, 3)
        assert monthly.occurrence_dates[0] == dt.date(2026, 1, 10)
        assert counted.kind.value == items[2].deadline_kind == "recurring"
        assert (span.start, span.end) == (items[3].deadline_start, items[3].deadline_end)
        assert stale_item_ids(s) == []
    assert refresh_stored_deadlines(db) == 0  # nothing left to do


def test_the_cli_refreshes_when_it_opens_the_database(db, capsys) -> None:
    from desktop.cli import run

    _make_items(db)
    assert run(["list", "--db", db.address, "--json"]) == 0
    capsys.readouterr()
    with db.session() as s:
        assert stale_item_ids(s) == []
