"""`findings list|show|resolve|ack`: the admin's workflow for everything the checks found."""

from __future__ import annotations

import getpass

from sqlalchemy import select

from monitor.errors import MonitorError
from monitor.findings import CATEGORIES, STATUSES
from monitor.store.findings import finding_json
from monitor.store.models import FindingRow, utcnow


def register(sub, common) -> None:
    p = sub.add_parser("findings", parents=[common], help="list, show and resolve findings")
    fsub = p.add_subparsers(dest="findings_command", metavar="ACTION", required=True)
    ls = fsub.add_parser("list", parents=[common], help="list findings (open ones by default)")
    ls.add_argument("--status", choices=STATUSES + ("open", "all"), default="open", help="open = new or acknowledged (default)")
    ls.add_argument("--category", choices=CATEGORIES)
    ls.add_argument("--profile", metavar="NAME")
    ls.add_argument("--limit", type=int, default=200)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=list_cmd)
    sh = fsub.add_parser("show", parents=[common], help="show one finding in full")
    sh.add_argument("id", type=int)
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=show_cmd)
    for name, status, helptext in (("resolve", "resolved", "mark findings resolved (dealt with)"),
                                   ("ack", "acknowledged", "mark findings acknowledged (seen, being handled)")):
        r = fsub.add_parser(name, parents=[common], help=helptext)
        r.add_argument("ids", type=int, nargs="+", metavar="ID")
        r.add_argument("--note", default="", help="what was done, e.g. 'comment hidden'")
        r.add_argument("--by", default=None, help="who did it (default: your user name)")
        r.add_argument("--json", action="store_true")
        r.set_defaults(func=_set_status(status))


def list_cmd(args, ctx) -> int:
    q = select(FindingRow).order_by(FindingRow.id.desc()).limit(args.limit)
    if args.status == "open":
        q = q.where(FindingRow.status != "resolved")
    elif args.status != "all":
        q = q.where(FindingRow.status == args.status)
    if args.category:
        q = q.where(FindingRow.category == args.category)
    if args.profile:
        q = q.where(FindingRow.profile == args.profile)
    with ctx.store.session() as s:
        rows = s.scalars(q).all()
    if args.json:
        ctx.print_json([finding_json(r) for r in rows])
        return 0
    if not rows:
        print("No findings match.")
        return 0
    for r in rows:
        where = r.item_url or (f"item {r.item_id}" if r.item_id else "")
        print(f"#{r.id:<5} {r.status:<12} {r.severity:<6} {r.category:<20} {r.profile}  {where}")
        print(f"       {r.reasons[0] if r.reasons else r.rule}")
    print(f"\n{len(rows)} finding(s). Details: practice-monitor findings show ID; done: practice-monitor findings resolve ID --note '...'")
    return 0


def show_cmd(args, ctx) -> int:
    with ctx.store.session() as s:
        row = s.get(FindingRow, args.id)
    if row is None:
        raise MonitorError(f"no finding with id {args.id}")
    data = finding_json(row)
    if args.json:
        ctx.print_json(data)
        return 0
    print(f"Finding #{row.id}: {row.category} ({row.severity}), status {row.status}")
    print(f"Profile:  {row.profile} ({row.platform})")
    if row.item_url or row.item_id:
        print(f"Item:     {row.item_url or row.item_id}")
    if row.author_handle:
        print(f"Author:   {row.author_handle}")
    print(f"Rule:     {row.rule}")
    for reason in row.reasons:
        print(f"Why:      {reason}")
    for ev in row.evidence:
        print(f"Evidence: {ev.get('text')!r}")
    if row.excerpt:
        print(f"Text:     {row.excerpt}")
    if row.action:
        print(f"Suggested action: {row.action}")
    if row.resolution:
        print(f"Resolution: {row.resolution} (by {row.resolved_by})")
    print(f"To close it: practice-monitor findings resolve {row.id} --note 'what was done'")
    return 0


def _set_status(status: str):
    def handler(args, ctx) -> int:
        who = args.by or getpass.getuser()
        done = []
        with ctx.store.session() as s:
            for fid in args.ids:
                row = s.get(FindingRow, fid)
                if row is None:
                    raise MonitorError(f"no finding with id {fid}; nothing was changed")
                row.status, row.updated_at = status, utcnow()
                if status == "resolved":
                    row.resolution, row.resolved_by, row.resolved_at = args.note or "resolved", who, utcnow()
                done.append(finding_json(row))
        if args.json:
            ctx.print_json(done)
        else:
            print(f"{len(done)} finding(s) marked {status}.")
        return 0

    return handler
