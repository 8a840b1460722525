"""The first schema: the tables as the project's first version defined them.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Timestamps are stored as timezone-aware DateTime (the models wrap it in UTCDateTime, a Python-side
TypeDecorator with the same column type). Constraint names are left to the database, as the old
create_all placeholder did, so that databases it created and migrated ones are the same.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from monitor.store.migrations.helpers import has_table

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    # Each table only when missing: a database made by the old create_all placeholder is adopted as is.
    if not has_table('findings'):
        op.create_table('findings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('dedupe_key', sa.String(length=64), nullable=False),
        sa.Column('profile', sa.String(length=200), nullable=False),
        sa.Column('platform', sa.String(length=40), nullable=False),
        sa.Column('item_id', sa.String(length=300), nullable=True),
        sa.Column('item_url', sa.Text(), nullable=True),
        sa.Column('item_kind', sa.String(length=20), nullable=True),
        sa.Column('author_handle', sa.String(length=300), nullable=True),
        sa.Column('excerpt', sa.Text(), nullable=True),
        sa.Column('category', sa.String(length=40), nullable=False),
        sa.Column('severity', sa.String(length=10), nullable=False),
        sa.Column('rule', sa.String(length=200), nullable=False),
        sa.Column('reasons', sa.JSON(), nullable=False),
        sa.Column('evidence', sa.JSON(), nullable=False),
        sa.Column('action', sa.Text(), nullable=False),
        sa.Column('subject', sa.String(length=500), nullable=False),
        sa.Column('details', sa.JSON(), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('resolution', sa.Text(), nullable=True),
        sa.Column('resolved_by', sa.String(length=200), nullable=True),
        sa.Column('resolved_at', UTC_DATETIME, nullable=True),
        sa.Column('created_at', UTC_DATETIME, nullable=False),
        sa.Column('updated_at', UTC_DATETIME, nullable=False),
        sa.Column('last_seen', UTC_DATETIME, nullable=False),
        sa.Column('announced_at', UTC_DATETIME, nullable=True),
        sa.Column('announced_fingerprint', sa.String(length=64), nullable=True),
        sa.Column('digest_at', UTC_DATETIME, nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('dedupe_key')
        )
        op.create_index('ix_findings_profile', 'findings', ['profile'], unique=False)
        op.create_index('ix_findings_status', 'findings', ['status'], unique=False)
    if not has_table('kv_state'):
        op.create_table('kv_state',
        sa.Column('key', sa.String(length=300), nullable=False),
        sa.Column('value', sa.JSON(), nullable=False),
        sa.Column('updated_at', UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint('key')
        )
    if not has_table('media_checks'):
        op.create_table('media_checks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('url_key', sa.String(length=64), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=True),
        sa.Column('verdict', sa.JSON(), nullable=False),
        sa.Column('thumbnail', sa.LargeBinary(), nullable=True),
        sa.Column('checked_at', UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('url_key')
        )
        op.create_index(op.f('ix_media_checks_sha256'), 'media_checks', ['sha256'], unique=False)
    if not has_table('media_images'):
        op.create_table('media_images',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('path', sa.String(length=1000), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('mtime_ns', sa.BigInteger(), nullable=False),
        sa.Column('width', sa.Integer(), nullable=False),
        sa.Column('height', sa.Integer(), nullable=False),
        sa.Column('hashes', sa.JSON(), nullable=False),
        sa.Column('features', sa.LargeBinary(), nullable=True),
        sa.Column('thumbnail', sa.LargeBinary(), nullable=True),
        sa.Column('indexed_at', UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('path')
        )
        op.create_index(op.f('ix_media_images_sha256'), 'media_images', ['sha256'], unique=False)
    if not has_table('outbox'):
        op.create_table('outbox',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('message_id', sa.String(length=300), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('recipients', sa.JSON(), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('raw', sa.LargeBinary(), nullable=False),
        sa.Column('finding_ids', sa.JSON(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', UTC_DATETIME, nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('created_at', UTC_DATETIME, nullable=False),
        sa.Column('sent_at', UTC_DATETIME, nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('message_id')
        )
        op.create_index('ix_outbox_status_next', 'outbox', ['status', 'next_attempt_at'], unique=False)
    if not has_table('profiles'):
        op.create_table('profiles',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('platform', sa.String(length=40), nullable=False),
        sa.Column('cursor', sa.JSON(), nullable=True),
        sa.Column('last_run_at', UTC_DATETIME, nullable=True),
        sa.Column('last_ok_at', UTC_DATETIME, nullable=True),
        sa.Column('last_status', sa.String(length=20), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('handle', sa.String(length=300), nullable=True),
        sa.Column('display_name', sa.String(length=500), nullable=True),
        sa.Column('bio', sa.Text(), nullable=True),
        sa.Column('avatar_url', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('name')
        )
    if not has_table('runs'):
        op.create_table('runs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('started_at', UTC_DATETIME, nullable=False),
        sa.Column('finished_at', UTC_DATETIME, nullable=True),
        sa.Column('outcome', sa.String(length=20), nullable=False),
        sa.Column('trigger', sa.String(length=20), nullable=False),
        sa.Column('host', sa.String(length=200), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('profiles', sa.JSON(), nullable=False),
        sa.Column('items_new', sa.Integer(), nullable=False),
        sa.Column('findings_new', sa.Integer(), nullable=False),
        sa.Column('alerts_sent', sa.Integer(), nullable=False),
        sa.Column('error', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id')
        )
    if not has_table('seen_items'):
        op.create_table('seen_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('profile', sa.String(length=200), nullable=False),
        sa.Column('item_id', sa.String(length=300), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('first_seen', UTC_DATETIME, nullable=False),
        sa.Column('last_checked', UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('profile', 'item_id', name='uq_seen_profile_item')
        )
    if not has_table('suspects'):
        op.create_table('suspects',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('platform', sa.String(length=40), nullable=False),
        sa.Column('handle', sa.String(length=300), nullable=False),
        sa.Column('account_id', sa.String(length=300), nullable=True),
        sa.Column('display_name', sa.String(length=500), nullable=True),
        sa.Column('url', sa.Text(), nullable=True),
        sa.Column('avatar_url', sa.Text(), nullable=True),
        sa.Column('avatar_thumb', sa.LargeBinary(), nullable=True),
        sa.Column('bio', sa.Text(), nullable=True),
        sa.Column('matched_identity', sa.String(length=300), nullable=True),
        sa.Column('score', sa.Float(), nullable=False),
        sa.Column('verdict', sa.String(length=20), nullable=False),
        sa.Column('signals', sa.JSON(), nullable=False),
        sa.Column('source', sa.String(length=40), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('dismiss_reason', sa.Text(), nullable=True),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('first_seen', UTC_DATETIME, nullable=False),
        sa.Column('last_seen', UTC_DATETIME, nullable=False),
        sa.Column('reported_at', UTC_DATETIME, nullable=True),
        sa.Column('reported_by', sa.String(length=200), nullable=True),
        sa.Column('reminded_at', UTC_DATETIME, nullable=True),
        sa.Column('taken_down_at', UTC_DATETIME, nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('platform', 'handle', name='uq_suspect_platform_handle')
        )


def downgrade() -> None:
    for table in ("suspects", "seen_items", "runs", "profiles", "outbox", "media_images", "media_checks", "kv_state", "findings"):
        op.drop_table(table)
