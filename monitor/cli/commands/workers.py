"""Several workers on PostgreSQL: `db upgrade`, `enqueue`, `worker`, `queue`.

`run` and `serve` stay the single-machine way; these commands spread the checks over any number of
worker processes on any number of machines sharing one PostgreSQL database (see docs/many-profiles.md).
"""

from __future__ import annotations

import sys


def register(sub, common) -> None:
    db = sub.add_parser("db", parents=[common], help="database maintenance (db upgrade)")
    db_sub = db.add_subparsers(dest="db_command", metavar="COMMAND")
    up = db_sub.add_parser("upgrade", parents=[common],
                           help="create the schema or upgrade it to the current version, keeping every row")
    up.set_defaults(func=handle_db_upgrade)
    db.set_defaults(func=lambda args, ctx: _usage(db))

    p = sub.add_parser("enqueue", parents=[common],
                       help="queue one check job per profile for the workers (PostgreSQL only)")
    p.add_argument("--profile", action="append", metavar="NAME", help="only this profile (repeatable)")
    p.add_argument("--json", action="store_true", help='print {"queued": [...], "already_waiting": [...]} as JSON')
    p.set_defaults(func=handle_enqueue)

    w = sub.add_parser("worker", parents=[common],
                       help="run queued check jobs until SIGTERM/SIGINT (PostgreSQL only)")
    w.add_argument("--concurrency", type=_positive, metavar="N", default=None,
                   help="jobs this process runs at once (default: [workers] concurrency)")
    w.add_argument("--until-idle", action="store_true", help="stop (exit 0) when no job is waiting")
    w.set_defaults(func=handle_worker)

    q = sub.add_parser("queue", parents=[common], help="list the jobs waiting and running (PostgreSQL only)")
    q.add_argument("--all", action="store_true", help="also jobs that failed or finished")
    q.add_argument("--json", action="store_true", help="print the jobs as a JSON array")
    q.set_defaults(func=handle_queue)


def _positive(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return 2


def handle_db_upgrade(args, ctx) -> int:
    from monitor.store.db import Store
    from monitor.store.migrate import current_revision, engine_installed

    config = ctx.config
    before = None
    try:  # what the database was at, for the message; any problem is reported by the upgrade below
        probe = Store(config.database_url)
        try:
            with probe.engine.connect() as conn:
                before = current_revision(conn)
        finally:
            probe.dispose()
    except Exception:
        pass
    store = ctx.store  # opens and upgrades (under an advisory lock on PostgreSQL)
    with store.engine.connect() as conn:
        after = current_revision(conn)
    if before == after:
        msg = f"The database schema is current (revision {after})."
    elif before is None:
        msg = f"The database schema was created (revision {after})."
    else:
        msg = f"The database schema was upgraded from revision {before} to {after}; every row was kept."
    if store.is_postgres and engine_installed():
        msg += " The task engine's tables (procrastinate) are ready for `enqueue` and `worker`."
    elif store.is_postgres:
        msg += " The task engine is not installed here: pip install 'practice-monitor[postgres]' to use `enqueue` and `worker`."
    print(msg)
    return 0


def handle_enqueue(args, ctx) -> int:
    from jobs.tasks import enqueue, require_postgres

    require_postgres(ctx.config, "enqueue")
    result = enqueue(ctx.config, ctx.store, args.profile)
    if args.json:
        ctx.print_json(result.to_json())
    else:
        line = f"Queued {len(result.queued)} check job(s)"
        if result.already_waiting:
            line += f"; {len(result.already_waiting)} profile(s) already had a job waiting and were not queued again"
        print(line + ".")
    return 0


def handle_worker(args, ctx) -> int:
    from jobs.tasks import require_postgres, run_worker

    require_postgres(ctx.config, "worker")
    run_worker(ctx.config, ctx.store, concurrency=args.concurrency, until_idle=args.until_idle)
    return 0


def handle_queue(args, ctx) -> int:
    from jobs.tasks import list_queue, list_workers, require_postgres

    require_postgres(ctx.config, "queue")
    jobs = list_queue(ctx.store, include_finished=args.all)
    if args.json:
        ctx.print_json(jobs)
        return 0
    workers = list_workers(ctx.store)
    waiting = sum(1 for j in jobs if j["status"] == "todo")
    running = sum(1 for j in jobs if j["status"] == "doing")
    print(f"{waiting} job(s) waiting, {running} running; {len(workers)} worker(s) registered.")
    for j in jobs:
        what = j["task"] + (f" {j['profile']}" if j["profile"] else "")
        when = j["started_at"] if j["status"] == "doing" else j["queued_at"]
        extra = f", attempt {j['attempts'] + 1}" if j["attempts"] else ""
        print(f"  #{j['id']:<6} {j['status']:<9} {what}  (since {_short_time(when)}{extra})")
    return 0


def _short_time(iso: str | None) -> str:
    return iso[:19].replace("T", " ") if iso else "?"
