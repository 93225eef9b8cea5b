"""package signing: the district's signing key and package counter; the region's record of
each district's public key and last package number

Revision ID: 0006
Revises: 0005 (see PREVIOUS_REVISION)
Create Date: 2026-12-06 14:00:00

A new one-row table ``signing_identity`` (empty until the first export: the key is made
then) and two nullable columns on ``districts`` (``ALTER TABLE … ADD COLUMN``): no table is
recreated and every record is kept. A district imported before this revision has no key
on record (NULL) and no number: its next package, signed or not, is accepted and its key,
if any, recorded (see ``docs/exchange-format.md``).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

#: the revision this one follows; the only line to change when another migration is
#: merged before this one
PREVIOUS_REVISION = "0005"

revision = "0006"
down_revision = PREVIOUS_REVISION
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signing_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("private_key", sa.Text(), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("package_sequence", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_identity")),
    )
    op.add_column("districts", sa.Column("public_key", sa.Text(), nullable=True))
    op.add_column("districts", sa.Column("package_sequence", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("districts") as batch:
        batch.drop_column("package_sequence")
        batch.drop_column("public_key")
    op.drop_table("signing_identity")
