"""Logging set-up: plain lines without timestamps under journald (it adds its own), redacted always."""

from __future__ import annotations

import logging
import os
import sys

from monitor.secrets import redact


class RedactingFilter(logging.Filter):
    """Rewrites every record's message so that no secret reaches any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = redact(msg)
        if record.exc_info and record.exc_info[1] is not None:
            exc_text = logging.Formatter().formatException(record.exc_info)
            clean = f"{clean}\n{redact(exc_text)}"
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = clean, None
        return True


def setup_logging(verbose: bool = False, quiet: bool = False, service: bool = False) -> None:
    """Log to stderr; under systemd (JOURNAL_STREAM set) leave timestamps to the journal, and log INFO."""
    # People at a terminal see warnings and errors only (the commands print their own summaries);
    # the journal gets the INFO lines too, so an admin can follow what each run did.
    # Long-running services (serve, worker) always log what they do.
    default = logging.INFO if service or os.environ.get("JOURNAL_STREAM") else logging.WARNING
    level = logging.DEBUG if verbose else logging.WARNING if quiet else default
    handler = logging.StreamHandler(sys.stderr)
    if os.environ.get("JOURNAL_STREAM"):
        handler.setFormatter(_SyslogLevelFormatter("%(name)s: %(message)s"))
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("urllib3", "apscheduler.executors", "PIL", "procrastinate", "aiosmtpd", "mail.log", "alembic"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


class _SyslogLevelFormatter(logging.Formatter):
    """journald understands <N> syslog priority prefixes."""

    _MAP = {logging.DEBUG: 7, logging.INFO: 6, logging.WARNING: 4, logging.ERROR: 3, logging.CRITICAL: 2}

    def format(self, record: logging.LogRecord) -> str:
        return f"<{self._MAP.get(record.levelno, 6)}>{super().format(record)}"
