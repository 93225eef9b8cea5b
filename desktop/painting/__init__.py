"""Qt-painted output that the window and the command line share: the Gantt PDF and PNG.

The only Qt outside ``desktop/ui`` and ``desktop/app.py``. It paints on a ``QPainter``
(needs a ``QGuiApplication``, no widgets) from plain rows that a Qt-free reader
prepares (:mod:`desktop.services.gantt_rows`); it never queries the database itself.

* :mod:`~desktop.painting.scale` — the time axis (date ↔ x, zoom, header bands, days off);
* :mod:`~desktop.painting.bars` — the shapes a deadline is drawn as;
* :mod:`~desktop.painting.legend` — status colours and the legend;
* :mod:`~desktop.painting.paint` — painter routines shared by the screen and the paper;
* :mod:`~desktop.painting.gantt` — the timeline's pages as a PDF or a PNG;
* :mod:`~desktop.painting.application` — a ``QGuiApplication`` for headless painting.

Import the pieces from their modules, so that the command line loads only what it paints.
"""
