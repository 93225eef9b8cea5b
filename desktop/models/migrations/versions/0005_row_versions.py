"""row versions for optimistic locking: a ``version`` counter on the tables edited in place

Revision ID: 0005
Revises: 0004 (see PREVIOUS_REVISION)
Create Date: 2026-11-28 23:30:00

Several people may edit one database on a PostgreSQL server; SQLAlchemy's
``version_id_col`` (see :class:`desktop.models.base.Versioned`) turns a lost update into
«запись изменена другим пользователем». Columns are only added (``ALTER TABLE … ADD
COLUMN … DEFAULT 1``), so no table is recreated and every record is kept, at version 1.

On PostgreSQL every ``VARCHAR(n)`` also becomes ``TEXT``: SQLite never enforced those
lengths, so a 30-character item number or a long school name that a file holds would be
refused by the server («value too long»). The app checks its enumerations itself.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

#: the revision this one follows; the only line to change when another migration is
#: merged before this one (issue 17's part A adds 0004: then this is "0004")
PREVIOUS_REVISION = "0004"

revision = "0005"
down_revision = PREVIOUS_REVISION
branch_labels = None
depends_on = None

VERSIONED_TABLES = ("roadmaps", "sections", "items", "checklist_rows", "schools",
                    "school_documents", "orders")


def upgrade() -> None:
    for table in VERSIONED_TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False,
                                       server_default="1"))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        inspector = sa.inspect(bind)
        for table in inspector.get_table_names():
            for column in inspector.get_columns(table):
                if isinstance(column["type"], sa.String) and getattr(
                        column["type"], "length", None) is not None:
                    op.alter_column(table, column["name"], type_=sa.Text(),
                                    existing_type=column["type"],
                                    existing_nullable=column["nullable"])


def downgrade() -> None:
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
