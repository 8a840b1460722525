"""Schema creation and upgrades through Alembic, run in-process (users need no alembic.ini).

`upgrade(store)` brings the project's tables to the newest revision in monitor/store/migrations and,
on PostgreSQL, the task engine's tables (procrastinate) to the installed version. It keeps every row,
does nothing when the schema is current, and is safe when several processes or machines run it at
once: PostgreSQL serialises them with an advisory lock, SQLite with a write transaction.

Databases made by the early create_all placeholder have our tables but no alembic_version table;
the revisions skip what already exists (0001 creates only missing tables, later ones use the
*_if_missing helpers), so such a database is adopted by simply upgrading it.

Developers add a revision after changing monitor/store/models.py with:
    python -m monitor.store.migrate revision "what changed"
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select

MIGRATIONS = Path(__file__).with_name("migrations")
ENGINE_SCHEMA_KEY = "engine_schema:procrastinate"

log = logging.getLogger(__name__)


def alembic_config(connection=None, url: str | None = None) -> AlembicConfig:
    """An Alembic configuration pointing at the package's migrations, for an open connection."""
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(store) -> None:
    """Bring the schema to the newest revision. Safe to run again; holds an advisory lock on PostgreSQL."""
    if store.is_postgres:
        _upgrade_postgres(store)
    else:
        _upgrade_sqlite(store)


def _upgrade_postgres(store) -> None:
    from monitor.store.pg import MIGRATION_LOCK, held_lock

    engine = store.engine
    with engine.connect() as conn:  # cheap check first: most commands find the schema current
        if _project_current(conn) and _engine_schema_current(conn):
            return
    with held_lock(engine, MIGRATION_LOCK):  # another machine may be upgrading right now: wait for it
        with engine.begin() as conn:
            if not _project_current(conn):
                log.info("upgrading the database schema to revision %s", head_revision())
                command.upgrade(alembic_config(conn), "head")
        upgrade_engine_schema(engine)


def _upgrade_sqlite(store) -> None:
    with store.engine.connect() as conn:
        if _project_current(conn):
            return
    with store.engine.connect() as conn:
        # pysqlite opens no transaction for DDL by itself; BEGIN IMMEDIATE takes the write lock now,
        # so a second process waits (busy_timeout) and then finds the schema current.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            if not _project_current(conn):
                log.info("upgrading the database schema to revision %s", head_revision())
                command.upgrade(alembic_config(conn), "head")
            conn.exec_driver_sql("COMMIT")
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise


def _project_current(conn) -> bool:
    return current_revision(conn) == head_revision()


# --- the task engine's schema (procrastinate), PostgreSQL only -------------------------------------

def _procrastinate():
    try:
        import procrastinate  # noqa: F401
        from procrastinate import schema
    except ImportError:
        return None
    return schema


def engine_installed() -> bool:
    """Whether the task engine (procrastinate, the `postgres` extra) is installed here."""
    return _procrastinate() is not None


def _latest_engine_migration() -> str | None:
    schema = _procrastinate()
    if schema is None:
        return None
    names = sorted(p.name for p in Path(schema.SchemaManager.get_migrations_path()).glob("*.sql"))
    return names[-1] if names else ""


def _engine_marker(conn) -> str | None:
    from monitor.store.models import KeyValue

    if not inspect(conn).has_table(KeyValue.__tablename__):
        return None
    row = conn.execute(select(KeyValue.value).where(KeyValue.key == ENGINE_SCHEMA_KEY)).scalar()
    return (row or {}).get("migration") if isinstance(row, dict) else None


def _engine_schema_current(conn) -> bool:
    latest = _latest_engine_migration()
    if latest is None:  # procrastinate is not installed: nothing to keep current
        return True
    return _engine_marker(conn) == latest and inspect(conn).has_table("procrastinate_jobs")


def upgrade_engine_schema(engine) -> None:
    """Create procrastinate's tables, or apply its migrations newer than those already applied.

    procrastinate ships a full schema.sql plus one SQL file per change; it leaves tracking what was
    applied to the application. We record the newest file applied in kv_state. Call with the
    migration advisory lock held.
    """
    schema = _procrastinate()
    if schema is None:
        return
    import procrastinate

    from monitor.store.models import KeyValue, utcnow

    latest = _latest_engine_migration()
    with engine.connect() as conn:
        exists = inspect(conn).has_table("procrastinate_jobs")
        marker = _engine_marker(conn)
    if exists and marker == latest:
        return
    if exists and marker is not None and marker > latest:
        log.warning("the task engine's tables are newer (%s) than the installed procrastinate %s expects; "
                    "install the newer procrastinate again", marker, procrastinate.__version__)
        return
    if not exists:
        log.info("creating the task engine's tables (procrastinate %s)", procrastinate.__version__)
        _run_sql(engine, schema.SchemaManager.get_schema())
    elif marker is None:
        # Tables made by hand (e.g. `procrastinate schema --apply`) with this version: adopt them.
        log.info("adopting the task engine's existing tables")
    else:
        for path in sorted(Path(schema.SchemaManager.get_migrations_path()).glob("*.sql")):
            if path.name > marker:
                log.info("applying the task engine's migration %s", path.name)
                _run_sql(engine, path.read_text(encoding="utf-8"))
    with engine.begin() as conn:
        value = {"migration": latest, "version": procrastinate.__version__}
        updated = conn.execute(
            KeyValue.__table__.update().where(KeyValue.key == ENGINE_SCHEMA_KEY).values(value=value, updated_at=utcnow())
        ).rowcount
        if not updated:
            conn.execute(KeyValue.__table__.insert().values(key=ENGINE_SCHEMA_KEY, value=value, updated_at=utcnow()))


def _run_sql(engine, sql: str) -> None:
    """Run a multi-statement SQL script in one transaction (psycopg's simple query protocol)."""
    with engine.begin() as conn:
        dbapi = conn.connection.driver_connection
        with dbapi.cursor() as cur:
            cur.execute(sql)  # no parameters: several statements are allowed and '%' is literal


def drop_engine_schema_marker(engine) -> None:
    """Forget which engine migrations were applied (tests use it to simulate an old database)."""
    from monitor.store.models import KeyValue

    with engine.begin() as conn:
        conn.execute(KeyValue.__table__.delete().where(KeyValue.key == ENGINE_SCHEMA_KEY))


# --- developer tool ---------------------------------------------------------------------------------

def _make_revision(message: str) -> None:
    """Autogenerate a revision from the difference between the migrated schema and the models."""
    import tempfile

    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/rev.db"
        engine = create_engine(url)
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with engine.begin() as conn:
            heads = ScriptDirectory.from_config(alembic_config()).get_heads()
            number = len([p for p in (MIGRATIONS / "versions").glob("[0-9]*.py")]) + 1
            command.revision(
                alembic_config(conn), message=message, autogenerate=True, head=heads[0],
                rev_id=f"{number:04d}",
            )
        engine.dispose()


if __name__ == "__main__":  # pragma: no cover - developer tool
    if len(sys.argv) == 3 and sys.argv[1] == "revision":
        _make_revision(sys.argv[2])
    else:
        print('usage: python -m monitor.store.migrate revision "what changed"', file=sys.stderr)
        sys.exit(2)
