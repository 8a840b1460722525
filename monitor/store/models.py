"""The database tables (SQLAlchemy 2.0 ORM). Portable: nothing here is SQLite- or PostgreSQL-only.

Schema changes go through Alembic revisions in monitor/store/migrations, so an existing database is
upgraded in place without losing rows (`practice-monitor db upgrade`, also run by every command).
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, BigInteger, DateTime, Float, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.types import TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC timestamps on every backend (SQLite drops the offset; it is put back here)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class Profile(Base):
    """An official profile being watched, with where its last fetch stopped."""

    __tablename__ = "profiles"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(40))
    cursor: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_ok_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_status: Mapped[str] = mapped_column(String(20), default="never")
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Official account data as last fetched (for impersonation comparisons).
    handle: Mapped[str | None] = mapped_column(String(300), nullable=True)
    display_name: Mapped[str | None] = mapped_column(String(500), nullable=True)
    bio: Mapped[str | None] = mapped_column(Text, nullable=True)
    avatar_url: Mapped[str | None] = mapped_column(Text, nullable=True)


class SeenItem(Base):
    """An item already checked; checked again only when its content hash changes."""

    __tablename__ = "seen_items"
    __table_args__ = (UniqueConstraint("profile", "item_id", name="uq_seen_profile_item"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    profile: Mapped[str] = mapped_column(String(200))
    item_id: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    content_hash: Mapped[str] = mapped_column(String(64))
    text_key: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)  # repeated-spam detection
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_checked: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class FindingRow(Base):
    """One policy concern. `dedupe_key` makes one thing one finding, however often it is seen."""

    __tablename__ = "findings"
    __table_args__ = (Index("ix_findings_status", "status"), Index("ix_findings_profile", "profile"))
    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(64), unique=True)
    profile: Mapped[str] = mapped_column(String(200))
    platform: Mapped[str] = mapped_column(String(40))
    item_id: Mapped[str | None] = mapped_column(String(300), nullable=True)
    item_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    item_kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    author_handle: Mapped[str | None] = mapped_column(String(300), nullable=True)
    excerpt: Mapped[str | None] = mapped_column(Text, nullable=True)  # trimmed text, what staff need
    category: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))
    rule: Mapped[str] = mapped_column(String(200))
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    evidence: Mapped[list] = mapped_column(JSON, default=list)
    action: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    fingerprint: Mapped[str] = mapped_column(String(64), default="")  # changes when the finding's content changes
    status: Mapped[str] = mapped_column(String(20), default="new")
    resolution: Mapped[str | None] = mapped_column(Text, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    announced_fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)
    digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class OutboxMessage(Base):
    """An email: stored first, then sent, then marked sent after the server accepted it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_next", "status", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20))  # alert, digest, admin
    recipients: Mapped[list] = mapped_column(JSON)
    subject: Mapped[str] = mapped_column(String(300))
    raw: Mapped[bytes] = mapped_column(LargeBinary)  # the complete RFC 5322 message, as it will be sent
    finding_ids: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending, sent, failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Suspect(Base):
    """An account that may impersonate the practice or a practitioner, and its staff workflow state."""

    __tablename__ = "suspects"
    __table_args__ = (UniqueConstraint("platform", "handle", name="uq_suspect_platform_handle"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(40))
    handle: Mapped[str] = mapped_column(String(300))
    account_id: Mapped[str | None] = mapped_column(String(300), nullable=True)
    display_name: Mapped[str | None] = mapped_column(String(500), nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    avatar_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    avatar_thumb: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    bio: Mapped[str | None] = mapped_column(Text, nullable=True)
    matched_identity: Mapped[str | None] = mapped_column(String(300), nullable=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    verdict: Mapped[str] = mapped_column(String(20), default="suspicious")
    signals: Mapped[list] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(40), default="staff")  # search, lookup, commenter, staff
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="new")  # new, reported, taken_down, dismissed
    dismiss_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    fingerprint: Mapped[str] = mapped_column(String(64), default="")  # name + avatar: a change re-raises a dismissed one
    first_seen: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    reported_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    reported_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    taken_down_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class Run(Base):
    """One pass of `run` (or one worker job): when, how it ended, what it did."""

    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    outcome: Mapped[str] = mapped_column(String(20), default="running")  # running, ok, partial, failed
    trigger: Mapped[str] = mapped_column(String(20), default="run")  # run, serve, worker, demo
    host: Mapped[str] = mapped_column(String(200), default="")
    pid: Mapped[int] = mapped_column(Integer, default=0)
    profiles: Mapped[list] = mapped_column(JSON, default=list)  # per-profile summaries
    items_new: Mapped[int] = mapped_column(Integer, default=0)
    findings_new: Mapped[int] = mapped_column(Integer, default=0)
    alerts_sent: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)


class MediaImage(Base):
    """One image of the approved library, with its hashes and a small thumbnail for emails."""

    __tablename__ = "media_images"
    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(1000), unique=True)  # relative to the library folder
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    hashes: Mapped[dict] = mapped_column(JSON)  # name -> hex (phash, dhash, phash_mirror, colorhash, ...)
    features: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # packed region data
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)  # small JPEG
    indexed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class MediaCheck(Base):
    """A posted image already downloaded and judged, by URL and by SHA-256: fetched and hashed once."""

    __tablename__ = "media_checks"
    id: Mapped[int] = mapped_column(primary_key=True)
    url_key: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the URL or path
    sha256: Mapped[str | None] = mapped_column(String(64), index=True, nullable=True)
    verdict: Mapped[dict] = mapped_column(JSON)
    thumbnail: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class KeyValue(Base):
    """Small bits of state (e.g. where the look-alike handle look-ups stopped), shared by all workers."""

    __tablename__ = "kv_state"
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    value: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
