"""Helpers shared by the sub-commands: opening the database named by ``--db``."""

from __future__ import annotations

import argparse

from desktop.models.database import Database, open_database
from desktop.paths import resolve_db_path
from desktop.services.deadline_refresh import refresh_stored_deadlines


def open_db_from_args(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database of ``--db`` (or the default); a missing file is an error unless ``create``."""
    database = open_database(resolve_db_path(getattr(args, "db", None)), create=create)
    refresh_stored_deadlines(database)  # readings of an older deadline parser are re-read
    return database
