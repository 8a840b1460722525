"""Delivery through the outbox against a real SMTP server on loopback: accepted, deferred, refused,
server down and back, and what the admin sees when a message cannot be delivered."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from monitor.alerts import deliver_pending, plan_alerts, queue_digest
from monitor.alerts.outbox import claim_lease, list_messages, server_state
from monitor.store import OutboxMessage


def _outbox(store) -> list[OutboxMessage]:
    return sorted(list_messages(store), key=lambda m: m.id)


def test_alert_is_delivered_as_multipart_email_and_marked_sent(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server)
    store = store_for(config)
    fid = add_finding(store)

    assert plan_alerts(store, config) == 1
    report = deliver_pending(store, config)

    assert (report.sent, report.pending, report.failed, report.errors) == (1, 0, 0, [])
    [got] = smtp_server.messages
    [row] = _outbox(store)
    assert row.status == "sent" and row.sent_at is not None and row.finding_ids == [fid]
    msg = got.message
    assert msg["Message-ID"] == row.message_id
    assert got.rcpt_tos == ["admin@harbourlight.example"]
    assert msg["From"].addresses[0].addr_spec == "monitor@harbourlight.example"
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for body in (text, html):
        assert "practice-mastodon" in body
        assert f"practice-monitor findings resolve {fid}" in body
        assert "https://social.example/@someone/1091" in body
        assert "crisis line" in body  # the configured crisis reply is carried prominently
    assert "URGENT" in msg["Subject"]

    # Nothing is sent twice: a second pass has nothing to do.
    assert deliver_pending(store, config).sent == 0
    assert len(smtp_server.messages) == 1


def test_server_down_keeps_messages_and_a_later_run_delivers_each_once(down_smtp_server, make_config, store_for, add_finding):
    server = down_smtp_server
    config = make_config(server)
    store = store_for(config)
    for profile in ("practice-mastodon", "practice-facebook", "practice-instagram"):
        add_finding(store, profile=profile)
    assert plan_alerts(store, config) == 3

    t0 = datetime.now(timezone.utc)
    report = deliver_pending(store, config, now=t0)
    assert report.sent == 0 and report.pending == 3 and report.failed == 0
    assert "cannot be reached" in report.errors[0]
    assert all(m.status == "pending" for m in _outbox(store))
    state = server_state(store)
    assert state is not None and state.retry_at > t0

    # Before the pause is over nothing is tried (and nothing breaks).
    assert deliver_pending(store, config, now=t0 + timedelta(seconds=1)).pending == 3

    server.start()
    report = deliver_pending(store, config, now=t0 + timedelta(minutes=16))
    assert (report.sent, report.pending, report.failed) == (3, 0, 0)
    assert server_state(store) is None
    assert sorted(server.message_ids()) == sorted(m.message_id for m in _outbox(store))
    assert deliver_pending(store, config, now=t0 + timedelta(minutes=17)).sent == 0
    assert len(server.messages) == 3


def test_outage_during_a_run_then_recovery_in_a_later_run(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server)
    store = store_for(config)
    for i in range(5):
        add_finding(store, profile=f"profile-{i}")
    assert plan_alerts(store, config) == 5
    smtp_server.behaviour.down_after = 2  # the server dies after accepting two messages

    t0 = datetime.now(timezone.utc)
    report = deliver_pending(store, config, now=t0)
    assert report.sent == 2
    assert report.pending == 3
    assert report.errors
    assert len(smtp_server.messages) == 2

    smtp_server.start()  # back, on the same port
    later = t0 + timedelta(hours=7)  # past any backoff
    report = deliver_pending(store, config, now=later)
    assert report.sent == 3 and report.pending == 0
    ids = smtp_server.message_ids()
    assert len(ids) == 5 and len(set(ids)) == 5, "every message exactly once"
    assert {m.status for m in _outbox(store)} == {"sent"}


def test_deferred_4xx_is_retried_with_backoff_then_delivered_once(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server, alerts={"retry_base_seconds": 60})
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    smtp_server.behaviour.data_replies = ["451 4.3.0 Try again later"]

    t0 = datetime.now(timezone.utc)
    report = deliver_pending(store, config, now=t0)
    assert (report.sent, report.pending, report.failed) == (0, 1, 0)
    [row] = _outbox(store)
    assert row.status == "pending" and row.attempts == 1 and "451" in row.last_error
    assert row.next_attempt_at >= t0 + timedelta(seconds=59)

    assert deliver_pending(store, config, now=t0 + timedelta(seconds=30)).sent == 0  # not due yet
    report = deliver_pending(store, config, now=t0 + timedelta(seconds=61))
    assert report.sent == 1
    [got] = smtp_server.messages
    assert got.message_id == row.message_id  # the same Message-ID across retries
    [row] = _outbox(store)
    assert row.status == "sent" and row.attempts == 2


def test_repeated_deferrals_give_up_after_max_attempts(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server, alerts={"retry_base_seconds": 1, "max_attempts": 3})
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    smtp_server.behaviour.data_replies = ["452 4.2.2 Mailbox full"] * 5
    t = datetime.now(timezone.utc)
    failed = 0
    for _ in range(3):
        t += timedelta(hours=7)
        failed += deliver_pending(store, config, now=t).failed
    assert failed == 1
    [row] = _outbox(store)
    assert row.status == "failed" and row.attempts == 3 and "gave up after 3 attempts" in row.last_error
    assert smtp_server.messages == []


def test_permanent_5xx_fails_at_once_and_is_shown_to_the_admin(smtp_server, make_config, store_for, add_finding, run_cli):
    config = make_config(smtp_server)
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    smtp_server.behaviour.data_replies = ["554 5.7.1 Message rejected as spam"]

    report = deliver_pending(store, config)
    assert report.failed == 1 and report.sent == 0 and report.pending == 0
    assert "554" in report.errors[0]
    [row] = _outbox(store)
    assert row.status == "failed" and "rejected as spam" in row.last_error
    # Not retried on later runs.
    assert deliver_pending(store, config, now=datetime.now(timezone.utc) + timedelta(days=2)).sent == 0

    # Visible in the CLI ...
    proc = run_cli(["outbox", "list", "--json", "--config", config.source], check_rc=0)
    listed = json.loads(proc.stdout)
    assert listed[0]["status"] == "failed" and "554" in listed[0]["last_error"]
    proc = run_cli(["outbox", "list", "--config", config.source], check_rc=0)
    assert "failed" in proc.stdout and "rejected as spam" in proc.stdout

    # ... and in the next digest, which is sent although no finding is pending.
    assert queue_digest(store, config) == 1
    assert deliver_pending(store, config).sent == 1
    digest = smtp_server.messages[-1].message
    assert "digest" in digest["Subject"].lower() and "not delivered" in digest["Subject"]
    text = digest.get_body(("plain",)).get_content()
    assert "rejected as spam" in text and "outbox retry" in text


def test_retry_after_permanent_failure_sends_it_once(smtp_server, make_config, store_for, add_finding, run_cli):
    config = make_config(smtp_server)
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    smtp_server.behaviour.data_replies = ["550 5.1.1 No such user"]
    deliver_pending(store, config)
    [row] = _outbox(store)
    assert row.status == "failed"

    run_cli(["outbox", "retry", str(row.id), "--config", config.source], check_rc=0)
    proc = run_cli(["outbox", "send", "--config", config.source], check_rc=0)
    assert "1 sent" in proc.stdout
    assert [m.message_id for m in smtp_server.messages] == [row.message_id]


def test_one_refused_recipient_does_not_stop_the_others(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server, alerts={"recipients": {"crisis": ["lead@harbourlight.example"]}})
    store = store_for(config)
    add_finding(store)
    plan_alerts(store, config)
    smtp_server.behaviour.rcpt_replies = {"lead@harbourlight.example": "550 5.1.1 No such user"}
    report = deliver_pending(store, config)
    assert report.sent == 1
    [got] = smtp_server.messages
    assert got.rcpt_tos == ["admin@harbourlight.example"]
    [row] = _outbox(store)
    assert row.status == "sent" and "lead@harbourlight.example" in row.last_error


def test_file_transport_writes_one_eml_per_message_and_never_a_second_copy(make_config, store_for, add_finding):
    config = make_config()  # the file transport
    store = store_for(config)
    add_finding(store)
    add_finding(store, profile="practice-facebook")
    assert plan_alerts(store, config) == 2
    assert deliver_pending(store, config).sent == 2
    files = sorted(config.email.outbox_dir.glob("*.eml"))
    assert len(files) == 2
    ids = set()
    import email
    from email import policy

    for f in files:
        msg = email.message_from_bytes(f.read_bytes(), policy=policy.default)
        assert msg["Subject"] and msg["Message-ID"] and msg.get_body(("html",)) is not None
        ids.add(msg["Message-ID"])
    assert ids == {m.message_id for m in _outbox(store)}
    # Killed after writing but before marking sent: once the claim expired, the retry rewrites the
    # same file instead of adding a second copy.
    with store.session() as s:
        s.query(OutboxMessage).update({"status": "sending"})
    later = datetime.now(timezone.utc) + claim_lease(config) + timedelta(seconds=1)
    assert deliver_pending(store, config, now=later).sent == 2
    assert sorted(config.email.outbox_dir.glob("*.eml")) == files
