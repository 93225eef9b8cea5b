"""The timeline's Qt-free pieces: the scale, header bands, shapes per kind, drag results."""

from __future__ import annotations

from datetime import date

from desktop.models.deadline import parse_deadline
from desktop.painting.bars import ShapeKind, is_draggable, shapes_for
from desktop.painting.scale import TimeScale, Zoom, header_bands, holiday_name
from desktop.ui.gantt.drag import Grip, hit_test, new_deadline_text

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def test_scale_maps_dates_both_ways() -> None:
    scale = TimeScale(date(2026, 1, 1), 5.0)
    assert scale.x(date(2026, 1, 11)) == 50
    assert scale.x_end(date(2026, 1, 11)) == 55
    assert scale.date_at(52) == date(2026, 1, 11)
    assert scale.days(12.4) == 2 and scale.days(-13) == -3
    assert Zoom.nearest(20) is Zoom.WEEK and Zoom.nearest(1.1) is Zoom.YEAR


def test_header_bands_speak_russian() -> None:
    top, mid, low = header_bands(date(2026, 1, 1), date(2026, 3, 31), 5.0)
    assert top[0].labels[0] == "2026 год"
    assert [b.labels[0] for b in mid] == ["январь", "февраль", "март"]
    assert low[1].labels[1] == "нед. 2"
    assert header_bands(*YEAR, 1.0)[1][0].labels[1] == "I кв."
    assert holiday_name(date(2026, 1, 7)) == "Рождество Христово"


def test_shapes_per_kind() -> None:
    scale = TimeScale(date(2026, 1, 1), 2.0)
    kinds = {
        "01.02-15.05.2026": [ShapeKind.BAR],
        "15.04.2026": [ShapeKind.DIAMOND],
        "До 15.02.2026": [ShapeKind.LEAD, ShapeKind.DIAMOND],
        "апрель, июнь 2026": [ShapeKind.BAR, ShapeKind.BAR],
        "постоянно": [ShapeKind.BAND],
        "по мере необходимости": [ShapeKind.MARKER],
        "18.01.02.2022": [ShapeKind.MARKER],
    }
    for text, expected in kinds.items():
        assert [s.kind for s in shapes_for(parse_deadline(text, YEAR), scale, YEAR[0])] == expected, text
    quarterly = shapes_for(parse_deadline("не реже 1 раза в четверть", YEAR), scale, YEAR[0])
    assert [s.kind for s in quarterly].count(ShapeKind.TICK) == 4


def test_drag_texts_in_the_coordinators_style() -> None:
    span = parse_deadline("01.02-28.02.2026", YEAR)
    assert new_deadline_text(span, Grip.MOVE, 7) == "08.02–07.03.2026"
    assert new_deadline_text(span, Grip.START, 40) == "28.02.2026"  # start never passes the end
    assert new_deadline_text(span, Grip.END, 31) == "01.02–31.03.2026"  # typed in dates
    assert new_deadline_text(span, Grip.MOVE, 0) is None
    done = parse_deadline("17.02.2026 – 06.03.2026 (исполнено)", YEAR)
    assert new_deadline_text(done, Grip.MOVE, 1) == "18.02–07.03.2026 (исполнено)"
    assert new_deadline_text(parse_deadline("15.04.2026", YEAR), Grip.MOVE, -5) == "10.04.2026"
    assert not is_draggable(parse_deadline("Еженедельно", YEAR))
    assert not is_draggable(parse_deadline("постоянно", YEAR))


def test_hit_test_grips() -> None:
    scale = TimeScale(date(2026, 1, 1), 4.0)
    span = parse_deadline("01.02-28.02.2026", YEAR)
    shapes = shapes_for(span, scale, YEAR[0])
    x0, x1 = shapes[0].x0, shapes[0].x1
    assert hit_test(span, shapes, x0 + 1).grip is Grip.START
    assert hit_test(span, shapes, x1 - 1).grip is Grip.END
    assert hit_test(span, shapes, (x0 + x1) / 2).grip is Grip.MOVE
    assert hit_test(span, shapes, x1 + 40) is None
