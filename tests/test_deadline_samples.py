"""Every deadline cell of the three sample roadmaps parses as expected.

The table itself is in :mod:`tests.deadline_cases` (shared with the benchmark):
sample, item number, the cell verbatim, expected kind and spans (ISO), and the
warning expected, if any.
"""

from __future__ import annotations

import pytest

from desktop.models.deadline import Kind, parse_deadline
from tests.deadline_cases import CASES, PERIODS, Case


def _iso_spans(spans: tuple) -> tuple:
    return tuple((s and s.isoformat(), e and e.isoformat()) for s, e in spans)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.sample}-{c.number}" for c in CASES])
def test_sample_cell(case: Case) -> None:
    deadline = parse_deadline(case.text, PERIODS[case.sample])
    assert deadline.text == case.text
    assert deadline.kind == Kind(case.kind)
    assert _iso_spans(deadline.spans) == case.spans
    assert deadline.done is case.done
    if case.warning is None:
        assert deadline.warnings == ()
    else:
        assert any(case.warning in w for w in deadline.warnings), deadline.warnings


def test_only_malformed_cells_are_unparsed() -> None:
    unparsed = [c for c in CASES if parse_deadline(c.text, PERIODS[c.sample]).kind is Kind.UNPARSED]
    assert [c.text for c in unparsed] == ["18.01.02.2022", "-"]
    assert all(parse_deadline(c.text, PERIODS[c.sample]).warnings for c in unparsed)


def test_kaliningrad_2022_items_are_caught() -> None:
    slips = [c.number for c in CASES if c.sample == "kaliningrad"
             and parse_deadline(c.text, PERIODS[c.sample]).warnings]
    assert slips == ["30.", "31.", "32."]


def test_table_covers_every_sample() -> None:
    counts = {name: sum(c.sample == name for c in CASES) for name in PERIODS}
    assert counts == {"balakhta": 33, "kaliningrad": 32, "petrogradsky": 28}
