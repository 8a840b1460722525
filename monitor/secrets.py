"""Secrets: read only from environment variables or credential files, and kept out of every output.

Every secret read through `read_secret` is registered with the redactor, and the logging filter in
`monitor.logs` plus every message shown to people pass through `redact`, so a token cannot leak into a
log line, an exception message, an email or the database even by accident.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

from monitor.errors import ConfigError

_lock = threading.Lock()
_known: set[str] = set()
# Query parameters and headers that carry credentials in the platforms' APIs.
_PARAM_RE = re.compile(r"(?i)\b(access_token|token|password|passwd|secret|client_secret|appsecret_proof)(=|:\s*|\"\s*:\s*\")([^&\s\"']+)")
_BEARER_RE = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]{6,}")
_AUTH_HEADER_RE = re.compile(r"(?i)\b(authorization)(\s*[:=]\s*)[^\r\n\"',}]+")
REDACTED = "[redacted]"


def register(secret: str) -> None:
    """Remember a secret so that `redact` hides it wherever it appears."""
    if secret and len(secret) >= 4:
        with _lock:
            _known.add(secret)


def redact(text: str) -> str:
    """Hide every registered secret and anything shaped like a credential parameter."""
    if not text:
        return text
    with _lock:
        known = sorted(_known, key=len, reverse=True)
    for s in known:
        if s in text:
            text = text.replace(s, REDACTED)
    text = _AUTH_HEADER_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    text = _PARAM_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)
    return _BEARER_RE.sub(lambda m: f"{m.group(1)} {REDACTED}", text)


def read_secret(env_name: str, file_name: str, *, config_file: Path | str, key: str) -> str | None:
    """The secret named by `<key>_env` or `<key>_file`; None when neither is set in the config.

    Raises ConfigError (naming the file and key) when a named variable or file is missing or empty.
    Relative file names are looked up in systemd's $CREDENTIALS_DIRECTORY first, then beside the config.
    """
    if env_name:
        value = os.environ.get(env_name)
        if not value:
            raise ConfigError(str(config_file), f"{key}_env", f"environment variable {env_name} is not set or empty")
        value = value.strip()
        register(value)
        return value
    if file_name:
        path = _credential_path(file_name, Path(config_file).parent)
        if path is None:
            raise ConfigError(str(config_file), f"{key}_file", f"credential file {file_name!r} not found")
        try:
            value = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(str(config_file), f"{key}_file", f"credential file {file_name!r} cannot be read: {exc.strerror}") from None
        if not value:
            raise ConfigError(str(config_file), f"{key}_file", f"credential file {file_name!r} is empty")
        register(value)
        return value
    return None


def _credential_path(name: str, config_dir: Path) -> Path | None:
    p = Path(name).expanduser()
    if p.is_absolute():
        return p if p.is_file() else None
    cred_dir = os.environ.get("CREDENTIALS_DIRECTORY")
    for base in ([Path(cred_dir)] if cred_dir else []) + [config_dir]:
        if (base / p).is_file():
            return base / p
    return None
