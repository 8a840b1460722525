"""Real processes: the run lock, kill -9 mid-run, SIGTERM on serve, and clear messages for bad state."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from monitor.config import load_config


def _export_config(write_config, make_export, export_post, n_posts=1, comments_per_post=0, **extra):
    posts = []
    for i in range(n_posts):
        comments = [{"id": f"c{i}-{j}", "author": {"handle": f"user{j}"},
                     "text": ("You are an idiot" if j % 50 == 0 else f"Thanks for post {i}, comment {j}")}
                    for j in range(comments_per_post)]
        posts.append(export_post(f"p{i}", f"Post number {i}", comments=comments))
    folder = make_export(posts)
    return write_config({"profiles": [{"name": "exp", "platform": "export", "path": str(folder)}], **extra})


def test_second_run_exits_75_while_lock_held(write_config, make_export, export_post, cli, tmp_path):
    config = _export_config(write_config, make_export, export_post)
    ready = tmp_path / "ready"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time, pathlib
        from monitor.config import load_config
        from monitor.store.errors import open_store_clearly
        from monitor.store.lock import run_lock
        cfg = load_config({str(config)!r})
        store = open_store_clearly(cfg)
        with run_lock(store, cfg):
            pathlib.Path({str(ready)!r}).write_text("x")
            time.sleep(60)
    """)])
    try:
        deadline = time.time() + 30
        while not ready.exists():
            assert time.time() < deadline and holder.poll() is None, "lock holder did not start"
            time.sleep(0.05)
        t0 = time.time()
        proc = cli(["run", "--config", config])
        assert proc.returncode == 75
        assert time.time() - t0 < 10, "exits at once, does not wait"
        lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and "another run is in progress" in lines[0]
    finally:
        holder.kill()
        holder.wait()
    # The lock dies with its holder: the next run goes ahead.
    assert cli(["run", "--config", config]).returncode == 0


def test_kill_9_mid_run_loses_nothing_doubles_nothing(write_config, make_export, export_post, cli):
    config = _export_config(write_config, make_export, export_post, n_posts=40, comments_per_post=150)
    env = {**os.environ}
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "run", "--config", str(config)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db_path = load_config(config).practice.state_dir / "monitor.db"
    deadline = time.time() + 60
    while True:  # kill it in the middle of its work, once its run has begun
        assert time.time() < deadline and proc.poll() is None, "the run did not start"
        try:
            con = sqlite3.connect(db_path)
            started = con.execute("select count(*) from runs where outcome = 'running'").fetchone()[0]
            con.close()
        except sqlite3.OperationalError:
            started = 0
        if started:
            break
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    again = cli(["run", "--config", config, "--json"])
    assert again.returncode == 0, again.stderr
    cfg = load_config(config)
    db = sqlite3.connect(cfg.practice.state_dir / "monitor.db")
    try:
        seen = db.execute("select count(*), count(distinct item_id) from seen_items").fetchone()
        findings = db.execute("select count(*), count(distinct dedupe_key) from findings").fetchone()
        abusive = db.execute("select count(*) from findings where category = 'abusive'").fetchone()[0]
        outbox = db.execute("select count(*), count(distinct message_id), sum(status = 'sent') from outbox").fetchone()
    finally:
        db.close()
    assert seen == (40 * 151, 40 * 151), "every item checked exactly once across the killed and the new run"
    db = sqlite3.connect(cfg.practice.state_dir / "monitor.db")
    outcomes = [r[0] for r in db.execute("select outcome from runs order by id")]
    db.close()
    assert outcomes == ["interrupted", "ok"], "the killed run is recorded as interrupted"
    assert findings[0] == findings[1]
    assert abusive == 40 * 3, "one abusive finding for each abusive comment, no more, no less"
    assert outbox[0] == outbox[1] and outbox[2] == outbox[0], "every alert sent, each message once"
    emls = list(cfg.email.outbox_dir.glob("*.eml"))
    assert len(emls) == outbox[0]


def test_serve_stops_cleanly_on_sigterm(write_config, make_export, export_post, tmp_path):
    config = _export_config(write_config, make_export, export_post, schedule={"run": "* * * * *"})
    proc = subprocess.Popen([sys.executable, "-m", "monitor", "serve", "--run-now", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        db = load_config(config).practice.state_dir / "monitor.db"
        while True:  # wait until the immediate run has stored its record
            assert time.time() < deadline, "serve did not run"
            if db.exists():
                con = sqlite3.connect(db)
                try:
                    done = con.execute("select count(*) from runs where finished_at is not null").fetchone()[0]
                except sqlite3.OperationalError:
                    done = 0
                con.close()
                if done:
                    break
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopping after the current job" in err and "serve stopped" in err
    assert "Traceback" not in err


def test_missing_token_variable_is_a_config_error(write_config, cli, monkeypatch):
    config = write_config({"profiles": [{"name": "m", "platform": "export", "path": "e", "token_env": "PM_NOT_SET_ANYWHERE"}]})
    proc = cli(["run", "--config", config])
    assert proc.returncode == 2
    assert "profiles.m.token_env: environment variable PM_NOT_SET_ANYWHERE is not set" in proc.stderr
    assert str(config) in proc.stderr


def test_corrupt_database_file_gives_clear_message(write_config, make_export, export_post, cli):
    config = _export_config(write_config, make_export, export_post)
    db = load_config(config).practice.state_dir / "monitor.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not a database at all" * 100)
    proc = cli(["run", "--config", config])
    assert proc.returncode == 1
    assert "damaged or is not a practice-monitor database" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere; the permission case needs an ordinary user")
def test_unwritable_state_dir(write_config, cli, tmp_path):  # pragma: no cover - depends on the user
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    config = write_config({"practice": {"state_dir": str(locked / "state")}})
    proc = cli(["run", "--config", config])
    assert proc.returncode == 1 and "cannot be created" in proc.stderr


def test_state_dir_that_is_a_file(write_config, cli, tmp_path):
    (tmp_path / "state-file").write_text("oops")
    config = write_config({"practice": {"state_dir": str(tmp_path / "state-file")}})
    proc = cli(["run", "--config", config])
    assert proc.returncode == 1
    assert "state_dir" in proc.stderr and "cannot be created" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_full_disk_during_run_then_recovery(write_config, make_export, export_post, cli):
    """A run that cannot write (file size limit, as on a full disk) fails clearly; the next run carries on."""
    config = _export_config(write_config, make_export, export_post, n_posts=30, comments_per_post=100)
    cli(["findings", "list", "--config", config], check_rc=0)  # creates the database while there is room
    limit = """
import resource, signal, sys, runpy
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))
sys.argv = ["practice-monitor", "run", "--config", sys.argv[1]]
runpy.run_module("monitor", run_name="__main__")
"""
    proc = subprocess.run([sys.executable, "-c", limit, str(config)], capture_output=True, text=True, timeout=120)
    assert proc.returncode in (1, 3), proc.stderr
    assert "Traceback" not in proc.stderr
    assert "disk" in proc.stderr.lower() or "full" in proc.stderr.lower() or "too large" in proc.stderr.lower(), proc.stderr
    again = cli(["run", "--config", config, "--json"])
    assert again.returncode == 0, again.stderr
    db = sqlite3.connect(load_config(config).practice.state_dir / "monitor.db")
    assert db.execute("select count(*), count(distinct item_id) from seen_items").fetchone() == (30 * 101, 30 * 101)
    db.close()


def test_run_json_contract_shape(write_config, make_export, export_post, cli):
    config = _export_config(write_config, make_export, export_post)
    out = json.loads(cli(["run", "--json", "--config", config], check_rc=0).stdout)
    assert set(out) >= {"profiles", "alerts_sent", "alerts_pending"}
    assert set(out["profiles"][0]) >= {"name", "platform", "status", "items_new", "findings_new", "error"}
