"""A cache keyed by the identity of an immutable configuration object.

Why: configuration dataclasses are frozen but hold lists, so they cannot be hashed; the pipeline
passes the same object for every item, so "this very object" is the right key. The object is
kept beside its result, so a recycled id() never returns another configuration's result.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
_LIMIT = 32  # configurations alive at once: a few in tests, one in production


def per_object(build: Callable[[T], R]) -> Callable[[T], R]:
    """`build(obj)` once per object (thread-safe; emptied when more than a few are kept)."""
    cache: dict[int, tuple[T, R]] = {}
    lock = threading.Lock()

    @functools.wraps(build)
    def cached(obj: T) -> R:
        entry = cache.get(id(obj))
        if entry is not None and entry[0] is obj:
            return entry[1]
        result = build(obj)
        with lock:
            if len(cache) > _LIMIT:
                cache.clear()
            cache[id(obj)] = (obj, result)
        return result

    return cached
