"""The per-school checklist matrix: model, view, delegate, undo commands, cell dialog,
history panel. Import the pieces from their modules."""
