"""The store and the pipeline behave the same on SQLite and on PostgreSQL (each test runs on both)."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

from monitor.store.db import normalise_url


def _config(write_config, mastodon_profiles, db_url: str, n: int = 3):
    return write_config({"database": {"url": db_url}, "profiles": mastodon_profiles(n), "http": {"retries": 0}})


def test_run_stores_findings_once_and_later_runs_only_read_what_is_new(db_url, write_config, mastodon_profiles, pm):
    config = _config(write_config, mastodon_profiles, db_url)
    first = json.loads(pm(["run", "--json", "--config", config], check_rc=0).stdout)
    assert [p["status"] for p in first["profiles"]] == ["ok"] * 3
    assert all(p["items_new"] == 3 and p["findings_new"] > 0 for p in first["profiles"]), first
    assert first["alerts_sent"] >= 1

    listed = json.loads(pm(["findings", "list", "--json", "--status", "all", "--config", config], check_rc=0).stdout)
    assert len(listed) == sum(p["findings_new"] for p in first["profiles"])
    assert {f["profile"] for f in listed} == {"clinic0", "clinic1", "clinic2"}
    assert "crisis" in {f["category"] for f in listed}  # the reply under each post

    second = json.loads(pm(["run", "--json", "--config", config], check_rc=0).stdout)
    assert [(p["items_new"], p["findings_new"]) for p in second["profiles"]] == [(0, 0)] * 3
    assert second["alerts_sent"] == 0
    again = json.loads(pm(["findings", "list", "--json", "--status", "all", "--config", config], check_rc=0).stdout)
    assert sorted(f["id"] for f in again) == sorted(f["id"] for f in listed)


def test_admin_workflow_on_both_stores(db_url, write_config, mastodon_profiles, pm):
    config = _config(write_config, mastodon_profiles, db_url, n=1)
    pm(["run", "--config", config], check_rc=0)
    listed = json.loads(pm(["findings", "list", "--json", "--config", config], check_rc=0).stdout)
    target = listed[0]["id"]
    shown = pm(["findings", "show", str(target), "--config", config], check_rc=0)
    assert listed[0]["rule"] in shown.stdout
    pm(["findings", "resolve", str(target), "--note", "comment hidden", "--config", config], check_rc=0)
    after = json.loads(pm(["findings", "list", "--json", "--status", "all", "--config", config], check_rc=0).stdout)
    assert {f["id"]: f["status"] for f in after}[target] == "resolved"
    open_now = json.loads(pm(["findings", "list", "--json", "--config", config], check_rc=0).stdout)
    assert target not in {f["id"] for f in open_now}


def test_timestamps_come_back_timezone_aware_on_both_stores(db_url):
    """UTCDateTime round-trips an aware UTC time on both backends (SQLite drops the offset natively)."""
    from datetime import datetime, timezone

    from monitor.store.db import Store
    from monitor.store.models import KeyValue

    store = Store(db_url)
    store.upgrade()
    when = datetime(2026, 3, 29, 0, 30, tzinfo=timezone.utc)
    with store.session() as s:
        s.add(KeyValue(key="k", value={"n": 1}, updated_at=when))
    with store.session() as s:
        row = s.get(KeyValue, "k")
        assert row.updated_at == when and row.updated_at.tzinfo is not None
        assert row.value == {"n": 1}
    store.dispose()


def test_profile_errors_are_stored_once_on_both_stores(db_url, write_config, pm):
    """An unreachable profile: one profile_error finding, however many runs see it."""
    config = write_config({"database": {"url": db_url}, "http": {"retries": 0, "timeout": 2},
                           "profiles": [{"name": "gone", "platform": "mastodon", "base_url": "http://127.0.0.1:9",
                                         "account": "clinic0"}]})
    for _ in range(2):
        out = pm(["run", "--json", "--config", config])
        assert out.returncode == 3, out.stderr
    engine = create_engine(normalise_url(db_url))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT category FROM findings WHERE profile = 'gone'")).all()
    engine.dispose()
    assert rows == [("profile_error",)]
