"""`init [DIR]`: writes a commented starter config.toml and creates the database."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from monitor.errors import MonitorError


def register(sub, common) -> None:
    p = sub.add_parser("init", parents=[common], help="write a commented starter config.toml and create the database")
    p.add_argument("dir", nargs="?", default=".", help="folder to set up (default: the current folder)")
    p.add_argument("--force", action="store_true", help="overwrite an existing config.toml")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    from monitor.config import load_config
    from monitor.store.errors import open_store_clearly

    folder = Path(args.dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "approved-media").mkdir(exist_ok=True)
    except OSError as exc:
        raise MonitorError(f"cannot create {folder}: {exc.strerror}") from None
    config_path = folder / "config.toml"
    if config_path.exists() and not args.force:
        print(f"{config_path} already exists; keeping it (use --force to overwrite).")
    else:
        config_path.write_text(resources.files("monitor.cli").joinpath("starter.toml").read_text(encoding="utf-8"), encoding="utf-8")
        print(f"Wrote {config_path}.")
    config = load_config(config_path)
    store = open_store_clearly(config)
    store.dispose()
    print(f"Database ready: {config.database_url}")
    print("Next: edit config.toml (practice name, email, identities, profiles), then run:")
    print(f"  practice-monitor check-config --config {config_path}")
    print(f"  practice-monitor run --config {config_path}")
    return 0
