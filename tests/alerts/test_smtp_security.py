"""SMTP with STARTTLS or implicit TLS and a login, the password read from the environment or a file,
and never shown anywhere when the server refuses it."""

from __future__ import annotations

import json

from monitor.alerts import deliver_pending, plan_alerts
from monitor.alerts.outbox import list_messages, server_state

PASSWORD = "correct-horse-battery-staple-42"


def test_starttls_with_login_from_an_environment_variable(tls_server_factory, make_config, store_for, add_finding, monkeypatch):
    server = tls_server_factory(users={"monitor": PASSWORD})
    monkeypatch.setenv("PM_TEST_SMTP_PASSWORD", PASSWORD)
    config = make_config(server, email={"security": "starttls", "username": "monitor", "password_env": "PM_TEST_SMTP_PASSWORD"})
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    report = deliver_pending(store, config)
    assert report.sent == 1, report.errors
    assert server.logins == ["monitor"] and len(server.messages) == 1


def test_implicit_tls_with_login_from_a_credential_file(tls_server_factory, make_config, store_for, add_finding, tmp_path, monkeypatch):
    server = tls_server_factory(implicit=True, users={"monitor": PASSWORD})
    creds = tmp_path / "creds"
    creds.mkdir()
    (creds / "smtp-password").write_text(PASSWORD + "\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(creds))  # as systemd's LoadCredential= provides it
    config = make_config(server, email={"security": "ssl", "username": "monitor", "password_file": "smtp-password"})
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    assert deliver_pending(store, config).sent == 1
    assert server.logins == ["monitor"]


def test_refused_login_keeps_the_mail_and_never_shows_the_password(tls_server_factory, make_config, store_for, add_finding, monkeypatch, run_cli):
    server = tls_server_factory(users={"monitor": "the-real-password-000"})
    monkeypatch.setenv("PM_TEST_SMTP_PASSWORD", PASSWORD)
    config = make_config(server, email={"security": "starttls", "username": "monitor", "password_env": "PM_TEST_SMTP_PASSWORD"})
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    report = deliver_pending(store, config)
    assert report.sent == 0 and report.pending == 1 and report.failed == 0
    assert "refused the login" in report.errors[0] and "monitor" in report.errors[0]
    [m] = list_messages(store)
    state = server_state(store)
    for text in (*report.errors, m.last_error or "", state.error):
        assert PASSWORD not in text
    proc = run_cli(["outbox", "list", "--config", config.source], check_rc=0)
    assert "refused the login" in proc.stdout and PASSWORD not in proc.stdout + proc.stderr
    proc = run_cli(["outbox", "send", "--config", config.source])
    assert proc.returncode == 1 and "refused the login" in proc.stderr
    assert PASSWORD not in proc.stdout + proc.stderr
    listed = json.loads(run_cli(["outbox", "list", "--json", "--config", config.source], check_rc=0).stdout)
    assert listed[0]["status"] == "pending" and PASSWORD not in json.dumps(listed)


def test_starttls_required_but_not_offered_is_a_clear_error(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server, email={"security": "starttls"})
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    report = deliver_pending(store, config)
    assert report.sent == 0 and report.pending == 1
    assert "does not offer STARTTLS" in report.errors[0]
    assert smtp_server.messages == []


def test_untrusted_certificate_is_refused(tls_server_factory, make_config, store_for, add_finding, monkeypatch):
    server = tls_server_factory()
    monkeypatch.delenv("SSL_CERT_FILE")  # the self-signed certificate is no longer trusted
    config = make_config(server, email={"security": "starttls"})
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    report = deliver_pending(store, config)
    assert report.sent == 0 and report.pending == 1 and "TLS" in report.errors[0]
    assert server.messages == []
