"""The Qt binding in use must not leak references to None.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a
Qt method returning void; a long painting session then aborts the interpreter
(«none_dealloc»). pyproject.toml pins a release without the bug; this test fails
if an install brings the bug back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF


def test_void_qt_calls_keep_none_alive() -> None:
    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(1000):
        rect.setWidth(1.0)
    assert sys.getrefcount(None) >= before - 10
