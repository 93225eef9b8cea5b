"""school calendar: the dated periods of each school year the region has set (quarters or
trimesters, holidays, half-years)

Revision ID: 0008
Revises: 0007 (see PREVIOUS_REVISION)
Create Date: 2026-12-06 16:00:00

A new table ``school_periods``, empty: a school year without rows keeps the dates shipped
with the program (``desktop.models.deadline_school_year.SHIPPED_YEARS``) until the
coordinator edits or imports them. No table is recreated and every record is kept.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

#: the revision this one follows; the only line to change when another migration is
#: merged before this one
PREVIOUS_REVISION = "0007"

revision = "0008"
down_revision = PREVIOUS_REVISION
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "school_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("school_year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_periods")),
        sa.UniqueConstraint("school_year", "kind", "number",
                            name=op.f("uq_school_periods_school_year")),
    )


def downgrade() -> None:
    op.drop_table("school_periods")
