"""Reading `--input FILE.jsonl` for the check commands: one JSON object per line, bad lines reported
by number and skipped, the others processed; '-' is standard input."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

from monitor.errors import EXIT_OK, EXIT_USAGE, MonitorError


def json_objects(path: str) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line number, object, problem) for every non-blank line; exactly one of object/problem is set."""
    try:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as exc:
        raise MonitorError(f"cannot read {path}: {exc.strerror or exc}") from None
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, None, f"not valid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(obj, dict):
                yield n, None, "each line must be a JSON object"
                continue
            yield n, obj, None


def process_lines(path: str, handle: Callable[[dict], Any]) -> int:
    """Call `handle` on each object; a ValueError/MonitorError from it marks the line bad.

    Returns exit 0, or 2 when any line could not be used (after all the good ones were processed).
    """
    bad = 0
    for n, obj, problem in json_objects(path):
        if obj is not None:
            try:
                handle(obj)
                continue
            except (ValueError, MonitorError) as exc:
                problem = str(exc)
        bad += 1
        print(f"{path}: line {n}: {problem}; skipped", file=sys.stderr)
    if bad:
        print(f"{bad} line{'s' if bad != 1 else ''} could not be read (see above); the others were checked.", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK
