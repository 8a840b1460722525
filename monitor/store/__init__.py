"""The store: SQLAlchemy tables and the small operations the pipeline needs on them."""

from monitor.store.db import Store, is_postgres, normalise_url
from monitor.store.models import (
    Base,
    FindingRow,
    KeyValue,
    MediaCheck,
    MediaImage,
    OutboxMessage,
    Profile,
    Run,
    SeenItem,
    Suspect,
    utcnow,
)

__all__ = [
    "Store", "is_postgres", "normalise_url", "Base", "FindingRow", "KeyValue", "MediaCheck", "MediaImage",
    "OutboxMessage", "Profile", "Run", "SeenItem", "Suspect", "utcnow",
]
