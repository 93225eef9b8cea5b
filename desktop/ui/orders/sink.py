"""What the editor's parts call to change the order: one door to the undo stack."""

from __future__ import annotations

from typing import Any, Protocol

from desktop.ui.orders.commands import Mutation


class EditSink(Protocol):
    def edit(self, text: str, mutate: Mutation, *, check_signed: bool = True) -> Any:
        """Run ``mutate`` as one undoable command; returns its result, or ``FAILED``."""
        ...


class _Failed:
    def __repr__(self) -> str:
        return "FAILED"


#: the edit was refused (a signed order) or not stored (the error has been shown)
FAILED: Any = _Failed()
