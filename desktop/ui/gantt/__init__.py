"""The Gantt timeline beside the roadmap tree: the view, its canvas and header, dragging.

The time axis, the bar shapes, the colours and the painter routines are shared with
the printed timeline and live in :mod:`desktop.painting`. Import the pieces from
their modules (``desktop.ui.gantt.view.GanttView``) so that nothing loads widgets it
does not need.
"""
