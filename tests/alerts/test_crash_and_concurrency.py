"""A sender killed with SIGKILL mid-conversation, and several senders at once: every message reaches
the server once, identified by its Message-ID."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta, timezone


from monitor.alerts import deliver_pending, plan_alerts
from monitor.alerts.outbox import claim_lease, list_messages
from monitor.store import Store


def _statuses(store) -> Counter:
    return Counter(m.status for m in list_messages(store))


def _start_sender(config, cwd) -> subprocess.Popen:
    """`practice-monitor outbox send` in its own process, as cron or a worker would run it."""
    return subprocess.Popen([sys.executable, "-m", "monitor", "outbox", "send", "--config", str(config.source)],
                            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _queue(store, config, add_finding, n: int) -> None:
    for i in range(n):
        add_finding(store, profile=f"profile-{i}")
    assert plan_alerts(store, config) == n


def test_kill_9_while_waiting_for_the_server_then_restart_sends_each_exactly_once(
    smtp_server, make_config, store_for, add_finding, project_root
):
    config = make_config(smtp_server)
    store = store_for(config)
    _queue(store, config, add_finding, 5)
    b = smtp_server.behaviour
    b.stall_on_message, b.stall_seconds = 3, 20  # the server stalls before accepting message 3

    proc = _start_sender(config, project_root)
    try:
        assert b.stalled.wait(30), proc.communicate(timeout=5)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert len(smtp_server.messages) == 2
    assert _statuses(store) == Counter({"sent": 2, "sending": 1, "pending": 2})

    # Restarted at once: the two never tried go out; the one in flight waits for its claim to expire.
    b.stall_on_message = None
    report = deliver_pending(store, config)
    assert (report.sent, report.pending) == (2, 1)
    # A later run, after the dead sender's lease: the last one goes out.
    later = datetime.now(timezone.utc) + claim_lease(config) + timedelta(seconds=1)
    report = deliver_pending(store, config, now=later)
    assert (report.sent, report.pending) == (1, 0)

    ids = smtp_server.message_ids()
    assert len(ids) == 5 and len(set(ids)) == 5, f"duplicates at the server: {Counter(ids)}"
    assert set(ids) == {m.message_id for m in list_messages(store)}
    assert _statuses(store) == Counter({"sent": 5})


def test_kill_9_after_the_server_accepted_repeats_only_that_message_with_the_same_message_id(
    smtp_server, make_config, store_for, add_finding, project_root
):
    """The one gap SMTP leaves (accepted, then killed before the commit): the repeat is recognisable."""
    config = make_config(smtp_server)
    store = store_for(config)
    _queue(store, config, add_finding, 3)
    b = smtp_server.behaviour
    b.stall_on_message, b.stall_seconds, b.stall_in_data = 2, 20, True

    proc = _start_sender(config, project_root)
    try:
        assert b.stalled.wait(30), proc.communicate(timeout=5)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    b.stall_on_message = None
    later = datetime.now(timezone.utc) + claim_lease(config) + timedelta(seconds=1)
    assert deliver_pending(store, config, now=later).sent == 2

    counts = Counter(smtp_server.message_ids())
    assert len(counts) == 3
    assert sorted(counts.values()) == [1, 1, 2]  # only the message in the gap, and with one Message-ID
    assert _statuses(store) == Counter({"sent": 3})


def _concurrent_threads(config, url: str, n_workers: int = 3) -> list:
    stores = [Store(url) for _ in range(n_workers)]
    barrier = threading.Barrier(n_workers)
    reports: list = [None] * n_workers

    def work(i: int) -> None:
        barrier.wait()
        reports[i] = deliver_pending(stores[i], config)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(n_workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for s in stores:
        s.dispose()
    return reports


def test_concurrent_senders_never_send_a_message_twice_sqlite(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server)
    store = store_for(config)
    _queue(store, config, add_finding, 12)
    smtp_server.behaviour.rcpt_delay = 0.05

    reports = _concurrent_threads(config, config.database_url)

    assert sum(r.sent for r in reports) == 12
    assert sum(1 for r in reports if r.sent) >= 2, "the senders did not overlap; the test proves nothing"
    ids = smtp_server.message_ids()
    assert len(ids) == 12 and len(set(ids)) == 12
    assert _statuses(store) == Counter({"sent": 12})


def test_concurrent_sender_processes_never_send_a_message_twice(smtp_server, make_config, store_for, add_finding, project_root):
    config = make_config(smtp_server)
    store = store_for(config)
    _queue(store, config, add_finding, 10)
    smtp_server.behaviour.rcpt_delay = 0.1

    procs = [_start_sender(config, project_root) for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    ids = smtp_server.message_ids()
    assert len(ids) == 10 and len(set(ids)) == 10
    assert _statuses(store) == Counter({"sent": 10})


def test_concurrent_senders_never_send_a_message_twice_postgresql(pg_url, smtp_server, make_config, add_finding):
    config = make_config(smtp_server)
    config = replace(config, database=replace(config.database, url=pg_url))
    store = Store(pg_url)
    try:
        store.upgrade()
        _queue(store, config, add_finding, 12)
        smtp_server.behaviour.rcpt_delay = 0.05
        reports = _concurrent_threads(config, pg_url)
        assert sum(r.sent for r in reports) == 12
        assert sum(1 for r in reports if r.sent) >= 2
        ids = smtp_server.message_ids()
        assert len(ids) == 12 and len(set(ids)) == 12
        assert _statuses(store) == Counter({"sent": 12})
    finally:
        store.dispose()


def test_two_planners_at_once_queue_each_finding_once(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    for i in range(8):
        add_finding(store, profile=f"profile-{i % 4}")
    stores = [Store(config.database_url) for _ in range(3)]
    barrier = threading.Barrier(3)
    counts = [0, 0, 0]

    def work(i):
        barrier.wait()
        counts[i] = plan_alerts(stores[i], config)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for s in stores:
        s.dispose()
    messages = list_messages(store)
    assert sum(counts) == len(messages) == 4
    ids = [fid for m in messages for fid in m.finding_ids]
    assert sorted(ids) == list(range(1, 9))


def test_planning_digest_and_delivery_work_the_same_on_postgresql(pg_url, smtp_server, make_config, add_finding):
    from monitor.alerts import queue_digest
    from monitor.store import FindingRow

    config = make_config(smtp_server)
    config = replace(config, database=replace(config.database, url=pg_url))
    store = Store(pg_url)
    try:
        store.upgrade()
        fid = add_finding(store, category="abusive", severity="high", fingerprint="v1")
        add_finding(store, category="booking", severity="normal")
        assert plan_alerts(store, config) == 1
        assert plan_alerts(store, config) == 0
        with store.session() as s:
            s.get(FindingRow, fid).fingerprint = "v2"
        later = datetime.now(timezone.utc) + timedelta(hours=1)  # past the group window
        assert plan_alerts(store, config, now=later) == 1  # the claim compares timestamps exactly
        assert queue_digest(store, config) == 1 and queue_digest(store, config) == 0
        assert deliver_pending(store, config, now=later).sent == 3
        assert len(set(smtp_server.message_ids())) == 3
    finally:
        store.dispose()
