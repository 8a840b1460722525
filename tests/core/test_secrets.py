"""Secrets come only from the environment or credential files and never leak anywhere."""

from __future__ import annotations

import logging

import pytest

from monitor.errors import ConfigError
from monitor.secrets import read_secret, redact

TOKEN = "EAAGm0PX4ZCpsBAKZCZCsecretTOKENvalue123"


def test_env_file_and_credentials_directory(tmp_path, monkeypatch):
    cfg = tmp_path / "config.toml"
    monkeypatch.setenv("PM_TEST_TOKEN", TOKEN + "\n")
    assert read_secret("PM_TEST_TOKEN", "", config_file=cfg, key="x") == TOKEN
    (tmp_path / "tok").write_text("from-beside-config\n")
    assert read_secret("", "tok", config_file=cfg, key="x") == "from-beside-config"
    creds = tmp_path / "creds"
    creds.mkdir()
    (creds / "tok").write_text("from-systemd")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(creds))
    assert read_secret("", "tok", config_file=cfg, key="x") == "from-systemd"
    assert read_secret("", "", config_file=cfg, key="x") is None


def test_missing_secret_names_file_and_key(tmp_path, monkeypatch):
    monkeypatch.delenv("PM_MISSING", raising=False)
    with pytest.raises(ConfigError) as exc:
        read_secret("PM_MISSING", "", config_file=tmp_path / "config.toml", key="profiles.fb.token")
    assert str(exc.value) == f"{tmp_path / 'config.toml'}: profiles.fb.token_env: environment variable PM_MISSING is not set or empty"


def test_redaction_of_known_secrets_and_url_tokens(tmp_path, monkeypatch):
    monkeypatch.setenv("PM_TEST_TOKEN", TOKEN)
    read_secret("PM_TEST_TOKEN", "", config_file=tmp_path / "c.toml", key="x")
    assert TOKEN not in redact(f"failed: {TOKEN}")
    url = "https://graph.facebook.com/v21.0/123/feed?fields=id&access_token=ABCDEF0123456789xyz&limit=5"
    assert "ABCDEF0123456789xyz" not in redact(url) and "limit=5" in redact(url)
    assert "sekrit-bearer-value" not in redact("Authorization: Bearer sekrit-bearer-value")


def test_log_lines_are_redacted(tmp_path, monkeypatch, capfd):
    from monitor.logs import setup_logging

    monkeypatch.setenv("PM_TEST_TOKEN", TOKEN)
    read_secret("PM_TEST_TOKEN", "", config_file=tmp_path / "c.toml", key="x")
    setup_logging()
    log = logging.getLogger("monitor.test")
    log.warning("request to https://x.example/?access_token=%s failed", TOKEN)
    try:
        raise RuntimeError(f"boom {TOKEN}")
    except RuntimeError:
        log.exception("with traceback")
    err = capfd.readouterr().err
    assert "failed" in err and "boom" in err
    assert TOKEN not in err
