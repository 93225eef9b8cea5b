"""districts: the region's imported districts; district_id on roadmaps and schools; the
authority's stable UUID and ОКТМО

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 23:10:00

Every existing row stays: roadmaps and schools get a NULL ``district_id`` (the file's own
data), an existing authority row gets a new UUID. ``schools`` is recreated in a batch (its
unique short name becomes unique per district) on the migration connection, whose foreign
keys are off, so no school, checklist row or item link is lost.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "districts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("oktmo", sa.String(length=11), nullable=False),
        sa.Column("package_created", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("app_version", sa.String(length=40), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_districts")),
        sa.UniqueConstraint("uuid", name=op.f("uq_districts_uuid")),
    )
    with op.batch_alter_table("authority") as batch:
        batch.add_column(sa.Column("uuid", sa.String(length=36), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("oktmo", sa.String(length=11), nullable=False,
                                   server_default=""))
    bind = op.get_bind()
    for (row_id,) in bind.execute(sa.text("SELECT id FROM authority")).all():
        bind.execute(sa.text("UPDATE authority SET uuid = :u WHERE id = :i"),
                     {"u": str(uuid.uuid4()), "i": row_id})
    with op.batch_alter_table("roadmaps") as batch:
        batch.add_column(sa.Column("district_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_roadmaps_district_id_districts"), "districts",
                                 ["district_id"], ["id"], ondelete="CASCADE")
        batch.create_index(op.f("ix_roadmaps_district_id"), ["district_id"])
    with op.batch_alter_table("schools") as batch:
        batch.add_column(sa.Column("district_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_schools_district_id_districts"), "districts",
                                 ["district_id"], ["id"], ondelete="CASCADE")
        batch.create_index(op.f("ix_schools_district_id"), ["district_id"])
        batch.drop_constraint(op.f("uq_schools_short_name"), type_="unique")
        batch.create_unique_constraint(op.f("uq_schools_district_id"),
                                       ["district_id", "short_name"])


def downgrade() -> None:
    with op.batch_alter_table("schools") as batch:
        batch.drop_constraint(op.f("uq_schools_district_id"), type_="unique")
        batch.create_unique_constraint(op.f("uq_schools_short_name"), ["short_name"])
        batch.drop_index(op.f("ix_schools_district_id"))
        batch.drop_constraint(op.f("fk_schools_district_id_districts"), type_="foreignkey")
        batch.drop_column("district_id")
    with op.batch_alter_table("roadmaps") as batch:
        batch.drop_index(op.f("ix_roadmaps_district_id"))
        batch.drop_constraint(op.f("fk_roadmaps_district_id_districts"), type_="foreignkey")
        batch.drop_column("district_id")
    with op.batch_alter_table("authority") as batch:
        batch.drop_column("oktmo")
        batch.drop_column("uuid")
    op.drop_table("districts")
