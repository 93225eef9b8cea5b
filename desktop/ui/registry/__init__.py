"""Editing the registry of schools and the directories: an editable table model, its
delegates and view, undo commands, and the dialogs (risk factors, paste from Excel)."""
