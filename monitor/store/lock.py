"""The run lock: overlapping runs never double-process.

A file lock in state_dir guards one machine; on PostgreSQL a session-level advisory lock guards every
machine sharing the database. Both are released by the operating system or the server when the process
dies, so a `kill -9` never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from monitor.errors import LockHeld, MonitorError

LOCK_NAME = "practice-monitor:run"


@contextlib.contextmanager
def file_lock(path: Path, what: str = "run") -> Iterator[None]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise MonitorError(f"cannot create the lock file {path}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read(fd)
            raise LockHeld(f"another {what} is in progress{holder}; this one stops without doing anything") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)


def _read(fd: int) -> str:
    try:
        text = os.pread(fd, 100, 0).decode(errors="replace").strip()
    except OSError:
        return ""
    return f" ({text})" if text else ""


@contextlib.contextmanager
def run_lock(store, config, name: str = LOCK_NAME) -> Iterator[None]:
    """Held for a whole `run` (or the digest); raises LockHeld (exit 75) when another holds it."""
    with file_lock(config.practice.state_dir / "monitor.lock"):
        if not store.is_postgres:
            yield
            return
        from monitor.store.pg import try_advisory_lock

        with store.engine.connect() as conn:
            if not try_advisory_lock(conn, name):
                raise LockHeld("another run is in progress on another machine sharing this database; this one stops without doing anything")
            try:
                yield
            finally:
                from monitor.store.pg import advisory_unlock

                advisory_unlock(conn, name)
