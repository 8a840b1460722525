"""`impersonation check`: score one account, or one per input line, against the protected identities."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from monitor.cli.jsonl import process_lines
from monitor.errors import EXIT_OK, EXIT_USAGE, ConfigError, MonitorError


def register(sub, common) -> None:
    p = sub.add_parser("impersonation", parents=[common], help="check accounts for impersonation of the practice")
    s = p.add_subparsers(dest="impersonation_command", metavar="COMMAND")
    c = s.add_parser("check", parents=[common], help="score an account (or one per line of a JSONL file) against the [[identities]]")
    c.add_argument("--platform", help="mastodon, bluesky, instagram or facebook")
    c.add_argument("--handle", help="the account's handle (or its profile URL)")
    c.add_argument("--display-name", help="the account's display name")
    c.add_argument("--avatar", metavar="FILE", help="the account's avatar image, compared with the official avatars and the approved library")
    c.add_argument("--input", metavar="FILE.jsonl", help='one account per line: {"id", "platform", "handle", "display_name"}; "-" for stdin')
    c.add_argument("--json", action="store_true", help="print JSON only")
    c.set_defaults(func=handle_check)
    p.set_defaults(func=lambda args, ctx: (p.print_help(sys.stderr), EXIT_USAGE)[1])


def _result_json(ident, score) -> dict:
    return {
        "id": ident,
        "platform": score.platform,
        "handle": score.handle,
        "score": round(score.score, 3),
        "verdict": score.verdict,
        "matched_identity": score.matched_identity,
        "reasons": list(score.reasons),
        "signals": [s.to_dict() for s in score.signals],
    }


def _print_human(obj: dict) -> None:
    who = f" -> {obj['matched_identity']}" if obj["matched_identity"] and obj["verdict"] != "benign" else ""
    label = f"[{obj['id']}] " if obj.get("id") not in (None, obj["handle"]) else ""
    print(f"{label}{obj['platform']} {obj['handle']}: {obj['verdict']} (score {obj['score']:.2f}){who}")
    for r in obj["reasons"]:
        print(f"  - {r}")


class _Scorer:
    def __init__(self, ctx) -> None:
        from monitor.items import Account

        self.config = ctx.config
        self.ctx = ctx
        if not self.config.identities:
            raise ConfigError(str(self.config.source), "identities", "no [[identities]] configured: there is nothing to compare accounts with")
        from monitor.checks.impersonation import watched_handle

        self.extra = tuple(Account(platform=p.platform, handle=watched_handle(p)) for p in self.config.profiles
                           if p.platform in ("mastodon", "bluesky") and p.account)
        self._avatars = None

    def avatar_hashes(self) -> dict[str, list[str]]:
        if self._avatars is None:
            from monitor.checks.impersonation.avatars import official_avatar_hashes

            try:
                with self.ctx.store.session() as s:
                    self._avatars = official_avatar_hashes(self.config, s)
            except MonitorError:  # no database: compare with the configured avatars only
                self._avatars = official_avatar_hashes(self.config)
        return self._avatars

    def score(self, platform: str, handle: str, display_name: str | None = None, avatar: str | None = None,
              bio: str | None = None, created_at: datetime | None = None, followers: int | None = None):
        from monitor.checks.impersonation import handles as H
        from monitor.checks.impersonation.score import score_account
        from monitor.items import Account

        platform, handle = H.parse_profile_ref(handle, platform)
        acc = Account(platform=platform, handle=handle, display_name=display_name, bio=bio, created_at=created_at, followers=followers)
        phash = None
        if avatar:
            from monitor.checks.impersonation.avatars import avatar_from_bytes
            from monitor.errors import UnsafeMedia

            try:
                phash = avatar_from_bytes(Path(avatar), self.config.media).phash
            except (UnsafeMedia, OSError) as exc:
                raise MonitorError(f"the avatar {avatar} cannot be read: {exc}") from None
        return score_account(acc, self.config.identities, self.config.impersonation, extra_official=self.extra,
                             avatar_phashes=self.avatar_hashes() if phash else None, avatar_phash=phash)


def handle_check(args, ctx) -> int:
    if bool(args.input) == bool(args.handle):
        print("error: give either --handle (with --platform) or --input FILE.jsonl", file=sys.stderr)
        return EXIT_USAGE
    from monitor.checks.impersonation.handles import BadHandle

    scorer = _Scorer(ctx)
    if args.handle:
        try:
            score = scorer.score(args.platform, args.handle, args.display_name, args.avatar)
        except BadHandle as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        obj = _result_json(score.handle, score)
        ctx.print_json([obj]) if args.json else _print_human(obj)
        return EXIT_OK
    return _check_input(args, ctx, scorer)


def _check_input(args, ctx, scorer: _Scorer) -> int:
    def one(rec: dict) -> None:
        if not isinstance(rec.get("handle"), str) or not rec["handle"].strip():
            raise ValueError('"handle" is missing')
        created = rec.get("created_at")
        score = scorer.score(rec.get("platform"), rec["handle"], rec.get("display_name"), rec.get("avatar"), rec.get("bio"),
                             datetime.fromisoformat(created) if isinstance(created, str) else None,
                             rec.get("followers") if isinstance(rec.get("followers"), int) else None)
        obj = _result_json(rec.get("id"), score)
        if args.json:
            ctx.print_json(obj)
        else:
            _print_human(obj)

    return process_lines(args.input, one)

