"""`db upgrade`: creates or upgrades the schema keeping every row, on SQLite and on PostgreSQL."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from monitor.store.db import Store, normalise_url
from monitor.store.migrate import alembic_config, current_revision, head_revision
from monitor.store.models import Base

FIRST = "0001"


def _engine(url: str):
    return create_engine(normalise_url(url))


def _at_revision(url: str, revision: str) -> None:
    """A database at an old revision, as an older practice-monitor left it."""
    if url.startswith("sqlite"):
        Store(url).dispose()  # creates the folder
    engine = _engine(url)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    engine.dispose()


ROWS = {
    "profiles": "INSERT INTO profiles (name, platform, last_status, cursor) VALUES ('clinic-a', 'mastodon', 'ok', '{\"v\": 1}')",
    "findings": "INSERT INTO findings (dedupe_key, profile, platform, item_id, category, severity, rule, reasons, evidence, "
                "action, subject, details, fingerprint, status, created_at, updated_at, last_seen) VALUES "
                "('k1', 'clinic-a', 'mastodon', '42', 'crisis', 'urgent', 'crisis.self_harm', '[\"a reason\"]', '[]', "
                "'call', '', '{}', 'fp', 'acknowledged', '2025-01-02 03:04:05+00', '2025-01-02 03:04:05+00', '2025-01-02 03:04:05+00')",
    "outbox": "INSERT INTO outbox (message_id, kind, recipients, subject, raw, finding_ids, status, attempts, next_attempt_at, created_at) "
              "VALUES ('<m1@x>', 'alert', '[\"a@example.org\"]', 'Urgent: crisis', :raw, '[1]', 'sent', 1, "
              "'2025-01-02 03:04:05+00', '2025-01-02 03:04:05+00')",
    "seen_items": "INSERT INTO seen_items (profile, item_id, kind, content_hash, first_seen, last_checked) VALUES "
                  "('clinic-a', '42', 'post', 'h', '2025-01-02 03:04:05+00', '2025-01-02 03:04:05+00')",
    "kv_state": "INSERT INTO kv_state (key, value, updated_at) VALUES ('lookups:mastodon', '{\"next\": 7}', '2025-01-02 03:04:05+00')",
}


def _insert_rows(url: str) -> None:
    engine = _engine(url)
    with engine.begin() as conn:
        for sql in ROWS.values():
            conn.execute(text(sql), {"raw": b"From: m\r\n\r\nbody"} if ":raw" in sql else {})
    engine.dispose()


def _assert_rows_intact(url: str) -> None:
    engine = _engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name, platform, last_status FROM profiles")).all() == [("clinic-a", "mastodon", "ok")]
        f = conn.execute(text("SELECT dedupe_key, category, severity, status, item_id FROM findings")).all()
        assert f == [("k1", "crisis", "urgent", "acknowledged", "42")]
        o = conn.execute(text("SELECT message_id, status, raw FROM outbox")).all()
        assert [(m, s, bytes(r)) for m, s, r in o] == [("<m1@x>", "sent", b"From: m\r\n\r\nbody")]
        assert conn.execute(text("SELECT item_id, content_hash FROM seen_items")).all() == [("42", "h")]
        assert conn.execute(text("SELECT key FROM kv_state WHERE key = 'lookups:mastodon'")).all() == [("lookups:mastodon",)]
        assert current_revision(conn) == head_revision()
    engine.dispose()


def _assert_schema_matches_models(url: str) -> None:
    engine = _engine(url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "include_name": lambda name, type_, parent: not (type_ == "table" and name.startswith("procrastinate_")),
        })
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == [], f"the migrations do not produce the models' schema; write a revision for: {diff}"


def _config(write_config, url: str):
    return write_config({"database": {"url": url}})


def test_migrations_produce_exactly_the_models_schema(db_url):
    """Drift guard: a column added to models.py without a revision fails here."""
    store = Store(db_url)
    store.upgrade()
    store.dispose()
    _assert_schema_matches_models(db_url)


def test_db_upgrade_from_the_first_schema_keeps_every_row(db_url, write_config, pm):
    _at_revision(db_url, FIRST)
    _insert_rows(db_url)
    out = pm(["db", "upgrade", "--config", _config(write_config, db_url)], check_rc=0)
    assert head_revision() in out.stdout
    _assert_rows_intact(db_url)
    _assert_schema_matches_models(db_url)


def test_database_made_by_the_old_create_all_is_adopted(db_url, write_config, pm):
    """The placeholder created the tables without a version record; upgrading adopts them."""
    _at_revision(db_url, FIRST)
    engine = _engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    engine.dispose()
    _insert_rows(db_url)
    pm(["db", "upgrade", "--config", _config(write_config, db_url)], check_rc=0)
    _assert_rows_intact(db_url)
    _assert_schema_matches_models(db_url)


def test_database_made_by_create_all_of_newer_models_is_adopted(db_url, write_config, pm):
    """Even when create_all already made columns that later revisions add, nothing is added twice."""
    if db_url.startswith("sqlite"):
        Store(db_url).dispose()
    engine = _engine(db_url)
    Base.metadata.create_all(engine)
    engine.dispose()
    _insert_rows(db_url)
    pm(["db", "upgrade", "--config", _config(write_config, db_url)], check_rc=0)
    _assert_rows_intact(db_url)
    _assert_schema_matches_models(db_url)


def test_db_upgrade_twice_and_from_two_processes_at_once(db_url, write_config, pm):
    config = _config(write_config, db_url)
    if db_url.startswith("sqlite"):
        Store(db_url).dispose()
    procs = [subprocess.Popen([sys.executable, "-m", "monitor", "db", "upgrade", "--config", str(config)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(p.wait(timeout=120), p.stdout.read(), p.stderr.read()) for p in procs]
    assert all(rc == 0 for rc, _, _ in results), results
    again = pm(["db", "upgrade", "--config", config], check_rc=0)
    assert "is current" in again.stdout
    _insert_rows(db_url)
    _assert_rows_intact(db_url)


def test_db_upgrade_creates_the_task_engine_tables_on_postgres(pg_url, write_config, pm):
    out = pm(["db", "upgrade", "--config", _config(write_config, pg_url)], check_rc=0)
    assert "procrastinate" in out.stdout
    engine = _engine(pg_url)
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert {"procrastinate_jobs", "procrastinate_workers", "procrastinate_periodic_defers", "findings"} <= tables


def test_task_engine_tables_made_by_hand_are_adopted(pg_url, write_config, pm):
    """`procrastinate schema --apply` run by an admin before our first upgrade: no error, no second copy."""
    from procrastinate.schema import SchemaManager

    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(SchemaManager.get_schema())
    pm(["db", "upgrade", "--config", _config(write_config, pg_url)], check_rc=0)
    again = pm(["db", "upgrade", "--config", _config(write_config, pg_url)], check_rc=0)
    assert "is current" in again.stdout


def test_db_upgrade_on_sqlite_says_the_engine_is_postgres_only(tmp_path, write_config, pm):
    out = pm(["db", "upgrade", "--config", write_config({})], check_rc=0)
    assert "revision" in out.stdout and "procrastinate" not in out.stdout


@pytest.mark.parametrize("broken", ["postgresql://nobody@127.0.0.1:1/none"])
def test_unreachable_postgres_is_one_clear_line(broken, write_config, pm):
    out = pm(["db", "upgrade", "--config", _config(write_config, broken)])
    assert out.returncode == 1
    lines = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "database" in lines[0] and "Traceback" not in out.stderr
