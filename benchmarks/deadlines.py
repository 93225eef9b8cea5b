"""Benchmark: how fast deadline phrases parse, with and without their occurrence dates
(``python -m desktop deadline --occurrences``), next to ``datetime.strptime``.

Run from the repository root, no installation needed::

    .venv/bin/python benchmarks/deadlines.py

Every deadline cell of the three sample roadmaps (``tests/deadline_cases.py``) and the
recurring and school-year phrases of ``tests/test_deadline_occurrences.py`` are
repeated to 10,000 phrases and parsed with the parser itself (the per-text cache of
:func:`parse_deadline` bypassed, so every phrase is really parsed), once alone and
once with its occurrence dates expanded, against ``strptime(s, "%d.%m.%Y")`` over
10,000 plain dates; each is the median of 5 runs. The last line printed is one JSON
object.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.models.deadline import _parse_cached, parse_deadline
from tests.deadline_cases import CASES, OCCURRENCE_CASES, PERIODS

COUNT = 10_000
REPEATS = 5


def _phrases() -> list[tuple[str, tuple[date, date]]]:
    cells = [(case.text, PERIODS[case.sample]) for case in CASES]
    cells += [(text, period) for _family, text, period, _dates in OCCURRENCE_CASES]
    return [cells[i % len(cells)] for i in range(COUNT)]


def _plain_dates() -> list[str]:
    first = date(2022, 1, 1)
    return [(first + timedelta(days=i % 730)).strftime("%d.%m.%Y") for i in range(COUNT)]


def _median_seconds(work: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    phrases, plain = _phrases(), _plain_dates()
    today = date.today()

    uncached = _parse_cached.__wrapped__

    def parse_all() -> None:
        for text, period in phrases:
            uncached(text, period, today)

    def parse_with_occurrences() -> None:
        for text, period in phrases:
            uncached(text, period, today).occurrence_dates  # noqa: B018 (the expansion is the work)

    def parse_cached() -> None:
        for text, period in phrases:
            parse_deadline(text, period)

    def strptime_all() -> None:
        for text in plain:
            datetime.strptime(text, "%d.%m.%Y")

    ours = _median_seconds(parse_all)
    with_occurrences = _median_seconds(parse_with_occurrences)
    _parse_cached.cache_clear()
    cached = _median_seconds(parse_cached)
    baseline = _median_seconds(strptime_all)
    cells = len(CASES) + len(OCCURRENCE_CASES)
    print(f"{cells} sample and composed deadline cells repeated to {COUNT} phrases, "
          f"median of {REPEATS} runs")
    print(f"parse (no cache):      {ours:.4f} s  → {COUNT / ours:,.0f} phrases/s")
    print(f"parse + occurrences:   {with_occurrences:.4f} s  → {COUNT / with_occurrences:,.0f} phrases/s")
    print(f"parse_deadline (cache): {cached:.4f} s  → {COUNT / cached:,.0f} phrases/s")
    print(f"strptime %d.%m.%Y:     {baseline:.4f} s  → {COUNT / baseline:,.0f} dates/s")
    result = {
        "name": "deadlines",
        "ours_s": round(ours, 6),
        "baseline_s": round(baseline, 6),
        "ratio": round(ours / baseline, 3),
        "target": "report phrases/second next to strptime",
        "phrases_per_s": round(COUNT / ours),
        "phrases_with_occurrences_s": round(with_occurrences, 6),
        "phrases_with_occurrences_per_s": round(COUNT / with_occurrences),
        "occurrences_ratio": round(with_occurrences / baseline, 3),
        "strptime_per_s": round(COUNT / baseline),
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
