"""`check-config`: validates the configuration; exit 0, or 2 with one line per problem."""

from __future__ import annotations

import sys

from monitor.errors import ConfigError, ConfigErrors


def register(sub, common) -> None:
    p = sub.add_parser("check-config", parents=[common], help="validate the configuration file")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    cfg = ctx.config  # raises ConfigErrors → exit 2, one line per problem
    from monitor.secrets import read_secret

    notes = []
    for p in cfg.profiles:
        try:
            read_secret(p.token_env, p.token_file, config_file=cfg.source, key=f"profiles.{p.name}.token")
        except ConfigError as exc:
            notes.append(f"note: {exc} (needed when `run` checks this profile)")
    if cfg.email.transport == "smtp":
        try:
            read_secret(cfg.email.password_env, cfg.email.password_file, config_file=cfg.source, key="email.password")
        except ConfigError as exc:
            notes.append(f"note: {exc} (needed when email is sent)")
    if not cfg.media.library.is_dir():
        notes.append(f"note: the approved media library folder {cfg.media.library} does not exist yet; every posted image will be flagged as unknown")
    for n in notes:
        print(n, file=sys.stderr)
    print(f"{cfg.source}: OK ({len(cfg.profiles)} profile(s), {len(cfg.identities)} identit{'y' if len(cfg.identities) == 1 else 'ies'})")
    return 0


__all__ = ["ConfigErrors"]
