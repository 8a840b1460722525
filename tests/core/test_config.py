"""Configuration: strict, typed, and every problem named by file, key and problem (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config import load_config
from monitor.errors import ConfigErrors

ROOT = Path(__file__).resolve().parents[2]


def errors_of(path) -> list[str]:
    with pytest.raises(ConfigErrors) as exc:
        load_config(path)
    return [str(e) for e in exc.value.errors]


def test_defaults_and_relative_paths(write_config, tmp_path):
    cfg = load_config(write_config())
    assert cfg.practice.name == "Harbour Light Counselling"
    assert cfg.practice.state_dir == tmp_path / "state"
    assert cfg.media.library == tmp_path / "approved-media"
    assert cfg.email.outbox_dir == tmp_path / "outbox"
    assert cfg.database_url == f"sqlite:///{tmp_path / 'state' / 'monitor.db'}"
    assert cfg.http.timeout == 20.0 and cfg.workers.stalled_after == 30


def test_unknown_key_named_with_suggestion(write_config):
    errs = errors_of(write_config({"email": {"too": ["x@example.org"]}}))
    assert len(errs) == 1
    assert "config.toml: email.too: unknown key (did you mean 'to'?)" in errs[0]


def test_unknown_section(write_config):
    errs = errors_of(write_config({"emial": {"to": ["x@example.org"]}}))
    assert any("emial: unknown key" in e and "email" in e for e in errs)


def test_wrong_types_and_missing_required_all_reported(write_config):
    path = write_config({"email": {"port": "twenty-five"}, "http": {"pool_size": 2.5}, "profiles": [{"platform": "export", "path": "x"}]})
    errs = errors_of(path)
    assert any("email.port: must be a whole number, not a string" in e for e in errs)
    assert any("http.pool_size: must be a whole number" in e for e in errs)
    assert any("profiles[0].name: is required but missing" in e for e in errs)
    assert all(str(path) in e for e in errs)


def test_unknown_platform_and_bad_values(write_config):
    errs = errors_of(write_config({
        "email": {"transport": "carrier-pigeon", "security": "tls"},
        "practice": {"timezone": "Mars/Olympus"},
        "posts": {"disabled": ["promo"], "severities": {"crisis": "meh"}, "extra_patterns": {"abusive": ["(unclosed"]}},
        "schedule": {"run": "every five minutes"},
        "profiles": [{"name": "a", "platform": "myspace", "account": "x"}],
    }))
    text = "\n".join(errs)
    for expected in ("email.transport", "email.security", "practice.timezone", "posts.disabled[0]",
                     "posts.severities.crisis", "posts.extra_patterns.abusive[0]", "schedule.run", "profiles[0].platform: unknown platform 'myspace'"):
        assert expected in text, expected


def test_export_profile_needs_path_and_names_unique(write_config):
    errs = errors_of(write_config({"profiles": [{"name": "a", "platform": "export"}, {"name": "a", "platform": "export", "path": "e"}]}))
    assert any("profiles[0].path: is required for platform 'export'" in e for e in errs)
    assert any("profiles[1].name: profile name 'a' is used twice" in e for e in errs)


def test_invalid_toml_and_missing_file(tmp_path):
    bad = tmp_path / "config.toml"
    bad.write_text("[practice\nname = 1")
    (err,) = errors_of(bad)
    assert "is not valid TOML" in err and str(bad) in err
    (err,) = errors_of(tmp_path / "nope.toml")
    assert "configuration file not found" in err


def test_config_found_through_environment(write_config, monkeypatch, tmp_path):
    path = write_config()
    monkeypatch.setenv("PRACTICE_MONITOR_CONFIG", str(path))
    monkeypatch.chdir(tmp_path.parent)
    assert load_config().source == path


def test_cli_check_config_exit_codes(cli, write_config):
    ok = cli(["check-config", "--config", write_config()])
    assert ok.returncode == 0, ok.stderr
    bad = cli(["--config", write_config({"email": {"prot": 25}}), "check-config"])
    assert bad.returncode == 2
    lines = [ln for ln in bad.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "email.prot: unknown key" in lines[0]
    assert "Traceback" not in bad.stderr


def test_example_config_is_valid(cli):
    proc = cli(["check-config", "--config", ROOT / "config.example.toml"])
    assert proc.returncode == 0, proc.stderr
    assert "OK" in proc.stdout


def test_starter_config_is_valid(cli, tmp_path):
    proc = cli(["init", tmp_path / "practice"])
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "practice" / "config.toml").is_file()
    assert (tmp_path / "practice" / "state" / "monitor.db").is_file()
    assert cli(["check-config", "--config", tmp_path / "practice" / "config.toml"]).returncode == 0


def test_example_config_documents_every_option():
    """config.example.toml shows every key the program accepts, so an admin can find each one."""
    import dataclasses
    import tomllib
    import typing

    from monitor.config.model import Config
    from monitor.config.schema import toml_key

    data = tomllib.loads((ROOT / "config.example.toml").read_text(encoding="utf-8"))
    hints = typing.get_type_hints(Config)
    missing = []
    for f in dataclasses.fields(Config):
        if f.metadata.get("internal"):
            continue
        tp = hints[f.name]
        if typing.get_origin(tp) is list:
            (tp,) = typing.get_args(tp)
            entries = data.get(toml_key(f.name), [])
            present = set().union(*(e.keys() for e in entries)) if entries else set()
        else:
            present = set(data.get(toml_key(f.name), {}))
        for sub in dataclasses.fields(tp):
            key = toml_key(sub.name)
            if key not in present:
                missing.append(f"{toml_key(f.name)}.{key}")
    assert not missing, f"not in config.example.toml: {missing}"
