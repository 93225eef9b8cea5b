"""Modules loaded on first use, for the start-up path.

The roadmap editor's page is built right after the window's first paint, before the
database layer is imported; its handlers need the services (and SQLAlchemy behind them)
only when the coordinator first acts. ``lazy_module`` gives such a module object at once
and runs its code on the first attribute access (the standard library's
:class:`importlib.util.LazyLoader`).
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """The module ``name``, imported when one of its attributes is first read."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module
