"""The digest job: queue the digest of pending normal/low findings and send what is due."""

from __future__ import annotations

from monitor.config.model import Config
from monitor.store.db import Store
from monitor.store.lock import file_lock


def send_digest(config: Config, store: Store, *, force: bool = False):
    """Returns (messages queued, delivery report). Guarded so two digests never overlap."""
    from monitor.alerts import deliver_pending, queue_digest

    with file_lock(config.practice.state_dir / "digest.lock", what="digest"):
        queued = queue_digest(store, config, force=force)
        return queued, deliver_pending(store, config)
