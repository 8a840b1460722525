"""Alembic environment, run in-process by monitor.store.migrate (users need no alembic.ini).

migrate.py hands over an open connection in `config.attributes["connection"]`; the migration runs
inside that connection's transaction, under the advisory lock migrate.py holds on PostgreSQL.
"""

from __future__ import annotations

from alembic import context

from monitor.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite changes columns by copying the table
        compare_type=True,
        # Tables of the task engine (procrastinate) live in the same database; they are not ours.
        include_name=lambda name, type_, parent: not (type_ == "table" and name and name.startswith("procrastinate_")),
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is None:  # e.g. a developer running the alembic CLI with a URL in the config
    from sqlalchemy import create_engine

    from monitor.store.db import normalise_url

    engine = create_engine(normalise_url(config.get_main_option("sqlalchemy.url")))
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
else:
    _run(connection)
