"""Cutting the printed timeline's rows into pages (no Qt): pages full, no lonely rows.

Rows have heights of their own (a long title wraps onto more lines). A page takes as
many rows as fit; a section's heading never ends a page; the last page is never left
with one or two rows (issue 23: a 31-item roadmap printed every other page with a single
row). When rows a little smaller would need fewer pages, they are drawn smaller, down
to :data:`MIN_SCALE` of their height.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

#: rows are never drawn smaller than this share of their height
MIN_SCALE = 0.8
#: the fewest rows the last page is left with (when there are more pages than one)
MIN_TAIL = 3

Band = tuple[int, int]


def fill(heights: Sequence[float], room: float, *, headings: Collection[int] = ()) -> list[Band]:
    """Rows ``[start, stop)`` per page, each page as full as ``room`` allows; a heading
    (an index in ``headings``) that would end a page goes to the next one."""
    bands: list[Band] = []
    start, count = 0, len(heights)
    while start < count:
        used, stop = 0.0, start
        while stop < count and (stop == start or used + heights[stop] <= room + 1e-6):
            used += heights[stop]
            stop += 1
        while stop < count and stop - 1 > start and stop - 1 in headings:
            stop -= 1
        bands.append((start, stop))
        start = stop
    return bands or [(0, 0)]


def keep_tail(bands: list[Band], *, headings: Collection[int] = (),
              min_tail: int = MIN_TAIL) -> list[Band]:
    """``bands`` with rows moved from the last but one page to the last, so that the last
    has at least ``min_tail`` rows (a heading is not left at the foot of the page before)."""
    if len(bands) < 2:
        return bands
    (first, cut), (_, stop) = bands[-2], bands[-1]
    missing = min_tail - (stop - cut)
    if missing <= 0:
        return bands
    new_cut = max(first + 1, cut - missing)
    while new_cut - 1 > first and new_cut - 1 in headings:
        new_cut -= 1
    return [*bands[:-2], (first, new_cut), (new_cut, stop)]


def paginate(heights: Sequence[float], room: float, *,
             headings: Collection[int] = ()) -> tuple[float, list[Band]]:
    """The scale to draw rows at (1 or down to :data:`MIN_SCALE`) and the pages' rows.

    The scale is the largest that needs no more pages than :data:`MIN_SCALE` would.
    """
    def bands_at(scale: float) -> list[Band]:
        return fill([h * scale for h in heights], room, headings=headings)

    fewest = len(bands_at(MIN_SCALE))
    scale = 1.0
    while scale > MIN_SCALE and len(bands_at(scale)) > fewest:
        scale = round(scale - 0.02, 2)
    scale = max(scale, MIN_SCALE)
    return scale, keep_tail(bands_at(scale), headings=headings)
