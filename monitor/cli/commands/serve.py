"""`serve`: long-running scheduler with the schedules from the config; stops cleanly on SIGTERM/SIGINT."""

from __future__ import annotations


def register(sub, common) -> None:
    p = sub.add_parser("serve", parents=[common], help="run the checks and the digest on the configured schedules until stopped")
    p.add_argument("--run-now", action="store_true", help="also run the checks once right away")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    from jobs.serve import serve

    serve(ctx.config, ctx.store, run_now=args.run_now)
    return 0
