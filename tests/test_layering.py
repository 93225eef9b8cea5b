"""The house's layering: the core runs headless, Qt stays in its rooms, no import circles.

The import graph is read from the sources with :mod:`ast`, so every import counts:
module-level ones, those under ``if TYPE_CHECKING:`` and those inside functions.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"
#: where Qt may be imported: the widgets, the application, and the painted output
QT_HOMES = ("desktop.ui", "desktop.app", "desktop.painting")
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
#: calls that import the module their first argument names
LOADERS = ("lazy_module", "import_module", "__import__")


def test_core_imports_without_pyside6() -> None:
    code = (
        "import sys\n"
        "import desktop.models, desktop.models.database, desktop.models.deadline\n"
        "import desktop.export, desktop.atomic\n"
        "import desktop.services.demo, desktop.services.listing, desktop.services.table\n"
        "import desktop.services.progress, desktop.importers, desktop.cli\n"
        "import pkgutil, importlib, desktop.export as e\n"
        "for m in pkgutil.iter_modules(e.__path__): importlib.import_module('desktop.export.' + m.name)\n"
        "assert 'PySide6' not in sys.modules, sorted(k for k in sys.modules if 'PySide6' in k)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# -- the import graph -------------------------------------------------------------------------

def module_name(path: Path) -> str:
    """``desktop/ui/gantt/view.py`` → ``desktop.ui.gantt.view``; a package is its ``__init__``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_modules() -> dict[str, Path]:
    """Every module of the package by its dotted name."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_names(path: Path, name: str) -> Iterator[tuple[str, int]]:
    """Every dotted name module ``name`` (at ``path``) imports, wherever the import stands,
    with its line: ``import a.b`` gives ``a.b``; ``from a import b`` gives ``a.b``
    (a module ``b`` or a name defined in ``a``); relative imports are made absolute."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            stem = node.module or ""
            if node.level:
                base = name.split(".")
                drop = node.level - 1 if is_package else node.level
                base = base[:len(base) - drop]
                stem = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                yield (stem if alias.name == "*" else f"{stem}.{alias.name}"), node.lineno
        elif isinstance(node, ast.Call) and _loader_name(node.func) in LOADERS and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            yield node.args[0].value, node.lineno  # lazy_module("desktop.x"), import_module(...)


def _loader_name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def resolve(dotted: str, modules: dict[str, Path]) -> str | None:
    """The module of the package that ``dotted`` names: the longest known prefix."""
    parts = dotted.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def import_graph() -> dict[str, dict[str, int]]:
    """module → {module of the package it imports: the line of the first such import}."""
    modules = source_modules()
    graph: dict[str, dict[str, int]] = {name: {} for name in modules}
    for name, path in modules.items():
        for dotted, line in imported_names(path, name):
            target = resolve(dotted, modules)
            if target is not None and target != name:
                graph[name].setdefault(target, line)
    return graph


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            advanced = False
            for target in edges:
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(graph[target]))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def describe(component: list[str], graph: dict[str, dict[str, int]]) -> str:
    modules = source_modules()
    members = set(component)
    ties = [f"    {a} -> {b} ({modules[a].relative_to(ROOT)}:{graph[a][b]})"
            for a in component for b in sorted(graph[a]) if b in members]
    return f"  circle of {len(component)}: {', '.join(component)}\n" + "\n".join(ties)


def test_no_import_circles() -> None:
    graph = import_graph()
    found = circles(graph)
    assert not found, "import circles in desktop/:\n" + "\n".join(
        describe(component, graph) for component in found)


def package_of(module: str) -> str:
    """``desktop.ui.gantt.view`` → ``desktop.ui``; a top-level module is its own unit."""
    return ".".join(module.split(".")[:2])


def test_no_import_circles_between_packages() -> None:
    """The packages (models, services, export, painting, ui, …) and the top-level modules
    of desktop/ import each other one way only (``services`` never imports ``export``
    back, ``ui`` never imports ``app``), even where no two modules form a circle."""
    graph = import_graph()
    packages: dict[str, dict[str, int]] = {package_of(name): {} for name in graph}
    for name, targets in graph.items():
        for target in targets:
            if package_of(target) != package_of(name):
                packages[package_of(name)].setdefault(package_of(target), 0)
    found = circles(packages)
    lines = []
    for component in found:
        lines.append(f"  circle of packages: {', '.join(component)}")
        for a_package in component:
            for b_package in component:
                ties = [f"{source_modules()[a].relative_to(ROOT)}:{line} -> {b}"
                        for a, targets in graph.items() if package_of(a) == a_package
                        for b, line in targets.items() if package_of(b) == b_package
                        and a_package != b_package]
                if ties:
                    more = f" (and {len(ties) - 3} more)" if len(ties) > 3 else ""
                    lines.append(f"    {a_package} -> {b_package}: {'; '.join(ties[:3])}{more}")
    assert not found, "import circles between the packages of desktop/:\n" + "\n".join(lines)


def test_qt_only_in_its_rooms() -> None:
    """PySide6 is imported only by ui/, app.py and the painting package (anywhere in a file)."""
    offenders = []
    for name, path in source_modules().items():
        if any(name == home or name.startswith(home + ".") for home in QT_HOMES):
            continue
        for dotted, line in imported_names(path, name):
            if dotted.split(".")[0] in QT_PACKAGES:
                offenders.append(f"  {path.relative_to(ROOT)}:{line} imports {dotted}")
    assert not offenders, "Qt outside ui/, app.py and painting/:\n" + "\n".join(sorted(set(offenders)))


def test_the_graph_reader_sees_every_kind_of_import(tmp_path: Path) -> None:
    """The reader resolves relative imports and finds imports under TYPE_CHECKING, in
    functions and by name (a guard that the circle test cannot pass by reading too little)."""
    source = tmp_path / "desktop" / "ui" / "sample.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import views\n"
        "from ..models import deadline\n"
        "if TYPE_CHECKING:\n"
        "    from desktop.ui.main_window import MainWindow\n"
        "def f():\n"
        "    import desktop.services.table\n"
        "    from PySide6.QtGui import QColor\n"
        "numbering = lazy_module('desktop.services.numbering')\n",
        encoding="utf-8")
    names = {dotted for dotted, _ in imported_names(source, "desktop.ui.sample")}
    assert {"desktop.ui.views", "desktop.models.deadline", "desktop.ui.main_window.MainWindow",
            "desktop.services.table", "PySide6.QtGui.QColor", "desktop.services.numbering"} <= names
    modules = source_modules()
    assert resolve("desktop.ui.main_window.MainWindow", modules) == "desktop.ui.main_window"
    assert resolve("desktop.models.Item", modules) == "desktop.models"
    knot = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1, "d": 1}, "d": {}, "e": {"e": 1}}
    assert circles(knot) == [["a", "b", "c"]]


#: what a session opener is called on the database handle (ui/ may only read with it)
WRITE_OPENERS = ("session", "write_session", "writing")


def ui_session_openers(source: str) -> list[tuple[int, str]]:
    """Calls in ``source`` that open a session on a database handle other than ``reading()``
    (``X.session()``, ``X.write_session()``, ``X.writing()`` with X not ``self``: an undo
    command's own ``self.session()`` is the funnel's transaction)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in WRITE_OPENERS \
                and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self"):
            found.append((node.lineno, ast.unparse(node.func)))
    return found


def test_ui_reads_with_reading_and_writes_only_through_the_funnel() -> None:
    """ui/ opens no session of its own: pages read with ``database.reading()`` (which
    refuses any write at run time, see :class:`desktop.models.handle.WriteOutsideFunnel`)
    and every write is an undo command over :mod:`desktop.services.operations`."""
    offenders = [f"{path.relative_to(ROOT)}:{line} {call}"
                 for path in sorted((PACKAGE / "ui").rglob("*.py"))
                 for line, call in ui_session_openers(path.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_session_check_sees_a_planted_opener() -> None:
    planted = "def f(database):\n    with database.session() as s:\n        s.add(1)\n"
    assert ui_session_openers(planted) == [(2, "database.session")]
    assert ui_session_openers("def f(self):\n    with self.session() as s:\n        pass\n") == []


def test_a_write_in_a_reading_session_is_refused(demo_db) -> None:
    import pytest
    from sqlalchemy import select, text, update

    from desktop.models import Item
    from desktop.models.handle import WriteOutsideFunnel

    with pytest.raises(WriteOutsideFunnel), demo_db.reading() as s:
        s.scalars(select(Item)).first().note = "мимо воронки"
        s.flush()
    with pytest.raises(WriteOutsideFunnel), demo_db.reading() as s:
        s.execute(update(Item).values(note="мимо воронки"))
    with demo_db.reading() as s:
        assert s.scalar(text("SELECT count(*) FROM items WHERE note = 'мимо воронки'")) == 0
