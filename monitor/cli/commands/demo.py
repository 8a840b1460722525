"""`demo [DIR]`: the whole pipeline offline on bundled demo data; alerts written as .eml files."""

from __future__ import annotations

from pathlib import Path


def register(sub, common) -> None:
    p = sub.add_parser("demo", parents=[common], help="run the whole pipeline offline on demo data and write the alert emails into DIR")
    p.add_argument("dir", nargs="?", default="demo-output", help="folder for the demo (default: ./demo-output)")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    from jobs.digest import send_digest
    from jobs.run import run_once
    from monitor.config import load_config
    from monitor.demo.build import build
    from monitor.store.errors import open_store_clearly

    folder = Path(args.dir).absolute()
    config = load_config(build(folder))
    store = open_store_clearly(config)
    try:
        report = run_once(config, store, trigger="demo")
        _, delivery = send_digest(config, store, force=True)
    finally:
        store.dispose()
    outbox = config.email.outbox_dir
    emails = sorted(outbox.glob("*.eml"))
    findings = sum(p.findings_new for p in report.profiles)
    items = sum(p.items_new for p in report.profiles)
    print(f"Demo finished: {items} posts and comments checked, {findings} findings.")
    print(f"{len(emails)} email(s) written to {outbox}:")
    for e in emails:
        print(f"  {e.name}  ({_subject(e)})")
    prog = _program()
    print("\nOpen them in your mail program, or look around with:")
    print(f"  {prog} findings list --config {folder / 'config.toml'}")
    print(f"  {prog} digest --preview {folder / 'digest.html'} --config {folder / 'config.toml'}")
    return 0


def _program() -> str:
    """The command as the user typed it (e.g. .venv/bin/practice-monitor), so the hints work as shown."""
    import shlex
    import sys

    argv0 = sys.argv[0] if sys.argv else ""
    if Path(argv0).name == "practice-monitor":
        return shlex.quote(argv0)
    return "python -m monitor"


def _subject(path: Path) -> str:
    import email
    from email import policy

    with path.open("rb") as fh:
        msg = email.message_from_binary_file(fh, policy=policy.default)
    return str(msg.get("Subject", ""))
