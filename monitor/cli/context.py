"""What a command handler needs, loaded lazily: the config, the store, printing helpers."""

from __future__ import annotations

import json
import sys
from functools import cached_property

from monitor.config import Config, load_config


class Context:
    def __init__(self, args) -> None:
        self.args = args
        self._store = None

    @cached_property
    def config(self) -> Config:
        """The validated configuration (raises ConfigErrors, shown as exit 2)."""
        return load_config(getattr(self.args, "config", None))

    @property
    def store(self):
        """The database, opened and upgraded to the current schema on first use."""
        if self._store is None:
            from monitor.store.errors import open_store_clearly

            self._store = open_store_clearly(self.config)
        return self._store

    def print_json(self, obj) -> None:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()
