"""Rate-limit pauses that outlive the process: a platform that asked us to wait an hour is not asked
again by the next cron run ten minutes later. Shared by every machine through the database."""

from __future__ import annotations

from datetime import datetime, timedelta
from urllib.parse import urlsplit

from monitor.store.models import KeyValue, utcnow

PREFIX = "pause:"


def pause_key(platform: str, base_url: str) -> str:
    return f"{PREFIX}{platform}:{urlsplit(base_url).hostname or ''}"


def paused_until(store, platform: str, base_url: str) -> datetime | None:
    with store.session() as s:
        row = s.get(KeyValue, pause_key(platform, base_url))
    if row is None:
        return None
    until = datetime.fromisoformat(row.value.get("until", "1970-01-01T00:00:00+00:00"))
    return until if until > utcnow() else None


def record_pause(store, platform: str, base_url: str, seconds: float) -> datetime:
    """Remember the platform's wait (the longest asked for wins)."""
    until = utcnow() + timedelta(seconds=seconds)
    key = pause_key(platform, base_url)
    with store.session() as s:
        row = s.get(KeyValue, key, with_for_update=store.is_postgres)
        if row is None:
            s.add(KeyValue(key=key, value={"until": until.isoformat()}, updated_at=utcnow()))
        else:
            current = datetime.fromisoformat(row.value.get("until", "1970-01-01T00:00:00+00:00"))
            if until > current:
                row.value, row.updated_at = {"until": until.isoformat()}, utcnow()
            else:
                until = current
    return until
