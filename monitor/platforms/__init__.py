"""Platform adapters, one module each, found by name.

Every module in this package that defines an `Adapter` subclass with a `name` is registered; the
config's `platform = "..."` picks one. Nothing else needs to change to add a platform.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from monitor.platforms.base import Adapter


@cache
def _registry() -> dict[str, type[Adapter]]:
    found: dict[str, type[Adapter]] = {}
    for mod in pkgutil.iter_modules(__path__):
        if mod.name.startswith("_") or mod.name in ("base", "http"):
            continue
        module = importlib.import_module(f"{__name__}.{mod.name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Adapter) and obj is not Adapter and getattr(obj, "name", None):
                found[obj.name] = obj
    return found


def platform_names() -> list[str]:
    return sorted(_registry())


def adapter_class(platform: str) -> type[Adapter]:
    return _registry()[platform]


__all__ = ["Adapter", "adapter_class", "platform_names"]
