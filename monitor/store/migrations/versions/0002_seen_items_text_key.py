"""seen_items.text_key: a key of an item's normalised text, to notice the same spam posted repeatedly.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from monitor.store.migrations.helpers import add_column_if_missing, create_index_if_missing

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_column_if_missing("seen_items", sa.Column("text_key", sa.String(length=64), nullable=True))
    create_index_if_missing("ix_seen_items_text_key", "seen_items", ["text_key"])


def downgrade() -> None:
    with op.batch_alter_table("seen_items") as batch:
        batch.drop_index("ix_seen_items_text_key")
        batch.drop_column("text_key")
