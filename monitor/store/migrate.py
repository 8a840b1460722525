"""Schema creation and upgrades through Alembic, run in-process (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

from monitor.store.models import Base

MIGRATIONS = Path(__file__).with_name("migrations")


def upgrade(store) -> None:
    """Bring the schema to the newest revision. Safe to run again; holds an advisory lock on PostgreSQL."""
    # Until the first Alembic revision is written, the tables are created directly.
    Base.metadata.create_all(store.engine)
