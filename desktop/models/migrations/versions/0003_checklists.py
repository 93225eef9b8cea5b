"""checklists: history of cell changes, evidence documents and files, concept documents'
state and file

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 22:30:00

New tables only, and two columns added to ``school_documents`` inside a batch (SQLite
cannot add a foreign key with ``ALTER TABLE``): the table is recreated on a connection
with foreign keys off, so no row of it or of another table is lost. The checklist's
«не требуется» is the existing ``cancelled`` status, so ``checklist_rows`` is untouched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "evidence_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_files")),
        sa.UniqueConstraint("sha256", name=op.f("uq_evidence_files_sha256")),
    )
    op.create_table(
        "checklist_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("number", sa.String(length=50), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("file_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["row_id"], ["checklist_rows.id"],
                                name=op.f("fk_checklist_evidence_row_id_checklist_rows"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["file_id"], ["evidence_files.id"],
                                name=op.f("fk_checklist_evidence_file_id_evidence_files"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_evidence")),
    )
    op.create_index(op.f("ix_checklist_evidence_row_id"), "checklist_evidence", ["row_id"])
    op.create_table(
        "checklist_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("school_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("old", sa.JSON(), nullable=False),
        sa.Column("new", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"],
                                name=op.f("fk_checklist_history_item_id_items"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["school_id"], ["schools.id"],
                                name=op.f("fk_checklist_history_school_id_schools"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_history")),
    )
    op.create_index("ix_checklist_history_cell", "checklist_history", ["item_id", "school_id"])
    with op.batch_alter_table("school_documents") as batch:
        batch.add_column(sa.Column("state", sa.String(length=20), nullable=False,
                                   server_default="none"))
        batch.add_column(sa.Column("file_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_school_documents_file_id_evidence_files"),
                                 "evidence_files", ["file_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("school_documents") as batch:
        batch.drop_constraint(op.f("fk_school_documents_file_id_evidence_files"),
                              type_="foreignkey")
        batch.drop_column("file_id")
        batch.drop_column("state")
    op.drop_index("ix_checklist_history_cell", table_name="checklist_history")
    op.drop_table("checklist_history")
    op.drop_index(op.f("ix_checklist_evidence_row_id"), table_name="checklist_evidence")
    op.drop_table("checklist_evidence")
    op.drop_table("evidence_files")
