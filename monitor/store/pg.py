"""PostgreSQL-only helpers: advisory locks that hold across machines.

A file lock only protects one machine. With PostgreSQL every process of every machine talks to the
same server, so a named advisory lock there is the cross-machine equivalent. Session-level locks
belong to the connection: they are released when it closes, including when a process is killed
(the server notices the dropped connection), so a crash never leaves a lock behind.

Every function takes a SQLAlchemy Connection (or Session) already bound to a PostgreSQL database.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Iterator

from sqlalchemy import text

# Names are hashed into PostgreSQL's 64-bit advisory key space; the prefix keeps ours apart from
# anybody else's locks on the same server (procrastinate, other applications).
NAMESPACE = "practice-monitor:"

MIGRATION_LOCK = "schema-migration"
RUN_LOCK = "run"


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for a lock name (the same on every machine and Python version)."""
    digest = hashlib.sha256((NAMESPACE + name).encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def try_advisory_lock(connection, name: str) -> bool:
    """Take the session-level lock `name` if nobody holds it; True when taken. Never waits."""
    return bool(connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": lock_key(name)}).scalar())


def advisory_lock(connection, name: str) -> None:
    """Take the session-level lock `name`, waiting as long as another session holds it."""
    connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": lock_key(name)})


def advisory_unlock(connection, name: str) -> bool:
    """Release a lock taken by this session; False when this session did not hold it."""
    return bool(connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_key(name)}).scalar())


def advisory_xact_lock(connection, name: str) -> None:
    """Take the lock `name` until the current transaction ends (commit or rollback release it)."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key(name)})


def lock_is_held(connection, name: str) -> bool:
    """Whether any session on the server holds the lock `name` (for status displays and tests)."""
    key = lock_key(name)
    classid, objid = (key >> 32) & 0xFFFFFFFF, key & 0xFFFFFFFF
    row = connection.execute(
        text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = :c AND objid = :o AND objsubid = 1 AND granted"),
        {"c": classid, "o": objid},
    ).scalar()
    return bool(row)


@contextlib.contextmanager
def held_lock(engine, name: str, *, wait: float | None = None, poll: float = 0.5) -> Iterator[bool]:
    """Hold `name` on a dedicated connection for the block; yields whether it was obtained.

    wait=None waits as long as needed; wait=0 tries once; otherwise tries for `wait` seconds.
    The connection is in autocommit mode so the block's own transactions are unaffected.
    """
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        if wait is None:
            advisory_lock(conn, name)
            got = True
        else:
            deadline = time.monotonic() + wait
            got = try_advisory_lock(conn, name)
            while not got and time.monotonic() < deadline:
                time.sleep(min(poll, max(0.0, deadline - time.monotonic())))
                got = try_advisory_lock(conn, name)
        try:
            yield got
        finally:
            if got:
                try:
                    advisory_unlock(conn, name)
                except Exception:  # the connection is going away anyway; closing it releases the lock
                    pass
