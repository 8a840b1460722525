"""`outbox list|show|send|retry|dismiss`: what the monitor has emailed, what waits, what failed.

Every email goes through the outbox; when the mail server refuses a message for good it is kept here
as `failed` (and listed in every digest) until an admin sends it again or dismisses it.
"""

from __future__ import annotations

import email
import sys
from email import policy

from monitor.errors import MonitorError

STATUSES = ("pending", "sending", "sent", "failed", "dismissed")


def register(sub, common) -> None:
    p = sub.add_parser("outbox", parents=[common], help="the emails the monitor sent, is sending, or could not send")
    o = p.add_subparsers(dest="outbox_command", metavar="COMMAND")

    ls = o.add_parser("list", parents=[common], help="list emails, newest first")
    ls.add_argument("--status", choices=STATUSES, action="append", help="only these (repeatable)")
    ls.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    ls.add_argument("--json", action="store_true", help="print a JSON array")
    ls.set_defaults(func=handle_list)

    show = o.add_parser("show", parents=[common], help="show one email's headers and text")
    show.add_argument("id", type=int)
    show.set_defaults(func=handle_show)

    send = o.add_parser("send", parents=[common], help="send every waiting email now")
    send.set_defaults(func=handle_send)

    retry = o.add_parser("retry", parents=[common], help="queue failed emails again (these IDs, or --all)")
    retry.add_argument("ids", type=int, nargs="*", metavar="ID")
    retry.add_argument("--all", action="store_true", help="every failed email")
    retry.set_defaults(func=handle_retry)

    dismiss = o.add_parser("dismiss", parents=[common], help="stop listing failed emails (dealt with another way)")
    dismiss.add_argument("ids", type=int, nargs="+", metavar="ID")
    dismiss.set_defaults(func=handle_dismiss)

    p.set_defaults(func=lambda args, ctx: (p.print_help(sys.stderr), 2)[1])


def _json(m) -> dict:
    return {
        "id": m.id, "message_id": m.message_id, "kind": m.kind, "status": m.status, "attempts": m.attempts,
        "recipients": m.recipients, "subject": m.subject, "finding_ids": m.finding_ids,
        "created_at": m.created_at.isoformat() if m.created_at else None,
        "next_attempt_at": m.next_attempt_at.isoformat() if m.next_attempt_at and m.status in ("pending", "sending") else None,
        "sent_at": m.sent_at.isoformat() if m.sent_at else None,
        "last_error": m.last_error,
    }


def handle_list(args, ctx) -> int:
    from monitor.alerts.outbox import list_messages, server_state
    from monitor.alerts.views import local_time

    rows = list_messages(ctx.store, tuple(args.status) if args.status else None, limit=max(args.limit, 1))
    if args.json:
        ctx.print_json([_json(m) for m in rows])
        return 0
    state = server_state(ctx.store)
    if state is not None:
        print(f"The mail server has been unavailable since {local_time(ctx.config, state.since)}: {state.error}")
    if not rows:
        print("The outbox is empty." if not args.status else "No email with that status.")
        return 0
    for m in rows:
        when = local_time(ctx.config, m.sent_at or m.created_at)
        print(f"#{m.id:<5} {m.status:<9} {m.kind:<6} {when}  {m.subject}")
        if m.status in ("pending", "sending") and m.attempts:
            print(f"        tried {m.attempts} time(s), next try {local_time(ctx.config, m.next_attempt_at)}")
        if m.last_error:
            print(f"        {m.last_error}")
    return 0


def handle_show(args, ctx) -> int:
    from sqlalchemy import select

    from monitor.store.models import OutboxMessage

    with ctx.store.session() as s:
        m = s.scalar(select(OutboxMessage).where(OutboxMessage.id == args.id))
        if m is None:
            raise MonitorError(f"no email #{args.id} in the outbox (see: practice-monitor outbox list)")
        raw, status, error = bytes(m.raw), m.status, m.last_error
    msg = email.message_from_bytes(raw, policy=policy.default)
    for h in ("Subject", "From", "To", "Date", "Message-ID"):
        print(f"{h}: {msg.get(h, '')}")
    print(f"Status: {status}" + (f" ({error})" if error else ""))
    print()
    body = msg.get_body(("plain",))
    sys.stdout.write(body.get_content() if body is not None else "(no text part)\n")
    return 0


def handle_send(args, ctx) -> int:
    from monitor.alerts import deliver_pending

    report = deliver_pending(ctx.store, ctx.config, force=True)
    print(f"{report.sent} sent, {report.failed} failed, {report.pending} waiting.")
    for err in report.errors:
        print(f"problem: {err}", file=sys.stderr)
    return 1 if report.errors else 0


def handle_retry(args, ctx) -> int:
    from monitor.alerts.outbox import retry

    if not args.ids and not args.all:
        raise MonitorError("name the emails to retry (IDs from `practice-monitor outbox list`) or use --all")
    n = retry(ctx.store, None if args.all else args.ids)
    print(f"{n} email(s) queued again; they are sent on the next run (or now with: practice-monitor outbox send).")
    return 0


def handle_dismiss(args, ctx) -> int:
    from monitor.alerts.outbox import dismiss

    n = dismiss(ctx.store, args.ids)
    print(f"{n} failed email(s) dismissed.")
    return 0
