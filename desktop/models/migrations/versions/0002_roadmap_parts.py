"""roadmap parts: passport, basis documents, justification, target indicators, closing
signature, the parts' order and headings, and the roadmap's own appendices; an approval
block's signature line and blank date become choices

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 22:10:00

Columns are only added (``ALTER TABLE … ADD COLUMN`` with a default), so no table
is recreated and no record of an older file is touched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TEXT_COLUMNS = ("basis_documents", "justification", "passport_problem", "passport_developer",
                 "passport_stages", "passport_working_group", "closing_position")


def upgrade() -> None:
    for name in _TEXT_COLUMNS:
        op.add_column("roadmaps", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    op.add_column("roadmaps", sa.Column("closing_name", sa.String(length=200), nullable=False,
                                        server_default=""))
    op.add_column("roadmaps", sa.Column("indicator_periods", sa.JSON(), nullable=False,
                                        server_default="[]"))
    op.add_column("roadmaps", sa.Column("layout_json", sa.JSON(), nullable=False,
                                        server_default="{}"))
    for name in ("signature_line", "date_line"):
        op.add_column("order_approvals", sa.Column(name, sa.Boolean(), nullable=False,
                                                   server_default=sa.false()))
    op.create_table(
        "target_indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("roadmap_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=100), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["roadmap_id"], ["roadmaps.id"],
                                name=op.f("fk_target_indicators_roadmap_id_roadmaps"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_indicators")),
    )
    op.create_index(op.f("ix_target_indicators_roadmap_id"), "target_indicators", ["roadmap_id"])
    op.create_table(
        "roadmap_appendices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("roadmap_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("doc_number", sa.String(length=50), nullable=False),
        sa.Column("doc_date", sa.Date(), nullable=True),
        sa.Column("headings", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["roadmap_id"], ["roadmaps.id"],
                                name=op.f("fk_roadmap_appendices_roadmap_id_roadmaps"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_appendices")),
    )
    op.create_index(op.f("ix_roadmap_appendices_roadmap_id"), "roadmap_appendices", ["roadmap_id"])
    op.create_table(
        "roadmap_appendix_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("appendix_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_group", sa.Boolean(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("date_text", sa.Text(), nullable=False),
        sa.Column("responsible", sa.Text(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("deadline_json", sa.JSON(), nullable=True),
        sa.Column("deadline_start", sa.Date(), nullable=True),
        sa.Column("deadline_end", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["appendix_id"], ["roadmap_appendices.id"],
                                name=op.f("fk_roadmap_appendix_rows_appendix_id_roadmap_appendices"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roadmap_appendix_rows")),
    )
    op.create_index(op.f("ix_roadmap_appendix_rows_appendix_id"), "roadmap_appendix_rows",
                    ["appendix_id"])


def downgrade() -> None:
    op.drop_table("roadmap_appendix_rows")
    op.drop_table("roadmap_appendices")
    op.drop_table("target_indicators")
    with op.batch_alter_table("order_approvals") as batch:
        batch.drop_column("signature_line")
        batch.drop_column("date_line")
    with op.batch_alter_table("roadmaps") as batch:
        for name in (*_TEXT_COLUMNS, "closing_name", "indicator_periods", "layout_json"):
            batch.drop_column(name)
