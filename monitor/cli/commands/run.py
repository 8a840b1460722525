"""`run`: one pass of every check over every profile (what cron and a systemd timer call)."""

from __future__ import annotations

import sys

from monitor.cli.output import human_run_summary


def register(sub, common) -> None:
    p = sub.add_parser("run", parents=[common], help="one pass of every check over every profile, then send what is due")
    p.add_argument("--profile", action="append", metavar="NAME", help="only this profile (repeatable)")
    p.add_argument("--dry-run", action="store_true", help="fetch and check, but store nothing and send nothing")
    p.add_argument("--json", action="store_true", help="print the run's summary as JSON")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    from jobs.run import run_once

    report = run_once(ctx.config, ctx.store, profiles=args.profile, dry_run=args.dry_run)
    if args.json:
        ctx.print_json(report.to_json())
    else:
        print(human_run_summary(report, dry_run=args.dry_run), file=sys.stdout)
    return report.exit_code
