"""Import of a Word or Excel roadmap in the window: read with progress, preview, confirm,
write as one undoable command (see :mod:`desktop.importers` for the reading itself)."""
