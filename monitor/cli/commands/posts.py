"""`posts check`: run the post and comment policy checks on text typed in or read from a file.

Works without any configuration file (the built-in defaults are used); when a configuration is given
with --config or $PRACTICE_MONITOR_CONFIG, or ./config.toml exists, its [posts] and [alerts] settings
apply. With --input, a bad line is reported on stderr with its line number, the other lines are still
checked, and the exit code is 2 at the end.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from monitor.config.loader import ENV_CONFIG, find_config_path, load_config
from monitor.config.model import AlertsConfig, PostsConfig
from monitor.cli.jsonl import process_lines
from monitor.errors import EXIT_OK
from monitor.findings import Finding

if TYPE_CHECKING:
    from monitor.checks.posts.names import PracticeNames


def register(sub, common) -> None:
    p = sub.add_parser("posts", parents=[common], help="check posts and comments against the social-media policy")
    psub = p.add_subparsers(dest="posts_command", metavar="ACTION", required=True)
    c = psub.add_parser(
        "check",
        parents=[common],
        help="check one text, or one per line of a JSONL file",
        description="Runs the post and comment checks. Without a configuration file the built-in defaults are used.",
    )
    src = c.add_mutually_exclusive_group(required=True)
    src.add_argument("--text", metavar="TEXT", help="the text of one post or comment")
    src.add_argument("--input", metavar="FILE.jsonl", help='one {"id", "text", "own"} object per line ("-" reads standard input)')
    c.add_argument("--own", action="store_true", help="--text is one of the practice's own posts")
    c.add_argument("--author", metavar="HANDLE", help="--text was written by this account (permitted authors may promote)")
    c.add_argument("--id", default="text", help="the id printed for --text (default: text)")
    c.add_argument("--json", action="store_true", help="print JSON only")
    c.set_defaults(func=check_cmd)


def _settings(args) -> tuple[PostsConfig, AlertsConfig, PracticeNames | None]:
    """The configured [posts], [alerts] and the practice's names, or the defaults when no configuration file exists."""
    from monitor.checks.posts import names

    explicit = getattr(args, "config", None) or os.environ.get(ENV_CONFIG)
    if not explicit and not find_config_path(None).exists():
        return PostsConfig(), AlertsConfig(), None
    cfg = load_config(explicit)
    return cfg.posts, cfg.alerts, names.from_config(cfg)


def _result(item_id, findings: list[Finding]) -> dict:
    return {"id": item_id, "findings": [f.to_dict() for f in findings]}


def _print_human(item_id, text: str, findings: list[Finding], show_id: bool) -> None:
    head = f"[{item_id}] " if show_id else ""
    if not findings:
        print(f"{head}No policy concerns found.")
        return
    print(f"{head}{len(findings)} concern{'s' if len(findings) != 1 else ''}:")
    for f in findings:
        print(f"  {f.category} ({f.severity}) - rule {f.rule}")
        for r in f.reasons:
            print(f"    why: {r}")
        for e in f.evidence:
            print(f"    evidence: \"{e.text}\" (characters {e.start}-{e.end})")
        print(f"    suggested action: {f.action}")


def _parse_line(row: dict) -> tuple[object, str, bool, str | None, int]:
    if "id" not in row or not isinstance(row["id"], (str, int)) or isinstance(row["id"], bool):
        raise ValueError('needs an "id" (a string or a number)')
    if not isinstance(row.get("text"), str):
        raise ValueError('needs a "text" string')
    own = row.get("own", False)
    if not isinstance(own, bool):
        raise ValueError('"own" must be true or false')
    author = row.get("author")
    if author is not None and not isinstance(author, str):
        raise ValueError('"author" must be a string')
    repeat = row.get("repeat_count", 0)
    if not isinstance(repeat, int) or isinstance(repeat, bool) or repeat < 0:
        raise ValueError('"repeat_count" must be a whole number, 0 or more')
    return row["id"], row["text"], own, author, repeat


def check_cmd(args, ctx) -> int:
    from monitor.checks.posts import check_text

    posts, alerts, practice_names = _settings(args)
    if args.text is not None:
        findings = check_text(args.text, args.own, posts, alerts, author=args.author, item_id=None, names=practice_names)
        if args.json:
            ctx.print_json([_result(args.id, findings)])
        else:
            _print_human(args.id, args.text, findings, show_id=False)
        return EXIT_OK

    def one(row: dict) -> None:
        item_id, text, own, author, repeat = _parse_line(row)
        findings = check_text(text, own, posts, alerts, author=author, item_id=None, repeat_count=repeat, names=practice_names)
        if args.json:
            ctx.print_json(_result(item_id, findings))
        else:
            _print_human(item_id, text, findings, show_id=True)

    return process_lines(args.input, one)

