"""Alembic environment: migrations run on a connection the app hands over.

The app (``desktop.models.database``) opens a NullPool engine with foreign keys
OFF and passes its connection in ``config.attributes["connection"]``; batch mode
is on because SQLite alters tables by recreating them. ``fileConfig`` is never
called: the app owns logging.
"""

from __future__ import annotations

from alembic import context

from desktop.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations must be run by desktop.models.database")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline migrations are not supported")
run_migrations_online()
