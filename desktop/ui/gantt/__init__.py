"""The Gantt timeline beside the roadmap tree: scale, bars, dragging, printing.

Import the pieces from their modules (``desktop.ui.gantt.view.GanttView``,
``desktop.painting.gantt.export_gantt``) so that the command line does not
load the widgets it does not need.
"""
