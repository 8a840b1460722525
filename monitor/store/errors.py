"""Opening the store with messages a practice admin understands."""

from __future__ import annotations

from sqlalchemy.exc import DatabaseError, OperationalError

from monitor.errors import MonitorError


def open_store_clearly(config):
    """Open and upgrade the configured database; problems become one clear MonitorError."""
    from monitor.store.db import Store

    state = config.practice.state_dir
    try:
        state.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MonitorError(f"state_dir {state} cannot be created: {exc.strerror}") from None
    store = Store(config.database_url)
    try:
        store.upgrade()
    except OperationalError as exc:
        store.dispose()
        raise MonitorError(f"the database cannot be opened ({_short(exc)}); check [database] url and that {state} is writable") from None
    except DatabaseError as exc:
        store.dispose()
        raise MonitorError(
            f"the database is damaged or is not a practice-monitor database ({_short(exc)}); "
            "move it aside and run again to start a fresh one"
        ) from None
    return store


def _short(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    text = str(orig or exc).strip().splitlines()[0]
    from monitor.secrets import redact

    return redact(text)[:300]


def database_problem(exc: Exception) -> str:
    """One line for a database failure in the middle of work (nothing half-done was kept)."""
    text = _short(exc)
    low = text.lower()
    if "full" in low or "no space" in low or "too large" in low or "disk i/o" in low:
        hint = "the disk holding the database is full or failing; free some space and run again (nothing was lost)"
    elif "locked" in low or "timeout" in low:
        hint = "the database was busy for too long; run again"
    elif "connection" in low or "could not connect" in low:
        hint = "the database server cannot be reached; check [database] url and the server"
    else:
        hint = "the database refused a change; run again, and if it persists run with -v and report it"
    return f"database error ({text}): {hint}"
