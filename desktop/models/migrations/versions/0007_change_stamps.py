"""change stamps: who stored each versioned row's current version, and when

Revision ID: 0007
Revises: 0006 (see PREVIOUS_REVISION)
Create Date: 2026-12-06 16:10:00

Two columns on every table edited in place (``Versioned``: roadmaps, sections, items,
checklist rows, schools, school documents, orders), added with ``ALTER TABLE … ADD
COLUMN``: no table is recreated and every record is kept. Rows stored before this revision
have an empty author and no time; a refused edit then names no one
(see :mod:`desktop.services.operations`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

#: the revision this one follows; the only line to change when another migration is
#: merged before this one
PREVIOUS_REVISION = "0006"

revision = "0007"
down_revision = PREVIOUS_REVISION
branch_labels = None
depends_on = None

#: the versioned tables (desktop.models.base.Versioned)
TABLES = ("roadmaps", "sections", "items", "checklist_rows", "schools", "school_documents",
          "orders")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("changed_by", sa.String(100), nullable=False,
                                       server_default=""))
        op.add_column(table, sa.Column("changed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("changed_at")
            batch.drop_column("changed_by")
