"""Finding, reading and cross-checking the configuration file."""

from __future__ import annotations

import os
import tomllib
import zoneinfo
from dataclasses import replace
from pathlib import Path

from monitor.config.model import Config
from monitor.config.schema import Parser
from monitor.errors import ConfigError, ConfigErrors
from monitor.findings import CATEGORIES, POST_CATEGORIES, SEVERITIES

ENV_CONFIG = "PRACTICE_MONITOR_CONFIG"


def find_config_path(explicit: str | os.PathLike | None = None) -> Path:
    """`--config PATH`, else `$PRACTICE_MONITOR_CONFIG`, else `./config.toml` (the contract's order)."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    return Path("config.toml")


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Read and validate the file; raises ConfigErrors listing every problem found."""
    file = find_config_path(path)
    if not file.exists():
        raise ConfigErrors([ConfigError(str(file), "", "configuration file not found (run `practice-monitor init` to create one)")])
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigErrors([ConfigError(str(file), "", f"cannot be read: {exc.strerror or exc}")]) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigErrors([ConfigError(str(file), "", "is not UTF-8 text")]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigErrors([ConfigError(str(file), "", f"is not valid TOML: {exc}")]) from None
    return parse_config(data, file)


def parse_config(data: dict, file: Path) -> Config:
    file = Path(file).absolute()
    parser = Parser(file)
    cfg = parser.parse_dataclass(Config, data, "")
    if cfg is not None and not parser.errors:  # meaning is checked once the shape is right
        cfg = replace(cfg, source=file)
        _cross_check(cfg, parser)
    if parser.errors or cfg is None:
        raise ConfigErrors(parser.errors or [ConfigError(str(file), "", "invalid configuration")])
    return cfg


def _cross_check(cfg: Config, p: Parser) -> None:
    """Rules that involve meaning rather than types."""
    from monitor.platforms import adapter_class, platform_names

    try:
        zoneinfo.ZoneInfo(cfg.practice.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        p.error("practice.timezone", f"unknown timezone {cfg.practice.timezone!r} (use a name like 'Europe/London')")

    e = cfg.email
    if e.transport not in ("smtp", "file"):
        p.error("email.transport", f'must be "smtp" or "file", not {e.transport!r}')
    if e.security not in ("none", "starttls", "ssl"):
        p.error("email.security", f'must be "none", "starttls" or "ssl", not {e.security!r}')
    if not 0 < e.port < 65536:
        p.error("email.port", f"must be between 1 and 65535, not {e.port}")
    for i, addr in enumerate(e.to):
        if "@" not in addr:
            p.error(f"email.to[{i}]", f"{addr!r} is not an email address")
    if "@" not in e.from_:
        p.error("email.from", f"{e.from_!r} is not an email address")
    for cat, addrs in cfg.alerts.recipients.items():
        if cat not in CATEGORIES:
            p.error(f"alerts.recipients.{cat}", f"unknown category (known: {', '.join(CATEGORIES)})")
        for i, addr in enumerate(addrs):
            if "@" not in addr:
                p.error(f"alerts.recipients.{cat}[{i}]", f"{addr!r} is not an email address")

    from apscheduler.triggers.cron import CronTrigger

    for key in ("run", "digest"):
        expr = getattr(cfg.schedule, key)
        try:
            CronTrigger.from_crontab(expr)
        except ValueError as exc:
            p.error(f"schedule.{key}", f"{expr!r} is not a cron expression ({exc})")

    if cfg.schedule.deliver_minutes < 1:
        p.error("schedule.deliver_minutes", "must be at least 1")

    for i, cat in enumerate(cfg.posts.disabled):
        if cat not in POST_CATEGORIES:
            p.error(f"posts.disabled[{i}]", f"unknown category {cat!r} (known: {', '.join(POST_CATEGORIES)})")
    for cat, sev in cfg.posts.severities.items():
        if cat not in POST_CATEGORIES:
            p.error(f"posts.severities.{cat}", f"unknown category (known: {', '.join(POST_CATEGORIES)})")
        elif sev not in SEVERITIES:
            p.error(f"posts.severities.{cat}", f"must be one of {', '.join(SEVERITIES)}, not {sev!r}")
    for table in ("extra_words", "extra_patterns"):
        for cat in getattr(cfg.posts, table):
            if cat not in POST_CATEGORIES:
                p.error(f"posts.{table}.{cat}", f"unknown category (known: {', '.join(POST_CATEGORIES)})")
    import re

    for cat, patterns in cfg.posts.extra_patterns.items():
        for i, pat in enumerate(patterns):
            try:
                re.compile(pat)
            except re.error as exc:
                p.error(f"posts.extra_patterns.{cat}[{i}]", f"not a valid regular expression: {exc}")

    imp = cfg.impersonation
    if not 0 <= imp.suspicious_threshold <= imp.impersonation_threshold <= 1:
        p.error("impersonation", "thresholds must satisfy 0 <= suspicious_threshold <= impersonation_threshold <= 1")

    known = platform_names()
    seen: set[str] = set()
    for i, prof in enumerate(cfg.profiles):
        where = f"profiles[{i}]"
        if prof.name in seen:
            p.error(f"{where}.name", f"profile name {prof.name!r} is used twice")
        seen.add(prof.name)
        if prof.platform not in known:
            p.error(f"{where}.platform", f"unknown platform {prof.platform!r} (choose from {', '.join(known)})")
            continue
        for problem_key, problem in adapter_class(prof.platform).validate_profile(prof):
            p.error(f"{where}.{problem_key}", problem)
    for i, ident in enumerate(cfg.identities):
        for platform in ident.handles:
            if platform not in known:
                p.error(f"identities[{i}].handles.{platform}", f"unknown platform (choose from {', '.join(known)})")
        for j, avatar in enumerate(ident.avatars):
            if not Path(avatar).is_file():
                p.error(f"identities[{i}].avatars[{j}]", f"file not found: {avatar}")
