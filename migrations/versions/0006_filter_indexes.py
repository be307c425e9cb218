"""Indexes for the filter bar: active users in time order, an author's posts by last edit.

The users view filtered to active (or inactive) users and sorted by a time is one range of an
index on (is_active, time key, id): the first page, a deep jump (the skipped rows are counted
in the index alone) and the count all stay in the index. The posts view filtered to one author
and sorted by last edit likewise (migration 0004 already has author_id with created_at's key).
The time keys are spelled exactly as ``desktop_app/infrastructure/database/sort_keys.py``
builds them, as in migration 0004.

Additive only: indexes, nothing the web backend writes is constrained. ``IF NOT EXISTS`` on
both backends, so a database that already has one keeps it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_NO_TIME = "'-infinity'::timestamptz"

# name -> (table, indexed expressions)
SQLITE_INDEXES = {
    "ix_users_is_active_created_at_key": (
        "users",
        "is_active, coalesce(julianday(created_at), 0), id",
    ),
    "ix_users_is_active_updated_at_key": (
        "users",
        "is_active, coalesce(julianday(updated_at), 0), id",
    ),
    "ix_posts_author_id_updated_at_key": (
        "posts",
        "author_id, coalesce(julianday(updated_at), 0), id",
    ),
}
PG_INDEXES = {
    "ix_users_is_active_created_at_key": ("users", "is_active, created_at, id"),
    "ix_users_is_active_updated_at_key": (
        "users",
        f"is_active, coalesce(updated_at, {PG_NO_TIME}), id",
    ),
    "ix_posts_author_id_updated_at_key": (
        "posts",
        f"author_id, coalesce(updated_at, {PG_NO_TIME}), id",
    ),
}


def _indexes() -> dict[str, tuple[str, str]]:
    return SQLITE_INDEXES if op.get_context().dialect.name == "sqlite" else PG_INDEXES


def upgrade() -> None:
    for name, (table, expressions) in _indexes().items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({expressions})")


def downgrade() -> None:
    for name in _indexes():
        op.execute(f"DROP INDEX IF EXISTS {name}")
