"""Opening the database: any SQLAlchemy URL, SQLite by default, PostgreSQL a URL away."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from monitor.errors import MonitorError


def normalise_url(url: str) -> str:
    """The contract's plain `postgresql://` form uses psycopg 3, the driver this project chooses."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def is_postgres(url: str) -> bool:
    return make_url(normalise_url(url)).get_backend_name() == "postgresql"


class Store:
    """The database behind every command. One per process; sessions are short and transactional."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        u = make_url(self.url)
        self.backend = u.get_backend_name()
        kwargs: dict = {"future": True, "pool_pre_ping": True}
        if self.backend == "sqlite":
            if u.database and u.database != ":memory:":
                Path(u.database).parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": 30}
        try:
            self.engine: Engine = create_engine(self.url, **kwargs)
        except ModuleNotFoundError as exc:
            raise MonitorError(
                f"the database driver for {self.backend} is not installed ({exc.name}); "
                "for PostgreSQL run: pip install 'practice-monitor[postgres]'"
            ) from None
        if self.backend == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_postgres(self) -> bool:
        return self.backend == "postgresql"

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        s = self._sessions()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def upgrade(self) -> None:
        """Create or upgrade the schema to the current version, keeping every row."""
        from monitor.store.migrate import upgrade

        upgrade(self)

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
