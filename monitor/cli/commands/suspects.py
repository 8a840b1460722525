"""`suspects add|list|show|report|dismiss|taken-down`: the staff workflow for fake accounts.

new -> reported (an evidence pack was written and the account reported to the platform) ->
taken_down (the platform removed it; the sweep also notices this by itself), or -> dismissed with a
reason (quiet until the account changes its name or avatar).
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from monitor.errors import EXIT_OK, EXIT_USAGE, MonitorError


def _usage_errors(handler):
    """A status that does not allow the action, or an unknown id, is a usage error (exit 2)."""

    def wrapped(args, ctx) -> int:
        from monitor.checks.impersonation.handles import BadHandle
        from monitor.store.suspects import WorkflowError

        try:
            return handler(args, ctx)
        except (WorkflowError, BadHandle) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE

    wrapped.__name__ = handler.__name__
    return wrapped


def register(sub, common) -> None:
    p = sub.add_parser("suspects", parents=[common], help="fake accounts: list, report with an evidence pack, dismiss")
    s = p.add_subparsers(dest="suspects_command", metavar="COMMAND")

    a = s.add_parser("add", parents=[common], help="add an account someone saw (profile URL or handle)")
    a.add_argument("ref", metavar="URL-or-handle")
    a.add_argument("--platform", help="mastodon, bluesky, instagram or facebook (needed for a bare handle)")
    a.add_argument("--note", help="what was seen, by whom")
    a.add_argument("--json", action="store_true", help="print JSON only")
    a.set_defaults(func=_usage_errors(handle_add))

    ls = s.add_parser("list", parents=[common], help="list suspects")
    ls.add_argument("--status", choices=("new", "reported", "taken_down", "dismissed"))
    ls.add_argument("--json", action="store_true", help="print a JSON array")
    ls.set_defaults(func=_usage_errors(handle_list))

    sh = s.add_parser("show", parents=[common], help="everything known about one suspect")
    sh.add_argument("id", type=int)
    sh.add_argument("--json", action="store_true", help="print JSON only")
    sh.set_defaults(func=_usage_errors(handle_show))

    r = s.add_parser("report", parents=[common], help="write the evidence pack for the platform's impersonation report and record who reported")
    r.add_argument("id", type=int)
    r.add_argument("--out", metavar="DIR", help="folder for the pack (default: evidence/ in the state folder)")
    r.add_argument("--by", metavar="NAME", help="who reports it (default: your user name)")
    r.add_argument("--json", action="store_true", help="print JSON only")
    r.set_defaults(func=_usage_errors(handle_report))

    d = s.add_parser("dismiss", parents=[common], help="not a fake: stays quiet unless it changes its name or avatar")
    d.add_argument("id", type=int)
    d.add_argument("--reason", required=True, help="why it is not a fake (kept with the suspect)")
    d.add_argument("--json", action="store_true", help="print JSON only")
    d.set_defaults(func=_usage_errors(handle_dismiss))

    t = s.add_parser("taken-down", parents=[common], help="the platform removed the account")
    t.add_argument("id", type=int)
    t.add_argument("--json", action="store_true", help="print JSON only")
    t.set_defaults(func=_usage_errors(handle_taken_down))

    p.set_defaults(func=lambda args, ctx: (p.print_help(sys.stderr), EXIT_USAGE)[1])


def _line(d: dict) -> str:
    name = f" “{d['display_name']}”" if d.get("display_name") else ""
    who = f" imitates {d['matched_identity']}" if d.get("matched_identity") and d.get("verdict") != "benign" else ""
    return f"#{d['id']:<4} {d['status']:<10} {d['platform']:<9} {d['handle']}{name}  score {d['score']:.2f}{who}"


def _show(d: dict) -> None:
    print(_line(d))
    for label, key in (("profile", "url"), ("found by", "source"), ("first seen", "first_seen"), ("last seen", "last_seen"),
                       ("reported", "reported_at"), ("reported by", "reported_by"), ("taken down", "taken_down_at"),
                       ("dismissed because", "dismiss_reason"), ("notes", "note")):
        if d.get(key):
            print(f"  {label}: {d[key]}")
    for sig in d.get("signals") or []:
        print(f"  - {sig.get('reason')} (+{sig.get('weight', 0):.2f})")


def handle_add(args, ctx) -> int:
    from monitor.checks.impersonation import handles as H
    from monitor.checks.impersonation.score import score_account
    from monitor.items import Account
    from monitor.store import suspects as S

    platform, handle = H.parse_profile_ref(args.ref, args.platform)
    config = ctx.config
    acc = Account(platform=platform, handle=handle)
    score = score_account(acc, config.identities, config.impersonation) if config.identities else None
    if score is not None and score.verdict == "official":
        raise S.WorkflowError(f"{platform} {handle} is the official account of {score.matched_identity}, not a suspect")
    with ctx.store.session() as s:
        sus, created = S.add(s, platform, handle, note=args.note, source="staff", account=acc, score=score)
        d = S.suspect_json(sus)
    if args.json:
        ctx.print_json(d)
    elif created:
        print(f"Added suspect #{d['id']}: {platform} {handle}. The next run looks the account up and compares it with the official ones.")
        print(f"When you have checked it: practice-monitor suspects report {d['id']}   (or: suspects dismiss {d['id']} --reason ...)")
    else:
        print(f"Already known as suspect #{d['id']} ({d['status']}){'; note added' if args.note else ''}.")
    return EXIT_OK


def handle_list(args, ctx) -> int:
    from monitor.store import suspects as S

    with ctx.store.session() as s:
        rows = [S.suspect_json(x) for x in S.list_suspects(s, args.status)]
    if args.json:
        ctx.print_json(rows)
        return EXIT_OK
    if not rows:
        print("No suspects." if not args.status else f"No suspect is {args.status.replace('_', ' ')}.")
    for d in rows:
        print(_line(d))
    return EXIT_OK


def handle_show(args, ctx) -> int:
    from monitor.store import suspects as S

    with ctx.store.session() as s:
        d = S.suspect_json(S.get(s, args.id))
    ctx.print_json(d) if args.json else _show(d)
    return EXIT_OK


def _reporter(args) -> str:
    if args.by:
        return args.by
    try:
        return os.environ.get("USER") or getpass.getuser()
    except Exception:  # no user name available (containers)
        return "staff"


def _route(platform: str) -> str:
    try:
        from monitor.platforms import adapter_class

        return adapter_class(platform).report_route
    except KeyError:
        return ""


def handle_report(args, ctx) -> int:
    from monitor.checks.impersonation.evidence import write_pack
    from monitor.store import suspects as S
    from monitor.store.models import utcnow

    out = Path(args.out) if args.out else ctx.config.practice.state_dir / "evidence"
    by, now = _reporter(args), utcnow()
    with ctx.store.session() as s:
        sus = S.get(s, args.id)
        S.mark_reported(s, sus, by=by, now=now)
        try:
            pack = write_pack(sus, ctx.config, out, route=_route(sus.platform), reported_by=by, reported_at=now)
        except OSError as exc:
            raise MonitorError(f"the evidence pack cannot be written into {out}: {exc.strerror or exc}") from None
        d = S.suspect_json(sus)
    if args.json:
        ctx.print_json({**d, "evidence": {"folder": str(pack.folder), "html": str(pack.html), "json": str(pack.json),
                                          "images": [str(p) for p in pack.images]}})
    else:
        print(f"Evidence pack for suspect #{d['id']} ({d['platform']} {d['handle']}): {pack.html}")
        print(f"Recorded as reported by {by}. Attach the pack to the platform's impersonation report;")
        print("the monitor checks the account on later runs and tells you when it is gone.")
    return EXIT_OK


def handle_dismiss(args, ctx) -> int:
    from monitor.store import suspects as S

    with ctx.store.session() as s:
        d = S.suspect_json(S.dismiss(s, S.get(s, args.id), reason=args.reason))
    ctx.print_json(d) if args.json else print(f"Dismissed suspect #{d['id']} ({d['platform']} {d['handle']}); it is raised again only if it changes its name or avatar.")
    return EXIT_OK


def handle_taken_down(args, ctx) -> int:
    from monitor.store import suspects as S

    with ctx.store.session() as s:
        d = S.suspect_json(S.mark_taken_down(s, S.get(s, args.id)))
    ctx.print_json(d) if args.json else print(f"Suspect #{d['id']} ({d['platform']} {d['handle']}) recorded as taken down.")
    return EXIT_OK
