"""Fixtures shared by every test area: config files written to a temp folder, export folders, stores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (str, Path)):
        return json.dumps(str(v))
    if isinstance(v, list):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k))} = {_toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(v)


def to_toml(data: dict) -> str:
    """A tiny TOML writer for test configs (tables, arrays of tables, scalars, lists, inline tables)."""
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict) and not key.startswith("_inline"):
            lines.append(f"[{key}]")
            lines += [f"{k} = {_toml_value(v)}" for k, v in value.items()]
        elif isinstance(value, list) and value and all(isinstance(x, dict) for x in value):
            for entry in value:
                lines.append(f"[[{key}]]")
                lines += [f"{k} = {_toml_value(v)}" for k, v in entry.items()]
        else:
            lines.insert(0, f"{key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def write_config(tmp_path):
    """write_config({...sections...}) -> path of a config.toml in a temp folder (file transport by default)."""

    def write(sections: dict | None = None, name: str = "config.toml") -> Path:
        data = {
            "practice": {"name": "Harbour Light Counselling", "state_dir": "state", "timezone": "Europe/London"},
            "email": {"transport": "file", "from": "monitor@harbourlight.example", "to": ["admin@harbourlight.example"], "outbox_dir": "outbox"},
        }
        for k, v in (sections or {}).items():
            if isinstance(v, dict) and isinstance(data.get(k), dict):
                data[k] = {**data[k], **v}
            else:
                data[k] = v
        path = tmp_path / name
        path.write_text(to_toml(data), encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_export(tmp_path):
    """make_export(posts, profile=None, folder='export') -> folder in the documented export format."""

    def make(posts: list, profile: dict | None = None, folder: str = "export") -> Path:
        d = tmp_path / folder
        d.mkdir(parents=True, exist_ok=True)
        (d / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
        (d / "profile.json").write_text(json.dumps(profile or {"handle": "harbourlight", "display_name": "Harbour Light Counselling"}))
        return d

    return make


@pytest.fixture
def cli():
    """Run the real console program in a subprocess: cli(args, env=..., cwd=...) -> CompletedProcess."""

    def run(args: list[str], *, env: dict | None = None, cwd: Path | None = None, timeout: float = 120, check_rc: int | None = None):
        full_env = {**os.environ, **(env or {})}
        full_env.pop("PRACTICE_MONITOR_CONFIG", None) if env is None or "PRACTICE_MONITOR_CONFIG" not in env else None
        proc = subprocess.run([sys.executable, "-m", "monitor", *map(str, args)], capture_output=True, text=True,
                              env=full_env, cwd=cwd, timeout=timeout)
        if check_rc is not None:
            assert proc.returncode == check_rc, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
        return proc

    return run


def post(pid: str, text: str, *, handle: str = "harbourlight", comments: list | None = None, images: list | None = None, **kw) -> dict:
    """A post in the export format."""
    p = {"id": pid, "author": {"id": handle, "handle": handle, "display_name": handle}, "text": text,
         "created_at": "2026-11-20T09:00:00+00:00", "url": f"https://social.example/{pid}", **kw}
    if comments is not None:
        p["comments"] = comments
    if images is not None:
        p["images"] = images
    return p


@pytest.fixture
def export_post():
    return post
