"""The «✓» and «№» columns pinned at the tree's left edge while it scrolls to the right.

Qt's frozen-column technique: a second view of the same model and selection over the
tree's left columns, with the same row heights, expansion and vertical scroll. It is
shown only while the tree is scrolled to the right (so that editing a number in the tree
itself is never covered), and catches up with the tree's expansion when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTreeView

from desktop.models.columns import Field
from desktop.ui.roadmap_tree_model import RoadmapTreeModel

ScrollOff = Qt.ScrollBarPolicy.ScrollBarAlwaysOff


class FrozenColumns(QTreeView):
    """See the module docstring; ``collapsed`` lists the rows the user folded."""

    def __init__(self, tree: QTreeView,
                 collapsed: Callable[[], list[QModelIndex]] = list) -> None:
        super().__init__(tree)
        self.tree = tree
        self._collapsed = collapsed
        self.stale = True
        self.setModel(tree.model())
        self.setSelectionModel(tree.selectionModel())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(ScrollOff)
        self.setVerticalScrollBarPolicy(ScrollOff)
        self.setUniformRowHeights(True)
        self.setIndentation(tree.indentation())
        self.setAlternatingRowColors(tree.alternatingRowColors())
        self.setWordWrap(False)
        self.setTextElideMode(tree.textElideMode())
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(tree.selectionBehavior())
        self.setSelectionMode(tree.selectionMode())
        self.setStyleSheet("QTreeView { border-right: 1px solid #9aa7b8; }")
        self.header().setSectionsMovable(False)
        self.header().setStretchLastSection(False)
        ours, theirs = self.verticalScrollBar(), tree.verticalScrollBar()
        theirs.valueChanged.connect(ours.setValue)
        ours.valueChanged.connect(theirs.setValue)
        tree.horizontalScrollBar().valueChanged.connect(self.relayout)
        tree.header().sectionResized.connect(self.relayout)
        tree.expanded.connect(self.expand)
        tree.collapsed.connect(self.collapse)
        self.expanded.connect(tree.expand)
        self.collapsed.connect(tree.collapse)
        tree.model().modelReset.connect(self._model_reset)
        tree.installEventFilter(self)
        self.hide()

    def pinned(self) -> int:
        """How many leading columns are pinned: «✓», and «№» when it comes next."""
        model = self.model()
        fields = model.fields() if isinstance(model, RoadmapTreeModel) else ()
        if not fields:
            return 0
        return 2 if len(fields) > 1 and fields[1] is Field.NUMBER else 1

    def pinned_width(self) -> int:
        return sum(self.tree.columnWidth(c) for c in range(self.pinned()))

    def _model_reset(self) -> None:
        self.stale = True

    def sync_expansion(self) -> None:
        """Expand and fold as the tree does (after a rebuild or a filter)."""
        if not self.isVisible():
            self.stale = True
            return
        self.stale = False
        model = self.model()
        for row in range(model.rowCount()):
            self.setFirstColumnSpanned(row, QModelIndex(), True)
        self.expandAll()
        for index in self._collapsed():
            self.collapse(index)
        self.verticalScrollBar().setValue(self.tree.verticalScrollBar().value())

    def relayout(self) -> None:
        """Follow the tree's column widths; show only while it is scrolled to the right."""
        scrolled = self.tree.horizontalScrollBar().value() > 0 and self.pinned() > 0
        if not scrolled:
            self.hide()
            return
        for column in range(self.model().columnCount()):
            self.setColumnHidden(column, column >= self.pinned())
            if column < self.pinned():
                self.setColumnWidth(column, self.tree.columnWidth(column))
        frame = self.tree.frameWidth()
        viewport = self.tree.viewport().geometry()
        self.header().setFixedHeight(self.tree.header().height())
        self.setGeometry(frame, frame, self.pinned_width() + 1,
                         viewport.bottom() - frame + 1)
        if self.isHidden():
            self.show()
            self.raise_()
        if self.stale:
            self.sync_expansion()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.Resize:
            # the tree lays out its viewport after its filters have seen the resize
            QTimer.singleShot(0, self, self.relayout)
        return super().eventFilter(watched, event)
