"""Helpers for revisions that must also work on databases created by the old create_all placeholder.

Such a database has no alembic_version table; migrate.py stamps it at 0001 and runs the later
revisions, some of whose changes create_all may already have made. These helpers skip what exists.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


def _inspector():
    return sa.inspect(op.get_bind())


def has_table(table: str) -> bool:
    return _inspector().has_table(table)


def has_column(table: str, column: str) -> bool:
    return any(c["name"] == column for c in _inspector().get_columns(table))


def has_index(table: str, index: str) -> bool:
    return any(i["name"] == index for i in _inspector().get_indexes(table))


def add_column_if_missing(table: str, column: sa.Column) -> None:
    if not has_column(table, column.name):
        with op.batch_alter_table(table) as batch:
            batch.add_column(column)


def create_index_if_missing(index: str, table: str, columns: list[str], *, unique: bool = False) -> None:
    if not has_index(table, index):
        op.create_index(index, table, columns, unique=unique)


def create_table_if_missing(table: str, *columns, **kwargs) -> None:
    if not has_table(table):
        op.create_table(table, *columns, **kwargs)
