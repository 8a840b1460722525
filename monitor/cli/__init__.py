"""The `practice-monitor` command line. Each command group is one module in `monitor.cli.commands`.

A command module defines `register(subparsers, common)` which adds its parsers and sets
`func=handler`; a handler takes `(args, ctx)` and returns the exit code. Errors the monitor expects
become one clear line on stderr and the contract's exit code; nothing prints a traceback to a user.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from monitor import __version__
from monitor.cli.context import Context
from monitor.errors import (
    EXIT_LOCKED,
    EXIT_UNEXPECTED,
    EXIT_USAGE,
    ConfigError,
    ConfigErrors,
    LockHeld,
    MonitorError,
    SecretMissing,
)
from monitor.secrets import redact
from monitor.store.errors import database_problem
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger("monitor.cli")
SERVICES = frozenset({"serve", "worker"})  # long-running commands: their log is their output


def _common_options() -> argparse.ArgumentParser:
    """Options every command accepts after its name too (`run --config C` == `--config C run`)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS, help="configuration file (default: $PRACTICE_MONITOR_CONFIG or ./config.toml)")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="more detail in the log")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="only warnings and errors in the log")
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="practice-monitor",
        description="Watches a therapy practice's official social-media profiles and emails alerts when its social-media policy is at risk.",
    )
    parser.add_argument("--version", action="version", version=f"practice-monitor {__version__}")
    parser.add_argument("--config", metavar="PATH", default=None, help="configuration file (default: $PRACTICE_MONITOR_CONFIG or ./config.toml)")
    parser.add_argument("-v", "--verbose", action="store_true", default=False, help="more detail in the log")
    parser.add_argument("-q", "--quiet", action="store_true", default=False, help="only warnings and errors in the log")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from monitor.cli import commands

    for mod in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{commands.__name__}.{mod.name}").register(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from monitor.logs import setup_logging

    setup_logging(verbose=args.verbose, quiet=args.quiet, service=args.command in SERVICES)
    ctx = Context(args)
    try:
        return int(args.func(args, ctx) or 0)
    except ConfigErrors as exc:
        for err in exc.errors:
            print(f"config error: {redact(str(err))}", file=sys.stderr)
        return EXIT_USAGE
    except (ConfigError, SecretMissing) as exc:
        print(f"config error: {redact(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except LockHeld as exc:
        print(redact(str(exc)), file=sys.stderr)
        return EXIT_LOCKED
    except MonitorError as exc:
        print(f"error: {redact(str(exc))}", file=sys.stderr)
        return EXIT_UNEXPECTED
    except SQLAlchemyError as exc:
        log.debug("database error", exc_info=True)
        print(f"error: {database_problem(exc)}", file=sys.stderr)
        return EXIT_UNEXPECTED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: a clear line, details in the log
        log.debug("unexpected error", exc_info=True)
        print(f"unexpected error: {redact(f'{type(exc).__name__}: {exc}')} (run with -v for details)", file=sys.stderr)
        return EXIT_UNEXPECTED
    finally:
        ctx.close()
