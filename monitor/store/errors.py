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
