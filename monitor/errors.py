"""Exceptions and exit codes shared by every layer.

Messages of these exceptions are shown to people (CLI, run records, admin alerts), so they must be
clear and must never contain a secret: adapters build them from redacted text only.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_LOCKED = 75


class MonitorError(Exception):
    """Base of every error the monitor expects and explains."""


class ConfigError(MonitorError):
    """One problem in the configuration: names the file, the key and the problem."""

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file, self.key, self.problem = str(file), key, problem
        super().__init__(f"{self.file}: {key}: {problem}" if key else f"{self.file}: {problem}")


class ConfigErrors(MonitorError):
    """Several configuration problems at once, so the admin can fix them in one go."""

    def __init__(self, errors: list[ConfigError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class SecretMissing(MonitorError):
    """A `*_env` variable or `*_file` credential named in the config is not there at run time."""


class LockHeld(MonitorError):
    """Another run holds the lock (exit 75)."""


class PlatformError(MonitorError):
    """A profile could not be read. The run records it and carries on with the other profiles."""

    kind = "error"


class AuthError(PlatformError):
    """The token is expired, revoked or lacks a permission: one admin alert, not one per run."""

    kind = "auth"


class RateLimited(PlatformError):
    """The platform asked us to slow down; this platform pauses, the others carry on."""

    kind = "rate_limited"

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unreachable(PlatformError):
    """Connection refused, DNS failure, timeouts or 5xx after the retries."""

    kind = "unreachable"


class MalformedAnswer(PlatformError):
    """The API answered something that is not in its documented shape."""

    kind = "malformed"


class UnsafeMedia(MonitorError):
    """An image refused before or during decoding: too large, too many pixels, wrong type, corrupt."""
