"""The editor's actions: one set for the toolbar, the context menu and the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget


@dataclass
class ActionSpec:
    name: str
    text: str
    slot: Callable[[], None]
    shortcuts: tuple[str, ...] = ()
    tip: str = ""


class EditorActions(QObject):
    """Creates the actions on ``host`` (the tree: shortcuts work while it has focus)."""

    def __init__(self, host: QWidget, specs: list[ActionSpec | None]) -> None:
        super().__init__(host)
        self.actions: dict[str, QAction] = {}
        self.order: list[str | None] = []
        for spec in specs:
            if spec is None:
                self.order.append(None)
                continue
            action = QAction(spec.text, host)
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            tip = spec.tip or spec.text
            if spec.shortcuts:
                tip += f" ({QKeySequence(spec.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
            action.setToolTip(tip)
            action.triggered.connect(spec.slot)
            host.addAction(action)
            self.actions[spec.name] = action
            self.order.append(spec.name)

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def fill_toolbar(self, toolbar: QToolBar, names: list[str | None]) -> None:
        for name in names:
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions[name])

    def menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        for name in self.order:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[name])
        return menu
