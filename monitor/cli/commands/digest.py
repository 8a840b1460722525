"""`digest [--preview FILE.html] [--send]`: what the next digest holds, as text, as HTML, or sent.

Without a flag it prints the digest's text and changes nothing. `--preview` writes the HTML (pictures
embedded, nothing marked or sent) for a browser. `--send` queues the digest and delivers it now; its
findings are then marked as sent in a digest.
"""

from __future__ import annotations

import sys
from pathlib import Path

from monitor.errors import MonitorError


def register(sub, common) -> None:
    p = sub.add_parser("digest", parents=[common], help="show, preview (--preview FILE.html) or send (--send) the digest of what is pending")
    p.add_argument("--preview", metavar="FILE.html", help="write the digest as an HTML file to open in a browser (nothing is sent)")
    p.add_argument("--send", action="store_true", help="queue the digest and send it now")
    p.add_argument("--force", action="store_true", help="with --send: send even when nothing is pending")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    from monitor.alerts.digest import preview_content, render_digest_html, render_digest_text

    config, store = ctx.config, ctx.store
    if args.force and not args.send:
        raise MonitorError("--force only goes with --send")
    if args.preview:
        target = Path(args.preview)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_digest_html(store, config), encoding="utf-8")
        except OSError as exc:
            raise MonitorError(f"cannot write {target}: {exc.strerror or exc}") from None
        content = preview_content(store, config)
        print(f"Digest preview written to {target} ({_summary(content)}); nothing was sent.")
    if args.send:
        return _send(config, store, force=args.force)
    if not args.preview:
        content = preview_content(store, config)
        if content.is_empty and not config.alerts.digest_send_empty:
            print("Nothing is pending: the next digest would not be sent (set [alerts] digest_send_empty = true to always send one).")
        sys.stdout.write(render_digest_text(store, config))
    return 0


def _summary(content) -> str:
    parts = [f"{content.total} finding{'s' if content.total != 1 else ''} to review"]
    if content.failed:
        parts.append(f"{len(content.failed)} undelivered email{'s' if len(content.failed) != 1 else ''}")
    return ", ".join(parts)


def _send(config, store, *, force: bool) -> int:
    try:
        from jobs.digest import send_digest
    except ImportError:  # the library alone, without the jobs package
        send_digest = None
    if send_digest is not None:
        queued, report = send_digest(config, store, force=force)
    else:
        from monitor.alerts import deliver_pending, queue_digest

        queued = queue_digest(store, config, force=force)
        report = deliver_pending(store, config)
    if not queued:
        print("Nothing is pending, so no digest was queued (use --send --force to send one anyway).")
    where = f"written to {config.email.outbox_dir}" if config.email.transport == "file" else "sent"
    if report.sent:
        print(f"{report.sent} email(s) {where}.")
    if report.pending:
        print(f"{report.pending} email(s) still waiting in the outbox; they are retried on the next run.", file=sys.stderr)
    for err in report.errors:
        print(f"problem: {err}", file=sys.stderr)
    return 1 if (report.pending or report.failed) and report.errors else 0
